"""``kalender serve`` keeps each page's search entries packed between builds (issue 23,
branch ``memory13``): the JSON the index is written with, compressed, one ``bytes`` object per
page instead of a ``dict`` of three strings per entry. The index written from them has the
same bytes as mkdocs-material's, and a rebuild after an edit serves the index a build from
nothing writes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config

from kalender.plugin.searchwrite import write_search_index
from kalender.site.packedsearch import PackedEntries, flattened, packed
from samplecopy import served_sample
from test_searchwrite import ENTRIES, _material_writes, _plugins
from test_serve_memory import clean_build, differing, serve_build

EDITED = "2026-12-03-hak-pilih-penyandang-disabilitas"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, "2026-12-02")


def test_an_index_of_packed_pages_and_entries_has_material_s_bytes(tmp_path: Path) -> None:
    many = [{"location": f"pos/{i}/", "title": f"Pos {i}", "text": "kata " * i}
            for i in range(700)]  # more than one piece of the writer
    entries = [*ENTRIES, *many]
    _material_writes(tmp_path / "theirs", offline=True, entries=entries)
    config, search, _ = _plugins(tmp_path / "ours", offline=True, entries=entries)
    pages = {"a.md": entries[:2], "kalender.md": entries[2:3], "kosong.md": [],
             **{f"pos/{i}.md": [entry] for i, entry in enumerate(many[:400])},
             "rest.md": many[400:]}
    kept = packed(pages)
    assert all(type(kept[page]) is PackedEntries for page in pages if page != "kosong.md")
    search.search_index.entries = flattened([kept["a.md"], entries[2:3], *(
        kept[f"pos/{i}.md"] for i in range(400)), many[400:]])
    assert write_search_index(config) is True  # type: ignore[arg-type]
    for name in ("search_index.json", "search_index.js"):
        ours = (tmp_path / "ours" / "search" / name).read_bytes()
        assert ours == (tmp_path / "theirs" / "search" / name).read_bytes(), name
    assert search.search_index.entries == []  # written: not held until the next build
    assert kept["a.md"].entries()[0] == ENTRIES[0]
    assert kept["kalender.md"].entries()[0]["when"] == "2026-12-09"  # written with str()


def test_packed_entries_are_opened_for_mkdocs_material_s_own_writer(tmp_path: Path) -> None:
    config, search, _ = _plugins(tmp_path, offline=False)
    search.search_index.entries = flattened([packed({"a.md": ENTRIES[:2]})["a.md"]])
    search.search_index_prev = [{"location": "lama/"}]  # an index to merge: not ours to write
    assert write_search_index(config) is False  # type: ignore[arg-type]
    assert search.search_index.entries == ENTRIES[:2]


def test_serve_keeps_packed_search_entries_and_serves_the_index_of_a_build_from_nothing(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    (manifest,) = plugin.manifests.values()
    assert len(manifest.search) > 20
    kept = load_config(str(sample / "mkdocs.yml"), site_dir=str(served), strict=False)
    assert kept.plugins["material/search"].search_index.entries == []  # the same plugin
    assert all(type(entries) is PackedEntries for entries in manifest.search.values())
    page = f"pos/{EDITED}/index.md"
    assert "Edukasi singkat tentang" in manifest.search[page].text()

    edited = next((sample / "posts").rglob(f"{EDITED}.md"))
    text = edited.read_text(encoding="utf-8")
    assert "Edukasi singkat tentang" in text
    edited.write_text(text.replace("Edukasi singkat tentang", "Edukasi ringkas tentang"),
                      encoding="utf-8")
    assert serve_build(sample, served) is plugin
    (manifest,) = plugin.manifests.values()
    assert all(type(entries) is PackedEntries for entries in manifest.search.values())
    assert "Edukasi ringkas tentang" in manifest.search[page].text()
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
    index = json.loads((served / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"] if doc["location"].startswith(f"pos/{EDITED}/")]
    assert any("Edukasi ringkas tentang" in text for text in texts)
