"""The posts kept in the cache for the next process (``.cache/kalender/posts.pickle``): a
new build reads again only the post files whose bytes changed, and every post it takes from
the cache is the post a reading of the files gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kalender.core import postcache
from kalender.core.digests import DigestStore
from kalender.core.loader import Project, load_project
from kalender.core.memo import PerPost
from kalender.core.postcache import KeptPosts
from kalender.core.postmemo import post_key
from kalender.core.stattable import StatTable
from kalender.plugin.postkeys import post_keys
from kalender.site.incremental import input_stamp
from samplecopy import data_copy

EDITED = "2026-12-03-hak-pilih-penyandang-disabilitas"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return data_copy(tmp_path)


def load(root: Path, generation: str = "kode-1", walked: bool = False
         ) -> tuple[Project, KeptPosts]:
    """One process: the posts read through the cache file, which is then written
    (``walked``: after the walk of posts/ the site build makes first, as it does)."""
    table = None
    if walked:
        table = StatTable()
        input_stamp(root, [root / "posts"], table)
    posts = KeptPosts(root / ".cache" / "kalender" / "posts.pickle", generation)
    project = load_project(root, memory=posts, stats=table)
    read = posts.read
    posts.save()
    posts.read = read
    return project, posts


def post_file(root: Path) -> Path:
    return next((root / "posts").rglob(f"{EDITED}.md"))


def same_as_read_from_files(project: Project, root: Path) -> None:
    """The posts equal the posts a reading of the files gives, and so do their keys in the
    other caches (rule findings, previews), whose strings are shared another way."""
    fresh = load_project(root)
    assert project.posts == fresh.posts
    assert list(project.report) == list(fresh.report)
    assert [post_key(p) for p in project.posts] == [post_key(p) for p in fresh.posts]


def test_a_new_process_reads_only_the_edited_post(sample: Path) -> None:
    first, posts = load(sample)
    assert posts.read == first.files
    path = post_file(sample)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("caption: |\n", "caption: |\n  Diubah lagi.\n", 1),
                    encoding="utf-8")
    second, posts = load(sample)
    assert posts.read == 1
    edited = next(p for p in second.posts if p.id == EDITED)
    assert "Diubah lagi." in edited.caption_for("instagram").text
    same_as_read_from_files(second, sample)


@pytest.mark.parametrize("walked", [False, True], ids=["by bytes", "by times"])
def test_same_size_and_time_is_still_read_again(sample: Path, walked: bool,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-letter edit with the file's time put back: its bytes say it changed, and so
    does its change time when the post is known by its files' times (core.postcache)."""
    monkeypatch.setattr(postcache, "SETTLED_NS", 0)  # every file settled once walked
    load(sample, walked=walked)
    path = post_file(sample)
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "Pemilu" in text
    path.write_text(text.replace("Pemilu", "PemilU", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    second, posts = load(sample, walked=walked)
    assert posts.read == 1
    same_as_read_from_files(second, sample)


def test_a_replaced_picture_reads_its_post_again(sample: Path) -> None:
    load(sample)
    folder = post_file(sample).parent / EDITED
    (folder / "kartu-1.jpg").write_bytes((folder / "kartu-2.jpg").read_bytes())
    second, posts = load(sample)
    assert posts.read == 1
    same_as_read_from_files(second, sample)


def test_another_code_or_calendar_generation_reads_every_post(sample: Path) -> None:
    first, _ = load(sample)
    second, posts = load(sample, generation="kode-2")
    assert posts.read == first.files
    same_as_read_from_files(second, sample)


def test_a_post_with_a_problem_is_read_until_it_is_mended(sample: Path) -> None:
    folder = post_file(sample).parent / EDITED
    picture = (folder / "kartu-2.jpg").read_bytes()
    (folder / "kartu-2.jpg").unlink()
    first, _ = load(sample)
    assert any(p.code == "media.missing" for p in first.report)
    again, posts = load(sample)
    assert posts.read == 1  # the post with the missing picture, not taken from the cache
    assert any(p.code == "media.missing" for p in again.report)
    (folder / "kartu-2.jpg").write_bytes(picture)
    mended, posts = load(sample)
    assert posts.read == 1
    assert not any(p.code == "media.missing" for p in mended.report)
    edited = next(p for p in mended.posts if p.id == EDITED)
    assert [m.file for m in edited.media][-1].endswith("kartu-2.jpg")
    same_as_read_from_files(mended, sample)


def test_a_deleted_post_is_gone_from_the_cache(sample: Path) -> None:
    first, _ = load(sample)
    post_file(sample).unlink()
    second, posts = load(sample)
    assert posts.read == 0
    assert EDITED not in {p.id for p in second.posts}
    assert len(posts.kept) == first.files - 1


def keys_through(root: Path) -> tuple[dict[str, str], KeptPosts]:
    """One process: the posts read through the cache, each post's key taken as the site
    build takes it (kept with the post), then the cache written."""
    posts = KeptPosts(root / ".cache" / "kalender" / "posts.pickle", "kode-1")
    project = load_project(root, memory=posts)
    keys = post_keys(project, PerPost(), DigestStore(), posts)
    read = posts.read
    posts.save()
    posts.read = read
    return keys, posts


def test_the_keys_kept_with_the_posts_are_the_keys_of_the_files(sample: Path) -> None:
    keys_through(sample)
    kept, posts = keys_through(sample)
    assert posts.read == 0
    assert all(posts.key_of(p.post) for p in posts.kept.values())
    assert kept == {p.id: post_key(p) for p in load_project(sample).posts}
    path = post_file(sample)  # a caption and a picture: the edited post's key changes
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("caption: |\n", "caption: |\n  Diubah lagi.\n", 1),
                    encoding="utf-8")
    folder = path.parent / EDITED
    (folder / "kartu-1.jpg").write_bytes((folder / "kartu-2.jpg").read_bytes())
    edited, posts = keys_through(sample)
    assert posts.read == 1
    assert edited[EDITED] != kept[EDITED]
    assert edited == {p.id: post_key(p) for p in load_project(sample).posts}
    again, posts = keys_through(sample)
    assert posts.read == 0 and again == edited


def test_the_posts_share_the_short_texts_they_repeat(sample: Path) -> None:
    """Platforms, formats and hashtags are one string object for every post, read from the
    files or from the cache (core.sharedtext: memory at 10,000 posts)."""
    first, _ = load(sample)
    again, posts = load(sample)
    assert posts.read == 0  # from the cache
    for project in (first, again):
        named = [t.platform for p in project.posts for t in p.targets if t.platform == "instagram"]
        tags = [h for p in project.posts for h in p.hashtags if h == "JDIHKPU"]
        for texts in (named, tags):
            assert len(texts) > 5
            assert all(text is texts[0] for text in texts)
