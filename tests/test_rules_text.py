"""Text rules on tiny posts: text.limit, text.forbidden_chars, mentions.count.

Each rule has a post that breaks it and one that keeps it; messages are asserted exactly,
with the file line of the key they point at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.core.calendar_data import load_calendar
from kalender.core.i18n import set_language
from kalender.core.loader import load_project
from kalender.core.model import Target
from kalender.core.problems import Report
from kalender.rules.check import check_project
from kalender.rules.text import target_texts
from kalender.text.counting import measure

CODES = {"text.limit", "text.forbidden_chars", "mentions.count"}
HEAD = """---
title: {title}
date: 2026-12-02 09:00
category: rutin
type: edukasi-kepemiluan
status: draf
"""


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def write(repo: Path, lines: str, title: str = "Uji") -> Path:
    """A post: the fixed head (title on line 2, status on line 6), then ``lines`` from line 7."""
    path = repo / "posts" / "2026" / "12" / "2026-12-02-xyz.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.format(title=title) + lines + "---\nIsi.\n", encoding="utf-8")
    return path


def findings(repo: Path) -> list[tuple[str, int | None, str]]:
    problems, posts = check_project(repo)
    assert posts.posts == 1, [p.message for p in problems]  # the post itself loaded
    return [(p.code, p.line, p.message) for p in problems if p.code in CODES]


def test_x_caption_over_280(repo: Path) -> None:
    write(repo, f"platforms: [x]\ncaption: {'a' * 281}\n")
    assert findings(repo) == [("text.limit", 8, "X (post): keterangan 281, melebihi batas 280 "
                               "(hitungan berbobot X); kurangi 1.")]


def test_x_caption_within_280_with_url_and_emoji(repo: Path) -> None:
    caption = "a" * 253 + " https://jdih.kpu.go.id/kalbar/singkawang/dokumen-hukum 🐦‍⬛"
    write(repo, f"platforms: [x]\ncaption: {caption}\n")  # 253 + 1 + 23 + 1 + 2 = 280
    assert findings(repo) == []


def test_hashtags_count_as_pasted(repo: Path) -> None:
    write(repo, f"platforms: [x]\ncaption: {'a' * 270}\nhashtags: [JDIHKPU, Pemilu]\n")
    # 270 + blank line (2) + "#JDIHKPU #Pemilu" (16) = 288
    assert findings(repo) == [("text.limit", 8, "X (post): keterangan 288, melebihi batas 280 "
                               "(hitungan berbobot X); kurangi 8.")]


def test_youtube_description_counts_utf8_bytes(repo: Path) -> None:
    write(repo, "platforms: [youtube]\ncaptions:\n  youtube:\n    title: Uji\n"
                f"    description: {'é' * 2501}\n")
    assert findings(repo) == [("text.limit", 11, "YouTube (video): deskripsi 5.002, melebihi "
                               "batas 5.000 (byte UTF-8); kurangi 2.")]


def test_youtube_description_within_5000_bytes(repo: Path) -> None:
    write(repo, f"platforms: [youtube]\ncaption: {'é' * 2500}\n")
    assert findings(repo) == []


def test_youtube_title_override_over_100(repo: Path) -> None:
    write(repo, f"platforms: [youtube]\ncaptions:\n  youtube:\n    title: {'J' * 101}\n")
    assert findings(repo) == [("text.limit", 10, "YouTube (video): judul 101, melebihi batas "
                               "100 (karakter); kurangi 1.")]


def test_youtube_tags_are_hashtags_joined_by_commas(repo: Path) -> None:
    tags = [f"Tag{n:02d}abcdefghijklmn" for n in range(26)]  # 19 characters each
    write(repo, f"platforms: [youtube]\nhashtags: [{', '.join(tags)}]\n")
    # 26 x 19 + 25 commas = 519
    assert findings(repo) == [("text.limit", 8, "YouTube (video): tag 519, melebihi batas 500 "
                               "(karakter); kurangi 19.")]


def test_tiktok_photo_title_from_post_title(repo: Path) -> None:
    write(repo, "platforms: {tiktok: photo}\ncaption: Uji\n", title="T" * 91)
    assert findings(repo) == [("text.limit", 2, "TikTok (photo): judul 91, melebihi batas 90 "
                               "(satuan UTF-16); kurangi 1.")]


def test_tiktok_video_caption_counts_utf16(repo: Path) -> None:
    write(repo, f"platforms: [tiktok]\ncaption: {'😷' * 1101}\n")
    assert findings(repo) == [("text.limit", 8, "TikTok (video): keterangan 2.202, melebihi "
                               "batas 2.200 (satuan UTF-16); kurangi 2.")]


def test_limit_message_in_english(repo: Path) -> None:
    set_language("en")
    write(repo, f"platforms: [x]\ncaption: {'a' * 281}\n")
    assert findings(repo) == [("text.limit", 8, "X (post): caption is 281, over the limit of "
                               "280 (X weighted count); cut 1.")]


def test_youtube_title_with_angle_brackets(repo: Path) -> None:
    write(repo, "platforms: [youtube]\ncaptions:\n  youtube:\n    title: <b>Pemilu</b>\n")
    assert findings(repo) == [("text.forbidden_chars", 10, "YouTube (video): judul memuat "
                               "'<', '>', yang tidak diterima YouTube; hapus atau ganti "
                               "karakter itu.")]


def test_youtube_description_with_one_bracket(repo: Path) -> None:
    write(repo, "platforms: [youtube]\ncaption: 'Nilai > 5'\n")
    assert findings(repo) == [("text.forbidden_chars", 8, "YouTube (video): deskripsi memuat "
                               "'>', yang tidak diterima YouTube; hapus atau ganti karakter "
                               "itu.")]


def test_angle_brackets_allowed_elsewhere(repo: Path) -> None:
    write(repo, "platforms: [instagram, youtube]\ncaptions:\n  instagram: 'Nilai <5>'\n"
                "  youtube:\n    title: Pemilu 2029\n    description: Nilai lima\n")
    assert findings(repo) == []


def test_too_many_mentions_on_instagram(repo: Path) -> None:
    in_text = " ".join(f"@akun{n}" for n in range(15))
    listed = ", ".join(f"akun{n}" for n in range(14, 20))  # akun14 is also in the text
    write(repo, f"platforms: [instagram]\ncaption: '{in_text} @AKUN0'\n"
                f"mentions: [{listed}, x9]\n")
    # 15 in the text (@AKUN0 is @akun0 again) + akun15..akun19 + x9 = 21
    assert findings(repo) == [("mentions.count", 9, "Instagram: 21 akun disebut (@), "
                               "melebihi batas 20; kurangi sebutan.")]


def test_twenty_mentions_are_allowed_on_instagram(repo: Path) -> None:
    in_text = " ".join(f"@akun{n}" for n in range(20))
    write(repo, f"platforms: [instagram]\ncaption: '{in_text}'\nmentions: [akun0]\n")
    assert findings(repo) == []


def test_previews_get_the_numbers_check_uses(repo: Path) -> None:
    write(repo, "platforms: [youtube]\ncaption: Deskripsi é\nhashtags: [Pemilu, JDIHKPU]\n")
    project = load_project(repo)
    calendar = load_calendar(repo, Report())
    assert calendar is not None
    youtube = calendar.platforms["youtube"]
    fields = target_texts(project.posts[0], Target("youtube", "video"), youtube)
    assert [(f.field, f.text, f.measurement.count) for f in fields] == [
        ("title", "Uji", 3),
        ("description", "Deskripsi é\n\n#Pemilu #JDIHKPU", 30),  # é is 2 bytes
        ("tags", "Pemilu,JDIHKPU", 14),
    ]
    assert fields[1].measurement == measure(fields[1].text, youtube, "video", "description")
