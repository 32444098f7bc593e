"""The build's manifest on disk: pickled in pieces, not written as JSON.

Every ``kalender build`` reads the last build's manifest and, when anything changed, writes
it again (:class:`~kalender.site.incremental.Manifest`: each page's key, source and search
entries, every output; 1.9 MB at N = 1,000). As JSON that was some 0.03 s of CPU of a caption
edited in a new process (reading 0.013-0.018 s, writing 0.015-0.025 s, issue 23, branch
``edit12``); pickled it is a few milliseconds each way. Nobody reads the file but the next
build.

A mapping is written in pieces of :data:`PIECE` entries, each its own pickle whose memo is
let go before the next (the memo of one pickle of everything held every page's source and
search entries once more while it was written); every other value is one pickle. What is
read back is equal to what was written; a file that is missing, damaged or written by
other code reads as None.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from functools import partial
from itertools import islice
from typing import IO, Any

FORMAT = ("kalender-manifest", 1)  # the first pickle of the file
PIECE = 256  # entries of a mapping per pickle
_MAPPING = "pieces"  # a field written as a number of pieces
_VALUE = "value"  # a field written as one pickle


def write_manifest(out: IO[bytes], data: Mapping[str, object]) -> None:
    """Write ``data`` (field name -> plain value) to ``out``."""
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    dump = partial(_dump, pickler)
    dump((FORMAT, len(data)))
    for name, value in data.items():
        if not isinstance(value, dict):
            dump((name, _VALUE, value))
            continue
        pieces = -(-len(value) // PIECE)
        dump((name, _MAPPING, pieces))
        items = iter(value.items())
        for _ in range(pieces):
            dump(dict(islice(items, PIECE)))


def _dump(pickler: pickle.Pickler, value: object) -> None:
    """One pickle, read back on its own (:func:`pickle.load`): no reference to another's."""
    pickler.dump(value)
    pickler.clear_memo()


def read_manifest(handle: IO[bytes]) -> dict[str, Any] | None:
    """What :func:`write_manifest` wrote to ``handle``; None when it is not such a file."""
    try:
        header = pickle.load(handle)  # noqa: S301  (our own cache)
        if not (isinstance(header, tuple) and len(header) == 2 and header[0] == FORMAT):
            return None
        data: dict[str, Any] = {}
        for _ in range(header[1]):
            name, kind, value = pickle.load(handle)  # noqa: S301
            if kind == _MAPPING:
                whole: dict[Any, Any] = {}
                for _ in range(value):
                    whole.update(pickle.load(handle))  # noqa: S301
                value = whole
            data[name] = value
    except (EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError,
            ValueError, IndexError, KeyError, MemoryError):
        return None
    return data
