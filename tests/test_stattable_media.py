"""A media file's identity (size, times, inode) is read once per build by the loader's
stat table (issue 23, branch edit15): a photo shown by many posts was stat-ed once per post.
The next build's table reads it again, so a picture changed between builds is seen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kalender.core.stattable import StatTable


@pytest.fixture
def stats_of(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths ``os.stat`` was called with."""
    called: list[str] = []
    stat = os.stat

    def counted(path: str, *args: object, **kwargs: object) -> os.stat_result:
        called.append(os.fspath(path))
        return stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", counted)
    return called


def test_a_photo_of_many_posts_is_stat_ed_once_a_build(tmp_path: Path,
                                                       stats_of: list[str]) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"one")
    table = StatTable()
    first = table.identity(photo)
    assert [table.identity(photo) for _ in range(3)] == [first] * 3
    assert stats_of == [str(photo)]
    assert first is not None and first[0] == 3


def test_the_next_build_sees_the_photo_changed(tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"one")
    before = StatTable().identity(photo)
    photo.write_bytes(b"other bytes")
    after = StatTable().identity(photo)
    assert before is not None and after is not None
    assert after[0] == 11 and after != before


def test_a_post_file_is_stat_ed_each_time(tmp_path: Path, stats_of: list[str]) -> None:
    post = tmp_path / "2026-12-01-pos.md"
    post.write_text("---\ntitle: Pos\n---\n", encoding="utf-8")
    table = StatTable()
    table.identity(post)
    post.write_text("---\ntitle: Pos diubah\n---\n", encoding="utf-8")
    changed = table.identity(post)
    assert stats_of == [str(post)] * 2
    assert changed is not None and changed[0] == post.stat().st_size
