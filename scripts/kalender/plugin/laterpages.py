"""The post, week and month pages converted from Markdown as each is rendered, not all of
them before the first is (issue 23, branch ``memory8``).

mkdocs converts every page's Markdown to HTML (``_populate_page``) before it renders any
template, so the HTML, table of contents, anchors and links of all pages are held at once
until the last page is written: at 10,000 posts some tens of MB at the peak of a build, and
of the first build of ``kalender serve``, which also holds every post's memory for the next.
Here the conversion of a page outside the nav (:class:`kalender.plugin.pagework.
OneParserPage`) waits for the start of that page's own render (the first ``page_context``
handler), and what it made is let go once the page is written (:mod:`kalender.plugin.
written`). Nothing reads such a page's HTML, title or anchors before: it is outside the nav,
and mkdocs checks the anchors after every page was rendered. Only when no plugin reads a
page's HTML right after its conversion (``page_content``): otherwise as mkdocs does.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .pagework import OneParserPage


def convert_as_rendered(config: MkDocsConfig) -> bool:
    """Have ``config``'s build convert its calendar pages as they are rendered; False
    (converted as mkdocs does) when a plugin reads the HTML of a page once converted."""
    events = config.plugins.events
    if events["page_content"]:
        OneParserPage.later = None
        return False
    OneParserPage.later = config
    handlers = events["page_context"]
    if convert_pending not in handlers:
        handlers.insert(0, convert_pending)  # before the search index reads the page
    return True


def convert_pending(context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
    """The ``page_context`` handler that converts a page whose conversion waited."""
    if isinstance(page, OneParserPage):
        page.convert_pending(config)
    return context
