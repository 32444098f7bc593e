"""The report's words and numbers as people read them: ``1.234``, ``85,7%``, ``2 hari 3 jam``.

Every sentence comes from the catalog (``messages/report.yml``); the PDF, the site page and
the command all use these functions, so a number reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..approval.machine import role_name
from ..conversations.summary import PublicInput
from ..core.dates import clock, full_date, long_date, month_name
from ..core.i18n import language, t
from ..core.model import CATEGORY_TYPES
from ..core.words import status_label
from .build import Engagement, LeadTime, Period, SemesterReport, Tally, Upload


def number(value: int | None) -> str:
    """``12400`` -> ``12.400`` in Indonesian (``12,400`` in English); None -> ``–``."""
    if value is None:
        return "–"
    text = f"{value:,}"
    return text.replace(",", ".") if language() == "id" else text


def percent(value: float | None) -> str:
    """``0.857`` -> ``85,7%`` (one decimal, dropped when it is zero); None -> ``–``."""
    if value is None:
        return "–"
    shown = f"{value * 100:.1f}".removesuffix(".0")
    return f"{shown.replace('.', ',') if language() == 'id' else shown}%"


def hours(value: float | None) -> str:
    """A lead time: ``5 jam``, ``26 jam``, ``3 hari 4 jam``; under an hour in minutes."""
    if value is None:
        return "–"
    minutes = round(value * 60)
    if minutes < 60:
        return t("report.duration.minutes", minutes=minutes)
    whole = round(value)
    if whole < 48:
        return t("report.duration.hours", hours=whole)
    return t("report.duration.days", days=whole // 24, hours=whole % 24)


def period_label(period: Period) -> str:
    """``Semester 2 Tahun 2026 (1 Juli – 31 Desember 2026)`` or the range alone."""
    first = (t("date.day_month", day=period.start.day, month=month_name(period.start.month))
             if period.start.year == period.end.year else long_date(period.start))
    span = t("date.range", start=first, end=long_date(period.end))
    if period.semester is None:
        return span
    return t("report.semester", number=period.semester, year=period.start.year, span=span)


def moment(value: dt.datetime) -> str:
    """``Selasa, 1 Desember 2026 pukul 09.00 WIB``."""
    return t("report.moment", date=full_date(value.date()), clock=clock(value),
             zone=value.tzname() or "")


def step_median(report: SemesterReport, step: str) -> LeadTime:
    """The lead time of ``step`` (``paraf``, ``approval``, ``upload``)."""
    return next(x for x in report.lead_times if x.step == step)


def summary(report: SemesterReport) -> list[str]:
    """The short written summary: one sentence per part of the report, with its key numbers."""
    rutin, sewaktu = report.category("rutin"), report.category("sewaktu-waktu")
    approval = step_median(report, "approval")
    lines = [
        t("report.summary.published", period=period_label(report.period),
          planned=number(report.planned), published=number(report.published),
          rate=percent(report.rate)),
        t("report.summary.share", rutin=number(rutin.published),
          rutin_share=percent(_share(rutin.published, report.published)),
          sewaktu=number(sewaktu.published),
          sewaktu_share=percent(_share(sewaktu.published, report.published))),
        t("report.summary.approval", count=number(approval.count),
          median=hours(approval.median), worst=hours(approval.worst))
        if approval.count else t("report.summary.no_approval"),
        t("report.summary.returns", posts=number(report.returned_posts),
          returns=number(len(report.returns)), voided=number(report.voided_posts)),
        states_sentence(report),
        t("report.summary.on_time", rate=percent(report.on_time.rate),
          on_time=number(report.on_time.on_time), due=number(report.on_time.due),
          hours=report.on_time.hours, late=number(report.on_time.late),
          missed=number(len(report.on_time.missed))),
        t("report.summary.legal", announced=number(len(report.announced)),
          covered=number(len(report.days_in("covered"))),
          days=number(len(report.days) - len(report.days_in("coming"))),
          missed=number(len(report.days_in("missed")))),
    ]
    if report.engagement is not None and report.engagement.lines:
        eng = report.engagement
        lines.append(t("report.summary.engagement", posts=number(len(eng.lines)),
                       reach=number(eng.total("reach")), views=number(eng.total("views")),
                       likes=number(eng.total("likes")),
                       comments=number(eng.total("comments")),
                       shares=number(eng.total("shares"))))
    return lines


def states_sentence(report: SemesterReport) -> str:
    """``Keadaan 30 pos periode ini, seperti di kalender: Usulan 4, ..., Revisi 2.``: the
    count the calendar's home page shows, from the same function (kalender.counts)."""
    shown = [t("report.summary.state", label=status_label(state), count=number(count))
             for state, count in report.states.items() if count]
    return t("report.summary.states", count=number(sum(report.states.values())),
             states=", ".join(shown) or t("report.summary.no_states"))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# -- the tables, shared by the PDF and the site page ----------------------------------------


