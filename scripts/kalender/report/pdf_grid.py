"""A report table laid out here and drawn with fpdf2's public calls (``text``, ``rect``,
``line``), in the look ``FPDF.table`` gave it: a tinted bold head row, every other row
tinted, thin lines between rows, cells centred in their row's height, the head row again
at the top of every page the table continues on, never a head row alone on a page.

Why not ``FPDF.table``: it breaks each cell's text into lines character by character,
twice per cell (once to learn the row's height, once to draw), which was most of the CPU
of a half-year's PDF (issue 23). Here each word's width is measured once per font and
size and reused, and each cell is broken into lines once, for its height and its drawing.
The lines break where fpdf2 breaks them: between words, a word wider than the cell
between letters. A cell holding a character fpdf2 breaks on or prints otherwise (a soft
hyphen, a thin or zero-width space...) is broken by fpdf2 itself (``multi_cell`` dry run).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from fpdf import FPDF
from fpdf.util import Padding

from .wording import Table

HEAD_FILL = (253, 236, 200)
ROW_FILL = (244, 244, 244)
TOLERANCE = 1e-9  # fpdf2's tolerance when it asks whether a line is too wide
# Characters fpdf2's line breaker treats specially, besides the plain space and newline.
FPDF_SPECIAL = frozenset("\u00ad\u200b\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
                         "\u205f\u3000\f")

_widths: dict[tuple[str, float, str], float] = {}  # (font, size, word): width in mm


@dataclass(frozen=True)
class Lines:
    """A cell's text broken into lines, with each line's width."""

    texts: tuple[str, ...]
    widths: tuple[float, ...]


@dataclass(frozen=True)
class Grid:
    """Where a table's columns stand, and how its cells are padded."""

    left: float
    columns: tuple[float, ...]  # widths, mm
    align_right: tuple[bool, ...]
    line_height: float
    padding: float

    def x(self, column: int) -> float:
        return self.left + sum(self.columns[:column])


@dataclass(frozen=True)
class Row:
    """One row laid out: its cells' lines, its height, its style."""

    cells: tuple[Lines | None, ...]  # None: an empty cell
    height: float
    bold: bool


def width_of(pdf: FPDF, text: str) -> float:
    """``text``'s width in the current font, measured once per font and size."""
    font = pdf.current_font
    key = (font.name if font is not None else "", pdf.font_size_pt, text)
    width = _widths.get(key)
    if width is None:
        width = _widths[key] = pdf.get_string_width(text)
    return width


def _letters(pdf: FPDF, word: str, room: float, done: list[tuple[str, float]],
             ) -> tuple[str, float]:
    """Break a word wider than ``room`` between letters; the full lines go to ``done``,
    the rest (which fits) is returned with its width."""
    part, width = "", 0.0
    for letter in word:
        letter_width = width_of(pdf, letter)
        if part and width + letter_width - room > TOLERANCE:
            done.append((part, width))
            part, width = "", 0.0
        part, width = part + letter, width + letter_width
    return part, width


def _wrapped(pdf: FPDF, text: str, room: float, done: list[tuple[str, float]]) -> None:
    """Break one paragraph (no newline in it) into lines no wider than ``room``."""
    space = width_of(pdf, " ")
    line: str | None = None
    width = 0.0
    for word in text.split(" "):
        word_width = width_of(pdf, word)
        if line is not None and width + space + word_width - room <= TOLERANCE:
            line, width = f"{line} {word}", width + space + word_width
            continue
        if line is not None:
            done.append((line, width))
        line, width = word, word_width
        if width - room > TOLERANCE:
            line, width = _letters(pdf, word, room, done)
    if line is not None:
        done.append((line, width))


def lines_of(pdf: FPDF, text: str, column: float, padding: float) -> Lines:
    """``text`` broken into lines as ``multi_cell`` breaks it in a cell ``column`` mm wide
    with ``padding`` mm inside each side, in the current font."""
    text = pdf.normalize_text(text).replace("\r", "")
    if FPDF_SPECIAL.intersection(text):
        return _lines_by_fpdf(pdf, text, column, padding)
    room = column - 2 * padding
    paragraphs = text.split("\n")
    if len(paragraphs) > 1 and paragraphs[-1] == "":
        paragraphs.pop()  # a final newline ends the last line, it adds none
    done: list[tuple[str, float]] = []
    for paragraph in paragraphs:
        _wrapped(pdf, paragraph, room, done)
    return Lines(tuple(t.replace("\u00a0", " ") for t, _ in done), tuple(w for _, w in done))


