"""What people read about a post's approval: its timeline, its comments, and who it waits for.

Plain values with every word already in the reader's language, so the command line, the site
partial (``overrides/partials/kalender/approval.html``), the "Menunggu" page and the approval
sheet all show the same thing.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..core.calendar_data import Team
from ..core.dates import full_date
from ..core.i18n import t
from ..core.memo import PerPost
from ..core.model import Post
from ..core.perbuild import once
from ..core.quickstate import quick_state
from ..core.words import platform_label
from .fingerprint import short
from .machine import (
    Action,
    Comment,
    Record,
    Standing,
    Turn,
    action_done,
    action_name,
    comments,
    moment_text,
    next_text,
    role_name,
    standing_label,
    turns,
)
from .records import load_ledger
from .standing import Standings, standing_of


@dataclass(frozen=True)
class Entry:
    """One step of the timeline, in words."""

    action: str  # the Action value, for styling
    step: str  # "diparaf"
    name: str  # "Hendra Gunawan, S.H."
    member: str  # "hendra"
    role: str  # "Kepala Subbagian Hukum dan SDM" or "Plh. ..."
    when: str  # "Sabtu, 28 November 2026 09.15 WIB"
    at: str  # ISO time with offset, for <time datetime>
    fingerprint: str  # short
    current: bool  # taken on the content as it is now
    note: str = ""
    platform: str = ""
    url: str = ""
    holds: tuple[str, ...] = ()  # the warnings acknowledged and comments carried, in words


@dataclass(frozen=True)
class CommentView:
    """A comment in words: who, when, on which platform, and whether it is resolved."""

    number: int
    platform: str  # platform id, "" for the whole post
    name: str
    role: str
    when: str
    at: str
    text: str
    is_open: bool
    resolved_by: str = ""
    resolved_when: str = ""
    current: bool = True  # made on the content as it is now


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class ApprovalView:
    """Everything the post page shows about the approval of one post."""

    state: str
    label: str
    fingerprint: str  # short, of the content now
    entries: tuple[Entry, ...]
    comments: tuple[CommentView, ...]
    next: str
    changed: str = ""  # why the state is "berubah", empty otherwise

    def comments_on(self, platform: str) -> list[CommentView]:
        """The comments on ``platform`` ("" for those on the whole post)."""
        return [c for c in self.comments if c.platform == platform]

    @property
    def open_count(self) -> int:
        return sum(1 for c in self.comments if c.is_open)


def member_name(team: Team, member: str) -> str:
    found = team.members.get(member)
    return found.name if found else member


def role_text(record: Record) -> str:
    """``Kepala Subbagian Hukum dan SDM``, or ``Plh. ...`` when the role was held as acting."""
    name = role_name(record.role)
    return t("approval.acting", role=name) if record.acting else name


def entry(record: Record, team: Team, current: str) -> Entry:
    step = action_done(record.action)
    if record.action is Action.UPLOADED:
        step = t("approval.done.uploaded_on", platform=platform_label(record.platform or ""))
    return Entry(record.action.value, step, member_name(team, record.by), record.by,
                 role_text(record), moment_text(record.at), record.at.isoformat(),
                 short(record.fingerprint), record.fingerprint == current, record.note,
                 record.platform or "", record.url or "", holds_words(record))


def holds_words(record: Record) -> tuple[str, ...]:
    """``mengakui peringatan legal.jdih_link: “…”`` and ``membawa komentar #2: “…”``: what a
    move let through past its gates (gates.py)."""
    return (*(t("gates.acknowledged", code=a.code, why=a.why) for a in record.acknowledged),
            *(t("gates.carried", number=c.comment, note=c.note) for c in record.carried))


def comment_view(comment: Comment, team: Team, current: str) -> CommentView:
    record, done = comment.record, comment.resolved
    return CommentView(
        comment.number, record.platform or "", member_name(team, record.by), role_text(record),
        moment_text(record.at), record.at.isoformat(), record.text, done is None,
        member_name(team, done.by) if done else "", moment_text(done.at) if done else "",
        record.fingerprint == current,
    )


def approval_view(post: Post, records: Sequence[Record], standing: Standing, team: Team,
                  day: dt.date) -> ApprovalView:
    """The approval of ``post`` in words, as of ``day`` (for who may act next)."""
    current = standing.fingerprint
    flow = [entry(r, team, current) for r in records
            if r.action not in (Action.COMMENT, Action.RESOLVE, Action.ATTEST)]
    views = tuple(comment_view(c, team, current) for c in comments(records))
    changed = ""
    if standing.changed and standing.bound is not None:
        changed = t("approval.changed_note", step=action_done(standing.bound.action),
                    was=short(standing.bound.fingerprint), now=short(current))
    return ApprovalView(standing.state, standing_label(standing), short(current), tuple(flow),
                        views, sys.intern(next_text(standing, team, day, post.id)), changed)


def view_of(post: Post, team: Team, day: dt.date, memo: PerPost[Any] | None = None,
            standings: Standings | None = None) -> ApprovalView:
    """:func:`approval_view` for a loaded post, reading its records beside it (kept in
    ``memo`` for the next call with the same post object, team and day)."""
    if memo is not None:
        return memo.get(post, lambda: view_of(post, team, day, standings=standings))

    records = load_ledger(post.path, post.when.tzinfo).records
    return approval_view(post, records, standing_of(post, standings), team, day)


def timeline_lines(post: Post, records: Sequence[Record], standing: Standing, team: Team,
                   day: dt.date) -> list[str]:
    """The approval of a post as lines for the terminal (``kalender history``)."""
    view = approval_view(post, records, standing, team, day)
    lines = [t("approval.cli.head", post=post.id, state=view.label, fingerprint=view.fingerprint)]
    if view.changed:
        lines.append("  " + view.changed)
    lines.append(t("approval.cli.timeline") if view.entries else t("approval.cli.no_records"))
    for item in view.entries:
        lines.append("  " + _entry_line(item))
        lines.extend("    " + words for words in item.holds)
    if view.comments:
        lines.append(t("approval.cli.comments"))
        lines.extend("  " + _comment_line(c) for c in view.comments)
    lines.append(t("approval.next", next=view.next))
    return lines


def _entry_line(item: Entry) -> str:
    detail = f" {item.url}" if item.url else ""
    note = f' "{item.note}"' if item.note else ""
    stale = "" if item.current else " " + t("approval.cli.stale")
    return t("approval.cli.entry", when=item.when, step=item.step, name=item.name,
             role=item.role, fingerprint=item.fingerprint) + detail + note + stale


def _comment_line(item: CommentView) -> str:
    where = f" [{item.platform}]" if item.platform else ""
    status = (t("approval.comment.open") if item.is_open else
              t("approval.comment.resolved_by", name=item.resolved_by, when=item.resolved_when))
    return t("approval.cli.comment", number=item.number, where=where, name=item.name,
             role=item.role, when=item.when, text=item.text, status=status)


# -- who waits for whom -----------------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    """A post waiting for one member to make one move."""

    post: Post
    action: Action
    label: str  # the post's state in words
    what: str  # "memberi paraf"
    platforms: tuple[str, ...] = ()


def waiting(posts: Iterable[Post], team: Team, day: dt.date, memo: PerPost[Any] | None = None,
            standings: Standings | None = None) -> dict[str, list[Waiting]]:
    """For each member of the team (in ``tim.yml`` order), the posts waiting for them on ``day``.

    A post waits for whoever may make an open move: the Kasubbag (or a Plh. in range) to
    initial, the Divisi to approve, the staff to submit, resubmit or record uploads. A post
    that was submitted before waits for the staff who submitted it, not for every staff member.
    Proposals (``usulan``) wait for the weekly meeting, not for a person.

    ``memo`` (``kalender serve``, one team and one day) keeps each post's part between calls;
    with it and ``standings``, a site build works the lists out once (core.perbuild).
    """
    if memo is not None and standings is not None:
        return dict(once("waiting", (posts, team, memo, standings), day,
                         partial(_waiting, posts, team, day, memo, standings)))
    return _waiting(posts, team, day, memo, standings or Standings())


def _waiting(posts: Iterable[Post], team: Team, day: dt.date, memo: PerPost[Any] | None,
             standings: Standings) -> dict[str, list[Waiting]]:
    result: dict[str, list[Waiting]] = {m: [] for m in team.members}
    for post in sorted(posts, key=lambda p: (p.when, p.id)):
        items = memo.get(post, partial(_waits, post, team, day, standings)) \
            if memo is not None else _waits(post, team, day, standings)
        for member, item in items:
            result[member].append(item)
    return result


def _waits(post: Post, team: Team, day: dt.date,
           standings: Standings) -> list[tuple[str, Waiting]]:
    """Who ``post`` waits for on ``day``, and for what."""
    standing = standings.of(post)
    moves: dict[str, list[Turn]] = {}
    for turn in turns(standing, team, day):
        for member in _waiting_for(turn, standing):
            moves.setdefault(member, []).append(turn)
    found = []
    label = standing_label(standing) if moves else ""  # the same for every member
    for member, member_turns in moves.items():
        first = member_turns[0]
        what = t("approval.or").join(action_name(m.step.action) for m in member_turns)
        found.append((member, Waiting(post, first.step.action, label, what, first.platforms)))
    return found


def _waiting_for(turn: Turn, standing: Standing) -> tuple[str, ...]:
    if turn.step.action not in (Action.SUBMIT, Action.UPLOADED):
        return turn.members
    own = tuple(m for m in turn.members if m in standing.history.submitters)
    return own or turn.members


def waiting_lines(posts: Iterable[Post], team: Team, day: dt.date,
                  member: str | None = None) -> list[str]:
    """The waiting list for the terminal (``kalender waiting``), for everyone or one member."""
    lines: list[str] = []
    for member_id, items in waiting(posts, team, day).items():
        if member is not None and member_id != member:
            continue
        person = team.members[member_id]
        lines.append(t("approval.cli.waiting_head", name=person.name, member=member_id,
                       role=role_name(person.role), count=len(items)))
        lines.extend(t("approval.cli.waiting_item", date=full_date(w.post.date), post=w.post.id,
                       what=w.what, state=w.label) for w in items)
    return lines
