"""What a reader sees of a post on each platform, and where in the post file it was written.

The content rules (forbidden phrases, partisanship, text care, tagging, citations) judge the
text as pasted on each platform: the caption (the platform's own, else the shared one)
followed by the hashtags not yet in it, and the title on formats that have one. A finding
points at the line of the file where the offending words stand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.calendar_data import SATKER_SCHEMA
from ..core.datafile import read_data_file
from ..core.i18n import t
from ..core.model import Post, Status, append_hashtags
from ..core.problems import Report, Severity
from .registry import Context

Key = tuple[str | int, ...]
# How bad a missing piece is, by the stage of the SOP flow: nothing yet at the proposal,
# a warning while drafting (or revising), an error once the post is handed in for checking.
_STAGE_SEVERITY: dict[Status, Severity | None] = {
    Status.USULAN: None,
    Status.DRAF: Severity.WARNING,
    Status.REVISI: Severity.WARNING,
}


def stage_severity(status: Status) -> Severity | None:
    """None at ``usulan``, a warning at ``draf``/``revisi``, an error from ``diajukan`` on."""
    return _STAGE_SEVERITY.get(status, Severity.ERROR)


@dataclass(frozen=True)
class Wording:
    """A post's words on one platform (``platform`` None: no platform chosen yet)."""

    platform: str | None
    where: str  # the platform's name, or "Keterangan" when no platform is chosen
    caption: str  # the caption part, as written
    text: str  # what is pasted: the caption, then the hashtags not yet in it
    caption_key: Key
    title: str | None = None  # on formats with a title (YouTube, TikTok photo)
    title_key: Key = ("title",)


def wordings(post: Post, context: Context) -> list[Wording]:
    """The post's words on each of its platforms (one entry when it has none yet)."""
    if not post.targets:
        text = append_hashtags(post.caption.rstrip(), post.hashtags)
        return [Wording(None, t("content.where_caption"), post.caption, text, ("caption",))]
    found = []
    for target in post.targets:
        platform = context.calendar.platforms[target.platform]
        caption, key = _caption(post, target.platform)
        title: str | None = None
        title_key: Key = ("title",)
        if "title" in platform.formats[target.format].text:
            title, title_key = _title(post, target.platform)
        found.append(Wording(target.platform, platform.name, caption,
                             post.text_for(target.platform), key, title, title_key))
    return found


def _caption(post: Post, platform_id: str) -> tuple[str, Key]:
    own = post.captions.get(platform_id)
    if own is None or not own.text:
        return post.caption, ("caption",)
    captions = post.meta.get("captions")
    raw = captions.get(platform_id) if isinstance(captions, dict) else None
    key: Key = ("captions", platform_id, "description") if isinstance(raw, dict) else (
        "captions", platform_id)
    return own.text, key


def _title(post: Post, platform_id: str) -> tuple[str, Key]:
    own = post.captions.get(platform_id)
    if own is not None and own.title:
        return own.title, ("captions", platform_id, "title")
    return post.title, ("title",)


def line_in_text(post: Post, wording: Wording, offset: int) -> int:
    """The file line of character ``offset`` of ``wording.text``.

    Inside the caption: the caption key's line, plus the lines before ``offset`` when the
    caption is a block (``caption: |``). In the hashtags appended after it: ``hashtags``.
    """
    caption = wording.caption
    if offset >= len(caption.rstrip()):
        return post.line("hashtags")
    return line_in_value(post, wording.caption_key, caption, offset)


def line_in_value(post: Post, key: Key, value: str, offset: int) -> int:
    """The file line of character ``offset`` of the front-matter value at ``key``."""
    line = post.line(*key)
    if "\n" in value:  # a block scalar: its text starts on the line after the key
        return line + 1 + value.count("\n", 0, offset)
    return line


def excerpt(text: str, start: int, end: int, margin: int = 12) -> str:
    """``…kata  kata…``: the span with about ``margin`` characters of context on each side,
    within its line and cut between words."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, start - margin)
    if left > line_start and (space := text.find(" ", left, start)) != -1:
        left = space + 1
    right = min(line_end, end + margin)
    if right < line_end and (space := text.rfind(" ", end, right)) != -1:
        right = space
    shown = text[left:right].strip(" ")
    return ("…" if left > line_start else "") + shown + ("…" if right < line_end else "")


def calendar_file(context: Context, name: str) -> Path:
    """``calendar/<name>`` of the repository being checked."""
    return context.calendar.folder / name


def satker_line(context: Context, *key: str | int) -> tuple[Path, int | None]:
    """``calendar/satker.yml`` and the line of ``key`` in it (for project-level findings)."""
    path = calendar_file(context, "satker.yml")
    located = read_data_file(path, SATKER_SCHEMA, Report())
    return path, located.line(*key) if located is not None else None
