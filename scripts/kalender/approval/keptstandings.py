"""The approval standing of each post kept on disk, from one process to the next.

A post's :class:`~kalender.approval.machine.Standing` is its approval records replayed and
its fingerprint now: it follows from the post as read, the bytes of its records and its
media's digests, all of which are in its key (:func:`~kalender.core.postmemo.post_key`),
inside a generation (the team's keys and the calendar data, the code). A new process after
one caption edit then reads the records and hashes the content of that post only; the
calendar, the approval pages, the report and the meetings ask :class:`Standings` as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..core.model import Post
from ..core.postmemo import DiskMemo
from .machine import Standing
from .standing import Standings


def remember_standings(store: DiskMemo[Standing] | None, posts: Iterable[Post],
                       keys: Mapping[str, str], standings: Standings) -> None:
    """Give ``standings`` the kept standing of each post whose inputs are unchanged."""
    if store is None:
        return
    for post in posts:
        kept = store.values.get(keys[post.id])
        if isinstance(kept, Standing):
            standings.remember(post, kept)


def keep_standings(store: DiskMemo[Standing] | None, posts: Iterable[Post], keys: Mapping[str, str],
                   standings: Standings) -> None:
    """Keep the standing of every post (those of posts gone dropped); write when changed."""
    if store is None:
        return
    for post in posts:
        store.get(keys[post.id], lambda post=post: standings.of(post))  # type: ignore[misc]
    store.save()
