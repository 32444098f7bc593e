"""Material's page frame rendered once per kind of page and folder depth, each page's own
parts stitched into it.

Every page renders Material's ``base.html`` around its text: the head with the style and
script links, the body's toggles, the header, tabs, menu, footer and the theme's
configuration. On pages outside the ``nav`` (posts, weeks, months, meetings) most of that is
already kept once per folder (:mod:`kalender.plugin.shared_parts`), but ``base.html`` itself
still ran for every page: its imports, loops, ``include``\\ s and the calls into the kept
parts (about 0.5 ms a post page, half a second at N = 1,000).

A page's own parts are five blocks of ``base.html``: ``site_meta`` (its description,
canonical and neighbour links), ``htmltitle``, ``header`` (its title), ``site_nav`` (its
menu state and table of contents) and ``container`` (its text and icons). Everything else
``base.html`` writes depends on the theme's configuration and on the links as seen from the
page. So the first page of a kind (its template) and folder (first folder and depth, the
same links) renders ``base.html`` whole, with a mark where each own part went; later pages
of the kind render only their five blocks and are stitched into the text between the marks:
the same bytes as rendering ``base.html`` again.

What the frame must not depend on, it checks when it is made: the ``url`` filter's targets
outside the page's own parts (none may lie under the page's first folder, or the link would
differ between ``pos/a/`` and ``pos/b/``), every block it holds being ``base.html``'s or
``main.html``'s own (a template that overrides one is rendered whole), and each mark
appearing once. The "skip to content" link, which reads the page's first heading, is part of
the key. The variables ``base.html`` sets before each part (``lang``, ``features``, ...)
are kept as they were and set again for every later page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from .joining import joined
from .shared_parts import SharedParts, page_folder, site_parts

PARTS = ("site_meta", "htmltitle", "header", "site_nav", "container")  # the page's own
INSIDE_PARTS = frozenset({"content"})  # base.html's blocks within a part
MARK = "\x00kalender-frame:{}\x00"
MARKS = re.compile("\x00kalender-frame:(\\w+)\x00")
Root = Callable[[Context], Iterator[str]]
MISSING = object()


@dataclass(frozen=True)
class Frame:
    """``base.html`` rendered without a page's own parts: the texts around them, in order,
    and the variables ``base.html`` had set when each part began."""

    texts: tuple[str, ...]  # one more than the parts
    parts: tuple[str, ...]
    state: tuple[dict[str, Any], ...]

    def around(self, context: Context) -> Iterator[str]:
        """The page of ``context``: the frame's texts with the page's own parts between."""
        for text, name, state in zip(self.texts, self.parts, self.state, strict=False):
            yield text
            context.vars.update(state)
            yield from context.blocks[name][0](context)
        yield self.texts[-1]


class PageFrames:
    """``base.html``'s render function, which stitches pages outside the nav into a frame
    kept by kind and folder. One object per build (the configuration and nav stay)."""

    def __init__(self, shared: SharedParts, base_root: Root, own: dict[str, set[object]]
                 ) -> None:
        self.shared, self.base_root, self.own = shared, base_root, own
        self.kept: dict[tuple[object, ...], Frame | None] = {}  # None: rendered whole
        self.clean_blocks: dict[str, bool] = {}  # template -> no frame block overridden
        self.recorded: list[str] | None = None  # the url filter's targets, while recording
        self.stitched = 0  # pages stitched into a kept frame (for the tests)

    def render(self, context: Context) -> Iterator[str]:
        """``base.html``'s ``root_render_func``."""
        key = self._key(context)
        if key is None:
            return self.base_root(context)
        frame = self.kept.get(key, MISSING)
        if frame is MISSING:
            return self._first(context, key)
        if frame is None:
            return self.base_root(context)
        assert isinstance(frame, Frame)
        self.stitched += 1
        return frame.around(context)

    def url(self, original: Callable[[Context, str], str]) -> Callable[[Context, str], str]:
        """The ``url`` filter, noting its targets while a frame is being made."""
        @pass_context
        def url(context: Context, value: str) -> str:
            if self.recorded is not None:
                self.recorded.append(str(value))
            return original(context, value)
        return url

    def _key(self, context: Context) -> tuple[object, ...] | None:
        """What the frame of this page depends on (None: a page rendered whole)."""
        page, nav = context.get("page"), context.get("nav")
        links = self.shared.links_of(page, nav)
        if links is None or not self._frame_blocks_own(context):
            return None
        folder = page_folder(page.url)
        if folder is None:
            return None
        first = next(iter(page.toc), None)
        return (context.name, links, tuple(folder[:1]), len(folder),
                getattr(first, "url", None), context.get("base_url"))

    def _frame_blocks_own(self, context: Context) -> bool:
        """Whether every block the frame holds is base.html's or main.html's own."""
        name = str(context.name)
        clean = self.clean_blocks.get(name)
        if clean is None:
            clean = self.clean_blocks[name] = all(
                blocks[0] in self.own.get(block, ()) for block, blocks in
                context.blocks.items() if block not in PARTS and block not in INSIDE_PARTS)
        return clean

    def _first(self, context: Context, key: tuple[object, ...]) -> Iterator[str]:
        """The first page of a kind and folder: rendered whole, marks where its parts go."""
        own: dict[str, str] = {}
        state: list[dict[str, Any]] = []
        before = dict(context.vars)
        for name in PARTS:
            context.blocks[name].insert(0, self._mark(name, own, state, before))
        self.recorded = []
        try:
            text = joined(self.base_root(context))
            recorded = self.recorded
        finally:
            self.recorded = None
            for name in PARTS:
                del context.blocks[name][0]
        pieces = MARKS.split(text)
        frame = Frame(tuple(pieces[0::2]), tuple(pieces[1::2]), tuple(state))
        keep = (sorted(frame.parts) == sorted(PARTS)
                and _links_alike(recorded, context.get("page")))
        self.kept[key] = frame if keep else None
        return iter([pieces[0]] + [own.get(p, p) if i % 2 else p
                                   for i, p in enumerate(pieces[1:], start=1)])

    def _mark(self, name: str, own: dict[str, str], state: list[dict[str, Any]],
              before: dict[str, Any]) -> Callable[[Context], Iterator[str]]:
        """A block that renders the page's own part aside and leaves its mark."""
        def mark(context: Context) -> Iterator[str]:
            state.append({k: v for k, v in context.vars.items() if before.get(k, MISSING) is not v})
            recorded, self.recorded = self.recorded, None
            try:
                own[name] = joined(context.blocks[name][1](context))
            finally:
                self.recorded = recorded
            yield MARK.format(name)
        return mark


def _links_alike(targets: list[str], page: Any) -> bool:
    """Whether every ``url`` target is written alike from every page of the folder's first
    folder and depth: an absolute or anchor link, or a path outside that first folder."""
    folder = page_folder(page.url)
    for target in targets:
        if target.startswith(("#", "/")) or "://" in target:
            continue  # written as it is (mkdocs.utils.normalize_url)
        parts = site_parts(target)
        if parts is None or (parts and folder and parts[0] == folder[0]):
            return False
    return True


def install_frames(env: Environment, shared: SharedParts) -> PageFrames:
    """Stitch pages outside the nav into kept frames from now on, in ``env``."""
    base, main = env.get_template("base.html"), env.get_template("main.html")
    own: dict[str, set[object]] = {}
    for template in (base, main):
        for name, block in template.blocks.items():
            own.setdefault(name, set()).add(block)
    frames = PageFrames(shared, base.root_render_func, own)
    base.root_render_func = frames.render
    env.filters["url"] = frames.url(env.filters["url"])
    return frames