@dataclass(frozen=True)
class Table:
    """A table as shown: column headings, rows of text, and which columns hold numbers."""

    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()  # column indexes aligned right
    widths: tuple[int, ...] = ()  # relative widths in the PDF
    total: bool = False  # the last row is a total (shown bold)


def _tally_rows(tallies: Sequence[Tally]) -> list[tuple[str, ...]]:
    return [(x.label, number(x.planned), number(x.published), percent(x.rate)) for x in tallies]


def _tally_table(first: str, tallies: Sequence[Tally], total: Tally | None = None) -> Table:
    rows = _tally_rows(tallies)
    if total is not None:
        rows += _tally_rows([total])
    return Table((t(first), t("report.col.planned"), t("report.col.published"),
                  t("report.col.rate")), tuple(rows), (1, 2, 3), (4, 2, 2, 2),
                 total is not None)


def month_table(report: SemesterReport) -> Table:
    """Planned and published per month, with the period's total."""
    total = Tally("total", t("report.col.total"), report.planned, report.published)
    return _tally_table("report.col.month", report.by_month, total)


def type_table(report: SemesterReport) -> Table:
    """Per category, each followed by its types (indented)."""
    rows: list[tuple[str, ...]] = []
    for category in report.by_category:
        rows += _tally_rows([category])
        types = [x for x in report.by_type if x.key in CATEGORY_TYPES[category.key]]
        rows += [("    " + r[0], *r[1:]) for r in _tally_rows(types)]
    total = Tally("total", t("report.col.total"), report.planned, report.published)
    rows += _tally_rows([total])
    return Table((t("report.col.type"), t("report.col.planned"), t("report.col.published"),
                  t("report.col.rate")), tuple(rows), (1, 2, 3), (4, 2, 2, 2), True)


def platform_table(report: SemesterReport) -> Table:
    """Per platform: uploads planned and published."""
    return _tally_table("report.col.platform", report.by_platform)


def lead_table(report: SemesterReport) -> Table:
    """Lead times per step: how many posts, median, longest and the slowest post."""
    rows = tuple((x.label, number(x.count), hours(x.median), hours(x.worst),
                  x.worst_post.title if x.worst_post else "–") for x in report.lead_times)
    return Table((t("report.col.step"), t("report.col.posts"), t("report.col.median"),
                  t("report.col.worst"), t("report.col.worst_post")), rows, (1, 2, 3),
                 (4, 1, 2, 2, 4))


def returns_table(report: SemesterReport, names: dict[str, str]) -> Table:
    """Every return: the post, who returned it (role), when, and the reason."""
    rows = tuple((r.post.title, _who(r.record.by, r.record.role, names),
                  moment(r.record.at), r.record.note) for r in report.returns)
    return Table((t("report.col.post"), t("report.col.by"), t("report.col.when"),
                  t("report.col.reason")), rows, (), (3, 3, 3, 4))


def _who(member: str, role: str, names: dict[str, str]) -> str:
    return f"{names.get(member, member)} ({role_name(role)})"


def voided_table(report: SemesterReport) -> Table:
    """Each voided paraf or approval, and when the changed post was submitted again."""
    rows = tuple((v.post.title, t(f"report.voided.{v.step.value}"),
                  moment(v.at) if v.at else t("report.voided.not_yet")) for v in report.voided)
    return Table((t("report.col.post"), t("report.col.voided"), t("report.col.resubmitted")),
                 rows, (), (4, 2, 4))


def on_time_table(report: SemesterReport) -> Table:
    """Uploads due, on time, late, missed and not yet due, and the rate."""
    on = report.on_time
    rows = ((t("report.on_time.due"), number(on.due)),
            (t("report.on_time.on_time"), number(on.on_time)),
            (t("report.on_time.late"), number(on.late)),
            (t("report.on_time.missed"), number(len(on.missed))),
            (t("report.on_time.pending"), number(on.pending)),
            (t("report.on_time.rate"), percent(on.rate)))
    return Table(("", t("report.col.total")), rows, (1,), (5, 2), True)


