"""The roll-up as people read it: table rows with shown texts and sort keys, totals, groups
and the list of problems to follow up. No HTML here (:mod:`.render` draws it).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..core.i18n import t
from ..report.wording import hours, number, percent
from .figures import Figures, PostNote
from .rollup import Office, Rollup

COLUMNS = ("planned", "uploaded", "rate", "gaps", "meetings", "unapproved", "voided",
           "findings", "identity", "answers", "on_time")


@dataclass(frozen=True)
class Cell:
    text: str
    sort: float  # what the table sorts by (a missing figure sorts as -1)


@dataclass(frozen=True)
class Row:
    """One line of the offices' table: an office or a group of offices (a province)."""

    name: str
    link: str  # relative to the roll-up's root
    cells: tuple[Cell, ...]
    note: str = ""  # the source's name, or how many offices a group holds


@dataclass(frozen=True)
class FollowUp:
    """A problem to follow up: which office, what, and the details."""

    office: str
    link: str
    what: str
    details: tuple[str, ...] = ()


@dataclass
class Group:
    """The offices under one roll-up below this one (a province seen by KPU RI)."""

    name: str
    slug: str
    offices: list[Office] = field(default_factory=list)


def office_link(office: Office) -> str:
    return f"kantor/{office.key}.html"


def group_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "wilayah"


def groups(offices: Sequence[Office]) -> list[Group]:
    """The offices grouped by the first roll-up they came through, in order."""
    found: dict[str, Group] = {}
    for office in offices:
        if office.group:
            name = office.group[0]
            found.setdefault(name, Group(name, group_slug(name))).offices.append(office)
    return list(found.values())


def top_rows(rollup: Rollup) -> list[Row]:
    """The main table: each office read directly, and each group as one summed row."""
    rows: list[Row] = []
    seen: set[str] = set()
    for office in rollup.offices:
        if not office.group:
            rows.append(office_row(office))
        elif office.group[0] not in seen:
            seen.add(office.group[0])
            group = next(g for g in groups(rollup.offices) if g.name == office.group[0])
            rows.append(group_row(group))
    return rows


def office_row(office: Office, prefix: str = "") -> Row:
    return Row(display_name(office), prefix + office_link(office), cells(office.figures),
               office.label)


def group_row(group: Group) -> Row:
    return Row(group.name, f"wilayah/{group.slug}.html",
               cells(combine([o.figures for o in group.offices])),
               t("monitor.offices_count", count=len(group.offices)))


def display_name(office: Office) -> str:
    return office.shown or office.short_name or office.name or office.label


def cells(f: Figures) -> tuple[Cell, ...]:
    """The table's cells of one office (or a sum of offices), in :data:`COLUMNS` order."""
    report = f.report
    answers = f.answers
    median = answers.get("median_hours") if answers else None
    return (
        Cell(number(f.planned), f.planned),
        Cell(number(f.uploaded), f.uploaded),
        Cell(percent(f.rate), _or_missing(f.rate)),
        Cell(number(f.gap_count), f.gap_count),
        Cell(t("monitor.meetings_of", held=f.meetings_held, weeks=f.meeting_weeks),
             f.meetings_held / f.meeting_weeks if f.meeting_weeks else -1),
        Cell(number(len(f.unapproved)), len(f.unapproved)),
        Cell(number(len(f.voided)), len(f.voided)),
        Cell(t("monitor.findings_of", errors=f.rule_errors, warnings=f.rule_warnings),
             f.rule_errors * 100000 + f.rule_warnings),
        Cell(t("monitor.identity_ok") if f.identity_ok
             else t("monitor.identity_bad", count=len(f.identity_problems)),
             len(f.identity_problems)),
        Cell(hours(median) if median is not None else t("monitor.no_data"),
             _or_missing(median)),
        Cell(percent(_float(report.get("on_time_rate"))),
             _or_missing(_float(report.get("on_time_rate")))),
    )


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _or_missing(value: float | None) -> float:
    return -1.0 if value is None else float(value)


def headings() -> list[str]:
    return [t(f"monitor.col.{key}") for key in COLUMNS]


