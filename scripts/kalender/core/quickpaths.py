"""Paths in the cache pickles, read back without parsing them again.

Python pickles a :class:`~pathlib.PosixPath` as its class and its parts; reading it back
calls the class, which joins the parts and parses the result again (about 4 µs a path). The
per-post caches hold some 12,000 paths at N = 1,000 (each post's file, its media and their
renditions), so every new process spent about 0.05 s of CPU parsing paths it had written
itself. :func:`dump` pickles a path as its parsed parts, which :func:`_parsed_path` puts
back as they were (the parsing CPython itself does skip for a path it derives from another).

Only where the running Python has that step (CPython 3.11: ``_from_parsed_parts`` with
drive, root and parts); elsewhere paths are pickled as Python does. Either way the path read
is equal to the path written, and a file written one way is read the other.
"""

from __future__ import annotations

import copyreg
import pickle
import sys
from pathlib import PosixPath, PurePosixPath
from typing import IO, Any

_QUICK = sys.version_info[:2] == (3, 11) and hasattr(PurePosixPath, "_from_parsed_parts")


def _parsed_path(cls: type[PurePosixPath], drive: str, root: str,
                 parts: list[str]) -> PurePosixPath:
    """The path of these parsed parts (what CPython 3.11 does for ``path.parent``)."""
    if not _QUICK:  # a cache written by 3.11, read by another Python
        return cls(*parts)
    return cls._from_parsed_parts(drive, root, parts)  # type: ignore[attr-defined]


def _reduce_path(path: PurePosixPath) -> tuple[Any, tuple[Any, ...]]:
    parts = path._parts  # type: ignore[attr-defined]  # noqa: SLF001
    return _parsed_path, (type(path), path._drv, path._root, list(parts))  # type: ignore[attr-defined]  # noqa: SLF001


_TABLE = {**copyreg.dispatch_table, PosixPath: _reduce_path, PurePosixPath: _reduce_path}


def pickler(out: IO[bytes]) -> pickle.Pickler:
    """A pickler to ``out`` at the highest protocol, paths as their parsed parts."""
    made = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    if _QUICK:
        made.dispatch_table = _TABLE
    return made


def dump(value: object, out: IO[bytes]) -> None:
    """``pickle.dump(value, out)`` at the highest protocol, paths as their parsed parts."""
    pickler(out).dump(value)
