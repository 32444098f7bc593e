"""A calendar page outside the nav is converted from Markdown when its own render starts,
not with every other page before the first render (plugin/laterpages.py, issue 23, branch
``memory8``); as mkdocs does when a plugin reads a page's HTML once converted."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kalender.plugin.laterpages import convert_as_rendered, convert_pending
from kalender.plugin.pagework import OneParserPage

SOURCE = "---\ntitle: Pos uji\n---\n\n# Judul pos\n\nIsi [bagian](#bagian).\n\n## Bagian\n"


def made(tmp_path: Path) -> tuple[MkDocsConfig, Files, OneParserPage]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"),
                      "site_dir": str(tmp_path / "site"),
                      "markdown_extensions": ["toc"]})
    (tmp_path / "docs").mkdir()
    assert config.validate() == ([], [])
    config.plugins._current_plugin = "kalender"  # noqa: SLF001  (as while a plugin runs)
    file = File.generated(config, "pos/uji/index.md", content=SOURCE)
    page = OneParserPage(None, file, config)
    page.read_source(config)
    return config, Files([file]), page


def test_a_calendar_page_is_converted_when_its_render_starts(tmp_path: Path) -> None:
    config, files, page = made(tmp_path)
    assert convert_as_rendered(config)
    assert config.plugins.events["page_context"][0] is convert_pending
    page.render(config, files)  # as mkdocs populates every page before the first render
    assert page.content == "" and not page.toc and page.present_anchor_ids is None
    convert_pending({}, page=page, config=config, nav=None)  # type: ignore[arg-type]
    assert page.content is not None and '<h2 id="bagian">Bagian</h2>' in page.content
    assert [item.title for item in page.toc.items] == ["Judul pos"]
    assert page.present_anchor_ids is not None and "bagian" in page.present_anchor_ids
    assert page.title == "Pos uji"
    html = page.content
    convert_pending({}, page=page, config=config, nav=None)  # type: ignore[arg-type]
    assert page.content is html  # converted once


def test_a_plugin_reading_the_html_once_converted_sees_it_as_mkdocs_gives_it(
        tmp_path: Path) -> None:
    config, files, page = made(tmp_path)
    config.plugins.events["page_content"].append(lambda html, **_: html)
    assert not convert_as_rendered(config)
    page.render(config, files)
    assert page.content is not None and '<h2 id="bagian">Bagian</h2>' in page.content
