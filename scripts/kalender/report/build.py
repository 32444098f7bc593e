"""The half-yearly activity report (SOP E.4): what was planned, published, approved and seen.

Pure computation: :func:`build_report` turns the loaded posts, their approval records, the
law-related days and (optionally) imported engagement figures into a :class:`SemesterReport`.
Nothing here draws, writes or knows mkdocs; :mod:`kalender.report.charts`,
:mod:`kalender.report.pdf` and :mod:`kalender.report.page` render it.

Definitions (docs/laporan.md):

- A post belongs to the period by its scheduled day. It is *planned* whatever its status.
- A post is *published* when at least one platform has a live link recorded
  (``kalender uploaded``); per platform, each link counts.
- Lead times run from the post's first submission (Nota Dinas) to the paraf and the approval
  its status rests on, and to its first recorded link.
- An upload is *on time* when its link was recorded no later than ``report.on_time_hours``
  (``calendar/satker.yml``) after the schedule (a post with a date alone: after that day);
  *late* when recorded after that; *missed* when no link was recorded and the deadline has
  passed at the moment of the report.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..approval.counts import status_tally
from ..approval.machine import Action, History, Record, advance
from ..approval.standing import effective_status
from ..core.calendar_data import CalendarData
from ..core.dates import month_name
from ..core.i18n import t
from ..core.important_days import ImportantDay, greets
from ..core.model import CATEGORY_TYPES, TYPES, Post, Status
from ..core.quickstate import quick_state
from ..core.stages import ProductToAnnounce, product_key
from .engagement import METRICS, EngagementRow, url_key
from .evaluation import ReportEvaluation

if TYPE_CHECKING:  # a report without the public's comments is drawn without this import
    from ..conversations.summary import PublicInput

DEFAULT_ON_TIME_HOURS = 24
CHECKED = (Status.DIPARAF, Status.DISETUJUI)


# -- the period ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """The days a report covers, both ends included; ``slug`` names its files."""

    start: dt.date
    end: dt.date
    slug: str
    semester: int | None = None  # 1 (January-June) or 2 (July-December)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def months(self) -> list[tuple[int, int]]:
        """Every (year, month) the period touches, in order."""
        found, day = [], self.start.replace(day=1)
        while day <= self.end:
            found.append((day.year, day.month))
            day = (day + dt.timedelta(days=32)).replace(day=1)
        return found


def semester_period(text: str) -> Period:
    """``2026-2`` -> 1 July to 31 December 2026; ValueError when it is not ``YYYY-1|2``."""
    year, sep, half = text.strip().partition("-")
    if not sep or not year.isdigit() or len(year) != 4 or half not in ("1", "2"):
        raise ValueError(text)
    first = 1 if half == "1" else 7
    start = dt.date(int(year), first, 1)
    end = dt.date(int(year), 6, 30) if half == "1" else dt.date(int(year), 12, 31)
    return Period(start, end, f"{year}-{half}", int(half))


def range_period(start: dt.date, end: dt.date) -> Period:
    """A period from ``start`` to ``end``; ValueError when it ends before it starts."""
    if end < start:
        raise ValueError(f"{start} > {end}")
    return Period(start, end, f"{start.isoformat()}_{end.isoformat()}")


# -- one post and its records -------------------------------------------------------------


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class PostRecords:
    """A post with its approval records, replayed."""

    post: Post
    records: tuple[Record, ...]
    fingerprint: str  # of the content now
    state: str = ""  # the state its badge shows now (effective_status), when known

    @property
    def history(self) -> History:
        history = History()
        for record in self.records:
            history = advance(history, record, self.post.platforms)
        return history

    @property
    def submitted(self) -> dt.datetime | None:
        """The first submission (the Nota Dinas)."""
        return next((r.at for r in self.records if r.action is Action.SUBMIT), None)

    @property
    def uploads(self) -> dict[str, Record]:
        """The first recorded link of each platform of the post."""
        found: dict[str, Record] = {}
        for record in self.records:
            if record.action is Action.UPLOADED and record.platform in self.post.platforms:
                found.setdefault(str(record.platform), record)
        return found

    @property
    def published(self) -> bool:
        return bool(self.uploads)

    @property
    def first_upload(self) -> dt.datetime | None:
        return min((r.at for r in self.uploads.values()), default=None)


# -- the view model -----------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Planned against published for one month, category, type or platform."""

    key: str
    label: str
    planned: int
    published: int

    @property
    def rate(self) -> float | None:
        return self.published / self.planned if self.planned else None


