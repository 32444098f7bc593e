"""Each post's key (:func:`~kalender.core.postmemo.post_key`: the post as read, the bytes
of its approval records, the digests of its media) kept with the post in the posts' cache
(:class:`~kalender.core.postcache.KeptPosts`).

A new process after one caption edit took each of a thousand posts' keys again by
pickling the post and reading its records file (about 0.07 s of CPU at N = 1,000); a post
taken from the cache is taken only while the bytes of its file and records and its media
files' identities are those it was read from, which are all its key is made of.
"""

from __future__ import annotations

import os
from functools import partial

from ..core.digests import DigestStore
from ..core.loader import Project
from ..core.memo import PerPost
from ..core.model import Post
from ..core.postcache import KeptPosts
from ..core.postmemo import post_key


def post_keys(project: Project, memo: PerPost[str], digests: DigestStore,
              kept: KeptPosts) -> dict[str, str]:
    """Each post's :func:`post_key` (its inputs), once per post object (``memo``), else
    from ``kept``. The media files of the posts without a kept key are hashed first, in
    two threads (:meth:`DigestStore.prefetch`)."""
    digests.prefetch([path for post in project.posts if kept.key_of(post) is None
                      for media in post.media for path in (media.path, media.cover)
                      if path is not None], min(2, os.cpu_count() or 1))
    return {post.id: memo.get(post, partial(kept_key, post, kept, digests))
            for post in project.posts}


def kept_key(post: Post, kept: KeptPosts, digests: DigestStore) -> str:
    """The key kept with ``post``, else the key made now (and kept with it)."""
    known = kept.key_of(post)
    if known is not None:
        return known
    key = post_key(post, digests=digests)
    kept.keep_key(post, key)
    return key
