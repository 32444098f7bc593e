"""A cold build reads each photo as few times as it can (issue 23, point 4): the renditions
of one photo come from one decode and are the same bytes as each made alone; a photo shared
by several posts is hashed once for the posts' keys, standings and report."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path
from typing import BinaryIO

import pytest
import yaml

from kalender.approval.standing import Standings
from kalender.core import digests
from kalender.core.digests import DigestStore
from kalender.core.loader import load_project
from kalender.core.postmemo import post_key
from kalender.core.problems import Report
from kalender.media import batches, images
from kalender.media.images import Framing, crop_box, image_info
from kalender.media.mediacache import Rendition, encode_rendition, file_digest
from kalender.report.build import build_report, semester_period
from kalender.report.inputs import project_report_input
from mediafiles import grid_photo, photo

ROOT = Path(__file__).resolve().parent.parent


def renditions_of(source: Path, shapes: list[tuple[int, int]]) -> list[Rendition]:
    """One rendition of ``source`` per output shape, framed around the centre."""
    size = image_info(source).size
    made = []
    for out in shapes:
        box = crop_box(size[0], size[1], out[0] / out[1])
        made.append(Rendition(source, file_digest(source), Framing(size, box, out), out))
    return made


@pytest.mark.parametrize("orientation", [1, 6])
def test_renditions_made_together_are_the_bytes_of_each_made_alone(
        tmp_path: Path, orientation: int) -> None:
    source = photo(tmp_path / "foto.jpg", (2400, 1800), orientation=orientation)
    made = renditions_of(source, [(540, 675), (600, 600), (300, 400), (1080, 1080)])
    together = batches.encode_source([(r, str(tmp_path / f"bersama-{i}.jpg"))
                                      for i, r in enumerate(made)])
    assert together == [(None, None)] * len(made)
    for index, rendition in enumerate(made):
        assert encode_rendition((rendition, str(tmp_path / f"sendiri-{index}.jpg"))) is None
        alone = (tmp_path / f"sendiri-{index}.jpg").read_bytes()
        assert (tmp_path / f"bersama-{index}.jpg").read_bytes() == alone


def test_a_photo_is_decoded_once_per_draft_scale(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = photo(tmp_path / "foto.jpg", (4000, 3000))
    decoded: list[tuple[int, int] | None] = []
    real = images.open_image

    def counting(path: Path, needed: tuple[int, int] | None = None) -> object:
        decoded.append(needed)
        return real(path, needed)

    monkeypatch.setattr(batches, "open_image", counting)
    # three small renditions share a quarter-scale decode; the large one needs more pixels
    made = renditions_of(source, [(540, 675), (600, 600), (300, 400), (2000, 1500)])
    batches.encode_source([(r, str(tmp_path / f"{i}.jpg")) for i, r in enumerate(made)])
    assert len(decoded) == 2


def test_an_unreadable_photo_fails_each_of_its_renditions(tmp_path: Path) -> None:
    good = grid_photo(tmp_path / "kartu.png", (800, 600))
    made = renditions_of(good, [(400, 400), (300, 400)])
    good.write_bytes(b"bukan gambar")
    failed = batches.encode_source([(r, str(tmp_path / f"{i}.jpg")) for i, r in enumerate(made)])
    assert [error[0] if error else None for error, _ in failed] == ["images.unknown_format"] * 2
    assert not list(tmp_path.glob("*.jpg"))


def write_post(repo: Path, day: str, name: str, picture: str) -> None:
    path = repo / "posts" / day[:4] / day[5:7] / f"{day}-{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    front = {"title": name, "date": f"{day} 09:00", "category": "rutin",
             "type": "edukasi-kepemiluan", "status": "draf",
             "platforms": {"instagram": "feed"}, "caption": "Ayo cek DPT.",
             "media": [{"file": picture, "alt": "Foto kegiatan"}]}
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{text}---\nCatatan.\n", encoding="utf-8")


def test_a_photo_shared_by_posts_is_hashed_once(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "SETTLED_NS", -10**15)  # as if written long ago
    read: list[str] = []
    real = hashlib.file_digest

    def reading(handle: BinaryIO, name: str) -> object:
        read.append(Path(handle.name).name)
        return real(handle, name)

    monkeypatch.setattr(hashlib, "file_digest", reading)
    shutil.copytree(ROOT / "calendar", tmp_path / "calendar")
    (tmp_path / "posts" / "2026" / "11").mkdir(parents=True)
    photo(tmp_path / "posts" / "2026" / "11" / "bersama.jpg", (800, 600))
    for number in (1, 2, 3):
        write_post(tmp_path, f"2026-11-0{number + 1}", f"pos-{number}", "bersama.jpg")
    project = load_project(tmp_path)
    assert len(project.posts) == 3
    standings = Standings(DigestStore())
    keys = {post_key(post, digests=standings.digests) for post in project.posts}
    source = project_report_input(project, semester_period("2026-2"), dt.date(2026, 11, 30),
                                  None, Report(), standings)
    assert source is not None
    report = build_report(source)
    assert len(keys) == 3 and report.planned == 3
    assert read.count("bersama.jpg") == 1


@pytest.mark.parametrize(("card_file", "cut"), [
    ("2026-12-21-siapa-yang-berhak-memilih/kartu-1.jpg", True),
    ("2026-12-03-hak-pilih-penyandang-disabilitas/kartu-1.jpg", False),
])
def test_a_grid_tile_remembers_whether_its_crop_cuts_text(tmp_path: Path, card_file: str,
                                                          cut: bool) -> None:
    """Measured on the tile's own decode when it is made, kept in the manifest: a later
    build in a new process reads it instead of decoding the photo again."""
    from kalender.media.batches import cut_of
    from kalender.media.mediacache import RenditionCache
    from kalender.site.previews import GRID_TILE

    source = ROOT / "posts" / "2026" / "12" / card_file
    size = image_info(source).size
    framing = Framing(size, crop_box(size[0], size[1], 3 / 4), GRID_TILE)
    tile = Rendition(source, file_digest(source), framing, framing.output_size(), cuts=True)
    RenditionCache(tmp_path).make([tile])
    assert RenditionCache(tmp_path).cut(tile) is cut is cut_of(tile)
