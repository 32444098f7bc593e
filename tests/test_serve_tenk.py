"""What ``kalender serve`` keeps for N = 10,000 (issue 23, branch ``serve10k``): the page
objects of pages no build has read, the pages' Markdown sources by view object
(:class:`kalender.plugin.keptfiles.KeptFiles`), the sorted list of post files while the
names are the same and the walk's answer for a file it did not find
(:mod:`kalender.core.stattable`). After a caption edit, a new post, a deleted one, a post
moved to another day and a change of the calendar data, the served site is byte for byte
the site a build from nothing makes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kalender.core import stattable
from kalender.core.stattable import SortedPaths, StatTable
from kalender.plugin.pagework import OneParserPage
from kalender.plugin.site_plugin import KalenderPlugin
from kalender.site.incremental import input_stamp
from test_serve_memory import EDITED, clean_build, differing, serve_build
from test_serve_memory import sample as sample  # the served sample fixture

MOVED = "2026-12-29-cara-membaca-peraturan"  # a draft without approval records
NEW = "2026-12-30-pos-baru-saat-serve"
DELETED = "2026-12-14-ringkasan-pkpu-14-2020"


def post_file(root: Path, stem: str) -> Path:
    return next((root / "posts").rglob(f"{stem}.md"))


def pages(plugin: KalenderPlugin) -> dict[str, OneParserPage]:
    """The page objects of the post, week and month pages of the last build."""
    assert plugin.files is not None
    return {file.src_uri: file.page for file in plugin.files.documentation_pages()
            if isinstance(file.page, OneParserPage)}


def same_as_from_nothing(sample: Path, served: Path, tmp_path: Path, name: str) -> None:
    clean_build(sample, tmp_path / name)
    assert differing(served, tmp_path / name) == []


def test_kept_page_objects_and_sources_follow_every_change_under_serve(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    first = pages(plugin)
    # every page the first build rendered has a new, unread page object for the next build
    assert first and all(page.markdown is None for page in first.values())

    # a caption edit: the unread page objects and sources are kept, the edited post's not
    edited = post_file(sample, MOVED)  # a draft: no count or legend changes
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "caption: |\n", "caption: |\n  Diubah, halaman lain tetap.\n", 1), encoding="utf-8")
    serve_build(sample, served)
    second = pages(plugin)
    assert plugin.page_files.pages_kept == len(second)  # every page object was unread
    kept = sum(page is first.get(uri) for uri, page in second.items())
    assert len(second) // 2 < kept < len(second)  # those rendered are made anew after
    assert second[f"pos/{MOVED}/index.md"] is not first[f"pos/{MOVED}/index.md"]  # rendered
    assert all(page.markdown is None for page in second.values())  # and made anew after
    assert "Diubah, halaman lain tetap." in \
        (served / "pos" / MOVED / "index.html").read_text(encoding="utf-8")
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "Diubah, halaman lain tetap.", "Diubah lagi.", 1), encoding="utf-8")
    serve_build(sample, served)
    third = pages(plugin)
    assert plugin.page_files.pages_kept == len(third)
    assert len(third) // 2 < sum(third[u] is p for u, p in second.items()) < len(third)
    assert third[f"pos/{MOVED}/index.md"] is not second[f"pos/{MOVED}/index.md"]
    same_as_from_nothing(sample, served, tmp_path, "clean-edit")

    # a new post file, a deleted one, a post moved to another day
    moved = post_file(sample, MOVED)
    text = moved.read_text(encoding="utf-8")
    new_text = text.replace("date: 2026-12-29 14:00", "date: 2026-12-30 10:00").replace(
        "title: \"Cara Membaca", "title: \"Pos Baru: Cara Membaca")
    moved.with_name(f"{NEW}.md").write_text(new_text, encoding="utf-8")
    deleted = post_file(sample, DELETED)
    deleted.unlink()
    deleted.with_name(f"{DELETED}.persetujuan.yml").unlink(missing_ok=True)
    later = "2026-12-31-cara-membaca-peraturan"
    moved.unlink()  # its media stay in their folder, named as before
    moved.with_name(f"{later}.md").write_text(
        text.replace("date: 2026-12-29 14:00", "date: 2026-12-31 14:00"), encoding="utf-8")
    serve_build(sample, served)
    assert (served / "pos" / NEW / "index.html").is_file()
    assert (served / "pos" / later / "index.html").is_file()
    assert not (served / "pos" / DELETED).exists()
    assert not (served / "pos" / MOVED).exists()
    same_as_from_nothing(sample, served, tmp_path, "clean-files")

    # the calendar data: every page rendered again (an unread page object may be used)
    before = pages(plugin)
    platforms = sample / "calendar" / "platforms.yml"
    platforms.write_text(platforms.read_text(encoding="utf-8").replace(
        "name: Instagram", "name: Instagram KPU", 1), encoding="utf-8")
    serve_build(sample, served)
    after = pages(plugin)
    assert after and not any(page is before.get(uri) for uri, page in after.items())
    assert "Instagram KPU" in (served / "pos" / EDITED / "index.html").read_text(
        encoding="utf-8")
    same_as_from_nothing(sample, served, tmp_path, "clean-calendar")


def walked(root: Path) -> StatTable:
    table = StatTable()
    input_stamp(root, [root / "posts"], table)
    return table


def test_a_file_the_walk_did_not_find_in_a_folder_it_listed_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "posts" / "2026" / "12"
    folder.mkdir(parents=True)
    (folder / "2026-12-01-a.md").write_text("a", encoding="utf-8")
    outside = tmp_path / "lain.yml"
    outside.write_text("b", encoding="utf-8")
    table = walked(tmp_path)
    records = folder / "2026-12-01-a.persetujuan.yml"
    records.write_text("c", encoding="utf-8")  # written after the walk
    asked: list[str] = []
    real = stattable.size_and_time
    monkeypatch.setattr(stattable, "size_and_time",
                        lambda path: asked.append(os.fspath(path)) or real(path))
    assert table.stat(folder / "2026-12-01-a.md") == (1, (folder / "2026-12-01-a.md")
                                                      .stat().st_mtime_ns)
    assert table.stat(records) is None  # as the walk saw it: the next build sees it
    assert table.stat(outside) == (1, outside.stat().st_mtime_ns)  # not walked: stat-ed
    assert asked == [os.fspath(outside)]
    assert walked(tmp_path).stat(records) == (1, records.stat().st_mtime_ns)


def test_the_sorted_post_files_follow_the_names() -> None:
    kept = SortedPaths()
    names = ["/r/posts/2026/12/b.md", "/r/posts/2026-x.md", "/r/posts/2026/12/a.md"]
    first = kept.paths(names)
    assert first == sorted(Path(n) for n in names)
    first.append(Path("/r/lain.md"))  # a caller's own copy
    again = kept.paths(list(names))
    assert again == sorted(Path(n) for n in names)
    assert all(a is b for a, b in zip(again, kept.sorted, strict=True))  # the same objects
    added = kept.paths([*names, "/r/posts/2026/12/0.md"])
    assert Path("/r/posts/2026/12/0.md") in added and len(added) == 4
    assert kept.paths(names[1:]) == sorted(Path(n) for n in names[1:])  # one deleted
    assert kept.paths([]) == []
