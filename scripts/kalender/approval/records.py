"""Where approvals and comments are kept: a record file beside each post, and its status line.

``posts/2026/12/2026-12-09-slug.md`` has its records in
``posts/2026/12/2026-12-09-slug.persetujuan.yml``: a YAML list, one item per step or comment,
only ever appended to, so ``git diff`` shows each new step as a few added lines
(docs/persetujuan.md). The loader reads only ``*.md`` under ``posts/``, so the record file
never looks like a post.

Writing is careful: under a lock, the files are read again and compared with what the command
read at its start (refused when anything changed); each file is written to a temporary file
in its own folder and renamed over the old one; the post file changes only in the value of
its ``status:`` line (or gains that one line), every other byte stays as the author wrote it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..core.atomic import write_bytes
from ..core.calendar_data import ROLES
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.inside import outside_target
from ..core.problems import Problem, Report
from ..core.schema import Field, Validator
from ..core.source import decoded
from ..core.yamlsrc import read_yaml
from .machine import Acknowledgement, Action, Carried, Record

SUFFIX = ".persetujuan.yml"
LOCK_TIMEOUT = 10.0  # seconds to wait for another command writing the same repository
FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")

RECORD_SCHEMA = Field("list", items=Field("mapping", keys={
    "action": Field("text", required=True, choices=tuple(a.value for a in Action)),
    "by": Field("text", required=True),
    "role": Field("text", required=True, choices=ROLES),
    "at": Field("text", required=True),
    "fingerprint": Field("text", required=True),
    "acting": Field("bool"),
    "platform": Field("text"),
    "url": Field("text"),
    "comment": Field("integer"),
    "text": Field("text"),
    "note": Field("text"),
    "pin": Field("list", items=Field("number")),
    "address": Field("text"),
    # the warnings a move let through and the comments an approval carried (gates.py)
    "acknowledged": Field("list", items=Field("mapping", keys={
        "code": Field("text", required=True), "why": Field("text", required=True)})),
    "carried": Field("list", items=Field("mapping", keys={
        "comment": Field("integer", required=True), "note": Field("text", required=True)})),
    # the signature of the record and the hash chain (signing.py)
    "prev": Field("text"),
    "key": Field("text"),
    "signature": Field("text"),
    "attests": Field("list", items=Field("text")),
}))
REQUIRED_FOR: dict[Action, tuple[str, ...]] = {
    Action.RETURN: ("note",),
    Action.UPLOADED: ("platform", "url"),
    Action.COMMENT: ("comment", "text"),
    Action.RESOLVE: ("comment",),
}


def record_file(post_path: Path) -> Path:
    """``x.md`` -> ``x.persetujuan.yml`` beside it."""
    return post_path.with_name(post_path.stem + SUFFIX)


def post_file(record_path: Path) -> Path:
    """``x.persetujuan.yml`` -> ``x.md`` beside it."""
    return record_path.with_name(record_path.name[: -len(SUFFIX)] + ".md")


@dataclass
class Ledger:
    """A post's records as read from its record file, and any problem in that file."""

    path: Path
    raw: bytes | None  # None when the file does not exist yet
    records: tuple[Record, ...] = ()
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def load_ledger(post_path: Path, zone: dt.tzinfo | None = None) -> Ledger:
    """Read the record file of the post at ``post_path`` (an empty ledger when there is none).

    Times are shown in ``zone`` (the office's) when given.
    """
    path = record_file(post_path)
    return ledger_of(path, _bytes_or_none(path), zone)


def ledger_of(path: Path, raw: bytes | None, zone: dt.tzinfo | None = None) -> Ledger:
    """The ledger in the bytes ``raw`` of the record file ``path`` (None: no file)."""
    if raw is None:
        return Ledger(path, None)
    report = Report()
    outside = outside_target(path)
    if outside is not None:
        report.error(path, 1, "repo.outside", target=outside)
        return Ledger(path, raw, (), list(report))
    text = decode(raw, path, report)
    records = _parse(text, path, report, zone) if text is not None else ()
    return Ledger(path, raw, records, list(report))


def decode(raw: bytes, path: Path, report: Report) -> str | None:
    """The text of a record file (UTF-8, BOM allowed, CRLF folded), or None when not UTF-8."""
    text = decoded(raw, path, report)
    return None if text is None else text.replace("\r\n", "\n")


def _parse(text: str, path: Path, report: Report,
           zone: dt.tzinfo | None = None) -> tuple[Record, ...]:
    located = read_yaml(text, path, report)
    if located is None or located.value is None:
        return ()
    validator = Validator(located, path, report)
    if not validator.check(RECORD_SCHEMA, located.value, ()):
        return ()
    records = []
    for index, item in enumerate(located.value):
        record = _record(item, located.line(str(index)), path, report, zone)
        if record is not None:
            records.append(record)
    return tuple(records)


