"""Media rules (rules/media.py) as ``kalender check`` reports them: exact messages, the
file's line, severity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image

from kalender.core.problems import Problem
from kalender.rules.check import check_project
from mediafiles import grid_photo, photo, truncated, video
from previewposts import media_folder, write_post


def found(repo: Path, rule: str) -> list[Problem]:
    problems, _ = check_project(repo)
    return [p for p in problems if p.code == rule]


def post(repo: Path, post_id: str, platforms: Any, media: list[tuple[Path, dict[str, Any]]]
         ) -> Path:
    items = [{"file": f"{post_id}/{path.name}", "alt": "Media uji", **extra}
             for path, extra in media]
    return write_post(repo, post_id, {"platforms": platforms, "caption": "Uji media.",
                                      "media": items})


def test_video_outside_the_aspect_is_an_error(repo: Path) -> None:
    folder = media_folder(repo, "2026-12-02-reel")
    clip = video(folder / "lebar.mp4", (640, 360), seconds=2.0)
    path = post(repo, "2026-12-02-reel", {"instagram": "reel"}, [(clip, {})])
    [problem] = found(repo, "media.aspect")
    assert problem.is_error and problem.path == path and problem.line == 11
    assert problem.message == ("Instagram (reel): rasio video '2026-12-02-reel/lebar.mp4' 16:9 "
                               "(640x360) di luar rentang 9:16.")


def test_image_outside_the_aspect_is_a_warning_that_it_will_be_cropped(repo: Path) -> None:
    folder = media_folder(repo, "2026-12-02-lebar")
    wide = grid_photo(folder / "panorama.png", (3000, 1000))
    post(repo, "2026-12-02-lebar", {"instagram": "feed"}, [(wide, {})])
    [problem] = found(repo, "media.aspect")
    assert not problem.is_error
    assert problem.message == (
        "Instagram (feed): rasio '2026-12-02-lebar/panorama.png' 3:1 (3000x1000) di luar "
        "rentang 4:5 – 1.91:1, 3:4; gambar akan dipotong seperti pada pratinjau.")


def test_picture_in_a_video_format_is_the_wrong_kind(repo: Path) -> None:
    folder = media_folder(repo, "2026-12-02-jenis")
    picture = grid_photo(folder / "kartu.png", (1080, 1920))
    post(repo, "2026-12-02-jenis", {"tiktok": "video"}, [(picture, {})])
    [problem] = found(repo, "media.kind")
    assert problem.is_error
    assert problem.message == ("TikTok (video) menerima video, ditemukan gambar "
                               "'2026-12-02-jenis/kartu.png'.")


def test_video_too_short_and_too_long(repo: Path) -> None:
    folder = media_folder(repo, "2026-12-02-pendek")
    short = video(folder / "pendek.mp4", (90, 160), seconds=2.0)
    post(repo, "2026-12-02-pendek", {"facebook": "reel"}, [(short, {})])
    folder = media_folder(repo, "2026-12-03-panjang")
    long = video(folder / "panjang.mp4", (90, 160), seconds=61.0, rate=2)
    post(repo, "2026-12-03-panjang", {"instagram": "story"}, [(long, {})])
    messages = sorted(p.message for p in found(repo, "media.video_length"))
    assert messages == [
        "Facebook (reel): video '2026-12-02-pendek/pendek.mp4' 2,0 detik, paling singkat "
        "3,0 detik.",
        "Instagram (story): video '2026-12-03-panjang/panjang.mp4' 61,0 detik, paling lama "
        "60,0 detik.",
    ]


def test_small_picture_warns_it_will_look_blurred(repo: Path) -> None:
    folder = media_folder(repo, "2026-12-02-kecil")
    small = grid_photo(folder / "kecil.png", (600, 750))
    post(repo, "2026-12-02-kecil", {"instagram": "feed"}, [(small, {})])
    [problem] = found(repo, "media.too_small")
    assert not problem.is_error
    assert problem.message == (
        "Instagram (feed): '2026-12-02-kecil/kecil.png' setelah dipotong hanya 600x750 piksel, "
        "lebih kecil dari ukuran anjuran 1080x1350; akan tampak buram.")


def test_image_over_the_byte_limit(repo: Path) -> None:
    folder = media_folder(repo, "2026-12-02-berat")
    heavy = folder / "berat.png"
    Image.effect_noise((1800, 1800), 100).convert("RGB").save(heavy)
    assert heavy.stat().st_size > 5_000_000
    post(repo, "2026-12-02-berat", ["x"], [(heavy, {})])
    [problem] = found(repo, "media.bytes")
    megabytes = f"{heavy.stat().st_size / 1_000_000:.1f}".replace(".", ",")
    assert problem.is_error
    assert problem.message == (f"X: gambar '2026-12-02-berat/berat.png' {megabytes} MB, "
                               "melebihi batas 5,0 MB.")


def test_damaged_image_is_one_error_naming_the_file_and_line(repo: Path) -> None:
    folder = media_folder(repo, "2026-12-02-rusak")
    broken = truncated(photo(folder / "asli.jpg", (1600, 1200)), folder / "rusak.jpg")
    path = post(repo, "2026-12-02-rusak", ["instagram", "x"], [(broken, {})])
    [problem] = found(repo, "media.unreadable")
    assert problem.is_error and problem.path == path and problem.line == 12
    assert problem.message.startswith("gambar 'rusak.jpg' rusak dan tidak dapat dibaca (")
    assert found(repo, "media.aspect") == [] and found(repo, "media.too_small") == []
