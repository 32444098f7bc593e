"""A cache file of values by key that grows by small addition files.

The per-post caches (:class:`~kalender.core.postmemo.DiskMemo`,
:class:`~kalender.core.postcache.KeptPosts`) hold a value for each of a thousand posts. A
caption edited adds one or two values to each; writing each file whole again for those cost
a new process about a quarter of a second of CPU at N = 1,000 (pickling every value again).
:class:`KeptFile` writes the values added since the file was read to a small file beside it
(``<name>.1``, ``<name>.2``, ...), each written atomically; reading takes the main file,
then each addition in turn (a later value under the same key wins). The whole file is
written again, and the additions removed, when there is no main file for these inputs yet,
when the additions are many, or when many of the values kept are no longer used (posts
deleted or edited), so the files stay about the size of what the build uses.

Every value is kept under a key made of what it was computed from (or checked against its
inputs when it is used), so an addition left behind by an interrupted build is never
wrong, only unused.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import IO, Any

from . import quickpaths
from .atomic import replacing

MOST_ADDITIONS = 16  # addition files before the whole file is written again
FEW_VALUES = 16  # at most this many values (or one in twenty) go to an addition file
UNUSED_SHARE = 8  # written whole when more than one value in this many is unused
FORMAT = 2  # 2: the values in pieces (dump_kept)
PIECE = 256  # values in each piece


def read_kept(path: Path, version: int, generation: str, field: str) -> dict[str, Any]:
    """The dictionary ``field`` of a cache pickle written by this code (``version``) for
    these inputs (``generation``); empty when the file is missing, damaged or stale."""
    collecting = gc.isenabled()
    gc.disable()  # a cache file is many small objects, none of them garbage: collecting
    try:  # while they load walks every object alive again and again (measured at N = 1,000)
        with path.open("rb") as handle:
            header = pickle.load(handle)  # noqa: S301  (our own cache)
            if header[:3] != (version, generation, (FORMAT, field)):
                return {}  # stale: the values behind the header are not read at all
            values: dict[str, Any] = {}
            for _ in range(header[3]):
                values.update(pickle.load(handle))  # noqa: S301
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError, IndexError, KeyError):
        return {}
    finally:
        if collecting:
            gc.enable()
    return values


def dump_kept(out: IO[bytes], version: int, generation: str, field: str,
              values: dict[str, Any]) -> None:
    """Write ``values`` behind a header of ``version``, ``generation``, ``field`` and the
    number of pieces: a stale file is then known without reading it whole (ten thousand
    posts' values read and thrown away raised the memory of the build after every code
    change). The values go in pieces of :data:`PIECE`, each its own pickle: a pickle's
    memo holds every object written (and what pickling makes on the way, as the state of
    each object with ``__slots__``) until its end, +32 MiB for the preview plans of
    10,000 posts written as one; an object shared by values of two pieces is written in
    each (so read back twice, a few objects at most)."""
    pieces = -(-len(values) // PIECE)
    pickle.dump((version, generation, (FORMAT, field), pieces), out,
                protocol=pickle.HIGHEST_PROTOCOL)
    pickler = quickpaths.pickler(out)  # paths read back without parsing them again
    items = iter(values.items())
    for _ in range(pieces):
        pickler.dump(dict(islice(items, PIECE)))
        pickler.clear_memo()


class KeptFile:
    """The main file ``path`` of values in ``field`` and its additions, for ``version``
    (of the code writing it) and ``generation`` (of the inputs)."""

    def __init__(self, path: Path, version: int, generation: str, field: str,
                 unused_share: int = UNUSED_SHARE) -> None:
        self.path, self.version, self.generation, self.field = path, version, generation, field
        self.unused_share = unused_share  # 0: written whole as soon as a value is unused
        self.additions = -1  # addition files read; -1: no main file for these inputs

    def read(self) -> dict[str, Any]:
        """The values of the main file updated by each addition file, in order."""
        values = read_kept(self.path, self.version, self.generation, self.field)
        self.additions = 0 if values else -1
        while values:
            more = read_kept(self._addition(self.additions + 1), self.version,
                             self.generation, self.field)
            if not more:
                break
            values.update(more)
            self.additions += 1
        return values

    def write(self, values: dict[str, Any], used: set[str], added: Iterable[str]
              ) -> dict[str, Any]:
        """Keep the values of ``used`` (``added``: the keys put in ``values`` since it was
        read or written); the values held from now on. Writes nothing when nothing was
        added and few values are unused. Raises what writing raises."""
        new = [key for key in set(added) if key in values and key in used]
        unused = len(values) - len(used & values.keys())
        share = self.unused_share
        few_unused = unused == 0 if share <= 0 else \
            unused * share <= max(len(used), FEW_VALUES * share)
        if not new and (unused == 0 or (self.additions >= 0 and few_unused)):
            return values  # nothing to add (a build with nothing changed writes nothing)
        if (self.additions >= 0 and self.additions < MOST_ADDITIONS and few_unused
                and len(new) <= max(FEW_VALUES, len(used) // 20)):
            self._dump(self._addition(self.additions + 1), {key: values[key] for key in new})
            self.additions += 1
            return values
        kept = {key: values[key] for key in used if key in values}
        self._dump(self.path, kept)
        self._remove_additions()
        self.additions = 0 if kept else -1
        return kept

    def _dump(self, path: Path, values: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as out:
            dump_kept(out, self.version, self.generation, self.field, values)

    def _addition(self, number: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{number}")

    def _remove_additions(self) -> None:
        number = 1
        while True:
            try:
                self._addition(number).unlink()
            except FileNotFoundError:
                if number > max(self.additions, 0):
                    return
            number += 1
