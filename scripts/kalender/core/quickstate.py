"""Frozen slotted dataclasses pickled and unpickled without asking for their fields each time.

``@dataclass(frozen=True, slots=True)`` gives a class ``__getstate__``/``__setstate__`` that
call :func:`dataclasses.fields` for every object (CPython 3.11: the fields are filtered
out of the class's field table again at each call). A new ``kalender build`` unpickles
some twenty thousand such objects from its stores at N = 1,000 (views, previews, approval
views, the posts' media) and pickles thousands more for the page keys. :func:`quick_state`
gives the class the same two methods with its field names found once: the state is the
same list of values in the same order, so the pickles' bytes (and every digest made of
them) and the files already in the cache stay as they were.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_state(cls: T) -> T:
    """Give the frozen slotted dataclass ``cls`` a quicker ``__getstate__``/``__setstate__``
    (the same state: its field values in order)."""
    names = tuple(f.name for f in fields(cls))
    assign = object.__setattr__

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=False):
            assign(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010  (a method set on the class)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls
