"""Approval rules: the record file reads, its steps follow the SOP, the front matter's ``status``
agrees with it, and the content is still what was initialled or approved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..approval.fingerprint import short
from ..approval.machine import (
    FLOW_ACTIONS,
    Action,
    History,
    Move,
    Record,
    Refused,
    Standing,
    action_done,
    advance,
    comments,
    decide,
    out_of_time_order,
)
from ..approval.records import Ledger, load_ledger, post_file
from ..approval.records import record_file as record_path
from ..core.calendar_data import Team
from ..core.i18n import t
from ..core.model import Post, Status
from ..core.problems import Problem, Severity
from .registry import Context, Finding, project_finding, project_rule, rule


@rule("approval.records")
def record_file(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """The record file beside the post reads as a list of records."""
    yield from load_ledger(post.path).problems


@rule("approval.steps")
def steps(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Every recorded step was allowed when it was taken (role on that day, order, people)."""
    ledger = load_ledger(post.path, context.calendar.satker.timezone)
    yield from audit(post, ledger, context.calendar.team)


@rule("approval.status")
def status_agrees(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """The front matter's ``status`` is the one the records give."""
    history = context.standings.of(post).history
    file = record_path(post.path).name
    if history.status is None and post.status not in (Status.USULAN, Status.DRAF):
        yield finding(("status",), "rule.approval_no_records", found=post.status.value,
                      file=file)
    elif history.status is not None and history.status is not post.status:
        yield finding(("status",), "rule.approval_mismatch", found=post.status.value,
                      recorded=history.status.value, file=file)


@rule("approval.changed")
def changed(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """The caption, hashtags, mentions, media, platforms and time are what was checked."""
    standing = context.standings.of(post)
    bound = standing.bound
    if standing.changed and bound is not None:
        yield finding(("status",), "rule.approval_changed", step=action_done(bound.action),
                      was=short(bound.fingerprint), now=short(standing.fingerprint))


@rule("approval.comments", Severity.WARNING)
def open_comments(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """An approved post should have no open comment left (but those its approval carried
    with a note)."""

    standing = context.standings.of(post)
    if standing.recorded not in (Status.DISETUJUI, Status.DIUNGGAH):
        return
    approval = standing.history.approval
    carried = {c.comment for c in approval.carried} if approval is not None else set()
    still_open = [c.number for c in comments(load_ledger(post.path).records)
                  if c.is_open and c.number not in carried]
    if still_open:
        yield finding(("status",), "rule.approval_open_comments",
                      numbers=", ".join(f"#{n}" for n in still_open))


@project_rule("approval.orphans", Severity.WARNING)
def orphans(context: Context) -> Iterator[Problem]:
    """A record file whose post is gone (renamed or deleted) keeps no post's approval."""
    posts = context.calendar.root / "posts"
    for path in sorted(posts.rglob("*.persetujuan.yml")):
        if not post_file(path).exists():
            yield project_finding("approval.orphans", path, 1, "rule.approval_orphan",
                                  post=post_file(path).name)


def audit(post: Post, ledger: Ledger, team: Team) -> Iterator[Problem]:
    """Replay the records through the flow's own rules, as of each record's time."""
    history = History()
    comment_numbers: set[int] = set()
    previous: Record | None = None
    for record in ledger.records:
        problem = _check_record(post, ledger, team, history, record, previous, comment_numbers)
        if problem is not None:
            yield problem
        if record.action in FLOW_ACTIONS:
            history = advance(history, record, post.platforms)
        if record.action is Action.COMMENT and record.comment is not None:
            comment_numbers.add(record.comment)
        previous = record


def _check_record(post: Post, ledger: Ledger, team: Team, history: History, record: Record,
                  previous: Record | None, comments: set[int]) -> Problem | None:
    if out_of_time_order(previous, record):
        return _problem(post, ledger, record, "rule.approval_time_order")
    if record.by not in team.members:
        return _problem(post, ledger, record, "rule.approval_former_member",
                        Severity.WARNING, member=record.by)
    if record.action is Action.COMMENT and record.comment in comments:
        return _problem(post, ledger, record, "rule.approval_comment_number",
                        number=record.comment)
    if record.action is Action.RESOLVE and record.comment not in comments:
        return _problem(post, ledger, record, "rule.approval_comment_number",
                        number=record.comment)
    if record.action not in FLOW_ACTIONS:
        return None
    return _check_step(post, ledger, team, history, record)


def _check_step(post: Post, ledger: Ledger, team: Team, history: History,
                record: Record) -> Problem | None:

    # Before the first record the post was a draft: that is where submitting starts.
    standing = Standing(Status.DRAF, history, record.fingerprint, post.platforms)
    move = Move(record.action, record.by, record.at, note=record.note,
                platform=record.platform, url=record.url)
    try:
        expected = decide(standing, move, team)
    except Refused as refused:
        return _problem(post, ledger, record, "rule.approval_bad_step",
                        step=action_done(record.action), why=refused.why())
    if (expected.role, expected.acting) != (record.role, record.acting):
        return _problem(post, ledger, record, "rule.approval_role", role=_role(record),
                        expected=_role(expected))
    return None


def _role(record: Record) -> str:
    return f"{record.role} (Plh.)" if record.acting else record.role


def _problem(post: Post, ledger: Ledger, record: Record, key: str,
             severity: Severity = Severity.ERROR, **params: Any) -> Problem:
    return Problem(ledger.path, record.line, severity, "approval.steps", t(key, **params),
                   post_id=post.id)
