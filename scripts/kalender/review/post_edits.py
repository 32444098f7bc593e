"""What the browser's writing API accepts and how it changes a post's files: limits, the checks
of a sent text, the kinds of uploaded media, names, moves. Used by
:mod:`kalender.review.api_posts`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from starlette.responses import JSONResponse

from ..core.calendar_data import CalendarData
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.loader import PostReader
from ..core.model import Post
from ..core.problems import Problem, Report, finding_line
from ..media.images import MediaError, image_info, open_image, probe_video

EDITABLE = ("title", "category", "type", "platforms", "caption", "captions", "hashtags",
            "mentions", "source", "legal_product")


NEW_FIELDS = (*EDITABLE, "date", "time")
NOTES = "Catatan desain"  # the body section of the design notes (docs/menulis-pos.md)
SUMMARY = "Ringkasan"
TEXT_LIMIT = 20_000  # characters of one text value
IMAGE_LIMIT = 30 * 1024 * 1024  # bytes
VIDEO_LIMIT = 200 * 1024 * 1024  # bytes
UPLOAD_LIMIT = VIDEO_LIMIT
VIDEO_SUFFIXES = (".mp4", ".mov")
NAME = re.compile(r"[^a-z0-9-]+")


class Refusal(KalenderError):
    """A refused request (status, catalog key, the field it is about, extra JSON)."""

    def __init__(self, status: int, key: str, field: str = "", extra: dict[str, Any] | None = None,
                 /, **params: Any) -> None:
        super().__init__(key, **params)
        self.status, self.field = status, field
        self.extra = extra or {}

    def response(self) -> JSONResponse:
        body = {"message": self.format_message(), "field": self.field, **self.extra}
        return JSONResponse(body, status_code=self.status)


def text_version(raw: bytes) -> str:
    """What the editor read: a digest of the post file's bytes (the records do not count, so
    a comment does not refuse a caption edit)."""
    return hashlib.sha256(raw).hexdigest()[:16]


def check_bytes(root: Path, calendar: CalendarData, path: Path,
                raw: bytes) -> tuple[Post | None, list[Problem]]:
    """The post ``raw`` would be at ``path``, and its errors (as ``kalender check``)."""
    report = Report()
    post = PostReader(root.resolve(), calendar, report).read(path, raw)
    return post, [p for p in report if p.is_error]


def field_at(text: str, line: int | None) -> str:
    """The front-matter key a file line belongs to (for the message next to its control)."""
    if line is None:
        return ""
    key = ""
    for number, content in enumerate(text.split("\n"), start=1):
        if number > line:
            break
        found = re.match(r"^([A-Za-z_]+):", content)
        if found:
            key = found.group(1)
    return key


def finding_fields(problem: Problem, text: str) -> dict[str, Any]:
    """One finding for the browser: ``text`` worded as ``kalender check`` prints it
    (:func:`~kalender.core.problems.finding_line`), beside the fields the page places it by."""
    return {"rule": problem.code, "severity": problem.severity.value,
            "field": field_at(text, problem.line), "line": problem.line,
            "message": problem.message, "text": finding_line(problem)}


def refuse_problems(text: str, problems: Sequence[Problem]) -> Refusal:
    first = problems[0]
    return Refusal(422, "editing.invalid", field_at(text, first.line), {
        "problems": [finding_fields(p, text) for p in problems]},
        count=len(problems), first=finding_line(first))


def _value(data: dict[str, Any], key: str) -> Any:
    """One field of a request, checked for its kind: text, list of words, or mapping."""
    value = data[key]
    if key in ("platforms", "captions", "legal_product"):
        ok = isinstance(value, dict) or (key == "platforms" and _words(value))
    elif key in ("hashtags", "mentions"):
        ok = _words(value)
    else:
        ok = isinstance(value, str) and len(value) <= TEXT_LIMIT
    if not ok or len(repr(value)) > TEXT_LIMIT * 4:
        raise Refusal(400, "editing.bad_value", key, field=key)
    if key in ("hashtags", "mentions"):
        return [w.strip().lstrip("#@") for w in value if w.strip().lstrip("#@")]
    if isinstance(value, str) and "\n" in value.strip():
        return value.strip("\n") + "\n"
    return value.strip() if isinstance(value, str) else value


def _words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and len(v) <= 200 for v in value)


def split_changes(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The values to set and the keys to remove (an empty value removes an optional key)."""
    given = data.get("fields", {})
    if not isinstance(given, dict):
        raise Refusal(400, "editing.bad_value", "fields", field="fields")
    unknown = [k for k in given if k not in EDITABLE]
    if unknown:
        raise Refusal(400, "editing.not_editable", unknown[0], field=unknown[0],
                      known=", ".join(EDITABLE))
    changes: dict[str, Any] = {}
    remove: list[str] = []
    for key in given:
        value = _value(given, key)
        if value in ("", [], {}) and key not in ("title", "category", "type"):
            remove.append(key)
        else:
            changes[key] = value
    return changes, remove


