"""kalender.core.digests: one SHA-256 per file content, never a stale digest for changed bytes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.core import digests
from kalender.core.digests import file_sha256, save_store, use_store


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty digest memory and no store for every test."""
    monkeypatch.setattr(digests, "_known", {})
    monkeypatch.setattr(digests, "_store", None)
    monkeypatch.setattr(digests, "_dirty", False)
    yield


def settle(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the files had been written long before they are hashed."""
    monkeypatch.setattr(digests, "SETTLED_NS", -10**15)


def test_the_digest_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 gambar" * 1000)
    assert file_sha256(photo) == hashlib.sha256(photo.read_bytes()).hexdigest()


def test_a_settled_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settle(monkeypatch)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"satu")
    before = digests.hashed
    assert file_sha256(photo) == file_sha256(tmp_path / "." / "foto.jpg")
    assert digests.hashed == before + 1


def test_a_file_just_written_is_read_every_time(tmp_path: Path) -> None:
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"satu")
    before = digests.hashed
    file_sha256(photo)
    file_sha256(photo)
    assert digests.hashed == before + 2


def test_same_size_and_restored_mtime_still_gives_the_new_digest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settle(monkeypatch)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"AAAA")
    first = file_sha256(photo)
    stat = photo.stat()
    photo.write_bytes(b"AAAB")  # one byte changed, same size
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # modification time put back
    assert file_sha256(photo) == hashlib.sha256(b"AAAB").hexdigest() != first


def test_the_store_keeps_digests_across_runs(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    settle(monkeypatch)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"isi foto")
    store = tmp_path / "cache" / "digests.json"
    use_store(store)
    digest = file_sha256(photo)
    save_store()
    assert store.is_file()
    assert not [p for p in store.parent.iterdir() if p.name.startswith(".")]  # no temp left
    monkeypatch.setattr(digests, "_known", {})  # a new run
    use_store(store)
    before = digests.hashed
    assert file_sha256(photo) == digest
    assert digests.hashed == before


def test_a_damaged_store_is_ignored(tmp_path: Path) -> None:
    store = tmp_path / "digests.json"
    store.write_text('{"version": 1, "files": {"/x": [[1, 2], "abc"]}}', encoding="utf-8")
    use_store(store)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"x")
    assert file_sha256(photo) == hashlib.sha256(b"x").hexdigest()
