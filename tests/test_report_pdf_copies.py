"""The report PDF's tables are measured more cheaply (issue 23): on copies of the document
that share the fonts' width and glyph id tables, and a table longer than a page only up to
its first page. The PDF is the same bytes as measured the old way."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from kalender.report import pdf as report_pdf
from kalender.report import pdf_pages
from kalender.report.pdf import FONT, ReportPDF, _table, font_file
from kalender.report.wording import Table

HEAD = ("Bulan", "Direncanakan", "Terbit", "Persentase")


def report_like_pdf(share: bool) -> bytes:
    """A page of text, a short table near the foot of the page (moved whole), a table longer
    than a page (broken, its head on every page), with letters DejaVu lacks (a width and
    glyph id asked for and not found), drawn with or without shared font tables."""
    pdf = ReportPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
    pdf.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
    if share:
        pdf_pages.share_font_tables(pdf)
    pdf.set_creation_date(dt.datetime(2026, 12, 31, 9, 0, tzinfo=dt.UTC))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(0, 5, "Teks di atas tabel – dengan tanda pisah.")
    pdf.set_y(240)
    short = tuple((f"Bulan ke-{n}", str(n), str(n), "50%") for n in range(1, 7))
    _table(pdf, Table(HEAD, (*short, ("Jumlah", "21", "21", "100%")), (1, 2, 3), total=True),
           heading="report.plan.by_month")
    long = tuple((f"Pos {n} 日本 ✓", str(n), str(2 * n), f"{n % 100}%") for n in range(1, 90))
    _table(pdf, Table(HEAD, (*long, ("Jumlah", "9", "9", "9%")), (1, 2, 3), total=True),
           8.5, "report.plan.by_month")
    return bytes(pdf.output())


def test_shared_font_tables_give_the_same_pdf_bytes() -> None:
    shared, copied = report_like_pdf(share=True), report_like_pdf(share=False)
    assert shared[:5] == b"%PDF-" and len(shared) > 10_000
    assert shared == copied


def test_a_copy_of_the_document_shares_the_tables_and_copies_the_rest() -> None:
    pdf = ReportPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
    pdf_pages.share_font_tables(pdf)
    font = next(iter(pdf.fonts.values()))
    twin = copy.deepcopy(pdf).fonts[font.fontkey]
    assert twin.cw is font.cw and twin.glyph_ids is font.glyph_ids
    assert twin.subset is not font.subset  # what drawing changes is still copied
    assert len(font.cw) > 1000 and font.cw[0x10FFFD] == font.cw.default_factory()


@pytest.mark.parametrize("share", [True, False])
def test_the_long_table_keeps_its_head_on_every_page(share: bool) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    pages = [p.extract_text() for p in PdfReader(BytesIO(report_like_pdf(share))).pages]
    assert len(pages) >= 3
    assert "Bulan ke-1" in pages[1] and "Bulan ke-1" not in pages[0]  # moved whole
    for text in pages[2:]:
        assert "Persentase" in text


def counted_grids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of rows of every table grid drawn from now on (measured or for real)."""
    drawn: list[int] = []
    grid = report_pdf._grid

    def counted(pdf: object, table: Table, size: float) -> None:
        drawn.append(len(table.rows))
        grid(pdf, table, size)  # type: ignore[arg-type]

    monkeypatch.setattr(report_pdf, "_grid", counted)
    return drawn


def test_a_table_longer_than_a_page_is_measured_up_to_its_first_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = counted_grids(monkeypatch)
    monkeypatch.setattr(report_pdf, "_rows_surely_past_a_page", lambda pdf, size: 10_000)
    cheaper = report_like_pdf(share=True)
    assert drawn.count(90) == 1  # the long table (89 rows and its total) drawn once, for real
    drawn.clear()
    monkeypatch.setattr(report_pdf, "_rows_past_a_page", lambda pdf, size: 10_000)
    measured_whole = report_like_pdf(share=True)
    assert drawn.count(90) == 2  # measured whole, then drawn
    assert cheaper == measured_whole


def test_a_table_taller_than_a_page_even_at_one_line_a_row_is_not_measured(
        monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = counted_grids(monkeypatch)
    unmeasured = report_like_pdf(share=True)  # 90 rows: over 60 lines of 8.5 pt
    assert drawn.count(90) == 1  # the long table drawn once, for real
    assert set(drawn) <= {3, 7, 90}  # no first page of the long table drawn to measure
    monkeypatch.setattr(report_pdf, "_rows_surely_past_a_page", lambda pdf, size: 10_000)
    assert unmeasured == report_like_pdf(share=True)  # measured up to a page: same bytes
    assert not set(drawn) <= {3, 7, 90}


def test_rows_surely_past_a_page_are_taller_than_a_page() -> None:
    pdf = ReportPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=18)
    for size in (8, 8.5, 9):
        rows = report_pdf._rows_surely_past_a_page(pdf, size)
        assert rows * size * 0.5 > pdf_pages.page_height(pdf) >= (rows - 2) * size * 0.5
