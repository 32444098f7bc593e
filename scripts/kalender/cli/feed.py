"""``kalender ics``: write the calendar feed (:mod:`kalender.site.feed`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core.atomic import write_bytes
from ..core.errors import DataError
from ..core.i18n import t
from ..core.loader import load_project
from ..site.feed import feed, feed_stamp
from .commands import command_help
from .main import cli, print_report


@cli.command("ics", help=command_help("ics"))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas keluaran (bawaan: site/kalender.ics).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Tanggal 'hari ini' yang tetap (untuk arsip yang stabil).")
@click.pass_obj
def ics_command(root: Path, out: Path | None, today: dt.datetime | None) -> None:
    project = load_project(root)
    if project.report.errors or project.calendar is None:
        print_report(project.report, root)
        raise DataError("feed.not_written", count=len(project.report.errors))
    target = out or root / "site" / "kalender.ics"
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = feed_stamp(today.date() if today else None)
    write_bytes(target, feed(project.posts, project.calendar, stamp))
    click.echo(t("feed.written", path=target, count=len(project.posts)))
