"""``kalender build`` and ``kalender serve``: the calendar site through mkdocs."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import cli


@cli.command("build", help="Bangun situs kalender ke folder site/.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Berkas mkdocs.yml (bawaan: di repositori).")
@click.pass_obj
def build_command(root: Path, config_file: Path | None) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file or root / "mkdocs.yml"))
    build(config)


@cli.command("serve", help="Sajikan situs dengan muat ulang otomatis saat pos diubah.")
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
@click.pass_obj
def serve_command(root: Path, dev_addr: str) -> None:
    from mkdocs.commands.serve import serve

    serve(str(root / "mkdocs.yml"), dev_addr=dev_addr)
