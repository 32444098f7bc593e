"""Golden pages: a month page and a post page of two small sites, compared with the HTML kept
in ``tests/golden/<site>/expected/``, so a change of code or layout that alters what a reader
sees shows up as a diff here.

Only the page's article is compared (the handbook's navigation is left out, so a new handbook
page changes nothing here), with its whitespace normalised. After a deliberate change of the
output, write the expected pages again and review the diff in git:

    KALENDER_GOLDEN=tulis python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
REWRITE = os.environ.get("KALENDER_GOLDEN") == "tulis"
TODAY = "2026-12-02"
PAGES = {
    "satu-pos": {"month.html": "kalender/2026-12/index.html",
                 "post.html": "pos/2026-12-09-hari-antikorupsi/index.html"},
    "dua-bulan": {"month.html": "kalender/2027-01/index.html",
                  "post.html": "pos/2026-12-10-hari-ham/index.html"},
}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def normalised(html: str) -> str:
    """The page's article, one tag or text run per line, without blank lines."""
    found = ARTICLE.search(html)
    assert found is not None, "no article in the page"
    text = re.sub(r">\s*<", ">\n<", found[1])
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


@pytest.fixture(scope="module", params=sorted(PAGES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[str, Path]:
    """One golden site built into a scratch repository (calendar data of the sample)."""
    name = request.param
    repo = tmp_path_factory.mktemp(name)
    for folder in ("calendar", "overrides", "docs"):
        shutil.copytree(ROOT / folder, repo / folder)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(GOLDEN / name / "posts", repo / "posts")
    result = subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(repo), "build", "--today", TODAY,
         "--site-dir", str(repo / "site")],
        capture_output=True, text=True, cwd=repo, timeout=600)
    assert result.returncode == 0, result.stderr
    return name, repo / "site"


@pytest.mark.parametrize("page", ["month.html", "post.html"])
def test_page_is_as_kept(built: tuple[str, Path], page: str) -> None:
    name, site = built
    shown = normalised((site / PAGES[name][page]).read_text(encoding="utf-8"))
    expected = GOLDEN / name / "expected" / page
    if REWRITE:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(shown, encoding="utf-8")
    assert shown == expected.read_text(encoding="utf-8")


HANDBOOK = {"Kinerja situs": "performance.html", "Aturan isi": "aturan-isi.html"}
# What a reader of each page needs: the headings and table columns of the current figures.
SHOWN = {
    "performance.html": ["Angka terakhir", "Membaca rasio", "Mengapa diukur bergantian",
                         "Yang sudah dibuat, per bidang", "Yang belum", "Memprofil sendiri",
                         "<th>target (isu 23)</th>", "polos kalender   median      min",
                         "<th>baris</th>"],
    "aturan-isi.html": ["Membaca temuan dan yang dilakukan", "Lapisan yang dipelajari",
                        "Setiap korpus buta, pada pengukuran butanya yang pertama",
                        "<th>diukur (kode)</th>", "<th>aturan + lapisan</th>", "Angka terakhir",
                        "Leave-one-corpus-out terakhir", "<th>korpus ditahan</th>"],
}


def test_handbook_pages_are_in_the_nav(built: tuple[str, Path]) -> None:
    _, site = built
    home = (site / "index.html").read_text(encoding="utf-8")
    for title, page in HANDBOOK.items():
        link = rf'<a href="{page}" class="md-nav__link">\s*<span class="md-ellipsis">\s*{title}\s'
        assert re.search(link, home), title


def test_branch_logs_stay_out_of_the_site(built: tuple[str, Path]) -> None:
    """docs/riwayat/ is in the repository (copied into the scratch repository), not the site:
    no page, no search entry, no sitemap line."""
    _, site = built
    logs = sorted(p.stem for p in (ROOT / "docs" / "riwayat").glob("*.md"))
    assert "README" in logs and "kinerja-serve" in logs
    assert not (site / "riwayat").exists()
    assert not [p for p in site.rglob("*.html") if "riwayat" in p.parts]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("riwayat")]
    assert "riwayat/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(SHOWN))
def test_handbook_page_shows_the_current_figures_and_stays_short(built: tuple[str, Path],
                                                                page: str) -> None:
    """Each page keeps what is current (the branch logs live in docs/riwayat/): the headings
    and table columns a reader needs are there, and the page is not a log again."""
    _, site = built
    html = (site / page).read_text(encoding="utf-8")
    for shown in SHOWN[page]:
        assert shown in html, shown
    assert len(html.encode("utf-8")) < 200_000
