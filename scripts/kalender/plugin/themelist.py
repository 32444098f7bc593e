"""The theme's static files, listed from the cache in a new process.

mkdocs lists every file of every theme folder at each build (some 14,500 for Material, most
of them icons) and filters the names one by one, to keep about 70: 0.06 s of CPU in every
``kalender build``, the one with nothing changed included. An installed theme's folders
change only with its package, so the filtered list is kept in ``.cache/kalender/`` under
the theme's folders, the package versions of mkdocs and Material, the templates mkdocs
renders itself, and the names of the files in the custom folder (``overrides/``: adding or
removing a file there lists everything again). ``kalender serve`` keeps it in memory
(:class:`~kalender.plugin.serving.ThemeFiles`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from ..core.atomic import write_bytes
from ..site.incremental import digest, package_version
from .serving import _names_under

THEME_LIST = Path("kalender") / "theme-files.json"
THEME_PACKAGES = ("mkdocs", "mkdocs-material")


def keep_theme_list(config: MkDocsConfig, cache: Path) -> None:
    """Have the environments of ``config``'s theme list their static files through the
    list kept in ``cache``."""
    theme = config.theme
    make_env: Callable[[], Environment] = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        listing = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or filter_func is None:
                return listing(extensions=extensions, filter_func=filter_func)
            key = digest(list(theme.dirs), sorted(theme.static_templates),
                         _names_under(theme.custom_dir), getattr(filter_func, "__qualname__", ""),
                         [package_version(name) for name in THEME_PACKAGES])
            return _kept_list(cache / THEME_LIST, key,
                              lambda: list(listing(filter_func=filter_func)))

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _kept_list(path: Path, key: str, listed: Callable[[], list[str]]) -> list[str]:
    """The names kept in ``path`` under ``key``, else ``listed()`` (then kept)."""
    try:
        kept = json.loads(path.read_bytes())
        if kept.get("key") == key and isinstance(kept.get("names"), list):
            return [str(name) for name in kept["names"]]
    except (OSError, ValueError, AttributeError):
        pass
    names = listed()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, json.dumps({"key": key, "names": names}).encode())
    except OSError:
        pass  # a read-only cache: listed again next time
    return names
