"""What ``kalender serve`` holds of its last build until the next (issue 23, branch
``memory8``): no written page keeps its HTML, Markdown or table of contents, nor a calendar
page its front matter, an empty list of links or a set of anchors of its own (``memory9``:
written.py; the kept files
hold the page objects, :mod:`kalender.plugin.keptfiles`), and the page keys let go of the
last build's data as each page is keyed again (:mod:`kalender.plugin.keptkeys`); the search
index is written a piece at a time at every build (:mod:`kalender.plugin.searchwrite`). A
rebuild after a caption edit still serves, byte for byte, the site a build from nothing
makes, its search index included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.structure.pages import Page

from kalender.plugin import searchwrite
from kalender.plugin.pagework import OneParserPage
from kalender.plugin.site_plugin import KalenderPlugin
from test_serve_memory import EDITED, clean_build, differing, serve_build
from test_serve_memory import sample as sample  # the served sample fixture


def written_pages(plugin: KalenderPlugin) -> list[Page]:
    """The page objects of the last build that mkdocs rendered and wrote."""
    assert plugin.files is not None
    return [file.page for file in plugin.files.documentation_pages()
            if file.page is not None and file.page.markdown is not None]


def test_serve_holds_no_written_page_s_text_and_a_rebuild_serves_the_same(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written_indexes: list[int] = []
    write_index = searchwrite._write_index  # noqa: SLF001

    def counted(index: Any, outs: Any) -> None:
        written_indexes.append(len(index.entries))
        write_index(index, outs)

    monkeypatch.setattr(searchwrite, "_write_index", counted)
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    first = written_pages(plugin)
    assert any(page.file.generated_by for page in first)
    assert any(not page.file.generated_by for page in first)  # the handbook's pages too
    assert all(page.content is None and page.markdown == "" and not page.toc.items
               for page in first)
    assert all(page.title for page in first if page.file.generated_by)
    assert not any(page.links_to_anchors == {} for page in first)
    # The calendar pages outside the nav were rendered, then given a new page object for the
    # next build (keptfiles.renew_rendered, branch serve12): nothing read, nothing held.
    assert plugin.files is not None
    renewed = [file.page for file in plugin.files.documentation_pages()
               if isinstance(file.page, OneParserPage)]
    assert renewed and all(page.markdown is None and page.meta == {} for page in renewed)

    edited = next((sample / "posts").rglob(f"{EDITED}.md"))
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "caption: |\n", "caption: |\n  Keterangan disunting saat serve.\n", 1),
        encoding="utf-8")
    serve_build(sample, served)
    assert not plugin.page_keys.known  # every page was keyed again: nothing of the last
    assert len(written_indexes) == 2 and written_indexes[0] == written_indexes[1] > 0
    assert all(page.content is None and page.markdown == "" for page in written_pages(plugin))
    assert "Keterangan disunting saat serve." in \
        (served / "pos" / EDITED / "index.html").read_text(encoding="utf-8")
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
