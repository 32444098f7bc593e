"""The SOP's approval flow as a state machine: who may move a post, where to, and why not.

Pure: everything here works on values (records, the team, a fingerprint) and reads no file,
except :func:`effective_status`, the one function the site calls with a post alone.

The flow (DOMAIN.md, docs/persetujuan.md)::

    usulan -> draf -> diajukan -> diparaf -> disetujui -> diunggah
                         |           |
                         +-> revisi <+        (returned at step 2 or 3; submitted again)

A paraf or an approval binds to the post's fingerprint (:mod:`kalender.approval.fingerprint`). When
the content changes after it, the post stands in the distinct state ``berubah`` until it is
submitted again, or until the content is restored (the fingerprint matches again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from ..core.calendar_data import Team
from ..core.dates import clock, full_date, long_date
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.model import Status
from ..core.quickstate import quick_state
from ..core.words import platforms_text
from .fingerprint import short

if TYPE_CHECKING:
    pass

CHANGED = "berubah"
STATES: tuple[str, ...] = (*(s.value for s in Status), CHANGED)


class Action(StrEnum):
    """What a team member does to a post; each is one command and one record."""

    ACCEPT = "accept"  # kasubbag accepts a proposal (usulan) into draf (SOP E.1.c 3-4)
    SUBMIT = "submit"  # staf hands the post in (SOP step 1, with the Nota Dinas)
    INITIAL = "initial"  # kasubbag's paraf (step 2)
    APPROVE = "approve"  # divisi's approval (steps 3-4)
    RETURN = "return"  # kasubbag or divisi returns it for revision
    UPLOADED = "uploaded"  # staf records the live link of one platform (step 6)
    COMMENT = "comment"  # anyone on the team remarks on the post
    RESOLVE = "resolve"  # anyone on the team closes a comment
    ATTEST = "attest"  # a member signs their records from before signatures (signing.py)


FLOW_ACTIONS = (Action.ACCEPT, Action.SUBMIT, Action.INITIAL, Action.APPROVE, Action.RETURN,
                Action.UPLOADED)
CHECKING_ACTIONS = (Action.INITIAL, Action.APPROVE, Action.RETURN)


@dataclass(frozen=True)
class Step:
    """A move the flow allows in one state: the roles that may make it and where it leads."""

    action: Action
    roles: tuple[str, ...]
    to: Status


TRANSITIONS: dict[str, tuple[Step, ...]] = {
    Status.USULAN: (Step(Action.ACCEPT, ("kasubbag",), Status.DRAF),),
    Status.DRAF: (Step(Action.SUBMIT, ("staf",), Status.DIAJUKAN),),
    Status.REVISI: (Step(Action.SUBMIT, ("staf",), Status.DIAJUKAN),),
    Status.DIAJUKAN: (Step(Action.INITIAL, ("kasubbag",), Status.DIPARAF),
                      Step(Action.RETURN, ("kasubbag",), Status.REVISI)),
    Status.DIPARAF: (Step(Action.APPROVE, ("divisi",), Status.DISETUJUI),
                     Step(Action.RETURN, ("divisi",), Status.REVISI)),
    Status.DISETUJUI: (Step(Action.UPLOADED, ("staf",), Status.DIUNGGAH),),
    Status.DIUNGGAH: (),
    CHANGED: (Step(Action.SUBMIT, ("staf",), Status.DIAJUKAN),
              Step(Action.RETURN, ("kasubbag", "divisi"), Status.REVISI)),
}


@dataclass(frozen=True)
class Acknowledgement:
    """A warning of the post's rules (by rule code) that the person making a move saw and let
    through, and why (issue 16): valid only for the content fingerprint of its record."""

    code: str
    why: str


@dataclass(frozen=True)
class Carried:
    """An open comment the approver carries past the approval, with a note saying why."""

    comment: int
    note: str


@dataclass(frozen=True)
class Record:
    """One line of a post's approval record: who did what, in which role, when, on what content."""

    action: Action
    by: str
    role: str
    at: dt.datetime  # aware, in the office's time zone
    fingerprint: str
    acting: bool = False  # the role was held as Plh.
    note: str = ""  # the reason of a return
    platform: str | None = None  # uploaded; a comment on one platform
    url: str | None = None  # uploaded
    comment: int | None = None  # the number of a comment (comment, resolve)
    text: str = ""  # a comment's text
    line: int | None = None  # the line in the record file
    pin: tuple[float, float] | None = None  # a comment's point on the preview picture (0..1)
    address: str = ""  # the network address the action came from (kalender review)
    acknowledged: tuple[Acknowledgement, ...] = ()  # warnings let through by this move
    carried: tuple[Carried, ...] = ()  # open comments carried past an approval


