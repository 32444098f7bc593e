"""Tagging (SOP E.1.c): tagging.mandatory on posts, tagging.budget on satker.yml."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contentposts import findings, write_post
from kalender.core.i18n import set_language

CAPTION = "caption: Cek produk hukum terbaru di JDIH.\n"


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def test_a_missing_mandatory_hashtag(repo: Path) -> None:
    write_post(repo, CAPTION, hashtags="hashtags: [JDIHKPU]\n", platforms="[instagram, x]")
    assert findings(repo, "tagging.mandatory") == [
        (9, "warning", f"{name}: tagar wajib #KPUSingkawang tidak ada; tambahkan ke `hashtags`.",
         platform) for name, platform in (("Instagram", "instagram"), ("X", "x"))]


def test_no_hashtags_at_all_is_an_error_once_handed_in(repo: Path) -> None:
    write_post(repo, CAPTION, hashtags="", status="diajukan")
    assert findings(repo, "tagging.mandatory") == [(
        8, "error", "Instagram: tagar wajib #JDIHKPU #KPUSingkawang tidak ada; tambahkan ke "
        "`hashtags`.", "instagram")]


def test_nothing_is_asked_of_a_proposal(repo: Path) -> None:
    write_post(repo, CAPTION, hashtags="", status="usulan")
    assert findings(repo, "tagging.mandatory") == []


def test_hashtags_written_in_the_caption_count_whatever_their_case(repo: Path) -> None:
    write_post(repo, "caption: |\n  Cek JDIH. #jdihkpu #KPUSINGKAWANG\n", hashtags="")
    assert findings(repo, "tagging.mandatory") == []


def test_a_platform_caption_without_them_gets_them_from_hashtags(repo: Path) -> None:
    write_post(repo, CAPTION + "captions:\n  youtube:\n    title: Judul\n"
               "    description: Deskripsi tanpa tagar.\n", platforms="[youtube]")
    assert findings(repo, "tagging.mandatory") == []


def test_room_is_asked_for_when_the_limit_is_reached(repo: Path) -> None:
    tags = ", ".join(f"Tagar{n}" for n in range(29))
    write_post(repo, CAPTION, hashtags=f"hashtags: [JDIHKPU, {tags}]\n")
    assert findings(repo, "tagging.mandatory") == [(
        9, "warning", "Instagram: tagar wajib #KPUSingkawang tidak ada; tambahkan ke `hashtags`. "
        "Kurangi tagar lain agar tetap dalam batas 30 tagar.", "instagram")]


def test_the_mandatory_hashtags_fit_every_platform(repo: Path) -> None:
    assert findings(repo, "tagging.budget") == []


def test_mandatory_hashtags_beyond_a_platforms_advice_and_limit(repo: Path) -> None:
    satker = repo / "calendar" / "satker.yml"
    text = satker.read_text(encoding="utf-8")
    tags = ", ".join(f"Wajib{n}" for n in range(14))
    satker.write_text(text.replace("hashtags: [JDIHKPU, KPUSingkawang]",
                                   f"hashtags: [JDIHKPU, KPUSingkawang, {tags}]"),
                      encoding="utf-8")
    line = next(n for n, row in enumerate(satker.read_text(encoding="utf-8").splitlines(), 1)
                if row.startswith("hashtags:"))
    assert findings(repo, "tagging.budget") == [
        (line, "warning", "Instagram: 16 tagar wajib melebihi anjuran 5 tagar platform ini; "
         "setiap pos akan diberi peringatan jumlah tagar.", None),
        (line, "warning", "X: 16 tagar wajib melebihi anjuran 2 tagar platform ini; setiap pos "
         "akan diberi peringatan jumlah tagar.", None),
        (line, "warning", "Facebook: 16 tagar wajib melebihi anjuran 3 tagar platform ini; "
         "setiap pos akan diberi peringatan jumlah tagar.", None),
        (line, "warning", "TikTok: 16 tagar wajib melebihi anjuran 5 tagar platform ini; setiap "
         "pos akan diberi peringatan jumlah tagar.", None),
        (line, "error", "YouTube: 16 tagar wajib melebihi batas 15 tagar platform ini; kurangi "
         "daftar `hashtags`.", None),
    ]
