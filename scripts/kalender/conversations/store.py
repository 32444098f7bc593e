"""The conversation files: ``<post>.percakapan.yml`` beside each post, only ever appended to.

A YAML list; each item is a comment (``platform``, ``id``, ``at``, ``author``, ``text``, ...)
or a step of an answer (``answer``: the comment's key, ``step``, ``by``, ``role``, ``at``,
``text`` or ``url``). New items are added as text at the end, so every byte already there
(a person's edits and comments included) stays as it was and ``git diff`` shows only the
added lines. Several files are written all or nothing (:func:`write_all`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.atomic import write_bytes
from ..core.calendar_data import load_calendar
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.model import Post
from ..core.problems import Problem, Report
from ..core.schema import Field, Validator
from ..core.yamlsrc import read_yaml
from .model import PLATFORMS, STEPS, AnswerStep, Comment, Conversation, Step

SUFFIX = ".percakapan.yml"

ENTRY_SCHEMA = Field("list", items=Field("mapping", keys={
    "platform": Field("text", choices=PLATFORMS),
    "id": Field("text"),
    "at": Field("text", required=True),
    "author": Field("text"),
    "author_id": Field("text"),
    "parent": Field("text"),
    "text": Field("text"),
    "answer": Field("text"),
    "step": Field("text", choices=STEPS),
    "by": Field("text"),
    "role": Field("text"),
    "url": Field("text"),
    # the signature of an answer step and its chain (signing.py; chain <post>#percakapan)
    "prev": Field("text"),
    "key": Field("text"),
    "signature": Field("text"),
}))


def conversation_file(post_path: Path) -> Path:
    """``x.md`` -> ``x.percakapan.yml`` beside it."""
    return post_path.with_name(post_path.stem + SUFFIX)


def load_conversation(post_path: Path, post_id: str, report: Report,
                      zone: dt.tzinfo | None = None) -> Conversation:
    """The stored conversation of a post (empty when it has none); problems to ``report``."""
    path = conversation_file(post_path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Conversation(post_id, path)
    return parse(raw, path, post_id, report, zone)


def parse(raw: bytes, path: Path, post_id: str, report: Report,
          zone: dt.tzinfo | None = None) -> Conversation:
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        report.error(path, raw[: exc.start].count(b"\n") + 1, "source.not_utf8",
                     byte=f"0x{raw[exc.start]:02X}")
        return Conversation(post_id, path)
    located = read_yaml(text, path, report)
    if located is None or located.value is None:
        return Conversation(post_id, path)
    if not Validator(located, path, report).check(ENTRY_SCHEMA, located.value, ()):
        return Conversation(post_id, path)
    comments: list[Comment] = []
    steps: list[AnswerStep] = []
    for index, item in enumerate(located.value):
        line = located.line(str(index))
        entry = _entry(item, post_id, path, line, report, zone)
        if isinstance(entry, Comment):
            comments.append(entry)
        elif isinstance(entry, AnswerStep):
            steps.append(entry)
    return Conversation(post_id, path, tuple(comments), tuple(steps))


def _entry(item: dict[str, Any], post_id: str, path: Path, line: int, report: Report,
           zone: dt.tzinfo | None) -> Comment | AnswerStep | None:
    at = _moment(str(item["at"]))
    if at is None:
        report.error(path, line, "conversations.store_time", found=item["at"])
        return None
    if zone is not None:
        at = at.astimezone(zone)
    needed = ("step", "by", "role") if "answer" in item else ("platform", "id", "text")
    missing = [k for k in needed if item.get(k) in (None, "")]
    if missing:
        report.error(path, line, "conversations.store_missing", keys=", ".join(missing))
        return None
    if "answer" in item:
        return AnswerStep(str(item["answer"]), Step(item["step"]), str(item["by"]),
                          str(item["role"]), at, str(item.get("text") or ""),
                          str(item.get("url") or ""), line)
    return Comment(post_id, str(item["platform"]), str(item["id"]), str(item["text"]),
                   str(item.get("author") or ""), at, _or_none(item.get("parent")),
                   str(item.get("author_id") or ""), line)


def _or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _moment(text: str) -> dt.datetime | None:
    try:
        found = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return found if found.tzinfo is not None else None


_Read = tuple[Iterable[Post], dict[str, Conversation], list[Problem]]
_ONCE: list[dict[tuple[int, dt.tzinfo | None], _Read]] = []  # see read_once


@contextmanager
def read_once() -> Iterator[None]:
    """Within it, :func:`conversations_of` reads the conversations of one list of posts
    (the same object) once: a site build asks for them for each half-year's report and
    for the conversation pages, three or four times, and reads no file it writes."""
    _ONCE.append({})
    try:
        yield
    finally:
        _ONCE.pop()


def conversations_of(posts: Iterable[Post], report: Report,
                     zone: dt.tzinfo | None = None) -> dict[str, Conversation]:
    """Every post's stored conversation (only posts that have one). Each folder of posts is
    listed once: most posts have no conversation file, and trying to open each one is a
    good part of a rebuild under ``kalender serve`` (docs/performance.md, ``serve3``)."""
    if not _ONCE:
        return _conversations_of(posts, report, zone)
    known = _ONCE[-1].get((id(posts), zone))
    if known is None or known[0] is not posts:
        found = Report()
        known = _ONCE[-1][(id(posts), zone)] = (posts, _conversations_of(posts, found, zone),
                                               list(found))
    report.extend(known[2])
    return dict(known[1])


def _conversations_of(posts: Iterable[Post], report: Report,
                      zone: dt.tzinfo | None) -> dict[str, Conversation]:
    found = {}
    listed: dict[str, frozenset[str]] = {}
    for post in posts:
        folder, name = os.path.split(str(post.path))  # strings: a Path hashes slowly
        names = listed.get(folder)
        if names is None:
            names = listed[folder] = _names_in(folder)
        if os.path.splitext(name)[0] + SUFFIX not in names:  # conversation_file's name
            continue
        conversation = load_conversation(post.path, post.id, report, zone)
        if conversation.comments or conversation.steps:
            found[post.id] = conversation
    return found


def _names_in(folder: str) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def conversation_problems(root: Path, posts: Iterable[Path] | None = None) -> list[Problem]:
    """The problems of the conversation files (of ``posts``, else all) and of the canned
    answers (for ``kalender check``)."""
    report = Report()
    calendar = load_calendar(root, Report())  # its own problems: the rest of check
    zone = calendar.satker.timezone if calendar is not None else None
    files = (sorted((root / "posts").rglob(f"*{SUFFIX}")) if posts is None
             else [conversation_file(p) for p in posts if conversation_file(p).is_file()])
    for path in files:
        parse(path.read_bytes(), path, path.name.removesuffix(SUFFIX), report, zone)
    if calendar is not None:
        from .canned import load_canned  # kalender check only (its classifier: 10 ms)

        load_canned(calendar.folder, calendar.satker.jdih_url, report)
    return list(report)


# -- writing ----------------------------------------------------------------------------


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _plain(value: str) -> str:
    return value if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", value) else _quoted(value)


def comment_text(comment: Comment) -> str:
    """One comment as the YAML item appended to the file (LF line ends)."""
    lines = [f"- platform: {comment.platform}", f"  id: {_quoted(comment.id)}",
             f"  at: {comment.at.isoformat(timespec='seconds')}",
             f"  author: {_quoted(comment.author)}"]
    if comment.author_id:
        lines.append(f"  author_id: {_quoted(comment.author_id)}")
    if comment.parent:
        lines.append(f"  parent: {_quoted(comment.parent)}")
    lines.append(f"  text: {_quoted(comment.text)}")
    return "\n".join(lines) + "\n"


def step_text(step: AnswerStep) -> str:
    """One answer step as the YAML item appended to the file."""
    lines = [f"- answer: {_quoted(step.comment)}", f"  step: {step.step.value}",
             f"  by: {_plain(step.by)}", f"  role: {_plain(step.role)}",
             f"  at: {step.at.isoformat(timespec='seconds')}"]
    if step.text:
        lines.append(f"  text: {_quoted(step.text)}")
    if step.url:
        lines.append(f"  url: {_quoted(step.url)}")
    return "\n".join(lines) + "\n"


def header(post_id: str) -> str:
    return "".join(f"# {line}\n" for line in t("conversations.file_header",
                                                 post=post_id).split("\n"))


def appended(path: Path, post_id: str, old: bytes | None, items: Iterable[str]) -> bytes:
    """The file's bytes with ``items`` added at the end; old bytes kept, line ends followed.

    Read back: it must parse, with as many entries as before plus the new ones.
    """
    items = list(items)
    base = old if old is not None else header(post_id).encode("utf-8")
    newline = b"\r\n" if b"\r\n" in base else b"\n"
    if base and not base.endswith(b"\n"):
        base += newline
    added = "".join(items).replace("\n", newline.decode()).encode("utf-8")
    new = base + added
    before = _count(old, path, post_id) if old is not None else 0
    report = Report()
    after = parse(new, path, post_id, report)
    if report.errors or len(after.comments) + len(after.steps) != before + len(items):
        raise KalenderError("conversations.cannot_append", file=path.name)
    return new


def _count(raw: bytes, path: Path, post_id: str) -> int:
    report = Report()
    found = parse(raw, path, post_id, report)
    if report.errors:
        raise KalenderError("conversations.cannot_append", file=path.name)
    return len(found.comments) + len(found.steps)


@dataclass(frozen=True)
class Write:
    """A file to replace: what it held when read (None: absent) and its new bytes."""

    path: Path
    old: bytes | None
    new: bytes


def current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def write_all(writes: Iterable[Write]) -> None:
    """Write every file or none: refused when one changed since read; on a failure the
    files already written are put back as they were."""
    writes = list(writes)
    for write in writes:
        if current(write.path) != write.old:
            raise KalenderError("conversations.changed_since_read", file=write.path.name)
    done: list[Write] = []
    try:
        for write in writes:
            write_bytes(write.path, write.new)
            done.append(write)
    except BaseException:
        for write in reversed(done):
            if write.old is None:
                write.path.unlink(missing_ok=True)
            else:
                write_bytes(write.path, write.old)
        raise
