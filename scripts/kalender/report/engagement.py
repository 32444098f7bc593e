"""Engagement figures from the platforms' own CSV exports, matched to posts by their live URLs.

Supported exports (column names as the platforms write them; docs/laporan.md lists them):

- Meta Business Suite, Facebook posts: ``Post ID, Page ID, Page name, ..., Permalink, ...,
  Views, Reach, Reactions, Comments and Shares, Reactions, Comments, Shares, ...``
- Meta Business Suite, Instagram posts: ``Post ID, Account ID, Account username, Account name,
  ..., Permalink, Post type, ..., Views, Reach, Likes, Shares, Follows, Comments, Saves``
- TikTok Studio, content: ``Video title, Video link, Post time, Total likes, Total comments,
  Total shares, Total views, ...``
- YouTube Studio, Advanced mode, Content table (``Table data.csv``): ``Content, Video title,
  Video publish time, Duration, Views, ..., Likes, Comments added, Shares`` (``Content`` is the
  video id; the ``Total`` row is skipped)
- X analytics, content: ``Post id, Date, Post text, Post Link, Impressions, Likes, ...,
  Replies, Reposts, ...``; the older ``Tweet id, Tweet permalink, Tweet text, time,
  impressions, ..., retweets, replies, likes, ...`` as well.

Headers are compared without case and surrounding spaces. A number may carry thousands
separators (``12,400``, ``12.400``) or a K/M suffix (``1.2K``); an empty cell is "not given".
Every problem names the file, the line in the file and the column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from ..core.problems import Report
from ..core.source import bounded_text

METRICS = ("reach", "likes", "comments", "shares", "views")
MAX_EXPORT_BYTES = 50_000_000  # a half-year export is a few hundred kilobytes


@dataclass(frozen=True)
class ExportFormat:
    """One platform's export: the headers that identify it and where each figure lives."""

    id: str
    platform: str
    signature: tuple[str, ...]  # headers that must all be present (lower case)
    link: tuple[str, ...]  # the column holding the live URL (or video id), first found wins
    columns: dict[str, tuple[str, ...]]  # metric -> candidate headers, first found wins
    skip_first: str = ""  # a first cell that marks a summary row ("total")


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("youtube-studio", "youtube", ("content", "video title"), ("content",),
                 {"views": ("views",), "likes": ("likes",),
                  "comments": ("comments added", "comments"), "shares": ("shares",),
                  "reach": ("unique viewers",)}, skip_first="total"),
    ExportFormat("tiktok-studio", "tiktok", ("video link",), ("video link",),
                 {"views": ("total views", "video views"), "likes": ("total likes",),
                  "comments": ("total comments",), "shares": ("total shares",),
                  "reach": ("total reach", "reached audience")}),
    ExportFormat("x-analytics", "x", ("post link",), ("post link",),
                 {"views": ("impressions",), "likes": ("likes",), "comments": ("replies",),
                  "shares": ("reposts",)}),
    ExportFormat("x-analytics-lama", "x", ("tweet permalink",), ("tweet permalink",),
                 {"views": ("impressions",), "likes": ("likes",), "comments": ("replies",),
                  "shares": ("retweets",)}),
    ExportFormat("meta-instagram", "instagram", ("account username", "permalink"),
                 ("permalink",),
                 {"reach": ("reach",), "likes": ("likes",), "comments": ("comments",),
                  "shares": ("shares",), "views": ("views", "plays", "impressions")}),
    ExportFormat("meta-facebook", "facebook", ("page name", "permalink"), ("permalink",),
                 {"reach": ("reach",), "likes": ("reactions",), "comments": ("comments",),
                  "shares": ("shares",), "views": ("views", "impressions")}),
)


@dataclass(frozen=True)
class EngagementRow:
    """The figures of one published post on one platform, from one line of an export."""

    platform: str
    key: str  # the post's identity on the platform (see :func:`url_key`)
    link: str  # as written in the export
    figures: dict[str, int | None]
    path: Path
    line: int

    def figure(self, metric: str) -> int | None:
        return self.figures.get(metric)


@dataclass
class Imported:
    """Every row read from the exports, the files read, and their formats."""

    rows: list[EngagementRow] = field(default_factory=list)
    files: list[tuple[Path, str]] = field(default_factory=list)  # (file, format id)


def export_files(paths: Iterable[Path]) -> list[Path]:
    """The CSV files named by ``paths``: files as given, folders searched for ``*.csv``."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.csv")) if path.is_dir() else [path])
    return found


def import_exports(paths: Iterable[Path], report: Report) -> Imported:
    """Read every export in ``paths``; problems go to ``report`` (all of them, every file)."""
    imported = Imported()
    for path in export_files(paths):
        text = export_text(path, report)
        if text is None:
            continue
        fmt = read_export(path, text, imported.rows, report)
        if fmt is not None:
            imported.files.append((path, fmt.id))
    return imported


def export_text(path: Path, report: Report) -> str | None:
    """The text of an export (UTF-8, with or without BOM, as the platforms write it)."""
    return bounded_text(path, report, MAX_EXPORT_BYTES)


def read_export(path: Path, text: str, rows: list[EngagementRow],
                report: Report) -> ExportFormat | None:
    """Add the rows of one export's ``text`` to ``rows``; None when its format is unknown."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        report.error(path, 1, "engagement.empty")
        return None
    names = [_header(cell) for cell in header]
    fmt = detect_format(names)
    if fmt is None:
        report.error(path, 1, "engagement.unknown_format", found=", ".join(header[:6]),
                     known=", ".join(f.id for f in FORMATS))
        return None
    layout = _Layout(fmt, names, header)
    line = reader.line_num + 1
    try:
        for cells in reader:
            row = layout.row(cells, path, line, report)
            if row is not None:
                rows.append(row)
            line = reader.line_num + 1
    except csv.Error as exc:
        report.error(path, line, "engagement.bad_csv", found=str(exc))
    return fmt


def _header(cell: str) -> str:
    return " ".join(cell.strip().lower().split())


def detect_format(headers: Sequence[str]) -> ExportFormat | None:
    """The export format whose identifying headers are all in ``headers`` (lower case)."""
    present = set(headers)
    return next((f for f in FORMATS if all(s in present for s in f.signature)), None)


class _Layout:
    """Where the link and each figure sit in one export's rows."""

    def __init__(self, fmt: ExportFormat, names: list[str], header: list[str]) -> None:
        self.fmt, self.header = fmt, header
        self.link = _first_index(names, fmt.link)
        self.columns = {m: _first_index(names, c) for m, c in fmt.columns.items()}

    def row(self, cells: list[str], path: Path, line: int,
            report: Report) -> EngagementRow | None:
        if not any(c.strip() for c in cells):
            return None
        link = _cell(cells, self.link).strip()
        if self.fmt.skip_first and link.lower() == self.fmt.skip_first:
            return None
        key = url_key(self.fmt.platform, link)
        if key is None:
            report.error(path, line, "engagement.bad_link", column=self._name(self.link),
                         number=self._number(self.link), found=link)
            return None
        figures: dict[str, int | None] = {}
        ok = True
        for metric, index in self.columns.items():
            raw = _cell(cells, index)
            try:
                figures[metric] = parse_count(raw)
            except ValueError:
                report.error(path, line, "engagement.bad_number", column=self._name(index),
                             number=self._number(index), found=raw)
                ok = False
        if not ok:
            return None
        return EngagementRow(self.fmt.platform, key, link, figures, path, line)

    def _name(self, index: int | None) -> str:
        return self.header[index].strip() if index is not None else ""

    @staticmethod
    def _number(index: int | None) -> int:
        return index + 1 if index is not None else 0


def _first_index(names: list[str], candidates: Sequence[str]) -> int | None:
    return next((names.index(c) for c in candidates if c in names), None)


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]


_COUNT = re.compile(r"^(\d{1,3}(?:[.,\s]\d{3})+|\d+)$")
_SHORT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([kKmM])$")


def parse_count(text: str) -> int | None:
    """``"12,400"`` -> 12400; ``"1.2K"`` -> 1200; ``""``/``"-"`` -> None; ValueError otherwise."""
    value = text.strip().replace("\u00a0", " ")
    if value in ("", "-", "--"):
        return None
    plain = _COUNT.match(value)
    if plain:
        return int(re.sub(r"[.,\s]", "", value))
    short = _SHORT.match(value)
    if short:
        scale = 1_000 if short.group(2).lower() == "k" else 1_000_000
        return round(float(short.group(1).replace(",", ".")) * scale)
    raise ValueError(text)


# -- a post's identity on a platform, from its URL ----------------------------------------

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def url_key(platform: str, link: str) -> str | None:
    """The identity of a published post in ``link``, the same for every way of writing it.

    ``https://www.instagram.com/p/Cx1/?igsh=..`` and ``instagram.com/p/Cx1`` give the same key;
    for YouTube a bare video id (the Studio's ``Content`` column) is accepted. None when
    ``link`` names no post of ``platform``.
    """
    text = link.strip()
    if platform == "youtube" and _YOUTUBE_ID.match(text):
        return f"youtube:{text}"
    if "://" not in text:
        text = "https://" + text
    parsed = urlparse(text)
    host = parsed.netloc.lower().split(":")[0]
    for prefix in ("www.", "m.", "mobile.", "web."):
        host = host.removeprefix(prefix)
    if not host or "." not in host:
        return None
    parts = [p for p in parsed.path.split("/") if p]
    key = _PLATFORM_KEYS.get(platform, _generic)(host, parts, parsed.query)
    return f"{platform}:{key}" if key else None


def _youtube(host: str, parts: list[str], query: str) -> str | None:
    if host == "youtu.be" and parts:
        return parts[0]
    if host.endswith("youtube.com"):
        if parts[:1] == ["watch"]:
            found = parse_qs(query).get("v")
            return found[0] if found else None
        if len(parts) >= 2 and parts[0] in ("shorts", "live", "embed"):
            return parts[1]
    return None


def _tiktok(host: str, parts: list[str], query: str) -> str | None:
    if host.endswith("tiktok.com") and "video" in parts:
        index = parts.index("video")
        return parts[index + 1] if index + 1 < len(parts) else None
    return None


def _x(host: str, parts: list[str], query: str) -> str | None:
    if host in ("x.com", "twitter.com") and "status" in parts:
        index = parts.index("status")
        return parts[index + 1] if index + 1 < len(parts) else None
    return None


def _instagram(host: str, parts: list[str], query: str) -> str | None:
    if host.endswith("instagram.com") and len(parts) >= 2 and parts[-2] in ("p", "reel", "tv"):
        return parts[-1]
    return None


def _generic(host: str, parts: list[str], query: str) -> str | None:
    """Facebook and others: the host and path; ``story_fbid``/``fbid`` queries kept."""
    if not parts:
        return None
    params = parse_qs(query)
    keep = [f"{k}={params[k][0]}" for k in ("story_fbid", "fbid", "id", "v") if k in params]
    path = "/".join(parts)
    return f"{host}/{path}" + (f"?{'&'.join(keep)}" if keep else "")


_PLATFORM_KEYS = {"youtube": _youtube, "tiktok": _tiktok, "x": _x, "instagram": _instagram}
