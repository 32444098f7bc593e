"""The standing of a loaded post: its records read from beside it, replayed, and its
fingerprint now. The one place the approval flow reads files for a post; the state machine
(:mod:`kalender.approval.machine`) stays pure.
"""

from __future__ import annotations

import weakref

from ..core.i18n import t
from ..core.model import Post
from .fingerprint import fingerprint
from .machine import Standing, action_done, replay, standing_label
from .records import load_ledger

_standings: dict[int, tuple[weakref.ref[Post], Standing]] = {}


def standing_of(post: Post) -> Standing:
    """The standing of a loaded post: its records (read beside it) and its fingerprint now.

    Remembered for the life of the post object, so a site build reads each record file and
    hashes each media file once per post.
    """
    cached = _standings.get(id(post))
    if cached is not None and cached[0]() is post:
        return cached[1]
    ledger = load_ledger(post.path, post.when.tzinfo)
    standing = Standing(post.status, replay(ledger.records, post.platforms), fingerprint(post),
                        post.platforms)
    _standings[id(post)] = (weakref.ref(post), standing)
    return standing


def effective_status(post: Post) -> str:
    """The state a post shows on every page and badge: its recorded status, or ``berubah``.

    One of :data:`STATES`. ``berubah`` when the caption, hashtags, mentions, media, platforms
    or time changed after the paraf or approval the recorded status rests on.
    """
    return standing_of(post).state


def effective_label(post: Post) -> str:
    """The words for :func:`effective_status` (``berubah setelah disetujui``)."""
    return standing_label(standing_of(post))


def changed_label(post: Post) -> str:
    """``Berubah setelah disetujui``: the badge of a post whose content changed, or ``""``."""
    standing = standing_of(post)
    bound = standing.bound
    if not standing.changed or bound is None:
        return ""
    return t("approval.badge.changed_after", step=action_done(bound.action))
