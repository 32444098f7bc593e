"""The activity reports in the site: ``laporan/`` and one page per half-year, with PDF and charts.

Called by the site plugin (:mod:`kalender.plugin.site_plugin`): every half-year from the first
post's to today's gets a generated page ``laporan/2026-2/index.md`` (a hand-written page at the same
path wins), its four charts and its PDF beside it. Both are kept in ``<cache>/laporan/``:
the charts under a hash of what they draw (the tallies by month, type, platform and
category, the language, matplotlib's version), the PDF under a hash of the page's text.
The report is as of the end of last week, and within it of the last day on which something
it counts changed (:mod:`kalender.report.settled`), so its text and PDF change at most once
a week, not every day; its charts change only when a number they draw does. Folders no
build of this run used are removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import shutil
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..approval.standing import Standings
from ..core.i18n import language, t
from ..core.loader import Project
from ..core.parentwatch import watch_parent_then_wait
from ..core.problems import Report, report_blocks
from ..report.build import Period, ReportInput, SemesterReport, semester_period
from ..report.chartlist import CHARTS, chart_labels, pdf_name
from ..report.drawing import charts_complete, draw_report
from ..report.inputs import names_of, project_report_input, public_input_of
from ..report.keptreport import DiskReports, ShownReport, kept_report
from ..report.page import report_body
from ..report.settled import BodyOf, PublicAt, shown_day
from ..report.wording import period_label
from ..site.incremental import package_version
from .serving import KeptReports

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
                cache: Path, standings: Standings | None = None,
                kept: KeptReports | None = None,
                memo: DiskReports | None = None) -> list[Period]:
    """Add the report pages, charts and PDFs of every half-year to ``files`` (``kept``:
    the reports ``kalender serve`` built before; ``memo``: the reports and their page texts
    kept by an earlier process, by their inputs)."""
    return start_reports(project, files, config, today, cache, standings, kept, memo).finish()


def start_reports(project: Project, files: Files, config: MkDocsConfig, today: dt.date,
                  cache: Path, standings: Standings | None = None,
                  kept: KeptReports | None = None,
                  memo: DiskReports | None = None, gated: bool = False) -> PendingReports:
    """Write the report page of every half-year and start drawing the charts and PDFs
    missing from the cache in a process of their own; the build goes on, and
    :meth:`PendingReports.finish` adds the pages, charts and PDFs to ``files``.
    ``gated``: the process waits for :meth:`PendingReports.open` before it draws."""
    pending = PendingReports(files, config, cache / FOLDER)
    if project.calendar is None:
        return pending
    pending.periods = half_years(project, today)
    for period in pending.periods:
        made = _add_report(project, period, files, config, today, cache / FOLDER, standings,
                           kept, memo)
        if made is not None:
            pending.pages.append(made[0])
            pending.drawings.append(made[1])
    if memo is not None:
        memo.memo.save()
        memo.memo.let_go()  # the reports read (tens of MB at 10,000 posts) are in the drawings
    gate = multiprocessing.get_context("spawn").Event() if gated else None
    pending.drawing, pending.jobs = _draw_missing(pending.drawings, gate)
    pending.gate = gate if pending.drawing is not None else None
    return pending


@dataclass
class PendingReports:
    """The reports of one build whose charts and PDFs may still be being drawn."""

    files: Files
    config: MkDocsConfig
    folder: Path
    periods: list[Period] = field(default_factory=list)
    drawings: list[_Drawing] = field(default_factory=list)
    pages: list[File] = field(default_factory=list)
    drawing: ProcessPoolExecutor | None = None  # the child process drawing them
    jobs: list[Future[None]] = field(default_factory=list)
    gate: Any = None  # the event the drawing process waits for (start_reports, gated)
    drawn: list[File] = field(default_factory=list)  # the charts and PDFs added (add)

    def finish(self) -> list[Period]:
        """Wait for the drawing, add the pages, charts and PDFs to the site, remove the
        folders no longer used; the half-years reported."""
        self.close()
        return self.add()

    def add(self) -> list[Period]:
        """Add the pages, charts and PDFs to the site, remove the folders no longer used;
        the half-years reported. A chart or PDF still being drawn is added under the name
        it is drawn under (:func:`drawn_files`): it exists once :meth:`close` returned."""
        for page in self.pages:
            self.files.append(page)
        for drawing in self.drawings:
            for path in drawn_files(drawing):
                self.drawn.append(File.generated(
                    self.config, f"{FOLDER}/{drawing.slug}/{path.name}", abs_src_path=str(path)))
                self.files.append(self.drawn[-1])
        prune(self.folder, {f for d in self.drawings for f in (d.charts, d.pdf)})
        index = f"{FOLDER}/index.md"
        if self.periods and self.files.get_file_from_path(index) is None:
            self.files.append(File.generated(self.config, index,
                                             content=index_source(self.periods)))
        return self.periods

    def open(self) -> None:
        """Let the drawing process draw (it waits for this when started ``gated``)."""
        if self.gate is not None:
            self.gate.set()

    def close(self) -> None:
        """Wait for the drawing process (its error is raised here) and end it."""
        self.open()
        pool, self.drawing = self.drawing, None
        if pool is None:
            return
        with pool:  # ended on leaving, also when a drawing failed
            for job in self.jobs:
                job.result()

    def abandon(self) -> None:
        """End the drawing process without its results (the build failed)."""
        pool, self.drawing = self.drawing, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def index_source(periods: list[Period]) -> str:
    """The Markdown of ``laporan/``: a link to each half-year's report."""
    meta = yaml.safe_dump({"title": t("report.title"), "search": {"exclude": True}},
                          allow_unicode=True)
    links = "\n".join(f"- [{period_label(p)}]({p.slug}/index.md)" for p in periods)
    return f"---\n{meta}---\n\n{links}\n"


