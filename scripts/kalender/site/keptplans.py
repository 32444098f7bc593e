"""The pictures planned for each post's previews kept on disk, from one process to the next.

Planning a post's previews (:func:`kalender.site.previews.build_previews`: how each picture
is framed for each platform's format, which rendition shows it) reads the post, its media's
facts and the platforms' formats: the post's inputs (:func:`~kalender.core.postmemo.post_key`)
inside a generation (``calendar/``, the code, the language). A new process after one caption
edit plans that post only; the others' plans come from the cache into the memory the
preview builder asks first (``Memory.plans``), each with the post object of this build. The
pictures themselves are still made when missing from the cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..core.memo import PerPost
from ..core.model import Post
from ..core.postmemo import DiskMemo
from .previews import _Plan


def remember_plans(store: DiskMemo[Any] | None, posts: Iterable[Post], keys: Mapping[str, str],
                   plans: PerPost[Any]) -> None:
    """Put the kept plans of each post whose inputs are unchanged where the builder looks."""
    if store is None:
        return
    for post in posts:
        kept = store.values.get(keys[post.id])
        if isinstance(kept, list):
            plans.get(post, lambda post=post, kept=kept: [  # type: ignore[misc]
                _Plan(post, target, pictures, slots)  # shared with the store, not copied:
                for target, pictures, slots in kept])  # a plan is never changed once made


def keep_plans(store: DiskMemo[Any] | None, posts: Iterable[Post], keys: Mapping[str, str],
               plans: PerPost[Any]) -> None:
    """Keep the plans of every post (without the post itself); write when changed."""
    if store is None:
        return
    for post in posts:
        made = plans.get(post, list)
        store.get(keys[post.id],
                  lambda made=made: [(plan.target, plan.pictures, plan.slots)  # type: ignore[misc]
                                     for plan in made])
    store.save()
