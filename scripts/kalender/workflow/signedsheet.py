"""The papers, signed by the member whose step they carry, and checked against the records.

The Lembar Persetujuan is signed by the member who approved (the Divisi box) or initialled
(the Kasubbag box) the posts on it; the Nota Dinas by a member who submitted them. The
signature goes into that member's box, over the exact bytes ``kalender sheet`` writes (a
PDF/A-2B file); ``verify`` checks the signature against the office root and each listed
content fingerprint against a record of the signer in the post's (verified) record file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from ..approval.fingerprint import short
from ..approval.keyring import load_keyring
from ..approval.keys import ROOT_CERT
from ..approval.machine import moment_text, role_name
from ..approval.records import SUFFIX
from ..approval.signing import read_items
from ..approval.verify import verify_records
from ..core.calendar_data import CalendarData
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.model import Week
from .sheet import (
    FONTS,
    OUTPUT_FOLDER,
    Paper,
    SheetPost,
    font_folder,
    load_for_papers,
    memo_paper,
    sheet_paper,
    sheet_posts,
)
from .sheetsign import (
    Found,
    Stamp,
    fingerprint_of,
    load_signer,
    manifest_of,
    sign_pdf,
    signatures_of,
    stamp_font,
)

SHOWN_FINGERPRINTS = 3
FONT_CACHE = Path(".cache") / "kalender" / "huruf"


@dataclass(frozen=True)
class PaperToSign:
    """A paper about to be signed: its bytes, where each box is, the posts on it."""

    path: Path
    data: bytes
    areas: dict[str, tuple[int, float, float, float, float]]
    items: list[SheetPost]
    calendar: CalendarData


def _laid_out(paper: Paper, path: Path, items: list[SheetPost],
              calendar: CalendarData) -> PaperToSign:
    areas = dict(paper.areas)
    return PaperToSign(path, bytes(paper.output()), areas, items, calendar)


def sheet_to_sign(root: Path, week: Week | None, post_ref: str | None,
                  output: Path | None) -> PaperToSign:
    """The Lembar Persetujuan of ``week`` (or one post), as ``kalender sheet`` writes it."""
    _, calendar, posts = load_for_papers(root, week, post_ref)
    items = sheet_posts(posts, calendar)
    label = week.label if week is not None else (posts[0].id if posts else str(post_ref))
    if not items:
        raise KalenderError("sheet.nothing_submitted", what=label)
    path = output or root / OUTPUT_FOLDER / f"lembar-persetujuan-{label}.pdf"
    paper = sheet_paper(calendar, items, week, len(posts) - len(items))
    return _laid_out(paper, path, items, calendar)


def memo_to_sign(root: Path, week: Week, output: Path | None) -> PaperToSign:
    """The Nota Dinas of ``week``, as ``kalender nota-dinas`` writes it."""
    _, calendar, posts = load_for_papers(root, week, None)
    items = sheet_posts(posts, calendar)
    if not items:
        raise KalenderError("sheet.nothing_submitted", what=week.label)
    path = output or root / OUTPUT_FOLDER / f"nota-dinas-{week.label}.pdf"
    return _laid_out(memo_paper(calendar, items, week), path, items, calendar)


def signer_role(paper: PaperToSign, member: str) -> str:
    """The box ``member`` signs: the role of their steps on the paper's posts."""
    for role in ("divisi", "kasubbag", "staf"):
        if role in paper.areas and any(_took_step(i, member, role) for i in paper.items):
            return role
    raise KalenderError("sheetsign.no_step_here", member=member, file=paper.path.name)


def _took_step(item: SheetPost, member: str, role: str) -> bool:
    """Whether ``member`` gave the step of ``role`` on the post the paper shows."""
    history = item.standing.history
    if role == "staf":
        return member in history.submitters
    record = history.approval if role == "divisi" else history.paraf
    return record is not None and record.by == member


def sign_paper(paper: PaperToSign, member: str, p12: bytes, passphrase: str) -> bytes:
    """The paper's bytes signed by ``member`` in the box of their step; on top of the file
    already written when that file is this same paper signed by others (the Divisi signs,
    then the Kasubbag adds theirs: two signatures, each in its box)."""
    role = signer_role(paper, member)
    signer = load_signer(p12, passphrase)
    cert = signer.signing_cert
    assert cert is not None
    calendar = paper.calendar
    keyring = load_keyring(calendar.folder, calendar.team)
    keys = [k.key_id for k in keyring.keys_of(member) if k.revoked is None]
    now = dt.datetime.now(calendar.satker.timezone)  # the clock the signature carries too
    page, x, y, width, height = paper.areas[role]
    lines = _stamp_lines(calendar, member, role, now, fingerprint_of(cert), keys, paper.items)
    place = calendar.satker.short_name
    return sign_pdf(_signed_so_far(paper), signer, Stamp(page, x, y, width, height, lines),
                    t("sheetsign.field", member=member), t(f"sheetsign.reason.{role}"),
                    place, stamp_font(font_folder() / FONTS[""], calendar.root / FONT_CACHE))


