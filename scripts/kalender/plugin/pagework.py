"""Work the render of a page does once per build instead of once per page.

* ``t(...)`` in the templates (:class:`PageWords`): a year of posts shows the same labels
  tens of thousands of times (a field's name, a heading, a button), and
  :func:`kalender.core.i18n.t` reads the language and the wording style on every call.
  Within one build both are fixed (the plugin says every word in the page wording from
  ``on_config`` to ``on_post_build``), so a message without parameters is the same text on
  every page and is kept for the build. Messages with parameters, or in a language named by
  the template, are asked of the catalog each time.
* Markdown (:class:`OneParserPage`): mkdocs makes a new ``markdown.Markdown`` for every page
  it renders (``Page.render``): the extensions are loaded and every processor built again,
  which costs about as much as converting a post's short body. A calendar page outside the
  nav (a post, a week, a month) is mkdocs' page with the same ``render``, except that the
  parser is made once per build and reset between pages (:meth:`markdown.Markdown.reset`,
  as Python-Markdown asks between two documents). mkdocs' own processors of the page (raw
  HTML, anchors, relative links, the title) are made anew for every page and registered
  under their names, which replaces the last page's in the same order, as on a new parser.
  The body of ``render`` follows mkdocs 1.6 ``Page.render`` line for line: when mkdocs is
  upgraded, compare it again (``tests/test_clean_render.py`` converts pages both ways and
  compares what each gives). The pages in the ``nav`` (the handbook, the home and list
  pages) stay mkdocs' own.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown  # type: ignore[import-untyped]  # (no stubs; mkdocs imports it too)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from ..core.i18n import t
from ..site.calendar_view import page_source
from ..site.views import View

log = logging.getLogger("mkdocs.structure.pages")  # mkdocs' Page.render logs as this
OUTSIDE_NAV = frozenset({"post", "week", "month"})  # the views whose pages are not in the nav


class PageWords:
    """``t(key, lang=None, **params)`` for one build's templates (a new one per build)."""

    def __init__(self) -> None:
        self.said: dict[str, str] = {}

    def __call__(self, key: str, /, lang: str | None = None, **params: Any) -> str:
        if lang is not None or params:
            return t(key, lang, **params)
        said = self.said.get(key)
        if said is None:
            said = self.said[key] = t(key)
        return said


class OneParserPage(Page):
    """A page outside the nav whose Markdown is converted by the build's one parser."""

    parser: tuple[MkDocsConfig, markdown.Markdown] | None = None  # the build's, by config
    urls: dict[tuple[str, str], tuple[str | None, str | None]] = {}  # noqa: RUF012
    later: MkDocsConfig | None = None  # the build that converts as it renders (laterpages)
    pending: Files | None = None  # this page's conversion, waiting for its render

    def _set_canonical_url(self, base: str | None) -> None:
        """mkdocs' answer (``urljoin`` and ``urlsplit``, most of making a page), kept per
        site URL and page URL: ``kalender serve`` makes every page again at every rebuild."""
        key = (base or "", self.url)
        known = self.urls.get(key)
        if known is not None:
            self.canonical_url, self.abs_url = known
            return
        super()._set_canonical_url(base)
        self.urls[key] = (self.canonical_url, self.abs_url)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """mkdocs' ``Page.render`` with the build's parser, reset, instead of a new one;
        in a build that converts as it renders (:mod:`kalender.plugin.laterpages`), only
        when the page's template is about to be rendered (:meth:`convert_pending`)."""
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if OneParserPage.later is config:
            self.pending, self.content = files, ""
            return
        self._convert(config, files)

    def convert_pending(self, config: MkDocsConfig) -> None:
        """Convert the page now if its conversion waited (see :meth:`render`)."""
        files, self.pending = self.pending, None
        if files is not None:
            self._convert(config, files)

    def _convert(self, config: MkDocsConfig, files: Files) -> None:
        md = _parser(config)
        raw_html_ext = _RawHTMLPreprocessor()
        raw_html_ext._register(md)  # noqa: SLF001  (as mkdocs registers them)
        extract_anchors_ext = _ExtractAnchorsTreeprocessor(self.file, files, config)
        extract_anchors_ext._register(md)  # noqa: SLF001
        relative_path_ext = _RelativePathTreeprocessor(self.file, files, config)
        relative_path_ext._register(md)  # noqa: SLF001
        extract_title_ext = _ExtractTitleTreeprocessor()
        extract_title_ext._register(md)  # noqa: SLF001
        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = (
            extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids)
        if log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors


def _parser(config: MkDocsConfig) -> markdown.Markdown:
    """The parser of ``config``'s build, reset for the next page."""
    kept = OneParserPage.parser
    if kept is None or kept[0] is not config:
        md = markdown.Markdown(extensions=config["markdown_extensions"],
                               extension_configs=config["mdx_configs"] or {})
        OneParserPage.parser = kept = (config, md)
    return kept[1].reset()


def generated_page(config: MkDocsConfig, path: str, view: View) -> File:
    """The file of a calendar page made from ``view``; a page outside the nav gets a
    :class:`OneParserPage` (mkdocs gives every other page its own)."""
    file = File.generated(config, path, content=page_source(view))
    if view.kind in OUTSIDE_NAV:
        OneParserPage(None, file, config)
    return file