def _record(item: dict[str, Any], line: int, path: Path, report: Report,
            zone: dt.tzinfo | None) -> Record | None:
    action = Action(item["action"])
    missing = [k for k in REQUIRED_FOR.get(action, ()) if item.get(k) in (None, "")]
    if missing:
        report.error(path, line, "records.missing", action=action.value, keys=", ".join(missing))
        return None
    at = _moment(str(item["at"]))
    if at is None:
        report.error(path, line, "records.bad_time", found=item["at"])
        return None
    if zone is not None:
        at = at.astimezone(zone)
    if not FINGERPRINT.match(str(item["fingerprint"])):
        report.error(path, line, "records.bad_fingerprint", found=item["fingerprint"])
        return None
    pin = item.get("pin")
    if pin is not None and not _is_point(pin):
        report.error(path, line, "records.bad_pin", found=pin)
        return None
    return Record(
        action=action, by=str(item["by"]), role=str(item["role"]), at=at,
        fingerprint=str(item["fingerprint"]), acting=bool(item.get("acting")),
        note=str(item.get("note") or ""), platform=_text_or_none(item.get("platform")),
        url=_text_or_none(item.get("url")), comment=item.get("comment"),
        text=str(item.get("text") or ""), line=line,
        pin=(float(pin[0]), float(pin[1])) if pin is not None else None,
        address=str(item.get("address") or ""),
        acknowledged=tuple(Acknowledgement(str(a["code"]), str(a["why"]))
                           for a in item.get("acknowledged") or ()),
        carried=tuple(Carried(int(c["comment"]), str(c["note"]))
                      for c in item.get("carried") or ()),
    )


def _is_point(value: list[Any]) -> bool:
    """Two numbers from 0 to 1: a point on a picture, as a share of its width and height."""
    return len(value) == 2 and all(0 <= v <= 1 for v in value)


def _moment(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _text_or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


# -- writing the record file ------------------------------------------------------------


def entry_text(record: Record) -> str:
    """One record as the YAML list item appended to the record file (LF line ends)."""
    lines = [f"- action: {record.action.value}", f"  by: {_plain(record.by)}",
             f"  role: {_plain(record.role)}",
             f"  at: {record.at.isoformat(timespec='seconds')}",
             f"  fingerprint: {record.fingerprint}"]
    if record.acting:
        lines.append("  acting: true")
    if record.platform:
        lines.append(f"  platform: {_plain(record.platform)}")
    if record.url:
        lines.append(f"  url: {_quoted(record.url)}")
    if record.comment is not None:
        lines.append(f"  comment: {record.comment}")
    if record.text:
        lines.append(f"  text: {_quoted(record.text)}")
    if record.note:
        lines.append(f"  note: {_quoted(record.note)}")
    if record.pin is not None:
        lines.append(f"  pin: [{record.pin[0]:.4f}, {record.pin[1]:.4f}]")
    if record.address:
        lines.append(f"  address: {_quoted(record.address)}")
    return "\n" + "\n".join([*lines, *_holds_lines(record)]) + "\n"


def _holds_lines(record: Record) -> list[str]:
    """The ``acknowledged:`` and ``carried:`` lists of a record (gates.py), when it has any."""
    lines = ["  acknowledged:"] if record.acknowledged else []
    for ack in record.acknowledged:
        lines += [f"    - code: {_quoted(ack.code)}", f"      why: {_quoted(ack.why)}"]
    lines += ["  carried:"] if record.carried else []
    for carried in record.carried:
        lines += [f"    - comment: {carried.comment}", f"      note: {_quoted(carried.note)}"]
    return lines


def _plain(value: str) -> str:
    return value if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", value) else _quoted(value)


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def header_text(post_id: str) -> str:
    """The comment lines that open a new record file."""
    return "".join(f"# {line}\n" for line in t("records.header", post=post_id).split("\n"))


def appended(ledger: Ledger, record: Record, post_id: str,
             seal: Callable[[str], str] | None = None) -> bytes:
    """The record file's bytes with ``record`` added at the end; every old byte kept.

    ``seal`` adds the signature lines to the entry's text
    (:func:`kalender.approval.signing.seal_entry`).
    Line endings follow the file's (CRLF stays CRLF). The result is read back: it must parse
    to the old records plus this one, or nothing is written.
    """
    old = ledger.raw if ledger.raw is not None else header_text(post_id).encode("utf-8")
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    if old and not old.endswith(b"\n"):
        old += newline
    entry = entry_text(record)
    if seal is not None:
        entry = seal(entry)
    new = old + entry.replace("\n", newline.decode()).encode("utf-8")
    _read_back(new, ledger, record)
    return new


def _read_back(new: bytes, ledger: Ledger, record: Record) -> None:
    report = Report()
    text = new.decode("utf-8-sig").replace("\r\n", "\n")
    records = _parse(text, ledger.path, report)
    expected = tuple(replace_line(r, None) for r in (*ledger.records, record))
    if report.errors or tuple(replace_line(r, None) for r in records) != expected:
        raise KalenderError("records.cannot_append", file=ledger.path.name)


def replace_line(record: Record, line: int | None) -> Record:
    """``record`` with another file line (lines do not count when records are compared)."""
    return replace(record, line=line)


# -- editing the post's status line -----------------------------------------------------

_STATUS_KEY = re.compile(rb"^status[ \t]*:")
_STATUS_LINE = re.compile(
    rb"^(?P<key>status[ \t]*:)(?P<gap>[ \t]*)"
    rb"(?:(?P<q>[\"'])(?P<quoted>[A-Za-z-]*)(?P=q)|(?P<plain>[A-Za-z-]*))"
    rb"(?P<rest>[ \t]*(?:#[^\r\n]*)?)(?P<end>\r?\n?)$"
)


def with_status(raw: bytes, status: str, path: Path) -> bytes:
    """The post file's bytes with its front-matter ``status`` set to ``status``.

    Only the value on the ``status:`` line changes (its quotes, spacing and trailing comment
    stay); without such a line, ``status: <value>`` is added just before the closing fence.
    The result is read back and must equal the old front matter with only ``status`` changed.
    """
    lines = raw.splitlines(keepends=True)
    closing = _closing_fence(lines, path)
    index = next((i for i in range(1, closing) if _STATUS_KEY.match(lines[i])), None)
    if index is None:
        newline = b"\r\n" if lines[0].endswith(b"\r\n") else b"\n"
        lines.insert(closing, b"status: " + status.encode() + newline)
    else:
        lines[index] = _status_line(lines[index], status, path, index + 1)
    new = b"".join(lines)
    _same_but_status(raw, new, status, path, (closing if index is None else index) + 1)
    return new


def _closing_fence(lines: list[bytes], path: Path) -> int:
    first = lines[0].removeprefix(b"\xef\xbb\xbf").strip() if lines else b""
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in (b"---", b"...")),
                   None)
    if first != b"---" or closing is None:
        raise KalenderError("records.no_front_matter", file=path.name)
    return closing


