"""Gates on the approval moves (issue 16, SOP D and A): a post whose rules find an error, a
warning nobody acknowledged, or (for the approval) an open comment does not move on.

Before ``submit``, ``initial``, ``approve`` and ``uploaded`` the post's SOP A and D rules run
(the same rules as ``kalender check``: ``content.*``, ``sources.*``, ``legal.*``, and the media
a format needs: ``media.count``, ``media.kind``, ``media.unreadable``), judged in the status
the move leads to. What holds the move:

- an error-level finding: it must be fixed;
- a warning-level finding whose rule code the person making the move has not acknowledged,
  with a reason, for this content fingerprint (given with the move, or recorded by the same
  person in an earlier record on the same fingerprint);
- for ``approve``: a review comment still open, unless it is carried with a note.

A refusal names each finding's file, line, rule and message (which says the words, the basis
and what to change), and each open comment; nothing is written. The acknowledgements and
carried comments a move rests on are written into its record
(:mod:`kalender.approval.records`). :func:`kalender.workflow.actions.perform` calls
:func:`gate`, so the command line and the review server are gated alike; the export and the
approval sheet ask :func:`approval_holds`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..approval.machine import (
    Acknowledgement,
    Action,
    Carried,
    Comment,
    Record,
    comments,
)
from ..core.errors import KalenderError, UsageError
from ..core.i18n import t
from ..core.problems import Problem
from ..rules import Context, check_post

if TYPE_CHECKING:
    from ..core.calendar_data import CalendarData, Team
    from ..core.model import Post, Status

GATED = ("submit", "initial", "approve", "uploaded")
# The rule families of SOP A (factual: sources, legal products, media) and SOP D (forbidden
# and partisan content) gate the moves. The approval rules are the flow's own checks, made
# by the move itself (:func:`kalender.approval.machine.decide`); the remaining families (care, text
# limits, tagging) are not gates yet (docs/persetujuan.md).
GATE_RULES = ("content.", "sources.", "legal.", "media.count", "media.kind", "media.unreadable")
REASON_LIMIT = 1000  # characters of an acknowledgement's reason or a carried comment's note


@dataclass(frozen=True)
class Holds:
    """What holds one move of one post: errors to fix, warnings by rule code (each with the
    acknowledgement that lets it through, if any) and, for an approval, open comments."""

    errors: tuple[Problem, ...] = ()
    warnings: dict[str, tuple[Problem, ...]] = field(default_factory=dict)
    acknowledged: dict[str, Acknowledgement] = field(default_factory=dict)
    open_comments: tuple[Comment, ...] = ()
    carried: dict[int, Carried] = field(default_factory=dict)

    @property
    def unacknowledged(self) -> dict[str, tuple[Problem, ...]]:
        return {c: p for c, p in self.warnings.items() if c not in self.acknowledged}

    @property
    def uncarried(self) -> tuple[Comment, ...]:
        return tuple(c for c in self.open_comments if c.number not in self.carried)

    @property
    def blocking(self) -> bool:
        return bool(self.errors or self.unacknowledged or self.uncarried)


class GateRefused(KalenderError):
    """A move refused by its holds; ``holds`` says which."""

    def __init__(self, action: str, post: str, holds: Holds, root: Path, name: str,
                 team: Team | None = None) -> None:
        self.holds = holds
        self.findings = holds.errors
        super().__init__("gates.refused", action=action, post=post,
                         reasons=refusal_reasons(holds, root, post, name, team))


def refusal_reasons(holds: Holds, root: Path, post: str, name: str,
                    team: Team | None = None) -> str:
    """The reasons of a refusal, one block per kind of hold."""
    parts = []
    if holds.errors:
        parts.append(t("gates.reason.errors", count=len(holds.errors),
                       findings=_lines(holds.errors, root)))
    waiting = holds.unacknowledged
    if waiting:
        found = [p for problems in waiting.values() for p in problems]
        parts.append(t("gates.reason.warnings", count=len(found), name=name,
                       findings=_lines(found, root), codes=", ".join(waiting)))
    if holds.uncarried:
        listed = "\n".join(comment_line(c, team) for c in holds.uncarried)
        parts.append(t("gates.reason.comments", count=len(holds.uncarried), post=post,
                       comments=listed))
    return "\n".join(parts)


def _lines(problems: Iterable[Problem], root: Path) -> str:
    return "\n".join(finding_line(p, root) for p in problems)


def finding_line(problem: Problem, root: Path) -> str:
    """``  posts/…md:12 [content.forbidden] …``: where, which rule, what."""
    return t("gates.finding", where=problem.where(root), code=problem.code,
             message=problem.message)


def comment_line(comment: Comment, team: Team | None = None) -> str:
    """``    #2 Hendra Gunawan, S.H. (instagram): “Logo KPU terlalu kecil”``."""
    record = comment.record
    member = team.members.get(record.by) if team is not None else None
    where = f" ({record.platform})" if record.platform else ""
    return t("gates.comment", number=comment.number, name=member.name if member else record.by,
             where=where, text=" ".join(record.text.split())[:160])


