"""``kalender serve``: the walk of ``posts/`` kept per folder, walked again only where the
file watcher saw a change.

Every build stamps its inputs by walking ``posts/`` and reading the size and time of every
file (:func:`kalender.site.incremental.input_stamp`): ten thousand ``stat`` calls and lines
per rebuild at N = 10,000, for a caption edit that changed one file (issue 23, branch
``serve13``). Under ``kalender serve`` the watcher reports every file written, created,
moved or deleted under ``posts/`` (:class:`kalender.plugin.watching.FileEvents`); here the
last walk is kept per folder, and only the folders holding a reported file are listed and
stat-ed again. The lines and the stat table come out as a new walk gives them. Without the
watcher's report (the first build, lost events, a folder created, moved or deleted), the
whole folder is walked, as before.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.stattable import Entry, StatTable
from .incremental import SKIPPED_DIRS, folder_files


@dataclass
class _Folder:
    """One folder as the walk saw it: its files' lines and entries (sorted by name), its
    entries named ``*.md``, the sub-folders walked (sorted), whether none was skipped."""

    lines: list[str]
    entries: list[tuple[str, Entry]]
    markdown: list[str]
    subfolders: list[str]
    whole: bool


class KeptWalk:
    """The last walk of ``folder``, per sub-folder. :attr:`changed`: the paths the watcher
    reported since the last walk (None: not known, walk it all)."""

    def __init__(self, folder: Path) -> None:
        self.top = os.fspath(folder)
        self.root = ""
        self.folders: dict[str, _Folder] = {}
        self.changed: Collection[str] | None = None
        self.told = False  # changed holds what a build has not walked yet
        self.listed = 0  # folders listed, this process (tests)

    def tell(self, changed: Collection[str] | None) -> None:
        """The paths reported since the last report (None: not known). Added to what a
        build has not walked yet (a build that did not walk the folder: it was missing)."""
        if self.told:
            changed = None if changed is None or self.changed is None else \
                {*self.changed, *changed}
        self.changed, self.told = changed, True

    def lines(self, root: Path, table: StatTable | None = None) -> list[str]:
        """What :func:`kalender.site.incremental._stat_lines` yields for the folder, and
        ``table`` filled the same way; listing only the folders of the changed paths."""
        changed, self.changed, self.told = self.changed, None, False
        dirty = self._dirty(changed) if os.fspath(root) == self.root else None
        if dirty is None:
            self.root, self.folders = os.fspath(root), {}
            self._walk(self.top)
        else:
            for folder in sorted(dirty):
                self._again(folder)
        return self._gather(table)

    def _dirty(self, changed: Collection[str] | None) -> set[str] | None:
        """The folders to list again; None when the whole folder is to be walked."""
        if changed is None or self.top not in self.folders:
            return None
        dirty: set[str] = set()
        inside = self.top + os.sep
        for path in changed:
            if not path.startswith(inside):
                continue  # not under this folder: stamped by its own walk
            folder = os.path.dirname(path)
            if path in self.folders or folder not in self.folders:
                return None  # a folder itself, or a file in a folder not walked
            dirty.add(folder)
        return dirty

    def _walk(self, folder: str) -> None:
        found = self._list(folder)
        if found is None:
            return
        self.folders[folder] = found
        for sub in found.subfolders:
            self._walk(sub)

    def _again(self, folder: str) -> None:
        before = self.folders.pop(folder)
        found = self._list(folder)
        if found is None:  # gone (its deletion is also its parent's change)
            self._forget(before.subfolders)
            return
        self.folders[folder] = found
        self._forget([sub for sub in before.subfolders if sub not in found.subfolders])
        for sub in found.subfolders:
            if sub not in before.subfolders:
                self._walk(sub)

    def _forget(self, subfolders: list[str]) -> None:
        for sub in subfolders:
            known = self.folders.pop(sub, None)
            if known is not None:
                self._forget(known.subfolders)

    def _list(self, folder: str) -> _Folder | None:
        """One step of ``os.walk(folder)``, as ``_stat_lines`` reads it."""
        step = next(os.walk(folder), None)
        if step is None:
            return None
        self.listed += 1
        dirpath, dirnames, filenames = step
        kept = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        lines: list[str] = []
        entries: list[tuple[str, Entry]] = []
        for path, stat, line in folder_files(dirpath, filenames, self.root):
            entries.append((path, (stat.st_size, stat.st_mtime_ns)))
            lines.append(line)
        markdown = [os.path.join(dirpath, name) for name in (*dirnames, *filenames)
                    if name.endswith(".md")]
        subfolders = [os.path.join(dirpath, d) for d in kept
                      if not os.path.islink(os.path.join(dirpath, d))]  # as os.walk
        return _Folder(lines, entries, markdown, subfolders, len(kept) == len(dirnames))

    def _gather(self, table: StatTable | None) -> list[str]:
        lines: list[str] = []
        markdown: list[str] = []
        whole = True
        for folder, found in self._in_order(self.top):
            lines.extend(found.lines)
            if table is not None:
                table.walked.add(folder)
                table.found.update(found.entries)
                markdown.extend(found.markdown)
                whole = whole and found.whole
        if table is not None and whole:
            table.listed(self.top, markdown)
        return lines

    def _in_order(self, folder: str) -> Iterator[tuple[str, _Folder]]:
        """The folders in the order ``os.walk`` visits them (top-down, sorted)."""
        found = self.folders.get(folder)
        if found is None:
            return
        yield folder, found
        for sub in found.subfolders:
            yield from self._in_order(sub)
