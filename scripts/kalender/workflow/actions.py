"""One code path for every approval action: the command line and the review server both call
:func:`perform`.

``perform`` takes the repository's approval lock, reads the post and its records, checks the
move (:func:`kalender.approval.machine.decide`, or the comment rules), appends one record and, when
the status changes, rewrites the post's ``status:`` line; then says what was done. Nothing
here prints or knows about click or HTTP: :mod:`kalender.cli.approval` echoes
:attr:`Outcome.text`, :mod:`kalender.review` turns it into JSON.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..approval.fingerprint import fingerprint, short
from ..approval.keyring import load_keyring
from ..approval.keys import MemberKey, Signer
from ..approval.machine import (
    Acknowledgement,
    Action,
    Carried,
    Move,
    Record,
    Refused,
    Standing,
    action_done,
    action_name,
    advance,
    comments,
    decide,
    moment_text,
    next_comment_number,
    next_text,
    out_of_time_order,
    replay,
    role_for,
    role_name,
    standing_label,
)
from ..approval.records import (
    Ledger,
    Snapshot,
    appended,
    commit,
    ledger_of,
    take_snapshot,
    with_status,
    write_lock,
)
from ..approval.signing import head, read_items, seal_entry
from ..core.calendar_data import CalendarData
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..core.inside import in_place
from ..core.loader import load_project
from ..core.model import Post, Status
from ..core.problems import problem_counts, report_lines
from ..core.words import platform_label
from .gates import GatedMove, gate

USER_ENV = "KALENDER_USER"
NOW_ENV = "KALENDER_NOW"  # a fixed clock for exercises, sample data and tests (docs)


def office_now(zone: dt.tzinfo) -> dt.datetime:
    """Now in the office's time zone, to the second; ``KALENDER_NOW`` fixes it when set."""
    fixed = os.environ.get(NOW_ENV, "").strip()
    if not fixed:
        return dt.datetime.now(zone).replace(microsecond=0)
    try:
        moment = dt.datetime.fromisoformat(fixed)
    except ValueError:
        raise KalenderError("approval.bad_now", env=NOW_ENV, found=fixed) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone, microsecond=0)
    return moment.astimezone(zone).replace(microsecond=0)


@dataclass
class Loaded:
    """A post read for a command: the snapshot of its files, the post, its records, its standing."""

    root: Path
    calendar: CalendarData
    snapshot: Snapshot
    post: Post
    ledger: Ledger
    standing: Standing

    def now(self) -> dt.datetime:
        return office_now(self.calendar.satker.timezone)

    @property
    def version(self) -> str:
        """What the reader saw: see :func:`version_of`."""
        return version_of(self.snapshot)


def version_of(snapshot: Snapshot) -> str:
    """A short digest of the post file and its record file as read (changes with any byte)."""
    digest = hashlib.sha256(snapshot.post_bytes)
    digest.update(b"\0" + (snapshot.record_bytes or b""))
    return digest.hexdigest()[:16]


def resolve_post(root: Path, ref: str) -> Path:
    """The post file named by ``ref``: a path to the ``.md`` file, or the post's id."""
    given = Path(ref)
    if given.suffix == ".md" and given.is_file():
        return in_place(given)
    post_id = given.name.removesuffix(".md")
    found = sorted((root / "posts").rglob(f"{post_id}.md"))
    if not found:
        close = closest_post_id(root, post_id)
        if close:
            raise KalenderError("approval.no_such_post_close", post=ref, close=close)
        raise KalenderError("approval.no_such_post", post=ref)
    return in_place(found[0])


def closest_post_id(root: Path, post_id: str) -> str | None:
    """The id of the post whose name is nearest to ``post_id`` (a typo, a wrong date), if any
    is near enough: ``2026-12-09-hari-antikorupsi-sedunia`` for ``2026-12-09-hari-antikorups``."""
    known = [p.stem for p in (root / "posts").rglob("*.md")]
    close = difflib.get_close_matches(post_id, known, n=1, cutoff=0.6)
    return close[0] if close else None


