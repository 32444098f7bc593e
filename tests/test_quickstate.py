"""Frozen slotted dataclasses with :func:`quick_state`: the same pickles as the standard
library's methods make, read back equal, and pickles written before still read."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass

from kalender.core.quickstate import quick_state
from kalender.site.views import Entry


@dataclass(frozen=True, slots=True)
class Plain:
    id: str
    day: dt.date
    parts: tuple[str, ...]
    note: str | None = None


@quick_state
@dataclass(frozen=True, slots=True)
class Quick:
    id: str
    day: dt.date
    parts: tuple[str, ...]
    note: str | None = None


def _as_quick(data: bytes) -> bytes:
    """A pickle of ``Plain`` as if ``Quick`` had written it (same module, other name)."""
    return data.replace(b"Plain", b"Quick")


def test_the_state_and_its_bytes_are_those_of_the_standard_methods() -> None:
    plain = Plain("pos-1", dt.date(2026, 12, 3), ("a", "b"), None)
    quick = Quick("pos-1", dt.date(2026, 12, 3), ("a", "b"), None)
    assert quick.__getstate__() == plain.__getstate__()  # type: ignore[attr-defined]
    for protocol in (2, 4, 5):
        assert pickle.dumps(quick, protocol) == _as_quick(pickle.dumps(plain, protocol))


def test_a_pickle_reads_back_equal_and_frozen() -> None:
    quick = Quick("pos-2", dt.date(2027, 1, 6), (), "catatan")
    again = pickle.loads(pickle.dumps(quick, 5))
    assert again == quick and again is not quick
    try:
        again.id = "lain"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a frozen dataclass took a new value")


def test_a_pickle_written_by_the_standard_methods_still_reads() -> None:
    old = _as_quick(pickle.dumps(Plain("pos-3", dt.date(2026, 1, 5), ("x",)), 5))
    assert pickle.loads(old) == Quick("pos-3", dt.date(2026, 1, 5), ("x",))


def test_the_views_use_it() -> None:
    assert Entry.__setstate__.__qualname__.startswith("quick_state")  # type: ignore[attr-defined]
