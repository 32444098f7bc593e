"""A large page written to disk while it renders (plugin/streaming.py): the same bytes as the
page held whole, nothing left behind when its render fails, and no streaming when another
plugin reads the pages' output."""

from __future__ import annotations

import filecmp
from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.plugin import streaming
from kalender.plugin.streaming import STAND_IN, StreamedPages
from samplecopy import served_sample, site_built

TODAY = "2026-12-02"


def pieces(count: int) -> Iterator[str]:
    """A page's pieces, one of them beyond Latin-1 (as the list's dash) and one beyond
    the Basic Multilingual Plane (an emoji in a title)."""
    yield "<html>"
    for index in range(count):
        yield f"<li>Pos {index} – 🗳️ ok</li>\n"
    yield "</html>\n"


def written(pages: StreamedPages, destination: Path, text: str) -> None:
    """What mkdocs does with a page's output, then the next page's turn."""
    destination.write_bytes(text.encode("utf-8", errors="xmlcharrefreplace"))
    pages.expect(str(destination.parent / "next.html"))


def test_a_large_page_is_written_beside_its_stand_in_with_the_same_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "SPILL_AT", 1000)
    monkeypatch.setattr(streaming, "PIECES", 5)
    destination = tmp_path / "daftar" / "index.html"
    pages = StreamedPages()
    pages.expect(str(destination))
    text = pages(pieces(500))
    assert text == STAND_IN
    written(pages, destination, text)
    expected = "".join(pieces(500)).encode("utf-8")
    assert destination.read_bytes() == expected
    assert [p.name for p in destination.parent.iterdir()] == ["index.html"]


def test_a_small_page_and_the_renders_inside_a_page_stay_strings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "SPILL_AT", 1000)
    monkeypatch.setattr(streaming, "PIECES", 5)
    pages = StreamedPages()
    pages.expect(str(tmp_path / "a.html"))
    assert pages(pieces(3)) == "".join(pieces(3))
    inside: list[str] = []

    def page() -> Iterator[str]:
        yield "<p>awal</p>"
        inside.append(pages(pieces(500)))  # a macro's or a block's render inside the page's
        yield inside[-1]

    destination = tmp_path / "b.html"
    pages.expect(str(destination))
    text = pages(page())
    assert inside == ["".join(pieces(500))]
    written(pages, destination, text)
    assert destination.read_bytes() == ("<p>awal</p>" + inside[0]).encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]


def test_a_failed_render_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "SPILL_AT", 1000)
    monkeypatch.setattr(streaming, "PIECES", 5)

    def broken() -> Iterator[str]:
        yield from pieces(500)
        raise ValueError("template error")

    pages = StreamedPages()
    pages.expect(str(tmp_path / "index.html"))
    with pytest.raises(ValueError, match="template error"):
        pages(broken())
    pages.abandon()
    assert list(tmp_path.iterdir()) == []


def test_no_page_is_streamed_when_another_plugin_reads_the_output(tmp_path: Path) -> None:
    class Other:
        def on_post_page(self, output: str) -> str:
            return output

    ours = object()
    pages = StreamedPages().ready([Other().on_post_page], ours)
    pages.expect(str(tmp_path / "index.html"))
    assert pages(pieces(50_000)) == "".join(pieces(50_000))


def test_the_site_with_its_large_pages_streamed_is_the_same_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = served_sample(tmp_path, monkeypatch, TODAY)
    monkeypatch.setattr(streaming, "SPILL_AT", 10**12)
    site_built(root, tmp_path / "whole")
    streamed: list[Path] = []
    settle = StreamedPages.settle

    def counted(self: StreamedPages) -> None:
        streamed.extend(destination for _, destination in self.pending)
        settle(self)

    monkeypatch.setattr(StreamedPages, "settle", counted)
    monkeypatch.setattr(streaming, "SPILL_AT", 2000)
    monkeypatch.setattr(streaming, "PIECES", 20)
    site_built(root, tmp_path / "streamed")
    assert tmp_path / "streamed" / "daftar" / "index.html" in streamed
    assert len(streamed) > 20
    compared = filecmp.dircmp(tmp_path / "whole", tmp_path / "streamed")
    assert _differences(compared) == []


def _differences(compared: filecmp.dircmp[str]) -> list[str]:
    """Files only on one side or with other bytes, in every folder."""
    found = [*compared.left_only, *compared.right_only]
    _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right,
                                          compared.common_files, shallow=False)
    found += mismatch + errors
    for sub in compared.subdirs.values():
        found += _differences(sub)
    return found
