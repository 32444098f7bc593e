"""The site's own chrome in the language in force: the tab and handbook titles of
``mkdocs.yml``'s ``nav`` and the colour-scheme toggles are written there in Indonesian; built
with ``--lang en`` they are said from the catalog (``nav.<title>``)."""

from __future__ import annotations

from typing import Any

from ..core.i18n import catalog, t


def said_title(title: str) -> str:
    """``Home`` for ``Beranda`` in English; a title the catalog does not hold stays."""
    key = f"nav.{title}"
    return t(key) if key in catalog() else title


def said_nav(nav: Any) -> Any:
    """``nav`` with every title said in the language in force (same shape, paths kept)."""
    if isinstance(nav, list):
        return [said_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {said_title(str(k)) if isinstance(k, str) else k: said_nav(v)
                for k, v in nav.items()}
    return nav


def said_palette(palette: Any) -> Any:
    """The theme's palette list with each toggle's name said (``Mode gelap``)."""
    if not isinstance(palette, list):
        return palette
    shown = []
    for scheme in palette:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if isinstance(toggle, dict) and "name" in toggle:
            scheme = {**scheme, "toggle": {**toggle, "name": said_title(toggle["name"])}}
        shown.append(scheme)
    return shown
