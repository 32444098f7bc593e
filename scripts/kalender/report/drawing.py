"""The charts and PDF of a half-year's report, drawn in a process of their own while the
site is built (:mod:`kalender.plugin.report`).

Kept apart from the site plugin so that the drawing process imports only what drawing needs
(matplotlib, fpdf2, the report's wording), not the site plugin and everything it imports:
that was about a third of the process's CPU on a build of 300 posts (issue 23).
"""

from __future__ import annotations

from pathlib import Path

from ..core.atomic import write_bytes
from ..core.i18n import set_language
from .build import SemesterReport
from .chartlist import CHARTS, chart_file, labelled, pdf_file


def charts_complete(charts: Path) -> bool:
    """Whether every chart of a report is in the folder ``charts``."""
    return all((charts / f"grafik-{name}.png").is_file() for name, _ in CHARTS)


def draw_report(report: SemesterReport, names: dict[str, dict[str, str]], charts: Path,
                pdf: Path, lang: str) -> None:
    """Draw the charts (unless drawn) and the PDF of ``report`` (in a child process)."""
    from .pdf import report_pdf

    set_language(lang)
    if charts_complete(charts):
        drawn = [labelled(name, key, (charts / f"grafik-{name}.png").read_bytes())
                 for name, key in CHARTS]
    else:
        from .charts import report_charts

        drawn = report_charts(report)
        for chart in drawn:
            write_bytes(charts / chart_file(chart), chart.png)
    write_bytes(pdf / pdf_file(report), report_pdf(report, drawn, names))
