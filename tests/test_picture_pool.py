"""A cold build hands its pictures to worker processes from the start (issue 23, point 4):
what the workers make is the same bytes as what the build makes alone, the build collects it
where it needs it, and no worker outlives the build, even when the build is killed."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import ImageFile

from kalender.core.digests import DigestStore
from kalender.media.images import Framing, crop_box, image_info
from kalender.media.mediacache import (
    MediaIndex,
    Rendition,
    RenditionCache,
    encode_rendition,
    file_digest,
    inspect_media,
    make_thumbnail,
)
from kalender.media.picturepool import PicturePool, facts_and_thumbnail, largest_first
from mediafiles import grid_photo, photo, truncated

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files Pillow decodes from now on (one entry per decode)."""
    seen: list[str] = []
    real = ImageFile.ImageFile.load

    def counting(self: ImageFile.ImageFile) -> object:
        if self.tile:  # not decoded yet
            seen.append(str(getattr(self, "filename", "")))
        return real(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting)
    return seen


@pytest.mark.parametrize("made", ["upright", "turned", "png"])
def test_facts_and_thumbnail_from_one_decode_are_those_made_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: str) -> None:
    source = (grid_photo(tmp_path / "kartu.png", (1600, 1200)) if made == "png" else
              photo(tmp_path / "foto.jpg", (4000, 3000), orientation=6 if made == "turned" else 1))
    alone = tmp_path / "sendiri.jpg"
    seen = decodes(monkeypatch)
    assert make_thumbnail(source, alone)
    expected = inspect_media(source)
    apart = len(seen)
    facts = facts_and_thumbnail(source, file_digest(source), tmp_path / "bersama.jpg")
    assert facts == expected
    assert (tmp_path / "bersama.jpg").read_bytes() == alone.read_bytes()
    assert len(seen) - apart == apart - 1  # a photo: one decode instead of two
    if made != "png":
        assert apart == 2


def test_a_damaged_photo_gets_the_error_and_no_thumbnail_as_alone(tmp_path: Path) -> None:
    source = truncated(photo(tmp_path / "utuh.jpg"), tmp_path / "rusak.jpg")
    expected = inspect_media(source)
    assert expected.error_key is not None
    made_alone = make_thumbnail(source, tmp_path / "sendiri.jpg")
    facts = facts_and_thumbnail(source, file_digest(source), tmp_path / "bersama.jpg")
    assert facts == expected
    assert (tmp_path / "bersama.jpg").is_file() is made_alone


def renditions_of(source: Path) -> list[Rendition]:
    size = image_info(source).size
    made = []
    for out in [(540, 675), (600, 600), (360, 480)]:
        box = crop_box(size[0], size[1], out[0] / out[1])
        made.append(Rendition(source, file_digest(source), Framing(size, box, out), out))
    return made


def test_what_the_workers_make_the_build_collects_as_made_alone(tmp_path: Path) -> None:
    sources = [photo(tmp_path / f"foto-{n}.jpg", (2400, 1800), orientation=n % 2 * 5 + 1,
                     band=(255, n * 100, 0))
               for n in range(3)]
    planned = [r for source in sources for r in renditions_of(source)]
    index, cache = MediaIndex(None), RenditionCache(tmp_path / "cache")
    pool = PicturePool(workers=2)
    try:
        pool.read(index, sources, sources[:1], tmp_path / "mini", DigestStore())
        pool.renditions(cache, planned)
        assert len(index.coming) == 3 and len(cache.coming) == len(planned)
        facts = [index.facts(source) for source in sources]
        pool.wait_thumbnail(sources[0])
        made = cache.make(planned)
    finally:
        pool.close()
    assert multiprocessing.active_children() == []
    assert facts == [inspect_media(source) for source in sources]
    assert index.coming == {} and cache.coming == {}
    assert made.encoded == len(planned) and not made.errors
    assert [p.name for p in (tmp_path / "mini").iterdir()] == [
        f"{file_digest(sources[0])[:16]}-360.jpg"]
    for rendition in planned:
        alone = tmp_path / f"sendiri-{rendition.key}.jpg"
        assert encode_rendition((rendition, str(alone))) is None
        assert made.files[rendition.key].read_bytes() == alone.read_bytes()
    again = RenditionCache(tmp_path / "cache").make(planned)
    assert again.reused == len(planned) and again.encoded == 0  # in the manifest


def test_a_build_with_every_picture_cached_starts_no_process(tmp_path: Path) -> None:
    source = photo(tmp_path / "foto.jpg", (2400, 1800))
    index, cache, digests = MediaIndex(None), RenditionCache(tmp_path / "cache"), DigestStore()
    index.facts(source)
    assert make_thumbnail(source, tmp_path / "mini" / f"{file_digest(source)[:16]}-360.jpg")
    cache.make(renditions_of(source))
    pool = PicturePool(workers=2)
    pool.read(index, [source], [source], tmp_path / "mini", digests)
    pool.renditions(cache, renditions_of(source))
    assert pool.pool is None
    pool.close()


def test_workers_end_when_the_build_process_is_killed(tmp_path: Path) -> None:
    """The build's process dies without ending its workers (SIGKILL, a crash): they see it
    and end by themselves."""
    script = textwrap.dedent("""
        import os, sys, time
        from kalender.media.picturepool import PicturePool
        pool = PicturePool(workers=2)
        jobs = [pool._submit(time.sleep, 60) for _ in range(2)]
        while len(pool.pool._processes) < 2:
            time.sleep(0.05)
        print(" ".join(str(pid) for pid in pool.pool._processes), flush=True)
        os._exit(1)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SCRIPTS),
                                                       os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, cwd=tmp_path, check=False, timeout=120)
    workers = [int(pid) for pid in out.stdout.split()]
    assert len(workers) == 2, out.stderr
    deadline = time.monotonic() + 30  # a generous wait on a busy machine, not a speed check
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting for its reaper does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"



def test_the_largest_photos_are_handed_to_the_workers_first(tmp_path: Path) -> None:
    small = photo(tmp_path / "kecil.jpg", (800, 600))
    large = photo(tmp_path / "besar.jpg", (3200, 2400))
    middle = photo(tmp_path / "sedang.jpg", (1600, 1200))
    planned = [r for source in (small, large, middle) for r in renditions_of(source)]
    cache = RenditionCache(tmp_path / "cache")
    order = [group[0][0].source for group in largest_first(cache.jobs(planned))]
    assert order == [large, middle, small]
    pool = PicturePool(workers=2)
    handed = []
    submit = pool._picture

    def recorded(work: Any, *args: Any, count: int = 1) -> Any:
        handed.append(args[0][0][0].source)
        return submit(work, *args, count=count)

    pool._picture = recorded  # type: ignore[method-assign]
    try:
        pool.renditions(cache, planned)
        assert handed == [large, middle, small]
        made = cache.make(planned)
    finally:
        pool.close()
    assert made.encoded == len(planned) and not made.errors
    alone = RenditionCache(tmp_path / "alone")
    assert alone.make(planned).encoded == len(planned)  # in this process, in the build's order
    assert (tmp_path / "cache" / "manifest.json").read_bytes() == (
        tmp_path / "alone" / "manifest.json").read_bytes()
    for rendition in planned:
        assert made.files[rendition.key].read_bytes() == (
            tmp_path / "alone" / "renditions" / rendition.name).read_bytes()
