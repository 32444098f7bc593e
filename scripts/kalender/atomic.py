"""Writing a file so that nothing is ever half-written: a temporary file beside the target,
flushed to disk, then renamed over it in one step. Every command that writes uses this."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def default_mode() -> int:
    """The mode a new file gets from the process's umask (``mkstemp`` alone gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def replacing(path: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A temporary file that replaces ``path`` when the block ends without an error.

    ``mode`` None keeps the mode of the file being replaced (a new file follows the umask).
    On an error the temporary file is removed and ``path`` is left as it was.
    """
    if mode is None:
        mode = path.stat().st_mode & 0o7777 if path.exists() else default_mode()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`replacing`)."""
    with replacing(path, mode) as out:
        out.write(data)
