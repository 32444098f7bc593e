"""The icons of a calendar page, each drawn once per page.

A page used to carry the whole SVG of an icon at every use: a list of a year of posts
repeated the same platform and status icons (with their licence comments) thousands of
times, most of its 20 MB. Now each use is a small ``<svg><use href="#…"/></svg>`` and the
page ends with one ``<symbol>`` per icon it used (:meth:`IconSprite.sprite`). Works from
``file://`` too: the symbols are in the page itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from markupsafe import Markup

_SVG = re.compile(r"<svg\b[^>]*?\bviewBox=\"([^\"]+)\"[^>]*>(.*)</svg>\s*$", re.DOTALL)
_LICENCE = re.compile(r"<!--.*?-->", re.DOTALL)


def symbol_id(name: str) -> str:
    """``fontawesome/brands/x-twitter`` -> ``kal-i-fontawesome-brands-x-twitter``."""
    return "kal-i-" + re.sub(r"[^a-z0-9-]+", "-", name.lower())


@functools.lru_cache(maxsize=1024)
def _reference(name: str) -> Markup:
    """The HTML of one use of icon ``name``: the same few icons are used thousands of
    times in a build."""
    return Markup('<svg class="kal-svg"><use href="#{}"></use></svg>').format(symbol_id(name))


class IconSprite:
    """Icons used by one page; ``load(name)`` gives the SVG text of an icon."""

    def __init__(self, load: Callable[[str], str]) -> None:
        self.load = load
        self.used: dict[str, None] = {}

    def use(self, name: str) -> Markup:
        """A reference to icon ``name`` (drawn by the page's sprite)."""
        self.used.setdefault(name, None)
        return _reference(name)

    def sprite(self) -> Markup:
        """One hidden ``<svg>`` with a ``<symbol>`` for every icon the page used; the
        licence comment of an icon set is kept once."""
        symbols, licences = [], []
        for name in self.used:
            found = _SVG.search(self.load(name))
            if found is None:
                continue
            view_box, inner = found.groups()
            for licence in _LICENCE.findall(inner):
                if licence not in licences:
                    licences.append(licence)
            symbols.append(f'<symbol id="{symbol_id(name)}" viewBox="{view_box}">'
                           f'{_LICENCE.sub("", inner)}</symbol>')
        if not symbols:
            return Markup("")
        return Markup('<svg class="kal-sprite" aria-hidden="true" focusable="false" width="0" '
                      'height="0">' + "".join(licences) + "".join(symbols) + "</svg>")
