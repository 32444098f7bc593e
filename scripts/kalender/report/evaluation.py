"""The leadership's evaluation of a half-yearly report (SOP E.4 b-c), kept in the repository.

``laporan/evaluasi/2026-2.yml`` holds the evaluation of semester 2026-2: a YAML list, only
ever appended to (``git diff`` shows each entry as a few added lines), of

- ``temuan``: a finding of the ``pimpinan``;
- ``tindak_lanjut``: a follow-up with its owner (a team member) and due date;
- ``selesai``: a follow-up done, with what was done (anyone on the team records it).

The report of the semester prints the findings, the follow-ups and the signature block of
the pimpinan; the report of the NEXT semester shows which follow-ups were done. A province
evaluates an office of its roll-up the same way, in its own repository, under
``laporan/evaluasi/kantor/<office>/2026-2.yml``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.atomic import write_bytes
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.problems import Report
from ..core.schema import Field, Validator
from ..core.source import read_text
from ..core.yamlsrc import read_yaml

FOLDER = Path("laporan") / "evaluasi"
KINDS = ("temuan", "tindak_lanjut", "selesai")
SCHEMA = Field("list", items=Field("mapping", keys={
    "kind": Field("text", required=True, choices=KINDS),
    "no": Field("integer", required=True),
    "by": Field("text", required=True),
    "role": Field("text", required=True),
    "at": Field("text", required=True),
    "text": Field("text", required=True),
    "owner": Field("text"),
    "due": Field("text"),
    "of": Field("integer"),
}))


@dataclass(frozen=True)
class Entry:
    """One line of the evaluation file."""

    kind: str
    no: int
    by: str
    role: str
    at: dt.datetime
    text: str
    owner: str = ""
    due: dt.date | None = None
    of: int | None = None  # the follow-up a ``selesai`` entry closes
    line: int | None = None


@dataclass(frozen=True)
class FollowUp:
    """A follow-up and, once recorded, what closed it."""

    entry: Entry
    done: Entry | None = None

    def state(self, today: dt.date) -> str:
        """``done``, ``overdue`` (due date passed) or ``open``."""
        if self.done is not None:
            return "done"
        due = self.entry.due
        return "overdue" if due is not None and due < today else "open"


@dataclass
class Evaluation:
    """The evaluation of one period, as its file stands."""

    path: Path
    slug: str
    entries: list[Entry] = field(default_factory=list)
    raw: bytes | None = None

    @property
    def findings(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "temuan"]

    @property
    def follow_ups(self) -> list[FollowUp]:
        done = {e.of: e for e in self.entries if e.kind == "selesai"}
        return [FollowUp(e, done.get(e.no)) for e in self.entries if e.kind == "tindak_lanjut"]

    @property
    def evaluator(self) -> Entry | None:
        """The last entry of a pimpinan (whose name the signature block carries)."""
        return next((e for e in reversed(self.entries) if e.kind != "selesai"), None)

    @property
    def next_number(self) -> int:
        return max((e.no for e in self.entries), default=0) + 1


def evaluation_file(root: Path, slug: str, office: str | None = None) -> Path:
    folder = root / FOLDER
    if office:
        folder = folder / "kantor" / office
    return folder / f"{slug}.yml"


def previous_slug(slug: str) -> str | None:
    """``2026-2`` -> ``2026-1``; ``2026-1`` -> ``2025-2``; None for a period that is not a
    semester."""
    match = re.fullmatch(r"(\d{4})-([12])", slug)
    if match is None:
        return None
    year, half = int(match.group(1)), int(match.group(2))
    return f"{year}-1" if half == 2 else f"{year - 1}-2"


def load_evaluation(path: Path, slug: str, zone: dt.tzinfo, report: Report) -> Evaluation:
    """The evaluation in ``path`` (empty when the file does not exist yet); problems, with
    the file's line, go into ``report``."""
    evaluation = Evaluation(path, slug)
    if not path.is_file():
        return evaluation
    evaluation.raw = path.read_bytes()
    read = read_text(path, report)
    if read is not None:
        evaluation.entries = parse_entries(read[1], path, zone, report)
    return evaluation


def parse_entries(text: str, path: Path, zone: dt.tzinfo, report: Report) -> list[Entry]:
    located = read_yaml(text, path, report)
    if located is None or located.value is None:
        return []
    if not Validator(located, path, report).check(SCHEMA, located.value, ()):
        return []
    found = []
    for index, item in enumerate(located.value):
        entry = _entry(item, located.line(index), path, zone, report)
        if entry is not None:
            found.append(entry)
    return found


def _entry(item: dict[str, Any], line: int, path: Path, zone: dt.tzinfo,
           report: Report) -> Entry | None:
    try:
        at = dt.datetime.fromisoformat(str(item["at"]))
    except ValueError:
        report.error(path, line, "evaluation.bad_moment", found=str(item["at"]))
        return None
    due = None
    if item.get("due"):
        try:
            due = dt.date.fromisoformat(str(item["due"]))
        except ValueError:
            report.error(path, line, "evaluation.bad_due", found=str(item["due"]))
            return None
    if item["kind"] == "tindak_lanjut" and (not item.get("owner") or due is None):
        report.error(path, line, "evaluation.follow_up_incomplete")
        return None
    if item["kind"] == "selesai" and item.get("of") is None:
        report.error(path, line, "evaluation.done_without_of")
        return None
    return Entry(str(item["kind"]), int(item["no"]), str(item["by"]), str(item["role"]),
                 at.astimezone(zone) if at.tzinfo else at.replace(tzinfo=zone),
                 str(item["text"]), str(item.get("owner") or ""), due, item.get("of"), line)


# -- writing ---------------------------------------------------------------------------------


def entry_text(entry: Entry) -> str:
    """One entry as the YAML list item appended to the file (LF line ends)."""
    lines = [f"- kind: {entry.kind}", f"  no: {entry.no}", f"  by: {_quoted(entry.by)}",
             f"  role: {entry.role}", f"  at: {entry.at.isoformat(timespec='seconds')}",
             f"  text: {_quoted(entry.text)}"]
    if entry.owner:
        lines.append(f"  owner: {_quoted(entry.owner)}")
    if entry.due is not None:
        lines.append(f"  due: {entry.due.isoformat()}")
    if entry.of is not None:
        lines.append(f"  of: {entry.of}")
    return "\n" + "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def appended(evaluation: Evaluation, entries: list[Entry]) -> bytes:
    """The file's bytes with ``entries`` added at the end; every old byte kept (CRLF stays
    CRLF). Read back before it is written: it must give the old entries plus the new."""
    old = evaluation.raw if evaluation.raw is not None else _header(evaluation.slug)
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    if old and not old.endswith(b"\n"):
        old += newline
    text = "".join(entry_text(e) for e in entries).replace("\n", newline.decode())
    return old + text.encode("utf-8")


def _header(slug: str) -> bytes:
    return "".join(f"# {line}\n" for line in t("evaluation.header", period=slug)
                   .split("\n")).encode("utf-8")


def append_entries(evaluation: Evaluation, entries: list[Entry], zone: dt.tzinfo) -> None:
    """Write the evaluation file with ``entries`` appended, atomically."""
    new = appended(evaluation, entries)
    check = Report()
    again = parse_entries(new.decode("utf-8-sig").replace("\r\n", "\n"), evaluation.path,
                          zone, check)
    if check.errors or len(again) != len(evaluation.entries) + len(entries):
        raise KalenderError("evaluation.cannot_append", file=str(evaluation.path))
    evaluation.path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(evaluation.path, new)


# -- what the report carries -----------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    """The signature block under the evaluation: place and day, the pimpinan's post and name."""

    place: str
    day: dt.date
    title: str
    name: str


@dataclass(frozen=True)
class ReportEvaluation:
    """The evaluation of the report's period, and the previous period's (its follow-ups)."""

    current: Evaluation
    previous: Evaluation | None
    signature: Signature | None


def place_of(office_name: str) -> str:
    """``Komisi Pemilihan Umum Kota Singkawang`` -> ``Singkawang``."""
    match = re.search(r"\b(?:Kabupaten|Kota|Provinsi)\s+(.+)$", office_name)
    return match.group(1).strip() if match else office_name


def report_evaluation(root: Path, slug: str, office_name: str, members: dict[str, Any],
                      zone: dt.tzinfo, report: Report,
                      office: str | None = None) -> ReportEvaluation:
    """Read the evaluation files of period ``slug`` and of the one before it.

    ``members`` maps member ids to objects with ``name`` and ``jabatan`` (the team)."""
    current = load_evaluation(evaluation_file(root, slug, office), slug, zone, report)
    before = previous_slug(slug)
    previous = (load_evaluation(evaluation_file(root, before, office), before, zone, report)
                if before else None)
    if previous is not None and not previous.entries:
        previous = None
    signer = current.evaluator
    signature = None
    if signer is not None:
        member = members.get(signer.by)
        signature = Signature(place_of(office_name), signer.at.date(),
                              getattr(member, "jabatan", "") or "",
                              getattr(member, "name", signer.by))
    return ReportEvaluation(current, previous, signature)
