"""The digest store and the media index name a file by its resolved path, its folder
resolved once per folder (:mod:`kalender.core.realpaths`, issue 23, branch edit15): the same
name as ``os.path.realpath`` through linked folders, linked files and ``..``, so a photo
reached by two paths is read once; a link or folder moved since is followed again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kalender.core.digests import DigestStore
from kalender.core.realpaths import RealPaths
from kalender.media.mediacache import MediaIndex
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
def test_resolved_path_is_that_of_realpath(linked: Path, relative: str) -> None:
    paths = RealPaths()
    for path in (linked / relative, Path(os.path.relpath(linked / relative))) * 2:
        assert paths.of(path) == os.path.realpath(path) == str(path.resolve())


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


def test_a_link_pointed_elsewhere_is_followed_again(linked: Path) -> None:
    """``kalender serve`` keeps its digest store: a folder link pointed at another folder
    hashes the file there."""
    store = DigestStore()
    before = store.sha256(linked / "alias" / "sub" / "a.jpg")
    (linked / "other" / "sub").mkdir(parents=True)
    photo(linked / "other" / "sub" / "a.jpg", (50, 30))
    (linked / "alias").unlink()
    (linked / "alias").symlink_to("other")
    after = store.sha256(linked / "alias" / "sub" / "a.jpg")
    assert after != before
    assert after == DigestStore().sha256(linked / "other" / "sub" / "a.jpg")


def test_a_folder_moved_and_made_again_is_not_mistaken_for_the_old(linked: Path) -> None:
    """The linked folder moved away (the link following it) and a new folder made where
    it was: the file is hashed where the link points now, not at the old path."""
    store = DigestStore()
    before = store.sha256(linked / "alias" / "sub" / "a.jpg")
    (linked / "real").rename(linked / "moved")
    (linked / "alias").unlink()
    (linked / "alias").symlink_to("moved")
    (linked / "real" / "sub").mkdir(parents=True)
    photo(linked / "real" / "sub" / "a.jpg", (60, 30))
    assert store.sha256(linked / "alias" / "sub" / "a.jpg") == before
    assert store.sha256(linked / "real" / "sub" / "a.jpg") != before