@dataclass
class _Drawing:
    """The charts and PDF of one half-year: the cache folders they are (to be) drawn in."""

    slug: str
    shown: ShownReport | None  # None once known drawn (the build need not hold it)
    names: dict[str, dict[str, str]]
    charts: Path
    pdf: Path
    drawn_now: bool = False  # handed to the drawing process by this build

    @property
    def missing(self) -> bool:
        if self.shown is None:
            return False
        return not ((self.pdf / pdf_name(self.slug)).is_file() and charts_complete(self.charts))


def _add_report(project: Project, period: Period, files: Files, config: MkDocsConfig,
                today: dt.date, cache: Path,
                standings: Standings | None,
                kept: KeptReports | None = None,
                memo: DiskReports | None = None) -> tuple[File, _Drawing] | None:
    """One half-year's page, and what its charts and PDF are drawn from, and where."""
    page = f"{FOLDER}/{period.slug}/index.md"
    if files.get_file_from_path(page) is not None:
        return None
    problems = Report()
    exports = [project.root / ENGAGEMENT] if (project.root / ENGAGEMENT).is_dir() else None
    source = project_report_input(project, period, shown_day(today), exports, problems,
                                  standings)
    for block in report_blocks(problems.errors, project.root):
        log.warning("%s", "\n".join(block))
    if source is None:
        return None
    names = names_of(source)
    labels = chart_labels()
    settle = partial(_kept_in_memory, kept, period.slug) if kept is not None else \
        partial(_kept_on_disk, memo, labels, names)
    shown = settle(
        source, lambda shown: report_body(shown, labels, names),
        lambda moment: public_input_of(project, period, moment, Report()))
    body = shown.body
    meta = yaml.safe_dump({"title": f"{t('report.title')}: {period_label(period)}",
                           "search": {"exclude": True}}, allow_unicode=True)
    made = File.generated(config, page, content=f"---\n{meta}---\n\n{body}")
    key = hashlib.sha256(f"{package_version('fpdf2')}|{language()}|{body}".encode())
    return made, _Drawing(period.slug, shown, names,
                          cache / f"{period.slug}-grafik-{shown.charts[:16]}",
                          cache / f"{period.slug}-pdf-{key.hexdigest()[:16]}")


