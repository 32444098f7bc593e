"""How the site looks: screenshots at 1366x768 and 390x844 (written to tests/screenshots/ for
a person to look at), nothing wider than a phone, accessibility (axe-core), and a week printed
on one A4 landscape page, even a busy one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from .conftest import PHONE, ROOT, SCREENSHOTS, WIDE

PAGES = {
    "bulan": "kalender/2026-12/index.html",
    "minggu": "minggu/2026-W49/index.html",
    "pos": "pos/2026-12-09-hari-antikorupsi-sedunia/index.html",
    "beranda": "index.html",
}
SERIOUS = ("serious", "critical")


def settle(page: Any) -> None:
    """Wait until the page and every lazy image are loaded."""
    page.wait_for_load_state("networkidle")
    page.evaluate("""async () => {
        for (const img of document.images) { img.loading = "eager"; }
        await Promise.all([...document.images].map(i => i.complete ? null :
            new Promise(done => { i.onload = i.onerror = done; })));
    }""")


@pytest.mark.parametrize("size", ["1366x768", "390x844"])
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(browser: Any, server: str, watch: Any, name: str, size: str) -> None:
    from .conftest import open_page

    viewport = WIDE if size == "1366x768" else PHONE
    page = open_page(browser, viewport, watch)
    try:
        page.goto(server + PAGES[name])
        settle(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}-{size}.png"
        page.screenshot(path=str(target), full_page=True)
        with Image.open(target) as shot:
            assert shot.width == viewport["width"]
            assert shot.height >= viewport["height"]
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} is {overflow}px wider than the {size} screen"
        assert watch.outside == [] and watch.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("name", ["bulan", "minggu", "pos"])
def test_no_serious_accessibility_violation(page: Any, server: str, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + PAGES[name])
    settle(page)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert serious == []


@pytest.mark.parametrize("name", ["bulan", "minggu"])
def test_dark_scheme_has_no_serious_accessibility_violation(page: Any, server: str,
                                                            name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + PAGES[name])
    page.click("label[for=__palette_1]")  # Material's toggle: "Mode gelap"
    page.wait_for_selector("body[data-md-color-scheme=slate]")
    settle(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-gelap-1366x768.png"))
    results = Axe().run(page)
    assert [v["id"] for v in results.response["violations"] if v["impact"] in SERIOUS] == []


def test_axe_finds_a_planted_violation(page: Any, server: str) -> None:
    """The accessibility check above can fail: a chip made unreadable is reported."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + PAGES["bulan"])
    page.evaluate("document.querySelector('.kal-badge').style.background = '#ffd8b0'")
    results = Axe().run(page)
    assert "color-contrast" in [v["id"] for v in results.response["violations"]]


def printed_pages(page: Any, url: str) -> Any:
    from pypdf import PdfReader

    page.goto(url)
    settle(page)
    page.emulate_media(media="print")
    return PdfReader(BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


@pytest.mark.parametrize("week", ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"])
def test_sample_week_prints_on_one_a4_landscape_page(page: Any, server: str, week: str) -> None:
    pdf = printed_pages(page, server + f"minggu/{week}/index.html")
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = pdf.pages[0].extract_text()
    assert week.split("W")[1].lstrip("0") in text and "Senin" in text and "Minggu" in text


# --- a busy week: six posts on Monday, four on Tuesday, three, two, ... all with pictures --


BUSY_FRONT = """title: {title}
date: {date}
category: rutin
type: edukasi-kepemiluan
status: draf
platforms: [instagram, x, facebook]
caption: {caption}
media:
  - file: {slug}/gambar.png
    alt: Kartu oranye berisi judul pos.
"""


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("busy")
    for folder in ("calendar", "overrides", "docs"):
        shutil.copytree(ROOT / folder, repo / folder)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    plan = [("2026-12-07", 6), ("2026-12-08", 4), ("2026-12-09", 3), ("2026-12-10", 2),
            ("2026-12-11", 1), ("2026-12-12", 1), ("2026-12-13", 1)]
    for day, count in plan:
        for number in range(count):
            slug = f"{day}-pos-nomor-{number + 1}"
            folder = repo / "posts" / "2026" / "12"
            (folder / slug).mkdir(parents=True)
            Image.new("RGB", (1080, 1350), (234, 88, 12)).save(folder / slug / "gambar.png")
            caption = "Keterangan yang cukup panjang untuk memenuhi kartu. " * 4
            (folder / f"{slug}.md").write_text("---\n" + BUSY_FRONT.format(
                title=f"Pos nomor {number + 1} dengan judul yang agak panjang",
                date=f"{day} {9 + number:02d}:00", caption=caption, slug=slug,
            ) + "---\nCatatan.\n", encoding="utf-8")
    out = repo / "site"
    result = subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(repo), "build", "--today",
         "2026-12-07", "--site-dir", str(out), "--no-strict"],
        capture_output=True, text=True, cwd=repo, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def test_busy_week_still_prints_on_one_page(page: Any, busy_site: Path) -> None:
    url = (busy_site / "minggu" / "2026-W50" / "index.html").as_uri()
    pdf = printed_pages(page, url)
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())  # a title wraps in a narrow day
    assert text.count("Pos nomor 1 dengan") == 7  # every day's first post is on the page
    assert "Pos nomor 6 dengan" in text
