"""Signature rules: every signed approval record verifies and the records form an unbroken
hash chain (:mod:`kalender.approval.signing`); the team's keys in ``calendar/tim.yml`` and their
acceptance records read and verify.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..approval.keyring import load_keyring
from ..approval.records import SUFFIX
from ..approval.signing import read_items
from ..approval.verify import verify_records
from ..core.problems import Problem, Severity
from .registry import Context, project_finding, project_rule


@project_rule("approval.signatures")
def signatures(context: Context) -> Iterator[Problem]:
    """A signed record changed, removed, moved or inserted by hand is an error at its line;
    records from before signatures are listed once (a warning), until their members attest
    them. A repository with no key in ``tim.yml`` has not adopted signatures: nothing to say."""
    calendar = context.calendar
    keyring = load_keyring(calendar.folder, calendar.team)
    for problem in keyring.problems:
        yield project_finding("approval.signatures", problem.path, problem.line,
                              "signing.passthrough", text=problem.message)
    legacy: list[tuple[Path, int, int]] = []  # file, first line, count
    for path in sorted((calendar.root / "posts").rglob(f"*{SUFFIX}")):
        raw = path.read_bytes()
        if b"signature:" not in raw and not keyring.adopted:
            continue
        items = read_items(path, raw)
        result = verify_records(path.name[: -len(SUFFIX)], items, keyring)
        for finding in result.findings:
            yield project_finding("approval.signatures", path, finding.line,
                                  "signing.passthrough", text=finding.message,
                                  severity=Severity(finding.severity))
        if result.legacy:
            legacy.append((path, items[0].line if items else 1, result.legacy))
    if legacy and keyring.adopted:
        yield _listed_once(legacy)


def _listed_once(legacy: list[tuple[Path, int, int]]) -> Problem:
    """One warning for every record from before signatures, at the first such file."""
    path, line, _ = legacy[0]
    return project_finding("approval.signatures", path, line, "signing.legacy",
                           severity=Severity.WARNING, count=sum(n for *_, n in legacy),
                           files=len(legacy), first=path.name)


@project_rule("conversations.signatures")
def answer_signatures(context: Context) -> Iterator[Problem]:
    """The signed answer steps of each ``.percakapan.yml`` (chain ``<post>#percakapan``)
    verify like approval records; unsigned steps and imported comments are not signed."""
    calendar = context.calendar
    keyring = load_keyring(calendar.folder, calendar.team)
    for path in sorted((calendar.root / "posts").rglob("*.percakapan.yml")):
        raw = path.read_bytes()
        if b"signature:" not in raw:
            continue
        chain = path.name.removesuffix(".percakapan.yml") + "#percakapan"
        steps = [item for item in read_items(path, raw) if "answer" in item.fields]
        for finding in verify_records(chain, steps, keyring).findings:
            yield project_finding("conversations.signatures", path, finding.line,
                                  "signing.passthrough", text=finding.message,
                                  severity=Severity(finding.severity))