def _lines_by_fpdf(pdf: FPDF, text: str, column: float, padding: float) -> Lines:
    found = pdf.multi_cell(column, 1, text, dry_run=True, output="LINES",
                           padding=Padding.new(padding))
    lines = tuple(str(line) for line in cast(list[str], found))
    return Lines(lines, tuple(pdf.get_string_width(line) for line in lines))


def _row(pdf: FPDF, grid: Grid, texts: Sequence[str], bold: bool) -> Row:
    pdf.set_font(style="B" if bold else "")
    cells: list[Lines | None] = []
    for text, column in zip(texts, grid.columns, strict=False):
        cells.append(lines_of(pdf, text, column, grid.padding) if text else None)
    tallest = max((len(c.texts) * grid.line_height + 2 * grid.padding
                   for c in cells if c is not None), default=0.0)
    return Row(tuple(cells), tallest or grid.line_height, bold)


def _fill(pdf: FPDF, colour: object, x: float, y: float, w: float, h: float) -> None:
    if colour is None:
        return
    previous = pdf.fill_color
    pdf.set_fill_color(colour)  # type: ignore[arg-type]  # a colour fpdf2 gave or an RGB
    pdf.rect(x, y, w, h, style="F")
    pdf.set_fill_color(previous)  # type: ignore[arg-type]


def _draw(pdf: FPDF, grid: Grid, row: Row, index: int, last: bool, plain: object) -> None:
    """Draw ``row`` (``index`` 0 is the head row) at the current height, then go below it."""
    top, width = pdf.y, sum(grid.columns)
    colour = HEAD_FILL if index == 0 else ROW_FILL if index % 2 == 1 else plain
    _fill(pdf, colour, grid.left, top, width, row.height)
    if not last:
        pdf.line(grid.left, top + row.height, grid.left + width, top + row.height)
    if index > 0:
        pdf.line(grid.left, top, grid.left + width, top)
    pdf.set_font(style="B" if row.bold else "")
    baseline = 0.5 * grid.line_height + 0.3 * pdf.font_size
    for column, cell in enumerate(row.cells):
        if cell is None:
            continue
        y = top + (row.height - len(cell.texts) * grid.line_height) / 2 + baseline
        x = grid.x(column) + grid.padding
        room = grid.columns[column] - 2 * grid.padding
        for text, text_width in zip(cell.texts, cell.widths, strict=True):
            if text:
                pdf.text(x + (room - text_width if grid.align_right[column] else 0), y, text)
            y += grid.line_height
    pdf.set_font(style="")
    pdf.set_xy(pdf.l_margin, top + row.height)


def _turn_page(pdf: FPDF) -> None:
    x = pdf.x
    pdf.add_page(same=True)
    pdf.x = x


def draw_grid(pdf: FPDF, table: Table, line_height: float, padding: float) -> None:
    """Draw ``table`` from where ``pdf`` stands, in its current (regular) font, across the
    text width; its columns as wide as ``table.widths`` say (equal when none)."""
    plain = pdf.font_face().fill_color  # the even rows' fill, as FPDF.table takes it
    relative = table.widths or (1,) * len(table.headings)
    room = pdf.epw
    grid = Grid(pdf.x, tuple(w / sum(relative) * room for w in relative),
                tuple(i in table.numeric for i in range(len(table.headings))),
                line_height, padding)
    rows = [_row(pdf, grid, table.headings, True)]
    for index, texts in enumerate(table.rows):
        rows.append(_row(pdf, grid, texts, table.total and index == len(table.rows) - 1))
    pdf.set_font(style="")
    if len(rows) > 1 and pdf.will_page_break(rows[0].height + rows[1].height):
        _turn_page(pdf)  # never the head row alone at the foot of a page
    for index, row in enumerate(rows):
        if pdf.will_page_break(row.height):
            _turn_page(pdf)
            if index > 0:
                _draw(pdf, grid, rows[0], 0, False, plain)
        _draw(pdf, grid, row, index, index == len(rows) - 1, plain)
    pdf.x = pdf.l_margin
