"""Building and serving the calendar site through mkdocs: the only code that runs mkdocs.

``kalender build`` and ``kalender serve`` (:mod:`kalender.cli.site`) and the review server's
rebuilds (:mod:`kalender.review.sitebuild`) call here; the pages themselves come from the
plugin (:mod:`kalender.plugin.site_plugin`). mkdocs is imported when a build starts, not when
the command line starts (``kalender --help`` stays quick).
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.buildscope import one_build
from ..core.errors import KalenderError
from .incremental import quiet_dirty_notice
from .site_plugin import TODAY_ENV
from .sitefolder import emptied, prune_empty
from .themecache import cache_theme_templates

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def build_site(config_file: Path, site_dir: Path | None, today: dt.date | None,
               strict: bool | None, clean: bool) -> Path:
    """Build the site of ``config_file``; returns the folder it was written to."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    show_mkdocs_warnings()
    config = load_site_config(config_file, site_dir=site_dir, strict=strict)
    if today is not None:
        set_today(config, today)
    cache_theme_templates(config)  # Material's search words too (plugin.themecache)
    if clean:
        emptied(config.site_dir)  # its folders are kept while the pages are written again
    quiet_dirty_notice()
    with counting_warnings() as warnings, imports_set_aside(), one_build():
        try:
            # Dirty: mkdocs renders only the pages the kalender plugin marks as changed
            # (kalender.plugin.incremental); the plugin empties the folder when all changed.
            build(config, dirty=True)
            if clean:
                prune_empty(config.site_dir)  # the folders no page was written into
        except KeyboardInterrupt:  # mkdocs tells the plugins of errors, not of this
            end_workers(config)
            raise
        except Abort:
            raise KalenderError("site.strict_failed", count=warnings.count) from None
        except MkDocsException as exc:
            raise KalenderError("site.build_failed", detail=exc.format_message()) from None
    return Path(config.site_dir)


def end_workers(config: MkDocsConfig) -> None:
    """End the worker processes of an interrupted build (its pictures, its report charts)
    without waiting for the work still queued."""
    plugin = config.plugins.get("kalender")
    if plugin is not None:
        plugin.on_build_error(error=InterruptedError())


def build_whole(config_file: Path, site_dir: Path, today: dt.date | None) -> None:
    """One whole (not dirty) build of ``config_file`` into ``site_dir``, quietly: the review
    server's rebuild into its staging folder (:mod:`kalender.review.sitebuild`)."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException

    config = load_site_config(config_file, site_dir=site_dir)
    if today is not None:
        set_today(config, today)
    with counting_warnings() as warnings:
        try:
            build(config)
        except Abort:
            raise KalenderError("site.strict_failed", count=warnings.count) from None
        except MkDocsException as exc:
            raise KalenderError("site.build_failed", detail=exc.format_message()) from None


def serve_site(config_file: Path, dev_addr: str, today: dt.date | None) -> None:
    """Serve the site with live reload until interrupted."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    show_mkdocs_warnings(logging.INFO)
    if today is not None:
        os.environ[TODAY_ENV] = today.isoformat()  # read again at every rebuild
    if not config_file.is_file():
        raise KalenderError("site.no_config", path=config_file)
    try:
        # Not strict: a post being edited may be broken for a moment; its warning is shown
        # and the server keeps running. The plugin watches posts/ and calendar/.
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
def imports_set_aside() -> Iterator[None]:
    """Within: every object made before (the modules imported, mkdocs' configuration and
    plugins: a few hundred thousand, alive to the end) is set aside from the cycle collector
    (:func:`gc.freeze`), which otherwise walks them again in every full collection of the
    build (about 0.1 s CPU of a full render at N = 1,000). Given back at the end."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


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
