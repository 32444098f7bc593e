"""A file's resolved path, its folder resolved once per folder.

:func:`os.path.realpath` (and :meth:`pathlib.Path.resolve`, which calls it) looks at every
part of a path, one ``lstat`` a part: some 0.05 ms a file. A build names each media file
twice by its resolved path (the digest store, the media index), some 200 photos in a few
folders at N = 1,000 (issue 23, branch ``edit15``). :class:`RealPaths` resolves each folder
once and adds the file's name, which gives the same path as resolving the whole: unless the
file itself is a link (then it is resolved whole), its name is the last part as it is. A
folder kept is used again only while it and its resolved path still name the same directory
(two ``stat`` calls, fewer than the parts of the path).
"""

from __future__ import annotations

import os
import threading


class RealPaths:
    """The resolved path of each file asked for, its folders resolved once each."""

    def __init__(self) -> None:
        # an absolute folder as given -> its resolved path and the directory both name
        self.folders: dict[str, tuple[str, tuple[int, int]]] = {}
        self.lock = threading.Lock()  # the digest store hashes in two threads

    def of(self, path: str | os.PathLike[str]) -> str:
        """``os.path.realpath(path)``, or a path to the same file when a folder was moved
        since it was resolved here (one that no longer names it is resolved again)."""
        name = os.fspath(path)
        head, tail = os.path.split(name)
        if tail in ("", ".", "..") or os.path.islink(name):
            return os.path.realpath(name)
        # a relative folder is relative to the working folder of now (joined, not
        # normalised: "a/link/.." is resolved through the link, as realpath does)
        folder = os.path.join(os.getcwd(), head) if not os.path.isabs(head) else head
        with self.lock:
            known = self.folders.get(folder)
        if known is not None and _same_folder(folder, known):
            return os.path.join(known[0], tail)
        resolved = os.path.realpath(folder)
        try:
            stat = os.stat(resolved)
        except OSError:  # no such folder (yet): nothing to keep
            return os.path.join(resolved, tail)
        with self.lock:
            self.folders[folder] = (resolved, (stat.st_dev, stat.st_ino))
        return os.path.join(resolved, tail)


def _same_folder(folder: str, known: tuple[str, tuple[int, int]]) -> bool:
    """Whether ``folder`` and its resolved path kept in ``known`` still both name the
    directory they named then (so the file's name in one is the file's name in the other:
    ``kalender serve`` keeps the digest store while links and folders may move)."""
    try:
        one, other = os.stat(folder), os.stat(known[0])
    except OSError:
        return False
    return (one.st_dev, one.st_ino) == known[1] == (other.st_dev, other.st_ino)
