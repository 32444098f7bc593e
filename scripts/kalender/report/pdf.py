"""The activity report as an A4 PDF in Indonesian, ready to attach to a letter.

Drawn with fpdf2 and the DejaVu Sans TrueType font embedded (every Indonesian letter, the
dash and the en dash print the same on any machine). The same tables and sentences as the
site page (:mod:`kalender.report.wording`), and the charts of :mod:`kalender.report.charts`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from fpdf import FPDF

from ..core.errors import KalenderError
from ..core.i18n import language, t
from ..core.model import LegalProduct
from .build import SemesterReport
from .chartlist import Chart
from .evaluation_view import follow_up_table, signature_lines
from .pdf_grid import draw_grid
from .pdf_pages import keep_together, page_height, share_font_tables
from .wording import (
    Table,
    announced_table,
    days_table,
    engagement_lines_table,
    engagement_totals_table,
    lead_table,
    missed_table,
    moment,
    month_table,
    on_time_table,
    period_label,
    platform_table,
    public_answers_table,
    public_input_table,
    public_kinds_table,
    public_topics_table,
    returns_table,
    summary,
    type_table,
    voided_table,
)

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT = "DejaVu"
MARGIN = 20  # mm
TEXT_WIDTH = 210 - 2 * MARGIN
ORANGE = (230, 159, 0)
HEADING_ROOM = 40  # mm a heading needs below it, else it starts a new page
CELL_PADDING = 1.2  # mm above and below a table cell's text
FIRST_ROWS = 3  # a table longer than a page starts where its head and this many rows fit


def font_file(name: str) -> Path:
    """The DejaVu file ``name`` from the system fonts (fonts-dejavu-core)."""
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise KalenderError("report.no_font", file=name,
                        folders=", ".join(str(f) for f in FONT_DIRS))


class ReportPDF(FPDF):
    """A4 portrait with a page footer ``Halaman 2 dari 5``."""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, t("report.page_of", page=self.page_no(), pages="{nb}"), align="C")
        self.set_text_color(0, 0, 0)


Context = dict[str, dict[str, str]]


def report_pdf(report: SemesterReport, charts: Sequence[Chart], names: Context) -> bytes:
    """The PDF's bytes. ``names`` maps ``members`` and ``platforms`` ids to their names."""
    pdf = _document(report)
    _title(pdf, report)
    _summary(pdf, report)
    by_name = {c.name: c for c in charts}
    _plan(pdf, report, by_name)
    _approval(pdf, report, names["members"])
    _on_time(pdf, report, names["platforms"])
    _legal(pdf, report)
    _engagement(pdf, report, names["platforms"])
    _public_input(pdf, report, names["platforms"])
    _evaluation(pdf, report, names["members"])
    return bytes(pdf.output())


def _document(report: SemesterReport) -> ReportPDF:
    pdf = ReportPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
    pdf.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
    share_font_tables(pdf)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_creation_date(report.as_of)
    pdf.set_title(f"{t('report.title')} – {period_label(report.period)}")
    pdf.set_author(report.office)
    pdf.set_creator("Kalender Konten JDIH")
    pdf.set_lang(language())
    pdf.add_page()
    return pdf


def _title(pdf: ReportPDF, report: SemesterReport) -> None:
    pdf.set_fill_color(*ORANGE)
    pdf.rect(MARGIN, MARGIN - 6, TEXT_WIDTH, 2, style="F")
    pdf.set_fill_color(255, 255, 255)
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, t("report.title"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 6.5, report.office, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 6, period_label(report.period), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8.5)
    pdf.set_text_color(70, 70, 70)
    pdf.multi_cell(0, 4.5, t("report.as_of", moment=moment(report.as_of)),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)


def _heading(pdf: ReportPDF, key: str, size: float = 13, room: float = HEADING_ROOM,
             **params: int) -> None:
    """A heading, on a new page when less than ``room`` mm is left below it."""
    if pdf.get_y() + room > pdf.page_break_trigger:
        pdf.add_page()
    _heading_text(pdf, key, size, **params)


