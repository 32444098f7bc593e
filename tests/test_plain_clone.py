"""The suite runs from a plain clone: nothing is read from beside the repository."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE = re.compile(r"""\.\./shared|parent\s*/\s*["']shared["']|parents\[\d\]\s*/\s*["']shared""")


def test_no_test_or_script_reads_the_shared_folder_beside_the_repository() -> None:
    readers = [path.relative_to(ROOT).as_posix()
               for folder in ("tests", "scripts", ".ci")
               for path in sorted((ROOT / folder).rglob("*"))
               if path.is_file() and path.suffix in (".py", ".sh", "") and path != Path(__file__)
               and OUTSIDE.search(path.read_text(encoding="utf-8", errors="replace"))]
    assert readers == []


def test_the_conformance_data_is_vendored_with_its_licence() -> None:
    data = ROOT / "tests" / "data" / "twitter-text"
    for name in ("validate.yml", "extract.yml", "tlds.yml"):
        assert (data / name).stat().st_size > 1000, name
    assert "Apache License" in (data / "LICENSE").read_text(encoding="utf-8")
