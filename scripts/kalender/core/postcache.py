"""The posts read by an earlier process, kept in the cache: a new ``kalender build`` after
one caption was edited parses one post file, not all of them.

:class:`KeptPosts` is the loader's memory (:class:`~kalender.core.memo.PostFiles`, which
``kalender serve`` keeps in memory, by file times) with a file of the cache behind it. A post
kept there is used again only when the bytes of its file and of its approval records are the
bytes it was read from (their SHA-256, taken before the file is parsed, so a file written
while it was being read is read again next time) and each of its media files has the same
identity (size, inode, modification and change times), all inside a ``generation`` (the
stamp of the calendar data and the code, which the loader reads a post with). Only posts
read without any problem are kept: a post with a missing picture is read again until the
picture is there.

A post whose files were last changed well before the build's walk of ``posts/`` began is
kept, instead of the digest of its bytes, with the digest of the size, modification time,
change time and inode of its file, its records and its media (:data:`TIMES`,
:data:`SETTLED_NS`; the change time moves on every write, a modification time put back
included): while they are the same, the post is used again with one ``stat`` per file and
without reading its bytes (issue 23, branch ``edit8``: reading and hashing a thousand
unchanged posts was some 0.025 s of a caption edit's build at N = 1,000). Nothing more is
kept per post (the peak memory at N = 10,000 is near its target). A file changed within
that margin of the walk is checked by its bytes, as before, until a later build sees it
settled: a second write in the same tick of the file system's clock then cannot hide behind
equal times. A post whose times changed but not its bytes (a file touched) is read again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from dataclasses import dataclass, replace
from pathlib import Path

from .keptfile import KeptFile
from .memo import PostFiles, post_inputs
from .model import Post
from .problems import Problem
from .stattable import StatTable

KEPT_VERSION = 3  # 2: with each post's key; 3: with the times of its files
SETTLED_NS = 2_000_000_000  # a file this much older than the walk is not written in its tick
TIMES = "t:"  # a kept post known by the digest of its files' times
Identity = tuple[int, int, int, int]


@dataclass(frozen=True)
class _Kept:
    files: str  # SHA-256 of the post's bytes and its approval records' bytes, or of the
    # times of all its files (TIMES + digest, once they settled: see the module)
    media: tuple[Identity, ...]
    post: Post
    key: str = ""  # its post_key (core.postmemo): the same while files and media are


class KeptPosts(PostFiles):
    """The loader's memory, kept in ``path`` for the next process."""

    def __init__(self, path: Path, generation: str) -> None:
        super().__init__()
        self.path, self.generation = path, generation
        # a post edited is kept under the same name: only a post deleted or moved leaves
        # a value unused, and then the file is written whole without it
        self.file = KeptFile(path, KEPT_VERSION, generation, "posts", unused_share=0)
        self.kept: dict[str, _Kept] = self.file.read()
        self.used: set[str] = set()
        self.read_from_files: dict[str, str] = {}  # path -> digest of its files, before reading
        self.new: set[str] = set()  # the posts read again since the file was read or written
        self.added = 0
        self.read = 0  # post files parsed since the last save
        self.identities: dict[Identity, Identity] = {}  # one tuple for a picture many posts show

    def reuse(self, path: Path) -> tuple[Post | None, list[Problem]] | None:
        """The post read from ``path`` before, from memory (``kalender serve``) or from the
        cache file; None when it is to be read."""
        known = super().reuse(path)
        name = str(path)
        if known is not None:
            self.used.add(name)
            return known
        kept = self.kept.get(name)
        if kept is not None and kept.files.startswith(TIMES):
            if kept.files == _times_digest(path, kept.post, self.stats):
                return self._reused(path, kept)
            self.read_from_files[name] = _files_digest(path) or ""
            return None  # touched or changed: read again
        files = _files_digest(path)
        if kept is None or files is None or kept.files != files \
                or kept.media != _media_identity(kept.post):
            self.read_from_files[name] = files or ""
            return None
        settled = self._settled(path, kept.post)
        if settled:  # from now on known by its times
            kept = self.kept[name] = replace(kept, files=settled)
            self.new.add(name)
        return self._reused(path, kept)

    def _reused(self, path: Path, kept: _Kept) -> tuple[Post | None, list[Problem]]:
        self.used.add(str(path))
        self.reused += 1
        super().keep(path, kept.post, [])
        return kept.post, []

    def _settled(self, path: Path, post: Post) -> str:
        """The digest of the times of the post's files now, when every one was changed
        :data:`SETTLED_NS` before this build's walk began; else empty (checked by bytes)."""
        if self.stats is None:
            return ""
        times = _times(path, post, self.stats)
        latest = self.stats.started - SETTLED_NS
        if not all(t <= latest for t in array("q", times)[2::4]):
            return ""
        return TIMES + hashlib.sha256(times).hexdigest()

    def keep(self, path: Path, post: Post | None, problems: list[Problem]) -> None:
        super().keep(path, post, problems)
        self.read += 1
        name = str(path)
        files = self.read_from_files.pop(name, "")
        self.used.add(name)
        if post is None or problems or not files:
            self.kept.pop(name, None)
            return
        media = tuple(self.identities.setdefault(i, i) for i in _media_identity(post))
        self.kept[name] = _Kept(self._settled(path, post) or files, media, post)
        self.new.add(name)
        self.added += 1

    def key_of(self, post: Post) -> str | None:
        """The :func:`~kalender.core.postmemo.post_key` kept with ``post``: it follows from
        what a kept post is checked against (the bytes of its file and records, its media
        files' identities), so a post reused from the file is not pickled again."""
        kept = self.kept.get(str(post.path))
        return kept.key if kept is not None and kept.post is post and kept.key else None

    def keep_key(self, post: Post, key: str) -> None:
        """Keep ``key`` with ``post`` (written by the next :meth:`save`)."""
        name = str(post.path)
        kept = self.kept.get(name)
        if kept is not None and kept.post is post and kept.key != key:
            self.kept[name] = replace(kept, key=key)
            self.new.add(name)

    def save(self) -> None:
        """Write the posts read again by this build (or all it used, see
        :class:`KeptFile`), when they differ from the file's."""
        used, self.used, self.read = self.used, set(), 0
        try:
            self.kept = self.file.write(self.kept, used, self.new)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return  # read-only cache, or a value that does not pickle: read again next time
        self.new, self.added = set(), 0


