"""Text under an app's caption or buttons (issue 22): found on pictures drawn here, with the
sample's own card shape (orange, diagonal stripes), and shown on the preview as a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from kalender.core.calendar_data import Overlay
from kalender.media.textzones import covered_text
from mediafiles import video
from previewposts import media_folder, write_post
from test_previews import only, previews_of

REELS = Overlay(bottom=0.25, right=0.15, rail_top=0.5)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def card(*texts: tuple[str, int, int], size: int = 44) -> Image.Image:
    """A 1080x1920 orange card with the sample cards' diagonal stripes and ``texts`` at
    (x, y), ``size`` px type."""
    picture = Image.new("RGB", (1080, 1920), (230, 100, 20))
    draw = ImageDraw.Draw(picture)
    for offset in range(-1920, 1080, 240):
        draw.line([(offset, 1920), (offset + 1920, 0)], fill=(215, 90, 15), width=6)
    font = ImageFont.truetype(FONT, size)
    for text, x, y in texts:
        draw.text((x, y), text, fill="white", font=font)
    return picture


def test_text_at_the_top_is_not_under_the_overlay() -> None:
    picture = card(("Selamat Hari Antikorupsi", 60, 200), ("Sedunia 2026", 60, 280))
    assert covered_text(picture, REELS).zones == ()


def test_stripes_alone_are_not_text() -> None:
    assert covered_text(card(), REELS).zones == ()


def test_a_footer_line_is_under_the_caption() -> None:
    picture = card(("Judul di atas", 60, 200), ("Rabu, 9 Desember 2026  @JDIHKPU", 60, 1800))
    assert covered_text(picture, REELS).zones == ("caption",)


def test_words_at_the_right_edge_are_under_the_buttons() -> None:
    lines = [(word, 930, 1000 + 70 * n) for n, word in enumerate(("PKPU", "8/2019", "Pasal"))]
    assert covered_text(card(*lines), REELS).zones == ("actions",)


@pytest.mark.parametrize(("y", "warned"), [(1800, True), (300, False)])
def test_the_reel_preview_warns_when_the_cover_text_is_under_the_caption(
        repo: Path, y: int, warned: bool) -> None:
    folder = media_folder(repo, "2026-12-02-reel")
    video(folder / "klip.mp4", (360, 640), seconds=2.0)
    card(("Rabu, 9 Desember 2026  @JDIHKPU", 60, y)).save(folder / "sampul.png")
    write_post(repo, "2026-12-02-reel", {
        "platforms": {"instagram": "reel", "x": "post"}, "caption": "Reel.",
        "media": [{"file": "2026-12-02-reel/klip.mp4", "alt": "Video",
                   "cover": "2026-12-02-reel/sampul.png"}]})
    _, made = previews_of(repo)
    reel = only(made, "2026-12-02-reel", "instagram")
    rules = [f.rule for f in reel.findings]
    assert ("preview.under_overlay" in rules) is warned
    if warned:
        message = next(f.message for f in reel.findings if f.rule == "preview.under_overlay")
        assert message.startswith("Teks pada gambar berada di bawah keterangan Instagram "
                                  "(Reels); di aplikasi teks itu tertutup.")
        assert reel.warning
    assert "preview.under_overlay" not in [f.rule for f in only(made, "2026-12-02-reel",
                                                                 "x").findings]


ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "posts" / "2026" / "12"


@pytest.mark.parametrize(("card_file", "cut"), [
    ("2026-12-21-siapa-yang-berhak-memilih/kartu-1.jpg", True),  # square: sides go
    ("2026-12-30-pengumuman-pkpu-14-2020/kartu-1.jpg", True),
    ("2026-12-03-hak-pilih-penyandang-disabilitas/kartu-1.jpg", False),  # 3:4 already
    ("2026-12-15-pengumuman-pkpu-4-2021/kartu-1.jpg", False),  # 4:5: a margin goes
])
def test_the_grid_crop_of_a_sample_card_cuts_its_title_or_not(card_file: str,
                                                              cut: bool) -> None:
    """The issue's own example: the square card "Siapa yang Berhak Memilih?" in a 3:4 tile
    read "iapa yang erhak Memilih"."""
    from kalender.media.batches import cut_of
    from kalender.media.images import Framing, crop_box
    from kalender.media.mediacache import Rendition
    from kalender.site.previews import GRID_TILE

    path = SAMPLE / card_file
    with Image.open(path) as picture:
        width, height = picture.size
    framing = Framing((width, height), crop_box(width, height, 3 / 4, None), GRID_TILE)
    assert cut_of(Rendition(path, "uji", framing, framing.output_size(), cuts=True)) is cut


def test_stripes_across_a_crop_edge_are_not_a_cut_word() -> None:
    from kalender.media.images import crop_box
    from kalender.media.textzones import cut_text

    square = card().crop((0, 0, 1080, 1080))
    assert not cut_text(square, crop_box(1080, 1080, 3 / 4, None))
