"""The posts kept in the cache and known again by their files' times (issue 23, branch
``edit8``): a post whose files were changed well before a build's walk of ``posts/`` is used
again while the walk sees the same size, modification and change times, without its bytes
being read; any write to its file, its approval records or a picture reads it again (an
edit with its modification time put back: tests/test_postcache.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kalender.core import postcache
from kalender.core.loader import Project
from kalender.core.postcache import KeptPosts
from samplecopy import data_copy
from test_postcache import EDITED, post_file, same_as_read_from_files
from test_postcache import load as load_through_cache


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return data_copy(tmp_path)


@pytest.fixture
def bytes_read(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The post files whose bytes were read to check them against the cache."""
    read: list[Path] = []
    digest = postcache._files_digest

    def counted(path: Path) -> str | None:
        read.append(path)
        return digest(path)

    monkeypatch.setattr(postcache, "_files_digest", counted)
    return read


def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files changed before the walk began count as settled (not two seconds before)."""
    monkeypatch.setattr(postcache, "SETTLED_NS", 0)


def load(root: Path) -> tuple[Project, KeptPosts]:
    return load_through_cache(root, walked=True)


def test_settled_posts_are_used_again_without_reading_their_bytes(
        sample: Path, monkeypatch: pytest.MonkeyPatch, bytes_read: list[Path]) -> None:
    settled_at_once(monkeypatch)
    first, _ = load(sample)
    bytes_read.clear()
    second, posts = load(sample)
    assert posts.read == 0 and bytes_read == []
    assert posts.reused == len(second.posts) > 5
    same_as_read_from_files(second, sample)


def test_a_post_written_just_before_the_walk_is_checked_by_its_bytes(
        sample: Path, bytes_read: list[Path]) -> None:
    """Files changed less than two seconds before the walk (all of a fresh copy) are not
    known by their times: a second write in the same tick could keep size and time."""
    first, posts = load(sample)
    assert not any(kept.files.startswith(postcache.TIMES) for kept in posts.kept.values())
    bytes_read.clear()
    second, posts = load(sample)
    assert posts.read == 0 and len(bytes_read) == first.files
    same_as_read_from_files(second, sample)


def test_a_post_checked_by_its_bytes_is_known_by_its_times_once_settled(
        sample: Path, monkeypatch: pytest.MonkeyPatch, bytes_read: list[Path]) -> None:
    load(sample)  # fresh files: kept without times
    settled_at_once(monkeypatch)
    _, posts = load(sample)  # checked by bytes, then kept with its times (file written)
    assert posts.read == 0
    assert all(kept.files.startswith(postcache.TIMES) for kept in posts.kept.values())
    bytes_read.clear()
    third, posts = load(sample)  # a new process: from the file, by times alone
    assert posts.read == 0 and bytes_read == []
    same_as_read_from_files(third, sample)


@pytest.mark.parametrize("change", ["caption", "records", "picture", "deleted picture",
                                    "picture replaced, times put back"])
def test_any_file_of_a_settled_post_changed_reads_it_again(
        sample: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    settled_at_once(monkeypatch)
    load(sample)
    path = post_file(sample)
    folder = path.parent / EDITED
    if change == "caption":
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("caption: |\n", "caption: |\n  Diubah lagi.\n", 1),
                        encoding="utf-8")
    elif change == "records":
        records = path.with_name(f"{path.stem}.persetujuan.yml")
        records.write_text("# catatan\n", encoding="utf-8")
    elif change == "picture":
        (folder / "kartu-1.jpg").write_bytes((folder / "kartu-2.jpg").read_bytes())
    elif change == "deleted picture":
        (folder / "kartu-2.jpg").unlink()
    else:  # another file renamed over it, with its size and times: another inode
        picture = folder / "kartu-1.jpg"
        stat = picture.stat()
        other = folder / "lain.tmp"
        other.write_bytes(picture.read_bytes())
        os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        os.replace(other, picture)
    second, posts = load(sample)
    assert posts.read == 1
    same_as_read_from_files(second, sample)
    if change == "caption":
        edited = next(p for p in second.posts if p.id == EDITED)
        assert "Diubah lagi." in edited.caption_for("instagram").text
