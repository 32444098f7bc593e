"""The calendar's view of each post kept on disk, from one process to the next.

A post's :class:`~kalender.site.views.PostView` (its entry on every calendar page and its own
page's data) is made from the post as read, its approval standing, its findings, the
platforms' names and icons and its thumbnails. All of these follow from the post's inputs
(:func:`~kalender.core.postmemo.post_key`: the post, its records, its media's digests) inside
a generation (the stamp of ``calendar/``, the code and the templates, and the language), so a
new process after one caption edit makes the view of that post only and takes the others
from the cache. Each view is kept with the thumbnails it shows (site page -> cached
picture), which the build adds to the site as when it made them; a view whose thumbnail is
gone from the cache is made again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..core.memo import PerPost
from ..core.model import Post
from ..core.postmemo import DiskMemo
from .views import PostView


@dataclass(frozen=True)
class KeptView:
    """A post's view and the thumbnails it shows (site page -> cached picture)."""

    view: PostView
    thumbnails: dict[str, str]


def shown_pages(view: PostView) -> list[str]:
    """The thumbnail pages ``view`` shows: its entry's, then its images'."""
    pages = [view.entry.thumbnail.page] if view.entry.thumbnail is not None else []
    return pages + [image.page for image in view.images]


def remember_views(store: DiskMemo[KeptView] | None, posts: Iterable[Post], keys: Mapping[str, str],
                   views: PerPost[Any], thumbnails: dict[str, str]) -> None:
    """Put the kept view of each post (by its key) where the site build looks for it
    (``views``), and its thumbnails into ``thumbnails`` (page -> cached picture)."""
    if store is None:
        return
    for post in posts:
        kept = store.values.get(keys[post.id])
        if not isinstance(kept, KeptView) or not all(
                os.path.exists(p) for p in kept.thumbnails.values()):
            continue
        views.get(post, lambda kept=kept: kept.view)  # type: ignore[misc]
        thumbnails.update(kept.thumbnails)


def keep_views(store: DiskMemo[KeptView] | None, posts: Iterable[Post], keys: Mapping[str, str],
               shown: Mapping[str, PostView], thumbnails: Mapping[str, str]) -> int:
    """Keep the view of each post shown on the site (new ones added, those of posts gone
    dropped) and write the store when it changed; how many views were not kept before
    (-1: no store)."""
    if store is None:
        return -1
    for post in posts:
        view = shown.get(post.id)
        if view is None:
            continue
        pages = shown_pages(view)
        if not all(page in thumbnails for page in pages):
            continue  # a thumbnail this build did not make: not kept
        store.get(keys[post.id],
                  lambda view=view, pages=pages: KeptView(  # type: ignore[misc]
                      view, {page: thumbnails[page] for page in pages}))
    added = store.added
    store.save()
    return added
