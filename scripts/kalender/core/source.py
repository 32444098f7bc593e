"""Reading a post file as text: encoding, line endings, and the front-matter fences."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Report

FENCE = "---"
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class SourceFile:
    """A post file split into its front matter and its body, with their first lines."""

    path: Path
    raw: bytes  # the bytes as read, for writers that must keep them
    front_matter: str
    front_line: int  # file line of the front matter's first line
    body: str
    body_line: int
    newline: str  # "\r\n" when the file was saved with Windows line endings
    bom: bool


def read_text(path: Path, report: Report,
              given: bytes | None = None) -> tuple[bytes, str] | None:
    """The file's bytes (or ``given``, the bytes it is about to hold) and its text (UTF-8,
    BOM allowed, CRLF folded to LF)."""
    raw = bounded_bytes(path, report, MAX_FILE_BYTES, given)
    text = None if raw is None else decoded(raw, path, report)
    if raw is None or text is None:
        return None
    return raw, text.replace("\r\n", "\n").replace("\r", "\n")


def bounded_text(path: Path, report: Report, limit: int) -> str | None:
    """The text of a user's file of at most ``limit`` bytes (UTF-8, BOM allowed), or None
    with the reason in ``report``."""
    raw = bounded_bytes(path, report, limit)
    return None if raw is None else decoded(raw, path, report)


def bounded_bytes(path: Path, report: Report, limit: int,
                  given: bytes | None = None) -> bytes | None:
    """The file's bytes (or ``given``); an unreadable file or one over ``limit`` bytes is
    an error in ``report`` and None."""
    try:
        raw = path.read_bytes() if given is None else given
    except OSError as exc:
        report.error(path, None, "source.unreadable", detail=exc.strerror or str(exc))
        return None
    if len(raw) > limit:
        report.error(path, None, "source.too_large", size=len(raw), limit=limit)
        return None
    return raw


def decoded(raw: bytes, path: Path, report: Report) -> str | None:
    """``raw`` as UTF-8 text (BOM allowed); a byte that is not UTF-8 is an error at its line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.error(path, line, "source.not_utf8", byte=f"0x{raw[exc.start]:02X}")
        return None


def split_post(path: Path, report: Report, given: bytes | None = None) -> SourceFile | None:
    """Split a post file (or ``given``, its next bytes); report a missing or unclosed front
    matter and return None."""
    read = read_text(path, report, given)
    if read is None:
        return None
    raw, text = read
    if not text.strip():
        report.error(path, 1, "source.empty")
        return None
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        report.error(path, 1, "source.no_front_matter", found=_shorten(lines[0]))
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if closing is None:
        last = max((i for i, line in enumerate(lines) if line.strip()), default=0)
        report.error(path, last + 1, "source.unclosed_front_matter")
        return None
    return SourceFile(
        path=path,
        raw=raw,
        front_matter="\n".join(lines[1:closing]) + "\n",
        front_line=2,
        body="\n".join(lines[closing + 1 :]).strip("\n") + "\n",
        body_line=closing + 2,
        newline="\r\n" if b"\r\n" in raw else "\n",
        bom=raw.startswith(b"\xef\xbb\xbf"),
    )


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
