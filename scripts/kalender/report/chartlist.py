"""The report's charts as the page and the PDF list them: file names, titles and alternative
texts, without drawing them. Kept apart from :mod:`kalender.report.charts` so that every site
build can name the charts without importing matplotlib (a third of a second and tens of MB).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.i18n import t

if TYPE_CHECKING:
    from .build import SemesterReport


@dataclass(frozen=True)
class Chart:
    """One drawn chart: its file name, title, alternative text and PNG bytes."""

    name: str
    title: str
    alt: str
    png: bytes


CHARTS = (("bulan", "report.chart.month.title"), ("jenis", "report.chart.type.title"),
          ("platform", "report.chart.platform.title"), ("rutin", "report.chart.share.title"))


def chart_labels() -> list[Chart]:
    """The charts' names, titles and alternative texts, not drawn (no PNG bytes)."""
    return [labelled(name, key, b"") for name, key in CHARTS]


def labelled(name: str, title_key: str, png: bytes) -> Chart:
    """A chart named ``name`` with the title of ``title_key`` and ``png`` bytes."""
    title = t(title_key)
    return Chart(name, title, t("report.chart.alt", title=title), png)


def chart_file(chart: Chart) -> str:
    """``grafik-bulan.png``: the file name of a chart beside the page."""
    return f"grafik-{chart.name}.png"


def pdf_file(report: SemesterReport) -> str:
    """``laporan-aktivitas-2026-2.pdf``."""
    return pdf_name(report.period.slug)


def pdf_name(slug: str) -> str:
    """The PDF's file name of the half-year ``slug`` (``2026-2``)."""
    return f"laporan-aktivitas-{slug}.pdf"
