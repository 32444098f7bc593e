"""The approval commands: submit, initial, approve, return, uploaded, comment, and the papers.

Each command names the acting person (``--by`` or ``KALENDER_USER``), checks their role in
``calendar/tim.yml`` for today, and either records the step or refuses it, changing nothing.
Indonesian names work too: ``ajukan``, ``paraf``, ``setujui``, ``kembalikan``, ``unggah``,
``komentar``, ``riwayat``, ``menunggu``, ``lembar``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from .approval import (
    Action,
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
    replay,
    role_for,
    role_name,
    standing_label,
)
from .cli import cli, print_report
from .config import CalendarData
from .errors import DataError, KalenderError
from .fingerprint import fingerprint, short
from .i18n import t
from .loader import load_project
from .model import Post, Status, Week
from .records import (
    Ledger,
    Snapshot,
    appended,
    commit,
    ledger_of,
    take_snapshot,
    with_status,
    write_lock,
)

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


def resolve_post(root: Path, ref: str) -> Path:
    """The post file named by ``ref``: a path to the ``.md`` file, or the post's id."""
    given = Path(ref)
    if given.suffix == ".md" and given.is_file():
        return given.resolve()
    post_id = given.name.removesuffix(".md")
    found = sorted((root / "posts").rglob(f"{post_id}.md"))
    if not found:
        raise KalenderError("approval.no_such_post", post=ref)
    return found[0].resolve()


def load_post(root: Path, ref: str) -> Loaded:
    """Read the post ``ref`` and its records; print every problem and stop when there are any."""
    path = resolve_post(root, ref)
    snapshot = take_snapshot(path)
    project = load_project(root, [path])
    ledger = ledger_of(snapshot.record_path, snapshot.record_bytes, project.timezone)
    problems = [*project.report, *ledger.problems]
    if any(p.is_error for p in problems) or project.calendar is None or not project.posts:
        errors, _ = print_report(problems, root)
        raise DataError("approval.post_has_errors", post=path.stem, errors=errors)
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


def move_post(root: Path, ref: str, action: Action, by: str | None, **details: Any) -> None:
    """Make one flow step on a post, or refuse it with the reason and what may come next."""
    with write_lock(root):
        loaded = load_post(root, ref)
        actor = actor_of(loaded.calendar, by)
        agree(loaded)
        record = _decide(loaded, Move(action, actor, loaded.now(), **details))
        after = advance(loaded.standing.history, record, loaded.post.platforms)
        status = after.status or loaded.post.status
        post_bytes = None
        if status is not loaded.post.status:
            post_bytes = with_status(loaded.snapshot.post_bytes, status.value, loaded.post.path)
        commit(loaded.snapshot, appended(loaded.ledger, record, loaded.post.id), post_bytes)
    click.echo(_done_text(loaded, record, after.status or status))


def _decide(loaded: Loaded, move: Move) -> Record:
    try:
        return decide(loaded.standing, move, loaded.calendar.team)
    except Refused as refused:
        raise KalenderError(
            "approval.refused", action=action_name(move.action), post=loaded.post.id,
            state=standing_label(loaded.standing), why=refused.why(),
            next=next_text(loaded.standing, loaded.calendar.team, move.at.date(),
                           loaded.post.id),
        ) from None


def _done_text(loaded: Loaded, record: Record, status: Status) -> str:
    team = loaded.calendar.team
    standing = Standing(status, replay((*loaded.ledger.records, record), loaded.post.platforms),
                        loaded.standing.fingerprint, loaded.post.platforms)
    step = action_done(record.action)
    if record.action is Action.UPLOADED:
        step = t("approval.done.uploaded_on", platform=record.platform)
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


# -- commands ---------------------------------------------------------------------------

BY = click.option("--by", "by", envvar=USER_ENV, default=None, metavar="ANGGOTA",
                  help=t("approval.help.by"))
POST = click.argument("post", metavar="POS")


def add_with_alias(name: str, alias: str, command: click.Command) -> None:
    """Register ``command`` as ``name`` and, with a help line pointing to it, as ``alias``."""
    cli.add_command(command, name)
    twin = click.Command(alias, params=command.params, callback=command.callback,
                         help=t("approval.help.alias", name=name),
                         short_help=t("approval.help.alias", name=name))
    cli.add_command(twin, alias)


def flow_command(action: Action) -> Callable[..., None]:
    """The body of submit, initial and approve: one step, nothing else to say."""

    @click.pass_obj
    def run(root: Path, post: str, by: str | None) -> None:
        move_post(root, post, action, by)

    return run


for _name, _alias, _action in (("submit", "ajukan", Action.SUBMIT),
                               ("initial", "paraf", Action.INITIAL),
                               ("approve", "setujui", Action.APPROVE)):
    add_with_alias(_name, _alias, BY(POST(click.command(_name, help=t(f"approval.help.{_name}"))(
        flow_command(_action)))))


@click.command("return", help=t("approval.help.return"))
@POST
@click.option("--note", "--catatan", "note", default="", metavar="TEKS",
              help=t("approval.help.note"))
@BY
@click.pass_obj
def return_command(root: Path, post: str, note: str, by: str | None) -> None:
    if not note.strip():
        raise KalenderError("approval.note_required", post=post)
    move_post(root, post, Action.RETURN, by, note=note.strip())


