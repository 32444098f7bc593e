"""What a one-off ``kalender build`` lets go of before it renders ten thousand pages.

Everything the pages show is in the views by then (``kalender.site``); what only the checks,
the caches and the next build of ``kalender serve`` read is dropped, so it is not held through
the whole render (issue 23: the peak memory of a build of 10,000 posts).
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable, Iterable, Sequence

from ..core.buildscope import forget_found
from ..core.memo import Memory
from ..core.model import Post
from ..core.packed import pack_front_matter
from .approval import ITEMS, KEYS


def let_go_before_render(memory: Memory, posts: Iterable[Post]) -> None:
    """Forget the per-post memos (no build follows in this process) and each post's front
    matter as read (:func:`let_go_front_matter`)."""
    memory.forget_posts()
    forget_found()
    ITEMS.forget()  # the Menunggu page's moves hold their posts (keptwaiting)
    KEYS.forget()
    let_go_front_matter(posts)


def settle_front_matter(posts: Sequence[Post], serving: bool) -> None:
    """Once the posts are checked and their previews made: ``kalender build`` lets go of
    their front matter as read (:func:`let_go_front_matter`); ``kalender serve`` checks
    the posts of its next build with the same objects, and packs it (each post's ``meta``
    and ``lines`` one ``bytes`` object, read again on use: :mod:`kalender.core.packed`;
    some 10 MB of small objects at 10,000 posts, under every rebuild)."""
    if serving:
        pack_front_matter(posts)
    else:
        let_go_front_matter(posts)


def let_go_front_matter(posts: Iterable[Post]) -> None:
    """Forget each post's front matter as read and its line numbers (``kalender build``
    only: ``kalender serve`` checks the posts of its next build with the same objects).
    Only the rules (to name a finding's line) and the previews made now (which field a
    caption came from) read them, and every finding and preview is made by then; the
    posts' cache was written before. About 10 MB at 10,000 posts, let go before the
    approvals, the meetings and the page keys are made on top of the rest (issue 23: the
    peak of a build after one caption edited was there)."""
    for post in posts:
        post.meta = {}
        post.lines = {}


def collect_freed() -> None:
    """A full garbage collection, then the memory the C library holds free handed back to
    the system (glibc's ``malloc_trim``). What a large build frees before it renders (the
    posts' stores read from the cache, the checks' leftovers: about 30 MB at 10,000 posts)
    otherwise stays in the process to its end, part of its peak."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def hand_back_freed() -> None:
    """The memory the C library holds free handed back to the system, without a garbage
    collection: at the end of ``kalender build``, once the views of every page are let go,
    so that the search index (a few MB of JSON made in memory at once, by mkdocs-material's
    search and then the offline plugin) does not come on top of them (issue 23)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``; None on another C library (macOS, musl)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None
