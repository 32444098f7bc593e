"""The build's manifest is pickled in pieces (issue 23, branch edit12): read back equal to
what was written, and a file of other code (the JSON manifest of earlier versions, a damaged
one) reads as an empty manifest, so the next build renders every page again."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from kalender.site.incremental import MANIFESTS_KEPT, Manifest, manifest_path
from kalender.site.manifestfile import PIECE

ODD = {"é": "caf\u00e9 \u2014 \"kutip\" \\ \n", "angka": 1.5e-7, "kosong": {}, "daftar": [1, None]}
PAGES = PIECE * 2 + 3  # three pieces: the last one short


def _manifest() -> Manifest:
    pages = {f"pos/{n:05d}-é.md": f"{n:064x}" for n in range(PAGES)}
    return Manifest(site_dir="/tmp/situs", shared="a" * 64, stamp="b" * 64, today="2026-11-30",
                    timezone="Asia/Pontianak", good=True, media=["/luar/foto.jpg"],
                    pages=pages,
                    sources={page: f"# Judul {page}\n\n\u201cKeterangan\u201d\t\u0001"
                             for page in pages},
                    statics={"laporan/2026-2/grafik.png": "/cache/laporan/grafik.png"},
                    search={page: [ODD, {"text": "</script>", "location": page}]
                            for page in pages},
                    outputs=sorted(f"{page[:-3]}/index.html" for page in pages))


def test_a_manifest_is_read_back_as_it_was_written(tmp_path: Path) -> None:
    manifest = _manifest()
    path = manifest_path(tmp_path, str(tmp_path / "site"))
    manifest.save(path)
    assert path.suffix == ".pickle"
    read = Manifest.load(path)
    assert read == manifest
    assert list(read.pages) == list(manifest.pages)  # in the order written
    for name in [f.name for f in fields(Manifest)]:
        assert type(getattr(read, name)) is type(getattr(manifest, name)), name


def test_an_empty_manifest_is_read_back_empty(tmp_path: Path) -> None:
    path = tmp_path / "kalender" / "site-x.pickle"
    Manifest().save(path)
    assert Manifest.load(path) == Manifest()


@pytest.mark.parametrize("content", [
    json.dumps({f.name: getattr(Manifest(good=True, shared="a"), f.name)
                for f in fields(Manifest)} | {"version": 1}).encode(),
    b"",
    b"\x80\x05 rusak",
], ids=["json-of-older-code", "empty-file", "damaged"])
def test_a_file_that_is_not_this_codes_manifest_is_an_empty_one(tmp_path: Path,
                                                                 content: bytes) -> None:
    path = tmp_path / "site-x.pickle"
    path.write_bytes(content)
    assert Manifest.load(path) == Manifest()  # not good, no keys: every page renders


def test_a_truncated_manifest_is_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "site-x.pickle"
    _manifest().save(path)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert Manifest.load(path) == Manifest()


def test_the_json_manifests_of_older_code_go_with_the_oldest(tmp_path: Path) -> None:
    folder = tmp_path / "kalender"
    folder.mkdir()
    old = [folder / f"site-{n:016x}.json" for n in range(MANIFESTS_KEPT)]
    for path in old:
        path.write_text("{}", encoding="utf-8")
    Manifest().save(folder / "site-baru.pickle")
    left = sorted(p.name for p in folder.iterdir())
    assert "site-baru.pickle" in left
    assert len(left) == MANIFESTS_KEPT
