"""``kalender sample``: the sample calendar moved to today, written to another folder
(:mod:`kalender.workflow.sample`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core.errors import UsageError
from ..core.i18n import t
from ..core.loader import load_project
from ..workflow.sample import write_sample
from .commands import command_help
from .main import cli


@cli.command("sample", help=command_help("sample"))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help=t("sample.help_out"))
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help=t("sample.help_today"))
@click.pass_obj
def sample_command(root: Path, out: Path, today: dt.datetime | None) -> None:
    if out.exists() and any(out.iterdir()):
        raise UsageError("sample.not_empty", folder=out)
    zone = load_project(root, []).timezone
    now = (dt.datetime.combine(today.date(), dt.time(23, 59, 59), zone) if today
           else dt.datetime.now(zone))
    written = write_sample(root, out, now)
    click.echo(t("sample.written", folder=out, posts=written.posts, weeks=written.days // 7,
                 left_out=written.left_out, day=now.date().isoformat()))