@dataclass(frozen=True)
class LeadTime:
    """How long one step took from the first submission: median and worst, in hours."""

    step: str  # "paraf", "approval", "upload"
    label: str
    hours: tuple[float, ...]
    worst_post: Post | None = None

    @property
    def count(self) -> int:
        return len(self.hours)

    @property
    def median(self) -> float | None:
        return statistics.median(self.hours) if self.hours else None

    @property
    def worst(self) -> float | None:
        return max(self.hours) if self.hours else None


@dataclass(frozen=True)
class Returned:
    """A post returned for revision: who returned it, when, and the reason given."""

    post: Post
    record: Record


@dataclass(frozen=True)
class Voided:
    """A paraf or approval voided by a change of the content."""

    post: Post
    step: Action  # INITIAL or APPROVE: what the change voided
    at: dt.datetime | None  # when the changed post was submitted again (None: not yet)


@dataclass(frozen=True)
class Upload:
    """One platform of one post against its deadline."""

    post: Post
    platform: str
    deadline: dt.datetime
    recorded: Record | None

    @property
    def late_hours(self) -> float | None:
        if self.recorded is None:
            return None
        return max(0.0, (self.recorded.at - self.deadline).total_seconds() / 3600)

    def state(self, as_of: dt.datetime) -> str:
        """``on_time``, ``late``, ``missed`` or ``pending`` (deadline not yet passed)."""
        if self.recorded is not None:
            return "on_time" if self.recorded.at <= self.deadline else "late"
        return "missed" if self.deadline < as_of else "pending"


@dataclass(frozen=True)
class OnTime:
    """Uploads against the schedule: counts and the missed ones."""

    hours: int
    on_time: int
    late: int
    missed: tuple[Upload, ...]
    pending: int

    @property
    def due(self) -> int:
        return self.on_time + self.late + len(self.missed)

    @property
    def rate(self) -> float | None:
        return self.on_time / self.due if self.due else None


@dataclass(frozen=True)
class Announcement:
    """A legal product announced by a published ``pengumuman`` post."""

    post: Post
    citation: str
    links: tuple[str, ...]


@dataclass(frozen=True)
class DayCover:
    """A law-related day in the period and whether a published greeting covered it."""

    day: dt.date
    name: str
    posts: tuple[Post, ...]  # published ``hari-penting`` posts on the day or the day before
    state: str  # "covered", "missed", "coming"


@dataclass(frozen=True)
class EngagementLine:
    """The figures of one published post on one platform."""

    post: Post
    platform: str
    figures: dict[str, int | None]


@dataclass(frozen=True)
class EngagementTotal:
    """A platform's sums over its matched posts; None for a figure its export lacks."""

    platform: str
    label: str
    posts: int
    figures: dict[str, int | None]


@dataclass
class Engagement:
    """Engagement figures matched to the period's published posts."""

    lines: list[EngagementLine] = field(default_factory=list)
    totals: list[EngagementTotal] = field(default_factory=list)
    unmatched: list[EngagementRow] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)  # (file name, format)

    def total(self, metric: str) -> int | None:
        values = [x.figures[metric] for x in self.totals if x.figures.get(metric) is not None]
        return sum(v for v in values if v is not None) if values else None