def missed_table(report: SemesterReport, platforms: dict[str, str]) -> Table:
    """The missed uploads, one row per post: its platforms, schedule and status."""
    by_post: dict[str, list[Upload]] = {}
    for upload in report.on_time.missed:
        by_post.setdefault(upload.post.id, []).append(upload)
    rows = tuple((ups[0].post.title, ", ".join(platforms.get(u.platform, u.platform)
                                               for u in ups),
                  moment(ups[0].post.when), t(f"status.{ups[0].post.status.value}"))
                 for ups in by_post.values())
    return Table((t("report.col.post"), t("report.col.platform"), t("report.col.schedule"),
                  t("report.col.status")), rows, (), (4, 2, 4, 2))


def announced_table(report: SemesterReport) -> Table:
    """The legal products announced, with their citations and live links."""
    rows = tuple((long_date(a.post.date), a.citation, "\n".join(a.links))
                 for a in report.announced)
    return Table((t("report.col.date"), t("report.col.citation"), t("report.col.links")),
                 rows, (), (2, 6, 4))


def days_table(report: SemesterReport) -> Table:
    """The law-related days of the period: greeted, missed or coming, with the posts."""
    rows = tuple((long_date(d.day), d.name, t(f"report.day.{d.state}"),
                  ", ".join(p.title for p in d.posts) or "–") for d in report.days)
    return Table((t("report.col.date"), t("report.col.day"), t("report.col.status"),
                  t("report.col.post")), rows, (), (2, 4, 2, 4))


def public_input_table(found: PublicInput, platforms: dict[str, str]) -> Table:
    """The public's comments: per platform and per class, answered and unanswered."""
    rows = [(platforms.get(p, p), number(n)) for p, n in found.by_platform]
    rows.append((t("report.col.total"), number(found.comments)))
    return Table((t("report.col.platform"), t("report.public.col_comments")), tuple(rows),
                 (1,), (5, 2), True)


def public_kinds_table(found: PublicInput) -> Table:
    rows = tuple((t(f"conversations.kind.{k}"), number(n)) for k, n in found.by_kind)
    return Table((t("report.public.col_kind"), t("report.public.col_comments")), rows, (1,),
                 (5, 2))


def public_answers_table(found: PublicInput) -> Table:
    rows = ((t("report.public.needing"), number(found.needing)),
            (t("report.public.answered"), number(found.answered)),
            (t("report.public.unanswered"), number(found.unanswered)),
            (t("report.public.median"), hours(found.median_hours)),
            (t("report.public.counter_posts"), number(found.counter_posts)))
    return Table(("", t("report.col.total")), rows, (1,), (5, 2))


def public_topics_table(found: PublicInput) -> Table:
    rows = tuple((label, number(n)) for label, n in found.topics)
    return Table((t("report.public.col_topic"), t("report.public.col_comments")), rows, (1,),
                 (5, 2))


ENGAGEMENT_COLUMNS = ("reach", "views", "likes", "comments", "shares")


def engagement_totals_table(engagement: Engagement) -> Table:
    """Per platform: the matched uploads and the sum of each figure."""
    rows = [(x.label, number(x.posts), *(number(x.figures.get(m)) for m in ENGAGEMENT_COLUMNS))
            for x in engagement.totals]
    rows.append((t("report.col.total"), number(len(engagement.lines)),
                 *(number(engagement.total(m)) for m in ENGAGEMENT_COLUMNS)))
    return Table((t("report.col.platform"), t("report.col.posts"),
                  *(t(f"report.col.{m}") for m in ENGAGEMENT_COLUMNS)), tuple(rows),
                 (1, 2, 3, 4, 5, 6), (3, 1, 2, 2, 2, 2, 2), True)


def engagement_lines_table(engagement: Engagement, platforms: dict[str, str]) -> Table:
    """Per upload: the post, its platform and its figures."""
    rows = tuple((x.post.title, platforms.get(x.platform, x.platform),
                  *(number(x.figures.get(m)) for m in ENGAGEMENT_COLUMNS))
                 for x in engagement.lines)
    return Table((t("report.col.post"), t("report.col.platform"),
                  *(t(f"report.col.{m}") for m in ENGAGEMENT_COLUMNS)), rows,
                 (2, 3, 4, 5, 6), (5, 2, 2, 2, 2, 2, 2))
