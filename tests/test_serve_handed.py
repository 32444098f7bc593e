"""What a rebuild under ``kalender serve`` no longer does for what the edit cannot touch
(docs/riwayat/kinerja-serve.md, ``serve6``): the picture workers are handed only the posts read
again, the conversations are read once per build, and a week's view is digested once for the keys of
its week page and its meeting pages."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kalender.conversations import store
from kalender.core.problems import Report
from kalender.media.picturepool import PicturePool
from kalender.plugin.pictures import HandedPosts
from kalender.site.incremental import digest, page_key, posts_in
from kalender.site.viewdigests import ViewDigests
from samplecopy import served_sample
from test_serve_memory import clean_build, differing, entry, serve_build
from test_serve_quick import day

TODAY = "2026-12-02"
PICTURED = "2026-11-30-mengenal-jdih-kpu"  # a post with photos (kartu-1.jpg, ...)
OTHER_PICTURE = "2026-12-31-kuis-akhir-tahun-asas-pemilu"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, TODAY)


def project(*posts: object, calendar: object = "kalender") -> Any:
    return SimpleNamespace(posts=list(posts), calendar=calendar)


def test_only_posts_read_again_are_handed_on_the_same_day_and_calendar() -> None:
    handed, one, two, calendar = HandedPosts(), object(), object(), object()
    day_one, day_two = dt.date(2026, 12, 2), dt.date(2026, 12, 3)
    assert handed.new(project(one, two, calendar=calendar), day_one) == ([one, two], True)
    assert handed.new(project(one, two, calendar=calendar), day_one) == ([], False)
    edited = object()  # the loader's new object for a post whose files changed
    assert handed.new(project(one, edited, calendar=calendar), day_one) == ([edited], False)
    assert handed.new(project(one, edited, calendar=calendar), day_two) == ([one, edited], True)
    assert handed.new(project(one, edited, calendar=object()), day_two) == ([one, edited], True)
    handed.forget()  # a rebuild that failed: its pictures may not have been made
    assert handed.new(project(one, calendar=calendar), day_two) == ([one], True)


def test_a_serve_rebuild_hands_the_workers_the_new_picture_only_and_shows_it(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served = tmp_path / "served"
    serve_build(sample, served)
    asked: list[list[Path]] = []
    read = PicturePool.read

    def recorded(self: PicturePool, index: Any, paths: Iterable[Path], shown: Iterable[Path],
                 *rest: Any) -> None:
        paths, shown = list(paths), list(shown)
        asked.append(paths + shown)
        read(self, index, paths, shown, *rest)

    monkeypatch.setattr(PicturePool, "read", recorded)
    photo = next((sample / "posts").rglob(f"{PICTURED}/kartu-1.jpg"))
    other = next((sample / "posts").rglob(f"{OTHER_PICTURE}/kartu-1.jpg"))
    shutil.copyfile(other, photo)  # the same name, another picture
    serve_build(sample, served)
    assert photo.resolve() in {p.resolve() for p in asked[-1]}  # and the post's other photos
    assert {p.resolve().parent for p in asked[-1]} == {photo.resolve().parent}
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []  # its new thumbnail and previews

    post = next((sample / "posts").rglob(f"{OTHER_PICTURE}.md"))
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("caption: |\n", "caption: |\n  Diubah saat serve.\n", 1),
                    encoding="utf-8")
    serve_build(sample, served)
    assert {p.resolve().parent for p in asked[-1]} == {other.resolve().parent}  # its own only


def test_conversations_are_read_once_per_list_of_posts_inside_a_build(
        monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[object] = []

    def counted(posts: Any, report: Report, zone: Any) -> dict[str, Any]:
        reads.append(posts)
        report.error(Path("posts/a.percakapan.yml"), 1, "conversations.store_missing",
                     keys="id")
        return {"a": "percakapan"}

    monkeypatch.setattr(store, "_conversations_of", counted)
    posts, others = [object()], [object()]
    with store.read_once():
        first, second = Report(), Report()
        assert store.conversations_of(posts, first) == {"a": "percakapan"}  # type: ignore[arg-type]
        assert store.conversations_of(posts, second) == {"a": "percakapan"}  # type: ignore[arg-type]
        assert len(reads) == 1
        assert len(list(first)) == len(list(second)) == 1  # each caller told its problems
        store.conversations_of(others, Report())  # type: ignore[arg-type]
        assert len(reads) == 2
    store.conversations_of(posts, Report())  # type: ignore[arg-type]  # outside: read again
    assert len(reads) == 3


def test_a_digested_view_keys_a_page_as_its_view_does() -> None:
    ids = {"2026-12-03-a": "d1", "lain": "d2"}
    week = SimpleNamespace(title="Minggu 49", days=(day(entry("awal")),))
    views = ViewDigests(ids)
    assert views.of(week) is views.of(week)  # digested once
    assert views.of(week).posts == tuple(posts_in(week, ids)) == ("2026-12-03-a",)
    assert views.of(None) is None

    def key(view: object, digests: dict[str, str]) -> str:
        return page_key("bersama", "rapat/2026-W49/index.md", ("", (view,)), digests)

    same = ViewDigests(ids).of(SimpleNamespace(title="Minggu 49", days=(day(entry("awal")),)))
    assert key(same, ids) == key(views.of(week), ids)  # equal values, equal keys
    retitled = ViewDigests(ids).of(SimpleNamespace(title="Lain", days=week.days))
    assert key(retitled, ids) != key(views.of(week), ids)
    assert key(views.of(week), {**ids, "2026-12-03-a": "d3"}) != key(views.of(week), ids)
    assert views.of(week).digest == digest(week)
