"""What mkdocs keeps of a page once it is written, let go while the pages render (issue 23).

mkdocs holds every page object to the end of the build, with its Markdown and its HTML, and
caches the parts of every URL a page's links are made relative to (``mkdocs.utils._norm_parts``,
without a bound: one entry per page and per link target). At 10,000 posts that is some tens of
MB that nothing reads once the page is written, growing through the render to the build's end,
where ``kalender build`` peaks (the search index took each page's text before, in
``page_context``; the manifest keeps the generated pages' sources from their files, not from
the pages). ``kalender serve`` holds the pages of its last build to the next (its kept
files, :mod:`kalender.plugin.keptfiles`), so it lets go of the same (issue 23, ``memory8``).

What mkdocs reads of a written page after it is written is made compact (issue 23,
``memory9``): its anchors (checked once every page is rendered) as one frozen set per
distinct set of anchors, shared by the pages with the same (a post page has one heading),
its links to anchors only when there are some, and the front matter of a calendar page
outside the nav (a post, a week, a month: no other page's template reads it; the title it
gives is kept). Some 1.2 KB a page, held from its render to the end of the build, and under
``kalender serve`` to the next build.
"""

from __future__ import annotations

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .laterpages import convert_as_rendered
from .pagework import OneParserPage

URL_PARTS_KEPT = 512  # pages written between two clearings of mkdocs' URL parts cache
EMPTY_TOC = get_toc([])  # a written page's table of contents (read by nothing after)


class WrittenPages:
    """Lets go of each page's HTML, Markdown and table of contents once written."""

    def __init__(self) -> None:
        self.count = 0
        self.anchors: dict[frozenset[str], frozenset[str]] = {}  # one of each, shared

    @staticmethod
    def start(config: MkDocsConfig) -> None:
        """A build starts: its calendar pages are converted as they are rendered
        (:mod:`kalender.plugin.laterpages`), so that what a page made is held from its
        render to its writing only."""
        convert_as_rendered(config)

    def let_go(self, page: Page) -> None:
        """``page`` is written; nothing reads these again, in ``kalender build`` or in
        ``kalender serve`` (whose next build makes every page object anew, or keeps one
        that was never rendered: :mod:`kalender.plugin.keptfiles`)."""
        page.content = None
        page.markdown = ""  # not None: mkdocs' ``Page.title`` reads None as "no title"
        page.toc = EMPTY_TOC  # the search index read it in ``page_context``
        self._compact(page)
        self.count += 1
        if self.count % URL_PARTS_KEPT == 0:
            forget_url_parts()

    def _compact(self, page: Page) -> None:
        """What mkdocs still reads of ``page`` (its anchors, its links to anchors, when
        every page is rendered), held in less room; the front matter of a calendar page
        outside the nav let go, its title kept."""
        if page.present_anchor_ids is not None:
            anchors = frozenset(page.present_anchor_ids)
            page.present_anchor_ids = self.anchors.setdefault(anchors, anchors)  # type: ignore[assignment]
        if not page.links_to_anchors:
            page.links_to_anchors = None  # mkdocs checks nothing on a page without
        if isinstance(page, OneParserPage) and page.meta:
            page.title = page.title  # what the front matter said, kept as the title
            page.meta = {}


def forget_url_parts() -> None:
    """Empty mkdocs' cache of URL parts (what it caches is made again when asked)."""
    cache_clear = getattr(utils._norm_parts, "cache_clear", None)  # noqa: SLF001
    if cache_clear is not None:
        cache_clear()
