"""``kalender build`` and ``kalender serve``: the calendar site, built by
:mod:`kalender.plugin.build`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core.i18n import t
from ..plugin.build import build_site, serve_site
from .commands import command_help
from .main import cli

TODAY_OPTION = click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="Tanggal 'hari ini' di kalender, TTTT-BB-HH (bawaan: hari ini di zona waktu kantor).")


@cli.command("build", help=command_help("build"))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Berkas mkdocs.yml (bawaan: di repositori).")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder hasil (bawaan: site/ di repositori).")
@TODAY_OPTION
@click.option("--strict/--no-strict", default=None,
              help="Peringatan menggagalkan pembangunan (bawaan: sesuai mkdocs.yml).")
@click.option("--clean", is_flag=True, default=False,
              help="Kosongkan folder hasil dan bangun semua halaman dari awal (bawaan: hanya "
                   "halaman yang berubah).")
@click.pass_obj
def build_command(root: Path, config_file: Path | None, site_dir: Path | None,
                  today: dt.datetime | None, strict: bool | None, clean: bool) -> None:
    built = build_site(config_file or root / "mkdocs.yml", site_dir,
                       today.date() if today else None, strict, clean)
    click.echo(t("site.built", path=built))


@cli.command("serve", help=command_help("serve"))
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Alamat dan porta server.")
@TODAY_OPTION
@click.pass_obj
def serve_command(root: Path, dev_addr: str, today: dt.datetime | None) -> None:
    serve_site(root / "mkdocs.yml", dev_addr, today.date() if today else None)