@dataclass
class SemesterReport:
    """Everything the activity report says about one period."""

    office: str
    period: Period
    as_of: dt.datetime
    planned: int
    published: int
    by_month: list[Tally]
    by_category: list[Tally]
    by_type: list[Tally]
    by_platform: list[Tally]
    lead_times: list[LeadTime]
    returns: list[Returned]
    voided: list[Voided]
    on_time: OnTime
    announced: list[Announcement]
    unannounced: list[ProductToAnnounce]
    days: list[DayCover]
    engagement: Engagement | None = None
    evaluation: ReportEvaluation | None = None  # the pimpinan's (SOP E.4 b-c)
    public_input: PublicInput | None = None  # the public's comments (SOP E.1.f)
    states: dict[str, int] = field(default_factory=dict)  # as the calendar's badges show

    @property
    def rate(self) -> float | None:
        return self.published / self.planned if self.planned else None

    @property
    def returned_posts(self) -> int:
        return len({r.post.id for r in self.returns})

    @property
    def voided_posts(self) -> int:
        return len({v.post.id for v in self.voided})

    def category(self, key: str) -> Tally:
        return next(x for x in self.by_category if x.key == key)

    def days_in(self, state: str) -> list[DayCover]:
        return [d for d in self.days if d.state == state]


# -- building it --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInput:
    """What :func:`build_report` reads: posts with records, calendar data, days, engagement."""

    calendar: CalendarData
    posts: Sequence[PostRecords]
    period: Period
    as_of: dt.datetime
    important_days: Sequence[ImportantDay] = ()
    engagement: Sequence[EngagementRow] | None = None
    engagement_files: Sequence[tuple[str, str]] = ()
    evaluation: ReportEvaluation | None = None
    public_input: PublicInput | None = None


def on_time_hours(calendar: CalendarData) -> int:
    """``report.on_time_hours`` of ``satker.yml`` (24 when not set)."""
    settings = calendar.satker.extra.get("report") or {}
    return int(settings.get("on_time_hours", DEFAULT_ON_TIME_HOURS))


def build_report(source: ReportInput) -> SemesterReport:
    """The report of ``source.period`` as it stands at ``source.as_of``."""
    period = source.period
    everything = [as_of(p, source.as_of) for p in source.posts]
    posts = [p for p in everything if period.contains(p.post.date)]
    published = [p for p in posts if p.published]
    return SemesterReport(
        office=source.calendar.satker.name, period=period, as_of=source.as_of,
        planned=len(posts), published=len(published),
        by_month=[_month_tally(posts, y, m) for y, m in period.months],
        by_category=[_tally(posts, c, t(f"site.category.{c}"), _of_category(c))
                     for c in CATEGORY_TYPES],
        by_type=[_tally(posts, k, t(f"site.type.{k}"), _of_type(k)) for k in TYPES],
        by_platform=platform_tallies(posts, source.calendar),
        lead_times=lead_times(posts),
        returns=[Returned(p.post, r) for p in posts for r in p.records
                 if r.action is Action.RETURN],
        voided=[v for p in posts for v in voided(p)],
        on_time=on_time(posts, on_time_hours(source.calendar), source.as_of),
        announced=announcements(published),
        unannounced=unannounced(source.calendar.products, everything, period.end),
        days=day_covers(source.important_days, posts, period, source.as_of),
        engagement=(engagement(published, source.engagement, source.calendar,
                               source.engagement_files)
                    if source.engagement is not None else None),
        evaluation=source.evaluation,
        public_input=source.public_input,
        states=status_tally((p.post for p in posts), _badge_states(posts)),
    )


def _badge_states(posts: Sequence[PostRecords]) -> Callable[[Post], str]:
    """The state each post's badge shows: the one its records were read with (the site's
    standings), else read now."""
    known = {p.post.id: p.state for p in posts if p.state}
    return lambda post: known.get(post.id) or effective_status(post)


