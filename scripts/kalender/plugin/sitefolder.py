"""The output folder of a full render: emptied without its folders, pictures linked.

A ``kalender build --clean`` (or the first build after the code or the calendar changed)
writes every file again. Two costs of that are the file system's, not the build's, and are
cut here without changing a byte of the site:

- **Folders kept while emptying.** Every post page is ``pos/<slug>/index.html``: emptying
  the folder the way mkdocs does (``shutil.rmtree`` of every entry) removes a thousand
  folders at N = 1,000, and writing the pages makes them again. :func:`emptied` removes
  every file and keeps the folders; :func:`prune_empty` removes, after the build, the folders
  no page was written into (the site looks as if it had been emptied whole).
- **Pictures linked, not copied.** Thumbnails, renditions and report charts come from the
  cache (``.cache/kalender``), whose files are never changed in place (each is written under
  a new name, or to a temporary file renamed over the old one). :func:`link_cached` gives
  such a file a hard link in the site instead of a copy of its bytes; where a link cannot be
  made (another file system, a file system without links) the file is copied as before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import types
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.files import File


def emptied(site_dir: str | Path) -> None:
    """Remove every file under ``site_dir`` and keep its folders; like mkdocs'
    ``clean_directory``, leave the entries of ``site_dir`` whose name starts with a dot
    (``.git`` of a published site) alone."""
    root = str(site_dir)
    if not os.path.isdir(root):
        return
    with os.scandir(root) as entries:
        top = [entry for entry in entries if not entry.name.startswith(".")]
    for entry in top:
        if entry.is_dir(follow_symlinks=False):
            _empty_tree(entry.path)
        else:
            os.unlink(entry.path)


def _empty_tree(folder: str) -> None:
    for inside, folders, names in os.walk(folder):
        for name in names:
            os.unlink(os.path.join(inside, name))
        for name in folders:  # a link to a folder is listed as a folder, and not entered
            path = os.path.join(inside, name)
            if os.path.islink(path):
                os.unlink(path)


def prune_empty(site_dir: str | Path) -> None:
    """Remove the folders under ``site_dir`` left without any file (deepest first), except
    the entries of ``site_dir`` whose name starts with a dot."""
    root = str(site_dir)
    if not os.path.isdir(root):
        return
    for inside, folders, names in os.walk(root, topdown=False):
        if inside == root or names:
            continue
        if os.path.relpath(inside, root).split(os.sep, 1)[0].startswith("."):
            continue
        if not any(os.path.isdir(os.path.join(inside, f)) for f in folders):
            with contextlib.suppress(OSError):  # something was put there meanwhile: kept
                os.rmdir(inside)


def link_cached(file: File, cache: Path) -> None:
    """Let ``file`` (a generated file backed by a file on disk) be linked into the site,
    not copied, when that file is in the cache folder ``cache``."""
    source = file.abs_src_path
    if source is None or file._content is not None:
        return
    inside = source.startswith(os.path.join(cache, ""))  # as is_relative_to, when true
    if not inside and not Path(source).is_relative_to(cache):  # (a Path costs ~5 µs: x4,700)
        return
    file.copy_file = types.MethodType(_linked_copy, file)  # type: ignore[method-assign]


def _linked_copy(self: File, dirty: bool = False) -> None:
    """:meth:`File.copy_file` with a hard link in place of the copy."""
    if dirty and not self.is_modified():
        return
    assert self.abs_src_path is not None
    output = self.abs_dest_path
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(output)
    try:
        os.link(self.abs_src_path, output)
    except OSError:
        shutil.copyfile(self.abs_src_path, output)
