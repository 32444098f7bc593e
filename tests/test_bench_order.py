"""``make bench``'s pairs: bare and ours first in turn within a row, and every measured build
of a whole site written into an empty folder, the last one set aside, not removed, until the
measurements end (issue 23, branch clean8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kalender.bench import pairs


def test_each_side_goes_first_in_turn_into_an_empty_site(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sides: list[str] = []  # the builds the bench runs, in order
    found: list[bool] = []  # whether the build's site folder was already there

    def measured(argv: list[str], cwd: Path, **env: str) -> pairs.Run:
        sides.append("bare" if "mkdocs" in argv else "ours")
        found.append((cwd / "site").exists())
        (cwd / "site").mkdir(parents=True, exist_ok=True)
        (cwd / "site" / "index.html").write_text(str(len(sides)), encoding="utf-8")
        return pairs.Run(1.0 + len(sides), 0.01, 10.0)

    monkeypatch.setattr(pairs, "helper", lambda *words: None)
    monkeypatch.setattr(pairs, "bare_site", lambda folder, n, config: folder)
    monkeypatch.setattr(pairs, "measured", measured)
    bench = pairs.Bench(tmp_path, 10, 1, 3, frozenset({"clean"}))
    bench.rows_of_builds()
    assert sides == ["bare", "ours", "ours", "bare", "bare", "ours"]
    assert found == [False] * 6
    row = bench.rows[0]
    assert row.key == "clean"
    # each pair is (bare, ours) whichever ran first: builds 1 and 2, 4 and 3, 5 and 6
    assert [(bare.cpu, ours.cpu) for bare, ours in row.pairs] == [(2, 3), (5, 4), (6, 7)]
    # the sites set aside are all kept until the end, none removed between two builds
    assert sorted(p.read_text() for p in bench.removed.glob("*/index.html")) == \
        ["1", "2", "3", "4"]
