"""The media index names a file by its resolved path, its folder resolved once per folder
(issue 23, branch edit15): the same name as ``Path.resolve`` through linked folders, linked
files and ``..``, so a photo reached by two paths is read once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kalender.media.mediacache import MediaIndex, resolved_name
from mediafiles import photo


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """``real/sub/a.jpg``; ``alias`` -> ``real``; ``real/b.jpg`` -> ``sub/a.jpg``."""
    (tmp_path / "real" / "sub").mkdir(parents=True)
    photo(tmp_path / "real" / "sub" / "a.jpg", (40, 30))
    (tmp_path / "alias").symlink_to("real")
    (tmp_path / "real" / "b.jpg").symlink_to(Path("sub") / "a.jpg")
    return tmp_path


@pytest.mark.parametrize("relative", [
    "real/sub/a.jpg", "alias/sub/a.jpg", "alias/b.jpg", "real/sub/../sub/a.jpg",
    "alias/sub/..", "real/missing.jpg",
], ids=["plain", "linked-folder", "linked-file", "dot-dot", "ends-in-dot-dot", "missing"])
def test_resolved_name_is_that_of_path_resolve(linked: Path, relative: str) -> None:
    folders: dict[Path, str] = {}
    for path in (linked / relative, Path(os.path.relpath(linked / relative))):
        assert resolved_name(path, folders) == str(path.resolve())


def test_one_photo_by_two_paths_is_read_once(linked: Path) -> None:
    index = MediaIndex(linked / "cache")
    first = index.facts(linked / "real" / "sub" / "a.jpg")
    assert index.facts(linked / "alias" / "sub" / "a.jpg") == first
    assert index.facts(linked / "alias" / "b.jpg") == first
    assert (first.size, index.inspected) == ((40, 30), 1)
    index.close()
    again = MediaIndex(linked / "cache")
    assert again.knows(linked / "alias" / "b.jpg")
    assert again.inspected == 0
