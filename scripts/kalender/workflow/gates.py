"""Gates on the approval moves (issue 16, SOP D and A): a post whose rules find an error does
not move on.

Before ``submit``, ``initial``, ``approve`` and ``uploaded`` the post's SOP A and D rules run
(the same rules as ``kalender check``: ``content.*``, ``sources.*``, ``legal.*``, and the media
a format needs: ``media.count``, ``media.kind``, ``media.unreadable``), judged in the status
the move leads to. An error-level finding refuses the move, naming each finding's file, line,
rule and message (which says the words, the basis and what to change); nothing is written.
:func:`kalender.workflow.actions.perform` calls :func:`gate`, so the command line and the review
server are gated alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.problems import Problem
from ..rules import Context, check_post

if TYPE_CHECKING:
    from ..approval.machine import Action
    from ..core.calendar_data import CalendarData
    from ..core.model import Post, Status

GATED = ("submit", "initial", "approve", "uploaded")
# The rule families of SOP A (factual: sources, legal products, media) and SOP D (forbidden
# and partisan content) gate the moves. The approval rules are the flow's own checks, made
# by the move itself (:func:`kalender.approval.machine.decide`); the remaining families (care, text
# limits, tagging) are not gates yet (docs/persetujuan.md).
GATE_RULES = ("content.", "sources.", "legal.", "media.count", "media.kind", "media.unreadable")


class GateRefused(KalenderError):
    """A move refused because the post has error-level findings; ``findings`` lists them."""

    def __init__(self, action: str, post: str, findings: Sequence[Problem], root: Path) -> None:
        self.findings = tuple(findings)
        listed = "\n".join(finding_line(p, root) for p in self.findings)
        super().__init__("gates.refused", action=action, post=post, count=len(self.findings),
                         findings=listed)


def finding_line(problem: Problem, root: Path) -> str:
    """``  posts/…md:12 [content.forbidden] …``: where, which rule, what."""
    return t("gates.finding", where=problem.where(root), code=problem.code,
             message=problem.message)


def blocking_findings(post: Post, calendar: CalendarData,
                      status: Status | None = None) -> list[Problem]:
    """The error-level findings of ``post``'s rules, judged as if it stood in ``status`` (the
    status the move leads to: a source missing in a draft is a warning, once submitted an
    error): what stops it from moving on."""
    judged = post if status is None else replace(post, status=status)
    findings = check_post(judged, Context(calendar, (judged,)))
    return list(dict.fromkeys(p for p in findings
                              if p.is_error and p.code.startswith(GATE_RULES)))


def gate(post: Post, calendar: CalendarData, action: Action, action_label: str,
         root: Path, status: Status) -> None:
    """Refuse ``action`` on ``post`` (:class:`GateRefused`) when its rules, judged in the
    ``status`` the move leads to, find an error."""
    if action.value not in GATED:
        return
    found = blocking_findings(post, calendar, status)
    if found:
        raise GateRefused(action_label, post.id, found, root)
