"""The manifest is written entry by entry by the C encoder, byte for byte as ``json.dump``
wrote it (issue 23, branch edit9), and read back the same."""

from __future__ import annotations

import io
import json
from dataclasses import fields
from pathlib import Path

from kalender.site.incremental import Manifest
from kalender.site.jsonpieces import write_json

ODD = {"é": "caf\u00e9 \u2014 \"kutip\" \\ \n", "angka": 1.5e-7, "kosong": {}, "daftar": [1, None]}


def _manifest() -> Manifest:
    return Manifest(site_dir="/tmp/situs", shared="a" * 64, stamp="b" * 64, today="2026-11-30",
                    timezone="Asia/Pontianak", good=True, media=["/luar/foto.jpg"],
                    pages={"minggu/2026-W48/index.md": "c" * 64, "pos/é.md": "d"},
                    sources={"pos/é.md": "# Judul\n\n\u201cKeterangan\u201d\t\u0001"},
                    statics={}, search={"pos/é.md": [ODD, {"text": "</script>"}]},
                    outputs=["index.html", "pos/é/index.html"])


def test_written_as_json_dump_wrote_it(tmp_path: Path) -> None:
    manifest = _manifest()
    path = tmp_path / "kalender" / "site-x.json"
    manifest.save(path)
    data = {f.name: getattr(manifest, f.name) for f in fields(manifest)}
    expected = io.StringIO()
    json.dump(data, expected, ensure_ascii=False, separators=(",", ":"))
    assert path.read_text(encoding="utf-8") == expected.getvalue()
    assert Manifest.load(path) == manifest


def test_mappings_with_keys_that_are_not_strings_are_written_whole() -> None:
    data = {"pages": {1: "satu", "dua": 2}, "good": False, "list": [{"a": 1}]}
    out = io.StringIO()
    write_json(out, data)
    assert out.getvalue() == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
