"""Per-post work remembered on disk, from one process to the next.

``kalender serve`` keeps what it computed from a post in memory (:mod:`kalender.core.memo`);
a new ``kalender build`` starts empty and would check every post again after one caption
was edited. :class:`DiskMemo` keeps such values in one file of the cache, each under a key
made of everything the value was computed from (:func:`post_key`: the bytes of the post
and of its approval records, the digests of its media, its path), inside a ``generation``
(the stamp of the calendar data, the code and the templates, and the language). A value
whose key is not found is computed again, so a stale file never shows a stale finding.

The file is rewritten only when a value was added or one was no longer used (a post
deleted or edited), so a build after a day with no edit writes nothing.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

from .digests import DigestStore, file_sha256
from .keptfile import KeptFile
from .model import Post
from .packed import UnpackedPickler

T = TypeVar("T")
MEMO_VERSION = 1


def post_key(post: Post, extra: Iterable[str] = (), digests: DigestStore | None = None) -> str:
    """The inputs of ``post``: the post as the loader read it (pickled: its path, front
    matter, body and line numbers; not the file again, which may have changed since), the
    bytes of its approval records (``<name>.persetujuan.yml``, when there), the digest of
    each media file and cover (through ``digests``, else read now), and ``extra``."""
    try:
        hashed = hashlib.sha256(_unshared_pickle(post))
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        hashed = hashlib.sha256(repr(post).encode("utf-8", "surrogateescape"))
    records = post.path.with_name(f"{post.path.stem}.persetujuan.yml")
    try:
        hashed.update(records.read_bytes())
    except OSError:
        hashed.update(b"\0-")
    hashed.update(b"\0")
    for media in post.media:
        for path in (media.path, media.cover):
            if path is None:
                continue
            try:
                hashed.update(file_sha256(path, digests).encode())
            except OSError:
                hashed.update(b"-")
            hashed.update(b"\0")
    for part in extra:
        hashed.update(part.encode("utf-8", "surrogateescape"))
    return hashed.hexdigest()


def _unshared_pickle(value: object) -> bytes:
    """The pickle of ``value`` without memo: the same bytes for equal values, whichever
    of their strings happen to be one object (a post read from the posts' cache shares
    the parts of its paths with the other posts of that file; a post parsed now does not)."""
    buffer = io.BytesIO()
    pickler = UnpackedPickler(buffer, (Post,), protocol=5)  # a packed post as read
    pickler.fast = True  # no memo (a post holds no cycle)
    pickler.dump(value)
    return buffer.getvalue()


unshared_pickle = _unshared_pickle  # for other keys made of whole values (report.keptreport)


class DiskMemo(Generic[T]):
    """Values by key, read from and written to one pickle file of the cache (and the small
    files of the values added since it was written whole: :class:`KeptFile`)."""

    def __init__(self, path: Path, generation: str) -> None:
        self.path, self.generation = path, generation
        self.file = KeptFile(path, MEMO_VERSION, generation, "values")
        self.values: dict[str, T] = self.file.read()
        self.used: set[str] = set()
        self.new: set[str] = set()  # the keys added since the file was read or written
        self.added = 0
        self.reused = 0

    def get(self, key: str, make: Callable[[], T]) -> T:
        """The value kept under ``key``, else ``make()`` (then kept)."""
        self.used.add(key)
        if key in self.values:
            self.reused += 1
            return self.values[key]
        value = self.values[key] = make()
        self.added += 1
        self.new.add(key)
        return value

    def let_go(self) -> None:
        """Forget every value read or made (after :meth:`save`): a step done with its store
        does not hold ten thousand posts' values to the end of the build. A :meth:`save`
        after this writes nothing."""
        self.values, self.used, self.new = {}, set(), set()

    def save(self) -> None:
        """Write the values added by this build, or the values used by it when the file
        holds many that are not; nothing when no value was added and few are unused."""
        try:
            self.values = self.file.write(self.values, self.used, self.new)
        except OSError:
            return  # a read-only cache: the values are computed again next time
        self.new, self.added = set(), 0
