"""The committed sample content: loads cleanly and covers what the handbook promises.

Every expectation is computed from the files and from ``calendar/`` (types from the model,
formats from ``platforms.yml``), not from a hard-coded list of post ids.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import av
import pytest
from PIL import Image

from kalender.core.loader import Project, load_project
from kalender.core.model import HASHTAG, TYPES, Post, Status
from kalender.rules.check import check_project

ROOT = Path(__file__).resolve().parent.parent
SOURCED_TYPES = {"edukasi-kepemiluan", "edukasi-non-kepemiluan", "materi-penyuluhan",
                 "pengumuman"}


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def posts(project: Project) -> list[Post]:
    return project.posts


def test_sample_loads_without_problems(project: Project) -> None:
    assert [p.message for p in project.report] == []
    assert len(project.posts) == len(list((ROOT / "posts").rglob("*.md")))


def test_sample_passes_every_rule(posts: list[Post]) -> None:
    """No error, and no warning except one: the sample's videos are deliberately tiny
    placeholders (under 200 KB), so "smaller than the advised size" is expected of them."""
    problems, count = check_project(ROOT)
    assert count.posts == len(posts)
    tiny_videos = {(post.path, post.line("media", index, "file")) for post in posts
                   for index, media in enumerate(post.media) if media.is_video}
    unexpected = [f"{p.where(ROOT)}: {p.message}" for p in problems
                  if not (p.code == "media.too_small" and (p.path, p.line) in tiny_videos
                          and not p.is_error)]
    assert unexpected == []


def test_between_35_and_45_posts_over_at_least_8_consecutive_weeks(posts: list[Post]) -> None:
    assert 35 <= len(posts) <= 45
    weeks = sorted({p.week for p in posts}, key=lambda w: w.monday)
    assert len(weeks) >= 8
    assert weeks[0].label == "2026-W49"  # Monday 30 November 2026
    assert [w.shifted(1) for w in weeks[:-1]] == weeks[1:]  # no week left out
    assert weeks[-1].monday.isoformat() >= "2027-01-18"  # into late January


def test_three_to_six_posts_every_week(posts: list[Post]) -> None:
    per_week = Counter(p.week.label for p in posts)
    assert all(3 <= n <= 6 for n in per_week.values()), per_week


def test_every_type_and_status(posts: list[Post]) -> None:
    assert {p.type for p in posts} == set(TYPES)
    assert {p.status for p in posts} == set(Status)


def test_every_platform_and_format(project: Project, posts: list[Post]) -> None:
    assert project.calendar is not None
    every = {(pid, fid) for pid, platform in project.calendar.platforms.items()
             for fid in platform.formats}
    used = {(t.platform, t.format) for p in posts for t in p.targets}
    assert used == every


def test_x_posts_with_one_to_four_images(posts: list[Post]) -> None:
    counts = {len(p.images) for p in posts if p.target("x") and p.media and not
              any(m.is_video for m in p.media)}
    assert {1, 2, 3, 4} <= counts


def test_one_post_on_all_five_platforms(project: Project, posts: list[Post]) -> None:
    assert project.calendar is not None
    assert any(set(p.platforms) == set(project.calendar.platforms) for p in posts)


def test_a_long_instagram_caption_that_folds(project: Project, posts: list[Post]) -> None:
    assert project.calendar is not None
    fold = project.calendar.platforms["instagram"].text_rule("feed", "caption")
    assert fold is not None and fold.fold is not None
    lengths = [len(p.text_for("instagram")) for p in posts if p.target("instagram")]
    assert any(280 <= n <= 500 for n in lengths) and any(n > fold.fold for n in lengths)


def test_mandatory_hashtags_on_every_platform(project: Project, posts: list[Post]) -> None:
    assert project.calendar is not None
    required = {h.lower() for h in project.calendar.satker.hashtags}
    assert required == {"jdihkpu", "kpusingkawang"}
    for post in posts:
        for platform in post.platforms:
            found = {h.lower() for h in HASHTAG.findall(post.text_for(platform))}
            assert required <= found, (post.id, platform)


def test_educational_posts_name_their_source(posts: list[Post]) -> None:
    for post in posts:
        if post.type in SOURCED_TYPES:
            assert post.source or post.legal_product, post.id


def test_announcements_cite_their_legal_product(posts: list[Post]) -> None:
    announcements = [p for p in posts if p.type == "pengumuman"]
    assert len(announcements) >= 3
    for post in announcements:
        product = post.legal_product
        assert product is not None and product.url, post.id
        short = f"{product.jenis} Nomor {product.nomor} Tahun {product.tahun}"
        for platform in post.platforms:
            if post.caption_for(platform).text:
                assert short in post.text_for(platform), (post.id, platform)
        if post.caption:
            assert product.citation() in post.caption, post.id


def test_law_days_of_december(posts: list[Post]) -> None:
    days = {(p.date.month, p.date.day) for p in posts if p.type == "hari-penting"}
    assert {(12, 9), (12, 10)} <= days


def test_youtube_posts_have_title_and_description(posts: list[Post]) -> None:
    for post in posts:
        if post.target("youtube") and post.status is not Status.USULAN:
            caption = post.caption_for("youtube")
            assert caption.title and caption.text, post.id


def test_media_live_in_a_folder_named_after_the_post(posts: list[Post]) -> None:
    for post in posts:
        for media in post.media:
            assert media.path.parent == post.path.parent / post.id, media.file
            assert media.alt.strip(), media.file
            if media.cover is not None:
                assert media.cover.parent == post.path.parent / post.id


def test_videos_are_tiny_real_videos_with_a_cover(posts: list[Post]) -> None:
    videos = [m for p in posts for m in p.media if m.is_video]
    assert len(videos) >= 5
    for media in videos:
        assert media.cover is not None, media.file
        assert media.path.stat().st_size < 200_000
        with av.open(str(media.path)) as container:
            stream = container.streams.video[0]
            assert container.duration is not None and container.duration >= 3_000_000
            aspect = stream.width / stream.height
        with Image.open(media.cover) as cover:
            assert abs(cover.width / cover.height - aspect) < 0.02, media.file


def test_committed_media_are_small(posts: list[Post]) -> None:
    files = {m.path for p in posts for m in p.media} | {m.cover for p in posts for m in p.media
                                                         if m.cover is not None}
    total = sum(path.stat().st_size for path in files)
    assert total < 8_000_000
    assert all(path.stat().st_size < 300_000 for path in files)