def load_post(root: Path, ref: str) -> Loaded:
    """Read the post ``ref`` and its records; stop with every problem when there are any."""
    path = resolve_post(root, ref)
    snapshot = take_snapshot(path)
    project = load_project(root, [path])
    ledger = ledger_of(snapshot.record_path, snapshot.record_bytes, project.timezone)
    problems = [*project.report, *ledger.problems]
    if any(p.is_error for p in problems) or project.calendar is None or not project.posts:
        errors, _ = problem_counts(problems)
        raise DataError("approval.post_has_errors", post=path.stem,
                        errors=errors).with_details(report_lines(problems, root))
    post = project.posts[0]
    standing = Standing(post.status, replay(ledger.records, post.platforms), fingerprint(post),
                        post.platforms)
    return Loaded(root, project.calendar, snapshot, post, ledger, standing)


def actor_of(calendar: CalendarData, by: str | None) -> str:
    """The acting member: ``--by`` or ``KALENDER_USER``, known in ``tim.yml``."""
    known = ", ".join(calendar.team.members)
    if not by:
        raise KalenderError("approval.no_actor", env=USER_ENV, known=known)
    if by not in calendar.team.members:
        raise KalenderError("approval.unknown_actor", member=by, known=known)
    return by


def agree(loaded: Loaded) -> None:
    """Refuse to move a post whose front-matter status and records disagree."""
    history, post = loaded.standing.history, loaded.post
    if history.status is None and post.status not in (Status.USULAN, Status.DRAF):
        raise KalenderError("approval.mismatch_no_records", post=post.id, found=post.status.value,
                            file=loaded.ledger.path.name)
    if history.status is not None and history.status is not post.status:
        raise KalenderError("approval.mismatch", post=post.id, found=post.status.value,
                            recorded=history.status.value, file=loaded.ledger.path.name)


# -- the one entry point ----------------------------------------------------------------


class ActionRefused(KalenderError):
    """The flow does not allow the move; ``reason`` is the catalog key of why."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__("approval.refused", **params)
        self.reason = reason


class Stale(KalenderError):
    """The post or its records changed since the person read them (the review server)."""

    def __init__(self, post: str) -> None:
        super().__init__("workflow.stale", post=post)


@dataclass(frozen=True)
class Details:
    """What an action carries beyond who and what: a note, a link, a comment's text or number."""

    note: str = ""
    platform: str | None = None
    url: str | None = None
    text: str = ""
    comment: int | None = None  # the comment to resolve
    pin: tuple[float, float] | None = None  # where on the preview picture (0..1, 0..1)
    acknowledged: tuple[Acknowledgement, ...] = ()  # warnings let through (gates.py)
    carried: tuple[Carried, ...] = ()  # open comments carried past an approval (gates.py)


@dataclass(frozen=True)
class Outcome:
    """What :func:`perform` did: the record added, the post's status after it, in words."""

    post_id: str
    record: Record
    status: Status
    text: str


def perform(root: Path, ref: str, action: Action, by: str | None,
            details: Details | None = None, *, expect: str | None = None,
            address: str = "", signer: Signer | None = None) -> Outcome:
    """Make ``action`` on the post ``ref`` as member ``by``; the one code path of every action.

    Under the repository's approval lock: read the post and its records, refuse when
    ``expect`` is given and differs from their :func:`version_of` (:class:`Stale`), check
    the move, append one record (with ``address``, where the action came from, when given),
    signed with ``by``'s key from ``signer`` and chained to the record before it, and
    rewrite the post's status line when the status changes. Raises
    :class:`~kalender.core.errors.KalenderError` (never writing) when the move is not allowed,
    and when ``signer`` holds no usable key of ``by``. Without ``signer`` the move is
    refused once the team has keys (:func:`refuse_unsigned`).
    """
    given = details or Details()
    with write_lock(root):
        loaded = load_post(root, ref)
        if expect is not None and expect != loaded.version:
            raise Stale(loaded.post.id)
        actor = actor_of(loaded.calendar, by)
        record = replace(_record(loaded, action, actor, given), address=address)
        in_time_order(loaded, record)
        seal = sealer(loaded, signer.key_for(actor), record.at) if signer else None
        if signer is None:
            refuse_unsigned(loaded, actor)
        status = loaded.post.status
        if action in (Action.COMMENT, Action.RESOLVE):
            post_bytes = None
        else:
            after = advance(loaded.standing.history, record, loaded.post.platforms)
            status = after.status or loaded.post.status
            record = _gated(loaded, record, status, given)
            post_bytes = _status_bytes(loaded, status)
        commit(loaded.snapshot, appended(loaded.ledger, record, loaded.post.id, seal),
               post_bytes)
    return Outcome(loaded.post.id, record, status, _outcome_text(loaded, record, status))


