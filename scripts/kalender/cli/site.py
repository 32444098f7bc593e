"""``kalender build`` and ``kalender serve``: the calendar site through mkdocs.

The pages themselves come from the ``kalender`` mkdocs plugin (:mod:`kalender.plugin.site_plugin`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..core.errors import KalenderError
from ..core.i18n import t
from .main import cli

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

TODAY_ENV = "KALENDER_TODAY"  # read by the plugin (kalender.plugin.site_plugin.TODAY_ENV)
TODAY_OPTION = click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="Tanggal 'hari ini' di kalender, TTTT-BB-HH (bawaan: hari ini di zona waktu kantor).")


@cli.command("build", help="Bangun situs kalender ke folder site/.")
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
    from mkdocs import utils
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    show_mkdocs_warnings()
    config = load_site_config(config_file or root / "mkdocs.yml", site_dir=site_dir,
                              strict=strict)
    if today is not None:
        set_today(config, today.date())
    if clean:
        utils.clean_directory(config.site_dir)
    from ..plugin.incremental import quiet_dirty_notice

    quiet_dirty_notice()
    with counting_warnings() as warnings:
        try:
            # Dirty: mkdocs renders only the pages the kalender plugin marks as changed
            # (kalender.plugin.incremental); the plugin empties the folder when all changed.
            build(config, dirty=True)
        except Abort:
            raise KalenderError("site.strict_failed", count=warnings.count) from None
        except MkDocsException as exc:
            raise KalenderError("site.build_failed", detail=exc.format_message()) from None
    click.echo(t("site.built", path=config.site_dir))


@cli.command("serve", help="Sajikan situs dengan muat ulang otomatis saat pos diubah.")
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Alamat dan porta server.")
@TODAY_OPTION
@click.pass_obj
def serve_command(root: Path, dev_addr: str, today: dt.datetime | None) -> None:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    show_mkdocs_warnings(logging.INFO)
    if today is not None:
        os.environ[TODAY_ENV] = today.date().isoformat()  # read again at every rebuild
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise KalenderError("site.no_config", path=config_file)
    try:
        # Not strict: a post being edited may be broken for a moment; its warning is shown
        # and the server keeps running. The plugin watches posts/ and calendar/.
        from ..plugin.incremental import quiet_dirty_notice

        quiet_dirty_notice()
        serve(str(config_file), dev_addr=dev_addr, strict=False, build_type="dirty")
    except MkDocsException as exc:
        raise KalenderError("site.build_failed", detail=exc.format_message()) from None


def load_site_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """mkdocs.yml with ``overrides`` (None values are left as the file says)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        raise KalenderError("site.no_config", path=config_file)
    given = {key: str(value) if isinstance(value, Path) else value
             for key, value in overrides.items() if value is not None}
    try:
        return load_config(str(config_file), **given)
    except MkDocsException as exc:
        raise KalenderError("site.bad_config", path=config_file,
                            detail=exc.format_message()) from None


def set_today(config: MkDocsConfig, today: dt.date) -> None:
    """Tell the ``kalender`` plugin which day is "today" (stable builds and tests)."""
    plugin = config.plugins.get("kalender")
    if plugin is None:
        raise KalenderError("site.no_plugin", path=config.config_file_path)
    plugin.config["today"] = today.isoformat()


class WarningCount(logging.Handler):
    """Counts mkdocs' warnings, to say how many stopped a strict build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def counting_warnings() -> Iterator[WarningCount]:
    """Count the warnings mkdocs logs inside the ``with`` block."""
    counter = WarningCount()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)


def show_mkdocs_warnings(level: int = logging.WARNING) -> None:
    """Print mkdocs' messages (the plugin's included) at ``level`` and above."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "kalender", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.kalender = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(min(logger.level or level, level))
    for each in logger.handlers:
        if getattr(each, "kalender", False):
            each.setLevel(level)
