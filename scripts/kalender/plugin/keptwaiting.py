"""The "Menunggu" page's items kept from one build to the next while who waits for whom
is the same.

Each build made an item of the page (and its part of the page's key) for every post waiting
for every member: some 20,000 at N = 10,000, and the key of the page then compared each
with the last build's field by field (:func:`kalender.plugin.keptkeys.same`): some 25 ms of
a caption edit's rebuild under ``kalender serve`` (issue 23, branch ``serve15``). Who a post
waits for is worked out once per post object (``Memory.moves``), so the same move is the
same object from build to build: its item, and the item's part of the key, are kept by that
object. A page key then finds the same objects and does not walk them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")


class KeptBy(Generic[S, T]):
    """What ``make`` gives for each source object, kept while the object is the one of the
    last build or of this one (a build's sources are let go in the one after it)."""

    def __init__(self, make: Callable[[S], T]) -> None:
        self.make = make
        self.known: dict[int, tuple[S, T]] = {}
        self.now: dict[int, tuple[S, T]] = {}
        self.made = 0  # made in this build (tests)

    def start(self) -> None:
        """A new build: what the last one used is kept, the rest let go."""
        self.known, self.now, self.made = self.now, {}, 0

    def forget(self) -> None:
        """Let go of everything kept (``kalender build``: no next build in this process)."""
        self.known, self.now = {}, {}

    def of(self, source: S) -> T:
        kept = self.now.get(id(source)) or self.known.pop(id(source), None)  # moved: kept once
        if kept is None or kept[0] is not source:
            kept = (source, self.make(source))
            self.made += 1
        self.now[id(source)] = kept
        return kept[1]