def _gated(loaded: Loaded, record: Record, status: Status, given: Details) -> Record:
    """``record`` once the gates let the move through (gates.py), holding the
    acknowledgements and carried comments it rests on."""
    move = GatedMove(record.action, action_name(record.action), record.by,
                     loaded.calendar.team.members[record.by].name, status,
                     loaded.ledger.records, loaded.standing.fingerprint)
    acknowledged, carried = gate(loaded.post, loaded.calendar, move, loaded.root,
                                 given.acknowledged, given.carried)
    return replace(record, acknowledged=acknowledged, carried=carried)


def in_time_order(loaded: Loaded, record: Record) -> None:
    """Refuse a record dated before the last one (a clock behind the records, or
    ``KALENDER_NOW``): ``check`` would reject the file it leaves."""
    last = loaded.ledger.records[-1] if loaded.ledger.records else None
    if last is not None and out_of_time_order(last, record):
        raise KalenderError("workflow.earlier_than_last", post=loaded.post.id,
                            when=moment_text(record.at), last=moment_text(last.at))


def refuse_unsigned(loaded: Loaded, actor: str) -> None:
    """No seal: allowed only in a repository before signatures (no key in ``tim.yml``);
    once the team has keys, a move without the member's secret is refused."""
    if load_keyring(loaded.calendar.folder, loaded.calendar.team).adopted:
        raise KalenderError("signing.needs_secret", member=actor)


def sealer(loaded: Loaded, key: MemberKey, at: dt.datetime) -> Callable[[str], str]:
    """What signs the new entry of ``loaded``'s record file with ``key``, chained to the
    records already there; refused when the key does not count at ``at`` (not accepted by
    the kasubbag yet, revoked, or not the one listed for the member in ``tim.yml``)."""
    keyring = load_keyring(loaded.calendar.folder, loaded.calendar.team)
    why = keyring.usable(key.member, key.key_id, at)
    if why is not None:
        raise KalenderError("signing.key_unusable", member=key.member, why=why)
    chain = loaded.post.id
    previous = head(chain, (i.fields for i in read_items(loaded.ledger.path,
                                                          loaded.ledger.raw)))
    return lambda entry: seal_entry(entry, chain, previous, key)


def _record(loaded: Loaded, action: Action, actor: str, given: Details) -> Record:
    if action is Action.COMMENT:
        if not given.text.strip():
            raise KalenderError("approval.comment_empty", post=loaded.post.id)
        return _comment(loaded, actor, given.text.strip(), given.platform, given.pin)
    if action is Action.RESOLVE:
        return _resolve(loaded, actor, given.comment or 0)
    if action is Action.RETURN and not given.note.strip():
        raise KalenderError("approval.note_required", post=loaded.post.id)
    agree(loaded)
    return _decide(loaded, Move(action, actor, loaded.now(), note=given.note.strip(),
                                platform=given.platform, url=given.url))


def _status_bytes(loaded: Loaded, status: Status) -> bytes | None:
    if status is loaded.post.status:
        return None
    return with_status(loaded.snapshot.post_bytes, status.value, loaded.post.path)


