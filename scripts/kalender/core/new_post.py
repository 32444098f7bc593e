"""A new post: its file name and folder, and its ready-to-fill text (``kalender new``, and
the review server's "new post"). The values are checked by the loader itself: the file is
written, read back, and removed again when it has an error."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .calendar_data import CalendarData, load_calendar
from .errors import KalenderError
from .i18n import t
from .loader import load_project, parse_when
from .model import Status
from .problems import Problem, Report, report_lines

SLUG_MAX = 60


NOT_SLUG = re.compile(r"[^a-z0-9]+")


SOURCE_TYPES = ("edukasi-kepemiluan", "edukasi-non-kepemiluan", "materi-penyuluhan")


FILE_MODE = 0o644


@dataclass(frozen=True)
class NewPost:
    """What the writer told ``kalender new``: the post's first facts."""

    title: str
    date: str  # "2026-12-09" or "2026-12-09 09:00"
    category: str
    type: str
    targets: tuple[tuple[str, str | None], ...]  # (platform, format or None for its default)


def slugify(title: str, limit: int = SLUG_MAX) -> str:
    """``Hari Antikorupsi Sedunia!`` -> ``hari-antikorupsi-sedunia`` (ASCII, accents dropped)."""
    folded = unicodedata.normalize("NFKD", title)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def parse_platforms(values: Sequence[str]) -> tuple[tuple[str, str | None], ...]:
    """``["instagram:reel", "x, facebook"]`` -> ``(("instagram", "reel"), ("x", None), ...)``."""
    targets: list[tuple[str, str | None]] = []
    for value in values:
        for part in value.replace(";", ",").split(","):
            pid, _, fmt = part.strip().partition(":")
            if pid.strip():
                targets.append((pid.strip().lower(), fmt.strip().lower() or None))
    return tuple(targets)


def when_text(date: str, time: str | None) -> str:
    """The ``date`` value as written: the date, and the time when one is given."""
    date, time = date.strip(), (time or "").strip()
    return f"{date} {time}" if time and not re.search(r"[ T]\d", date) else date


def post_path(root: Path, day: dt.date, slug: str) -> Path:
    """``posts/2026/12/2026-12-09-slug.md`` under ``root``."""
    return root / "posts" / f"{day.year:04d}" / f"{day.month:02d}" / f"{day.isoformat()}-{slug}.md"


def render_post(new: NewPost, when: dt.datetime, time_fixed: bool,
                calendar: CalendarData, post_id: str) -> str:
    """The text of the new post file: front matter with commented placeholders, body template."""
    date = when.strftime("%Y-%m-%d %H:%M") if time_fixed else when.date().isoformat()
    lines = ["---", f"title: {json.dumps(new.title, ensure_ascii=False)}", f"date: {date}",
             f"category: {new.category}", f"type: {new.type}",
             f"status: {Status.USULAN.value}", "platforms:"]
    lines += [f"  {pid}: {_format_of(pid, fmt, calendar)}" for pid, fmt in new.targets]
    lines += [f"# {t('new.caption_comment')}", "# caption: |",
              f"#   {t('new.caption_placeholder')}"]
    hashtags = ", ".join(calendar.satker.hashtags)
    lines.append(f"hashtags: [{hashtags}]")
    lines += _media_comment(post_id)
    lines += _legal_comment(calendar) if new.type == "pengumuman" else []
    lines += _source_comment() if new.type in SOURCE_TYPES else []
    lines.append("---")
    return "\n".join(lines) + "\n" + t("new.body")


def _format_of(pid: str, fmt: str | None, calendar: CalendarData) -> str:
    platform = calendar.platforms.get(pid)
    return fmt or (platform.default_format if platform else '""')


def _media_comment(post_id: str) -> list[str]:
    return [f"# {t('new.media_comment', folder=post_id)}", "# media:",
            f"#   - file: {post_id}/kartu-1.jpg", f"#     alt: {t('new.alt_placeholder')}"]


def _legal_comment(calendar: CalendarData) -> list[str]:
    url = calendar.satker.jdih_url or "https://"
    return [f"# {t('new.legal_comment')}", "# legal_product:", "#   jenis: Peraturan KPU",
            '#   nomor: "..."', "#   tahun: ...", f"#   tentang: {t('new.legal_about')}",
            "#   tanggal_penetapan: ...", f"#   url: {url}"]


def _source_comment() -> list[str]:
    return [f"# {t('new.source_comment')}", f"# source: {t('new.source_placeholder')}"]


def create_exclusive(path: Path, text: str) -> None:
    """Write ``text`` to a new file ``path`` atomically; KalenderError when it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".md")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temp, FILE_MODE)
        os.link(temp, path)  # fails if the file exists: never overwrite
    except FileExistsError:
        raise KalenderError("new.exists", path=shown_path(path)) from None
    finally:
        os.unlink(temp)


def shown_path(path: Path, root: Path | None = None) -> str:
    try:
        return path.relative_to(root or Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def write_new_post(root: Path, new: NewPost) -> tuple[Path, list[Problem]]:
    """Write ``new`` under ``root``; returns the path, or the problems (file removed)."""
    report = Report()
    calendar = load_calendar(root, report)
    if calendar is None:
        raise KalenderError("new.no_calendar").with_details(report_lines(report, root))
    parsed = parse_when(new.date, calendar.satker.timezone)
    if parsed is None:
        raise KalenderError("post.bad_date", found=new.date)
    if isinstance(parsed, str):
        raise KalenderError("post.impossible_date", found=new.date, detail=parsed)
    slug = slugify(new.title)
    if not slug:
        raise KalenderError("new.empty_slug", title=new.title)
    path = post_path(root, parsed[0].date(), slug)
    if path.exists():
        raise KalenderError("new.exists", path=shown_path(path, root))
    create_exclusive(path, render_post(new, parsed[0], parsed[1], calendar, path.stem))
    problems = load_project(root, [path]).report.errors
    if problems:
        path.unlink()
    return path, problems
