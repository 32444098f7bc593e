"""Who each post waits for, kept on disk from one process to the next (issue 23, branch
``edit8``).

The waiting lists (the "Menunggu" page, the meetings' plan) ask every post who may make an
open move on the day shown (:func:`~kalender.approval.timeline.waiting`): about 0.026 s of
CPU at N = 1,000 in each new process, after one caption was edited too. What a post waits
for follows from its inputs (:func:`~kalender.core.postmemo.post_key`: the post, its
records, its media's digests), the team (in ``calendar/``, part of the store's generation,
with the code and the language) and the day, which is in the key: a new day asks every
post again, as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from ..core.memo import PerPost
from ..core.model import Post
from ..core.postmemo import DiskMemo
from .timeline import Waiting

Kept = list[tuple[str, Any, str, str, tuple[str, ...]]]  # member, action, label, what, platforms


def remember_waits(store: DiskMemo[Any] | None, posts: Iterable[Post],
                   keys: Mapping[str, str], waits: PerPost[Any], day: dt.date) -> None:
    """Put what each post was kept waiting for on ``day`` where the waiting lists look."""
    if store is None:
        return
    for post in posts:
        kept: Kept | None = store.values.get(_key(keys[post.id], day))
        if kept is not None:
            waits.put(post, [(member, Waiting(post, action, label, what, platforms))
                             for member, action, label, what, platforms in kept])


def keep_waits(store: DiskMemo[Any] | None, posts: Iterable[Post], keys: Mapping[str, str],
               waits: PerPost[Any], day: dt.date) -> None:
    """Keep what each post waits for on ``day`` as this build found it, and write the store
    when it changed."""
    if store is None:
        return
    for post in posts:
        found = waits.get(post, lambda: None)
        if found is not None:
            plain = [(member, w.action, w.label, w.what, w.platforms) for member, w in found]
            store.get(_key(keys[post.id], day), lambda plain=plain: plain)  # type: ignore[misc]
    store.save()


def _key(post_key: str, day: dt.date) -> str:
    return f"{post_key}-{day.isoformat()}"
