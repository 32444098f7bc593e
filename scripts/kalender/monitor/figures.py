"""One office's figures over a period, as the roll-up shows and stores them.

Pure computation on a loaded project: the half-yearly report's own counting
(:func:`kalender.report.build.build_report`) gives planned, uploaded, voided approvals, on-time
uploads and its key figures; the weekly meeting's :func:`kalender.meeting.view.cadence_gaps`
gives the gaps; the rules engine gives the open findings and the account identity (SOP E.2).
Everything is kept as plain numbers and texts so it can be written to ``pantauan.json`` and
read back by the next level up (docs/pantauan.md says where each figure comes from).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..approval.machine import Action, History, advance
from ..core.important_days import days_in, load_important_days
from ..core.loader import Project
from ..core.model import TYPES, Post, Status, Week
from ..core.overlay import build_overlay
from ..core.problems import Problem, Report
from ..meeting.view import cadence_gaps
from ..report.build import PostRecords, SemesterReport
from ..report.wording import step_median
from ..rules import Context, check_calendar, check_posts

IDENTITY_RULES = {"accounts.handle": "handle", "accounts.images": "logo",
                  "accounts.banner_orange": "banner"}
EXAMPLES = 5  # problems kept per office and kind (the rest are counted)


@dataclass
class WeekFigures:
    """Posts planned and uploaded in one ISO week, per type."""

    week: str
    planned: dict[str, int] = field(default_factory=dict)
    uploaded: dict[str, int] = field(default_factory=dict)


@dataclass
class PostNote:
    """A post named in a figure: its id, title, file (relative to the repository) and why."""

    post: str
    title: str
    file: str
    what: str = ""


@dataclass
class Figures:
    """Everything the roll-up knows of one office over one period."""

    planned: int = 0
    uploaded: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [planned, uploaded]
    weeks: list[WeekFigures] = field(default_factory=list)
    gap_days: int = 0  # working days with nothing planned
    gap_weeks: int = 0  # weekly minimums of a kind of post not reached
    gaps: list[str] = field(default_factory=list)  # "2026-W28: edukasi 1/2"
    meeting_weeks: int = 0  # weeks of the period up to the report's moment
    meetings_held: int = 0  # of them, weeks with minutes (calendar/rapat/TTTT-Wmm.md)
    meetings_missing: list[str] = field(default_factory=list)
    unapproved: list[PostNote] = field(default_factory=list)  # uploaded without the chain
    voided: list[PostNote] = field(default_factory=list)
    rule_errors: int = 0
    rule_warnings: int = 0
    rule_examples: list[str] = field(default_factory=list)
    identity: dict[str, bool] = field(default_factory=dict)  # handle, logo, banner -> ok
    identity_problems: list[str] = field(default_factory=list)
    answers: dict[str, float] | None = None  # None: no conversation data
    report: dict[str, float | int | None] = field(default_factory=dict)
    broken_posts: int = 0
    broken_examples: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return self.uploaded / self.planned if self.planned else None

    @property
    def gap_count(self) -> int:
        return self.gap_days + self.gap_weeks

    @property
    def identity_ok(self) -> bool:
        return all(self.identity.values()) if self.identity else False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figures:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["weeks"] = [WeekFigures(**w) for w in values.get("weeks", [])]
        for key in ("unapproved", "voided"):
            values[key] = [PostNote(**n) for n in values.get(key, [])]
        return cls(**values)


def office_figures(project: Project, posts: Sequence[PostRecords], report: SemesterReport,
                   answers: dict[str, float] | None) -> Figures:
    """The figures of a loaded project over ``report.period``."""
    assert project.calendar is not None
    period, moment = report.period, report.as_of
    chosen = [p for p in posts if period.contains(p.post.date)]
    figures = Figures(planned=report.planned, uploaded=report.published, answers=answers)
    figures.by_type = {x.key: [x.planned, x.published] for x in report.by_type}
    figures.weeks = week_figures(chosen, period.start, period.end)
    _gaps(figures, project, [p.post for p in chosen], period.start, min(period.end,
                                                                        moment.date()))
    _meetings(figures, project.root, period.start, min(period.end, moment.date()))
    figures.unapproved = [_note(project.root, p.post) for p in chosen
                          if uploaded_without_chain(p)]
    figures.voided = [_note(project.root, v.post, v.step.value) for v in report.voided]
    _findings(figures, project, [p.post for p in chosen])
    _broken(figures, project)
    figures.report = key_figures(report)
    return figures


def week_figures(posts: Iterable[PostRecords], start: dt.date, end: dt.date) -> list[WeekFigures]:
    """Every ISO week touching the period, with its posts planned and uploaded per type."""
    weeks: dict[str, WeekFigures] = {}
    day = start - dt.timedelta(days=start.weekday())
    while day <= end:
        label = Week.of(day).label
        weeks[label] = WeekFigures(label)
        day += dt.timedelta(days=7)
    for item in posts:
        week = weeks[item.post.week.label]
        week.planned[item.post.type] = week.planned.get(item.post.type, 0) + 1
        if item.published:
            week.uploaded[item.post.type] = week.uploaded.get(item.post.type, 0) + 1
    return list(weeks.values())


def full_weeks(start: dt.date, end: dt.date) -> list[Week]:
    """The ISO weeks whose Monday falls from ``start`` to ``end``."""
    first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
    return [Week.of(first + dt.timedelta(weeks=i))
            for i in range(max(0, (end - first).days // 7 + 1))]


def _gaps(figures: Figures, project: Project, posts: Sequence[Post], start: dt.date,
          end: dt.date) -> None:
    """The meeting's cadence gaps, week by week, up to the report's moment."""
    assert project.calendar is not None

    weeks = full_weeks(start, end)
    if not weeks:
        return
    years = {w.monday.year for w in weeks} | {weeks[-1].monday.year + 1}
    important = days_in(load_important_days(project.calendar.folder, Report()), years)
    overlay = build_overlay(years, project.calendar.stages, important)
    by_week: dict[Week, list[Post]] = {}
    for post in posts:
        by_week.setdefault(post.week, []).append(post)
    for gap in cadence_gaps(weeks, posts, project.calendar, overlay, by_week):
        if gap.day is not None:
            if gap.day <= end:
                figures.gap_days += 1
                figures.gaps.append(f"{gap.day.isoformat()}")
        else:
            figures.gap_weeks += 1
            figures.gaps.append(f"{gap.week}: {gap.kind} {gap.found}/{gap.wanted}")


def _meetings(figures: Figures, root: Path, start: dt.date, end: dt.date) -> None:
    """Weekly meetings held: weeks with minutes in ``calendar/rapat/``."""
    folder = root / "calendar" / "rapat"
    present = {p.stem for p in folder.glob("*.md")} if folder.is_dir() else set()
    weeks = full_weeks(start, end)
    figures.meeting_weeks = len(weeks)
    figures.meetings_held = sum(1 for w in weeks if w.label in present)
    figures.meetings_missing = [w.label for w in weeks if w.label not in present]


def uploaded_without_chain(item: PostRecords) -> bool:
    """Uploaded (a link recorded, or ``status: diunggah``) without the paraf and the approval
    standing at the moment of the first upload."""
    history = History()
    for record in item.records:
        if record.action is Action.UPLOADED:
            return not _chain_complete(history)
        history = advance(history, record, item.post.platforms)
    return item.post.status is Status.DIUNGGAH


def _chain_complete(history: History) -> bool:
    return (history.status in (Status.DISETUJUI, Status.DIUNGGAH)
            and history.paraf is not None and history.approval is not None)


def _note(root: Path, post: Post, what: str = "") -> PostNote:
    return PostNote(post.id, post.title, _relative(post.path, root), what)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _findings(figures: Figures, project: Project, posts: Sequence[Post]) -> None:
    """Open findings of the rules (SOP D) on the period's posts and on the calendar data; the
    account rules (SOP E.2) become the identity figures."""
    assert project.calendar is not None
    context = Context(project.calendar, tuple(project.posts))
    on_calendar = check_calendar(context)
    identity = [p for p in on_calendar if p.code in IDENTITY_RULES]
    figures.identity = {name: True for name in IDENTITY_RULES.values()}
    for problem in identity:
        figures.identity[IDENTITY_RULES[problem.code]] = False
    figures.identity_problems = [_shown(p, project.root) for p in identity]
    found = list(dict.fromkeys([*on_calendar, *check_posts(posts, context)]))
    counted = [p for p in found if p.code not in IDENTITY_RULES]
    figures.rule_errors = sum(1 for p in counted if p.is_error)
    figures.rule_warnings = len(counted) - figures.rule_errors
    figures.rule_examples = [_shown(p, project.root) for p in _worst_first(counted)[:EXAMPLES]]


def _broken(figures: Figures, project: Project) -> None:
    """Post files the loader could not read (they count nowhere else)."""
    errors = [p for p in project.report.errors if "posts" in p.path.parts]
    figures.broken_posts = len({p.path for p in errors})
    figures.broken_examples = [_shown(p, project.root) for p in errors[:EXAMPLES]]


def _worst_first(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (not p.is_error, str(p.path), p.line or 0))


def _shown(problem: Problem, root: Path) -> str:
    return f"{problem.where(root)}: {problem.message}"


def key_figures(report: SemesterReport) -> dict[str, float | int | None]:
    """The half-yearly report's key figures (the numbers of its written summary)."""
    approval = step_median(report, "approval")
    return {
        "planned": report.planned, "published": report.published, "rate": report.rate,
        "on_time": report.on_time.on_time, "due": report.on_time.due,
        "on_time_rate": report.on_time.rate, "late": report.on_time.late,
        "missed": len(report.on_time.missed),
        "approval_median_hours": approval.median, "approval_count": approval.count,
        "returned_posts": report.returned_posts, "returns": len(report.returns),
        "voided_posts": report.voided_posts, "announced": len(report.announced),
        "unannounced": len(report.unannounced),
        "days_covered": len(report.days_in("covered")),
        "days_missed": len(report.days_in("missed")),
    }


def type_totals(figures: Iterable[Figures]) -> dict[str, list[int]]:
    """Planned and uploaded per type, summed over offices."""
    planned: Counter[str] = Counter()
    uploaded: Counter[str] = Counter()
    for item in figures:
        for key, (p, u) in item.by_type.items():
            planned[key] += p
            uploaded[key] += u
    return {key: [planned[key], uploaded[key]] for key in TYPES}
