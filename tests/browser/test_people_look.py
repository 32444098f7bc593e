"""What people see (issue 22), in Chromium at 1280 px and 390 px: month, week, a post of every
platform, the Instagram grid, the meeting, Menunggu and the report. Each screenshot is written
to tests/screenshots/people/ (git-ignored) for a person to look at; each test asserts what the
page shows a reader: words for people, a title that fits a phone, nothing wider than the
screen, no command or option."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import SCREENSHOTS, open_page
from .test_look import settle

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SIZES = {"1280": DESKTOP, "390": PHONE}
FOLDER = SCREENSHOTS / "people"
POST = "pos/2026-12-09-hari-antikorupsi-sedunia/index.html"  # on all five platforms
PAGES = {
    "beranda": "index.html",
    "bulan": "kalender/2026-12/index.html",
    "minggu": "minggu/2026-W50/index.html",
    "pos": POST,
    "grid": "instagram/index.html",
    "rapat": "rapat/2026-W50/index.html",
    "menunggu": "menunggu/index.html",
    "laporan": "laporan/2026-2/index.html",
}
COMMAND = re.compile(r"kalender (check|submit|initial|approve|return|uploaded|comment|rapat|"
                     r"evaluate|report)\b|\s--[a-z][a-z-]+|make (site|test)|calendar/\w+\.yml")


def shoot(browser: Any, watch: Any, server: str, name: str, size: str) -> Any:
    page = open_page(browser, SIZES[size], watch)
    page.goto(server + PAGES[name])
    settle(page)
    FOLDER.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(FOLDER / f"{name}-{size}.png"), full_page=True)
    return page


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_reads_for_people_at_every_width(browser: Any, server: str, watch: Any,
                                               name: str, size: str) -> None:
    page = shoot(browser, watch, server, name, size)
    try:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than {size} px"
        shown = page.inner_text("main")
        assert not COMMAND.search(shown), COMMAND.search(shown)
        assert not re.search(r"diunggah di (instagram|x|facebook|tiktok|youtube)\b", shown)
        title = page.locator(".md-header__topic .md-ellipsis").first
        assert title.inner_text() == "Kalender Konten JDIH"
        assert title.evaluate("e => e.scrollWidth <= e.clientWidth"), "the title is cut"
        assert watch.outside == [] and watch.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("platform", ["instagram", "x", "facebook", "tiktok", "youtube"])
def test_each_platform_preview_is_shot_on_a_phone(browser: Any, server: str, watch: Any,
                                                 platform: str) -> None:
    page = open_page(browser, PHONE, watch)
    try:
        page.goto(server + POST)
        settle(page)
        preview = page.locator(f'figure.kk-preview[data-preview="{platform}"]').first
        preview.scroll_into_view_if_needed()
        FOLDER.mkdir(parents=True, exist_ok=True)
        preview.screenshot(path=str(FOLDER / f"pos-{platform}-390.png"))
        box = preview.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        history = page.inner_text(".kal-timeline")
        name = {"instagram": "Instagram", "x": "X", "facebook": "Facebook",
                "tiktok": "TikTok", "youtube": "YouTube"}[platform]
        assert f"diunggah di {name}" in history
        if platform == "facebook":  # a phone folds Facebook's caption at 125 characters
            assert "… Lihat selengkapnya" in preview.inner_text()
        if platform == "x":  # the 9:16 video whole in X's 16:9 frame, black bars beside it
            frame = preview.locator(".kk-grid").bounding_box()
            shown = preview.locator("img.kk-pic--letterbox").evaluate(
                "img => img.getBoundingClientRect().height * img.naturalWidth"
                " / img.naturalHeight")
            assert frame is not None and shown < frame["width"] * 0.6
    finally:
        page.context.close()


def test_home_page_opens_on_what_the_meeting_needs(page: Any, server: str) -> None:
    page.goto(server + "index.html")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:3] == ["Minggu ini 30 November – 6 Desember 2026", "Menunggu tindakan",
                            "Yang masih kurang"]
    waiting = page.locator("[data-part=waiting] li").all_inner_texts()
    assert waiting[0] == "Menerima usulan: 11 pos, dipegang Hendra Gunawan, S.H."
    page.click("text=Semua yang menunggu")
    assert page.url.endswith("menunggu/index.html")


def test_menunggu_lists_each_post_once(page: Any, server: str) -> None:
    page.goto(server + "menunggu/index.html")
    posts = page.locator(".kal-waiting__lists [data-post]").evaluate_all(
        "rows => rows.map(r => r.getAttribute('data-post'))")
    assert posts and len(posts) == len(set(posts))


def test_grid_marks_the_tile_whose_crop_cuts_the_title(page: Any, server: str) -> None:
    """A square card cropped to the grid's 3:4 loses the ends of its title: said on the tile."""
    page.goto(server + "instagram/index.html")
    cut = page.locator('.kk-tile[data-post="2026-12-21-siapa-yang-berhak-memilih"]')
    mark = cut.locator("[data-rule='preview.grid_cut']")
    assert mark.inner_text().startswith("⚠ Teks terpotong")
    assert mark.get_attribute("title") == ("Petak 3:4 grid memotong teks gambar ini: geser titik "
                                           "fokus (focus) atau ubah desainnya.")
    whole = page.locator('.kk-tile[data-post="2026-12-03-hak-pilih-penyandang-disabilitas"]')
    assert whole.locator("[data-rule='preview.grid_cut']").count() == 0  # a 3:4 card


def test_month_cells_show_small_lazy_pictures_from_the_week_thumbnails(page: Any,
                                                                       server: str) -> None:
    page.goto(server + "minggu/2026-W50/index.html")
    week = page.locator('[data-post="2026-12-09-hari-antikorupsi-sedunia"] img.kal-card__thumb')
    week_src = week.get_attribute("src").rsplit("/", 1)[-1]
    # no focus point in the sample: the card shows the top (name, category, title)
    assert week.evaluate("img => getComputedStyle(img).objectPosition") == "50% 0%"
    page.goto(server + "kalender/2026-12/index.html")
    chip = page.locator('.kal-chip[data-post="2026-12-09-hari-antikorupsi-sedunia"] img')
    assert chip.get_attribute("loading") == "lazy"
    assert chip.get_attribute("src").rsplit("/", 1)[-1] == week_src  # the same file
    chip.scroll_into_view_if_needed()
    box = chip.bounding_box()
    assert box is not None and box["height"] <= 64 and box["width"] < 100  # small
    assert chip.evaluate("img => img.complete && img.naturalWidth > 0")
