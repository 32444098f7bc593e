"""What a site build reads or works out once although several parts of it ask
(:func:`kalender.conversations.store.read_once`: the conversations;
:func:`kalender.core.perbuild.per_build`: who waits for whom, the posts' records)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..conversations.store import read_once
from ..core.perbuild import per_build


@contextmanager
def once_per_build() -> Iterator[None]:
    """Within it, one build: both scopes above are open."""
    with read_once(), per_build():
        yield
