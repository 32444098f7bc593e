"""Compiled theme templates for every template environment of a build, not only the pages'.

Material's search plugin makes its own environment in ``on_config`` to read its words for
the site's language (``partials/language.html`` and the language's file): twice per build,
compiled from source each time, since mkdocs' ``Theme.get_env`` makes an environment without
a bytecode cache. The pages' environment reads its compiled templates from the plugin's
:class:`~kalender.plugin.incremental.TemplateCache` (``on_env``). Here every environment the
theme makes gets that same cache, so the search plugin's templates are compiled once and
read back by the next build (about 0.02 s CPU per build; issue 23, branch edit10). Jinja
checks every entry against its template's source and its own version.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from .incremental import TemplateCache

JINJA_FOLDER = Path("kalender") / "jinja"  # in the plugin's cache folder


def cache_theme_templates(config: MkDocsConfig) -> None:
    """Give every environment ``config``'s theme makes the ``kalender`` plugin's template
    cache (before the build's ``on_config``); nothing without the plugin."""
    plugin = config.plugins.get("kalender")
    if plugin is None:
        return
    if plugin.templates is None:
        folder = _cache_folder(config, plugin.config.root, plugin.config.cache_dir)
        plugin.templates = TemplateCache(folder / JINJA_FOLDER)
    make: Callable[[], Environment] = config.theme.get_env
    config.theme.get_env = _Cached(make, plugin.templates)  # type: ignore[method-assign]


def _cache_folder(config: MkDocsConfig, root: str | None, cache_dir: str) -> Path:
    """The plugin's cache folder, as its ``on_config`` finds it."""
    folder = Path(config.config_file_path or ".").resolve().parent
    return (Path(root).resolve() if root else folder) / cache_dir


class _Cached:
    """``Theme.get_env`` with the cache set on each environment it makes."""

    def __init__(self, make: Callable[[], Environment], cache: TemplateCache) -> None:
        self.make, self.cache = make, cache

    def __call__(self) -> Environment:
        env = self.make()
        env.bytecode_cache = self.cache
        return env