add_with_alias("return", "kembalikan", return_command)


@click.command("uploaded", help=t("approval.help.uploaded"))
@POST
@click.option("--platform", "platform", required=True, metavar="PLATFORM",
              help=t("approval.help.platform"))
@click.option("--url", "url", required=True, metavar="URL", help=t("approval.help.url"))
@BY
@click.pass_obj
def uploaded_command(root: Path, post: str, platform: str, url: str, by: str | None) -> None:
    move_post(root, post, Action.UPLOADED, by, platform=platform.strip().lower(),
              url=url.strip())


add_with_alias("uploaded", "unggah", uploaded_command)


@click.command("comment", help=t("approval.help.comment"))
@POST
@click.argument("text", required=False, metavar="TEKS")
@click.option("--platform", "platform", default=None, metavar="PLATFORM",
              help=t("approval.help.comment_platform"))
@click.option("--resolve", "--selesai", "resolve", type=int, default=None, metavar="NOMOR",
              help=t("approval.help.resolve"))
@BY
@click.pass_obj
def comment_command(root: Path, post: str, text: str | None, platform: str | None,
                    resolve: int | None, by: str | None) -> None:
    if resolve is None and not (text or "").strip():
        raise KalenderError("approval.comment_empty", post=post)
    if resolve is not None and text:
        raise KalenderError("approval.comment_both", post=post)
    with write_lock(root):
        loaded = load_post(root, post)
        actor = actor_of(loaded.calendar, by)
        if resolve is None:
            record = _comment(loaded, actor, (text or "").strip(), platform)
        else:
            record = _resolve(loaded, actor, resolve)
        commit(loaded.snapshot, appended(loaded.ledger, record, loaded.post.id), None)
    name = loaded.calendar.team.members[actor].name
    key = "approval.comment_added" if resolve is None else "approval.comment_resolved"
    click.echo(t(key, number=record.comment, post=loaded.post.id, name=name,
                 when=moment_text(record.at)))


def _comment(loaded: Loaded, actor: str, text: str, platform: str | None) -> Record:
    platforms = loaded.post.platforms
    if platform is not None and platform.lower() not in platforms:
        raise KalenderError("approval.comment_platform", platform=platform,
                            platforms=", ".join(platforms))
    role, acting = _own_role(loaded, actor)
    return Record(Action.COMMENT, actor, role, loaded.now(), loaded.standing.fingerprint, acting,
                  platform=platform.lower() if platform else None,
                  comment=next_comment_number(loaded.ledger.records), text=text)


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


add_with_alias("comment", "komentar", comment_command)


# -- reading ----------------------------------------------------------------------------


@click.command("history", help=t("approval.help.history"))
@POST
@click.pass_obj
def history_command(root: Path, post: str) -> None:
    from .timeline import timeline_lines

    loaded = load_post(root, post)
    day = loaded.now().date()
    for line in timeline_lines(loaded.post, loaded.ledger.records, loaded.standing,
                               loaded.calendar.team, day):
        click.echo(line)


add_with_alias("history", "riwayat", history_command)


@click.command("waiting", help=t("approval.help.waiting"))
@click.option("--by", "by", envvar=USER_ENV, default=None, metavar="ANGGOTA",
              help=t("approval.help.waiting_by"))
@click.pass_obj
def waiting_command(root: Path, by: str | None) -> None:
    from .timeline import waiting_lines

    project = load_project(root)
    if project.calendar is None:
        errors, _ = print_report(project.report, root)
        raise DataError("approval.calendar_has_errors", errors=errors)
    today = office_now(project.calendar.satker.timezone).date()
    member = actor_of(project.calendar, by) if by else None
    for line in waiting_lines(project.posts, project.calendar.team, today, member):
        click.echo(line)


add_with_alias("waiting", "menunggu", waiting_command)


# -- papers -----------------------------------------------------------------------------


def _week(text: str) -> Week:
    try:
        return Week.parse(text)
    except ValueError:
        raise KalenderError("approval.bad_week", found=text) from None


@click.command("sheet", help=t("approval.help.sheet"))
@click.option("--week", "week", default=None, metavar="TTTT-Wmm", help=t("approval.help.week"))
@click.option("--post", "post", default=None, metavar="POS", help=t("approval.help.sheet_post"))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("approval.help.output"))
@click.pass_obj
def sheet_command(root: Path, week: str | None, post: str | None, output: Path | None) -> None:
    from .sheet import write_sheet

    if (week is None) == (post is None):
        raise KalenderError("approval.sheet_what")
    written = write_sheet(root, week=_week(week) if week else None, post_ref=post, output=output)
    click.echo(t("approval.pdf_written", path=_shown(written, root)))


add_with_alias("sheet", "lembar", sheet_command)


@click.command("nota-dinas", help=t("approval.help.memo"))
@click.option("--week", "week", required=True, metavar="TTTT-Wmm", help=t("approval.help.week"))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("approval.help.output"))
@click.pass_obj
def memo_command(root: Path, week: str, output: Path | None) -> None:
    from .sheet import write_memo

    written = write_memo(root, _week(week), output=output)
    click.echo(t("approval.pdf_written", path=_shown(written, root)))


cli.add_command(memo_command, "nota-dinas")


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
