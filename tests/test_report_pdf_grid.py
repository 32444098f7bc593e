"""The report's tables, laid out by kalender.report.pdf_grid instead of fpdf2's FPDF.table
(issue 23): the same line breaks as fpdf2, and the same look on the rendered page."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from fpdf import FPDF
from fpdf.fonts import FontFace
from fpdf.util import Padding
from PIL import Image, ImageChops

from kalender.report.pdf import CELL_PADDING, FONT, ReportPDF, _table, font_file
from kalender.report.pdf_grid import lines_of
from kalender.report.wording import Table

TEXTS = (
    "Pos uji 85",
    "Minggu, 18 Januari 2026 pukul 12.00 WIB",
    "Peraturan Daerah Kabupaten Contoh Nomor 12 Tahun 2026 tentang Pengelolaan Sampah",
    "Kata-yang-sangat-panjang-tanpa-spasi-sama-sekali-yang-harus-dipotong-per-huruf",
    "awal  dua spasi   tiga spasi",
    " spasi di depan dan di belakang ",
    "baris satu\nbaris dua yang lebih panjang dari kolomnya\n\nbaris empat\n",
    "Hari Keterbukaan Informasi Nasional – terlewat",
    "ber\u00adtanda pem\u00adisah suku kata yang tak tampak di tengah kata pan\u00adjang",
    "12.345",
)


def document() -> ReportPDF:
    pdf = ReportPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
    pdf.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
    pdf.set_creation_date(dt.datetime(2026, 12, 31, 9, 0, tzinfo=dt.UTC))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    return pdf


@pytest.mark.parametrize("style", ["", "B"])
@pytest.mark.parametrize("column", [14.0, 25.5, 42.5, 68.0])
def test_cells_break_into_the_lines_fpdf2_breaks_them_into(style: str, column: float) -> None:
    pdf = document()
    pdf.set_font(FONT, style, 8.5)
    for text in TEXTS:
        expected = pdf.multi_cell(column, 4.25, text, dry_run=True, output="LINES",
                                  padding=Padding.new(CELL_PADDING))
        found = lines_of(pdf, text, column, CELL_PADDING)
        assert list(found.texts) == [line.replace("\u00a0", " ") for line in expected], text
        for line, width in zip(found.texts, found.widths, strict=True):
            assert width == pytest.approx(pdf.get_string_width(line))


def table_pdf(draw: object) -> bytes:
    """A heading, a short table, then a table over three pages, drawn by ``draw``."""
    pdf = document()
    pdf.set_fill_color(255, 255, 255)
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(0, 5, "Teks di atas tabel.", new_x="LMARGIN", new_y="NEXT")
    head = ("Tanggal", "Hari penting", "Status", "Jumlah")
    short = Table(head, (("1 Juni 2026", "Hari Lahir Pancasila", "terlewat", "3"),
                         ("Jumlah", "", "", "3")), (3,), (3, 5, 3, 2), total=True)
    rows = tuple((f"{day} Juli 2026", TEXTS[(day * 7) % len(TEXTS)], "Draf", str(day * 13))
                 for day in range(1, 90))
    long = Table(head, (*rows, ("Jumlah", "", "", "999")), (3,), (3, 5, 3, 2), total=True)
    draw(pdf, short)  # type: ignore[operator]
    draw(pdf, long)  # type: ignore[operator]
    return bytes(pdf.output())


def fpdf_table(pdf: FPDF, table: Table, size: float = 8.5) -> None:
    """The table as FPDF.table drew it before (kalender 5c12c07), the look to keep."""
    pdf.set_font(FONT, "", size)
    align = tuple("RIGHT" if i in table.numeric else "LEFT" for i in range(len(table.headings)))
    with pdf.table(col_widths=table.widths or None, text_align=align, line_height=size * 0.5,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(253, 236, 200)),
                   first_row_as_headings=True, borders_layout="HORIZONTAL_LINES",
                   padding=CELL_PADDING, cell_fill_color=(244, 244, 244),
                   cell_fill_mode="ROWS") as grid:
        grid.row(table.headings)
        for index, row in enumerate(table.rows):
            last = table.total and index == len(table.rows) - 1
            grid.row(row, style=FontFace(emphasis="BOLD") if last else None)
    pdf.ln(3)


def pages(data: bytes, folder: Path, name: str) -> list[Image.Image]:
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed to render the report"
    (folder / f"{name}.pdf").write_bytes(data)
    subprocess.run([pdftoppm, "-r", "100", "-png", str(folder / f"{name}.pdf"),
                    str(folder / name)], check=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob(f"{name}-*.png"))]


def test_tables_look_as_fpdf2_drew_them(tmp_path: Path) -> None:
    ours = pages(table_pdf(lambda pdf, table: _table(pdf, table, 8.5)), tmp_path, "ours")
    before = pages(table_pdf(fpdf_table), tmp_path, "before")
    assert len(ours) == len(before) >= 3
    for page, (mine, theirs) in enumerate(zip(ours, before, strict=True)):
        differ = ImageChops.difference(mine, theirs)
        rows = [y for y in range(differ.height)
                if differ.crop((0, y, differ.width, y + 1)).getbbox()]
        # At most a tint's edge rounded to the other side of a pixel row (seen at 150 dpi).
        assert len(rows) <= 2 and differ.getextrema()[1] <= 30, (page, rows)