def combine(items: Sequence[Figures]) -> Figures:
    """The figures of several offices summed (medians are taken over the offices')."""
    total = Figures()
    for f in items:
        total.planned += f.planned
        total.uploaded += f.uploaded
        total.gap_days += f.gap_days
        total.gap_weeks += f.gap_weeks
        total.meeting_weeks += f.meeting_weeks
        total.meetings_held += f.meetings_held
        total.unapproved += f.unapproved
        total.voided += f.voided
        total.rule_errors += f.rule_errors
        total.rule_warnings += f.rule_warnings
        total.identity_problems += f.identity_problems
        total.broken_posts += f.broken_posts
        for key, (planned, uploaded) in f.by_type.items():
            mine = total.by_type.setdefault(key, [0, 0])
            mine[0] += planned
            mine[1] += uploaded
    total.identity = {"handle": all(f.identity.get("handle", False) for f in items),
                      "logo": all(f.identity.get("logo", False) for f in items),
                      "banner": all(f.identity.get("banner", False) for f in items)}
    total.report = _summed_report(items)
    medians = [float(f.answers["median_hours"]) for f in items
               if f.answers and f.answers.get("median_hours") is not None]
    if medians:
        total.answers = {"median_hours": statistics.median(medians)}
    return total


def _summed_report(items: Sequence[Figures]) -> dict[str, float | int | None]:
    keys = ("planned", "published", "on_time", "due", "late", "missed", "returned_posts",
            "returns", "voided_posts", "announced", "unannounced", "days_covered",
            "days_missed", "approval_count")
    summed: dict[str, float | int | None] = {
        k: sum(int(f.report.get(k) or 0) for f in items) for k in keys}
    due, published, planned = summed["due"], summed["published"], summed["planned"]
    summed["on_time_rate"] = (summed["on_time"] or 0) / due if due else None
    summed["rate"] = (published or 0) / planned if planned else None
    summed["approval_median_hours"] = None
    return summed


# -- problems to follow up -------------------------------------------------------------------


def follow_ups(rollup: Rollup) -> list[FollowUp]:
    """Every office's problems, the most serious first, then the unreadable sources."""
    found: list[FollowUp] = []
    for office in rollup.offices:
        found += office_follow_ups(office)
    for broken in rollup.broken:
        found.append(FollowUp(" / ".join([*broken.group, broken.label]), "",
                              t("monitor.follow.broken_source"), (broken.reason,)))
    return found


def office_follow_ups(office: Office) -> list[FollowUp]:
    f = office.figures
    name, link = " / ".join([*office.group, display_name(office)]), office_link(office)
    checks: list[tuple[bool, str, Callable[[], tuple[str, ...]]]] = [
        (bool(f.broken_posts), t("monitor.follow.broken_posts", count=f.broken_posts),
         lambda: tuple(f.broken_examples)),
        (bool(f.unapproved), t("monitor.follow.unapproved", count=len(f.unapproved)),
         lambda: _posts(f.unapproved)),
        (bool(f.voided), t("monitor.follow.voided", count=len(f.voided)),
         lambda: _posts(f.voided)),
        (not f.identity_ok, t("monitor.follow.identity"), lambda: tuple(f.identity_problems)),
        (bool(f.rule_errors), t("monitor.follow.rules", count=f.rule_errors),
         lambda: tuple(f.rule_examples)),
        (f.meetings_held < f.meeting_weeks,
         t("monitor.follow.meetings", missing=f.meeting_weeks - f.meetings_held),
         lambda: (", ".join(f.meetings_missing),)),
        (bool(f.gap_count), t("monitor.follow.gaps", count=f.gap_count),
         lambda: (", ".join(f.gaps[:20]) + (" …" if len(f.gaps) > 20 else ""),)),
        (bool(office.warning), office.warning, lambda: ()),
    ]
    return [FollowUp(name, link, what, details()) for wanted, what, details in checks if wanted]


def _posts(notes: Sequence[PostNote]) -> tuple[str, ...]:
    return tuple(f"{n.title} ({n.file})" for n in notes)
