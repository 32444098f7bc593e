"""The semester report as a leader reads it (issue 22): no configuration path or option, no
table row alone at the top of a page (the PDF read back page by page), and the states of the
period's posts counted by the same function as the calendar's own badges."""

from __future__ import annotations

import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from kalender.report.pdf import FONT, ReportPDF, _table, font_file
from kalender.report.wording import Table

ROOT = Path(__file__).resolve().parent.parent
HEAD = ("Bulan", "Direncanakan", "Terbit", "Persentase")
STATES = {"usulan": "Usulan", "draf": "Draf", "diajukan": "Diajukan", "diparaf": "Diparaf",
          "disetujui": "Disetujui", "diunggah": "Diunggah", "revisi": "Revisi"}


def pdf_with_table_at(y: float, rows: int) -> list[str]:
    """A report page whose text already reaches ``y`` mm, then one table with a total row;
    the text of each page of the PDF, read back."""
    pdf = ReportPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
    pdf.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(0, 5, "Teks di atas tabel.")
    pdf.set_y(y)
    body = tuple((f"Bulan ke-{n}", str(n), str(n), "50%") for n in range(1, rows + 1))
    _table(pdf, Table(HEAD, (*body, ("Jumlah", "99", "98", "99%")), (1, 2, 3), total=True),
           heading="report.plan.by_month")
    data = bytes(pdf.output())

    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def test_a_short_table_near_the_foot_of_a_page_moves_whole_with_its_heading() -> None:
    pages = pdf_with_table_at(240, 6)
    assert len(pages) == 2
    assert "Bulan ke-1" not in pages[0] and "Per bulan" not in pages[0]
    assert "Per bulan" in pages[1] and "Persentase" in pages[1] and "Jumlah" in pages[1]


def test_a_long_table_breaks_with_its_head_on_every_page_and_no_lonely_row() -> None:
    pages = pdf_with_table_at(265, 70)
    assert "Bulan ke-1" not in pages[0]  # its head and first rows did not fit: next page
    for text in pages[1:]:
        rows = [line for line in text.splitlines() if line.startswith(("Bulan ke-", "Jumlah"))]
        assert "Persentase" in text and len(rows) >= 3, text


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's calendar on its last day of 2026 (every record is in the past)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(ROOT), "build", "--today",
         "2026-12-31", "--site-dir", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def report_text(site: Path) -> str:
    reader = PdfReader(site / "laporan" / "2026-2" / "laporan-aktivitas-2026-2.pdf")
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_the_report_speaks_to_leaders_not_to_the_configuration(site: Path) -> None:
    for shown in (report_text(site),
                  (site / "laporan" / "2026-2" / "index.html").read_text(encoding="utf-8")):
        assert "calendar/" not in shown and ".yml" not in shown
        assert not re.search(r"\s--[a-z]", shown)
        assert "kalender evaluate" not in shown and "on_time_hours" not in shown
    assert "batas yang ditetapkan satker" in report_text(site)


def test_every_pdf_page_with_a_total_row_also_has_its_head_row(site: Path) -> None:
    reader = PdfReader(site / "laporan" / "2026-2" / "laporan-aktivitas-2026-2.pdf")
    for number, page in enumerate(reader.pages, 1):
        lines = page.extract_text().splitlines()
        totals = [i for i, line in enumerate(lines) if line.startswith("Jumlah ")]
        for at in totals:
            assert at > 0 and any("Direncanakan" in line for line in lines[:at]), number


def test_the_report_counts_states_as_the_calendar_shows_them(site: Path) -> None:
    """The states of the period's posts in the report equal the badges of the same posts on
    the calendar's list page; "dikembalikan" is not fewer than the posts in Revisi."""
    listing = (site / "daftar" / "index.html").read_text(encoding="utf-8")
    badges = re.findall(r'data-post="(2026-(?:0[7-9]|1[0-2])-[^"]+)" data-status="([a-z]+)"',
                        listing)
    on_site = {state: sum(1 for _, s in badges if s == state) for state in STATES}
    text = report_text(site)
    sentence = re.search(r"Keadaan (\d+) pos periode ini hari ini, sama dengan yang "
                         r"ditunjukkan kalender: ([^.]+)\.", text)
    assert sentence is not None, text[:2000]
    assert int(sentence.group(1)) == len(badges)
    in_report = {state: 0 for state in STATES}
    for label, count in re.findall(r"([A-Z][a-z]+) (\d+)", sentence.group(2)):
        in_report[next(k for k, v in STATES.items() if v == label)] = int(count)
    assert in_report == on_site
    returned = re.search(r"(\d+) pos dikembalikan untuk revisi", text)
    assert returned is not None and int(returned.group(1)) >= on_site["revisi"] > 0


def test_the_report_pdf_in_english_reads_in_english(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(ROOT), "--lang", "en", "report",
         "--semester", "2026-2", "--today", "2026-12-31", "--out", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    reader = PdfReader(next(tmp_path.glob("*.pdf")))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Activity Report of the JDIH Social-Media Accounts" in text
    assert "as the calendar shows them: Draft 3" in re.sub(r"\s+", " ", text)
    for indonesian in ("Jumlah", "Halaman", "direncanakan", "Keadaan", "Bulan"):  # not titles
        assert indonesian not in text, indonesian
    assert reader.metadata is not None
