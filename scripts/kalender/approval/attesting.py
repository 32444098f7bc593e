"""Attesting records from before signatures: one signed ``attest`` record per post file.

A repository that adopts signatures keeps its old, unsigned records (they are history; they
cannot be re-signed in place, because each one's ``prev`` would have to link to a record
signed by someone else first). Instead each member signs, once per post file, a record that
lists the hashes of their own old records there (:func:`kalender.approval.signing.content_hash`).
From then on ``check`` treats an old record as attested: changing it breaks the attestation
(docs/persetujuan.md, "Catatan dari sebelum tanda tangan"). Uses :mod:`.verify`'s
hashes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.atomic import write_bytes
from .keys import MemberKey
from .records import SUFFIX
from .signing import ATTEST, head, read_items, seal_entry
from .verify import attested_hashes, legacy_hashes


@dataclass(frozen=True)
class Attestation:
    """What one member attests in one record file: the hashes of their old records."""

    path: Path
    chain: str
    hashes: tuple[str, ...]
    fingerprint: str


def pending(posts: Path, member: str) -> Iterator[Attestation]:
    """Every record file under ``posts`` holding old records of ``member`` not yet attested."""
    for path in sorted(posts.rglob(f"*{SUFFIX}")):
        chain = path.name[: -len(SUFFIX)]
        items = read_items(path, path.read_bytes())
        done = attested_hashes(items)
        hashes = tuple(h for h in legacy_hashes(chain, items, member) if h not in done)
        if hashes:
            yield Attestation(path, chain, hashes, str(items[-1].fields.get("fingerprint")))


def attest_entry(attestation: Attestation, member: str, role: str, at: dt.datetime) -> str:
    """The YAML item of an attestation (unsigned)."""
    listed = "".join(f"    - {h}\n" for h in attestation.hashes)
    return (f"\n- action: {ATTEST}\n  by: {member}\n  role: {role}\n"
            f"  at: {at.isoformat(timespec='seconds')}\n"
            f"  fingerprint: {attestation.fingerprint}\n  attests:\n{listed}")


def write_attestation(attestation: Attestation, key: MemberKey, role: str,
                      at: dt.datetime) -> None:
    """Append the signed attestation to its record file; every old byte kept."""
    old = attestation.path.read_bytes()
    newline = "\r\n" if b"\r\n" in old else "\n"
    if old and not old.endswith(b"\n"):
        old += newline.encode()
    items = [i.fields for i in read_items(attestation.path, old)]
    entry = seal_entry(attest_entry(attestation, key.member, role, at), attestation.chain,
                       head(attestation.chain, items), key)
    write_bytes(attestation.path, old + entry.replace("\n", newline).encode("utf-8"))