@dataclass(frozen=True)
class Comment:
    """A remark on a post (or on one platform of it), open until someone resolves it."""

    record: Record
    resolved: Record | None = None

    @property
    def number(self) -> int:
        return self.record.comment or 0

    @property
    def is_open(self) -> bool:
        return self.resolved is None


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class History:
    """The approval records replayed in order: the recorded status and who did what."""

    status: Status | None = None  # None before the first submission
    submitters: frozenset[str] = frozenset()
    paraf: Record | None = None
    approval: Record | None = None
    uploads: dict[str, Record] = field(default_factory=dict)
    returned: Record | None = None


def replay(records: Iterable[Record], platforms: Sequence[str]) -> History:
    """The history after ``records`` (comments do not move the flow)."""
    history = History()
    for record in records:
        history = advance(history, record, platforms)
    return history


def advance(history: History, record: Record, platforms: Sequence[str]) -> History:
    """The history after one more record."""
    match record.action:
        case Action.ACCEPT:
            return replace(history, status=Status.DRAF)
        case Action.SUBMIT:
            return History(Status.DIAJUKAN, history.submitters | {record.by})
        case Action.INITIAL:
            return replace(history, status=Status.DIPARAF, paraf=record)
        case Action.APPROVE:
            return replace(history, status=Status.DISETUJUI, approval=record)
        case Action.RETURN:
            return History(Status.REVISI, history.submitters, returned=record)
        case Action.UPLOADED:
            uploads = {**history.uploads, str(record.platform): record}
            done = all(p in uploads for p in platforms)
            return replace(history, uploads=uploads,
                           status=Status.DIUNGGAH if done else history.status)
    return history


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class Standing:
    """Where a post stands: its recorded flow, and whether its content is still what was checked."""

    post_status: Status  # the front matter's ``status``
    history: History
    fingerprint: str  # of the content now
    platforms: tuple[str, ...]

    @property
    def recorded(self) -> Status:
        """The status the records give (the front matter's before any record)."""
        return self.history.status or self.post_status

    @property
    def bound(self) -> Record | None:
        """The paraf or approval the current status rests on."""
        if self.recorded in (Status.DISETUJUI, Status.DIUNGGAH):
            return self.history.approval
        if self.recorded is Status.DIPARAF:
            return self.history.paraf
        return None

    @property
    def changed(self) -> bool:
        """True when the content is no longer what was initialled or approved."""
        return self.bound is not None and self.bound.fingerprint != self.fingerprint

    @property
    def state(self) -> str:
        """The effective state: the recorded status, or ``berubah``."""
        return CHANGED if self.changed else self.recorded.value

    def steps(self) -> tuple[Step, ...]:
        return TRANSITIONS[self.state]


@dataclass(frozen=True)
class Move:
    """What someone asks to do: the action, who, when, and its details."""

    action: Action
    by: str
    at: dt.datetime
    note: str = ""
    platform: str | None = None
    url: str | None = None


