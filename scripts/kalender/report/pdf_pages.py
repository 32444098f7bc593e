"""Page breaks a reader does not trip over: a table's head stays with its rows, a short
table (its heading too) moves whole to the next page rather than leaving one row, such as
"Jumlah", alone at the top of a page (issue 22). Measured by drawing on fpdf2's recorder
(:meth:`FPDF.offset_rendering`), which draws nothing for real.

The recorder copies the whole document (``copy.deepcopy``) when it starts and again when it
rewinds; most of that copy was each embedded font's table of glyph widths and glyph ids, some
six thousand entries per font, copied twice per measured table (about 40 % of the CPU of a
report's PDF, issue 23). Those two tables are only ever read by key while drawing (a width
missing from the font is stored as the font's default width when first asked for, the same
value every time), so :func:`share_font_tables` lets the copies share them: the PDF is the
same bytes.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from typing import Any, cast

from fpdf import FPDF
from fpdf.fonts import TTFFont

Draw = Callable[[FPDF], None]


class _SharedWidths(defaultdict[int, Any]):
    """A font's glyph widths, shared by the document and the recorder's copies of it."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _SharedWidths:
        return self


class _SharedIds(dict[int, Any]):
    """A font's glyph ids, shared likewise."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _SharedIds:
        return self


def share_font_tables(pdf: FPDF) -> None:
    """Let the recorder's copies of ``pdf`` share its fonts' width and glyph id tables
    (read-only while drawing) instead of copying them; call after the fonts are added."""
    for font in pdf.fonts.values():
        if not isinstance(font, TTFFont):
            continue
        if type(font.cw) is defaultdict:
            font.cw = _SharedWidths(font.cw.default_factory, font.cw)
        if type(font.glyph_ids) is dict:
            font.glyph_ids = _SharedIds(font.glyph_ids)


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


def keep_together(pdf: FPDF, draw: Draw, start: Draw | None = None,
                  part: Draw | None = None, taller: bool = False) -> None:
    """Draw ``draw``; first turn the page when it would break across pages yet fits on one,
    or, for something longer than a page, when not even its ``start`` (a heading, the head
    row and the first rows of a table) fits in what is left of this one.

    ``part``: a first part of ``draw`` (a table's first rows, drawn as they are in the whole
    table). When it alone is taller than a page, so is ``draw`` (rows only add height), and
    the whole is not measured: the same page is turned, for less than half the drawing.
    ``taller``: ``draw`` is known to be taller than a page; nothing is measured for that."""
    if taller or (part is not None and height_of(pdf, part) > page_height(pdf)):
        height = math.inf
    else:
        height = height_of(pdf, draw)
    if height > room_left(pdf):
        fits_a_page = height <= page_height(pdf)
        start_fits = start is not None and height_of(pdf, start) <= room_left(pdf)
        if fits_a_page or not start_fits:
            pdf.add_page()
    draw(pdf)
