"""What people read is for people (issue 22): the repository's own calendar built as the team
sees it, in Indonesian and in English, read back as text. No command or option outside the
handbook, platforms and states in words, a home page for the weekly meeting."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-02"
HANDBOOK = {p.stem for p in (ROOT / "docs").glob("*.md")} - {"index"}
COMMANDS = ("check", "build", "serve", "new", "measure", "accept", "submit", "initial",
            "approve", "return", "uploaded", "comment", "history", "waiting", "sheet",
            "nota-dinas", "export", "rapat", "ics", "report", "user", "cards", "monitor",
            "evaluate")
DEVELOPER_WORDS = re.compile(
    rf"kalender (?:{'|'.join(COMMANDS)})\b|\s--[a-z][a-z-]+|make (?:site|test)"
    r"|[a-z_]+\.[a-z_]+ di calendar/")


def build(tmp: Path, *lang: str) -> Path:
    out = tmp / "site"
    result = subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(ROOT), *lang, "build", "--today",
         TODAY, "--site-dir", str(out), "--clean"],
        capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("id"))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("en"), "--lang", "en")


def seen(path: Path) -> str:
    """What a reader sees of a page: no scripts, tags removed, entities decoded."""
    source = re.sub(r"<script.*?</script>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", source))).strip()


def pages_for_people(site: Path) -> list[Path]:
    """Every page but the handbook's (which teaches the commands) and the search index."""
    return [p for p in site.rglob("*.html")
            if p.relative_to(site).parts[0].removesuffix(".html") not in HANDBOOK
            and p.relative_to(site).parts[0] != "search"]


@pytest.mark.parametrize("which", ["id", "en"])
def test_no_page_for_people_shows_a_command_or_an_option(site: Path, english: Path,
                                                         which: str) -> None:
    built = site if which == "id" else english
    found = {}
    for path in pages_for_people(built):
        hit = DEVELOPER_WORDS.search(seen(path))
        if hit:
            found[str(path.relative_to(built))] = hit.group(0)
    assert found == {}


def test_uploads_are_named_by_platform_not_by_identifier(site: Path) -> None:
    shown = seen(site / "pos" / "2026-12-09-hari-antikorupsi-sedunia" / "index.html")
    for name in ("Instagram", "X", "Facebook", "TikTok", "YouTube"):
        assert f"diunggah di {name} ·" in shown
    assert not re.search(r"diunggah di (instagram|x|facebook|tiktok|youtube)\b", shown)


def test_home_page_is_for_the_weekly_meeting(site: Path) -> None:
    shown = seen(site / "index.html")
    assert "make site" not in shown and "make test" not in shown
    assert "Minggu ini 30 November – 6 Desember 2026" in shown
    assert ("Menunggu tindakan Menerima usulan: 11 pos, dipegang Hendra Gunawan, S.H. "
            "Mengajukan: 10 pos, dipegang Rina Marlina, Bayu Pratama") in shown
    assert "Yang masih kurang Belum ada pos pada Selasa, 1 Desember 2026." in shown
    assert "Belum diumumkan: Keputusan KPU Nomor 134/Kpts/KPU/Tahun 2016." in shown
    assert shown.index("Yang masih kurang") < shown.index("Minggu depan")


def test_handbook_keeps_the_setup_commands(site: Path) -> None:
    shown = seen(site / "memulai.html")
    assert "make site" in shown and "make test" in shown


def test_pages_built_in_english_say_so(english: Path) -> None:
    source = (english / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in source
    shown = seen(english / "index.html")
    assert "Waiting for action" in shown and "What is still missing" in shown
    for tab in ("Home", "Post list", "Waiting", "Meeting", "Instagram grid", "Handbook"):
        assert f" {tab} " in shown, tab
    assert "Beranda" not in shown and "Menunggu" not in shown and "Mode gelap" not in source
    assert "uploaded on Instagram" in seen(
        english / "pos" / "2026-12-09-hari-antikorupsi-sedunia" / "index.html")


def test_pages_built_in_indonesian_say_so(site: Path) -> None:
    assert '<html lang="id"' in (site / "index.html").read_text(encoding="utf-8")
