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

A :class:`DigestStore` is what remembers them: an object the caller makes and passes in
(the site build keeps one for the life of ``kalender serve``), optionally kept across runs
in a JSON file (the site build uses ``.cache/kalender/digests.json``). There is no store in
the module: :func:`file_sha256` without one simply reads the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .realpaths import RealPaths

SETTLED_NS = 2_000_000_000  # 2 s: coarser than any file system's timestamp granularity
STORE_VERSION = 1

Identity = tuple[int, int, int, int]


class DigestStore:
    """The digests of file contents, remembered by file identity; kept in ``path`` (JSON)
    across runs when given (what an earlier run stored there is read now)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.hashed = 0  # files actually read through this store (for the benchmark and tests)
        self._known: dict[str, tuple[Identity, str]] = {}
        self._dirty = False
        self._lock = threading.Lock()
        self._paths = RealPaths()  # each folder resolved once
        if path is not None:
            self._read(path)

    def sha256(self, path: Path) -> str:
        """The SHA-256 (64 hex digits) of the bytes of ``path``; read only when not known."""
        resolved = self._paths.of(path)
        identity = _identity(os.stat(resolved))
        with self._lock:
            known = self._known.get(resolved)
        if known is not None and known[0] == identity:
            return known[1]
        started = time.time_ns()
        with open(resolved, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        after = os.stat(resolved)
        with self._lock:
            self.hashed += 1
            if _identity(after) == identity and _settled(after, started):
                self._remember(resolved, identity, digest)
        return digest

    def prefetch(self, paths: Iterable[Path], threads: int = 2) -> None:
        """Hash in ``threads`` threads each settled file of ``paths`` not known yet, so that
        the :meth:`sha256` calls that follow find it. ``hashlib.file_digest`` lets go of
        the GIL while it reads and hashes, so two threads hash two photos at once: the
        photos of a build without a cache were hashed one after another while the second
        core had nothing to do yet (issue 23, branch cold8). A file not settled yet would
        not be remembered (it is hashed when asked for), nor one that cannot be read."""
        started = time.time_ns()
        todo = [path for path in dict.fromkeys(paths) if self._unknown(path, started)]
        if len(todo) < 2 or threads < 2:
            return
        with ThreadPoolExecutor(min(threads, len(todo))) as pool:
            for _ in pool.map(self._hashed_quietly, todo):
                pass

    def _unknown(self, path: Path, now_ns: int) -> bool:
        try:
            resolved = self._paths.of(path)
            stat = os.stat(resolved)
        except OSError:
            return False
        with self._lock:
            known = self._known.get(resolved)
        return (known is None or known[0] != _identity(stat)) and _settled(stat, now_ns)

    def _hashed_quietly(self, path: Path) -> None:
        with contextlib.suppress(OSError):  # asked again by whoever needs it, who reports it
            self.sha256(path)

    def _remember(self, resolved: str, identity: Identity, digest: str) -> None:
        if self._known.get(resolved) != (identity, digest):
            self._known[resolved] = (identity, digest)
            self._dirty = True

    def _read(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("version") != STORE_VERSION:
            return
        for name, entry in (data.get("files") or {}).items():
            if _valid(entry):
                size, inode, modified, changed = entry[0]
                self._known[name] = ((size, inode, modified, changed), entry[1])

    def save(self) -> None:
        """Write the known digests to :attr:`path` (atomically), if any changed."""
        with self._lock:
            if self.path is None or not self._dirty:
                return
            files = {name: [list(identity), digest]
                     for name, (identity, digest) in self._known.items()}
            data = json.dumps({"version": STORE_VERSION, "files": files}).encode()
            self._dirty = False
            target = self.path
        _write(target, data)


def file_sha256(path: Path, store: DigestStore | None = None) -> str:
    """The SHA-256 of the bytes of ``path``, through ``store`` (else read now)."""
    return (store or DigestStore()).sha256(path)


def _identity(stat: os.stat_result) -> Identity:
    return stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns


def _settled(stat: os.stat_result, started_ns: int) -> bool:
    return max(stat.st_mtime_ns, stat.st_ctime_ns) < started_ns - SETTLED_NS


def _valid(entry: object) -> bool:
    return (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], str)
            and isinstance(entry[0], list) and len(entry[0]) == 4
            and all(isinstance(x, int) for x in entry[0]))


def _write(target: Path, data: bytes) -> None:
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
