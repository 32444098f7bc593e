"""Verifying a post's records: every signature against the team's keyring, and the hash chain."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.i18n import t
from ..core.problems import Severity
from .keyring import Keyring, parse_moment
from .signing import ATTEST, Item, content_hash, genesis, next_hash, verify_signature


@dataclass(frozen=True)
class Finding:
    """Something about one record that does not verify, at its line."""

    line: int
    message: str
    severity: Severity = Severity.ERROR


@dataclass
class ChainResult:
    """What verifying one record file found: problems, and records from before signatures."""

    findings: list[Finding] = field(default_factory=list)
    legacy: int = 0  # records neither signed nor attested


def describe(item: Mapping[str, Any]) -> str:
    """``'approve' oleh sari pada 2026-12-07T14:15:00+07:00``: a record in a message."""
    return t("signing.record", action=item.get("action") or item.get("step"),
             member=item.get("by"), at=item.get("at"))


def verify_records(chain: str, items: list[Item], keyring: Keyring) -> ChainResult:
    """Check every signature and the chain of one post's records (see module doc)."""
    result = ChainResult()
    previous = genesis(chain)
    signed_seen = False
    last_failed = False
    legacy: list[Item] = []
    attested: dict[str, tuple[str, int]] = {}
    for item in items:
        fields = item.fields
        if "signature" not in fields:
            if signed_seen:
                result.findings.append(Finding(item.line, t(
                    "signing.unsigned_after", record=describe(fields))))
            else:
                legacy.append(item)
            last_failed = False
        else:
            signed_seen = True
            why, last_failed = _record_problems(chain, fields, previous, keyring, last_failed)
            if why:
                result.findings.append(Finding(item.line, t(
                    "signing.not_verified", record=describe(fields), why="; ".join(why))))
            if fields.get("action") == ATTEST and why in ([], [t("signing.why.chain")]):
                for value in fields.get("attests") or ():
                    attested[str(value)] = (str(fields.get("by")), item.line)
        previous = next_hash(previous, chain, fields)
    _check_legacy(chain, legacy, attested, result)
    return result


def _record_problems(chain: str, fields: Mapping[str, Any], previous: str, keyring: Keyring,
                     after_failure: bool) -> tuple[list[str], bool]:
    """Why one signed record does not verify, and whether its content is not what was
    signed (then the next record's chain link is not reported again)."""
    why = []
    key = keyring.keys.get(str(fields.get("key")))
    by = str(fields.get("by"))
    altered = False
    if key is None:
        why.append(t("signing.why.not_listed", key=fields.get("key"), member=by))
    elif not verify_signature(chain, fields, key.raw):
        altered = True
        why.append(t("signing.why.content", key=key.key_id, owner=key.member))
    elif key.member != by:
        why.append(t("signing.why.other_member", key=key.key_id, owner=key.member, member=by))
    if key is not None and not why:
        at = parse_moment(fields.get("at"))
        reason = key.why_not(at) if at is not None else t("signing.why.no_time")
        if reason:
            why.append(reason)
    if fields.get("prev") != previous and not after_failure:
        why.append(t("signing.why.chain"))
    return why, altered


def _check_legacy(chain: str, legacy: list[Item], attested: dict[str, tuple[str, int]],
                  result: ChainResult) -> None:
    found = set()
    attesters = {member for member, _ in attested.values()}
    for item in legacy:
        digest = content_hash(chain, item.fields)
        by = str(item.fields.get("by"))
        if digest in attested and attested[digest][0] == by:
            found.add(digest)
        elif by in attesters:
            result.findings.append(Finding(item.line, t(
                "signing.not_as_attested", record=describe(item.fields), member=by)))
        else:
            result.legacy += 1
    for digest, (member, line) in attested.items():
        if digest not in found:
            result.findings.append(Finding(line, t("signing.attested_missing", member=member,
                                                   digest=digest[:12])))


def legacy_hashes(chain: str, items: Iterable[Item], member: str) -> list[str]:
    """The hashes of ``member``'s unsigned records before the first signed one (to attest)."""
    found = []
    for item in items:
        if "signature" in item.fields:
            break
        if item.fields.get("by") == member:
            found.append(content_hash(chain, item.fields))
    return found


def attested_hashes(items: Iterable[Item]) -> set[str]:
    return {str(v) for i in items if i.fields.get("action") == ATTEST
            for v in i.fields.get("attests") or ()}
