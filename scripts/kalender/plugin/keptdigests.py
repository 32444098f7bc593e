"""Each post's page-key digests kept on disk, from one process to the next.

The key of every page that shows a post is made with that post's digests (``row``, ``card``,
``page``: what a line, a card and its own page read of it). A new process would pickle every
post's view, previews and approval view again to make them. The view and the previews follow
from the post's inputs (:func:`~kalender.core.postmemo.post_key`, inside the generation); the
approval and conversation views may also follow from the day, so the digest of those is part
of the key (with the previews', which are cheap to pickle beside the view).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.postmemo import DiskMemo
from ..site.incremental import digest

Parts = tuple[Any, Any, Any, Any]  # the post's view, approval, previews, conversation


def kept_digests(kept: tuple[DiskMemo[Any], dict[str, str]] | None, post_id: str,
                 parts: Parts, make: Callable[..., dict[str, str]]) -> dict[str, str]:
    """``make(*parts)``, kept in the store of ``kept`` under the post's key (``kept``: the
    store and each post's key; None: made now)."""
    if kept is None or post_id not in kept[1]:
        return make(*parts)
    store, keys = kept
    key = f"{keys[post_id]}|{digest(parts[1], parts[2], parts[3])}"
    return dict(store.get(key, lambda: make(*parts)))
