"""Parts of Material's page frame rendered once and shown on many pages.

Every page carries the site's whole navigation (the tabs, and the side menu that the drawer
shows on a phone). On a page outside the ``nav`` (a post, a week, a month, a meeting: see
the handbook, *Kinerja situs*) no menu item is active, so these parts differ from one such
page to the next only by the links, which are relative to the page. :class:`SharedParts`
keeps each part's HTML under the links it holds as seen from the page (and the logo's), so
``pos/a/`` and ``pos/b/`` share one rendering and ``minggu/2026-W48/`` another: the same
bytes as rendering it again, once per folder instead of once per page.

``overrides/main.html`` wraps the tabs and the side menu in ``{% call shared(...) %}``; a
page in the ``nav`` (its item is active) is always rendered whole.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

Key = tuple[str, tuple[str, ...]]


class SharedParts:
    """``shared(name, page, nav)`` in templates, with the part as the ``call`` block's body.

    One object per build: the nav and the configuration do not change during a build."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.kept: dict[Key, Markup] = {}
        self.rendered = 0  # parts rendered (for the tests: fewer than the pages asking)

    def __call__(self, name: str, page: Page | None, nav: Navigation | None, *,
                 caller: Callable[[], str]) -> Markup:
        if page is None or nav is None or page in nav.pages:
            return Markup(caller())
        key = (name, self._links(page, nav))
        kept = self.kept.get(key)
        if kept is None:
            self.rendered += 1
            kept = self.kept[key] = Markup(caller())
        return kept

    def _links(self, page: Page, nav: Navigation) -> tuple[str, ...]:
        """Every URL the parts write, as the ``url`` filter writes it on ``page``."""
        targets = [p.url for p in nav.pages]
        targets.append(str(self.config.extra.get("homepage") or ""))
        targets.append(str(self.config.theme.get("logo") or ""))
        return tuple(normalize_url(url, page) for url in targets)
