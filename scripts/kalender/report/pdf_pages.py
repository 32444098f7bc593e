"""Page breaks a reader does not trip over: a table's head stays with its rows, a short
table (its heading too) moves whole to the next page rather than leaving one row, such as
"Jumlah", alone at the top of a page (issue 22). Measured by drawing on fpdf2's recorder
(:meth:`FPDF.offset_rendering`), which draws nothing for real."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from fpdf import FPDF

Draw = Callable[[FPDF], None]


def height_of(pdf: FPDF, draw: Draw) -> float:
    """How many mm ``draw`` takes from where ``pdf`` stands, counted as if the page were
    endless."""
    with pdf.offset_rendering() as recorder:
        top, page = recorder.y, recorder.page
        draw(cast(FPDF, recorder))  # the recorder stands in for the FPDF it copies
        height = recorder.y - top + (recorder.page - page) * pdf.eph
    return height


def room_left(pdf: FPDF) -> float:
    return pdf.page_break_trigger - pdf.get_y()


def page_height(pdf: FPDF) -> float:
    """The room of a whole page below the top margin."""
    return pdf.page_break_trigger - pdf.t_margin


def keep_together(pdf: FPDF, draw: Draw, start: Draw | None = None) -> None:
    """Draw ``draw``; first turn the page when it would break across pages yet fits on one,
    or, for something longer than a page, when not even its ``start`` (a heading, the head
    row and the first rows of a table) fits in what is left of this one."""
    height = height_of(pdf, draw)
    if height > room_left(pdf):
        fits_a_page = height <= page_height(pdf)
        start_fits = start is not None and height_of(pdf, start) <= room_left(pdf)
        if fits_a_page or not start_fits:
            pdf.add_page()
    draw(pdf)
