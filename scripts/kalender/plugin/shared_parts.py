"""Parts of Material's page frame rendered once and shown on many pages.

Every page carries the site's whole navigation (the tabs, and the side menu that the drawer
shows on a phone). On a page outside the ``nav`` (a post, a week, a month, a meeting: see
the handbook, *Kinerja situs*) no menu item is active, so these parts differ from one such
page to the next only by the links, which are relative to the page. :class:`SharedParts`
keeps each part's HTML under the links it holds as seen from the page (and the logo's), so
``pos/a/`` and ``pos/b/`` share one rendering and ``minggu/2026-W48/`` another: the same
bytes as rendering it again, once per folder instead of once per page.

The same holds for the rest of the frame that does not show the page itself: the style and
script links, the footer, and the theme's configuration (whose only page-bound value,
``base``, is a link to the site's root). The header also shows the page's title: it is kept
as the text before and after the title (:meth:`SharedParts.titled`).

So does the table of contents beside the text (:meth:`SharedParts.toc`), which shows the
page's headings: pages with the same headings share it.

``overrides/main.html`` wraps these blocks in ``{% call shared(...) %}``; a page in the
``nav`` (its item is active) is always rendered whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

Key = tuple[str, tuple[str, ...]]
# Where Material's header writes the page's title (partials/header.html): the title follows
# this, and only white space and ``</span>`` follow the title.
TOPIC = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*')
AFTER_TOPIC = re.compile(r"\s*</span>")


class SharedParts:
    """``shared(name, page, nav)`` in templates, with the part as the ``call`` block's body.

    One object per build: the nav and the configuration do not change during a build."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.kept: dict[tuple[str, object], Markup] = {}  # by part and links (or headings)
        self.around: dict[Key, tuple[str, str]] = {}  # a titled part: before and after the title
        self.rendered = 0  # parts rendered (for the tests: fewer than the pages asking)
        self.page: Page | None = None  # the page whose links are in ``links``
        self.links: tuple[str, ...] | None = None  # None: the page is in the nav
        self.in_nav: set[int] | None = None  # the nav's pages (their ids), once per build
        self.targets: list[str] = []  # every URL the parts link to, once per build
        self.heads: set[str] | None = None  # their first folders; None: a ".." somewhere
        self.by_depth: dict[tuple[str, int], tuple[str, ...]] = {}  # see :meth:`_links`

    def __call__(self, name: str, page: Page | None, nav: Navigation | None, *,
                 caller: Callable[[], str]) -> Markup:
        links = self._outside(page, nav)
        if links is None:
            return Markup(caller())
        return self.kept_by((name, links), caller)

    def titled(self, name: str, page: Page | None, nav: Navigation | None, *,
               caller: Callable[[], str]) -> Markup:
        """Material's header: the same on every page of a folder but for the page's title,
        which is written as it is (the theme does not escape it). Kept as the text before
        and after the title of the first page that had a plain one; a title with white
        space at either end (which the theme's own spaces would swallow) renders whole."""
        links = self._outside(page, nav)
        title = _shown_title(page)
        if links is None or title is None:
            return Markup(caller())
        key = (f"{name}:{'meta' if _meta_title(page) else 'page'}", links)
        around = self.around.get(key)
        if around is not None:
            return Markup(around[0] + title + around[1])
        self.rendered += 1
        html = caller()
        split = _around_title(html, title)
        if split is not None:
            self.around[key] = split
        return Markup(html)

    def toc(self, page: Page | None, nav: Navigation | None, *,
            caller: Callable[[], str]) -> Markup:
        """Material's table of contents (``partials/toc.html``): it writes the headings of
        the page's own text (their anchors and titles, not links relative to the page), so
        pages outside the nav with the same headings (every post has "Ringkasan") share it.
        A heading that Material's typeset plugin dressed renders whole."""
        headings = _headings(page.toc) if page is not None else None
        if headings is None or self._outside(page, nav) is None:
            return Markup(caller())
        return self.kept_by(("toc", headings), caller)

    def kept_by(self, key: tuple[str, object], caller: Callable[[], str]) -> Markup:
        """The part kept under ``key``, rendered by ``caller`` the first time."""
        kept = self.kept.get(key)
        if kept is None:
            self.rendered += 1
            kept = self.kept[key] = Markup(caller())
        return kept

    def links_of(self, page: Page | None, nav: Navigation | None) -> tuple[str, ...] | None:
        """Every URL the parts write, as seen from ``page`` (None for a page in the nav,
        which renders whole): pages with the same links share the parts."""
        return self._outside(page, nav)

    def _outside(self, page: Page | None, nav: Navigation | None) -> tuple[str, ...] | None:
        """The links of a page outside the nav (None for a page in it): a page asks for
        several parts, one after the other, so the last page's answer is kept."""
        if page is None or nav is None:
            return None
        if page is not self.page:
            if self.in_nav is None:
                self._know(nav)
            assert self.in_nav is not None
            self.page = page
            self.links = None if id(page) in self.in_nav else self._links(page)
        return self.links

    def _know(self, nav: Navigation) -> None:
        """The nav's pages and the URLs the parts link to: the same for every page."""
        self.in_nav = {id(p) for p in nav.pages}
        self.targets = [p.url for p in nav.pages]
        self.targets.append(str(self.config.extra.get("homepage") or ""))
        self.targets.append(str(self.config.theme.get("logo") or ""))
        heads = [_parts(url) for url in self.targets]
        self.heads = ({p[0] for p in heads if p} if all(p is not None for p in heads)
                      else None)

    def _links(self, page: Page) -> tuple[str, ...]:
        """Every URL the parts write, as the ``url`` filter writes it on ``page``.

        A relative link from a folder ``a/b/`` to a target outside ``a/`` is ``../../``
        and the target: the same from every folder of two levels under ``a/``. So when no
        target is under the page's first folder, the links are kept by that folder and the
        depth (all post pages share one answer), not computed again for every page."""
        folder = _parts(_folder_of(page.url))
        if folder and self.heads is not None and folder[0] not in self.heads:
            key = (folder[0], len(folder))
            kept = self.by_depth.get(key)
            if kept is None:
                kept = self.by_depth[key] = self._normalized(page)
            return kept
        return self._normalized(page)

    def _normalized(self, page: Page) -> tuple[str, ...]:
        return tuple(normalize_url(url, page) for url in self.targets)


