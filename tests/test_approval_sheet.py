"""The Lembar Persetujuan and the Nota Dinas, read back as a person would: the text in the
PDF, the page size, the QR codes as pixels on a rendered page, and the same bytes twice."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import segno
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from kalender.approval.fingerprint import fingerprint
from kalender.cli.main import _register_commands, cli
from kalender.core.loader import load_project
from test_approval_flow import POST, POST_ID, ok, write_post

SECOND = "2026-12-11-rapat-jdih"
DRAFT = "2026-12-12-kuis-jdih"
BASE = "http://kalender-jdih.kpu-singkawang.local"


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


@pytest.fixture
def week(runner: CliRunner, repo: Path) -> Path:
    """Week 2026-W50: one approved post, one initialled, one draft (left off the sheet)."""
    write_post(repo)
    write_post(repo, POST.replace("2026-12-09 08:00", "2026-12-11 14:00")
               .replace("Hari Antikorupsi Sedunia\n", "Rapat Pemutakhiran Dokumen JDIH\n")
               .replace(POST_ID, SECOND), SECOND)
    write_post(repo, POST.replace("2026-12-09 08:00", "2026-12-12 10:00")
               .replace("title: Hari Antikorupsi Sedunia", "title: Kuis JDIH")
               .replace(POST_ID, DRAFT), DRAFT)
    for post, members in ((POST_ID, ("rina", "hendra", "sari")), (SECOND, ("bayu", "hendra"))):
        for action, member, at in zip(("submit", "initial", "approve"), members,
                                      ("2026-12-01T09:00", "2026-12-02T10:30",
                                       "2026-12-03T14:15"), strict=False):
            ok(runner, repo, action, post, "--by", member, at=at)
    return repo


def text_of(path: Path) -> str:
    """The PDF's text with runs of white space as one space."""
    pages = PdfReader(path).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def short(repo: Path, post_id: str) -> str:
    post = load_project(repo).post(post_id)
    assert post is not None
    return fingerprint(post)[:12]


def test_sheet_reads_back_with_titles_fingerprints_records_and_signatures(
        runner: CliRunner, week: Path) -> None:
    out = week / "lembar.pdf"
    result = ok(runner, week, "sheet", "--week", "2026-W50", "--output", str(out))
    assert result.output == "Ditulis: lembar.pdf\n"
    text = text_of(out)
    for expected in (
        "KOMISI PEMILIHAN UMUM KOTA SINGKAWANG",
        "LEMBAR PERSETUJUAN KONTEN MEDIA SOSIAL JDIH",
        "Minggu 2026-W50: 7 – 13 Desember 2026",
        "1. Hari Antikorupsi Sedunia", "2. Rapat Pemutakhiran Dokumen JDIH",
        "Jadwal Rabu, 9 Desember 2026 pukul 08.00 WIB",
        f"Sidik isi {short(week, POST_ID)}", f"Sidik isi {short(week, SECOND)}",
        "Paraf Hendra Gunawan, S.H. (Kepala Subbagian Hukum dan SDM), Rabu, 2 Desember 2026 "
        "pukul 10.30 WIB",
        "Persetujuan Sari Wulandari, S.H., M.H. (Anggota KPU Divisi Hukum dan Pengawasan), "
        "Kamis, 3 Desember 2026 pukul 14.15 WIB",
        "Persetujuan belum",
        "1 pos lain pada periode ini belum diajukan atau sedang direvisi",
        "Diperiksa dan diparaf oleh Kepala Subbagian Hukum dan SDM",
        "Disetujui oleh Anggota KPU Divisi Hukum dan Pengawasan",
        "Hendra Gunawan, S.H.", "Sari Wulandari, S.H., M.H.",
        "Singkawang, Kamis, 3 Desember 2026",
    ):
        assert expected in text, expected
    assert "Kuis JDIH" not in text
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    xmp = reader.xmp_metadata  # PDF/A-2B: the title is in the XMP metadata readers show
    assert xmp is not None
    assert xmp.dc_title == {"x-default": "LEMBAR PERSETUJUAN KONTEN MEDIA SOSIAL JDIH minggu "
                                         "2026-W50"}


def test_the_same_records_give_the_same_bytes(runner: CliRunner, week: Path) -> None:
    first, second = week / "a.pdf", week / "b.pdf"
    ok(runner, week, "sheet", "--week", "2026-W50", "-o", str(first), at="2027-01-01T09:00")
    ok(runner, week, "sheet", "--week", "2026-W50", "-o", str(second), at="2027-02-01T09:00")
    assert first.read_bytes() == second.read_bytes()