def _files_digest(path: Path) -> str | None:
    """SHA-256 of the post's bytes and of its approval records' (None: no post file)."""
    try:
        hashed = hashlib.sha256(path.read_bytes())
    except OSError:
        return None
    hashed.update(b"\0")
    try:
        hashed.update(path.with_name(f"{path.stem}.persetujuan.yml").read_bytes())
    except OSError:
        hashed.update(b"-")
    return hashed.hexdigest()


def _times(path: Path, post: Post, stats: StatTable | None) -> bytes:
    """The size, modification time, change time and inode of each file ``post`` was read
    from (its file, its records, its media: :func:`~kalender.core.memo.post_inputs`);
    (-1, -1, -1, -1) for a missing one (``stats``: missing at the walk, not stat-ed again)."""
    table = stats if stats is not None else StatTable()
    found = array("q")
    for name in post_inputs(path, post):
        found.extend(table.identity(name) or (-1, -1, -1, -1))
    return found.tobytes()


def _times_digest(path: Path, post: Post, stats: StatTable | None) -> str:
    return TIMES + hashlib.sha256(_times(path, post, stats)).hexdigest()


def _media_identity(post: Post) -> tuple[Identity, ...]:
    found = []
    for media in post.media:
        for path in (media.path, media.cover):
            if path is None:
                continue
            try:
                stat = os.stat(path)
            except OSError:
                found.append((-1, -1, -1, -1))
                continue
            found.append((stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns))
    return tuple(found)
