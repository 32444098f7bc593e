"""``kalender serve``: the part of each page's key that comes from the page's own data,
kept from one rebuild to the next while that data is the same.

A page's key (:func:`kalender.site.incremental.page_key`) walks the page's data for the
posts it shows (:func:`~kalender.site.incremental.posts_in`) and pickles it whole, for
every page at every rebuild: some 70 ms of a caption edit at N = 1,000, of which a caption
edit changes the data of two or three pages (issue 23, branch ``serve8``). Here a page's
data is compared with the last rebuild's (:func:`same`: the same objects, or equal plain
values, containers and dataclasses field by field, posts by id as the key pickles them);
when it is the same, the walk and the pickle are the last rebuild's, and only the digests
of the posts it shows are looked up again. So a key still changes exactly when the page's
data or a post it shows does. ``kalender build`` keys every page anew.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import PurePath

from ..core.model import Post
from ..site.incremental import digest, page_key, posts_in
from ..site.viewdigests import Digested
from ..site.views import View
from .keptmeetings import KeptMeetings
from .keptpostpages import KeptPostPages

KeyOf = Callable[[str, str, object, Mapping[str, str]], str]

# Compared by value: what pickles the same exactly when equal (floats: by their bits)
_VALUES = (str, int, bool, type(None), bytes, dt.date, dt.datetime, dt.time, dt.timedelta,
           PurePath, Enum, Digested)


def same(one: object, other: object) -> bool:
    """Whether ``one`` and ``other`` give the same page key part: the same object, or of
    the same type and equal (plain values, a week's :class:`Digested`), element by element
    (tuples, lists, dicts in order); posts by their id (the key holds no more of a post:
    the post's own digest stands for the rest). Anything else only when it is the same
    object: walking a view made again field by field costs more than its pickle (the
    months' and the meetings' views are made again at every rebuild)."""
    if one is other:
        return True
    kind = type(one)
    if kind is not type(other):
        return False
    if isinstance(one, (tuple, list)) and kind in (tuple, list):
        return _same_items(one, other)  # type: ignore[arg-type]
    if isinstance(one, dict) and isinstance(other, dict) and kind is dict:
        return same(list(one.items()), list(other.items()))
    if isinstance(one, _VALUES):
        return one == other
    if isinstance(one, float) and isinstance(other, float):
        return one.hex() == other.hex()
    if isinstance(one, Post) and isinstance(other, Post):
        return one.id == other.id
    return False


def _same_items(one: tuple[object, ...] | list[object],
                other: tuple[object, ...] | list[object]) -> bool:
    """:func:`same` item by item; an item that is the same object is not walked (a post
    page's data is its source, the same string, and its post's id: 10,000 pages per
    rebuild at N = 10,000, issue 23, branch ``serve13``)."""
    return len(one) == len(other) and all(
        a is b or same(a, b) for a, b in zip(one, other, strict=True))


class KeptPageKeys:
    """Per page: what its key was made of in the last build, the digest of its data and
    the posts it shows (see the module's text)."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, object, str, tuple[str, ...]]] = {}
        self.now: dict[str, tuple[str, object, str, tuple[str, ...]]] = {}
        self.ids: frozenset[str] = frozenset()
        self.reused = 0  # pages whose data was the last build's (tests)
        self.kept_meetings = KeptMeetings()
        self.post_pages = KeptPostPages()  # kalender serve: the post pages' keys

    def meetings(self, command: str) -> KeptMeetings | None:
        """``kalender serve``: the meeting views kept from the last build, so that their
        pages' data are the same objects and their keys are reused (plugin.keptmeetings)."""
        return self.kept_meetings if command == "serve" else None

    def start(self, serving: bool, post_ids: Mapping[str, object]) -> KeyOf:
        """How this build keys a page: with what the last build kept under ``kalender
        serve`` (forgotten when the posts are others: a string of a page's data may have
        become a post's id), anew otherwise."""
        if self.now:
            self.known, self.now = self.now, {}
        ids = frozenset(post_ids)
        if ids != self.ids:
            self.known, self.ids = {}, ids
        self.reused = 0
        return self.key if serving else page_key

    def for_build(self, serving: bool, digests: Mapping[str, Mapping[str, str]],
                  views: Mapping[str, View], shared: str) -> tuple[KeyOf, KeptPostPages | None]:
        """How this build keys a page (:meth:`start`) and, under ``kalender serve``, the post
        pages' keys kept from the last build (:mod:`kalender.plugin.keptpostpages`)."""
        key_of = self.start(serving, digests["row"])
        if not serving:
            return key_of, None
        return key_of, self.post_pages.start(shared, views, digests["page"], self.ids)

    def key(self, shared: str, page: str, data: object, post_digests: Mapping[str, str]) -> str:
        """The key of ``page`` (its data as :func:`page_key` takes it)."""
        known = self.known.pop(page, None)  # the last build's data, let go as it is keyed
        if known is not None and known[0] == shared and same(known[1], data):
            base, shown = known[2], known[3]
            self.reused += 1
        else:
            shown = tuple(posts_in(data, post_digests))
            base = digest(shared, page, data)
        self.now[page] = (shared, data, base, shown)
        if not shown:
            return base
        return hashlib.sha256("\0".join([base, *(post_digests[i] for i in shown)])
                              .encode()).hexdigest()
