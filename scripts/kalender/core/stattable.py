"""Each input file stat-ed once per build: the table one walk of the input folders fills.

The build stamps its inputs by walking ``posts/`` (size and modification time of every file,
:func:`kalender.site.incremental.input_stamp`); the loader then needs the list of post files
and, under ``kalender serve``, the size and time of each post, its records and its media
(:class:`~kalender.core.memo.PostFiles`). :class:`StatTable` hands the loader what the walk
saw, so ``posts/`` is listed and stat-ed once, not three times.

The values are the walk's, taken before any post is read: a file written after the walk
is seen as it was, so the post read from it is remembered with the older time and read
again by the next build (which the file's change starts under ``kalender serve``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

Entry = tuple[int, int]  # size, modification time (ns)


class StatTable:
    """The size and modification time of every file one walk found, by path."""

    def __init__(self) -> None:
        self.started = time.time_ns()  # the clock when the walk began (core.postcache)
        self.found: dict[str, Entry] = {}
        self._listed: dict[str, list[str]] = {}  # walked folder -> its entries named *.md
        self.walked: set[str] = set()  # the folders whose files the walk listed
        self.media: dict[str, tuple[int, int, int, int]] = {}  # identity, once a build

    def add(self, path: str, stat: os.stat_result) -> None:
        self.found[path] = (stat.st_size, stat.st_mtime_ns)

    def listed(self, folder: str, names: list[str]) -> None:
        """Remember the entries named ``*.md`` (files or not) of a folder walked whole."""
        self._listed[folder] = names

    def stat(self, path: str | Path) -> Entry | None:
        """Size and time of ``path``: the walk's, else read now (None: missing). A file
        the walk did not find in a folder it listed was missing at the walk (a post's
        approval records, mostly: ten thousand failed ``stat`` calls per rebuild at N =
        10,000), as a file written after the walk is seen as it was."""
        name = os.fspath(path)
        known = self.found.get(name)
        if known is not None:
            return known
        return None if os.path.dirname(name) in self.walked else size_and_time(name)

    def identity(self, path: str | Path) -> tuple[int, int, int, int] | None:
        """Size, modification time, change time and inode of ``path`` read now (None:
        missing, or missing at the walk, as :meth:`stat`). The change time moves on any
        write, a time put back (``os.utime``) included; a file replaced by another has
        another inode. (Not kept from the walk: ten thousand more values in every build.)
        A media file's is read once per build: a photo shown by many posts was stat-ed
        once per post (issue 23, branch edit15); a file changed since is then seen as
        it was, and read again by the next build, as a file written after the walk."""
        name = os.fspath(path)
        if name not in self.found and os.path.dirname(name) in self.walked:
            return None
        known = self.media.get(name)
        if known is not None:
            return known
        try:
            stat = os.stat(name)
        except OSError:
            return None
        found = stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino
        if not name.endswith(".md"):
            self.media[name] = found
        return found

    def markdown_files(self, folder: Path) -> list[Path] | None:
        """Every entry named ``*.md`` under ``folder``, in the order of ``sorted(rglob)``;
        None when the walk did not cover all of it (then the caller lists it itself)."""
        names = self._listed.get(os.fspath(folder))
        return None if names is None else SORTED.paths(names)


class SortedPaths:
    """The last list of names sorted as paths (``sorted(Path(n) for n in names)``), given
    again while the names are the same: ``kalender serve`` walks ``posts/`` at every rebuild
    and finds the same ten thousand names, whose ``Path`` objects and sorting were some 5 %
    of a caption edit's rebuild at N = 10,000 (issue 23, branch ``serve10k``). A copy of
    the list is handed out, so a caller may change its own."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.sorted: list[Path] = []

    def paths(self, names: list[str]) -> list[Path]:
        if names != self.names or not names:
            self.sorted = sorted(Path(name) for name in names)
            self.names = list(names)
        return list(self.sorted)


SORTED = SortedPaths()  # one per process: the walk of posts/ is the same folder each time


def size_and_time(path: str | Path) -> Entry | None:
    """Size and modification time (ns) of ``path`` read now; None when it is missing."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns
