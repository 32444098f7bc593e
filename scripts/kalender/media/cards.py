"""``kalender cards``: orange JDIH-style cards for the posts' media, and the account images.

A card shows the office's identity (a drawn logo placeholder, not the real KPU logo), the
post's type, its title or the slide's text, and its date in Indonesian. Drawing is
deterministic: the same post gives the same bytes. Videos are tiny real MP4 files (H.264,
written through PyAV) of the same card with a moving progress bar.

The size of a card follows the post's first platform format (``calendar/platforms.yml``):
one of its recommended sizes, chosen from the post id, so the sample has several shapes.
Carousel slides read their text from a numbered list under ``## Teks kartu`` in the body.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image, ImageDraw, ImageFont

from ..core.atomic import replacing
from ..core.calendar_data import CalendarData, FormatRule, load_calendar
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.loader import parse_when, post_files
from ..core.model import VIDEO_SUFFIXES
from ..core.problems import Report, report_lines
from ..core.source import split_post
from ..core.yamlsrc import read_yaml

ORANGE = (242, 107, 29)
DEEP_ORANGE = (214, 84, 12)
AMBER = (250, 160, 40)
CREAM = (255, 236, 214)
WHITE = (255, 255, 255)
INK = (120, 44, 6)

FONT_FILES = {True: "DejaVuSans-Bold.ttf", False: "DejaVuSans.ttf"}
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
JPEG_QUALITY = 80
FILE_MODE = 0o644
VIDEO_LONG_SIDE = 1920  # the platforms' recommended 1080x1920 / 1920x1080
VIDEO_BLOCK = 8  # sides in whole 8-pixel blocks: odd chroma sizes made x264 output vary
VIDEO_FPS = 10
VIDEO_SECONDS = 4
X264_OPTIONS = {"crf": "30", "preset": "medium", "threads": "1", "flags": "+bitexact"}
LOGO_SIZE = 512
BANNER_SIZE = (1500, 500)
SLIDE_HEADING = re.compile(r"^#{1,6}\s*teks kartu\s*$", re.IGNORECASE)
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.*\S)\s*$")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class Card:
    """What one card shows, and its size in pixels."""

    text: str
    label: str
    date: str
    office: str
    handle: str
    size: tuple[int, int]
    slide: str = ""


# -- fonts and words ---------------------------------------------------------------------


@cache
def font(size: int, bold: bool = True) -> Font:
    """DejaVu Sans when the machine has it, else Pillow's own scalable default font."""
    name = FONT_FILES[bold]
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), size)
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size)


def indonesian_date(day: dt.date) -> str:
    """``Rabu, 9 Desember 2026``: a date as the catalog writes it."""
    return t("cards.date", weekday=t(f"cards.weekday.{day.weekday()}"), day=day.day,
             month=t(f"cards.month.{day.month}"), year=day.year)


def wrap(text: str, face: Font, width: float) -> list[str]:
    """Greedy word wrap of ``text`` to lines no wider than ``width`` pixels."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and face.getlength(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _line_height(face: Font) -> int:
    box = face.getbbox("ÁgjyQ")
    return int((box[3] - box[1]) * 1.3)


def fit_text(text: str, width: float, height: float, start: int) -> tuple[Font, list[str]]:
    """The largest font (from ``start`` down) at which ``text`` wraps into the box."""
    size = start
    while True:
        face = font(size)
        lines = wrap(text, face, width)
        if len(lines) * _line_height(face) <= height or size <= 12:
            return face, lines
        size = int(size * 0.9)


# -- drawing -------------------------------------------------------------------------------


def draw_logo(size: int) -> Image.Image:
    """The account's profile picture: a drawn JDIH emblem on orange (a placeholder)."""
    image = Image.new("RGB", (size, size), ORANGE)
    draw = ImageDraw.Draw(image)
    _emblem(draw, (0, 0), size)
    return image


