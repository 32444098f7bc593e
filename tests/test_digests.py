"""kalender.core.digests: one SHA-256 per file content, never a stale digest for changed bytes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from kalender.core import digests
from kalender.core.digests import DigestStore, file_sha256


def settle(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the files had been written long before they are hashed."""
    monkeypatch.setattr(digests, "SETTLED_NS", -10**15)


def test_the_digest_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 gambar" * 1000)
    assert file_sha256(photo) == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert DigestStore().sha256(photo) == file_sha256(photo)


def test_a_settled_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settle(monkeypatch)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"satu")
    store = DigestStore()
    assert store.sha256(photo) == store.sha256(tmp_path / "." / "foto.jpg")
    assert store.hashed == 1


def test_each_store_remembers_only_its_own(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    settle(monkeypatch)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"satu")
    first, second = DigestStore(), DigestStore()
    first.sha256(photo)
    second.sha256(photo)
    assert (first.hashed, second.hashed) == (1, 1)  # no memory shared through the module


def test_a_file_just_written_is_read_every_time(tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"satu")
    store = DigestStore()
    store.sha256(photo)
    store.sha256(photo)
    assert store.hashed == 2


def test_same_size_and_restored_mtime_still_gives_the_new_digest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settle(monkeypatch)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"AAAA")
    store = DigestStore()
    first = store.sha256(photo)
    stat = photo.stat()
    photo.write_bytes(b"AAAB")  # one byte changed, same size
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # modification time put back
    assert store.sha256(photo) == hashlib.sha256(b"AAAB").hexdigest() != first


def test_the_store_keeps_digests_across_runs(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    settle(monkeypatch)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"isi foto")
    path = tmp_path / "cache" / "digests.json"
    store = DigestStore(path)
    digest = store.sha256(photo)
    store.save()
    assert path.is_file()
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp left
    again = DigestStore(path)  # a new run
    assert again.sha256(photo) == digest
    assert again.hashed == 0


def test_a_damaged_store_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "digests.json"
    path.write_text('{"version": 1, "files": {"/x": [[1, 2], "abc"]}}', encoding="utf-8")
    store = DigestStore(path)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"x")
    assert store.sha256(photo) == hashlib.sha256(b"x").hexdigest()
