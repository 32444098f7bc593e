"""Looking a site file up by its page path without normalising a path that is normal.

mkdocs' :meth:`Files.get_file_from_path` makes a ``PurePath`` of every path it is asked
for; the plugin asks some five thousand times per build of a thousand posts (is this
generated page, thumbnail or preview already there?), with paths that are already the
files' own ``src_uri``. Measured under ``kalender serve`` (docs/performance.md, ``serve3``),
that normalising was about 4 % of a rebuild after a caption edit.

The same holds for :meth:`Files.documentation_pages`: mkdocs and the plugin ask for the
list some seven times per build, each time walking every file (some 15,000 at N = 10,000;
5 % of a caption edit's rebuild under ``kalender serve``, branch ``serve11``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import PurePath

from mkdocs.structure.files import File, Files, InclusionLevel

Inclusion = Callable[[InclusionLevel], bool]


def quick_lookups(files: Files) -> Files:
    """Have ``files.get_file_from_path`` find a path that is some file's ``src_uri`` as
    it is, and normalise only the paths that are not normal (as mkdocs does): a
    ``src_uri`` is already normal, so both give the same file or none."""

    def get_file_from_path(path: str) -> File | None:
        uris = files.src_uris
        found = uris.get(path)
        if found is None and not already_normal(path):
            found = uris.get(PurePath(path).as_posix())
        return found

    files.get_file_from_path = get_file_from_path  # type: ignore[method-assign]
    PageList(files).install()
    return files


class PageList:
    """``files.documentation_pages()`` from the Markdown files listed once while no file
    is added or removed, and from the list chosen once per ``inclusion`` while every
    page's inclusion is the same: the same pages in the same order as mkdocs' walk."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.append, self.remove = files.append, files.remove
        self.pages: list[File] | None = None  # the Markdown files, in the files' order
        self.count = -1  # how many files there were when they were listed
        self.chosen: dict[Inclusion, tuple[list[InclusionLevel], list[File]]] = {}
        self.listed = 0  # times the files were walked (tests)

    def install(self) -> None:
        files = self.files
        files.append = self.appended  # type: ignore[method-assign]
        files.remove = self.removed  # type: ignore[method-assign]
        files.documentation_pages = self.documentation_pages  # type: ignore[method-assign]

    def appended(self, file: File) -> None:
        self.pages = None
        self.append(file)

    def removed(self, file: File) -> None:
        self.pages = None
        self.remove(file)

    def documentation_pages(self, *, inclusion: Inclusion = InclusionLevel.is_included
                            ) -> list[File]:
        """As :meth:`Files.documentation_pages` (a new list each time)."""
        uris = self.files.src_uris
        if self.pages is None or self.count != len(uris):
            self.pages = [file for file in uris.values() if file.is_documentation_page()]
            self.count, self.chosen = len(uris), {}
            self.listed += 1
        levels = [file.inclusion for file in self.pages]
        known = self.chosen.get(inclusion)
        if known is None or known[0] != levels:
            known = self.chosen[inclusion] = (levels, [
                file for file, level in zip(self.pages, levels, strict=True)
                if inclusion(level)])
        return list(known[1])


def already_normal(path: object) -> bool:
    """Whether ``PurePath(path).as_posix()`` is ``path`` itself: a string with no empty
    or ``.`` part and no slash at its end, on a system whose paths use ``/`` (most of
    the plugin's look-ups are of pages not added yet, which then need no ``PurePath``)."""
    return (os.sep == "/" and isinstance(path, str) and path not in ("", ".")
            and "//" not in path and "/./" not in path and not path.endswith(("/", "/."))
            and not path.startswith("./"))