class Refused(KalenderError):
    """A move the flow does not allow; ``reason`` is a catalog key, ``params`` its values."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, **params)
        self.reason = reason

    def why(self) -> str:
        return self.format_message()


def decide(standing: Standing, move: Move, team: Team) -> Record:
    """The record ``move`` makes, or :class:`Refused` saying why the flow does not allow it.

    The checks, in order: the move exists in the current state; the person holds the role
    on the day (an acting official only within their Plh. range); the person did not submit
    the post; the approval does not come from the person who gave the paraf; an upload names
    a platform of the post not yet recorded, with a web address.
    """
    step = _step(standing, move)
    role, acting = role_for(team, move.by, step.roles, move.at.date())
    _independent(standing, move, team)
    _upload(standing, move)
    return Record(step.action, move.by, role, move.at, standing.fingerprint, acting,
                  note=move.note, platform=move.platform, url=move.url)


def _step(standing: Standing, move: Move) -> Step:
    step = next((s for s in standing.steps() if s.action is move.action), None)
    if step is not None:
        return step
    if standing.changed and move.action in (Action.INITIAL, Action.APPROVE, Action.UPLOADED):
        bound = standing.bound
        assert bound is not None
        raise Refused("approval.why.changed", step=action_done(bound.action),
                      was=short(bound.fingerprint), now=short(standing.fingerprint))
    if standing.state == Status.USULAN and move.action is Action.SUBMIT:
        raise Refused("approval.why.usulan")
    if standing.state == Status.DIUNGGAH:
        raise Refused("approval.why.finished", action=action_name(move.action))
    raise Refused("approval.why.wrong_step", action=action_name(move.action),
                  state=state_label(standing.state), order=flow_order())


def role_for(team: Team, member_id: str, roles: Sequence[str], day: dt.date) -> tuple[str, bool]:
    """The role among ``roles`` that ``member_id`` holds on ``day``, and whether as Plh."""
    member = team.members.get(member_id)
    if member is None:
        raise Refused("approval.why.unknown_member", member=member_id,
                      known=", ".join(team.members))
    held = team.roles_of(member_id, day)
    role = next((r for r in roles if r in held), None)
    if role is not None:
        return role, role != member.role
    acting = next((a for a in team.acting if a.member == member_id and a.role in roles), None)
    if acting is not None:
        raise Refused("approval.why.outside_plh", name=member.name, member=member_id,
                      role=role_name(acting.role), start=long_date(acting.start),
                      end=long_date(acting.end), day=long_date(day))
    raise Refused("approval.why.wrong_role", name=member.name, member=member_id,
                  held=", ".join(role_name(r) for r in held),
                  needed=t("approval.or").join(role_name(r) for r in roles))


def _independent(standing: Standing, move: Move, team: Team) -> None:
    if move.action not in CHECKING_ACTIONS:
        return
    name = team.members[move.by].name
    if move.by in standing.history.submitters:
        raise Refused("approval.why.own_draft", name=name, member=move.by)
    paraf = standing.history.paraf
    if _second_check(standing, move.action) and paraf is not None and paraf.by == move.by:
        raise Refused("approval.why.same_person", name=name, member=move.by,
                      when=moment_text(paraf.at))


def _second_check(standing: Standing, action: Action) -> bool:
    """True for the Divisi's check (step 3): approving, or returning an initialled post."""
    return action is Action.APPROVE or (action is Action.RETURN
                                        and standing.state == Status.DIPARAF)


def _upload(standing: Standing, move: Move) -> None:
    if move.action is not Action.UPLOADED:
        return
    if move.platform not in standing.platforms:
        raise Refused("approval.why.not_a_platform", platform=move.platform,
                      platforms=", ".join(standing.platforms))
    done = standing.history.uploads.get(str(move.platform))
    if done is not None:
        raise Refused("approval.why.already_uploaded", platform=move.platform,
                      url=done.url, when=moment_text(done.at))
    if not is_web_address(move.url or ""):
        raise Refused("approval.why.bad_url", url=move.url or "")


def is_web_address(text: str) -> bool:
    """True for an ``http(s)://host/...`` address."""
    parsed = urlparse(text)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in text


# -- who may act next -------------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    """A move open now, and the team members who may make it today."""

    step: Step
    members: tuple[str, ...]
    platforms: tuple[str, ...] = ()  # for uploads: the platforms still without a link


def turns(standing: Standing, team: Team, day: dt.date) -> list[Turn]:
    """Every move open in the post's state, with who may make it on ``day``."""
    result = []
    roles: dict[str, tuple[str, ...]] = {}  # each member's roles on ``day``, asked once
    for step in standing.steps():
        members = tuple(m for m in team.members
                        if any(r in _roles(roles, team, m, day) for r in step.roles)
                        and _may_check(standing, step.action, m))
        pending = tuple(p for p in standing.platforms if p not in standing.history.uploads)
        result.append(Turn(step, members, pending if step.action is Action.UPLOADED else ()))
    return result


