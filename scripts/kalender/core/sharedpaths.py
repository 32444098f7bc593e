"""Paths pickled as their folder and their name, each folder once per file.

A post's cache (:mod:`kalender.core.keptfile`) holds tens of thousands of paths (each post's
file, each media file). ``pickle`` writes a path as the strings of all its parts, and reads
each back as a path of its own with its own copies of those strings: about 600 bytes per
path, some 20 MB at 10,000 posts (issue 23: the peak memory of a build). Written as
``folder / name`` with one object per folder, every path of a folder read back shares the
folder's parts: the same paths, a third of the memory.
"""

from __future__ import annotations

import operator
import pickle
from pathlib import PurePath
from typing import IO, Any


class SharedFolders(pickle.Pickler):
    """A pickler writing every path as its folder (one object per folder) and its name."""

    def __init__(self, out: IO[bytes]) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.folders: dict[tuple[type, PurePath], PurePath] = {}

    def reducer_override(self, obj: Any) -> Any:
        if not isinstance(obj, PurePath):
            return NotImplemented
        parent = obj.parent
        if parent == obj or not obj.name:
            return NotImplemented  # a root or "." or "..": written as it is
        folder = self.folders.setdefault((type(parent), parent), parent)
        if folder / obj.name != obj:  # (never for a path as the loader makes them)
            return NotImplemented
        return operator.truediv, (folder, obj.name)