def _day(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise Refusal(400, "editing.bad_date", "date", field="date",
                      found=str(value)[:40]) from None


def _time(value: Any) -> str:
    """``HH:MM``, or "" for an open time (waktu bebas)."""
    if value in (None, ""):
        return ""
    text = str(value).strip()
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text):
        raise Refusal(400, "editing.bad_time", "time", field="time", found=text[:20])
    return text


def _time_of(when: str) -> str:
    found = re.search(r"[ T](\d{2}:\d{2})", when)
    return found.group(1) if found else ""


def _renamed_media(media: list[Any], old: str, new: str) -> list[Any]:
    def renamed(value: Any) -> Any:
        if isinstance(value, str) and value.startswith(old + "/"):
            return new + value[len(old):]
        return value

    return [{k: renamed(v) if k in ("file", "cover") else v for k, v in item.items()}
            if isinstance(item, dict) else item for item in media]


def _move_files(path: Path, target: Path) -> list[Path]:
    """Rename the post's media folder and every file beside it named for it (the approval
    records, ...) to the new name; the old paths (for the commit) and the new ones."""
    old, new = path.stem, target.stem
    target.parent.mkdir(parents=True, exist_ok=True)
    touched: list[Path] = [path]
    for item in sorted(path.parent.iterdir()):
        if item == path or not (item.name == old or item.name.startswith(old + ".")):
            continue
        moved = target.parent / (new + item.name[len(old):])
        shutil.move(item, moved)
        touched += [item, moved]
    path.unlink()
    return touched


def _kind(body: bytes) -> str:
    """The file's kind from its first bytes, never from its name."""
    for suffix, test in KINDS:
        if test(body[:16]):
            return suffix
    raise Refusal(415, "editing.media_kind", "file", field="file")


def _probe(path: Path, suffix: str, name: str) -> None:
    """Open the file as the build will: a picture fully decoded (a decompression bomb or a
    broken file is refused), a video's first frame read."""
    try:
        if suffix in VIDEO_SUFFIXES:
            probe_video(path)
        else:
            image_info(path)
            open_image(path).close()
    except MediaError as error:
        raise Refusal(422, "editing.media_bad", "file", field="file", file=name[:80],
                      detail=t(error.key, **{**error.params, "file": name[:80]})) from None


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem}{suffix}"
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target


def _arranged(item: Any, old: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if not isinstance(item, dict) or str(item.get("file")) not in old:
        raise Refusal(400, "editing.media_mismatch", "media", field="media")
    result = dict(old[str(item["file"])])
    if "alt" in item:
        if not isinstance(item["alt"], str) or not item["alt"].strip():
            raise Refusal(400, "editing.alt_required", "alt", field="alt")
        result["alt"] = item["alt"].strip()
    if "focus" in item:
        focus = item["focus"]
        if focus is None:
            result.pop("focus", None)
        elif (isinstance(focus, list) and len(focus) == 2
              and all(isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1
                      for v in focus)):
            result["focus"] = [round(float(v), 2) for v in focus]
        else:
            raise Refusal(400, "editing.bad_value", "focus", field="focus")
    return result


KINDS: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    (".jpg", lambda b: b[:3] == b"\xff\xd8\xff"),
    (".png", lambda b: b[:8] == b"\x89PNG\r\n\x1a\n"),
    (".webp", lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP"),
    (".heic", lambda b: b[4:8] == b"ftyp" and b[8:12] in (b"heic", b"heix", b"mif1", b"msf1")),
    (".mov", lambda b: b[4:8] == b"ftyp" and b[8:12] == b"qt  "),
    (".mp4", lambda b: b[4:8] == b"ftyp"),
)
