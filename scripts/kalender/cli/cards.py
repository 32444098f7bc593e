"""``kalender cards``: draw the cards of the posts' media and the account images
(:mod:`kalender.media.cards`)."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.errors import KalenderError
from ..core.i18n import t
from ..media.cards import make_all
from .main import cli, print_report


@cli.command("cards", help=t("cards.help"))
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help=t("cards.help_force"))
@click.pass_obj
def cards_command(root: Path, paths: tuple[Path, ...], force: bool) -> None:
    report_paths = [p.resolve() for p in paths] if paths else None
    made, kept, report = make_all(root, report_paths, force)
    print_report(report, root)
    click.echo(t("cards.summary", made=made, kept=kept))
    if report.errors:
        raise KalenderError("cards.failed", count=len({p.path for p in report.errors}))