def _kept_on_disk(memo: DiskReports | None, labels: object, names: object,
                  source: ReportInput, body_of: BodyOf, public_at: PublicAt) -> ShownReport:
    """The report kept in ``memo`` by an earlier process (none: made now); its chart key
    follows from matplotlib's version too, which is then part of its key."""
    return kept_report(memo, source, body_of, public_at, chart_key, labels, names,
                       package_version("matplotlib"))


def _kept_in_memory(kept: KeptReports, slug: str, source: ReportInput, body_of: BodyOf,
                    public_at: PublicAt) -> ShownReport:
    """The report ``kalender serve`` kept (or made now)."""
    report, body = kept.settled(slug, source, body_of, public_at)
    return ShownReport(body, chart_key(report), report)


def chart_key(report: SemesterReport) -> str:
    """What the charts draw, not the day the report is seen on: tallies by month, type,
    platform and category, the language (titles) and matplotlib's version."""
    drawn = (report.by_month, report.by_type, report.by_platform, report.by_category)
    return hashlib.sha256(f"{package_version('matplotlib')}|{language()}|{drawn!r}"
                          .encode()).hexdigest()


def drawn_files(drawing: _Drawing) -> list[Path]:
    """The charts and PDF of ``drawing`` by name: the files in its folders, or, while they
    are being drawn, the files :func:`kalender.report.drawing.draw_report` writes."""
    if not drawing.drawn_now:
        paths = [*drawing.charts.iterdir(), *drawing.pdf.iterdir()]
    else:
        paths = [*(drawing.charts / f"grafik-{name}.png" for name, _ in CHARTS),
                 drawing.pdf / pdf_name(drawing.slug)]
    return sorted(paths, key=lambda p: p.name)


def _draw_missing(drawings: list[_Drawing], gate: Any = None,
                  ) -> tuple[ProcessPoolExecutor | None, list[Future[None]]]:
    """Start drawing the charts and PDFs not in the cache yet, all in one process of its
    own: matplotlib and the PDF writer weigh some 60 MB, which the site build would
    otherwise carry to its end (a year of posts is tight already). On a new day only the
    PDFs are written again (the charts are read back, no matplotlib). The process, with
    its jobs (none when all is drawn)."""
    todo: list[tuple[_Drawing, SemesterReport]] = []
    for drawing in drawings:
        if drawing.shown is not None and drawing.missing:
            todo.append((drawing, drawing.shown.full()))
        if drawing.shown is not None:
            drawing.shown.let_go()  # drawn, or sent to be drawn: nothing here reads it now
        drawing.shown = None
    if not todo:
        return None, []
    for drawing, _ in todo:
        drawing.charts.mkdir(parents=True, exist_ok=True)
        drawing.pdf.mkdir(parents=True, exist_ok=True)
        drawing.drawn_now = True
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=watch_parent_then_wait,
                               initargs=(os.getpid(), gate))
    return pool, [pool.submit(draw_report, report, d.names, d.charts, d.pdf, language())
                  for d, report in todo]


def prune(folder: Path, used: set[Path]) -> None:
    """Remove the chart and PDF folders of earlier numbers and days that no build uses
    now (``kalender build`` and ``kalender serve`` see the same days and data)."""
    if not folder.is_dir():
        return
    for old in folder.iterdir():
        if old.is_dir() and old not in used and ("-grafik-" in old.name or "-pdf-" in old.name
                                                  or _old_layout(old.name)):
            shutil.rmtree(old, ignore_errors=True)


def _old_layout(name: str) -> bool:
    """``2026-2-<16 hex>``: one folder of charts and PDF, before they were kept apart."""
    slug, _, key = name.rpartition("-")
    return bool(slug) and len(key) == 16 and all(c in "0123456789abcdef" for c in key)
