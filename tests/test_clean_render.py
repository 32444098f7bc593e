"""A full render does some work once per build instead of once per page (issue 23, a cheaper
page): the same pages come out. The whole site is compared byte for byte elsewhere
(test_incremental.py, test_shared_parts.py); here each shortcut is compared with the work it
stands for."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kalender.core.i18n import page_words, set_language, t
from kalender.plugin.build import build_site
from kalender.plugin.joining import BATCH, joined
from kalender.plugin.pagework import OneParserPage, PageWords
from samplecopy import sample_copy

ROOT = Path(__file__).resolve().parent.parent

# Markdown that leaves state in a parser when it is not reset: headings with the same ids
# (the table of contents makes them unique within one page), reference links, footnote-like
# references, raw HTML with ids, admonitions, tables, attribute lists, links to anchors.
PAGES = {
    "pos/a/index.md": "# Judul\n\n## Ringkasan\n\nLihat [bawah][b] dan "
                      "[pos b](../b/index.md#ringkasan).\n\n[b]: #ringkasan\n\n"
                      "!!! note \"Catatan\"\n    Isi catatan.\n",
    "pos/b/index.md": "## Ringkasan\n\n## Ringkasan\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n"
                      "<div id=\"mentah\">HTML mentah</div>\n\nTeks [bawah][b].\n",
    "pos/c/index.md": "Tanpa judul. {: #paragraf .kelas }\n\n## Ringkasan\n\n[rusak](#tidak-ada)\n",
    "pos/d/index.md": "",
}


def test_joined_is_the_plain_join_around_every_batch_size() -> None:
    for count in (0, 1, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH, 3 * BATCH + 7):
        pieces = [f"<{index}>" for index in range(count)]
        assert joined(iter(pieces)) == "".join(pieces)


@pytest.mark.parametrize("language", ["id", "en"])
def test_page_words_say_what_the_catalog_says(language: str) -> None:
    set_language(language)
    try:
        with page_words():
            words = PageWords()
            for _ in range(2):  # asked again: the kept text
                assert words("site.field_when") == t("site.field_when")
                assert words("site.no_findings") == t("site.no_findings")
            assert words("preview.warning", count=3) == t("preview.warning", count=3)
            assert words("site.field_when", "en") == t("site.field_when", "en")
    finally:
        set_language(None)


def _config(folder: Path) -> MkDocsConfig:
    """The repository's Markdown extensions, in a config of its own."""
    docs = folder / "docs"
    docs.mkdir()
    (folder / "mkdocs.yml").write_text(
        "site_name: Uji\ndocs_dir: docs\nmarkdown_extensions:\n  - admonition\n"
        "  - attr_list\n  - tables\n  - toc:\n      permalink: true\n", encoding="utf-8")
    config = load_config(str(folder / "mkdocs.yml"))
    config.plugins._current_plugin = "kalender"  # noqa: SLF001  (as while a plugin runs)
    return config


def _rendered(kind: type[Page], config: MkDocsConfig) -> list[tuple[object, ...]]:
    files = Files([File.generated(config, path, content=text) for path, text in PAGES.items()])
    seen = []
    for file in files:
        page = kind(None, file, config)
        page.read_source(config)
        page.render(config, files)
        links = {target.src_uri: anchors
                 for target, anchors in (page.links_to_anchors or {}).items()}
        seen.append((page.content, str(page.toc), page.title, page.present_anchor_ids, links))
    return seen


def test_pages_of_one_parser_come_out_as_mkdocs_renders_them(tmp_path: Path) -> None:
    config = _config(tmp_path)
    mkdocs_own = _rendered(Page, config)
    assert _rendered(OneParserPage, config) == mkdocs_own
    assert _rendered(OneParserPage, config) == mkdocs_own  # the kept parser, once more
    assert 'id="ringkasan_1"' in str(mkdocs_own[1][0])  # the page's own ids, not the last's


def test_a_build_gives_every_object_back_to_the_collector(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The build sets what lives to its end aside from the cycle collector: afterwards
    (the review server builds many times in one process) nothing is left aside."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = sample_copy(tmp_path)
    gc.unfreeze()  # what an earlier test in this process (a serve test) set aside
    before = gc.get_freeze_count()
    site = build_site(root / "mkdocs.yml", None, None, None, clean=True)
    assert (site / "index.html").is_file()
    assert gc.get_freeze_count() == before
