"""What mkdocs keeps of a written page, let go (plugin/written.py): the HTML, Markdown and
table of contents of every page, under ``kalender build`` and ``kalender serve`` alike, the
title unchanged, and mkdocs' URL parts cache emptied as the pages are written."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import _norm_parts, get_relative_url

from kalender.plugin import written
from kalender.plugin.pagework import OneParserPage
from kalender.plugin.written import WrittenPages


def page(tmp_path: Path, name: str, generated: bool) -> Page:
    """A page as mkdocs holds it once written: its Markdown, meta and HTML."""
    config = MkDocsConfig()
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir(exist_ok=True)
    config.load_dict({"site_name": "t", "docs_dir": str(docs), "site_dir": str(site)})
    assert config.validate() == ([], [])
    config.plugins._current_plugin = "kalender"  # noqa: SLF001  (as while a plugin runs)
    if generated:
        file = File.generated(config, name, content="---\ntitle: Judul\n---\n\nIsi")
    else:
        (docs / name).write_text("# Judul\n\nIsi\n", encoding="utf-8")
        file = File(name, str(docs), str(site), use_directory_urls=False)
    made = Page(None, file, config)
    made.read_source(config)
    made.content = "<h1>Judul</h1><p>Isi</p>"
    made._title_from_render = "Judul"  # noqa: SLF001 (as render() sets it)
    return made


@pytest.mark.parametrize("generated", [True, False], ids=["generated", "hand-written"])
def test_a_written_page_lets_go_of_its_html_markdown_and_toc_and_keeps_its_title(
        tmp_path: Path, generated: bool) -> None:
    written_page = page(tmp_path, "pos.md", generated)
    written_page.toc = get_toc([{"level": 1, "id": "judul", "name": "Judul", "children": []}])
    WrittenPages().let_go(written_page)
    assert written_page.content is None
    assert written_page.markdown == ""
    assert not written_page.toc.items
    assert written_page.title == "Judul"


def test_the_url_parts_cache_is_emptied_every_so_many_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(written, "URL_PARTS_KEPT", 3)
    pages, one = WrittenPages(), page(tmp_path, "pos.md", True)
    _norm_parts.cache_clear()
    assert get_relative_url("pos/a/", "minggu/b/") == "../../pos/a/"
    for _ in range(2):
        pages.let_go(one)
    assert _norm_parts.cache_info().currsize == 2
    pages.let_go(one)
    assert _norm_parts.cache_info().currsize == 0
    assert get_relative_url("pos/a/", "minggu/b/") == "../../pos/a/"


def calendar_page(tmp_path: Path, name: str, anchors: set[str]) -> Page:
    """A written post page (outside the nav): its front matter and its anchors."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site")})
    assert config.validate() == ([], [])
    config.plugins._current_plugin = "kalender"  # noqa: SLF001
    file = File.generated(config, name, content='---\n{"title": "Pos uji", "hide": ["toc"]}\n'
                                                 "---\n\n## Ringkasan\n")
    made = OneParserPage(None, file, config)
    made.read_source(config)
    made.present_anchor_ids, made.links_to_anchors = set(anchors), {}
    return made


def test_a_written_calendar_page_keeps_its_title_and_anchors_in_less_room(
        tmp_path: Path) -> None:
    pages = WrittenPages()
    one, other = (calendar_page(tmp_path, f"pos/{n}.md", {"ringkasan"}) for n in "ab")
    for each in (one, other):
        assert each.meta and each.title == "Pos uji"
        pages.let_go(each)
    assert one.meta == {} and other.meta == {}
    assert one.title == "Pos uji" and other.title == "Pos uji"
    assert one.present_anchor_ids is other.present_anchor_ids  # one set for both
    assert "ringkasan" in (one.present_anchor_ids or ())
    assert one.links_to_anchors is None  # nothing to check on it


def test_a_written_page_in_the_nav_keeps_its_front_matter_and_its_links(
        tmp_path: Path) -> None:
    nav_page = page(tmp_path, "panduan.md", True)
    nav_page.links_to_anchors = {nav_page.file: {"isi": "#isi"}}
    WrittenPages().let_go(nav_page)
    assert nav_page.meta == {"title": "Judul"}  # the nav's templates may read it
    assert nav_page.links_to_anchors == {nav_page.file: {"isi": "#isi"}}