def _status_line(line: bytes, status: str, path: Path, number: int) -> bytes:
    match = _STATUS_LINE.match(line)
    if match is None:
        raise KalenderError("records.status_line", file=path.name, line=number)
    quote = match["q"] or b""
    gap = match["gap"] or b" "
    return (match["key"] + gap + quote + status.encode() + quote + match["rest"]
            + match["end"])


def _same_but_status(old: bytes, new: bytes, status: str, path: Path, line: int) -> None:
    try:
        before, after = _front_matter(old), _front_matter(new)
    except yaml.YAMLError:
        before, after = None, None
    if not isinstance(before, dict) or after != {**before, "status": status}:
        raise KalenderError("records.status_line", file=path.name, line=line)


def _front_matter(raw: bytes) -> Any:
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    parts = text.split("\n")
    closing = next(i for i in range(1, len(parts)) if parts[i].rstrip() in ("---", "..."))
    return yaml.safe_load("\n".join(parts[1:closing]))


# -- the careful write ------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """The bytes of a post and its record file as a command read them at its start."""

    post_path: Path
    post_bytes: bytes
    record_path: Path
    record_bytes: bytes | None


def take_snapshot(post_path: Path) -> Snapshot:
    """Read the post file and its record file as they are now."""
    record_path = record_file(post_path)
    return Snapshot(post_path, post_path.read_bytes(), record_path, _bytes_or_none(record_path))


def _bytes_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def write_lock(root: Path) -> Iterator[None]:
    """Hold the repository's approval lock (``.cache/kalender/persetujuan.lock``)."""
    folder = root / ".cache" / "kalender"
    import filelock  # only where records are written (a build reads them): 15 ms to import

    folder.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(folder / "persetujuan.lock", timeout=LOCK_TIMEOUT)
    try:
        with lock:
            yield
    except filelock.Timeout:
        raise KalenderError("records.locked", seconds=int(LOCK_TIMEOUT)) from None


def commit(snapshot: Snapshot, record_bytes: bytes, post_bytes: bytes | None) -> None:
    """Write the record file (and the post, when its status changes), atomically.

    Refused when either file differs from the snapshot. When the post cannot be written,
    the record file is put back as it was.
    """
    _unchanged(snapshot.post_path, snapshot.post_bytes)
    _unchanged(snapshot.record_path, snapshot.record_bytes)
    atomic_write(snapshot.record_path, record_bytes)
    if post_bytes is None or post_bytes == snapshot.post_bytes:
        return
    try:
        atomic_write(snapshot.post_path, post_bytes)
    except BaseException:
        _restore(snapshot.record_path, snapshot.record_bytes)
        raise


def _unchanged(path: Path, expected: bytes | None) -> None:
    if _bytes_or_none(path) != expected:
        raise KalenderError("records.changed_since_read", file=path.name)


def _restore(path: Path, old: bytes | None) -> None:
    if old is None:
        path.unlink(missing_ok=True)
    else:
        atomic_write(path, old)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` over ``path`` in one step, keeping the file's mode."""
    write_bytes(path, data)
