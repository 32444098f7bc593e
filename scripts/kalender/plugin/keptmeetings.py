"""``kalender serve``: the meeting pages' views of the weeks whose posts are the same objects,
kept from one rebuild to the next.

Every rebuild made the view of every meeting page again (some 160 weeks at N = 10,000), and
the page keys then pickled each new view whole (:mod:`kalender.plugin.keptkeys` reuses a
key only for the same objects): together about a fifth of a caption edit's rebuild there
(issue 23, branch ``serve11``). A meeting that does not follow today
(:func:`~kalender.plugin.meeting.follows_today`) reads of the posts only those of its week,
the week before and the week after (its days, last week, gaps, balance), and besides them
the calendar data, the overlay, the legal products not announced yet, its neighbours and
its minutes. Its view is kept while all of those are the same: the posts as the same
objects in the same order (the loader gives a post a new object when its file, approval
records or media changed), the rest equal. The meetings of this week and the next read
every post (queues, returned posts, coming days) and are made anew at every build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..core.model import Post, Week

Made = Callable[[], object]
Inputs = tuple[tuple[object, ...], tuple[object, ...]]  # (the same objects, equal values)


class KeptMeetings:
    """The last build's meeting views by week, with what each was made of."""

    def __init__(self) -> None:
        self.known: dict[Week, tuple[Inputs, object]] = {}
        self.now: dict[Week, tuple[Inputs, object]] = {}
        self.shared: Inputs = ((), ())
        self.made = 0  # views made in the last build (tests)

    def start(self, objects: tuple[object, ...], values: tuple[object, ...]) -> None:
        """A new build, whose meetings all read ``objects`` (the calendar data: the same
        object while ``calendar/`` and the code are the same) and ``values`` (overlay,
        products not announced, today, language): the views kept are forgotten when one
        of them changed."""
        self.known, self.now = self.now, {}
        if not _same((objects, values), self.shared):
            self.known = {}
        self.shared = (objects, values)
        self.made = 0

    def view(self, week: Week, by_week: dict[Week, list[Post]], values: tuple[object, ...],
             make: Made) -> object:
        """The view of ``week``'s meeting: the last build's when the posts of the week
        before, the week and the week after (``by_week``) are the same objects in the same
        order and ``values`` (its neighbours, its minutes) are equal, else ``make()``."""
        posts = tuple(post for shift in (-1, 0, 1) for post in (None, *by_week.get(
            week.shifted(shift), ())))  # None: where a week starts
        inputs = (posts, values)
        known = self.known.get(week)
        if known is not None and _same(known[0], inputs):
            view = known[1]
        else:
            view = make()
            self.made += 1
        self.now[week] = (inputs, view)
        return view


def _same(one: Inputs, other: Inputs) -> bool:
    """The same objects, and equal values of the same types."""
    return (_same_objects(one[0], other[0]) and len(one[1]) == len(other[1])
            and all(type(a) is type(b) and a == b for a, b in zip(one[1], other[1],
                                                                    strict=True)))


def _same_objects(one: Sequence[object], other: Sequence[object]) -> bool:
    return len(one) == len(other) and all(a is b for a, b in zip(one, other, strict=True))
