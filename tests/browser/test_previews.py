"""Platform previews in a real browser (Chromium), on a site built with ``kalender build``
from a scratch repository (tests/previewposts.py), opened from file:// with no network.

Screenshots of every platform's preview are written to tests/screenshots/.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from browserkit import require_chromium
from kalender.core.calendar_data import load_calendar
from kalender.core.problems import Report
from previewposts import CAPTION_300, make_repo
from previewposts import build as build_site

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_repo(tmp_path_factory.mktemp("previews"))
    result = build_site(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return repo


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    chromium_path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=chromium_path)
        yield chromium
        chromium.close()


@pytest.fixture
def open_post(repo: Path, browser: object) -> Iterator[object]:
    """Open a post's page from file://; fails the test on any request off the machine."""
    context = browser.new_context(viewport={"width": 1300, "height": 1000})  # type: ignore[attr-defined]
    outside: list[str] = []
    context.on("request", lambda r: outside.append(r.url)
               if not r.url.startswith(("file:", "data:")) else None)

    def open_page(post_id: str) -> object:
        page = context.new_page()
        page.goto((repo / "site" / "pos" / post_id / "index.html").as_uri())
        page.add_style_tag(content=".md-header { position: static !important; }")
        return page

    yield open_page
    context.close()
    assert outside == []


def preview(page: object, platform: str) -> object:
    return page.locator(f'.kk-previews [data-preview="{platform}"]')  # type: ignore[attr-defined]


def test_instagram_caption_folds_where_platforms_yml_says_and_opens_on_click(
        repo: Path, open_post: object) -> None:
    calendar = load_calendar(repo, Report())
    assert calendar is not None
    fold = calendar.platforms["instagram"].formats["feed"].text["caption"].fold
    link = calendar.platforms["instagram"].fold_link
    page = open_post("2026-12-02-ig-panjang")  # type: ignore[operator]
    text = preview(page, "instagram").locator('.kk-text[data-field="caption"]')
    assert len(CAPTION_300) == 300
    assert text.locator(".kk-text__head").inner_text() == CAPTION_300[:fold]
    rest = text.locator(".kk-text__rest")
    assert not rest.is_visible()
    more = text.locator("[data-fold-link]")
    assert more.is_visible() and more.inner_text() == link
    assert text.locator(".kk-text__more").inner_text() == f"… {link}"
    more.click()
    assert rest.is_visible()
    assert not more.is_visible()
    shown = text.inner_text()
    assert shown.endswith(CAPTION_300[fold:]) and CAPTION_300[:fold] in shown


@pytest.mark.parametrize(("post_id", "over"), [("2026-12-03-x-lewat", True),
                                                ("2026-12-03-x-pas", False)],
                         ids=["281-over", "280-fits"])
def test_x_caption_over_280_weighted_is_marked(open_post: object, post_id: str,
                                               over: bool) -> None:
    page = open_post(post_id)  # type: ignore[operator]
    x = preview(page, "x")
    count = x.locator('[data-count="caption"]')
    length = 281 if over else 280
    assert count.locator(".kk-counts__value").inner_text() == f"{length}/280"
    assert count.get_attribute("data-over") == ("true" if over else "false")
    marked = x.locator("mark.kk-over")
    limit_findings = x.locator('.kk-findings [data-rule="text.limit"]')
    if over:
        assert marked.count() == 1 and marked.inner_text() == "m"  # the 281st character
        assert x.locator("[data-warning-badge]").is_visible()
        assert limit_findings.count() == 1
        assert "281" in limit_findings.inner_text()
    else:
        assert marked.count() == 0
        assert limit_findings.count() == 0


def test_four_image_x_post_is_a_two_by_two_grid(open_post: object) -> None:
    page = open_post("2026-12-04-x-empat")  # type: ignore[operator]
    grid = preview(page, "x").locator('.kk-grid[data-grid="4"]')
    boxes = [grid.locator(".kk-grid__cell").nth(i).bounding_box() for i in range(4)]
    assert all(boxes)
    columns = sorted({round(b["x"]) for b in boxes})
    rows = sorted({round(b["y"]) for b in boxes})
    assert len(columns) == 2 and len(rows) == 2
    widths = {round(b["width"]) for b in boxes}
    heights = {round(b["height"]) for b in boxes}
    assert max(widths) - min(widths) <= 1 and max(heights) - min(heights) <= 1
    assert grid.locator("img").count() == 4