def _decide(loaded: Loaded, move: Move) -> Record:
    try:
        return decide(loaded.standing, move, loaded.calendar.team)
    except Refused as refused:
        raise ActionRefused(
            refused.reason, action=action_name(move.action), post=loaded.post.id,
            state=standing_label(loaded.standing), why=refused.why(),
            next=next_text(loaded.standing, loaded.calendar.team, move.at.date(),
                           loaded.post.id),
        ) from None


def _outcome_text(loaded: Loaded, record: Record, status: Status) -> str:
    if record.action in (Action.COMMENT, Action.RESOLVE):
        name = loaded.calendar.team.members[record.by].name
        key = ("approval.comment_added" if record.action is Action.COMMENT
               else "approval.comment_resolved")
        return t(key, number=record.comment, post=loaded.post.id, name=name,
                 when=moment_text(record.at))
    return _done_text(loaded, record, status)


def _done_text(loaded: Loaded, record: Record, status: Status) -> str:
    team = loaded.calendar.team
    standing = Standing(status, replay((*loaded.ledger.records, record), loaded.post.platforms),
                        loaded.standing.fingerprint, loaded.post.platforms)
    step = action_done(record.action)
    if record.action is Action.UPLOADED:
        step = t("approval.done.uploaded_on", platform=platform_label(record.platform or ""))
    lines = [t("approval.recorded", post=loaded.post.id, step=step,
               name=team.members[record.by].name, role=_role_text(record),
               when=moment_text(record.at)),
             t("approval.now", state=standing_label(standing), fingerprint=short(
                 record.fingerprint)),
             t("approval.next", next=next_text(standing, team, record.at.date(),
                                               loaded.post.id))]
    if record.url:
        lines.insert(1, t("approval.upload_recorded", platform=record.platform, url=record.url))
    return "\n".join(lines)


def _role_text(record: Record) -> str:
    name = role_name(record.role)
    return t("approval.acting", role=name) if record.acting else name


# -- comments ---------------------------------------------------------------------------


def _comment(loaded: Loaded, actor: str, text: str, platform: str | None,
             pin: tuple[float, float] | None = None) -> Record:
    platforms = loaded.post.platforms
    if platform is not None and platform.lower() not in platforms:
        raise KalenderError("approval.comment_platform", platform=platform,
                            platforms=", ".join(platforms))
    role, acting = _own_role(loaded, actor)
    return Record(Action.COMMENT, actor, role, loaded.now(), loaded.standing.fingerprint, acting,
                  platform=platform.lower() if platform else None,
                  comment=next_comment_number(loaded.ledger.records), text=text,
                  pin=_pin(pin))


def _pin(pin: tuple[float, float] | None) -> tuple[float, float] | None:
    """The point rounded to four decimals, or a refusal when it lies outside the picture."""
    if pin is None:
        return None
    x, y = pin
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        raise KalenderError("workflow.bad_pin", x=x, y=y)
    return round(x, 4), round(y, 4)


def _resolve(loaded: Loaded, actor: str, number: int) -> Record:
    found = {c.number: c for c in comments(loaded.ledger.records)}
    open_numbers = ", ".join(str(n) for n, c in found.items() if c.is_open) or "-"
    if number not in found:
        raise KalenderError("approval.no_such_comment", number=number, post=loaded.post.id,
                            open=open_numbers)
    done = found[number].resolved
    if done is not None:
        who = loaded.calendar.team.members.get(done.by)
        raise KalenderError("approval.comment_already_resolved", number=number,
                            name=who.name if who else done.by, when=moment_text(done.at))
    role, acting = _own_role(loaded, actor)
    return Record(Action.RESOLVE, actor, role, loaded.now(), loaded.standing.fingerprint, acting,
                  comment=number)


def _own_role(loaded: Loaded, actor: str) -> tuple[str, bool]:
    member = loaded.calendar.team.members[actor]
    return role_for(loaded.calendar.team, actor, (member.role,), loaded.now().date())
