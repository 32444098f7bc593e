"""``kalender rapat``: write the minutes scaffold of a weekly meeting
(:mod:`kalender.meeting.minutes`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core.atomic import write_bytes
from ..core.errors import DataError, KalenderError, UsageError
from ..core.i18n import t
from ..core.loader import load_project
from ..core.model import Week
from ..meeting.minutes import meeting_for, minutes_path, render_minutes
from .commands import command_help
from .main import cli, print_report


@cli.command("rapat", help=command_help("rapat"))
@click.option("--week", "week_label", required=True, help="Minggu ISO, misalnya 2026-W49.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Tanggal 'hari ini' yang tetap.")
@click.pass_obj
def rapat_command(root: Path, week_label: str, today: dt.datetime | None) -> None:
    try:
        week = Week.parse(week_label)
    except ValueError:
        raise UsageError("minutes.bad_week", found=week_label) from None
    project = load_project(root)
    if project.calendar is None or project.report.errors:
        print_report(project.report, root)
        raise DataError("minutes.not_written", count=len(project.report.errors))
    path = minutes_path(root, week)
    if path.exists():
        raise KalenderError("minutes.exists", path=path.relative_to(root))
    day = today.date() if today else dt.datetime.now(project.timezone).date()
    text = render_minutes(meeting_for(project, week, day))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, text.encode("utf-8"))
    click.echo(t("minutes.written", path=path.relative_to(root)))