def test_photo_with_exif_orientation_6_shows_upright(open_post: object) -> None:
    page = open_post("2026-12-05-foto-miring")  # type: ignore[operator]
    image = preview(page, "instagram").locator("img.kk-pic")
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0",  # type: ignore[attr-defined]
                           arg=image.element_handle())
    natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert natural == [540, 720]  # portrait 3:4, as the phone held it (stored 4000x3000)
    assert image.get_attribute("data-source") == "3000x4000"
    # The red band the camera stored along the top is on the right once upright.
    shot = Image.open(io.BytesIO(image.screenshot())).convert("RGB")
    right = shot.getpixel((shot.width - 3, shot.height // 2))
    left = shot.getpixel((3, shot.height // 2))
    assert right[0] > 200 and right[2] < 60, right
    assert left[2] > 200 and left[0] < 60, left


def test_post_on_all_five_platforms_shows_five_previews(open_post: object) -> None:
    page = open_post("2026-12-06-lima-platform")  # type: ignore[operator]
    previews = page.locator(".kk-previews [data-preview]")  # type: ignore[attr-defined]
    assert previews.count() == 5
    shown = {(previews.nth(i).get_attribute("data-preview"),
              previews.nth(i).get_attribute("data-format")) for i in range(5)}
    assert shown == {("instagram", "reel"), ("x", "post"), ("facebook", "reel"),
                     ("tiktok", "video"), ("youtube", "short")}
    for i in range(5):
        assert previews.nth(i).is_visible()


def test_carousel_arrows_switch_slides_without_network(open_post: object) -> None:
    page = open_post("2026-12-07-carousel")  # type: ignore[operator]
    carousel = preview(page, "instagram").locator("[data-carousel]")
    dots = preview(page, "instagram").locator(".kk-dot")
    assert dots.count() == 3
    assert carousel.locator(".kk-arrow--prev").is_hidden()
    carousel.locator(".kk-arrow--next").click()
    assert carousel.get_attribute("data-index") == "1"
    assert dots.nth(1).get_attribute("data-current") == ""
    assert carousel.locator("[data-slide-number]").inner_text() == "2"
    carousel.locator(".kk-arrow--next").click()
    assert carousel.locator(".kk-arrow--next").is_hidden()
    # The third picture slides into the frame (after the slide animation).
    page.wait_for_function(  # type: ignore[attr-defined]
        """c => Math.abs(c.querySelectorAll('.kk-slide')[2].getBoundingClientRect().left
                         - c.getBoundingClientRect().left) < 1""",
        arg=carousel.element_handle(), timeout=5000)


def test_damaged_photo_shows_the_finding_not_a_broken_page(open_post: object) -> None:
    page = open_post("2026-12-11-foto-rusak")  # type: ignore[operator]
    for platform in ("instagram", "x"):
        shown = preview(page, platform)
        assert shown.locator(".kk-pic--missing").inner_text() == \
            "Gambar tidak dapat dibuat; lihat temuan."
        finding = shown.locator('.kk-findings [data-rule="media.unreadable"]')
        assert finding.inner_text().startswith(
            "galat gambar 'rapat.jpg' rusak dan tidak dapat dibaca")
        assert shown.locator('[data-warning-badge][data-severity="error"]').is_visible()


FORMAT_POSTS = {
    ("instagram", "feed"): "2026-12-02-ig-panjang",
    ("instagram", "carousel"): "2026-12-07-carousel",
    ("instagram", "reel"): "2026-12-06-lima-platform",
    ("instagram", "story"): "2026-12-08-story",
    ("x", "post"): "2026-12-04-x-empat",
    ("facebook", "post"): "2026-12-09-x-tiga",
    ("facebook", "reel"): "2026-12-06-lima-platform",
    ("tiktok", "video"): "2026-12-06-lima-platform",
    ("tiktok", "photo"): "2026-12-07-carousel",
    ("youtube", "video"): "2026-12-10-youtube",
    ("youtube", "short"): "2026-12-06-lima-platform",
}


def test_screenshot_of_every_platform_and_format(repo: Path, open_post: object) -> None:
    calendar = load_calendar(repo, Report())
    assert calendar is not None
    every = {(pid, fid) for pid, p in calendar.platforms.items() for fid in p.formats}
    assert set(FORMAT_POSTS) == every  # a new format in platforms.yml needs a screenshot
    SCREENSHOTS.mkdir(exist_ok=True)
    for (platform, format_id), post_id in sorted(FORMAT_POSTS.items()):
        page = open_post(post_id)  # type: ignore[operator]
        figure = page.locator(  # type: ignore[attr-defined]
            f'.kk-previews [data-preview="{platform}"][data-format="{format_id}"]')
        assert figure.count() == 1, (platform, format_id)
        figure.scroll_into_view_if_needed()
        page.wait_for_function(  # type: ignore[attr-defined]
            "f => [...f.querySelectorAll('img')].every(i => i.complete && i.naturalWidth)",
            arg=figure.element_handle())
        path = SCREENSHOTS / f"preview-{platform}-{format_id}.png"
        figure.screenshot(path=str(path))
        with Image.open(path) as shot:
            assert shot.width >= 300 and shot.height >= 300, path.name
        page.close()  # type: ignore[attr-defined]


def test_instagram_grid_page_shows_coming_then_published(repo: Path, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto((repo / "site" / "instagram" / "index.html").as_uri())
    tiles = page.locator("[data-profile-grid] .kk-tile")
    states = [tiles.nth(i).get_attribute("data-tile") for i in range(tiles.count())]
    posts = [tiles.nth(i).get_attribute("data-post") for i in range(tiles.count())]
    assert posts == ["2026-12-11-foto-rusak", "2026-12-07-carousel", "2026-12-06-lima-platform",
                     "2026-12-05-foto-miring", "2026-12-02-ig-panjang",
                     "2026-11-20-sudah-tayang"]  # newest first; the story is not on the grid
    assert states == ["coming"] * 5 + ["published"]
    first = tiles.nth(0).bounding_box()
    second = tiles.nth(1).bounding_box()
    fourth = tiles.nth(5).bounding_box()
    assert first and second and fourth
    assert round(first["y"]) == round(second["y"])  # side by side: three columns
    assert abs(first["height"] / first["width"] - 4 / 3) < 0.02  # 3:4 tiles
    assert fourth["y"] > first["y"] + first["height"]  # published ones further down
    SCREENSHOTS.mkdir(exist_ok=True)
    page.locator(".kk-gridpage").screenshot(path=str(SCREENSHOTS / "instagram-grid.png"))
    page.close()
