"""``kalender serve`` (issue 23, branch serve14): a post page's key is the last rebuild's while
its file, source, view and post digest are the same (``kalender.plugin.keptpostpages``). Every
change a post page shows is still seen on the next rebuild, and the served site stays byte for
byte the site a build from nothing makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.approval.machine import Action
from kalender.plugin.site_plugin import KalenderPlugin
from kalender.workflow.actions import perform
from samplecopy import served_sample
from samplekeys import sample_signer
from test_incremental import import_comments
from test_serve_kept import DRAFT, edit_caption
from test_serve_memory import EDITED, TODAY, clean_build, differing, serve_build
from test_serve_tenk import post_file


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, TODAY)


def post_pages(plugin: KalenderPlugin) -> int:
    assert plugin.files is not None
    return sum(file.src_uri.startswith("pos/") for file in plugin.files.documentation_pages())


def page_of(served: Path, stem: str) -> str:
    return (served / "pos" / stem / "index.html").read_text(encoding="utf-8")


def same_as_from_nothing(sample: Path, served: Path, site: Path) -> None:
    clean_build(sample, site)
    assert differing(served, site) == []


def test_a_caption_edit_keys_only_the_edited_post_page_again(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)  # mkdocs may hand over an earlier test's plugin
    kept = plugin.page_keys.post_pages
    edit_caption(sample, "Diubah, kunci pos lain tetap.")
    serve_build(sample, served)
    assert kept.reused == post_pages(plugin) - 1  # the edited post's page keyed again
    assert "Diubah, kunci pos lain tetap." in page_of(served, DRAFT)
    edit_caption(sample, "Diubah lagi.")
    serve_build(sample, served)
    assert kept.reused == post_pages(plugin) - 1  # the page keyed again is kept again
    assert "Diubah lagi." in page_of(served, DRAFT)
    same_as_from_nothing(sample, served, tmp_path / "clean")


def test_a_post_page_whose_post_is_the_same_object_sees_its_new_comments(
        sample: Path, tmp_path: Path) -> None:
    """Comments change a post's ``page`` digest, not its file, view or source."""
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    before = {p.relative_to(served): p.read_bytes() for p in served.glob("pos/*/index.html")}
    import_comments(sample)
    serve_build(sample, served)
    changed = [path for path, text in before.items() if (served / path).read_bytes() != text]
    assert changed  # the commented posts' pages show their threads
    assert plugin.page_keys.post_pages.reused == post_pages(plugin) - len(changed)
    same_as_from_nothing(sample, served, tmp_path / "clean")


def edit_post_caption(root: Path, stem: str, words: str) -> None:
    path = post_file(root, stem)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "caption: |\n", f"caption: |\n  {words}\n", 1), encoding="utf-8")


def test_a_new_week_an_approval_a_new_post_and_the_calendar_are_seen(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    kept = plugin.page_keys.post_pages

    moved = post_file(sample, DRAFT)  # to another week: another file, another post id
    later = moved.with_name("2027-01-06-cara-membaca-peraturan.md")
    later.write_text(moved.read_text(encoding="utf-8").replace(
        "date: 2026-12-29 14:00", "date: 2027-01-06 14:00"), encoding="utf-8")
    moved.unlink()
    serve_build(sample, served)
    assert kept.reused == 0  # the posts are others: every post page keyed anew
    assert "6 Januari 2027" in page_of(served, later.stem)
    assert not (served / "pos" / DRAFT).exists()
    edit_post_caption(sample, later.stem, "Sesudah pindah minggu.")
    serve_build(sample, served)
    assert kept.reused == post_pages(plugin) - 1
    assert "Sesudah pindah minggu." in page_of(served, later.stem)
    same_as_from_nothing(sample, served, tmp_path / "clean-moved")

    before = page_of(served, later.stem)
    perform(sample, later.stem, Action.SUBMIT, "rina", signer=sample_signer("rina"))
    serve_build(sample, served)
    assert page_of(served, later.stem) != before  # its state
    assert 0 < kept.reused < post_pages(plugin)
    same_as_from_nothing(sample, served, tmp_path / "clean-approval")

    new = later.with_name("2026-12-30-pos-baru-kunci.md")
    new.write_text(later.read_text(encoding="utf-8").replace(
        "date: 2027-01-06 14:00", "date: 2026-12-30 14:00"), encoding="utf-8")
    serve_build(sample, served)
    assert kept.reused == 0 and (served / "pos" / new.stem / "index.html").is_file()
    edit_post_caption(sample, new.stem, "Pos baru diubah.")
    serve_build(sample, served)
    assert kept.reused == post_pages(plugin) - 1
    assert "Pos baru diubah." in page_of(served, new.stem)
    same_as_from_nothing(sample, served, tmp_path / "clean-new")

    platforms = sample / "calendar" / "platforms.yml"
    platforms.write_text(platforms.read_text(encoding="utf-8").replace(
        "name: Instagram", "name: Instagram KPU", 1), encoding="utf-8")
    serve_build(sample, served)
    assert kept.reused == 0  # what every page shares changed
    assert "Instagram KPU" in page_of(served, EDITED)
    same_as_from_nothing(sample, served, tmp_path / "clean-calendar")