def _emblem(draw: ImageDraw.ImageDraw, origin: tuple[int, int], size: int) -> None:
    """A round badge: a ring, an open book, and the word JDIH."""
    x, y = origin
    pad = size // 16
    draw.ellipse((x + pad, y + pad, x + size - pad, y + size - pad), fill=DEEP_ORANGE,
                 outline=WHITE, width=max(2, size // 32))
    cx, top, half = x + size // 2, y + int(size * 0.28), int(size * 0.26)
    bottom = top + int(size * 0.26)
    draw.polygon([(cx, top + size // 20), (cx - half, top), (cx - half, bottom),
                  (cx, bottom + size // 20)], fill=WHITE)
    draw.polygon([(cx, top + size // 20), (cx + half, top), (cx + half, bottom),
                  (cx, bottom + size // 20)], fill=CREAM)
    draw.line([(cx, top + size // 20), (cx, bottom + size // 20)], fill=INK,
              width=max(1, size // 64))
    face = font(max(8, size // 6))
    draw.text((cx, y + int(size * 0.74)), "JDIH", font=face, fill=WHITE, anchor="mm")


def draw_banner(office: str, handle: str, size: tuple[int, int] = BANNER_SIZE) -> Image.Image:
    """The account's banner: identity and emblem on an orange background."""
    width, height = size
    image = Image.new("RGB", size, ORANGE)
    draw = ImageDraw.Draw(image)
    draw.polygon([(int(width * 0.62), 0), (width, 0), (width, height),
                  (int(width * 0.48), height)], fill=DEEP_ORANGE)
    draw.rectangle((0, height - height // 20, width, height), fill=AMBER)
    badge = int(height * 0.62)
    _emblem(draw, (height // 8, (height - badge) // 2), badge)
    left = height // 8 + badge + height // 10
    draw.text((left, int(height * 0.34)), t("cards.institution", office=office),
              font=font(height // 9), fill=WHITE, anchor="lm")
    draw.text((left, int(height * 0.52)), t("cards.tagline"), font=font(height // 16, False),
              fill=CREAM, anchor="lm")
    draw.text((left, int(height * 0.68)), f"@{handle}", font=font(height // 14), fill=WHITE,
              anchor="lm")
    return image


def draw_card(card: Card, progress: float | None = None) -> Image.Image:
    """One card: header with emblem, type label, wrapped text, date; optional progress bar."""
    width, height = card.size
    image = Image.new("RGB", card.size, ORANGE)
    draw = ImageDraw.Draw(image)
    unit = min(width, height)
    margin = unit // 14
    _background(draw, card.size)
    header_bottom = _header(draw, card, margin, unit)
    label_bottom = _label(draw, card.label, (margin, header_bottom + margin // 2), unit)
    footer_top = height - margin - unit // 9
    box_height = footer_top - label_bottom - margin
    face, lines = fit_text(card.text, width - 2 * margin, box_height, unit // 11)
    _text_block(draw, lines, face, (margin, label_bottom + margin // 2))
    _footer(draw, card, margin, unit)
    if progress is not None:
        bar = max(2, unit // 40)
        draw.rectangle((0, height - bar, int(width * progress), height), fill=WHITE)
    return image


def _background(draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
    width, height = size
    draw.polygon([(int(width * 0.55), height), (width, int(height * 0.55)), (width, height)],
                 fill=DEEP_ORANGE)
    draw.rectangle((0, 0, max(4, width // 90), height), fill=AMBER)


def _header(draw: ImageDraw.ImageDraw, card: Card, margin: int, unit: int) -> int:
    badge = unit // 7
    _emblem(draw, (margin, margin), badge)
    left = margin + badge + margin // 3
    draw.text((left, margin + badge * 0.36), t("cards.institution", office=card.office),
              font=font(unit // 24), fill=WHITE, anchor="lm")
    draw.text((left, margin + badge * 0.7), t("cards.tagline"), font=font(unit // 40, False),
              fill=CREAM, anchor="lm")
    return margin + badge


def _label(draw: ImageDraw.ImageDraw, label: str, origin: tuple[int, int], unit: int) -> int:
    face = font(unit // 30)
    text = label.upper()
    pad = unit // 60
    x, y = origin
    box = (x, y, x + int(face.getlength(text)) + 2 * pad, y + _line_height(face) + pad)
    draw.rounded_rectangle(box, radius=pad, fill=WHITE)
    draw.text((x + pad, (box[1] + box[3]) / 2), text, font=face, fill=INK, anchor="lm")
    return box[3]


def _text_block(draw: ImageDraw.ImageDraw, lines: Sequence[str], face: Font,
                origin: tuple[int, int]) -> None:
    x, y = origin
    step = _line_height(face)
    for index, line in enumerate(lines):
        draw.text((x, y + index * step), line, font=face, fill=WHITE)


def _footer(draw: ImageDraw.ImageDraw, card: Card, margin: int, unit: int) -> None:
    width, height = card.size
    bottom = height - margin
    draw.line([(margin, bottom - unit // 9), (width - margin, bottom - unit // 9)], fill=CREAM,
              width=max(1, unit // 300))
    draw.text((margin, bottom - unit // 16), card.date, font=font(unit // 32), fill=WHITE,
              anchor="lm")
    draw.text((margin, bottom - unit // 60), f"@{card.handle}", font=font(unit // 40, False),
              fill=CREAM, anchor="lm")
    if card.slide:
        draw.text((width - margin, bottom - unit // 16), card.slide, font=font(unit // 24),
                  fill=WHITE, anchor="rm")


# -- writing files -------------------------------------------------------------------------


def save_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write through a temporary file beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, FILE_MODE) as out:
        write(out)


def save_image(image: Image.Image, path: Path) -> None:
    """JPEG (quality 80) or PNG by the file's suffix, without metadata, atomically."""
    if path.suffix.lower() in (".jpg", ".jpeg"):
        save_atomic(path, lambda out: image.save(out, "JPEG", quality=JPEG_QUALITY,
                                                    optimize=True, progressive=True))
    else:
        save_atomic(path, lambda out: image.save(out, "PNG", optimize=True))


def video_size(size: tuple[int, int], long_side: int = VIDEO_LONG_SIDE) -> tuple[int, int]:
    """``size`` scaled so its long side is ``long_side``, both sides whole 8-pixel blocks
    (9:16 gives 1080x1920, 16:9 gives 1920x1080)."""
    width, height = size
    scale = long_side / max(width, height)
    return (_blocks(width * scale), _blocks(height * scale))


def _blocks(side: float) -> int:
    return max(VIDEO_BLOCK, round(side / VIDEO_BLOCK) * VIDEO_BLOCK)


def write_video(card: Card, path: Path, seconds: int = VIDEO_SECONDS) -> None:
    """A short silent H.264 MP4 of ``card`` with a progress bar.

    Not byte-for-byte repeatable at 1080x1920 (x264 gave different bytes from run to run
    even on one thread), so ``kalender cards`` draws a video only when it is missing.
    """
    import av

    def encode(target: BinaryIO) -> None:
        with av.open(target, "w", format="mp4",
                     container_options={"fflags": "+bitexact"}) as container:
            stream: Any = container.add_stream("libx264", rate=VIDEO_FPS, options=X264_OPTIONS)
            stream.width, stream.height = card.size
            stream.pix_fmt = "yuv420p"
            for frame in _video_frames(card, seconds * VIDEO_FPS):
                container.mux(stream.encode(frame))
            container.mux(stream.encode(None))

    save_atomic(path, encode)


def _video_frames(card: Card, count: int) -> Iterator[Any]:
    import av

    for index in range(count):
        frame = av.VideoFrame.from_image(draw_card(card, progress=(index + 1) / count))
        frame.pts = index
        yield frame


# -- from posts to cards -------------------------------------------------------------------


@dataclass(frozen=True)
class PostFacts:
    """What a card needs from a post's front matter, read without checking the media."""

    id: str
    folder: Path
    title: str
    type: str
    day: dt.date
    formats: tuple[FormatRule, ...]  # of every target, the first one first
    media: tuple[dict[str, Any], ...]
    slides: tuple[str, ...]


def read_post_facts(path: Path, calendar: CalendarData, report: Report) -> PostFacts | None:
    """The card facts of one post file; its media may not exist yet."""
    source = split_post(path, report)
    if source is None:
        return None
    located = read_yaml(source.front_matter, path, report, source.front_line)
    if located is None or not isinstance(located.value, dict):
        return None
    data = located.value
    when = parse_when(str(data.get("date", "")), calendar.satker.timezone)
    day = when[0].date() if isinstance(when, tuple) else _day_from_name(path.stem)
    media = tuple(m for m in data.get("media") or () if isinstance(m, dict) and m.get("file"))
    return PostFacts(
        id=path.stem, folder=path.parent, title=str(data.get("title") or path.stem),
        type=str(data.get("type") or ""), day=day, formats=_formats(data, calendar),
        media=media, slides=slide_texts(source.body),
    )


def _day_from_name(stem: str) -> dt.date:
    try:
        return dt.date.fromisoformat(stem[:10])
    except ValueError:
        return dt.date(2000, 1, 1)


def _formats(data: dict[str, Any], calendar: CalendarData) -> tuple[FormatRule, ...]:
    raw = data.get("platforms")
    pairs = list(raw.items()) if isinstance(raw, dict) else [(p, None) for p in raw or ()]
    formats = []
    for pid, fmt in pairs:
        platform = calendar.platforms.get(str(pid))
        rule = platform.formats.get(str(fmt or platform.default_format)) if platform else None
        if rule is not None:
            formats.append(rule)
    return tuple(formats)


def slide_texts(body: str) -> tuple[str, ...]:
    """The numbered or bulleted items under a ``## Teks kartu`` heading of the body."""
    items: list[str] = []
    inside = False
    for line in body.splitlines():
        if line.startswith("#"):
            inside = bool(SLIDE_HEADING.match(line.strip()))
            continue
        match = LIST_ITEM.match(line) if inside else None
        if match:
            items.append(match.group(1))
    return tuple(items)


def card_size(facts: PostFacts) -> tuple[int, int]:
    """One of the first format's recommended sizes, picked from the post id (stable),
    enlarged where needed so every platform's crop of it is sharp."""
    sizes = facts.formats[0].sizes if facts.formats else ((1080, 1350),)
    return sharp_size(sizes[zlib.crc32(facts.id.encode("utf-8")) % len(sizes)], facts.formats)


def sharp_size(base: tuple[int, int], formats: Sequence[FormatRule]) -> tuple[int, int]:
    """``base`` scaled up (same shape) until its crop for each format, as the image
    pipeline frames it, is at least as wide as that format's recommended size."""
    from .images import frame

    scale = 1.0
    for rule in formats:
        framing = frame(rule, base)
        crop_width = framing.box[2] - framing.box[0]
        if crop_width < framing.size[0]:
            scale = max(scale, framing.size[0] / crop_width)
    return (math.ceil(base[0] * scale), math.ceil(base[1] * scale))


def cards_for(facts: PostFacts, calendar: CalendarData) -> Iterator[tuple[Path, Card, bool]]:
    """Every media file (and video cover) of a post: its path, its card, whether a video."""
    satker = calendar.satker
    account = next(iter(satker.accounts.values()), None)
    handle = account.handle if account else satker.slug
    base = Card(text=facts.title, label=t(f"cards.type.{facts.type}")
                if facts.type in _TYPE_LABELS else facts.type,
                date=indonesian_date(facts.day), office=satker.short_name, handle=handle,
                size=card_size(facts))
    total = len(facts.media)
    for index, item in enumerate(facts.media):
        text = facts.slides[index] if index < len(facts.slides) else facts.title
        slide = t("cards.slide", number=index + 1, total=total) if total > 1 else ""
        card = Card(**{**base.__dict__, "text": text, "slide": slide})
        path = facts.folder / str(item["file"])
        is_video = path.suffix.lower() in VIDEO_SUFFIXES
        if is_video:
            yield path, Card(**{**card.__dict__, "size": video_size(card.size)}), True
        if is_video and item.get("cover"):
            yield facts.folder / str(item["cover"]), card, False
        elif not is_video:
            yield path, card, False


_TYPE_LABELS = ("edukasi-kepemiluan", "edukasi-non-kepemiluan", "non-edukasi", "pengumuman",
                "berita-kegiatan", "materi-penyuluhan", "hari-penting")


def make_post_media(facts: PostFacts, calendar: CalendarData, force: bool) -> tuple[int, int]:
    """Draw the missing (or, with ``force``, all) media of one post: (made, kept)."""
    made = kept = 0
    for path, card, is_video in cards_for(facts, calendar):
        if path.exists() and not force:
            kept += 1
            continue
        if is_video:
            write_video(card, path)
        else:
            save_image(draw_card(card), path)
        made += 1
    return made, kept


def make_account_images(calendar: CalendarData, force: bool) -> tuple[int, int]:
    """The profile picture(s) and banner named in ``calendar/satker.yml``: (made, kept)."""
    satker = calendar.satker
    account = next(iter(satker.accounts.values()), None)
    handle = account.handle if account else satker.slug
    jobs: dict[Path, Callable[[], Image.Image]] = {}
    for item in satker.accounts.values():
        if item.avatar is not None:
            jobs[item.avatar] = lambda: draw_logo(LOGO_SIZE)
    if satker.banner is not None:
        jobs[satker.banner] = lambda: draw_banner(satker.short_name, handle)
    made = kept = 0
    for path, draw in jobs.items():
        if path.exists() and not force:
            kept += 1
            continue
        save_image(draw(), path)
        made += 1
    return made, kept


def make_all(root: Path, paths: Sequence[Path] | None, force: bool) -> tuple[int, int, Report]:
    """Draw account images and post media for ``root``; (made, kept, problems).

    Raises :class:`KalenderError` when ``calendar/`` cannot be read (after printing why).
    """
    report = Report()
    calendar = load_calendar(root, report)
    if calendar is None:
        raise KalenderError("cards.no_calendar").with_details(report_lines(report, root))
    made, kept = make_account_images(calendar, force)
    for path in paths if paths is not None else post_files(root):
        facts = read_post_facts(path, calendar, report)
        if facts is not None:
            counts = make_post_media(facts, calendar, force)
            made, kept = made + counts[0], kept + counts[1]
    return made, kept, report


