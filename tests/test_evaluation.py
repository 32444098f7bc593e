"""``kalender evaluate``: the pimpinan's evaluation of a half-yearly report (SOP E.4 b-c) is
recorded in the repository, printed in the report's PDF and page with a signature block,
and the next semester's report shows which follow-ups were done."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kalender.cli.main import _register_commands, cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def office(tmp_path: Path) -> Path:
    for part in ("calendar", "posts"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def run(root: Path, *args: str) -> tuple[int, str, str]:
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(root), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return " ".join(done.stdout.split())


def evaluate_2026_2(root: Path) -> None:
    code, out, err = run(root, "evaluate", "--semester", "2026-2", "--as", "ahmad",
                         "--finding", "Unggahan edukasi kepemiluan kurang pada bulan Agustus",
                         "--follow-up", "Tambah kuis mingguan", "--owner", "rina",
                         "--due", "2027-02-28",
                         "--follow-up", "Notulen rapat setiap Senin", "--owner", "hendra",
                         "--due", "2027-01-15")
    assert code == 0, err
    assert "3 entri evaluasi dicatat di laporan/evaluasi/2026-2.yml" in out


def test_evaluation_appears_in_the_report_pdf_and_page(office: Path) -> None:
    evaluate_2026_2(office)
    code, _, err = run(office, "report", "--semester", "2026-2", "--today", "2026-12-31",
                       "--out", str(office / "lap"))
    assert code == 0, err
    text = pdf_text(office / "lap" / "laporan-aktivitas-2026-2.pdf")
    section = text[text.index("Evaluasi Pimpinan"):]
    assert "1. Unggahan edukasi kepemiluan kurang pada bulan Agustus" in section
    assert "Tambah kuis mingguan" in section and "Rina Marlina" in section
    assert "28 Februari 2027" in section and "berjalan" in section
    assert "Mengetahui," in section and "Ketua KPU Kota Singkawang" in section
    assert section.index("Mengetahui,") < section.index("Ahmad Fauzi")
    assert "Singkawang, " in section
    page = (office / "lap" / "index.html").read_text(encoding="utf-8")
    assert "Evaluasi Pimpinan" in page and "Tambah kuis mingguan" in page
    assert "Ahmad Fauzi" in page


def test_only_the_pimpinan_evaluates_and_nothing_is_written_otherwise(office: Path) -> None:
    code, _, err = run(office, "evaluate", "--semester", "2026-2", "--as", "rina",
                       "--finding", "x")
    assert code == 1
    assert "hanya untuk Pimpinan KPU" in err
    assert not (office / "laporan" / "evaluasi" / "2026-2.yml").exists()
    code, _, err = run(office, "evaluate", "--semester", "2026-2", "--as", "ahmad",
                       "--follow-up", "x", "--owner", "siapa", "--due", "2027-01-01")
    assert code == 2 and "siapa bukan anggota tim" in err


def test_appended_without_reformatting_and_done_shown_next_semester(office: Path) -> None:
    path = office / "laporan" / "evaluasi" / "2026-2.yml"
    evaluate_2026_2(office)
    old = path.read_bytes().replace(b"Tambah kuis", b"Tambah  kuis")  # a person's own spacing
    old = old.replace(b"\n", b"\r\n") + b"# catatan tangan ketua\r\n"
    path.write_bytes(old)
    code, _, err = run(office, "evaluate", "--semester", "2026-2", "--as", "rina", "--done", "2",
                       "--note", "Kuis mingguan berjalan sejak Februari")
    assert code == 0, err
    new = path.read_bytes()
    assert new.startswith(old) and b"\r\n- kind: selesai\r\n" in new
    assert b"\n" not in new.replace(b"\r\n", b"")
    code, _, err = run(office, "evaluate", "--semester", "2026-2", "--as", "rina", "--done", "2",
                       "--note", "lagi")
    assert code == 1 and "sudah dicatat selesai" in err
    code, _, err = run(office, "report", "--semester", "2027-1", "--today", "2027-02-01",
                       "--out", str(office / "lap"))
    assert code == 0, err
    text = pdf_text(office / "lap" / "laporan-aktivitas-2027-1.pdf")
    part = text[text.index("Tindak lanjut evaluasi periode 2026-2"):]
    assert "Tambah kuis mingguan" in part or "Tambah  kuis mingguan" in part
    assert "selesai" in part and "Kuis mingguan berjalan sejak Februari" in part
    assert "Notulen rapat setiap Senin" in part and "lewat tenggat" in part
    assert "Laporan ini belum dievaluasi pimpinan" in text  # 2027-1 itself is not evaluated


def test_a_broken_evaluation_file_names_file_and_line(office: Path) -> None:
    path = office / "laporan" / "evaluasi" / "2026-2.yml"
    path.parent.mkdir(parents=True)
    path.write_text("- kind: temuan\n  no: 1\n  by: ahmad\n  role: pimpinan\n"
                    "  at: kemarin\n  text: x\n", encoding="utf-8")
    code, _, err = run(office, "report", "--semester", "2026-2", "--out", str(office / "l"))
    assert code == 1
    assert "laporan/evaluasi/2026-2.yml" in err and "baris 1" in err and "kemarin" in err


def test_in_english(office: Path) -> None:
    _register_commands()
    result = CliRunner().invoke(cli, ["--lang", "en", "--root", str(office), "evaluate",
                                      "--semester", "2026-2", "--as", "ahmad", "--done", "9",
                                      "--note", "x"])
    assert result.exit_code == 2
    assert "There is no follow-up number 9" in result.stderr