# -- what the rules find ----------------------------------------------------------------


def gate_findings(post: Post, calendar: CalendarData,
                  status: Status | None = None) -> list[Problem]:
    """The findings of ``post``'s gate rules (errors and warnings), judged as if it stood in
    ``status`` (the status a move leads to: a source missing in a draft is a warning, once
    submitted an error)."""
    judged = post if status is None else replace(post, status=status)
    findings = check_post(judged, Context(calendar, (judged,)))
    return list(dict.fromkeys(p for p in findings if p.code.startswith(GATE_RULES)))


def blocking_findings(post: Post, calendar: CalendarData,
                      status: Status | None = None) -> list[Problem]:
    """The error-level findings of :func:`gate_findings`: what no acknowledgement lets by."""
    return [p for p in gate_findings(post, calendar, status) if p.is_error]


def by_code(problems: Iterable[Problem]) -> dict[str, tuple[Problem, ...]]:
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(problem.code, []).append(problem)
    return {code: tuple(found) for code, found in grouped.items()}


def earlier_acknowledgements(records: Iterable[Record], member: str,
                             fingerprint: str) -> dict[str, Acknowledgement]:
    """The acknowledgements ``member`` recorded on this very content (same fingerprint)."""
    found: dict[str, Acknowledgement] = {}
    for record in records:
        if record.by == member and record.fingerprint == fingerprint:
            found.update((a.code, a) for a in record.acknowledged)
    return found


def move_holds(post: Post, calendar: CalendarData, status: Status, action: Action, *,
               member: str, records: Sequence[Record], fingerprint: str,
               acknowledged: Sequence[Acknowledgement] = (),
               carried: Sequence[Carried] = ()) -> Holds:
    """What holds ``member``'s ``action`` on ``post`` (leading to ``status``), counting the
    acknowledgements and carried comments given with the move and those ``member`` recorded
    before on the same content. Refuses (:class:`KalenderError`) an acknowledgement of a code
    with no warning, a carried comment that is not open, and an empty reason."""
    findings = gate_findings(post, calendar, status)
    warnings = by_code(p for p in findings if not p.is_error)
    given = _given_acknowledgements(acknowledged, warnings, post.id)
    known = earlier_acknowledgements(records, member, fingerprint)
    acks = {code: given.get(code) or known[code] for code in warnings
            if code in given or code in known}
    still_open: tuple[Comment, ...] = ()
    if action is Action.APPROVE:
        still_open = tuple(c for c in comments(records) if c.is_open)
    return Holds(tuple(p for p in findings if p.is_error), warnings, acks, still_open,
                 _given_carried(carried, still_open, post.id))


def _given_acknowledgements(given: Sequence[Acknowledgement],
                            warnings: dict[str, tuple[Problem, ...]],
                            post: str) -> dict[str, Acknowledgement]:
    found = {}
    for ack in given:
        if ack.code not in warnings:
            raise KalenderError("gates.no_such_warning", code=ack.code, post=post,
                                codes=", ".join(warnings) or "-")
        found[ack.code] = Acknowledgement(ack.code, _reason(ack.why, "gates.why_missing",
                                                            code=ack.code))
    return found


