"""``kalender cards``: repeatable bytes, orange-dominant pictures, the right pixel sizes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av
import pytest
from click.testing import CliRunner
from PIL import Image, ImageFont

from kalender.cli.main import _register_commands, cli
from kalender.media import cards
from kalender.media.cards import Card, draw_banner, draw_card, draw_logo, save_image, video_size

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(1080, 1350), (1080, 1080), (1920, 1080), (1080, 1920), (1200, 675)]

POST = """---
title: Mengenal Asas Pemilu yang Langsung, Umum, Bebas, Rahasia, Jujur dan Adil
date: 2026-12-16 09:00
category: rutin
type: edukasi-kepemiluan
status: draf
platforms:
  instagram: carousel
  facebook: post
caption: Uji.
hashtags: [JDIHKPU, KPUSingkawang]
media:
  - file: 2026-12-16-asas/kartu-1.jpg
    alt: Kartu satu.
  - file: 2026-12-16-asas/kartu-2.jpg
    alt: Kartu dua.
source: UU 7/2017
---
## Teks kartu
1. Asas Pemilu
2. Bebas: menentukan pilihan tanpa tekanan
"""

REEL = """---
title: Video Uji
date: 2026-12-17 09:00
category: sewaktu-waktu
type: materi-penyuluhan
status: draf
platforms: {instagram: reel, youtube: short}
caption: Uji video.
captions:
  youtube: {title: Video Uji, description: Uji video.}
source: UU 7/2017
hashtags: [JDIHKPU, KPUSingkawang]
media:
  - file: 2026-12-17-video/video.mp4
    alt: Video uji.
    cover: 2026-12-17-video/sampul.jpg
---
"""


def card(size: tuple[int, int]) -> Card:
    return Card(text="Hari Antikorupsi Sedunia: integritas dimulai dari hal kecil", label="Hari "
                "Penting", date="Rabu, 9 Desember 2026", office="KPU Kota Singkawang",
                handle="JDIHKPU_Singkawang", size=size, slide="1/3")


def orange_share(image: Image.Image) -> float:
    """Share of pixels whose hue is orange (about 7 to 45 degrees), saturated and bright."""
    hsv = image.convert("RGB").convert("HSV")
    hue, sat, val = (band.tobytes() for band in hsv.split())
    orange = sum(1 for h, s, v in zip(hue, sat, val, strict=True)
                 if 5 <= h <= 32 and s >= 120 and v >= 120)
    return orange / (image.width * image.height)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_card_has_its_size_and_is_orange(size: tuple[int, int]) -> None:
    image = draw_card(card(size))
    assert image.size == size
    assert orange_share(image) > 0.6


def test_plain_orange_measure_can_fail() -> None:
    """The hue measure tells orange from not orange (blue and white cards fail it)."""
    assert orange_share(Image.new("RGB", (100, 100), (30, 90, 200))) == 0
    assert orange_share(Image.new("RGB", (100, 100), (255, 255, 255))) == 0
    assert orange_share(Image.new("RGB", (100, 100), cards.ORANGE)) == 1


@pytest.mark.parametrize("suffix", [".jpg", ".png"])
def test_same_card_gives_same_bytes(tmp_path: Path, suffix: str) -> None:
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    save_image(draw_card(card((1080, 1350))), first)
    save_image(draw_card(card((1080, 1350))), second)
    assert first.read_bytes() == second.read_bytes()
    other = tmp_path / f"c{suffix}"
    save_image(draw_card(card((1080, 1080))), other)
    assert other.read_bytes() != first.read_bytes()


def test_video_is_small_h264_of_the_recommended_size(tmp_path: Path) -> None:
    small = Card(**{**card((1080, 1920)).__dict__, "size": video_size((1080, 1920))})
    first = tmp_path / "a.mp4"
    cards.write_video(small, first)
    assert first.stat().st_size < 200_000
    with av.open(str(first)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.width, stream.height) == ("h264", 1080, 1920)
        assert container.duration is not None
        assert 3.5 <= container.duration / 1_000_000 <= 4.5


def test_video_size_keeps_the_shape_in_whole_blocks() -> None:
    assert video_size((1080, 1920)) == (1080, 1920)
    assert video_size((1280, 720)) == (1920, 1080)
    assert video_size((1000, 1000)) == (1920, 1920)
    assert video_size((1080, 1350)) == (1536, 1920)


def test_account_images() -> None:
    logo = draw_logo(512)
    banner = draw_banner("KPU Kota Singkawang", "JDIHKPU_Singkawang")
    assert logo.size == (512, 512)
    assert banner.size == (1500, 500)
    assert orange_share(banner) > 0.6
    assert orange_share(logo) > 0.4  # the badge has a white ring and a white book


def test_committed_account_images_are_square_logo_and_orange_banner() -> None:
    with Image.open(ROOT / "calendar/akun/logo-jdih.png") as logo:
        assert logo.width == logo.height
    with Image.open(ROOT / "calendar/akun/banner.png") as banner:
        assert banner.size == (1500, 500)
        assert orange_share(banner) > 0.6


def test_works_without_dejavu(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a machine without DejaVu the card falls back to Pillow's own font."""
    cards.font.cache_clear()
    monkeypatch.setattr(cards, "FONT_DIRS", ())
    monkeypatch.setattr(cards, "FONT_FILES", {True: "TidakAda-Bold.ttf", False: "TidakAda.ttf"})
    try:
        face = cards.font(40)
        assert face.getbbox("JDIH") == ImageFont.load_default(40).getbbox("JDIH")
        image = draw_card(card((1080, 1350)))
        assert image.size == (1080, 1350)
        assert orange_share(image) > 0.6
    finally:
        cards.font.cache_clear()


