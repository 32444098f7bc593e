"""How many posts stand in each state: the one count the site's home page, the meeting and
the semester report share, so a leader never reads "0 pos dikembalikan" beside a calendar
that shows two posts in Revisi (issue 22)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..core.model import Post
from .machine import STATES
from .standing import effective_status


def status_tally(posts: Iterable[Post],
                 state_of: Callable[[Post], str] = effective_status) -> dict[str, int]:
    """``{"usulan": 11, "draf": 8, ...}``: every state in the SOP's order (zeros included),
    each post counted once in the state its badge shows (``state_of``: the site passes its
    badges, which :func:`effective_status` gives)."""
    tally = dict.fromkeys(STATES, 0)
    for post in posts:
        state = state_of(post)
        tally[state] = tally.get(state, 0) + 1
    return tally