def test_a_changed_post_is_flagged_on_the_sheet(runner: CliRunner, week: Path) -> None:
    path = week / "posts" / "2026" / "12" / f"{POST_ID}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("hal kecil", "hal besar"),
                    encoding="utf-8")
    out = week / "lembar.pdf"
    ok(runner, week, "sheet", "--post", POST_ID, "-o", str(out))
    text = text_of(out)
    assert "Pos: Hari Antikorupsi Sedunia" in text
    assert "PERHATIAN: Berubah setelah disetujui." in text
    assert "Rapat Pemutakhiran" not in text


def test_memo_lists_the_submitted_posts_of_the_week(runner: CliRunner, week: Path) -> None:
    out = week / "nota.pdf"
    ok(runner, week, "nota-dinas", "--week", "2026-W50", "-o", str(out))
    text = text_of(out)
    for expected in (
        "NOTA DINAS", "Yth. : Kepala Subbagian Hukum dan SDM",
        "Dari : Bayu Pratama, Rina Marlina (Staf Subbagian Hukum)",
        "Tanggal : Selasa, 1 Desember 2026", "Lampiran : 2 materi konten",
        "Hal : Pengajuan Materi Konten Media Sosial JDIH Minggu 2026-W50 (7 – 13 Desember 2026)",
        "Hari Antikorupsi Sedunia", "Rapat Pemutakhiran Dokumen JDIH",
        short(week, POST_ID), short(week, SECOND),
    ):
        assert expected in text, expected
    assert "Kuis JDIH" not in text


def test_nothing_submitted_writes_nothing(runner: CliRunner, repo: Path) -> None:
    write_post(repo)
    result = runner.invoke(cli, ["--root", str(repo), "sheet", "--week", "2026-W50"])
    assert result.exit_code == 1
    assert result.output == ("Galat: tidak ada pos yang sudah diajukan untuk 2026-W50; dokumen "
                             "tidak dibuat.\n")
    assert not (repo / "build").exists()


def rendered(pdf: Path, dpi: int) -> list[Image.Image]:
    """The PDF's pages as pictures, through poppler's pdftoppm (as a person would print)."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
    return [Image.open(p).convert("L") for p in pages]


def test_rendered_pages_are_a4_with_the_letterhead(runner: CliRunner, week: Path) -> None:
    out = week / "lembar.pdf"
    ok(runner, week, "sheet", "--week", "2026-W50", "-o", str(out))
    pages = rendered(out, 72)
    assert [p.size for p in pages] == [(596, 842)] * len(pages)  # 595.28 x 841.89 pt
    header = pages[0].crop((40, 40, 555, 70))  # the office's name, in black
    assert header.getextrema()[0] < 60


def test_each_qr_code_encodes_the_posts_preview_page(runner: CliRunner, week: Path) -> None:
    out = week / "lembar.pdf"
    ok(runner, week, "sheet", "--week", "2026-W50", "-o", str(out))
    page = rendered(out, 200)[0]
    per_mm = 200 / 25.4
    left, right = round(170 * per_mm), round(196 * per_mm)
    found = []
    y = round(60 * per_mm)
    while len(found) < 2:
        y = _next_dark_row(page, left, right, y)
        size = round(23 * per_mm)
        box = page.crop((left, y, right, y + size)).point(lambda v: 0 if v < 128 else 255)
        bbox = Image.eval(box, lambda v: 255 - v).getbbox()
        assert bbox is not None
        found.append(box.crop(bbox))
        y += round(30 * per_mm)
    for picture, post_id in zip(found, (POST_ID, SECOND), strict=True):
        expected = segno.make(f"{BASE}/pos/{post_id}/", error="m", micro=False)
        assert _modules(picture, expected.symbol_size(border=0)[0]) == [
            [bool(v) for v in row] for row in expected.matrix_iter(scale=1, border=0)]


def _next_dark_row(page: Image.Image, left: int, right: int, start: int) -> int:
    for y in range(start, page.height):
        if page.crop((left, y, right, y + 1)).getextrema()[0] < 128:
            return y
    raise AssertionError("no QR code found")


def _modules(picture: Image.Image, count: int) -> list[list[bool]]:
    step_x, step_y = picture.width / count, picture.height / count
    return [[picture.getpixel((int((c + 0.5) * step_x), int((r + 0.5) * step_y))) == 0
             for c in range(count)] for r in range(count)]
