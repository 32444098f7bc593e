"""``kalender report``: read the posts, their records and the exports; write the page and the PDF.

Files -> load (posts, approval records, law-related days, engagement exports) ->
:func:`kalender.report.build.build_report` -> charts, PDF and page. Every problem of every file
is printed before the command fails; nothing is written then.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core.errors import DataError, UsageError
from ..core.i18n import t
from ..core.problems import Report
from ..report.build import (
    Period,
    range_period,
    semester_period,
)
from ..report.inputs import report_input, write_report
from .main import cli, print_report


def choose_period(semester: str | None, start: str | None, end: str | None) -> Period:
    """The period named by ``--semester`` or by ``--from`` and ``--to``."""
    if semester is not None and start is None and end is None:
        try:
            return semester_period(semester)
        except ValueError:
            raise UsageError("report.bad_semester", found=semester) from None
    if semester is None and start is not None and end is not None:
        first, last = _day(start, "--from"), _day(end, "--to")
        if last < first:
            raise UsageError("report.end_before_start", start=first.isoformat(),
                             end=last.isoformat())
        return range_period(first, last)
    raise UsageError("report.which_period")


def _day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("report.bad_date", found=text, option=option) from None


@cli.command("report", help=t("report.help"))
@click.option("--semester", default=None, metavar="TTTT-1|2", help=t("report.help.semester"))
@click.option("--from", "start", default=None, metavar="TTTT-BB-HH", help=t("report.help.from"))
@click.option("--to", "end", default=None, metavar="TTTT-BB-HH", help=t("report.help.to"))
@click.option("--engagement", "exports", multiple=True,
              type=click.Path(exists=True, path_type=Path), help=t("report.help.engagement"))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=t("report.help.out"))
@click.option("--today", default=None, metavar="TTTT-BB-HH", help=t("report.help.today"))
@click.pass_obj
def report_command(root: Path, semester: str | None, start: str | None, end: str | None,
                   exports: tuple[Path, ...], out: Path | None, today: str | None) -> None:
    from ..report.wording import summary

    period = choose_period(semester, start, end)
    problems = Report()
    day = _day(today, "--today") if today else None
    source = report_input(root, period, day, exports, problems)
    if problems.errors or source is None:
        print_report(problems, root)
        raise DataError("report.not_written", count=len(problems.errors))
    if problems.warnings:
        print_report(problems.warnings, root)
    written = write_report(source, out or root / "site" / "laporan" / period.slug)
    click.echo(t("report.written", period=period.slug, page=_shown(written.page, root),
                 pdf=_shown(written.pdf, root),
                 summary="\n".join(f"  • {line}" for line in summary(written.report))))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
