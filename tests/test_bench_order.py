"""``make bench``'s pairs: the bare site built once before the rows, then bare and ours first
in turn within a row (issue 23, branch clean8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kalender.bench import pairs


def test_each_side_goes_first_in_turn_after_one_unmeasured_bare_build(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sides: list[str] = []  # the builds the bench runs, in order

    def measured(argv: list[str], cwd: Path, **env: str) -> pairs.Run:
        sides.append("bare" if "mkdocs" in argv else "ours")
        return pairs.Run(1.0 + len(sides), 0.01, 10.0)

    monkeypatch.setattr(pairs, "helper", lambda *words: None)
    monkeypatch.setattr(pairs, "bare_site", lambda folder, n, config: folder)
    monkeypatch.setattr(pairs, "measured", measured)
    bench = pairs.Bench(tmp_path, 10, 1, 3, frozenset({"clean"}))
    bench.rows_of_builds()
    # the bare site is built once before the row: its first measured build also removes one
    assert sides == ["bare", "bare", "ours", "ours", "bare", "bare", "ours"]
    row = bench.rows[0]
    assert row.key == "clean"
    # each pair is (bare, ours) whichever ran first: build 2 and 3, 5 and 4, 6 and 7
    assert [(bare.cpu, ours.cpu) for bare, ours in row.pairs] == [(3, 4), (6, 5), (7, 8)]
