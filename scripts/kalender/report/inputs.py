"""What a half-yearly report is made from, read from the repository: the posts, their approval
records, the law-related days and the platforms' engagement exports; and the report written
as page and PDF. Used by ``kalender report``, the site and the monitor."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..approval.records import atomic_write, load_ledger
from ..approval.standing import Standings
from ..conversations.store import conversations_of
from ..conversations.summary import PublicInput, public_input
from ..core.important_days import load_important_days
from ..core.loader import Project, load_project
from ..core.memo import PerPost
from ..core.model import Post
from ..core.perbuild import once
from ..core.problems import Problem, Report
from .build import (
    Period,
    PostRecords,
    ReportInput,
    SemesterReport,
    build_report,
)

ENGAGEMENT_FOLDER = Path("laporan") / "keterlibatan"


@dataclass(frozen=True)
class Written:
    """What ``kalender report`` wrote."""

    report: SemesterReport
    page: Path
    pdf: Path
    charts: tuple[Path, ...]


def report_input(root: Path, period: Period, today: dt.date | None,
                 exports: Sequence[Path] | None, problems: Report) -> ReportInput | None:
    """Load everything the report reads; None (problems in ``problems``) when it cannot.

    The report shows the state at the end of ``today`` in the office's time zone, or now.
    """
    project = load_project(root)
    problems.extend(project.report)
    return project_report_input(project, period, today, exports, problems)


def project_report_input(project: Project, period: Period, today: dt.date | None,
                         exports: Sequence[Path] | None, problems: Report,
                         standings: Standings | None = None) -> ReportInput | None:
    """:func:`report_input` for a project already loaded (the site plugin's, with the
    standings of its posts)."""
    from ..report.engagement import import_exports
    from ..report.evaluation import report_evaluation

    root = project.root
    if project.calendar is None:
        return None
    posts = _with_records(project, problems, standings or Standings())
    days = load_important_days(root / "calendar", problems)
    paths = list(exports) if exports else _default_exports(root)
    imported = import_exports(paths, problems) if paths else None
    zone = project.calendar.satker.timezone
    moment = (end_of_day(today, zone) if today is not None
              else dt.datetime.now(zone).replace(microsecond=0))
    return ReportInput(
        calendar=project.calendar, posts=posts, period=period, as_of=moment,
        important_days=days, engagement=imported.rows if imported else None,
        engagement_files=[(p.name, f) for p, f in imported.files] if imported else (),
        evaluation=report_evaluation(root, period.slug, project.calendar.satker.name,
                                     dict(project.calendar.team.members), zone, problems),
        public_input=public_input_of(project, period, moment, problems),
    )


COMMENT_KEY = re.compile(r"\b(?:youtube|facebook|instagram|x|tiktok):[\w.-]+")


def public_input_of(project: Project, period: Period, moment: dt.datetime,
                    problems: Report) -> PublicInput:
    """The public's comments of the period and the team's answers (docs/percakapan.md)."""
    conversations = conversations_of(project.posts, problems, moment.tzinfo)
    keys = {c.key for conv in conversations.values() for c in conv.comments}
    counters = sum(1 for p in project.posts if keys and period.contains(p.date)
                   and keys.intersection(COMMENT_KEY.findall(p.body)))
    return public_input(conversations, period.start, period.end, moment, counters)


def _default_exports(root: Path) -> list[Path]:
    folder = root / ENGAGEMENT_FOLDER
    return [folder] if folder.is_dir() else []


def _with_records(project: Project, problems: Report,
                  standings: Standings) -> list[PostRecords]:
    """Each post with its approval records and fingerprint, read once per post object (a
    post object stands for its files as they were read: kalender serve reuses it only
    while they are unchanged)."""
    posts, found = once("records", (project.posts, standings), None,
                        partial(_all_records, project.posts, standings))
    problems.extend(found)
    return list(posts)


def _all_records(posts: Sequence[Post], standings: Standings
                 ) -> tuple[list[PostRecords], list[Problem]]:
    """Every post's records, and their problems (once per build: core.perbuild)."""
    made, problems = [], []
    for post in posts:
        records, found = _RECORDS.get(post, partial(_records_of, post, standings))
        problems.extend(found)
        made.append(records)
    return made, problems


def _records_of(post: Post, standings: Standings) -> tuple[PostRecords, list[Problem]]:
    ledger = load_ledger(post.path)
    standing = standings.of(post)
    return (PostRecords(post, ledger.records, standing.fingerprint, standing.state),
            list(ledger.problems))


def names_of(source: ReportInput) -> dict[str, dict[str, str]]:
    """Team members' and platforms' names, for the tables."""
    calendar = source.calendar
    return {"members": {m.id: m.name for m in calendar.team.members.values()},
            "platforms": {p.id: p.name for p in calendar.platforms.values()}}


def write_report(source: ReportInput, out: Path) -> Written:
    """Build the report and write its page, its PDF and its charts into ``out``."""
    from ..report.charts import report_charts
    from ..report.page import chart_file, pdf_file, report_page
    from ..report.pdf import report_pdf

    report = build_report(source)
    charts = report_charts(report)
    names = names_of(source)
    out.mkdir(parents=True, exist_ok=True)
    chart_paths = []
    for chart in charts:
        path = out / chart_file(chart)
        atomic_write(path, chart.png)
        chart_paths.append(path)
    pdf = out / pdf_file(report)
    atomic_write(pdf, report_pdf(report, charts, names))
    page = out / "index.html"
    atomic_write(page, report_page(report, charts, names).encode("utf-8"))
    return Written(report, page, pdf, tuple(chart_paths))


def end_of_day(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """23.59.59 of ``day`` in the office's time zone."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), zone)


_RECORDS: PerPost[tuple[PostRecords, list[Problem]]] = PerPost()
