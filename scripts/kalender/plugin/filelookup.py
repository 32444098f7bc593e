"""Looking a site file up by its page path without normalising a path that is normal.

mkdocs' :meth:`Files.get_file_from_path` makes a ``PurePath`` of every path it is asked
for; the plugin asks some five thousand times per build of a thousand posts (is this
generated page, thumbnail or preview already there?), with paths that are already the
files' own ``src_uri``. Measured under ``kalender serve`` (docs/performance.md, ``serve3``),
that normalising was about 4 % of a rebuild after a caption edit.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from mkdocs.structure.files import File, Files


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
    return files


def already_normal(path: object) -> bool:
    """Whether ``PurePath(path).as_posix()`` is ``path`` itself: a string with no empty
    or ``.`` part and no slash at its end, on a system whose paths use ``/`` (most of
    the plugin's look-ups are of pages not added yet, which then need no ``PurePath``)."""
    return (os.sep == "/" and isinstance(path, str) and path not in ("", ".")
            and "//" not in path and "/./" not in path and not path.endswith(("/", "/."))
            and not path.startswith("./"))
