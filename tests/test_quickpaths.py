"""Paths in the per-post cache files come back as the paths written (core.quickpaths):
equal, of the same class, usable as paths, whichever way the file was pickled."""

from __future__ import annotations

import io
import pickle
from pathlib import Path, PurePosixPath

from kalender.core import quickpaths
from kalender.core.postmemo import DiskMemo

PATHS = [Path("/repo/posts/2026/05/2026-05-13-pos-00389.md"), Path("posts/foto/a.jpg"),
         Path("."), Path("/"), PurePosixPath("/repo/calendar/tim.yml")]


def test_paths_come_back_equal_and_usable() -> None:
    out = io.BytesIO()
    quickpaths.dump({"paths": PATHS, "shared": (PATHS[0], PATHS[0])}, out)
    back = pickle.loads(out.getvalue())  # noqa: S301  (written just above)
    assert back["paths"] == PATHS
    assert [type(p) for p in back["paths"]] == [type(p) for p in PATHS]
    assert [str(p) for p in back["paths"]] == [str(p) for p in PATHS]
    first = back["paths"][0]
    assert hash(first) == hash(PATHS[0]) and first in set(PATHS)
    assert first.parent == Path("/repo/posts/2026/05") and first.suffix == ".md"
    assert first.with_name("x.md") == Path("/repo/posts/2026/05/x.md")
    assert back["paths"][2] / "a" == Path("a")


def test_a_cache_file_keeps_its_paths_and_reads_plainly_pickled_ones(tmp_path: Path) -> None:
    memo = DiskMemo[list[Path]](tmp_path / "jalur.pickle", "generasi-1")
    assert memo.get("kunci", lambda: list(PATHS)) == PATHS
    memo.save()
    again = DiskMemo[list[Path]](tmp_path / "jalur.pickle", "generasi-1")
    assert again.get("kunci", lambda: []) == PATHS
    assert again.added == 0
    plain = pickle.loads(pickle.dumps(PATHS))  # noqa: S301  (as Python pickles them)
    out = io.BytesIO()
    quickpaths.dump(plain, out)
    assert pickle.loads(out.getvalue()) == PATHS  # noqa: S301
