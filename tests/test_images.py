"""The image pipeline: orientation, colour, damaged files, bombs, HEIC, video, the caches."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from kalender.core.calendar_data import FormatRule, parse_size
from kalender.media import images
from kalender.media.images import MediaError
from kalender.media.mediacache import MediaIndex, Rendition, RenditionCache, file_digest
from mediafiles import (
    BLUE,
    GREEN,
    RED,
    SRGB_BLUE,
    SRGB_GREEN,
    SRGB_RED,
    grid_photo,
    heic,
    photo,
    png_bomb,
    rgb_profile,
    truncated,
    video,
)


def near(pixel: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 6) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


# --- orientation and draft decoding -------------------------------------------------


def test_exif_orientation_6_photo_comes_out_upright(tmp_path: Path) -> None:
    path = photo(tmp_path / "hp.jpg", (4000, 3000), orientation=6)
    assert images.image_info(path).size == (3000, 4000)
    upright = images.open_image(path)
    assert upright.size == (3000, 4000)
    # The band stored across the top is on the right once the photo is turned upright.
    assert near(upright.getpixel((2990, 2000)), RED)
    assert near(upright.getpixel((10, 2000)), BLUE)
    assert near(upright.getpixel((1500, 10)), BLUE)


@pytest.mark.parametrize(("orientation", "red_at"), [
    (1, (1500, 10)), (3, (1500, 2990)), (6, (2990, 1500)), (8, (10, 1500)),
], ids=["normal", "upside-down", "turned-right", "turned-left"])
def test_each_orientation_puts_the_band_where_the_camera_saw_it(
        tmp_path: Path, orientation: int, red_at: tuple[int, int]) -> None:
    path = photo(tmp_path / "p.jpg", (3000, 3000), orientation=orientation)
    assert near(images.open_image(path).getpixel(red_at), RED)


def test_large_jpeg_is_decoded_in_draft_mode_to_the_size_needed(tmp_path: Path) -> None:
    path = photo(tmp_path / "big.jpg", (4000, 3000))
    # JPEG decodes at 1/1, 1/2, 1/4 or 1/8: the smallest scale still covering the need.
    assert images.open_image(path, (500, 375)).size == (500, 375)
    assert images.open_image(path, (900, 700)).size == (1000, 750)
    # Turned photos ask for the stored (sideways) size.
    turned = photo(tmp_path / "turned.jpg", (4000, 3000), orientation=6)
    assert images.open_image(turned, (700, 900)).size == (750, 1000)


# --- colour --------------------------------------------------------------------------


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    path = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (40, 20), (255, 0, 0, 0)).save(path)  # pure cyan ink
    image = images.open_image(path)
    assert image.mode == "RGB"
    assert near(image.getpixel((5, 5)), (0, 255, 255))


def test_palette_image_keeps_its_colours(tmp_path: Path) -> None:
    path = tmp_path / "p.gif"
    palette = Image.new("P", (20, 20), 2)
    palette.putpalette([0, 0, 0, 9, 9, 9, 200, 30, 40] + [0] * 759)
    palette.save(path)
    image = images.open_image(path)
    assert image.mode == "RGB"
    assert image.getpixel((3, 3)) == (200, 30, 40)


def test_transparent_palette_and_alpha_are_flattened_on_white(tmp_path: Path) -> None:
    clear = tmp_path / "clear.png"
    Image.new("RGBA", (20, 20), (255, 0, 0, 0)).save(clear)
    half = tmp_path / "half.png"
    Image.new("RGBA", (20, 20), (255, 0, 0, 128)).save(half)
    grey = tmp_path / "la.png"
    Image.new("LA", (20, 20), (0, 0)).save(grey)
    palette = tmp_path / "tp.png"
    image = Image.new("P", (20, 20), 1)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.save(palette, transparency=1)
    assert near(images.open_image(clear).getpixel((1, 1)), (255, 255, 255))
    assert near(images.open_image(half).getpixel((1, 1)), (255, 127, 127), tolerance=2)
    assert near(images.open_image(grey).getpixel((1, 1)), (255, 255, 255))
    assert near(images.open_image(palette).getpixel((1, 1)), (255, 255, 255))


def test_embedded_icc_profile_is_converted_to_srgb(tmp_path: Path) -> None:
    # A profile whose red channel is sRGB's green: pure "red" pixels must come out green.
    swapped = rgb_profile(SRGB_GREEN, SRGB_RED, SRGB_BLUE)
    path = tmp_path / "swapped.jpg"
    Image.new("RGB", (20, 20), RED).save(path, icc_profile=swapped, quality=95)
    assert near(images.open_image(path).getpixel((3, 3)), GREEN)


# --- HEIC ------------------------------------------------------------------------------


def test_heic_photo_from_a_phone_is_read(tmp_path: Path) -> None:
    path = heic(tmp_path / "IMG_0001.HEIC", (64, 48), GREEN)
    assert images.image_info(path).size == (64, 48)
    image = images.open_image(path)
    assert image.mode == "RGB"
    assert near(image.getpixel((10, 10)), GREEN, tolerance=10)


def test_heic_taken_sideways_comes_out_upright(tmp_path: Path) -> None:
    path = heic(tmp_path / "side.heic", (80, 40), orientation=6)
    assert images.image_info(path).size == (40, 80)
    assert images.open_image(path).size == (40, 80)


# --- damaged files and bombs -------------------------------------------------------------


def test_truncated_photo_is_a_clear_error_naming_the_file(tmp_path: Path) -> None:
    whole = photo(tmp_path / "whole.jpg", (800, 600))
    broken = truncated(whole, tmp_path / "rapat-pleno.jpg")
    assert images.image_info(broken).size == (800, 600)  # the header alone is fine
    with pytest.raises(MediaError) as caught:
        images.open_image(broken)
    assert caught.value.key == "images.corrupt"
    assert str(caught.value).startswith("gambar 'rapat-pleno.jpg' rusak dan tidak dapat dibaca")


def test_file_that_is_no_image_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "catatan.png"
    path.write_text("bukan gambar", encoding="utf-8")
    with pytest.raises(MediaError, match="'catatan.png' tidak dikenali sebagai gambar"):
        images.open_image(path)


@pytest.mark.parametrize("side", [10_000, 20_000], ids=["over-limit", "over-twice-limit"])
def test_decompression_bomb_is_a_clear_error(tmp_path: Path, side: int) -> None:
    path = png_bomb(tmp_path / "bom.png", side, side)
    with pytest.raises(MediaError) as caught:
        images.open_image(path)
    assert caught.value.key == "images.bomb"
    megapixels = round(side * side / 1_000_000)
    assert str(caught.value) == (
        f"gambar 'bom.png' terlalu besar: {megapixels} megapiksel, paling besar 89 "
        "megapiksel. Perkecil gambarnya sebelum dipakai.")


def test_damaged_file_becomes_facts_with_the_error_not_a_crash(tmp_path: Path) -> None:
    broken = truncated(photo(tmp_path / "a.jpg", (800, 600)), tmp_path / "b.jpg")
    facts = MediaIndex(None).facts(broken)
    assert facts.error is not None
    assert "'b.jpg' rusak" in facts.error.message


# --- video -----------------------------------------------------------------------------


def test_video_length_size_and_rotation_are_read(tmp_path: Path) -> None:
    path = video(tmp_path / "reel.mp4", (320, 240), seconds=2.5, rotation=90)
    info = images.probe_video(path)
    assert info.size == (240, 320)  # recorded sideways, shown upright
    assert info.seconds == pytest.approx(2.5, abs=0.15)


def test_video_poster_is_an_upright_frame(tmp_path: Path) -> None:
    path = video(tmp_path / "clip.mp4", (320, 240), seconds=2.0, colour=RED)
    poster = images.video_poster(path)
    assert poster.size == (320, 240)
    assert near(poster.getpixel((160, 150)), RED, tolerance=30)
    turned = images.video_poster(video(tmp_path / "t.mp4", (320, 240), rotation=90))
    assert turned.size == (240, 320)


def test_damaged_video_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "rusak.mp4"
    path.write_bytes(b"\0\0\0\x18ftypmp42" + os.urandom(2000))
    with pytest.raises(MediaError) as caught:
        images.probe_video(path)
    assert "'rusak.mp4'" in str(caught.value)


# --- the caches ----------------------------------------------------------------------------


def renditions_of(paths: list[Path], out: tuple[int, int] = (216, 270)) -> list[Rendition]:
    found = []
    for path in paths:
        info = images.image_info(path)
        framing = images.frame(_feed(), info.size, (0.5, 0.5))
        found.append(Rendition(path, file_digest(path), framing, out))
    return found


def _feed() -> FormatRule:
    sizes = tuple(parse_size(s) for s in ("1080x1350", "1080x1440", "1080x1080"))
    return FormatRule("feed", 1, 1, ("image",), 0.8, 1.91, (0.75,), sizes, {})


def test_second_build_with_no_change_encodes_nothing(tmp_path: Path) -> None:
    sources = [grid_photo(tmp_path / f"foto-{i}.png", (400 + 40 * i, 300)) for i in range(5)]
    cache_dir = tmp_path / ".cache" / "kalender"
    first = RenditionCache(cache_dir).make(renditions_of(sources))
    assert (first.encoded, first.reused, first.errors) == (5, 0, {})
    for file in first.files.values():
        with Image.open(file) as made:
            assert made.size == (216, 270) and made.format == "JPEG"

    again = RenditionCache(cache_dir)  # a new build: a fresh object, the same folder
    second = again.make(renditions_of(sources))
    assert (second.encoded, second.reused, again.encoded) == (0, 5, 0)
    assert second.files == first.files

    grid_photo(sources[2], (700, 300), cells=4)  # one photo replaced
    third = RenditionCache(cache_dir).make(renditions_of(sources))
    assert (third.encoded, third.reused) == (1, 4)


def test_damaged_source_is_reported_and_the_others_are_made(tmp_path: Path) -> None:
    good = [grid_photo(tmp_path / f"ok-{i}.png", (300 + 10 * i, 300)) for i in range(4)]
    broken = truncated(photo(tmp_path / "x.jpg", (1200, 900)), tmp_path / "rusak.jpg")
    todo = renditions_of([*good, broken])
    made = RenditionCache(tmp_path / "cache", workers=2).make(todo)
    assert made.encoded == 4
    assert list(made.errors) == [todo[-1].key]
    assert "'rusak.jpg' rusak" in made.errors[todo[-1].key].message


def test_media_index_reads_an_unchanged_file_once_across_runs(tmp_path: Path) -> None:
    path = photo(tmp_path / "a.jpg", (800, 600), orientation=6)
    first = MediaIndex(tmp_path / "cache")
    facts = first.facts(path)
    assert (facts.size, facts.kind, first.inspected) == ((600, 800), "image", 1)
    first.close()
    second = MediaIndex(tmp_path / "cache")
    assert second.facts(path) == facts
    assert second.inspected == 0
    photo(path, (900, 600))
    assert second.facts(path).size == (900, 600)
    assert second.inspected == 1


def test_post_with_a_heic_photo_loads_without_other_imports(repo: Path) -> None:
    """A fresh interpreter that imports only the loader still reads HEIC (the loader is
    what ``kalender check`` and the site call first)."""
    import subprocess
    import sys

    folder = repo / "posts" / "2026" / "12" / "2026-12-02-heic"
    folder.mkdir(parents=True)
    heic(folder / "IMG_0001.HEIC", (1080, 1350))
    (folder.parent / "2026-12-02-heic.md").write_text(
        "---\ntitle: Foto ponsel\ndate: 2026-12-02 09:00\ncategory: rutin\n"
        "type: edukasi-kepemiluan\nplatforms: [instagram]\ncaption: Foto.\nmedia:\n"
        "  - file: 2026-12-02-heic/IMG_0001.HEIC\n    alt: Foto dari ponsel\n---\n",
        encoding="utf-8")
    code = ("import sys; from pathlib import Path; from kalender.core.loader import load_project; "
            "p = load_project(Path(sys.argv[1])); "
            "print(len(p.posts), [e.message for e in p.report.errors])")
    result = subprocess.run([sys.executable, "-c", code, str(repo)], capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "1 []", result.stderr


def test_media_index_answers_from_another_thread(tmp_path: Path) -> None:
    """``mkdocs serve`` builds first in the main thread, then rebuilds in another one."""
    import threading

    path = photo(tmp_path / "a.jpg", (800, 600))
    index = MediaIndex(tmp_path / "cache")
    index.facts(path)
    index.memory.clear()  # force the lookup through the SQLite index
    answers: list[object] = []
    worker = threading.Thread(target=lambda: answers.append(index.facts(path).size))
    worker.start()
    worker.join()
    assert answers == [(800, 600)] and index.inspected == 1
