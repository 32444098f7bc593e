"""The gates after the approval (issue 16): the upload bundle never holds a post whose rules
now find an SOP A/D error or a warning its approval record does not acknowledge; the CLI and
the printable checklist say why it was left out; the approval sheet does not show it as
approved. Read back from the zip, the checklist HTML and the PDF's text."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from conftest import ROOT, without_keys
from kalender.cli.main import _register_commands, cli

WEEK = "2026-W49"
MISMATCH = "legal.citation_mismatch"
CLEAN = "2026-12-01-bersih"
ACKED = "2026-12-02-diakui"
LATE_WARNING = "2026-12-03-peringatan-baru"
LATE_ERROR = "2026-12-04-sumber-dihapus"


def run(repo: Path, *args: str, now: str = "2026-11-30T09:00") -> Result:
    _register_commands()
    return CliRunner().invoke(cli, ["--root", str(repo), *args], env={"KALENDER_NOW": now})


def post_file(repo: Path, post_id: str) -> Path:
    return repo / "posts" / "2026" / "12" / f"{post_id}.md"


def write(repo: Path, post_id: str, caption: str, extra: str) -> Path:
    path = post_file(repo, post_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"""---
title: Uji {post_id[11:]}
date: {post_id[:10]} 09:00
category: rutin
type: edukasi-kepemiluan
status: draf
platforms: [facebook]
hashtags: [JDIHKPU, KPUSingkawang]
caption: "{caption}"
{extra}---
Catatan.
""", encoding="utf-8")
    return path


PKPU = """legal_product:
  jenis: Peraturan KPU
  nomor: "8"
  tahun: 2019
  tentang: Tata Kerja Komisi Pemilihan Umum
  url: https://jdih.kpu.go.id/peraturan-kpu-8-2019
"""


def through(repo: Path, post_id: str, *acknowledge: str) -> None:
    for action, member in (("submit", "rina"), ("initial", "hendra"), ("approve", "sari")):
        more = [x for code in acknowledge for x in ("--acknowledge", f"{code}=Sengaja.")]
        result = run(repo, action, post_id, "--by", member, *more)
        assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four approved posts: one clean, one whose warning every step acknowledged, one that
    gained a warning after its approval (its legal product's number was edited: not part of
    the fingerprint), one that lost its source after its approval (an error)."""
    repo = tmp_path_factory.mktemp("gates") / "repo"
    shutil.copytree(ROOT / "calendar", repo / "calendar")
    without_keys(repo / "calendar")  # a team before signatures: moves need no passphrase
    write(repo, CLEAN, "Baca PKPU Nomor 8 Tahun 2019 tentang tata kerja KPU.", PKPU)
    write(repo, ACKED, "Baca PKPU Nomor 9 Tahun 2019 tentang tata kerja KPU.", PKPU)
    write(repo, LATE_WARNING, "Baca PKPU Nomor 8 Tahun 2019 tentang tata kerja KPU.", PKPU)
    write(repo, LATE_ERROR, "Asas Pemilu: langsung, umum, bebas, rahasia, jujur, adil.",
          "source: https://jdih.kpu.go.id/kalbar/singkawang\n")
    for post_id in (CLEAN, LATE_WARNING, LATE_ERROR):
        through(repo, post_id)
    through(repo, ACKED, MISMATCH)
    late = post_file(repo, LATE_WARNING)
    late.write_text(late.read_text(encoding="utf-8").replace('nomor: "8"', 'nomor: "7"'),
                    encoding="utf-8")
    gone = post_file(repo, LATE_ERROR)
    gone.write_text(gone.read_text(encoding="utf-8").replace(
        "source: https://jdih.kpu.go.id/kalbar/singkawang\n", ""), encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def exported(week: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    out = tmp_path_factory.mktemp("out")
    result = run(week, "export", "--week", WEEK, "--out", str(out))
    assert result.exit_code == 0, result.output
    return result, out / f"jdih-singkawang-{WEEK}.zip"


def test_the_bundle_holds_only_posts_no_gate_holds(exported: tuple[Result, Path]) -> None:
    _, path = exported
    names = zipfile.ZipFile(path).namelist()
    folders = sorted({n.split("/")[1] for n in names if n.startswith("facebook/")})
    assert folders == ["2026-12-01_0900_bersih", "2026-12-02_0900_diakui"]


def test_the_command_says_why_each_held_post_was_left_out(
        exported: tuple[Result, Path]) -> None:
    lines = exported[0].stdout.splitlines()
    assert (f"  {LATE_WARNING}: tertahan gerbang isi: 1 peringatan SOP A/D tidak diakui dalam "
            f"catatan persetujuan ({MISMATCH}); perbaiki posnya dan ajukan ulang, atau minta "
            "persetujuan ulang yang mengakui peringatannya") in lines
    assert any(line.startswith(f"  {LATE_ERROR}: tertahan gerbang isi: 1 temuan galat SOP A/D "
                               "(sources.required)") for line in lines)


def test_the_checklist_lists_each_held_post_with_its_reason(
        exported: tuple[Result, Path]) -> None:
    html = zipfile.ZipFile(exported[1]).read("checklist.html").decode("utf-8")
    left = html[html.index("Tidak dimuat di paket ini: jangan diunggah"):]
    rows = re.findall(r'<tr data-left-out="([^"]+)">(.*?)</tr>', left, re.DOTALL)
    assert [post for post, _ in rows] == [LATE_WARNING, LATE_ERROR]
    assert f"tidak diakui dalam catatan persetujuan ({MISMATCH})" in rows[0][1]
    assert "1 temuan galat SOP A/D (sources.required)" in rows[1][1]
    upload_part = html[:html.index("Tidak dimuat di paket ini")]
    assert LATE_WARNING not in upload_part and LATE_ERROR not in upload_part


def test_the_sheet_does_not_show_a_held_post_as_approved(week: Path) -> None:
    out = week / "lembar.pdf"
    result = run(week, "sheet", "--week", WEEK, "--output", str(out))
    assert result.exit_code == 0, result.output
    pages = PdfReader(out).pages
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
    blocks = re.split(r" (?=\d\. Uji )", text)
    held = next(b for b in blocks if b.startswith("3. Uji peringatan-baru"))
    assert "TERTAHAN gerbang isi: bukan persetujuan untuk diunggah" in held
    assert f"tidak diakui dalam catatan persetujuan ({MISMATCH})" in held
    clean = next(b for b in blocks if b.startswith("1. Uji bersih"))
    assert "TERTAHAN" not in clean and "Status disetujui" in clean
