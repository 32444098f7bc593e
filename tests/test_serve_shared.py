"""Equal values that many posts repeat are one object in what ``kalender serve`` keeps
between builds (issue 23, branch ``memory11``): a picture's path, its entries in the posts'
stamps and its planned rendition, the line numbers of posts written from one layout. A
rebuild after one of those posts changes still serves the site a build from nothing makes."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kalender.core.loader import load_project
from kalender.core.memo import PerPost, PostFiles
from kalender.core.model import Post, Status
from kalender.media.images import Framing
from kalender.media.mediacache import Rendition
from kalender.media.shared import alike
from kalender.plugin.site_plugin import KalenderPlugin
from samplecopy import data_copy, served_sample
from test_serve_memory import clean_build, differing, serve_build

SHOWN = "2026-12-02-pengumuman-pkpu-8-2019"  # its picture kartu-1.jpg, shown by OTHER too
OTHER = "2026-12-03-hak-pilih-penyandang-disabilitas"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, "2026-12-02")


def show_shown_picture(root: Path, extra: str = "") -> None:
    """OTHER's first picture becomes SHOWN's (``extra``: lines added under it)."""
    path = next((root / "posts").rglob(f"{OTHER}.md"))
    text = path.read_text(encoding="utf-8")
    new = text.replace(f"file: {OTHER}/kartu-1.jpg\n", f"file: {SHOWN}/kartu-1.jpg\n{extra}")
    assert new != text
    path.write_text(new, encoding="utf-8")


def test_posts_written_alike_share_their_picture_paths_line_numbers_and_stamp_entries(
        tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    shown = next((root / "posts").rglob(f"{SHOWN}.md"))
    copy = shown.with_name(f"{SHOWN}-salinan.md")
    copy.write_text(shown.read_text(encoding="utf-8"), encoding="utf-8")
    memory = PostFiles()
    posts = {p.id: p for p in load_project(root, memory=memory).posts}
    one, other = posts[SHOWN], posts[f"{SHOWN}-salinan"]
    assert one.media[0].path == other.media[0].path
    assert one.media[0].path is other.media[0].path
    assert one.lines == other.lines and one.lines is other.lines
    assert one.line("media", 0, "alt") == other.line("media", 0, "alt") > 1
    stamps = [memory._read[p.path].stamp for p in (one, other)]
    assert stamps[0][2] == stamps[1][2] and stamps[0][2] is stamps[1][2]  # its picture
    assert stamps[0][0] != stamps[1][0]  # each post's own file
    different = posts[OTHER]
    assert different.lines is not one.lines and different.line("media", 1, "alt") > 1


def rendition(focus: tuple[float, float]) -> Rendition:
    framing = Framing((4000, 3000), (500, 0, 3500, 3000), (1080, 1080), focus)
    return Rendition(Path("/foto.jpg"), "abc", framing, (720, 720))


def test_a_rendition_stands_for_another_only_when_every_number_has_its_type() -> None:
    assert alike(rendition((0.5, 0.5)), rendition((0.5, 0.5)))
    assert rendition((0, 1)) == rendition((0.0, 1.0))
    assert not alike(rendition((0, 1)), rendition((0.0, 1.0)))
    assert not alike(rendition((0.5, 0.5)), rendition((0.2, 0.5)))


def kept_plans(plugin: KalenderPlugin) -> list[tuple[Post, list[Any]]]:
    return [(post, kept) for token, kept in plugin.memory.plans._values.items()
            if (post := token()) is not None]


def test_a_picture_two_posts_show_is_planned_once_and_reframing_it_in_one_serves_right(
        sample: Path, tmp_path: Path) -> None:
    show_shown_picture(sample)
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    plans = {post.id: kept for post, kept in kept_plans(plugin)}
    pictures = {post: {id(r): r for plan in plans[post] for _, _, r in plan.pictures}
                for post in (SHOWN, OTHER)}
    shared = pictures[SHOWN].keys() & pictures[OTHER].keys()
    assert shared  # the same rendition object, kept by serve in both posts' plans
    first = [pictures[SHOWN][i] for i in shared]

    path = next((sample / "posts").rglob(f"{OTHER}.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"file: {SHOWN}/kartu-1.jpg\n",
                                 f"file: {SHOWN}/kartu-1.jpg\n    focus: [0.2, 0.9]\n"),
                    encoding="utf-8")
    again = serve_build(sample, served)
    assert again is plugin
    plans = {post.id: kept for post, kept in kept_plans(plugin)}
    kept = {id(r) for plan in plans[SHOWN] for _, _, r in plan.pictures}
    assert {id(r) for r in first} <= kept  # SHOWN was not planned again
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []


def a_post(name: str) -> Post:
    when = dt.datetime(2026, 12, 2, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    return Post(name, Path(f"/pos/{name}.md"), "Judul", when, True, "rutin", "edukasi",
                Status.DRAF)


def test_every_memo_of_a_post_keys_its_value_by_one_object_and_a_new_post_gets_none_of_the_old(
        ) -> None:
    findings: PerPost[str] = PerPost()
    views: PerPost[str] = PerPost()
    post = a_post("2026-12-02-a")
    assert findings.get(post, lambda: "temuan") == "temuan"
    assert views.get(post, lambda: "tampilan") == "tampilan"
    assert findings.get(post, lambda: "lagi") == "temuan"  # remembered
    key, = findings._values
    assert next(iter(views._values)) is key  # one key for both memos, not one each
    del post, key
    gc.collect()
    for _ in range(50):  # new post objects, some of them where the old one was
        again = a_post("2026-12-02-a")
        assert findings.get(again, lambda: "baru") == "baru"
        assert views.get(again, lambda: "baru") == "baru"
        del again