def as_of(post: PostRecords, moment: dt.datetime) -> PostRecords:
    """``post`` with only the records made up to ``moment`` (a report shows a moment).

    Their times are put in ``moment``'s time zone (the office's), so they read ``WIB``.
    """
    zone = moment.tzinfo
    return replace(post, records=tuple(replace(r, at=r.at.astimezone(zone))
                                       for r in post.records if r.at <= moment))


def _of_category(category: str) -> Callable[[Post], bool]:
    return lambda post: post.category == category


def _of_type(post_type: str) -> Callable[[Post], bool]:
    return lambda post: post.type == post_type


def _tally(posts: Iterable[PostRecords], key: str, label: str,
           wanted: Callable[[Post], bool]) -> Tally:
    chosen = [p for p in posts if wanted(p.post)]
    return Tally(key, label, len(chosen), sum(1 for p in chosen if p.published))


def _month_tally(posts: Sequence[PostRecords], year: int, month: int) -> Tally:

    return _tally(posts, f"{year}-{month:02d}", month_name(month),
                  lambda p: (p.date.year, p.date.month) == (year, month))


def platform_tallies(posts: Sequence[PostRecords], calendar: CalendarData) -> list[Tally]:
    """Per platform: posts aimed at it, and those with a link recorded on it."""
    tallies = []
    for pid, platform in calendar.platforms.items():
        aimed = [p for p in posts if pid in p.post.platforms]
        tallies.append(Tally(pid, platform.name, len(aimed),
                             sum(1 for p in aimed if pid in p.uploads)))
    return tallies


def lead_times(posts: Sequence[PostRecords]) -> list[LeadTime]:
    """From the first submission to the standing paraf, the approval and the first link."""
    steps: list[tuple[str, Callable[[PostRecords], dt.datetime | None]]] = [
        ("paraf", lambda p: _at(p.history.paraf)),
        ("approval", lambda p: _at(p.history.approval)),
        ("upload", lambda p: p.first_upload),
    ]
    return [_lead_time(posts, step, end) for step, end in steps]


def _at(record: Record | None) -> dt.datetime | None:
    return record.at if record is not None else None


def _lead_time(posts: Sequence[PostRecords], step: str,
               end: Callable[[PostRecords], dt.datetime | None]) -> LeadTime:
    measured: list[tuple[float, Post]] = []
    for post in posts:
        start, stop = post.submitted, end(post)
        if start is not None and stop is not None and stop >= start:
            measured.append(((stop - start).total_seconds() / 3600, post.post))
    worst = max(measured, key=lambda m: m[0], default=None)
    return LeadTime(step, t(f"report.step.{step}"), tuple(h for h, _ in measured),
                    worst[1] if worst else None)


def voided(post: PostRecords) -> list[Voided]:
    """Each paraf or approval of ``post`` that a change of its content voided.

    Seen in the records as a submission or return made, while the post stood initialled or
    approved, on content whose fingerprint differs from the one checked; and now, when the
    content differs from what its current paraf or approval was given on.
    """
    found: list[Voided] = []
    history = History()
    for record in post.records:
        bound = _bound(history)
        if (bound is not None and record.action in (Action.SUBMIT, Action.RETURN)
                and record.fingerprint != bound.fingerprint):
            found.append(Voided(post.post, bound.action, record.at))
        history = advance(history, record, post.post.platforms)
    bound = _bound(history)
    if bound is not None and bound.fingerprint != post.fingerprint:
        found.append(Voided(post.post, bound.action, None))
    return found


def _bound(history: History) -> Record | None:
    if history.status is Status.DIPARAF:
        return history.paraf
    if history.status in (Status.DISETUJUI, Status.DIUNGGAH):
        return history.approval
    return None


def deadline(post: Post, hours: int) -> dt.datetime:
    """The last moment a link counts as on time: the schedule (or the day's end) + hours."""
    start = post.when if post.time_fixed else post.when + dt.timedelta(days=1)
    return start + dt.timedelta(hours=hours)


