"""The papers of the SOP: the Lembar Persetujuan (approval sheet, steps 3-4) and the Nota Dinas
(the memo with which staff submit a week's material, step 1), as A4 PDFs in Indonesian.

Built from the posts and their approval records only, so the same records give the same
bytes: the document date is the latest record's time, never the clock. Text is set in
DejaVu Sans (Debian ``fonts-dejavu-core``), embedded, so every Indonesian glyph prints.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import emoji
import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.output import OutputProducer

from ..approval.fingerprint import short
from ..approval.machine import (
    CHANGED,
    Action,
    Record,
    Standing,
    moment_text,
    role_name,
    standing_label,
)
from ..approval.records import atomic_write, load_ledger
from ..approval.standing import Standings, standing_of
from ..core.calendar_data import CalendarData, Member
from ..core.dates import clock, full_date, week_range
from ..core.digests import DigestStore
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..core.loader import Project, load_project, post_files_of_days
from ..core.model import Post, Status, Week, cover_image
from ..core.problems import problem_counts, report_lines
from ..media.images import open_image
from .actions import resolve_post
from .gates import approval_holds, held_reason

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts/dejavu"))
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
MONO = "DejaVuSansMono.ttf"
OUTPUT_FOLDER = Path("build") / "persetujuan"
SUBMITTED = (Status.DIAJUKAN.value, Status.DIPARAF.value, Status.DISETUJUI.value,
             Status.DIUNGGAH.value, CHANGED)
MARGIN = 15.0  # mm
WIDTH = 210.0 - 2 * MARGIN
THUMB = 30.0  # mm, the square a thumbnail fits in
QR = 24.0  # mm
CAPTION_START = 200  # characters


@dataclass(frozen=True)
class SheetPost:
    """A post on a paper: the post, where it stands, and its preview page."""

    post: Post
    standing: Standing
    url: str
    held: str = ""  # why an approved post may not go out (gates.py), or ""

    @property
    def submitters(self) -> tuple[str, ...]:
        return tuple(sorted(self.standing.history.submitters))


# -- which posts ------------------------------------------------------------------------


def load_for_papers(root: Path, week: Week | None, post_ref: str | None) -> tuple[
        Project, CalendarData, list[Post]]:
    """The project and the posts a paper covers; stop on errors in those posts' files.
    For a week only the post files named for its days are read (all the week's posts)."""
    project = load_project(root, None if week is None or post_ref is not None
                           else post_files_of_days(root, week.days))
    if project.calendar is None:
        _fail_with(project, project.report.errors)
    assert project.calendar is not None
    if post_ref is not None:

        path = resolve_post(root, post_ref)
        found = [p for p in project.posts if p.path == path]
        _fail_with(project, [p for p in project.report.errors if p.path == path])
        return project, project.calendar, found
    assert week is not None
    days = {d.isoformat() for d in week.days}
    broken = [p for p in project.report.errors if p.path.name[:10] in days]
    _fail_with(project, broken)
    return project, project.calendar, [p for p in project.posts if p.week == week]


def _fail_with(project: Project, errors: Sequence[object]) -> None:
    if not errors:
        return
    problems = [e for e in project.report.errors if e in errors]
    count, _ = problem_counts(problems)
    raise DataError("sheet.posts_have_errors", errors=count).with_details(
        report_lines(problems, project.root))


def sheet_posts(posts: Sequence[Post], calendar: CalendarData,
                standings: Standings | None = None) -> list[SheetPost]:
    """The posts that were submitted (and not returned), with their preview addresses."""
    chosen = []
    for post in sorted(posts, key=lambda p: (p.when, p.id)):
        standing = standing_of(post, standings)
        if standing.state in SUBMITTED:
            chosen.append(SheetPost(post, standing, preview_url(calendar, post.id),
                                    _held(post, standing, calendar)))
    return chosen


def _held(post: Post, standing: Standing, calendar: CalendarData) -> str:
    """Why an approved post is not to be listed as approved: its gates hold it now (an
    error of SOP A/D, or a warning its approval record does not acknowledge)."""
    if standing.state != Status.DISETUJUI.value:
        return ""
    holds = approval_holds(post, calendar, standing.history.approval, Status.DISETUJUI)
    return held_reason(holds) if holds.errors or holds.unacknowledged else ""


def preview_url(calendar: CalendarData, post_id: str) -> str:
    """``http://…/pos/<id>/``: the post's page on the calendar site, or "" without base_url."""
    base = calendar.satker.base_url.strip()
    return f"{base.rstrip('/')}/pos/{post_id}/" if base else ""


def document_moment(items: Sequence[SheetPost], fallback: dt.datetime) -> dt.datetime:
    """The latest record time among the posts: the date the paper carries."""
    times = [r.at for item in items for r in _flow_records(item.standing)]
    return max(times, default=fallback)


def _flow_records(standing: Standing) -> list[Record]:
    history = standing.history
    found = [history.paraf, history.approval]
    return [r for r in found if r is not None]


# -- the paper ------------------------------------------------------------------------


def font_folder() -> Path:
    """The folder holding the DejaVu fonts; a clear error when none is installed."""
    for folder in FONT_DIRS:
        if all((folder / name).is_file() for name in (*FONTS.values(), MONO)):
            return folder
    raise KalenderError("sheet.no_font", folders=", ".join(str(f) for f in FONT_DIRS))


class Paper(FPDF):
    """An A4 page with the office's letterhead on the first page and a numbered footer,
    written as PDF/A-2B (an archival record; docs/persetujuan.md). ``areas`` keeps where each
    role's signature box is (page, x, y, width, height in mm) for the digital signature."""

    def __init__(self, calendar: CalendarData, footer_text: str, moment: dt.datetime) -> None:
        super().__init__(orientation="P", unit="mm", format="A4",
                         enforce_compliance="PDFA_2B")
        self.calendar, self.footer_text = calendar, footer_text
        self.areas: dict[str, tuple[int, float, float, float, float]] = {}
        folder = font_folder()
        for style, name in FONTS.items():
            self.add_font("DejaVu", style, str(folder / name))
        self.add_font("DejaVuMono", "", str(folder / MONO))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=18)
        self.set_creation_date(moment)
        self.set_creator("Kalender Konten JDIH")
        self.set_author(calendar.satker.name)
        self.set_lang("id")

    def output(self, *args: Any, **kwargs: Any) -> Any:
        """The PDF; its XMP metadata dated by the records, not the clock (same bytes)."""
        xmp = OutputProducer(self)._build_xmp_from_info()
        dated = self.creation_date.astimezone(dt.UTC).isoformat(timespec="seconds")
        self.set_xmp_metadata(re.sub(r'(xmp:(?:Modify|Metadata)Date=)"[^"]*"',
                                     rf'\1"{dated}"', xmp))
        return super().output(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(90, 90, 90)
        text = t("sheet.footer", label=self.footer_text, page=self.page_no(), pages="{nb}")
        self.cell(0, 5, text, align="C")
        self.set_text_color(0, 0, 0)

    def letterhead(self) -> None:
        """The office's name, the subdivision, and a double rule."""
        satker = self.calendar.satker
        self.set_font("DejaVu", "B", 13)
        self.cell(0, 6, satker.name.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", "", 9.5)
        self.cell(0, 5, t("sheet.unit"), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 4.5, t("sheet.unit_line", url=satker.jdih_url), align="C",
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = self.get_y() + 1.5
        self.set_line_width(0.6)
        self.line(MARGIN, y, MARGIN + WIDTH, y)
        self.set_line_width(0.2)
        self.line(MARGIN, y + 1, MARGIN + WIDTH, y + 1)
        self.set_y(y + 4)

    def title_block(self, title: str, subtitle: str) -> None:
        self.set_font("DejaVu", "B", 12)
        self.cell(0, 6, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVu", "", 9.5)
        self.cell(0, 5, subtitle, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def paragraph(self, text: str, size: float = 9, style: str = "") -> None:
        self.set_font("DejaVu", style, size)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def qr(self, url: str, x: float, y: float, size: float) -> None:
        """A QR code of ``url`` drawn as black squares (vector, sharp in print)."""
        code = segno.make(url, error="m", micro=False)
        rows = list(code.matrix_iter(scale=1, border=2))
        module = size / len(rows)
        self.set_fill_color(0, 0, 0)
        for row_index, row in enumerate(rows):
            start = None
            for col, dark in enumerate((*row, 0)):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    self.rect(x + start * module, y + row_index * module,
                              (col - start) * module, module, style="F")
                    start = None

    def thumbnail(self, post: Post, x: float, y: float, size: float) -> None:
        """The post's picture fitted in a ``size`` square, or a framed placeholder."""
        media = cover_image(post)
        picture = None
        if media is not None:
            path = media.cover if media.is_video and media.cover else media.path
            picture = _small_jpeg(path)
        self.set_draw_color(160, 160, 160)
        if picture is None:
            self.rect(x, y, size, size)
            self.set_xy(x, y + size / 2 - 2)
            self.set_font("DejaVu", "", 7)
            self.cell(size, 4, t("sheet.no_picture"), align="C")
            return
        data, width, height = picture
        scale = size / max(width, height)
        w, h = width * scale, height * scale
        self.image(io.BytesIO(data), x + (size - w) / 2, y + (size - h) / 2, w, h)
        self.rect(x, y, size, size)


def _small_jpeg(path: Path) -> tuple[bytes, int, int] | None:
    try:
        image = open_image(path, (600, 600))
    except Exception:  # noqa: BLE001 - an unreadable picture prints as a placeholder
        return None
    image.thumbnail((600, 600))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=False)
    return out.getvalue(), image.width, image.height


# -- the approval sheet -----------------------------------------------------------------


def write_sheet(root: Path, week: Week | None = None, post_ref: str | None = None,
                output: Path | None = None, digests: DigestStore | None = None) -> Path:
    """Write the Lembar Persetujuan of ``week`` (or of one post) and return its path (media
    hashed through ``digests``, such as the export's)."""
    project, calendar, posts = load_for_papers(root, week, post_ref)
    items = sheet_posts(posts, calendar, Standings(digests))
    label = week.label if week is not None else (posts[0].id if posts else str(post_ref))
    if not items:
        raise KalenderError("sheet.nothing_submitted", what=label)
    path = output or root / OUTPUT_FOLDER / f"lembar-persetujuan-{label}.pdf"
    data = sheet_pdf(calendar, items, week, len(posts) - len(items))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)
    return path


def sheet_pdf(calendar: CalendarData, items: Sequence[SheetPost], week: Week | None,
              left_out: int = 0) -> bytes:
    """The approval sheet's bytes."""
    return bytes(sheet_paper(calendar, items, week, left_out).output())


def manifest(items: Sequence[SheetPost]) -> str:
    """The posts of a paper and their content fingerprints, in the PDF's Keywords: what
    ``kalender verify`` compares with the records."""
    return " ".join([MANIFEST, *(f"{i.post.id}={i.standing.fingerprint}" for i in items)])


MANIFEST = "kalender-lembar-1"


def sheet_paper(calendar: CalendarData, items: Sequence[SheetPost], week: Week | None,
                left_out: int = 0) -> Paper:
    """The approval sheet, laid out (not written yet)."""
    zone = calendar.satker.timezone
    first = items[0].post
    fallback = dt.datetime.combine(week.monday if week else first.date, dt.time(), zone)
    moment = document_moment(items, fallback)
    label = t("sheet.week_label", week=week.label) if week else first.id
    pdf = Paper(calendar, t("sheet.footer_label", label=label), moment)
    pdf.set_title(t("sheet.title") + " " + label)
    pdf.set_keywords(manifest(items))
    pdf.add_page()
    pdf.letterhead()
    subtitle = (t("sheet.subtitle_week", week=week.label, range=week_range(week)) if week
                else t("sheet.subtitle_post", title=first.title))
    pdf.title_block(t("sheet.title"), subtitle)
    pdf.paragraph(t("sheet.intro", count=len(items)))
    if left_out:
        pdf.paragraph(t("sheet.left_out", count=left_out), size=8)
    pdf.ln(2)
    for number, item in enumerate(items, start=1):
        _post_block(pdf, calendar, number, item)
    _signatures(pdf, calendar, items, moment)
    return pdf


def _post_block(pdf: Paper, calendar: CalendarData, number: int, item: SheetPost) -> None:
    post, standing = item.post, item.standing
    lines = _block_lines(calendar, item)
    height = max(THUMB + 4, 6 + 4.2 * len(lines) + 9 * 2 + 6)
    if pdf.get_y() + height > pdf.h - 20:
        pdf.add_page()
    top = pdf.get_y()
    text_x, text_w = MARGIN + THUMB + 4, WIDTH - THUMB - QR - 10
    pdf.thumbnail(post, MARGIN + 1, top + 2, THUMB)
    if item.url:
        pdf.qr(item.url, MARGIN + WIDTH - QR, top + 1, QR)
        pdf.set_xy(MARGIN + WIDTH - QR - 2, top + QR + 1)
        pdf.set_font("DejaVu", "", 6)
        pdf.cell(QR + 4, 3, t("sheet.qr_caption"), align="C")
    pdf.set_xy(text_x, top + 1)
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(text_w, 5, f"{number}. {post.title}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", 8)
    for key, value in lines:
        pdf.set_x(text_x)
        pdf.set_font("DejaVu", "B", 8)
        pdf.cell(24, 4.2, key)
        pdf.set_font("DejaVuMono" if key == t("sheet.field_fingerprint") else "DejaVu", "", 8)
        pdf.multi_cell(text_w - 24, 4.2, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if item.held:
        pdf.set_x(text_x)
        pdf.set_text_color(160, 20, 20)
        pdf.set_font("DejaVu", "B", 8)
        pdf.multi_cell(text_w, 4.2, t("sheet.held", why=item.held), new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    if standing.changed:
        pdf.set_x(text_x)
        pdf.set_text_color(160, 20, 20)
        pdf.set_font("DejaVu", "B", 8)
        bound = standing.bound
        assert bound is not None
        pdf.multi_cell(text_w, 4.2, t("sheet.changed", label=t(
            "approval.badge.changed_after", step=t(f"approval.done.{bound.action}")),
            was=short(bound.fingerprint), now=short(standing.fingerprint)),
            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
    pdf.ln(1)
    for key, record in ((t("sheet.field_paraf"), standing.history.paraf),
                        (t("sheet.field_approval"), standing.history.approval)):
        pdf.set_x(text_x)
        pdf.set_font("DejaVu", "B", 8)
        pdf.cell(24, 4.2, key)
        pdf.set_font("DejaVu", "", 8)
        pdf.multi_cell(text_w - 24, 4.2, _record_text(calendar, record), new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    bottom = max(pdf.get_y(), top + THUMB + 4, top + QR + 5) + 2
    pdf.set_draw_color(200, 200, 200)
    pdf.line(MARGIN, bottom, MARGIN + WIDTH, bottom)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_y(bottom + 2)


def _block_lines(calendar: CalendarData, item: SheetPost) -> list[tuple[str, str]]:
    post = item.post
    names = {pid: p.name for pid, p in calendar.platforms.items()}
    platforms = ", ".join(f"{names.get(t_.platform, t_.platform)} ({t_.format})"
                          for t_ in post.targets)
    when = (t("approval.moment", date=full_date(post.date), clock=clock(post.when),
              zone=post.when.tzname() or "") if post.time_fixed else full_date(post.date))
    return [
        (t("sheet.field_when"), when),
        (t("sheet.field_platforms"), platforms or "—"),
        (t("sheet.field_caption"), caption_start(post)),
        (t("sheet.field_fingerprint"), short(item.standing.fingerprint)),
        (t("sheet.field_status"), t("sheet.held_status") if item.held
         else _status_text(item.standing)),
    ]


def caption_start(post: Post, limit: int = CAPTION_START) -> str:
    """The first words of the caption as printed: one line of text, cut at a word.

    Emoji are left out: the embedded font has no glyph for them (the fingerprint still
    covers the exact text).
    """
    text = post.caption or next((c.text for c in post.captions.values() if c.text), "")
    flat = " ".join(emoji.replace_emoji(text, replace="").split())
    if len(flat) <= limit:
        return flat or "—"
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def _status_text(standing: Standing) -> str:

    return standing_label(standing)


def _record_text(calendar: CalendarData, record: Record | None) -> str:
    if record is None:
        return t("sheet.not_yet")
    member = calendar.team.members.get(record.by)
    role = role_name(record.role)
    role = t("approval.acting", role=role) if record.acting else role
    return t("sheet.record", name=member.name if member else record.by, role=role,
             when=moment_text(record.at), fingerprint=short(record.fingerprint))


def _signatures(pdf: Paper, calendar: CalendarData, items: Sequence[SheetPost],
                moment: dt.datetime) -> None:
    if pdf.get_y() + 55 > pdf.h - 20:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 9)
    place = calendar.satker.short_name.removeprefix("KPU ").removeprefix("Kota ")
    pdf.cell(0, 5, t("sheet.place_date", place=place, date=full_date(moment.date())),
             align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    top, half = pdf.get_y(), WIDTH / 2
    boxes = (("kasubbag", t("sheet.sign_paraf"), [i.standing.history.paraf for i in items]),
             ("divisi", t("sheet.sign_approval"), [i.standing.history.approval for i in items]))
    for index, (role, caption, records) in enumerate(boxes):
        x = MARGIN + index * half
        signer = _signer(calendar, role, records)
        pdf.set_draw_color(120, 120, 120)
        pdf.rect(x + 2, top, half - 4, 46)
        pdf.areas[role] = (pdf.page_no(), x + 4, top + 11, half - 8, 24)
        pdf.set_xy(x + 2, top + 2)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.cell(half - 4, 4.5, caption, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.multi_cell(half - 4, 4.5, signer[1], align="C", new_x=XPos.LEFT,
                       new_y=YPos.NEXT)
        pdf.set_xy(x + 2, top + 36)
        pdf.set_font("DejaVu", "B", 9)
        pdf.cell(half - 4, 5, signer[0], align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font("DejaVu", "", 7)
        pdf.cell(half - 4, 3.5, t("sheet.signature_here"), align="C")
    pdf.set_y(top + 50)


def _signer(calendar: CalendarData, role: str, records: Sequence[Record | None]) -> tuple[
        str, str]:
    """Who signs a box: the person who gave most of these records, else the role's holder."""
    team = calendar.team
    counted: dict[tuple[str, bool], int] = {}
    for record in records:
        if record is not None and record.by in team.members:
            key = (record.by, record.acting)
            counted[key] = counted.get(key, 0) + 1
    if counted:
        (member_id, acting), _ = max(counted.items(), key=lambda kv: (kv[1], kv[0]))
        member: Member | None = team.members[member_id]
    else:
        acting = False
        member = next((m for m in team.members.values() if m.role == role), None)
    title = role_name(role)
    title = t("approval.acting", role=title) if acting else title
    return (member.name if member else t("sheet.name_blank")), title


# -- the Nota Dinas ---------------------------------------------------------------------


def write_memo(root: Path, week: Week, output: Path | None = None) -> Path:
    """Write the Nota Dinas that submits ``week``'s material (SOP step 1); return its path."""
    project, calendar, posts = load_for_papers(root, week, None)
    items = sheet_posts(posts, calendar)
    if not items:
        raise KalenderError("sheet.nothing_submitted", what=week.label)
    path = output or root / OUTPUT_FOLDER / f"nota-dinas-{week.label}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, memo_pdf(calendar, items, week))
    return path


def memo_pdf(calendar: CalendarData, items: Sequence[SheetPost], week: Week) -> bytes:
    """The Nota Dinas's bytes: to the Kasubbag, from the staff who submitted, with a table."""
    return bytes(memo_paper(calendar, items, week).output())


def memo_paper(calendar: CalendarData, items: Sequence[SheetPost], week: Week) -> Paper:
    """The Nota Dinas, laid out (not written yet)."""
    zone = calendar.satker.timezone
    submits = [r for i in items for r in _submit_records(i)]
    fallback = dt.datetime.combine(week.monday, dt.time(), zone)
    moment = max((r.at for r in submits), default=fallback)
    staff = _staff(calendar, items)
    pdf = Paper(calendar, t("sheet.memo_footer", week=week.label), moment)
    pdf.set_title(t("sheet.memo_title") + " " + week.label)
    pdf.set_keywords(manifest(items))
    pdf.add_page()
    pdf.letterhead()
    pdf.title_block(t("sheet.memo_title"), t("sheet.memo_number"))
    fields = [
        (t("sheet.memo_to"), role_name("kasubbag")),
        (t("sheet.memo_from"), t("sheet.memo_from_value", names=", ".join(staff),
                                  role=role_name("staf"))),
        (t("sheet.memo_date"), full_date(moment.date())),
        (t("sheet.memo_nature"), t("sheet.memo_nature_value")),
        (t("sheet.memo_attachment"), t("sheet.memo_attachment_value", count=len(items))),
        (t("sheet.memo_subject"), t("sheet.memo_subject_value", week=week.label,
                                     range=week_range(week))),
    ]
    for key, value in fields:
        pdf.set_font("DejaVu", "B", 9)
        pdf.cell(28, 5, key)
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(0, 5, ": " + value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.set_line_width(0.3)
    pdf.line(MARGIN, pdf.get_y(), MARGIN + WIDTH, pdf.get_y())
    pdf.ln(3)
    pdf.paragraph(t("sheet.memo_body", count=len(items), office=calendar.satker.name,
                    range=week_range(week)))
    pdf.ln(2)
    _memo_table(pdf, calendar, items)
    pdf.ln(3)
    pdf.paragraph(t("sheet.memo_closing"))
    pdf.ln(6)
    x = MARGIN + WIDTH / 2
    pdf.set_x(x)
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(WIDTH / 2, 5, role_name("staf") + ",", align="C", new_x=XPos.LMARGIN,
             new_y=YPos.NEXT)
    if pdf.get_y() + 30 > pdf.h - 20:
        pdf.add_page()
    pdf.areas["staf"] = (pdf.page_no(), x + 4, pdf.get_y() + 1, WIDTH / 2 - 8, 16)
    pdf.ln(18)
    pdf.set_font("DejaVu", "B", 9)
    pdf.set_x(x)
    pdf.multi_cell(WIDTH / 2, 5, "\n".join(staff), align="C", new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)
    return pdf


def _submit_records(item: SheetPost) -> list[Record]:

    ledger = load_ledger(item.post.path, item.post.when.tzinfo)
    return [r for r in ledger.records if r.action is Action.SUBMIT]


def _staff(calendar: CalendarData, items: Sequence[SheetPost]) -> list[str]:
    ids = sorted({m for i in items for m in i.submitters})
    names = [calendar.team.members[m].name for m in ids if m in calendar.team.members]
    return names or [t("sheet.name_blank")]


def _memo_table(pdf: Paper, calendar: CalendarData, items: Sequence[SheetPost]) -> None:
    names = {pid: p.name for pid, p in calendar.platforms.items()}
    pdf.set_font("DejaVu", "", 8)
    widths = (8, 36, 66, 40, 30)
    with pdf.table(col_widths=widths, text_align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT"),
                   line_height=4.2, first_row_as_headings=True) as table:
        head = table.row()
        for key in ("sheet.col_no", "sheet.col_when", "sheet.col_title",
                    "sheet.col_platforms", "sheet.col_fingerprint"):
            head.cell(t(key))
        for number, item in enumerate(items, start=1):
            post = item.post
            row = table.row()
            row.cell(str(number))
            when = full_date(post.date) + (f" {clock(post.when)}" if post.time_fixed else "")
            row.cell(when)
            row.cell(f"{post.title}\n{t(f'site.type.{post.type}')}")
            row.cell(", ".join(names.get(p, p) for p in post.platforms))
            row.cell(short(item.standing.fingerprint))
