"""DigestStore.prefetch: a cold build's photos hashed in two threads before the posts' keys
ask for them, each file still read once, the same digests (issue 23, branch cold8)."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from pathlib import Path

import pytest

from kalender.core import digests
from kalender.core.digests import DigestStore


def photos(folder: Path, count: int) -> list[Path]:
    made = []
    for number in range(count):
        photo = folder / f"foto-{number}.jpg"
        photo.write_bytes(bytes([number]) * 300_000)
        made.append(photo)
    return made


def test_prefetched_files_are_read_once_and_give_their_digests(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "SETTLED_NS", -10**15)
    files = photos(tmp_path, 6)
    store = DigestStore()
    store.prefetch([*files, files[0], tmp_path / "hilang.jpg"])
    assert store.hashed == 6
    for photo in files:
        assert store.sha256(photo) == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert store.hashed == 6  # every later question answered from what was prefetched


def test_prefetch_hashes_in_two_threads(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "SETTLED_NS", -10**15)
    files = photos(tmp_path, 8)
    seen: set[int] = set()
    first_two = threading.Barrier(2, timeout=10)  # met only by two threads at once
    calls = []
    real = hashlib.file_digest

    def digest(handle: object, name: str) -> object:
        seen.add(threading.get_ident())
        calls.append(name)
        if len(calls) <= 2:
            # one thread alone breaks the barrier at its timeout: seen stays one thread
            with contextlib.suppress(threading.BrokenBarrierError):
                first_two.wait()
        return real(handle, name)  # type: ignore[arg-type]

    monkeypatch.setattr(digests.hashlib, "file_digest", digest)
    DigestStore().prefetch(files, threads=2)
    assert len(seen) == 2 and threading.get_ident() not in seen


def test_files_just_written_are_not_prefetched(tmp_path: Path) -> None:
    store = DigestStore()
    store.prefetch(photos(tmp_path, 4))
    assert store.hashed == 0  # not settled: hashed when asked for (and not remembered)
