"""The navigation of pages outside the nav (posts, weeks, months, meetings) is rendered once
per folder and shown on every page of it (kalender.plugin.shared_parts): a reader sees the
same menu, leading to the same pages, as when each page rendered its own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from samplecopy import sample_copy
from test_incremental import build, differing

MENU = re.compile(r'<nav class="md-nav md-nav--primary.*?</nav>', re.S)
TABS = re.compile(r'<nav class="md-tabs".*?</nav>', re.S)
HREF = re.compile(r'href="([^"#]+)')


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of the sample repository, built once."""
    root = sample_copy(tmp_path_factory.mktemp("shared"))
    build(root, root / "site")
    return root


def targets(site: Path, page: str, part: re.Pattern[str]) -> list[str]:
    """The site files the links of ``part`` on ``page`` lead to (in their order)."""
    html = (site / page).read_text(encoding="utf-8")
    found = part.search(html)
    assert found is not None, f"{page}: no {part.pattern[:30]}"
    folder = (site / page).parent
    return [(folder / href).resolve().relative_to(site.resolve()).as_posix()
            for href in HREF.findall(found.group(0))]


@pytest.mark.parametrize("page", [
    "pos/2026-12-02-pengumuman-pkpu-8-2019/index.html",
    "minggu/2026-W49/index.html",
    "kalender/2026-12/index.html",
    "rapat/2026-W49/index.html",
], ids=["post", "week", "month", "meeting"])
def test_the_menu_of_a_page_outside_the_nav_leads_where_the_home_menu_does(
        sample: Path, page: str) -> None:
    site = sample / "site"
    for part in (MENU, TABS):
        home = targets(site, "index.html", part)
        shown = targets(site, page, part)
        assert shown == home
        assert all((site / target).is_file() for target in shown), shown


TOPIC = re.compile(
    r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
TITLE = re.compile(r"<title>(.*?) - ")


@pytest.mark.parametrize("page", [
    "pos/2026-12-02-pengumuman-pkpu-8-2019/index.html",
    "pos/2026-12-03-hak-pilih-penyandang-disabilitas/index.html",
    "minggu/2026-W49/index.html",
    "minggu/2026-W50/index.html",
    "kalender/2026-12/index.html",
    "rapat/2026-W49/index.html",
])
def test_the_header_of_a_page_outside_the_nav_shows_its_own_title(sample: Path,
                                                                  page: str) -> None:
    html = (sample / "site" / page).read_text(encoding="utf-8")
    topic, title = TOPIC.search(html), TITLE.search(html)
    assert topic is not None and title is not None
    assert topic.group(1) == title.group(1)
    assert topic.group(1) and topic.group(1) != "Kalender Konten JDIH"


def test_every_page_is_the_bytes_it_was_when_each_page_rendered_its_own_menu(
        sample: Path, tmp_path: Path) -> None:
    plain = tmp_path / "repo"
    shutil.copytree(sample, plain, ignore=shutil.ignore_patterns(".cache", "site"))
    main = plain / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    assert text.count("shared is defined") == 9
    main.write_text(text.replace("shared is defined", "false"), encoding="utf-8")
    build(plain, plain / "site")
    assert differing(sample / "site", plain / "site") == []
