"""What a site build works out once although several of its parts ask for it.

A site build asks :func:`kalender.approval.timeline.waiting` twice with the same posts,
team, day, memory and standings (for the "Menunggu" page and for the meetings' plan), and
:func:`kalender.report.inputs.project_report_input` reads every post's records once per
half-year. Each is a pass over all posts: some 10-20 ms each at N = 10,000 under
``kalender serve`` (issue 23, branch ``serve15``). Within :func:`per_build` a second call
with the same inputs gets the first's result (its callers only read it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
_SCOPES: list[dict[str, tuple[tuple[object, ...], object, object]]] = []


@contextmanager
def per_build() -> Iterator[None]:
    """Within it (one build), :func:`once` works a result out once for the same inputs."""
    _SCOPES.append({})
    try:
        yield
    finally:
        _SCOPES.pop()


def once(name: str, objects: tuple[object, ...], value: object, make: Callable[[], T]) -> T:
    """``make()``, or within :func:`per_build` the result of the last call of ``name`` when
    it had the same ``objects`` (the same objects) and an equal ``value``."""
    if not _SCOPES:
        return make()
    known = _SCOPES[-1].get(name)
    if known is not None and type(known[1]) is type(value) and known[1] == value and len(
            known[0]) == len(objects) and all(a is b for a, b in zip(known[0], objects,
                                                                       strict=True)):
        return known[2]  # type: ignore[return-value]
    made = make()
    _SCOPES[-1][name] = (objects, value, made)
    return made