def _roles(known: dict[str, tuple[str, ...]], team: Team, member: str,
           day: dt.date) -> tuple[str, ...]:
    found = known.get(member)
    if found is None:
        found = known[member] = team.roles_of(member, day)
    return found


def _may_check(standing: Standing, action: Action, member: str) -> bool:
    if action not in CHECKING_ACTIONS:
        return True
    if member in standing.history.submitters:
        return False
    paraf = standing.history.paraf
    return not (_second_check(standing, action) and paraf is not None and paraf.by == member)


def next_text(standing: Standing, team: Team, day: dt.date, post_id: str) -> str:
    """``Hendra Gunawan, S.H. (hendra) sebagai Kepala Subbagian ...: memberi paraf (...) atau ...``

    Open moves grouped by the people who may make them on ``day``.
    """
    open_turns = turns(standing, team, day)
    if not open_turns:
        key = "approval.next.done" if standing.state == Status.DIUNGGAH else "approval.next.draft"
        return t(key)
    groups: dict[tuple[str, str], list[str]] = {}
    for turn in open_turns:
        roles = t("approval.or").join(role_name(r) for r in turn.step.roles)
        who = ", ".join(t("approval.next.member", name=team.members[m].name, member=m)
                        for m in turn.members)
        part = t(f"approval.next.{turn.step.action}", post=post_id,
                 platforms=platforms_text(turn.platforms))
        groups.setdefault((who or t("approval.next.nobody"), roles), []).append(part)
    return t("approval.next.or").join(
        t("approval.next.group", who=who, roles=roles, moves=t("approval.or").join(parts))
        for (who, roles), parts in groups.items())


# -- comments ---------------------------------------------------------------------------


def comments(records: Iterable[Record]) -> list[Comment]:
    """The comments of a post in order, each with its resolution if any."""
    found: dict[int, Comment] = {}
    for record in records:
        if record.action is Action.COMMENT and record.comment is not None:
            found[record.comment] = Comment(record)
        elif record.action is Action.RESOLVE and record.comment in found:
            found[record.comment] = replace(found[record.comment], resolved=record)
    return list(found.values())


def next_comment_number(records: Iterable[Record]) -> int:
    """The number the next comment gets: one more than the highest so far."""
    return max((r.comment or 0 for r in records if r.action is Action.COMMENT), default=0) + 1


def out_of_time_order(previous: Record | None, record: Record) -> bool:
    """True when ``record`` is dated before ``previous``: records are only appended, in time
    order. The one rule ``check`` applies to a record file (rule.approval_time_order) and
    :func:`kalender.workflow.actions.perform` applies before writing
    (workflow.earlier_than_last)."""
    return previous is not None and record.at < previous.at


# -- words ------------------------------------------------------------------------------


def state_label(state: str, voided: Action | None = None) -> str:
    """``disetujui``; ``berubah setelah disetujui`` for a changed post."""
    if state == CHANGED and voided is not None:
        return t("approval.state.changed_after", step=action_done(voided))
    return t(f"approval.state.{state}")


def standing_label(standing: Standing) -> str:
    """The label of a post's effective state, naming what a change voided."""
    bound = standing.bound if standing.changed else None
    return state_label(standing.state, bound.action if bound else None)


def role_name(role: str) -> str:
    """``Kepala Subbagian Hukum dan SDM`` for ``kasubbag``."""
    return t(f"approval.role.{role}")


def action_name(action: Action) -> str:
    """``memberi paraf`` for ``initial``."""
    return t(f"approval.action.{action}")


def action_done(action: Action) -> str:
    """``diparaf`` for ``initial``: the word for the step once taken."""
    return t(f"approval.done.{action}")


def flow_order() -> str:
    return " → ".join(s.value for s in (Status.DIAJUKAN, Status.DIPARAF, Status.DISETUJUI,
                                         Status.DIUNGGAH))


def moment_text(moment: dt.datetime) -> str:
    """``Sabtu, 28 November 2026 09.15 WIB``."""
    return t("approval.moment", date=full_date(moment.date()), clock=clock(moment),
             zone=moment.tzname() or "")


# -- the site's one entry point ---------------------------------------------------------