def _heading_text(pdf: FPDF, key: str, size: float, **params: int) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", size)
    text = t(key, None, **params)
    pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _paragraph(pdf: ReportPDF, text: str, size: float = 10) -> None:
    pdf.set_font(FONT, "", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _summary(pdf: ReportPDF, report: SemesterReport) -> None:
    _heading(pdf, "report.summary.heading")
    pdf.set_font(FONT, "", 10)
    for line in summary(report):
        pdf.set_x(MARGIN)
        pdf.cell(5, 5, "•")
        pdf.multi_cell(TEXT_WIDTH - 5, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)


def _chart(pdf: ReportPDF, chart: Chart) -> None:
    height = _image_height(chart)
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
    pdf.image(io.BytesIO(chart.png), x=MARGIN, w=TEXT_WIDTH, alt_text=chart.alt)
    pdf.ln(2)


def _image_height(chart: Chart) -> float:
    from PIL import Image

    with Image.open(io.BytesIO(chart.png)) as image:
        width, height = image.size
    return TEXT_WIDTH * height / width


def _table(pdf: ReportPDF, table: Table, size: float = 9, heading: str = "",
           **params: int) -> None:
    """A table, after its ``heading`` when given, kept on one page with it when they fit on
    one (kalender.pdf_pages): never a head row or a "Jumlah" row alone on a page."""
    first_rows = replace(table, rows=table.rows[:FIRST_ROWS], total=False)

    def draw(target: FPDF, shown: Table = table) -> None:
        if heading:
            _heading_text(target, heading, 11, **params)
        _grid(target, shown, size)

    page_rows = _rows_past_a_page(pdf, size)
    taller = len(table.rows) > _rows_surely_past_a_page(pdf, size)
    part = None
    if len(table.rows) > page_rows and not taller:  # likely longer: measured up to a page
        first_page = replace(table, rows=table.rows[:page_rows], total=False)
        part = partial(draw, shown=first_page)
    keep_together(pdf, draw, lambda target: draw(target, first_rows), part, taller)


def _rows_past_a_page(pdf: FPDF, size: float) -> int:
    """How many one-line rows of a table in ``size`` points reach past a page (a guess:
    :func:`keep_together` measures them before it relies on it)."""
    return int(page_height(pdf) / (size * 0.5 + 2 * CELL_PADDING)) + 2


def _rows_surely_past_a_page(pdf: FPDF, size: float) -> int:
    """How many rows of a table in ``size`` points surely reach past a page, unmeasured:
    fpdf2 makes every row at least one line high (its tallest cell's text and padding, or
    one line when every cell is empty), and a table's rows take at least their heights.
    The late posts' table of a half-year (hundreds of rows) was drawn on the recorder up
    to a page only to learn that (issue 23, branch cold8)."""
    return int(page_height(pdf) / (size * 0.5)) + 1


def _grid(pdf: FPDF, table: Table, size: float) -> None:
    pdf.set_font(FONT, "", size)
    draw_grid(pdf, table, size * 0.5, CELL_PADDING)
    pdf.ln(3)


def _plan(pdf: ReportPDF, report: SemesterReport, charts: dict[str, Chart]) -> None:
    _heading(pdf, "report.section.plan")
    _paragraph(pdf, t("report.plan.note"), 9)
    for key, chart, table in (("report.plan.by_month", "bulan", month_table(report)),
                              ("report.plan.by_type", "jenis", type_table(report)),
                              ("report.plan.by_platform", "platform", platform_table(report)),
                              ("report.plan.share", "rutin", None)):
        _heading(pdf, key, 11, room=_image_height(charts[chart]) + 12)
        _chart(pdf, charts[chart])
        if table is not None:
            _table(pdf, table)


def _approval(pdf: ReportPDF, report: SemesterReport, members: dict[str, str]) -> None:
    _heading(pdf, "report.section.approval")
    _paragraph(pdf, t("report.approval.note"), 9)
    _table(pdf, lead_table(report))
    if report.returns:
        _table(pdf, returns_table(report, members), 8.5, "report.returns.heading",
               posts=report.returned_posts, returns=len(report.returns))
    else:
        _heading(pdf, "report.returns.heading", 11, posts=report.returned_posts,
                 returns=len(report.returns))
        _paragraph(pdf, t("report.returns.none"))
    if report.voided:
        _table(pdf, voided_table(report), 8.5, "report.voided.heading",
               posts=report.voided_posts)
    else:
        _heading(pdf, "report.voided.heading", 11, posts=report.voided_posts)
        _paragraph(pdf, t("report.voided.none"))


def _on_time(pdf: ReportPDF, report: SemesterReport, platforms: dict[str, str]) -> None:
    _heading(pdf, "report.section.on_time")
    _paragraph(pdf, t("report.on_time.note", hours=report.on_time.hours), 9)
    _table(pdf, on_time_table(report))
    if report.on_time.missed:
        _table(pdf, missed_table(report, platforms), 8.5, "report.missed.heading",
               count=len(report.on_time.missed))
    else:
        _heading(pdf, "report.missed.heading", 11, count=len(report.on_time.missed))
        _paragraph(pdf, t("report.missed.none"))


def _legal(pdf: ReportPDF, report: SemesterReport) -> None:
    _heading(pdf, "report.section.legal")
    if report.announced:
        _table(pdf, announced_table(report), 8.5, "report.announced.heading",
               count=len(report.announced))
    else:
        _heading(pdf, "report.announced.heading", 11, count=len(report.announced))
        _paragraph(pdf, t("report.announced.none"))
    if report.unannounced:
        _heading(pdf, "report.unannounced.heading", 11, count=len(report.unannounced))
        pdf.set_font(FONT, "", 9)
        for product in report.unannounced:
            pdf.cell(5, 4.5, "•")
            pdf.multi_cell(TEXT_WIDTH - 5, 4.5, _citation(product.jenis, product.nomor,
                                                          product.tahun, product.tentang),
                           new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if report.days:
        _table(pdf, days_table(report), 8.5, "report.days.heading", count=len(report.days))
    else:
        _heading(pdf, "report.days.heading", 11, count=len(report.days))
        _paragraph(pdf, t("report.days.none"))


def _citation(jenis: str, nomor: str, tahun: int, tentang: str) -> str:

    return LegalProduct(jenis, nomor, tahun, tentang).citation()


def _engagement(pdf: ReportPDF, report: SemesterReport, platforms: dict[str, str]) -> None:
    _heading(pdf, "report.section.engagement")
    engagement = report.engagement
    if engagement is None or not engagement.files:
        _paragraph(pdf, t("report.engagement.none"))
        return
    _paragraph(pdf, t("report.engagement.note"), 9)
    _table(pdf, engagement_totals_table(engagement), 8.5)
    if engagement.lines:
        _table(pdf, engagement_lines_table(engagement, platforms), 8,
               "report.engagement.per_post")
    files = ", ".join(f"{name} ({fmt})" for name, fmt in engagement.files)
    _paragraph(pdf, t("report.engagement.files", files=files), 8.5)
    if engagement.unmatched:
        _paragraph(pdf, t("report.engagement.unmatched", count=len(engagement.unmatched)), 8.5)


def _public_input(pdf: ReportPDF, report: SemesterReport, platforms: dict[str, str]) -> None:
    """What the public said and how it was answered (SOP E.1.f)."""
    _heading(pdf, "report.section.public")
    found = report.public_input
    if found is None or not found.comments:
        _paragraph(pdf, t("report.public.none"))
        return
    _paragraph(pdf, t("report.public.note"), 9)
    tables = [("report.public.answers", public_answers_table(found)),
              ("report.public.by_platform", public_input_table(found, platforms)),
              ("report.public.by_kind", public_kinds_table(found))]
    if found.topics:
        tables.append(("report.public.topics", public_topics_table(found)))
    for key, table in tables:
        _heading(pdf, key, 11)
        _table(pdf, table, 8.5)


def _evaluation(pdf: ReportPDF, report: SemesterReport, members: dict[str, str]) -> None:
    """The leadership's evaluation, the previous period's follow-ups, the signature block."""

    _heading(pdf, "evaluation.section")
    evaluation = report.evaluation
    if evaluation is not None and evaluation.previous is not None:
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(0, 6, t("evaluation.previous", period=evaluation.previous.slug),
                       new_x="LMARGIN", new_y="NEXT")
        _table(pdf, follow_up_table(evaluation.previous, members, report.as_of.date()), 8.5)
    if evaluation is None or not evaluation.current.entries:
        _paragraph(pdf, t("evaluation.none"))
        return
    current = evaluation.current
    if current.findings:
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(0, 6, t("evaluation.findings"), new_x="LMARGIN", new_y="NEXT")
        for entry in current.findings:
            pdf.set_font(FONT, "", 10)
            pdf.set_x(MARGIN)
            pdf.cell(7, 5, f"{entry.no}.")
            pdf.multi_cell(TEXT_WIDTH - 7, 5, entry.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if current.follow_ups:
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(0, 6, t("evaluation.follow_ups"), new_x="LMARGIN", new_y="NEXT")
        _table(pdf, follow_up_table(current, members, report.as_of.date()), 8.5)
    lines = signature_lines(evaluation)
    if lines:
        if pdf.get_y() + 55 > pdf.page_break_trigger:
            pdf.add_page()
        pdf.ln(4)
        pdf.set_font(FONT, "", 10)
        for line in lines:
            pdf.set_x(MARGIN + TEXT_WIDTH / 2)
            pdf.multi_cell(TEXT_WIDTH / 2, 5.5, line, align="C", new_x="LMARGIN",
                           new_y="NEXT")