def page_folder(url: str) -> list[str] | None:
    """The folders of a page's URL, as relative links from it are made (None when they
    climb with ``..``)."""
    return _parts(_folder_of(url))


def site_parts(url: str) -> list[str] | None:
    """The folders and name of a site-relative URL (None when not a path in the site)."""
    return _parts(url)


def _folder_of(url: str) -> str:
    """The folder of a page's URL, as mkdocs reads it for relative links (the last part
    is a file when it has a dot)."""
    folder, _, last = url.rpartition("/")
    return folder if "." in last else url


def _parts(url: str) -> list[str] | None:
    """The folders and name of a site-relative URL (None when it climbs with ``..`` or is
    not a path in the site, which :meth:`SharedParts._links` then does not share)."""
    if "://" in url or url.startswith(("/", "#", "?")) or ":" in url.split("/", 1)[0]:
        return None
    parts = [part for part in url.split("/") if part not in ("", ".")]
    return None if ".." in parts else parts


def _headings(toc: Iterable[Any]) -> tuple[object, ...] | None:
    """What ``partials/toc.html`` writes of a table of contents: every heading's anchor,
    title and the headings under it (None when one has Material's ``typeset``)."""
    found: list[object] = []
    for item in toc:
        children = _headings(item.children)
        if children is None or getattr(item, "typeset", None) is not None:
            return None
        found.append((item.url, item.title, item.level, children))
    return tuple(found)


def _meta_title(page: Page | None) -> object:
    meta = page.meta if page is not None else None
    return meta.get("title") if isinstance(meta, dict) else None


def _shown_title(page: Page | None) -> str | None:
    """The title the header shows (``page.meta.title``, else ``page.title``), when it is a
    non-empty text without white space at either end."""
    title = _meta_title(page) or (page.title if page is not None else None)
    if not isinstance(title, str) or not title or title != title.strip():
        return None
    return title


def _around_title(html: str, title: str) -> tuple[str, str] | None:
    """``html`` cut around the title in the header's topic (None when it is not there)."""
    found = TOPIC.search(html)
    if found is None or not html.startswith(title, found.end()):
        return None
    after = found.end() + len(title)
    if AFTER_TOPIC.match(html, after) is None:
        return None
    return html[:found.end()], html[after:]
