"""What holds still while one build runs: the state :func:`one_build` opens around
``kalender build``, read by the content lists (:mod:`kalender.rules.lists`). Kept here, out
of the rules package, so that a build which checks no post (no change, a new day) does not
import the rules to open it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

Signature = tuple[tuple[str, int, int], ...]


class _Build:
    steady: dict[Path, Signature] | None = None  # each list folder's signature
    found: dict[object, object] | None = None  # what texts were found to hold


@contextmanager
def one_build() -> Iterator[None]:
    """While one build runs: the list files of a folder are looked at (``stat``) once, not
    on every call for the lists (some 16 files, ~3.6 calls per post and as many for the
    previews' highlights: ~150,000 ``stat`` on a cold build of 1,000 posts), and what the
    content rules found in a text is remembered (:func:`found_in_build`). A build reads one
    state of ``calendar/``; the next build (``kalender serve``) looks again."""
    outer, found = _Build.steady, _Build.found
    if outer is None:
        _Build.steady, _Build.found = {}, {}
    try:
        yield
    finally:
        _Build.steady, _Build.found = outer, found


def steady_signatures() -> dict[Path, Signature] | None:
    """The list folders' signatures looked at in this build; None outside a build."""
    return _Build.steady


def found_in_build() -> dict[object, object] | None:
    """While one build runs (:func:`one_build`): a memo of what the content rules found
    in a text with one set of lists, so that the previews' highlights of a caption reuse
    what its rules found (a build of 1,000 posts checks every caption, then highlights it
    again after all the others: too far apart for a small cache). None outside a build."""
    return _Build.found


def forget_found() -> None:
    """Empty the memo of :func:`found_in_build` (the previews are made: the texts and what
    was found in them need not be held while the pages render)."""
    if _Build.found is not None:
        _Build.found.clear()
