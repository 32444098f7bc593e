"""Signature rules: every signed approval record verifies and the records form an unbroken
hash chain (:mod:`kalender.approval.signing`); the team's keys in ``calendar/tim.yml`` and their
acceptance records read and verify.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..approval.keyring import load_keyring
from ..approval.records import SUFFIX
from ..approval.signing import read_items
from ..approval.verify import verify_records
from ..core.problems import Problem, Severity
from .registry import Context, project_finding, project_rule


@project_rule("approval.signatures")
def signatures(context: Context) -> Iterator[Problem]:
    """A signed record changed, removed, moved or inserted by hand is an error at its line."""
    calendar = context.calendar
    keyring = load_keyring(calendar.folder, calendar.team)
    for problem in keyring.problems:
        yield project_finding("approval.signatures", problem.path, problem.line,
                              "signing.passthrough", text=problem.message)
    for path in sorted((calendar.root / "posts").rglob(f"*{SUFFIX}")):
        raw = path.read_bytes()
        if b"signature:" not in raw:
            continue  # records from before signatures (not reported yet)
        chain = path.name[: -len(SUFFIX)]
        result = verify_records(chain, read_items(path, raw), keyring)
        for finding in result.findings:
            yield project_finding("approval.signatures", path, finding.line,
                                  "signing.passthrough", text=finding.message,
                                  severity=Severity(finding.severity))
