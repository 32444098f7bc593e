"""The calendar as the site shows it: months, weeks, days, post chips and badges.

Pure data: nothing here knows mkdocs. :mod:`kalender.plugin.site_plugin` hands a
:class:`SiteView` to the templates in ``overrides/kalender/``. Links are page paths inside
the site (``kalender/2026-12/index.md``); the plugin turns them into URLs relative to the
page.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from sys import intern

from ..approval.counts import status_tally
from ..approval.standing import Standings, changed_label, effective_status
from ..core.dates import clock, day_name, day_short, full_date, month_label, week_range
from ..core.i18n import language, t
from ..core.model import (
    CATEGORIES,
    STATUSES,
    TYPES,
    Post,
    Week,
    cover_image,
)
from ..core.problems import Problem
from .views import (
    TOP,
    Badge,
    CaptionView,
    Choice,
    Day,
    Entry,
    FilterOptions,
    FindingView,
    HomeView,
    Link,
    ListView,
    MonthRow,
    MonthView,
    PostView,
    SiteInput,
    SiteView,
    StatusCount,
    Thumbnail,
    ThumbnailMaker,
    View,
    WeekGroup,
    WeekView,
)

HOME_PAGE = "index.md"
LIST_PAGE = "daftar/index.md"
CHANGED = "berubah"  # an approved post changed after approval (shown by the approval work)
STATUS_ICONS: dict[str, str] = {
    "usulan": "material/lightbulb-outline",
    "draf": "material/pencil",
    "diajukan": "material/send",
    "diparaf": "material/draw-pen",
    "disetujui": "material/check-decagram",
    "diunggah": "material/cloud-upload",
    "revisi": "material/undo-variant",
    CHANGED: "material/alert-decagram",
}
OTHER_PLATFORM_ICON = "material/web"  # a platform the calendar data does not name
CAPTION_START = 140  # characters of the caption shown on a week card
ROWS_SHOWN = 100  # rows of a waiting list on the meeting and Menunggu pages; then a count


# --- badges: the one place a post's displayed status is decided -------------------------


def badge(status: str) -> Badge:
    """The badge of ``status`` (one of the SOP's states, or ``berubah``)."""
    return _badge(status, language())


@functools.lru_cache(maxsize=256)
def _badge(status: str, lang: str) -> Badge:
    """One Badge object per status and language, shared by every post that shows it."""
    label = t("site.status_changed") if status == CHANGED else t(f"status.{status}")
    return Badge(status, label, STATUS_ICONS[status])


def display_status(post: Post, standings: Standings | None = None) -> Badge:
    """The badge a post shows on every page.

    Every status display goes through here: the state the approval records give
    (:func:`kalender.approval.machine.effective_status`), or ``berubah`` when the content changed
    after the paraf or approval the status rests on.
    """

    status = effective_status(post, standings)
    if status == CHANGED:
        return Badge(status, changed_label(post, standings), STATUS_ICONS[CHANGED])
    return badge(status)


def legend(shown: Iterable[Badge] = ()) -> tuple[Badge, ...]:
    """Every SOP status, then any other state a page shows (such as ``berubah``)."""
    badges = [badge(status) for status in STATUSES]
    extra = {b.status: b for b in shown if b.status not in STATUSES}
    return (*badges, *extra.values())


# --- page paths -------------------------------------------------------------------------


def month_page(year: int, month: int) -> str:
    """``kalender/2026-12/index.md``."""
    return f"kalender/{year:04d}-{month:02d}/index.md"


def week_page(week: Week) -> str:
    """``minggu/2026-W49/index.md``."""
    return f"minggu/{week.label}/index.md"


def post_page(post_id: str) -> str:
    """``pos/2026-12-09-hari-antikorupsi/index.md``."""
    return f"pos/{post_id}/index.md"


def month_link(year: int, month: int) -> Link:
    return _month_link(year, month, language())


def week_link(week: Week) -> Link:
    return _week_link(week, language())


@functools.lru_cache(maxsize=4096)
def _month_link(year: int, month: int, lang: str) -> Link:
    """One Link object per month and language, shared by every post page (frozen: safe)."""
    return Link(month_page(year, month), month_label(year, month))


@functools.lru_cache(maxsize=4096)
def _week_link(week: Week, lang: str) -> Link:
    """One Link object per week and language, shared by every post page and day."""
    return Link(week_page(week), t("site.week_title", number=week.number, year=week.year))


# --- the calendar's shape ---------------------------------------------------------------

Month = tuple[int, int]


def month_grid(year: int, month: int) -> list[list[dt.date]]:
    """The weeks of a month view, Monday first, padded with the neighbouring months' days."""
    weeks = _calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [list(days) for days in weeks]


def months_between(first: dt.date, last: dt.date) -> list[Month]:
    """Every (year, month) from ``first``'s month to ``last``'s month."""
    months: list[Month] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def weeks_between(first: dt.date, last: dt.date) -> list[Week]:
    """Every ISO week from the one holding ``first`` to the one holding ``last``."""
    weeks, week = [], Week.of(first)
    while week.monday <= last:
        weeks.append(week)
        week = week.shifted(1)
    return weeks


def site_span(posts: Sequence[Post], today: dt.date) -> list[Month]:
    """The months the site shows: first to last post, with this week and next week."""
    days = [p.date for p in posts] + [today, Week.of(today).shifted(1).days[-1]]
    return months_between(min(days), max(days))


# --- posts as the calendar shows them ---------------------------------------------------


def category_choice(category: str) -> Choice:
    return _choice("site.category", category, language())


def type_choice(post_type: str) -> Choice:
    return _choice("site.type", post_type, language())


@functools.lru_cache(maxsize=1024)
def _choice(prefix: str, value: str, lang: str) -> Choice:
    """One Choice object per value and language, shared by every post (frozen: safe)."""
    return Choice(value, t(f"{prefix}.{value}"))


def platform_choice(platform: str, names: Mapping[str, str],
                    icons: Mapping[str, str] | None = None) -> Choice:
    """A platform as a filter and a chip shows it: its name and icon from ``platforms.yml``."""
    icon = (icons or {}).get(platform, OTHER_PLATFORM_ICON)
    return _platform_choice(platform, names.get(platform, platform), icon)


@functools.lru_cache(maxsize=1024)
def _platform_choice(platform: str, name: str, icon: str) -> Choice:
    """One Choice object per platform as shown, shared by every post's chips."""
    return Choice(platform, name, icon)


def caption_start(post: Post, limit: int = CAPTION_START) -> str:
    """The first words of the post's caption (the shared one, else the first platform's)."""
    text = post.caption or next((c.text for c in post.captions.values() if c.text), "")
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return f"{cut}…"


def make_entry(post: Post, source: SiteInput) -> Entry:
    """The calendar's view of one post."""
    names, thumbnail = source.platform_names, source.thumbnail
    return Entry(
        id=post.id, page=post_page(post.id), title=post.title, day=post.date,
        date_label=intern(full_date(post.date)), time=intern(clock(post.when))
        if post.time_fixed else "",  # one text a day, a time: many posts (issue 23, memory11)
        category=category_choice(post.category), type=type_choice(post.type),
        platforms=tuple(platform_choice(p, names, source.platform_icons)
                        for p in post.platforms),
        badge=display_status(post, source.standings), caption_start=caption_start(post),
        thumbnail=_thumbnail(post, thumbnail),
    )


def _thumbnail(post: Post, thumbnail: ThumbnailMaker) -> Thumbnail | None:
    media = cover_image(post)
    if media is None:
        return None
    page = thumbnail(media.cover if media.is_video and media.cover else media.path)
    return Thumbnail(page, media.alt, media.focus or TOP) if page else None


# --- views ------------------------------------------------------------------------------


class _Builder:
    """Builds the views of one site from its posts."""

    def __init__(self, source: SiteInput) -> None:
        self.source, self.today = source, source.today
        self.views: dict[str, PostView] = {}  # the post pages, when kept in source.memo
        self.entries: dict[str, Entry] = {}
        for post in source.posts:
            if source.memo is not None:
                view = source.memo.get(post, partial(self.post, post))
                self.views[post.id], self.entries[post.id] = view, view.entry
            else:
                self.entries[post.id] = make_entry(post, source)
        self.by_day: dict[dt.date, list[Entry]] = {}
        for post in source.posts:
            self.by_day.setdefault(post.date, []).append(self.entries[post.id])
        self.months = site_span(source.posts, self.today)
        first, last = self.months[0], self.months[-1]
        self.weeks = weeks_between(dt.date(*first, 1), _last_day(*last))

    def day(self, date: dt.date, in_period: bool) -> Day:
        entries = tuple(self.by_day.get(date, ())) if in_period else ()
        marks = tuple(self.source.marks(date)) if in_period else ()
        return Day(date, full_date(date), day_name(date), in_period, date == self.today,
                   entries, marks)

    def month(self, index: int) -> MonthView:
        year, month = self.months[index]
        rows = tuple(
            MonthRow(week_link(Week.of(days[0])), Week.of(days[0]).number,
                     tuple(self.day(d, d.month == month) for d in days))
            for days in month_grid(year, month)
        )
        count = sum(len(d.entries) for row in rows for d in row.days)
        return MonthView(month_page(year, month), month_label(year, month), rows,
                         self._month_at(index - 1), self._month_at(index + 1), count)

    def _month_at(self, index: int) -> Link | None:
        if 0 <= index < len(self.months):
            return month_link(*self.months[index])
        return None

    def week(self, index: int) -> WeekView:
        week = self.weeks[index]
        days = tuple(self.day(d, True) for d in week.days)
        touched = dict.fromkeys((d.year, d.month) for d in week.days)
        months = tuple(month_link(*m) for m in touched if m in self.months)
        previous = week_link(self.weeks[index - 1]) if index > 0 else None
        following = week_link(self.weeks[index + 1]) if index + 1 < len(self.weeks) else None
        return WeekView(week, week_page(week), week_link(week).label, week_range(week), days,
                        previous, following, months, sum(len(d.entries) for d in days))

    def list_view(self) -> ListView:
        groups: dict[Week, list[Entry]] = {}
        for post in self.source.posts:
            groups.setdefault(post.week, []).append(self.entries[post.id])
        return ListView(LIST_PAGE, t("site.list_title"), tuple(
            WeekGroup(week_link(w), week_range(w), tuple(e)) for w, e in groups.items()
        ), len(self.entries))

    def home(self, weeks: Mapping[str, WeekView]) -> HomeView:
        this_week = Week.of(self.today)
        tally = status_tally(self.source.posts, lambda p: self.entries[p.id].badge.status)
        counts = {s: n for s, n in tally.items() if s in STATUSES or n}
        shown = {entry.badge.status: entry.badge for entry in self.entries.values()}
        return HomeView(
            HOME_PAGE, full_date(self.today), weeks[week_page(this_week)],
            weeks[week_page(this_week.shifted(1))],
            month_link(self.today.year, self.today.month),
            tuple(month_link(*m) for m in self.months),
            tuple(StatusCount(shown.get(s) or badge(s), n) for s, n in counts.items()),
            len(self.entries), t("site.home_title"),
        )

    def post(self, post: Post) -> PostView:
        entry = self.entries.get(post.id) or \
            make_entry(post, self.source)
        legal = post.legal_product
        return PostView(
            entry=entry, page=entry.page, title=post.title, when_label=_when_label(post),
            file=_relative(post.path, self.source.root), captions=_captions(post, entry),
            hashtags=post.hashtags, legal_product=legal,
            citation=legal.citation() if legal else "",
            enacted_label=full_date(legal.tanggal_penetapan)
            if legal and legal.tanggal_penetapan else "",
            source=post.source, images=self._images(post),
            findings=tuple(_finding(p, self.source) for p in
                           self.source.findings.get(post.id, ())),
            week=week_link(post.week), month=month_link(post.date.year, post.date.month),
            body=post.body,
        )

    def _images(self, post: Post) -> tuple[Thumbnail, ...]:
        images = []
        for media in post.media:
            picture = media.cover if media.is_video else media.path
            page = self.source.thumbnail(picture) if picture else None
            if page:
                images.append(Thumbnail(page, media.alt))
        return tuple(images)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def _when_label(post: Post) -> str:
    if not post.time_fixed:
        return t("site.when_day_only", date=full_date(post.date))
    zone = post.when.tzname() or ""
    return t("site.when", date=full_date(post.date), time=clock(post.when), zone=zone)


def _captions(post: Post, entry: Entry) -> tuple[CaptionView, ...]:
    return tuple(
        CaptionView(platform, target.format, post.caption_for(target.platform).title,
                    post.text_for(target.platform))
        for platform, target in zip(entry.platforms, post.targets, strict=True)
    )


def _finding(problem: Problem, source: SiteInput) -> FindingView:
    platform = source.platform_names.get(problem.platform or "", problem.platform)
    return FindingView(problem.code, problem.severity.value,
                       t(f"check.{problem.severity.value}"), problem.message, platform,
                       problem.where(source.root))


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def filter_options(platform_names: Mapping[str, str],
                   icons: Mapping[str, str] | None = None) -> FilterOptions:
    """The choices of the four filters: platform, category, type and status."""
    return FilterOptions(
        platforms=tuple(platform_choice(p, platform_names, icons) for p in platform_names),
        categories=tuple(category_choice(c) for c in CATEGORIES),
        types=tuple(type_choice(ty) for ty in TYPES),
        statuses=tuple(Choice(b.status, b.label, b.icon) for b in legend()),
    )


def build_site(source: SiteInput) -> SiteView:
    """Every view of the calendar site, from posts already loaded and checked."""
    builder = _Builder(source)
    site = SiteView(
        today=source.today,
        weekdays=tuple(day_name(d) for d in Week.of(source.today).days),
        weekdays_short=tuple(day_short(d) for d in Week.of(source.today).days),
        legend=legend(e.badge for e in builder.entries.values()),
        filters=filter_options(source.platform_names, source.platform_icons),
    )
    for index in range(len(builder.months)):
        view = builder.month(index)
        site.months[view.page] = view
    for index in range(len(builder.weeks)):
        week = builder.week(index)
        site.weeks[week.page] = week
    site.posts = {p.id: builder.views.get(p.id) or builder.post(p) for p in source.posts}
    site.list = builder.list_view()
    site.home = builder.home(site.weeks)
    return site


def page_source(view: View) -> str:
    """The Markdown page mkdocs reads for ``view``: front matter naming its template.

    A post page carries the post's body, so mkdocs renders the material as Markdown.
    """
    meta: dict[str, object] = {
        # Escaped here: Material writes the title into <title>, the header and the search
        # index without escaping it.
        "title": html.escape(view.title, quote=False),
        "template": f"kalender/{view.kind}.html",
        "hide": ["navigation", "toc"],
    }
    if view.kind != "post":
        meta["search"] = {"exclude": True}
    # JSON is YAML too, and written ten times faster than by PyYAML (a page per post)
    front = json.dumps(meta, ensure_ascii=False) + "\n"
    body = view.body if isinstance(view, PostView) else ""
    return f"---\n{front}---\n\n{body}"