def _given_carried(given: Sequence[Carried], still_open: Sequence[Comment],
                   post: str) -> dict[int, Carried]:
    numbers = {c.number for c in still_open}
    found = {}
    for carried in given:
        if carried.comment not in numbers:
            raise KalenderError("gates.no_such_open_comment", number=carried.comment,
                                post=post, open=", ".join(f"#{n}" for n in sorted(numbers))
                                or "-")
        found[carried.comment] = Carried(carried.comment, _reason(
            carried.note, "gates.note_missing", number=carried.comment))
    return found


def _reason(text: str, key: str, **params: object) -> str:
    reason = " ".join(text.split())
    if not reason:
        raise KalenderError(key, **params)
    return reason[:REASON_LIMIT]


# -- the gate of a move -----------------------------------------------------------------


@dataclass(frozen=True)
class GatedMove:
    """A move as :func:`gate` needs it: who, where it leads, on which records and content."""

    action: Action
    label: str  # the action's words (``mengajukan``)
    member: str
    name: str  # the member's name, for the refusal
    status: Status  # where the move leads
    records: tuple[Record, ...]
    fingerprint: str


def gate(post: Post, calendar: CalendarData, move: GatedMove, root: Path,
         acknowledged: Sequence[Acknowledgement] = (),
         carried: Sequence[Carried] = ()) -> tuple[tuple[Acknowledgement, ...],
                                                   tuple[Carried, ...]]:
    """Refuse ``move`` on ``post`` (:class:`GateRefused`) when something holds it; otherwise
    the acknowledgements and carried comments its record is to hold."""
    if move.action.value not in GATED:
        return (), ()
    holds = move_holds(post, calendar, move.status, move.action, member=move.member,
                       records=move.records, fingerprint=move.fingerprint,
                       acknowledged=acknowledged, carried=carried)
    if holds.blocking:
        raise GateRefused(move.label, post.id, holds, root, move.name, calendar.team)
    return tuple(holds.acknowledged.values()), tuple(holds.carried.values())


# -- after the approval: export and approval sheet --------------------------------------


def approval_holds(post: Post, calendar: CalendarData, approval: Record | None,
                   status: Status) -> Holds:
    """What the post's rules find now against the approval it rests on: errors, and warnings
    the approver's record does not acknowledge (an acknowledgement holds only while the
    fingerprint is the approved one, which the caller has checked)."""
    findings = gate_findings(post, calendar, status)
    acks = {a.code: a for a in approval.acknowledged} if approval is not None else {}
    warnings = by_code(p for p in findings if not p.is_error)
    return Holds(tuple(p for p in findings if p.is_error), warnings,
                 {c: a for c, a in acks.items() if c in warnings})


def held_reason(holds: Holds) -> str:
    """One line saying why an approved post may not go out: the codes of its errors and of
    the warnings nobody acknowledged."""
    parts = []
    if holds.errors:
        parts.append(t("gates.held.errors", count=len(holds.errors),
                       codes=_codes(holds.errors)))
    waiting = holds.unacknowledged
    if waiting:
        parts.append(t("gates.held.warnings", count=sum(len(p) for p in waiting.values()),
                       codes=", ".join(waiting)))
    return "; ".join(parts)


def _codes(problems: Iterable[Problem]) -> str:
    return ", ".join(dict.fromkeys(p.code for p in problems))


# -- what a person types: CODE=reason, NUMBER=note ----------------------------------------


def parse_acknowledgements(given: Sequence[str], why: str) -> tuple[Acknowledgement, ...]:
    """``content.partisan=alasan`` (or the code alone with a shared ``why``) as
    acknowledgements; a usage error names an entry without a reason."""
    found = []
    for entry in given:
        code, _, reason = entry.partition("=")
        reason = reason.strip() or why.strip()
        if not code.strip() or not reason:
            raise UsageError("gates.acknowledge_needs", found=entry)
        found.append(Acknowledgement(code.strip(), reason))
    return tuple(found)


def parse_carried(given: Sequence[str], why: str) -> tuple[Carried, ...]:
    """``2=catatan`` (or the number alone with a shared ``why``) as carried comments."""
    found = []
    for entry in given:
        number, _, note = entry.partition("=")
        note = note.strip() or why.strip()
        if not number.strip().lstrip("#").isdigit() or not note:
            raise UsageError("gates.carry_needs", found=entry)
        found.append(Carried(int(number.strip().lstrip("#")), note))
    return tuple(found)
