"""``make bench``'s pairs: the bare site built once before the rows, bare and ours first in
turn, and (``--settle``) every measured build started once the files removed before it are
older than the pause ext4 keeps their inodes from reuse (issue 23, branch clean8)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kalender.bench import pairs


def builds(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, bool]]:
    """(when it started, whether it was the bare site) of every build the bench measures;
    the repository and the bare site are not made."""
    calls: list[tuple[float, bool]] = []

    def measured(argv: list[str], cwd: Path, **env: str) -> pairs.Run:
        calls.append((time.monotonic(), "mkdocs" in argv))
        return pairs.Run(1.0, 0.01, 10.0)

    monkeypatch.setattr(pairs, "helper", lambda *words: None)
    monkeypatch.setattr(pairs, "bare_site", lambda folder, n, config: folder)
    monkeypatch.setattr(pairs, "measured", measured)
    return calls


def test_each_side_goes_first_in_turn_after_one_unmeasured_bare_build(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = builds(monkeypatch)
    pauses: list[float] = []
    monkeypatch.setattr(pairs.time, "sleep", pauses.append)
    bench = pairs.Bench(tmp_path, 10, 1, 3, frozenset({"clean"}))
    bench.rows_of_builds()
    # the bare site is built once before the row: its first measured build also removes one
    assert [bare for _, bare in calls] == [True, True, False, False, True, True, False]
    assert [row.key for row in bench.rows] == ["clean"] and len(bench.rows[0].pairs) == 3
    assert not any(pauses)  # no pause unless asked for


def test_each_measured_build_waits_for_the_files_the_step_before_removed(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = builds(monkeypatch)
    bench = pairs.Bench(tmp_path, 10, 1, 3, frozenset({"clean"}), settle=0.25)
    bench.rows_of_builds()
    gaps = [later - earlier for (earlier, _), (later, _) in zip(calls, calls[1:], strict=False)]
    assert len(gaps) == 6 and min(gaps) >= 0.25
