"""The weekly meeting's part of the mkdocs plugin: the meeting pages (``rapat/2026-W49/``
and ``rapat/`` for this week), the past minutes (``rapat/2026-W49/notulen/``), the
national-calendar overlay of the month and week views, and the feed ``kalender.ics``.

The views come from :mod:`kalender.meeting.view` and :mod:`kalender.core.overlay`; the template is
``overrides/kalender/meeting.html``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..approval.standing import Standings
from ..core.atomic import write_bytes
from ..core.dates import full_date, long_date, week_range
from ..core.i18n import language, t
from ..core.important_days import days_in, load_important_days
from ..core.loader import Project
from ..core.memo import Memory
from ..core.model import Post, Week
from ..core.overlay import DayMark, Overlay, build_overlay, national_days
from ..core.postmemo import DiskMemo
from ..core.problems import Report
from ..core.words import kind_label
from ..meeting.view import Meeting, Plan, build_meeting, plan_of
from ..site.feed import feed, feed_stamp
from ..site.icons import IconSprite
from ..site.incremental import digest
from ..site.views import Link, WeekView
from .keptmeetings import KeptMeetings

CURRENT_PAGE = "rapat/index.md"
FEED_FILE = "kalender.ics"


def meeting_page(week: Week) -> str:
    """``rapat/2026-W49/index.md``."""
    return f"rapat/{week.label}/index.md"


def meeting_title(week: Week) -> str:
    """``Rapat mingguan minggu ke-50, 2026``: the week in words, not its ISO label."""
    return t("meeting.title_of", number=week.number, year=week.year)


def minutes_page(week: Week) -> str:
    """``rapat/2026-W49/notulen/index.md``."""
    return f"rapat/{week.label}/notulen/index.md"


@dataclass(frozen=True)
class MeetingView:
    """One meeting page: the meeting, its labels, and its neighbours."""

    meeting: Meeting
    page: str
    title: str
    range_label: str
    today_label: str  # "" on a meeting that does not follow today (see add_meetings)
    previous: Link | None
    next: Link | None
    minutes: str | None  # page of the minutes, when they were written

    def gap_label(self, gap_index: int) -> str:
        gap = self.meeting.gaps[gap_index]
        if gap.day is not None:
            return t("minutes.gap_day", date=full_date(gap.day))
        return t("minutes.gap_week", kind=kind_label(gap.kind), week=str(gap.week),
                 wanted=gap.wanted, found=gap.found)

    def coming_label(self, index: int) -> str:
        day = self.meeting.coming_days[index]
        return t("meeting.coming_day", name=day.name, date=long_date(day.day))


@dataclass
class MeetingSite:
    """Every meeting page by page path, and the overlay shared with the calendar views."""

    today: dt.date
    overlay: Overlay
    pages: dict[str, MeetingView] = field(default_factory=dict)
    minutes: dict[str, str] = field(default_factory=dict)  # week label -> minutes page
    strips: dict[tuple[str, int], tuple[Markup, list[str]]] = field(default_factory=dict)

    def of_week(self, week: Week) -> MeetingView | None:
        """The meeting page of ``week`` (templates: ``meetings.of_week(view.week)``)."""
        return self.pages.get(meeting_page(week))

    def minutes_of(self, week: Week) -> str | None:
        return self.minutes.get(week.label)

    def strip(self, week: WeekView, page: Page, icons: IconSprite | None,
              draw: Callable[[WeekView], Markup]) -> Markup:
        """``draw(week)`` (the week strip macro), drawn once per build for all meeting pages
        as deep as ``page``: each week's strip is on two of them (that week's and the week
        before's). Its links are the same from each (``rapat/YYYY-Www/``, and a strip
        links to nothing under ``rapat/``), and the icons it uses are added to ``icons``
        in the order drawing it would add them. Some 0.1 s of a ``--clean`` build at
        N = 1,000 (issue 23, branch clean10)."""
        key = (week.page, page.url.count("/"))
        known = self.strips.get(key)
        if known is None:
            known = self.strips[key] = _drawn(week, icons, draw)
        if icons is not None:
            for name in known[1]:
                icons.used.setdefault(name, None)
        return known[0]


def _drawn(week: WeekView, icons: IconSprite | None, draw: Callable[[WeekView], Markup]
           ) -> tuple[Markup, list[str]]:
    """A strip drawn, and the icons it used in the order it first used them."""
    if icons is None:
        return draw(week), []
    used, icons.used = icons.used, {}
    try:
        html = draw(week)
    finally:
        names, icons.used = list(icons.used), used
    return html, names


def overlay_for(project: Project, years: Iterable[int],
                kept: DiskMemo[list[DayMark]] | None = None) -> Overlay:
    """Holidays, collective leave, important days and stages for ``years`` (``kept``: the
    national days of earlier builds, by the years and the ``holidays`` package's version)."""
    wanted = sorted(set(years))
    national = partial(_national, kept) if kept is not None else national_days
    if project.calendar is None:
        return build_overlay(wanted, national=national)
    days = load_important_days(project.calendar.folder, Report())  # problems: kalender check
    return build_overlay(wanted, project.calendar.stages, days_in(days, wanted), national)


def _national(kept: DiskMemo[list[DayMark]], years: Iterable[int]) -> list[DayMark]:
    wanted = sorted(set(years))
    return kept.get(" ".join(map(str, wanted)), partial(national_days, wanted))


def add_meetings(project: Project, weeks: Sequence[Week], today: dt.date, overlay: Overlay,
                 files: Files, config: MkDocsConfig, memory: Memory | None = None,
                 standings: Standings | None = None,
                 kept: KeptMeetings | None = None) -> MeetingSite:
    """Build the meeting views and add their pages, and the minutes written so far
    (``kept``: ``kalender serve``'s views of the last build, see plugin.keptmeetings)."""
    site = MeetingSite(today, overlay)
    if project.calendar is None:
        return site
    site.minutes = _add_minutes(project.root, files, config)
    important = [(d, m.name) for d, marks in overlay.marks.items() for m in marks
                 if m.kind == "hari-penting"]
    current = Week.of(today)
    shown = sorted(set(weeks) | {current})
    plan = plan_of(today, project.posts, project.calendar, important,
                   moves=memory.moves if memory is not None else None, standings=standings)
    if kept is not None:
        kept.start((project.calendar,), (overlay, plan.unannounced, today, language()))
    for index, week in enumerate(shown):
        make = partial(_meeting_view, week, today, project, overlay, important, plan,
                       site.minutes, shown, index)
        view = make() if kept is None or follows_today(week, current) else kept.view(
            week, plan.by_week, (shown[index - 1:index], shown[index + 1:index + 2],
                                 site.minutes.get(week.label)), make)
        assert isinstance(view, MeetingView)
        site.pages[view.page] = view
        _add_page(files, config, view.page, view.title, "kalender/meeting.html")
    site.pages[CURRENT_PAGE] = site.pages[meeting_page(current)]
    _add_page(files, config, CURRENT_PAGE, t("meeting.current_title"), "kalender/meeting.html")
    return site


def _meeting_view(week: Week, today: dt.date, project: Project, overlay: Overlay,
                  important: list[tuple[dt.date, str]], plan: Plan, minutes: dict[str, str],
                  shown: list[Week], index: int) -> MeetingView:
    """The view of the meeting page of ``shown[index]``."""
    assert project.calendar is not None
    live = follows_today(week, Week.of(today))
    meeting = build_meeting(week, today, project.posts, project.calendar, overlay, important,
                            plan=plan, queues=live)  # the others show no queue
    return MeetingView(
        meeting=meeting if live else without_today(meeting),
        page=meeting_page(week),
        title=meeting_title(week), range_label=week_range(week),
        today_label=full_date(today) if live else "",
        previous=_link(shown[index - 1]) if index > 0 else None,
        next=_link(shown[index + 1]) if index + 1 < len(shown) else None,
        minutes=minutes.get(week.label),
    )


def follows_today(week: Week, current: Week) -> bool:
    """Whether the meeting of ``week`` shows what waits and what comes "today": this week's
    and next week's meetings do (docs/rapat.md); an earlier or a later one shows its own
    weeks only, so it is not rebuilt every day."""
    return week in (current, current.shifted(1))


def without_today(meeting: Meeting) -> Meeting:
    """``meeting`` without the parts that change with the day: the queues (a Plh. stands in
    by date), the posts returned for revision (today's, not that week's) and the coming
    important days. Its ``today`` becomes the last day of its week, which no page shows."""
    return replace(meeting, today=meeting.week.days[-1], waiting=[], returned=[],
                   coming_days=[])


def _link(week: Week) -> Link:
    return Link(meeting_page(week), meeting_title(week))


def _add_minutes(root: Path, files: Files, config: MkDocsConfig) -> dict[str, str]:
    """Each ``calendar/rapat/<week>.md`` as a page of the site, by week label."""
    found: dict[str, str] = {}
    for path in sorted((root / "calendar" / "rapat").glob("*.md")):
        try:
            week = Week.parse(path.stem)
            text = path.read_text(encoding="utf-8-sig")
        except (ValueError, OSError, UnicodeDecodeError):
            continue  # kalender rapat writes these; a stray file is not a minute
        page = minutes_page(week)
        if files.get_file_from_path(page) is None:
            files.append(File.generated(config, page, content=text))
        found[week.label] = page
    return found


def _add_page(files: Files, config: MkDocsConfig, page: str, title: str, template: str) -> None:
    if files.get_file_from_path(page) is not None:
        return  # a hand-written page at the same path wins
    meta = {"title": title, "template": template, "hide": ["navigation", "toc"],
            "search": {"exclude": True}}
    source = f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n"  # JSON is YAML too
    files.append(File.generated(config, page, content=source))


def write_feed(project: Project, site_dir: Path, today: dt.date,
               memory: Memory | None = None, kept: Path | None = None,
               generation: str = "") -> None:
    """``kalender.ics`` beside the pages, stamped (``DTSTAMP``) with the Monday of the
    build's week: the feed changes with its posts and once a week, not every day.

    With ``memory`` (``kalender serve``), or ``kept`` (a file of the cache holding what the
    feed was last written from, with ``generation``: the calendar data and the code), the
    file is written again only when a post's title, time, status, kind or platforms
    changed (a caption is not in the feed). ``kept`` has a copy of the feed beside it
    (``feed.ics``): a build from nothing (``--clean``) copies it instead of writing the
    feed again when its key is the same."""
    if project.calendar is None:
        return
    target = site_dir / FEED_FILE
    stamp = feed_stamp(Week.of(today).days[0])
    rows = memory.feed_rows if memory is not None else None  # kalender serve: by post object
    key = digest(stamp, language(), generation, str(target.resolve()), [
        rows.get(p, partial(feed_row, p)) if rows is not None else feed_row(p)
        for p in project.posts])
    last = _read_key(kept)
    if key in (memory.feed if memory else None, last) and target.is_file():
        return
    if kept is not None and key == last and _copy_kept(kept.with_suffix(".ics"), target):
        return
    if kept is not None:  # no key stands for a feed half written
        with contextlib.suppress(OSError):
            kept.unlink(missing_ok=True)
    data = feed(project.posts, project.calendar, stamp)
    target.write_bytes(data)
    if memory is not None:
        memory.feed = key
    if kept is not None:
        with contextlib.suppress(OSError):  # a read-only cache: written again next time
            kept.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(kept.with_suffix(".ics"), data)  # before the key that vouches for it
            write_bytes(kept, key.encode())


def feed_row(post: Post) -> str:
    """The digest of what the feed shows of ``post`` (not its caption): its part of the
    feed's key, worked out once per post object."""
    return digest(post.id, post.title, post.status.value, post.when, post.time_fixed,
                  post.type, post.category, [(x.platform, x.format) for x in post.targets])


def _copy_kept(copy: Path, target: Path) -> bool:
    """Write ``target`` from the cache's copy of the feed; False when there is none."""
    try:
        data = copy.read_bytes()
    except OSError:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def _read_key(kept: Path | None) -> str | None:
    try:
        return kept.read_text(encoding="utf-8") if kept is not None else None
    except (OSError, ValueError):
        return None
