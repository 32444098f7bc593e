"""``kalender build`` end to end (no browser): the sample builds strictly with no warning,
a hand-written page wins over a generated one, and a broken post stops the build with a
message naming the file and the line, never a traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KALENDER = [sys.executable, "-m", "kalender"]


def build(root: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KALENDER, "--root", str(root), "build", "--today", "2026-12-02", "--site-dir",
         str(out), *extra],
        capture_output=True, text=True, cwd=root, timeout=300,
    )


@pytest.fixture
def site_repo(repo: Path) -> Path:
    """The scratch repository with the site's configuration, templates and handbook."""
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", repo / "overrides")
    shutil.copytree(ROOT / "docs", repo / "docs")
    return repo


def write_post(repo: Path, name: str, front: str) -> Path:
    path = repo / "posts" / name[:4] / name[5:7] / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\nCatatan.\n", encoding="utf-8")
    return path


GOOD = ("title: Hari Antikorupsi\ndate: 2026-12-09 08:00\ncategory: sewaktu-waktu\n"
        "type: hari-penting\nstatus: draf\nplatforms: [instagram, x]\n"
        "caption: Selamat Hari Antikorupsi Sedunia!\n")


def test_sample_builds_strictly_without_warning(tmp_path: Path) -> None:
    result = build(ROOT, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert "Traceback" not in result.stderr
    assert f"Situs kalender dibangun di {tmp_path / 'site'}." in result.stdout
    for page in ("index.html", "daftar/index.html", "kalender/2026-12/index.html",
                 "minggu/2026-W49/index.html", "minggu/2026-W53/index.html"):
        assert (tmp_path / "site" / page).is_file(), page
    posts = sorted(p.stem for p in (ROOT / "posts").rglob("*.md"))
    built = sorted(p.parent.name for p in (tmp_path / "site" / "pos").glob("*/index.html"))
    assert built == posts


def test_no_page_loads_anything_from_the_internet(tmp_path: Path) -> None:
    """Scripts, styles, images and fonts all come from the site itself."""
    result = build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    loading = re.compile(r'<(?:script|img|link|iframe|source)\b[^>]*?(?:src|href)="(https?:)?//',
                         re.IGNORECASE)
    for page in (tmp_path / "site").rglob("*.html"):
        assert not loading.search(page.read_text(encoding="utf-8")), page
    assert "unpkg.com" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_hand_written_page_wins_over_the_generated_one(site_repo: Path, tmp_path: Path) -> None:
    write_post(site_repo, "2026-12-09-hari-antikorupsi", GOOD)
    own = site_repo / "docs" / "kalender" / "2026-12" / "index.md"
    own.parent.mkdir(parents=True)
    own.write_text("# Desember versi tim\n\nDitulis tangan.\n", encoding="utf-8")
    result = build(site_repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "kalender" / "2026-12" / "index.html").read_text("utf-8")
    assert "Ditulis tangan." in html
    assert 'data-post="2026-12-09-hari-antikorupsi"' not in html
    week = (tmp_path / "site" / "minggu" / "2026-W50" / "index.html").read_text("utf-8")
    assert 'data-post="2026-12-09-hari-antikorupsi"' in week
    assert not (site_repo / "docs" / "minggu").exists()  # nothing is written into docs/


def test_broken_post_stops_the_strict_build_naming_file_and_line(site_repo: Path,
                                                                 tmp_path: Path) -> None:
    write_post(site_repo, "2026-12-09-hari-antikorupsi", GOOD)
    broken = GOOD.replace("type: hari-penting", "type: hari-besar").replace("12-09", "12-10")
    write_post(site_repo, "2026-12-10-rusak", broken)
    result = build(site_repo, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("WARNING -  kalender: posts/2026/12/2026-12-10-rusak.md\n"
            "  galat baris 5: 'type': nilai 'hari-besar' tidak dikenal") in result.stderr
    check = subprocess.run([*KALENDER, "--root", str(site_repo), "check"],
                           capture_output=True, text=True, cwd=site_repo, timeout=120)
    printed = check.stdout + check.stderr
    lines = printed[printed.index("posts/2026/12/2026-12-10-rusak.md"):].split("\n")[:2]
    assert "\n".join(lines) in result.stderr  # worded as the check words it
    assert ("Galat: situs tidak dibangun: 1 peringatan di atas (mode ketat menganggap "
            "peringatan sebagai galat).") in result.stderr


def test_bad_today_is_a_message_not_a_traceback(site_repo: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [*KALENDER, "--root", str(site_repo), "build", "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=site_repo, timeout=300,
        env={"KALENDER_TODAY": "2 Desember", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("tanggal 'hari ini' tidak sah: diharapkan bentuk 2026-12-02, ditemukan "
            "'2 Desember'.") in result.stderr


def test_text_people_write_is_shown_as_text_not_markup(site_repo: Path, tmp_path: Path) -> None:
    front = GOOD.replace("title: Hari Antikorupsi", "title: 'Tips & <b>trik</b>'").replace(
        "caption: Selamat Hari Antikorupsi Sedunia!", "caption: '<script>alert(1)</script>'")
    write_post(site_repo, "2026-12-09-hari-antikorupsi", front)
    result = build(site_repo, tmp_path / "site", "--no-strict")
    assert result.returncode == 0, result.stderr
    for page in ("kalender/2026-12/index.html", "minggu/2026-W50/index.html",
                 "daftar/index.html", "pos/2026-12-09-hari-antikorupsi/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "Tips &amp; &lt;b&gt;trik&lt;/b&gt;" in html, page
        assert "<b>trik</b>" not in html and "<script>alert(1)" not in html, page
    index = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<b>trik</b>" not in index and "<script>alert(1)" not in index
