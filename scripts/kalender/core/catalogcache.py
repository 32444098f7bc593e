"""The message catalog kept compiled beside its files, as Python keeps its bytecode.

Every ``kalender`` process reads the whole catalog (click's help words are asked for while
the command line is imported): some thirty YAML files, about 0.05 s of CPU at each build,
``--help`` included. The merged catalog is kept in ``messages/__pycache__/`` as a
:mod:`marshal` file under the name, size and modification time of every YAML file it was
merged from; any change to them (or another Python) reads the YAML again. Nothing is written
where Python writes no bytecode (``PYTHONDONTWRITEBYTECODE``, ``-B``) or cannot write.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Callable
from pathlib import Path

Catalog = dict[str, dict[str, str]]
CACHE_NAME = f"catalog.{sys.implementation.cache_tag}.marshal"


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for path in sorted(folder.glob("*.yml")):
        stat = path.stat()
        stamps.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def compiled_catalog(folder: Path, read: Callable[[Path], Catalog]) -> Catalog:
    """``read(folder)``, from the compiled copy while the YAML files are those it was made
    from."""
    stamp = _stamp(folder)
    kept = folder / "__pycache__" / CACHE_NAME
    try:
        known_stamp, known = marshal.loads(kept.read_bytes())
        if known_stamp == stamp and isinstance(known, dict):
            return known
    except (OSError, ValueError, EOFError, TypeError):
        pass
    merged = read(folder)
    if not sys.dont_write_bytecode:
        from .atomic import replacing  # only when writing (tempfile, fcntl)

        try:
            data = marshal.dumps((stamp, merged))
            kept.parent.mkdir(exist_ok=True)
            with replacing(kept) as out:
                out.write(data)
        except (OSError, ValueError):  # read-only, or a value marshal cannot hold: from YAML
            pass
    return merged

