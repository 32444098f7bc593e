"""``kalender rapat``: scaffold the minutes of a weekly meeting, agenda filled in from the
meeting view (``calendar/rapat/2026-W49.md``). Ideas decided there become ``usulan``
posts with ``kalender new``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.dates import full_date, long_date
from ..core.i18n import t
from ..core.important_days import days_in, load_important_days
from ..core.loader import Project
from ..core.model import Week
from ..core.overlay import build_overlay
from ..core.words import kind_label
from .view import Meeting, build_meeting


def minutes_path(root: Path, week: Week) -> Path:
    return root / "calendar" / "rapat" / f"{week.label}.md"


def meeting_for(project: Project, week: Week, today: dt.date) -> Meeting:
    """The meeting of ``week`` from a loaded project (calendar data present)."""
    assert project.calendar is not None
    years = {week.monday.year - 1, week.monday.year, week.monday.year + 1}
    days = load_important_days(project.calendar.folder, project.report)
    important = days_in(days, years)
    overlay = build_overlay(years, project.calendar.stages, important)
    return build_meeting(week, today, project.posts, project.calendar, overlay, important)


def render_minutes(meeting: Meeting) -> str:
    """The minutes' Markdown: a header, the agenda from the meeting view, empty decisions."""
    lines = [f"# {t('minutes.title', week=meeting.week.label)}", "",
             t("minutes.date", date=full_date(meeting.week.monday)), "",
             f"## {t('minutes.attendance')}", "", "- ", "",
             f"## {t('minutes.agenda')}", ""]
    lines += _item(t("minutes.last_week", planned=len(meeting.last_week_planned),
                     published=len(meeting.last_week_published)))
    for waiting in meeting.waiting:
        titles = "; ".join(p.title for p in waiting.posts)
        lines += _item(t("minutes.waiting", what=waiting.what, count=len(waiting.posts),
                         who=", ".join(waiting.members) or "-", titles=titles))
    for post, notes in meeting.returned:
        lines += _item(t("minutes.returned", title=post.title,
                         notes="; ".join(n.text for n in notes) or "-"))
    for gap in meeting.gaps:
        if gap.day is not None:
            lines += _item(t("minutes.gap_day", date=full_date(gap.day)))
        else:
            lines += _item(t("minutes.gap_week", kind=kind_label(gap.kind), week=str(gap.week),
                             wanted=gap.wanted, found=gap.found))
    for day in meeting.missed_important_days:
        lines += _item(t("minutes.important_day", name=day.name, date=long_date(day.day)))
    for product in meeting.unannounced:
        lines += _item(t("minutes.unannounced", citation=product.citation()))
    lines += ["", f"## {t('minutes.decisions')}", "", t("minutes.decisions_hint"), "", "- ", ""]
    return "\n".join(lines)


def _item(text: str) -> list[str]:
    return [f"- {text}"]


