"""The domain model: what a planned post is, once its file has been read and checked.

Nothing here reads files or knows mkdocs; :mod:`kalender.core.loader` builds these objects.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .quickstate import quick_state

HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]+)")


class Status(StrEnum):
    """Where a post stands in the SOP's approval flow (DOMAIN.md)."""

    USULAN = "usulan"  # proposed at the weekly meeting
    DRAF = "draf"  # being drafted by staff
    DIAJUKAN = "diajukan"  # handed to the Kasubbag with a Nota Dinas (step 1)
    DIPARAF = "diparaf"  # initialled by the Kasubbag (step 2)
    DISETUJUI = "disetujui"  # approved by Divisi Hukum & Pengawasan (steps 3-4)
    DIUNGGAH = "diunggah"  # uploaded, live (step 6)
    REVISI = "revisi"  # returned at step 2 or 3


STATUSES: tuple[str, ...] = tuple(s.value for s in Status)

CATEGORY_TYPES: dict[str, tuple[str, ...]] = {
    "rutin": ("edukasi-kepemiluan", "edukasi-non-kepemiluan", "non-edukasi"),
    "sewaktu-waktu": ("pengumuman", "berita-kegiatan", "materi-penyuluhan", "hari-penting"),
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_TYPES)
TYPES: tuple[str, ...] = tuple(t for types in CATEGORY_TYPES.values() for t in types)


def category_of(post_type: str) -> str | None:
    """The category a type belongs to, or None for an unknown type."""
    for category, types in CATEGORY_TYPES.items():
        if post_type in types:
            return category
    return None


IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".tif",
                            ".tiff", ".bmp"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm"})


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class Media:
    """One media file of a post, resolved to a path inside the repository."""

    file: str  # as written in the front matter
    path: Path  # resolved, absolute
    alt: str
    focus: tuple[float, float] | None = None  # focal point, (x, y) in 0..1
    cover: Path | None = None  # poster image of a video

    @property
    def is_video(self) -> bool:
        return self.path.suffix.lower() in VIDEO_SUFFIXES


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class Target:
    """A platform a post goes to, in one of that platform's formats."""

    platform: str
    format: str


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class Caption:
    """The text of a post on one platform. ``title`` only where the platform has one."""

    text: str
    title: str | None = None


@dataclass(frozen=True)
class LegalProduct:
    """A legal product cited by the post (JDIH metadata)."""

    jenis: str
    nomor: str
    tahun: int | None
    tentang: str
    tanggal_penetapan: dt.date | None = None
    url: str | None = None

    def citation(self) -> str:
        """``Peraturan KPU Nomor 8 Tahun 2019 tentang ...``"""
        written = self.nomor.lower().replace(" ", "")
        has_year = self.tahun is not None and f"tahun{self.tahun}" in written
        tahun = f" Tahun {self.tahun}" if self.tahun and not has_year else ""
        tentang = f" tentang {self.tentang}" if self.tentang else ""
        return f"{self.jenis} Nomor {self.nomor}{tahun}{tentang}"


@dataclass(frozen=True, order=True)
class Week:
    """An ISO week, e.g. ``2026-W49`` (Monday to Sunday)."""

    year: int
    number: int

    @classmethod
    def of(cls, day: dt.date) -> Week:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def parse(cls, text: str) -> Week:
        """``2026-W49`` -> Week(2026, 49); ValueError when it is not an ISO week."""
        year, sep, number = text.strip().upper().partition("-W")
        if not sep or not year.isdigit() or not number.isdigit():
            raise ValueError(text)
        week = cls(int(year), int(number))
        week.monday  # noqa: B018 - raises ValueError for week 54 and the like
        return week

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def days(self) -> list[dt.date]:
        return [self.monday + dt.timedelta(days=i) for i in range(7)]

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    def shifted(self, weeks: int) -> Week:
        return Week.of(self.monday + dt.timedelta(weeks=weeks))

    def __str__(self) -> str:
        return self.label


@dataclass(slots=True, weakref_slot=True)  # ten thousand of them: no __dict__ each
class Post:
    """One planned post, read from ``posts/YYYY/MM/YYYY-MM-DD-slug.md``."""

    id: str
    path: Path
    title: str
    when: dt.datetime  # time-zone aware, in the office's time zone
    time_fixed: bool  # False when the front matter gave a date alone
    category: str
    type: str
    status: Status
    targets: tuple[Target, ...] = ()
    caption: str = ""
    captions: dict[str, Caption] = field(default_factory=dict)
    hashtags: tuple[str, ...] = ()  # without the leading '#'
    mentions: tuple[str, ...] = ()  # without the leading '@'
    media: tuple[Media, ...] = ()
    legal_product: LegalProduct | None = None
    important_day: str | None = None  # the day a hari-penting post greets, as written
    source: str | None = None
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    lines: Mapping[str, int] = field(default_factory=dict)  # front-matter key path -> file line
    meta: Mapping[str, object] = field(default_factory=dict)  # the front matter as read
    # (lines and meta: maybe packed while kalender serve waits, core.packed)

    @property
    def date(self) -> dt.date:
        return self.when.date()

    @property
    def week(self) -> Week:
        return Week.of(self.date)

    @property
    def slug(self) -> str:
        return self.id[11:] if len(self.id) > 11 else self.id

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(target.platform for target in self.targets)

    def target(self, platform: str) -> Target | None:
        return next((t for t in self.targets if t.platform == platform), None)

    def line(self, *path: str | int) -> int:
        """The file line of a front-matter key (``post.line("media", 0, "alt")``).

        Falls back to the nearest enclosing key, then to the first line of the front matter.
        """
        return line_of(self.lines, *path)

    def caption_for(self, platform: str) -> Caption:
        """The caption on ``platform``: its override, else the shared caption."""
        own = self.captions.get(platform)
        if own is None:
            return Caption(self.caption)
        return Caption(own.text if own.text else self.caption, own.title)

    def text_for(self, platform: str) -> str:
        """The exact text to paste on ``platform``: caption, then the hashtags not yet in it."""
        text = self.caption_for(platform).text.rstrip()
        return append_hashtags(text, self.hashtags)

    @property
    def images(self) -> tuple[Media, ...]:
        return tuple(m for m in self.media if not m.is_video)


def line_of(lines: Mapping[str, int], *path: str | int) -> int:
    """The file line of key ``path`` in ``lines`` (``"media.0.alt"`` -> line), else of the
    nearest enclosing key, else of the first line of the front matter."""
    parts = list(path)
    while parts:
        key = ".".join(str(p) for p in parts)
        if key in lines:
            return lines[key]
        parts.pop()
    return lines.get("", 1)


def append_hashtags(text: str, hashtags: tuple[str, ...]) -> str:
    """``text`` followed by a blank line and the hashtags it does not already contain."""
    present = {tag.lower() for tag in HASHTAG.findall(text)}
    missing = [f"#{tag}" for tag in hashtags if tag.lower() not in present]
    if not missing:
        return text
    return f"{text}\n\n{' '.join(missing)}" if text else " ".join(missing)


def cover_image(post: Post) -> Media | None:
    """The media whose picture stands for the post: the first image, else a video's cover."""
    for media in post.media:
        if not media.is_video or media.cover is not None:
            return media
    return None
