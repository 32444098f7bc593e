"""Writing a file so that nothing is ever half-written: a temporary file beside the target,
flushed to disk, then renamed over it in one step. Every command that writes uses this.

A writer killed in the middle (kill -9, a power cut) leaves its temporary file; the next write
of the same file removes it, ``.gitignore`` keeps it out of git, ``kalender check`` names it."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def default_mode() -> int:
    """The mode a new file gets from the process's umask (``mkstemp`` alone gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def replacing(path: Path, mode: int | None = None, clean: bool = True) -> Iterator[BinaryIO]:
    """A temporary file that replaces ``path`` when the block ends without an error.

    ``mode`` None keeps the mode of the file being replaced (a new file follows the umask).
    On an error the temporary file is removed and ``path`` is left as it was. The temporary
    file is locked while it is written (until the rename), so the cleaning of what a killed
    writer left (:func:`clean_leftovers`, on every write of the same file) never takes it.
    ``clean`` False: the caller cleans the folder itself, once (:func:`clean_folder`).
    """
    if mode is None:
        mode = path.stat().st_mode & 0o7777 if path.exists() else default_mode()
    if clean:
        clean_leftovers(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    out = os.fdopen(handle, "wb")
    try:
        _lock(out)
        yield out
        out.flush()
        os.fsync(out.fileno())
        os.chmod(temporary, mode)
        if fcntl is None:  # Windows renames no open file
            out.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    finally:
        out.close()


def _lock(out: BinaryIO) -> None:
    if fcntl is not None:
        fcntl.flock(out.fileno(), fcntl.LOCK_EX)


def leftovers_of(path: Path) -> list[Path]:
    """The temporary files beside ``path`` of writes of it that never finished (a kill -9,
    a power cut): ``.<name>.<8 random characters>.tmp``, the names :func:`replacing` gives."""
    pattern = re.compile(re.escape(f".{path.name}.") + LEFTOVER_TAIL)
    try:
        return sorted(p for p in path.parent.iterdir() if pattern.fullmatch(p.name))
    except (FileNotFoundError, NotADirectoryError):
        return []


def clean_leftovers(path: Path) -> list[Path]:
    """Remove what interrupted writes of ``path`` left; the files removed.

    A temporary file still locked belongs to a write in progress and is kept; so is an
    empty one younger than two seconds (its writer may not have locked it yet). Without
    file locks (Windows) only files older than a minute are removed.
    """
    removed = []
    for left in leftovers_of(path):
        if _abandoned(left):
            with contextlib.suppress(FileNotFoundError):
                left.unlink()
                removed.append(left)
    return removed


def clean_folder(folder: Path) -> list[Path]:
    """Remove what interrupted writes of any file of ``folder`` left, as
    :func:`clean_leftovers` does for one file; the files removed. For a folder of many
    files written in a row (the picture cache): looked through once, not on every write,
    which grows with the square of the files (issue 23)."""
    try:
        found = sorted(p for p in folder.iterdir() if LEFTOVER.fullmatch(p.name))
    except (FileNotFoundError, NotADirectoryError):
        return []
    removed = []
    for left in found:
        if _abandoned(left):
            with contextlib.suppress(FileNotFoundError):
                left.unlink()
                removed.append(left)
    return removed


def _abandoned(left: Path) -> bool:
    try:
        info = left.stat()
    except FileNotFoundError:
        return False
    age = time.time() - info.st_mtime
    if fcntl is None:
        return age > 60
    if info.st_size == 0 and age < 2:
        return False
    try:
        with left.open("rb") as probe:
            fcntl.flock(probe.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # its writer is alive
    except OSError:
        return False
    return True


LEFTOVER_TAIL = r"[a-z0-9_]{8}\.tmp"
LEFTOVER = re.compile(r"\..+\." + LEFTOVER_TAIL)
USER_FOLDERS = ("posts", "calendar", "docs", ".kalender")


def leftover_files(root: Path) -> list[Path]:
    """Every leftover temporary file among the people's files of the repository (its top
    folder and posts/, calendar/, docs/, .kalender/), for ``kalender check`` to name."""
    found = [p for p in root.iterdir() if p.is_file() and LEFTOVER.fullmatch(p.name)]
    for folder in USER_FOLDERS:
        found.extend(p for p in (root / folder).rglob(".*.tmp") if LEFTOVER.fullmatch(p.name))
    return sorted(found)


def target_of(leftover: Path) -> str:
    """The name of the file a leftover was to replace: ``.tim.yml.a1b2c3d4.tmp`` -> tim.yml."""
    return leftover.name[1:-len(".a1b2c3d4.tmp")]


def write_bytes(path: Path, data: bytes, mode: int | None = None, clean: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`replacing`)."""
    with replacing(path, mode, clean) as out:
        out.write(data)
