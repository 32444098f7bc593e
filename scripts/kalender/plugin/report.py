"""The activity reports in the site: ``laporan/`` and one page per half-year, with PDF and charts.

Called by the site plugin (:mod:`kalender.plugin.site_plugin`): every half-year from the first
post's to today's gets a generated page ``laporan/2026-2/index.md`` (a hand-written page at the same
path wins), its four charts and its PDF beside it. Charts and PDF are kept in
``<cache>/laporan/`` under a hash of the page's text, so a rebuild draws them again only
when a number or a word of the report changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..approval.records import atomic_write
from ..approval.standing import Standings
from ..core.i18n import language, set_language, t
from ..core.loader import Project
from ..core.problems import Report, report_blocks
from ..report.build import Period, SemesterReport, build_report, semester_period
from ..report.chartlist import chart_labels
from ..report.inputs import names_of, project_report_input
from ..report.page import chart_file, pdf_file, report_body
from ..report.wording import period_label

log = get_plugin_logger(__name__)
FOLDER = "laporan"
ENGAGEMENT = Path("laporan") / "keterlibatan"


def half_years(project: Project, today: dt.date) -> list[Period]:
    """Every half-year from the first post's up to today's, newest first."""
    days = [p.date for p in project.posts if p.date <= today]
    if not days:
        return []
    first, periods = min(days), []
    year, half = first.year, 1 if first.month <= 6 else 2
    while (year, half) <= (today.year, 1 if today.month <= 6 else 2):
        periods.append(semester_period(f"{year}-{half}"))
        year, half = (year, 2) if half == 1 else (year + 1, 1)
    return periods[::-1]


def add_reports(project: Project, files: Files, config: MkDocsConfig, today: dt.date,
                cache: Path, standings: Standings | None = None) -> list[Period]:
    """Add the report pages, charts and PDFs of every half-year to ``files``."""
    if project.calendar is None:
        return []
    periods = half_years(project, today)
    for period in periods:
        _add_report(project, period, files, config, today, cache / FOLDER, standings)
    index = f"{FOLDER}/index.md"
    if periods and files.get_file_from_path(index) is None:
        files.append(File.generated(config, index, content=index_source(periods)))
    return periods


def index_source(periods: list[Period]) -> str:
    """The Markdown of ``laporan/``: a link to each half-year's report."""
    meta = yaml.safe_dump({"title": t("report.title"), "search": {"exclude": True}},
                          allow_unicode=True)
    links = "\n".join(f"- [{period_label(p)}]({p.slug}/index.md)" for p in periods)
    return f"---\n{meta}---\n\n{links}\n"


def _add_report(project: Project, period: Period, files: Files, config: MkDocsConfig,
                today: dt.date, cache: Path, standings: Standings | None) -> None:
    page = f"{FOLDER}/{period.slug}/index.md"
    if files.get_file_from_path(page) is not None:
        return
    problems = Report()
    exports = [project.root / ENGAGEMENT] if (project.root / ENGAGEMENT).is_dir() else None
    source = project_report_input(project, period, today, exports, problems, standings)
    for block in report_blocks(problems.errors, project.root):
        log.warning("%s", "\n".join(block))
    if source is None:
        return
    report = build_report(source)
    names = names_of(source)
    body = report_body(report, chart_labels(), names)
    folder = _drawn(report, body, names, cache)
    meta = yaml.safe_dump({"title": f"{t('report.title')}: {period_label(period)}",
                           "search": {"exclude": True}}, allow_unicode=True)
    files.append(File.generated(config, page, content=f"---\n{meta}---\n\n{body}"))
    for path in sorted(folder.iterdir()):
        files.append(File.generated(config, f"{FOLDER}/{period.slug}/{path.name}",
                                    abs_src_path=str(path)))


def _drawn(report: SemesterReport, body: str, names: dict[str, dict[str, str]],
           cache: Path) -> Path:
    """The folder holding the charts and the PDF of this very text, drawn when missing.

    Drawn in a process of its own: matplotlib and the PDF writer weigh some 60 MB, which
    the site build would otherwise carry to its end (a year of posts is tight already)."""
    drawer = metadata.version("matplotlib")
    key = hashlib.sha256(f"{drawer}|{language()}|{body}".encode()).hexdigest()
    folder = cache / f"{report.period.slug}-{key[:16]}"
    if (folder / pdf_file(report)).is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(draw_report, report, names, folder, language()).result()
    return folder


def draw_report(report: SemesterReport, names: dict[str, dict[str, str]], folder: Path,
                lang: str) -> None:
    """Draw the charts and the PDF of ``report`` into ``folder`` (in a child process)."""
    from ..report.charts import report_charts
    from ..report.pdf import report_pdf

    set_language(lang)
    charts = report_charts(report)
    for chart in charts:
        atomic_write(folder / chart_file(chart), chart.png)
    atomic_write(folder / pdf_file(report), report_pdf(report, charts, names))
