"""The search index written entry by entry has the same bytes as mkdocs-material's own
writer and the offline plugin's script (issue 23: peak memory at the end of a build)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchIndex, SearchPlugin

from kalender.plugin.searchwrite import ENTRIES_AT_ONCE, write_search_index

ENTRIES: list[dict[str, Any]] = [
    {"location": "pos/a/", "title": "Hari Antikorupsi — “kutipan”", "text": "Tips &amp; trik\n\t"},
    {"location": "pos/a/#bagian", "title": "Bagian", "text": "", "tags": ["hukum", "ü"]},
    {"location": "kalender/", "title": "Kalender", "text": "tanggal", "boost": 1.5,
     "when": dt.date(2026, 12, 9)},  # not JSON: both writers fall back to str()
]


def _plugins(site: Path, offline: bool, entries: list[dict[str, Any]] | None = None
             ) -> tuple[Any, Any, Any]:
    search = SearchPlugin()
    search.load_config({"lang": ["id"], "separator": r"[\s\-]+", "pipeline": ["stemmer"]})
    search.config.fields = {"title": {"boost": 1e3}, "text": {"boost": 1e0}}
    search.search_index = SearchIndex(**search.config)
    search.search_index.entries = [dict(entry) for entry in
                                   (ENTRIES if entries is None else entries)]
    search.search_index_prev = None
    search.is_dirty = False
    plugins = {"material/search": search}
    extra = OfflinePlugin()
    extra.load_config({})
    if offline:
        plugins["material/offline"] = extra
    config = SimpleNamespace(site_dir=str(site), plugins=plugins)
    return config, search, extra


def _material_writes(site: Path, offline: bool,
                     entries: list[dict[str, Any]] | None = None) -> None:
    config, search, extra = _plugins(site, offline, entries)
    search.on_post_build(config=config)
    if offline:
        extra.on_post_build(config=config)


def test_same_bytes_as_material_with_offline_script(tmp_path: Path) -> None:
    _material_writes(tmp_path / "theirs", offline=True)
    config, search, extra = _plugins(tmp_path / "ours", offline=True)
    assert write_search_index(config) is True  # type: ignore[arg-type]
    for name in ("search_index.json", "search_index.js"):
        ours = (tmp_path / "ours" / "search" / name).read_bytes()
        theirs = (tmp_path / "theirs" / "search" / name).read_bytes()
        assert ours == theirs, name
    assert "Antikorupsi" in (tmp_path / "ours" / "search" / "search_index.js").read_text("utf-8")
    # the plugins' own writers are off for this build: they would only write it again
    assert not search.config.enabled and not extra.config.enabled


def test_without_offline_plugin_only_the_json(tmp_path: Path) -> None:
    _material_writes(tmp_path / "theirs", offline=False)
    config, _, _ = _plugins(tmp_path / "ours", offline=False)
    assert write_search_index(config) is True  # type: ignore[arg-type]
    assert (tmp_path / "ours" / "search" / "search_index.json").read_bytes() == \
        (tmp_path / "theirs" / "search" / "search_index.json").read_bytes()
    assert not (tmp_path / "ours" / "search" / "search_index.js").exists()


def test_an_index_to_merge_is_left_to_material(tmp_path: Path) -> None:
    config, search, _ = _plugins(tmp_path, offline=True)
    search.search_index_prev = SearchIndex(**search.config)  # `serve` merges with this one
    assert write_search_index(config) is False  # type: ignore[arg-type]
    assert search.config.enabled and not (tmp_path / "search").exists()


@pytest.mark.parametrize("count", [0, 1, ENTRIES_AT_ONCE - 1, ENTRIES_AT_ONCE,
                                   ENTRIES_AT_ONCE + 1, 2 * ENTRIES_AT_ONCE + 5],
                         ids=lambda count: f"{count}-entries")
def test_entries_encoded_a_few_hundred_at_once_give_the_same_bytes(tmp_path: Path,
                                                                   count: int) -> None:
    entries = [dict(ENTRIES[number % len(ENTRIES)], location=f"pos/{number}/")
               for number in range(count)]
    _material_writes(tmp_path / "theirs", offline=True, entries=entries)
    config, _, _ = _plugins(tmp_path / "ours", offline=True, entries=entries)
    assert write_search_index(config) is True  # type: ignore[arg-type]
    for name in ("search_index.json", "search_index.js"):
        assert (tmp_path / "ours" / "search" / name).read_bytes() == \
            (tmp_path / "theirs" / "search" / name).read_bytes(), name