def _signed_so_far(paper: PaperToSign) -> bytes:
    """The file already written when it is this paper plus signatures, else the paper."""
    try:
        written = paper.path.read_bytes()
    except FileNotFoundError:
        return paper.data
    return written if written.startswith(paper.data) else paper.data


def _stamp_lines(calendar: CalendarData, member: str, role: str, now: dt.datetime,
                 cert_fingerprint: str, keys: list[str],
                 items: Sequence[SheetPost]) -> tuple[str, ...]:
    prints = [short(i.standing.fingerprint) for i in items]
    shown = ", ".join(prints[:SHOWN_FINGERPRINTS])
    if len(prints) > SHOWN_FINGERPRINTS:
        shown += " " + t("sheetsign.stamp_more", count=len(prints) - SHOWN_FINGERPRINTS)
    person = calendar.team.members[member]
    return (t("sheetsign.stamp_by"), f"{person.name} ({role_name(role)})",
            t("sheetsign.stamp_time", when=moment_text(now)),
            t("sheetsign.stamp_cert", fingerprint=cert_fingerprint[:16]),
            t("sheetsign.stamp_key", key=", ".join(keys) or "-"),
            t("sheetsign.stamp_content", fingerprints=shown))


# -- verify ---------------------------------------------------------------------------------


@dataclass
class Verdict:
    """What ``verify`` found: lines to show, and problems (the file fails when any)."""

    lines: list[str]
    problems: list[str]


def trust_roots(calendar: CalendarData, extra: Sequence[Path]) -> list[x509.Certificate]:
    """The office root from ``calendar/`` (when made) and any roots given with ``--trust``."""
    paths = [p for p in (calendar.folder / ROOT_CERT, *extra) if p.is_file()]
    return [c for p in paths for c in x509.load_pem_x509_certificates(p.read_bytes())]


def verify_paper(calendar: CalendarData, data: bytes, file: str,
                 roots: list[x509.Certificate]) -> Verdict:
    """Check a signed paper: each signature against ``roots``, each listed fingerprint
    against a verified record of the signer."""
    manifest = manifest_of(data)
    if manifest is None:
        raise KalenderError("sheetsign.not_a_sheet", file=file)
    found = signatures_of(data, roots)
    verdict = Verdict([], [] if found else [t("sheetsign.unsigned", file=file)])
    for number, signature in enumerate(found, 1):
        _judge_signature(verdict, signature, number, calendar.satker.timezone)
        member = _member_of(calendar, signature)
        for post_id, fingerprint in manifest.items():
            _judge_post(verdict, calendar, member, post_id, fingerprint, signature)
    return verdict


def _judge_signature(verdict: Verdict, found: Found, number: int, zone: dt.tzinfo) -> None:
    when = moment_text(found.when.astimezone(zone)) if found.when else "-"
    verdict.lines.append(t("sheetsign.found", number=number, name=found.signer_name,
                           when=when, fingerprint=found.cert_fingerprint[:16]))
    checks = (("intact", found.intact), ("valid", found.valid), ("trusted", found.trusted),
              ("whole", found.whole))
    for name, ok in checks:
        if not ok:
            verdict.problems.append(t(f"sheetsign.not_{name}", number=number,
                                      name=found.signer_name))


def _member_of(calendar: CalendarData, found: Found) -> str:
    if found.member in calendar.team.members:
        return found.member
    named = [m.id for m in calendar.team.members.values() if m.name == found.signer_name]
    return named[0] if named else found.member


def _judge_post(verdict: Verdict, calendar: CalendarData, member: str, post_id: str,
                fingerprint: str, found: Found) -> None:
    path = next((calendar.root / "posts").rglob(f"{post_id}{SUFFIX}"), None)
    items = read_items(path, path.read_bytes()) if path is not None else []
    record = next((i for i in items if i.fields.get("by") == member
                   and i.fields.get("fingerprint") == fingerprint
                   and i.fields.get("action") in ("approve", "initial", "submit")), None)
    if path is None or record is None:
        verdict.problems.append(t("sheetsign.no_record", post=post_id, member=member,
                                  fingerprint=short(fingerprint)))
        return
    keyring = load_keyring(calendar.folder, calendar.team)
    broken = verify_records(post_id, items, keyring).findings
    if broken:
        verdict.problems.append(t("sheetsign.records_broken", post=post_id,
                                  file=path.relative_to(calendar.root).as_posix(),
                                  line=broken[0].line, why=broken[0].message))
    elif found.key_id and record.fields.get("key") not in (None, found.key_id):
        verdict.problems.append(t("sheetsign.other_key", post=post_id, member=member,
                                  cert=found.key_id, record=record.fields.get("key")))
    else:
        verdict.lines.append(t("sheetsign.matches", post=post_id,
                               fingerprint=short(fingerprint), action=record.fields["action"],
                               member=member, at=record.fields.get("at"),
                               line=record.line))
