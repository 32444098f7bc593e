"""One crop for preview and export: for every platform and format of platforms.yml, the
preview shows exactly the box the export cuts, around the post's focal point."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from kalender.core.calendar_data import CalendarData, load_calendar
from kalender.core.loader import Project, load_project
from kalender.core.problems import Report
from kalender.media import images
from kalender.media.mediacache import MediaIndex, RenditionCache
from kalender.site.previews import Previews, build_previews
from mediafiles import grid_photo, video
from previewposts import write_post

ROOT = Path(__file__).resolve().parent.parent
FOCUS = [0.85, 0.2]  # right and high: pulls every crop away from the centre


def every_format() -> list[tuple[str, str]]:
    calendar = load_calendar(ROOT, Report())
    assert calendar is not None
    return [(pid, fid) for pid, p in calendar.platforms.items() for fid in p.formats]


FORMATS = every_format()


def _media(repo: Path, post_id: str, calendar: CalendarData, pid: str, fid: str) -> list[dict]:
    folder = repo / "posts" / "2026" / "12" / post_id
    folder.mkdir(parents=True)
    rule = calendar.platforms[pid].formats[fid]
    if "image" not in rule.kinds:  # a video format: the cover is what is cropped
        clip = video(folder / "klip.mp4", (360, 640), seconds=4.0)
        cover = grid_photo(folder / "sampul.png", (1600, 1000))
        return [{"file": f"{post_id}/{clip.name}", "alt": "Video", "focus": list(FOCUS),
                 "cover": f"{post_id}/{cover.name}"}]
    count = max(1, min(rule.media_min, 2))
    sizes = [(1600, 1000), (900, 1300)][:count]
    return [{"file": f"{post_id}/{grid_photo(folder / f'foto-{n}.png', size).name}",
             "alt": f"Foto {n}", "focus": list(FOCUS)} for n, size in enumerate(sizes, 1)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    repo = tmp_path_factory.mktemp("crop")
    shutil.copytree(ROOT / "calendar", repo / "calendar")
    calendar = load_calendar(repo, Report())
    assert calendar is not None
    for day, (pid, fid) in enumerate(FORMATS, 1):
        post_id = f"2026-12-{day:02d}-{pid}-{fid}"
        write_post(repo, post_id, {"platforms": {pid: fid}, "caption": "Uji potong.",
                                   "media": _media(repo, post_id, calendar, pid, fid)})
    loaded = load_project(repo)
    assert loaded.report.errors == [] and len(loaded.posts) == len(FORMATS)
    return loaded


@pytest.fixture(scope="module")
def previews(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Previews:
    assert project.calendar is not None
    cache = RenditionCache(tmp_path_factory.mktemp("cache"))
    return build_previews(project.posts, project.calendar, {}, MediaIndex(None), cache,
                          dt.date(2026, 12, 1))


@pytest.mark.parametrize(("platform", "format_id"), FORMATS,
                         ids=[f"{p}-{f}" for p, f in FORMATS])
def test_preview_crop_is_the_export_crop(project: Project, previews: Previews,
                                         platform: str, format_id: str) -> None:
    calendar = project.calendar
    assert calendar is not None
    post = next(p for p in project.posts if p.id.endswith(f"-{platform}-{format_id}"))
    target = post.targets[0]
    shown = previews.of(post.id)[0]
    assert (shown.platform, shown.format) == (platform, format_id)
    exported = images.post_framings(post, target, calendar.platforms)  # what the export calls
    assert [p.framing for p in shown.pictures] == list(exported)
    first = images.media_for(target, post.media[0], calendar.platforms)
    assert shown.pictures[0].framing == first
    for picture, media in zip(shown.pictures, post.media, strict=True):
        framing = picture.framing
        left, top, right, bottom = framing.box
        fx, fy = media.focus or (0.5, 0.5)
        assert framing.focus == (fx, fy)
        assert 0 <= left < right <= framing.source[0] and 0 <= top < bottom <= framing.source[1]
        assert abs((right - left) / (bottom - top) - framing.aspect) < 0.01
        assert left <= fx * framing.source[0] <= right and top <= fy * framing.source[1] <= bottom
        assert picture.crop == f"{left},{top},{right},{bottom}"  # data-crop on the page
        _shows_the_box(previews, picture.page, images.poster_path(media), framing)


def _shows_the_box(previews: Previews, page: str | None, source: Path,
                   framing: images.Framing) -> None:
    """The preview's picture is the source cut at ``framing.box`` (and clearly not the
    centred cut, whenever the focal point moved the box)."""
    assert page is not None and page in previews.files
    with Image.open(previews.files[page]) as made, Image.open(source) as original:
        shown = made.convert("RGB")
        expected = original.convert("RGB").crop(framing.box).resize(shown.size)
        near = _difference(shown, expected)
        assert near < 3
        centred = images.crop_box(*framing.source, framing.aspect)
        if centred != framing.box:
            other = original.convert("RGB").crop(centred).resize(shown.size)
            assert _difference(shown, other) > near + 3


def _difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


@pytest.mark.parametrize(("size", "aspect", "focus", "box"), [
    ((4000, 3000), 4 / 5, (0.5, 0.5), (800, 0, 3200, 3000)),
    ((4000, 3000), 4 / 5, (0.9, 0.5), (1600, 0, 4000, 3000)),  # pulled to the right edge
    ((4000, 3000), 4 / 5, (0.1, 0.5), (0, 0, 2400, 3000)),
    ((1080, 1920), 16 / 9, (0.5, 0.1), (0, 0, 1080, 608)),
    ((1080, 1920), 16 / 9, (0.5, 0.6), (0, 848, 1080, 1456)),
    ((3000, 4000), 3 / 4, (0.9, 0.9), (0, 0, 3000, 4000)),  # already 3:4: nothing cut
], ids=["centre", "focus-right", "focus-left", "top", "lower", "exact"])
def test_crop_box_numbers(size: tuple[int, int], aspect: float,
                          focus: tuple[float, float], box: tuple[int, int, int, int]) -> None:
    assert images.crop_box(*size, aspect, focus) == box


@pytest.mark.parametrize(("platform", "format_id", "source", "chosen"), [
    ("instagram", "feed", (4000, 3000), (1080, 1080)),  # landscape: the square is nearest
    ("instagram", "feed", (3000, 4000), (1080, 1440)),  # 3:4 phone photo stays 3:4
    ("instagram", "feed", (1080, 1350), (1080, 1350)),
    ("facebook", "post", (1920, 1080), (1200, 630)),
    ("facebook", "post", (1000, 1000), (1080, 1350)),  # a square: 4:5 nearer than 1.91:1
    ("youtube", "video", (640, 480), (1280, 720)),
], ids=["ig-landscape", "ig-portrait", "ig-45", "fb-wide", "fb-square", "yt"])
def test_choose_size_takes_the_nearest_recommended_aspect(
        platform: str, format_id: str, source: tuple[int, int], chosen: tuple[int, int]) -> None:
    calendar = load_calendar(ROOT, Report())
    assert calendar is not None
    rule = calendar.platforms[platform].formats[format_id]
    assert images.choose_size(rule, *source) == chosen