def write(repo: Path, day: str, text: str) -> Path:
    path = repo / "posts" / day[:4] / day[5:7] / f"{day}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_command_draws_missing_media_then_leaves_them(runner: CliRunner, repo: Path) -> None:
    for name in ("logo-jdih.png", "banner.png"):
        (repo / "calendar/akun" / name).unlink()
    write(repo, "2026-12-16-asas", POST)
    write(repo, "2026-12-17-video", REEL)
    result = runner.invoke(cli, ["--root", str(repo), "cards"])
    assert result.exit_code == 0, result.output
    assert result.output == "6 berkas media dibuat, 0 sudah ada dan dibiarkan.\n"
    folder = repo / "posts/2026/12"
    with Image.open(folder / "2026-12-16-asas/kartu-1.jpg") as first:
        assert first.format == "JPEG"
        # a carousel also shown on Facebook: 4:5, 3:4 or 1:1, large enough for both crops
        assert first.width >= 1080 and first.width / first.height in (0.8, 0.75, 1.0)
        size = first.size
    with Image.open(folder / "2026-12-16-asas/kartu-2.jpg") as second:
        assert second.size == size
    with Image.open(folder / "2026-12-17-video/sampul.jpg") as cover:
        assert cover.size == (1080, 1920)
    assert (repo / "calendar/akun/banner.png").is_file()
    before = {p: digest(p) for p in folder.rglob("*.*") if p.suffix not in (".md", ".mp4")}
    again = runner.invoke(cli, ["--root", str(repo), "cards"])
    assert again.output == "0 berkas media dibuat, 6 sudah ada dan dibiarkan.\n"
    forced = runner.invoke(cli, ["--root", str(repo), "cards", "--force"])
    assert forced.output == "6 berkas media dibuat, 0 sudah ada dan dibiarkan.\n"
    assert {p: digest(p) for p in before} == before
    check = runner.invoke(cli, ["--root", str(repo), "check"])
    assert check.exit_code == 0, check.output
    for name in ("kartu-1.jpg", "kartu-2.jpg", "sampul.jpg"):
        assert name not in check.output  # no media rule has anything to say about the pictures
    assert "video.mp4" not in check.output  # the video has the recommended size


def test_slide_text_comes_from_the_body() -> None:
    assert cards.slide_texts(POST.split("---\n")[2]) == (
        "Asas Pemilu", "Bebas: menentukan pilihan tanpa tekanan")
    assert cards.slide_texts("## Ringkasan\n- bukan kartu\n## Teks kartu\n- satu\n") == ("satu",)


def test_unreadable_post_is_reported_and_fails(runner: CliRunner, repo: Path) -> None:
    write(repo, "2026-12-18-rusak", "---\ntitle: [tidak ditutup\n---\n")
    result = runner.invoke(cli, ["--root", str(repo), "cards"])
    assert result.exit_code == 1
    assert ("posts/2026/12/2026-12-18-rusak.md\n  galat baris 3: YAML tidak sah (bagian yang "
            "dimulai di baris 2)") in result.output
    assert result.output.endswith(
        "Galat: 1 berkas pos tidak dapat dibaca; kartunya tidak dibuat.\n")
