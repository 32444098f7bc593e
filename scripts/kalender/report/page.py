"""The activity report as a web page: a page of its own, or the body of a site page.

The templates (``templates/report/``) hold no sentence: every word comes through ``t``, every
table from :mod:`kalender.report.wording`, so the page and the PDF say the same. Charts and the
PDF are files beside the page, linked relatively: it works served and from ``file://``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..core.i18n import language, t
from ..core.model import LegalProduct
from .build import SemesterReport
from .chartlist import Chart, chart_file, pdf_file
from .evaluation_view import follow_up_table, signature_lines
from .wording import (
    Table,
    announced_table,
    days_table,
    engagement_lines_table,
    engagement_totals_table,
    lead_table,
    missed_table,
    moment,
    month_table,
    on_time_table,
    period_label,
    platform_table,
    public_answers_table,
    public_input_table,
    public_kinds_table,
    public_topics_table,
    returns_table,
    summary,
    type_table,
    voided_table,
)

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class ChartLink:
    """A chart as the page shows it: the image file beside the page, its title and alt text."""

    file: str
    title: str
    alt: str


@functools.cache  # one per process: compiling the templates costs more than rendering
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        default=True, default_for_string=True), keep_trailing_newline=True)
    env.globals["t"] = t
    return env


def page_context(report: SemesterReport, charts: Sequence[Chart],
                 names: dict[str, dict[str, str]]) -> dict[str, Any]:
    """What the templates read: the report, its tables, sentences and chart files."""
    platforms = names["platforms"]
    tables: dict[str, Table | None] = {
        "month": month_table(report), "type": type_table(report),
        "platform": platform_table(report), "lead": lead_table(report),
        "returns": returns_table(report, names["members"]), "voided": voided_table(report),
        "on_time": on_time_table(report), "missed": missed_table(report, platforms),
        "announced": announced_table(report), "days": days_table(report),
        "engagement_totals": None, "engagement_lines": None,
    }
    engagement = report.engagement
    if engagement is not None and engagement.files:
        tables["engagement_totals"] = engagement_totals_table(engagement)
        tables["engagement_lines"] = engagement_lines_table(engagement, platforms)
    return {
        "r": report, "lang": language(), "period": period_label(report.period),
        "as_of": moment(report.as_of), "summary": summary(report), "tables": tables,
        "charts": {c.name: ChartLink(chart_file(c), c.title, c.alt) for c in charts},
        "pdf": pdf_file(report),
        "unannounced": [LegalProduct(p.jenis, p.nomor, p.tahun, p.tentang).citation()
                        for p in report.unannounced],
        "engagement_files": ", ".join(f"{n} ({f})" for n, f in engagement.files)
        if engagement is not None else "",
        "evaluation": _evaluation_context(report, names["members"]),
        "public": public_context(report, platforms),
    }


def public_context(report: SemesterReport, platforms: dict[str, str]) -> dict[str, Any]:
    """The tables of the public input section (none when nothing was imported)."""
    found = report.public_input
    if found is None or not found.comments:
        return {}
    return {"platforms": public_input_table(found, platforms),
            "kinds": public_kinds_table(found), "answers": public_answers_table(found),
            "topics": public_topics_table(found) if found.topics else None}


def _evaluation_context(report: SemesterReport, members: dict[str, str]) -> dict[str, Any]:
    """The evaluation's tables and signature lines (empty when there is none)."""

    evaluation = report.evaluation
    today = report.as_of.date()
    if evaluation is None:
        return {"findings": [], "follow_ups": None, "previous": None, "sign": []}
    current, previous = evaluation.current, evaluation.previous
    return {"findings": current.findings,
            "follow_ups": follow_up_table(current, members, today)
            if current.follow_ups else None,
            "previous": follow_up_table(previous, members, today) if previous else None,
            "previous_slug": previous.slug if previous else "",
            "sign": signature_lines(evaluation)}


def report_page(report: SemesterReport, charts: Sequence[Chart],
                names: dict[str, dict[str, str]]) -> str:
    """The report as a whole HTML page of its own (``index.html``)."""
    return _environment().get_template("page.html").render(
        page_context(report, charts, names))


def report_body(report: SemesterReport, charts: Sequence[Chart],
                names: dict[str, dict[str, str]]) -> str:
    """The report's body alone, for a page of the site (the site gives the heading)."""
    return _environment().get_template("content.html").render(
        page_context(report, charts, names))