def on_time(posts: Sequence[PostRecords], hours: int, as_of: dt.datetime) -> OnTime:
    """Every platform of every post against its deadline."""
    uploads = [Upload(p.post, pid, deadline(p.post, hours), p.uploads.get(pid))
               for p in posts for pid in p.post.platforms]
    states = [u.state(as_of) for u in uploads]
    return OnTime(hours=hours, on_time=states.count("on_time"), late=states.count("late"),
                  missed=tuple(u for u, s in zip(uploads, states, strict=True)
                               if s == "missed"),
                  pending=states.count("pending"))


def announcements(published: Iterable[PostRecords]) -> list[Announcement]:
    """The legal products the period's published ``pengumuman`` posts announced."""
    return [Announcement(p.post, p.post.legal_product.citation(),
                         tuple(r.url for r in p.uploads.values() if r.url))
            for p in published
            if p.post.type == "pengumuman" and p.post.legal_product is not None]


def unannounced(products: Iterable[ProductToAnnounce], posts: Iterable[PostRecords],
                until: dt.date) -> list[ProductToAnnounce]:
    """Products of ``produk-hukum.yml`` no published ``pengumuman`` post announced by ``until``."""
    done = {product_key(p.post.legal_product.jenis, p.post.legal_product.nomor,
                        p.post.legal_product.tahun)
            for p in posts if p.post.type == "pengumuman" and p.post.legal_product is not None
            and p.published and p.post.date <= until}
    return [product for product in products if product.key() not in done]


def day_covers(days: Iterable[ImportantDay], posts: Sequence[PostRecords], period: Period,
               as_of: dt.datetime) -> list[DayCover]:
    """Each law-related day in the period: covered by a published greeting, missed, or coming."""
    covers = []
    years = sorted({period.start.year, period.end.year})
    for day in days:
        for year in years:
            date = day.on(year)
            if date is None or not period.contains(date):
                continue
            greeting = tuple(p.post for p in posts if p.post.type == "hari-penting"
                             and p.published and greets(day, date, p.post.date,
                                                        p.post.important_day, days))
            state = "covered" if greeting else (
                "coming" if date >= as_of.date() else "missed")
            covers.append(DayCover(date, day.name, greeting, state))
    return sorted(covers, key=lambda c: c.day)


def engagement(published: Sequence[PostRecords], rows: Sequence[EngagementRow],
               calendar: CalendarData, files: Sequence[tuple[str, str]]) -> Engagement:
    """Match export rows to the published posts' links; sum them per platform.

    A later row for the same post and platform replaces an earlier one (a newer export).
    """
    links: dict[str, tuple[Post, str]] = {}
    for item in published:
        for pid, record in item.uploads.items():
            key = url_key(pid, record.url or "")
            if key is not None:
                links[key] = (item.post, pid)
    matched: dict[str, EngagementRow] = {}
    result = Engagement(files=list(files))
    for row in rows:
        if row.key in links:
            matched[row.key] = row
        else:
            result.unmatched.append(row)
    for key, row in matched.items():
        post, pid = links[key]
        result.lines.append(EngagementLine(post, pid, dict(row.figures)))
    result.lines.sort(key=lambda x: (x.post.when, x.platform))
    result.totals = _engagement_totals(result.lines, calendar)
    return result


def _engagement_totals(lines: Sequence[EngagementLine],
                       calendar: CalendarData) -> list[EngagementTotal]:
    totals = []
    for pid, platform in calendar.platforms.items():
        mine = [x for x in lines if x.platform == pid]
        if not mine:
            continue
        figures: dict[str, int | None] = {}
        for metric in METRICS:
            values = [x.figures.get(metric) for x in mine]
            given = [v for v in values if v is not None]
            figures[metric] = sum(given) if given else None
        totals.append(EngagementTotal(pid, platform.name, len(mine), figures))
    return totals
