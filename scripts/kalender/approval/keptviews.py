"""Each post's approval view kept on disk, from one process to the next.

A post's :class:`~kalender.approval.timeline.ApprovalView` (its timeline, comments and next
move in words) follows from its inputs (:func:`~kalender.core.postmemo.post_key`: the post,
its records, its media's digests), the team (in ``calendar/``, part of the store's
generation, with the code and the language) and, of the day, only who holds which role on it
(:meth:`~kalender.core.calendar_data.Team.roles_of`: a Plh. in range). A new process after
one caption edit, or on a new day with the same people in the same roles, makes the view of
the edited post only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from ..core.calendar_data import Team
from ..core.memo import PerPost
from ..core.model import Post
from ..core.postmemo import DiskMemo


def roles_on(team: Team, day: dt.date) -> str:
    """A digest of who holds which role on ``day``: all an approval view reads of the day."""
    held = [(member, team.roles_of(member, day)) for member in team.members]
    return hashlib.sha256(repr(held).encode()).hexdigest()[:16]


def remember_approvals(store: DiskMemo[Any] | None, posts: Iterable[Post],
                       keys: Mapping[str, str], views: PerPost[Any], team: Team | None,
                       day: dt.date) -> None:
    """Put the kept approval view of each post where the approval pages look for it."""
    if store is None or team is None:
        return
    roles = roles_on(team, day)
    for post in posts:
        kept = store.values.get(f"{keys[post.id]}-{roles}")
        if kept is not None:
            views.put(post, kept)


def keep_approvals(store: DiskMemo[Any] | None, posts: Iterable[Post],
                   keys: Mapping[str, str], views: PerPost[Any], team: Team | None,
                   day: dt.date) -> None:
    """Keep the approval view this build made of each post, and write the store when it
    changed."""
    if store is None or team is None:
        return
    roles = roles_on(team, day)
    for post in posts:
        view = views.get(post, lambda: None)
        if view is not None:
            store.get(f"{keys[post.id]}-{roles}", lambda view=view: view)  # type: ignore[misc]
    store.save()
