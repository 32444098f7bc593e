"""The SHA-256 of a file's bytes, read once per content: the one place a file is hashed.

The fingerprint of a post (approvals), the media facts, the thumbnails and the export bundle
all hash media files; a 12-megapixel photo used by several posts and rules used to be read
several times per build. Here a digest is remembered by the file's identity: its resolved
path, byte size, inode, modification and change times (``st_ctime_ns`` cannot be set by any
tool, it moves on every write, also when a tool restores the modification time).

A digest is remembered only when the file is "settled": both its times lie more than
:data:`SETTLED_NS` before the moment the hashing started (the "racy" rule of git's index).
A file written in the same clock tick as it was hashed could change again without its
times moving; such a file is simply read again next time. Any later write gives the file
times after the hashing started, so a remembered digest can never stand for other bytes.

:func:`use_store` keeps the digests across runs in a JSON file (the site build uses
``.cache/kalender/digests.json``); without it they live in this process only.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import time
from pathlib import Path

SETTLED_NS = 2_000_000_000  # 2 s: coarser than any file system's timestamp granularity
STORE_VERSION = 1

_lock = threading.Lock()
_known: dict[str, tuple[tuple[int, int, int, int], str]] = {}
_store: Path | None = None
_dirty = False
hashed = 0  # files actually read in this process (for the benchmark and tests)


def file_sha256(path: Path) -> str:
    """The SHA-256 (64 hex digits) of the bytes of ``path``; read only when not known."""
    global hashed
    resolved = os.path.realpath(path)
    before = os.stat(resolved)
    identity = _identity(before)
    with _lock:
        known = _known.get(resolved)
    if known is not None and known[0] == identity:
        return known[1]
    started = time.time_ns()
    with open(resolved, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    after = os.stat(resolved)
    with _lock:
        hashed += 1
        if _identity(after) == identity and _settled(after, started):
            _remember(resolved, identity, digest)
    return digest


def _identity(stat: os.stat_result) -> tuple[int, int, int, int]:
    return stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns


def _settled(stat: os.stat_result, started_ns: int) -> bool:
    return max(stat.st_mtime_ns, stat.st_ctime_ns) < started_ns - SETTLED_NS


def _remember(resolved: str, identity: tuple[int, int, int, int], digest: str) -> None:
    global _dirty
    if _known.get(resolved) != (identity, digest):
        _known[resolved] = (identity, digest)
        _dirty = True


def use_store(path: Path) -> None:
    """Keep digests across runs in ``path`` (JSON); read what an earlier run stored."""
    global _store
    with _lock:
        _store = path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("version") != STORE_VERSION:
            return
        for name, entry in (data.get("files") or {}).items():
            if name not in _known and _valid(entry):
                size, inode, modified, changed = entry[0]
                _known[name] = ((size, inode, modified, changed), entry[1])


def _valid(entry: object) -> bool:
    return (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], str)
            and isinstance(entry[0], list) and len(entry[0]) == 4
            and all(isinstance(x, int) for x in entry[0]))


def save_store() -> None:
    """Write the known digests to the store of :func:`use_store` (atomically), if changed."""
    global _dirty
    with _lock:
        if _store is None or not _dirty:
            return
        files = {name: [list(identity), digest] for name, (identity, digest) in _known.items()}
        data = json.dumps({"version": STORE_VERSION, "files": files}).encode()
        _dirty = False
        target = _store
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError:
        return  # a read-only checkout still builds; the digests are read again next time
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    finally:
        Path(temp).unlink(missing_ok=True)
