"""The approval commands: submit, initial, approve, return, uploaded, comment, and the papers.

Each command names the acting person (``--by`` or ``KALENDER_USER``), checks their role in
``calendar/tim.yml`` for today, and either records the step or refuses it, changing nothing.
Indonesian names work too: ``ajukan``, ``paraf``, ``setujui``, ``kembalikan``, ``unggah``,
``komentar``, ``riwayat``, ``menunggu``, ``lembar``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..approval.machine import Action
from ..core.errors import DataError, KalenderError, UsageError
from ..core.i18n import t
from ..core.loader import load_project
from ..core.model import Week
from ..workflow.actions import (  # noqa: F401  (re-exported: sheet.py and tests use them from here)
    NOW_ENV,
    USER_ENV,
    Details,
    Loaded,
    actor_of,
    load_post,
    office_now,
    perform,
    resolve_post,
)
from .gates import holds_details, holds_options
from .main import cli, print_report
from .sheetsign import signing_options, write_signed


def move_post(root: Path, ref: str, action: Action, by: str | None, **details: Any) -> None:
    """Make one flow step on a post, or refuse it with the reason and what may come next.

    Signed with the member's key when ``--password-stdin`` was given (see :func:`signer_for`).
    """
    signer = signer_for(root, by)
    click.echo(perform(root, ref, action, by, Details(**details), signer=signer).text)


def signer_for(root: Path, by: str | None) -> Any:
    """The member's unlocked key: the passphrase from stdin with ``--password-stdin``, else
    asked on the terminal once the team has keys (no terminal: refused). None in a
    repository before signatures (no key in ``tim.yml``): the record is written unsigned."""
    context = click.get_current_context(silent=True)
    if not by or context is None:
        return None
    from .keys import member_signer

    if "signer" not in context.meta:  # one passphrase for every link of --from-file
        context.meta["signer"] = member_signer(root, by,
                                               bool(context.params.get("password_stdin")))
    return context.meta["signer"]


# -- commands ---------------------------------------------------------------------------

_BY = click.option("--by", "by", envvar=USER_ENV, default=None, metavar="ANGGOTA",
                   help=t("approval.help.by"))
_PASSWORD_STDIN = click.option("--password-stdin", "password_stdin", is_flag=True,
                               help=t("signing.help.password_stdin"))


def BY(command: Any) -> Any:  # noqa: N802  (used like the click decorators around it)
    """``--by`` and ``--password-stdin``: who acts, and their key's passphrase on stdin."""
    return _BY(_PASSWORD_STDIN(command))
POST = click.argument("post", metavar="POS")


def add_with_alias(name: str, alias: str, command: click.Command) -> None:
    """Register ``command`` as ``name`` and, with a help line pointing to it, as ``alias``."""
    cli.add_command(command, name)
    twin = click.Command(alias, params=command.params, callback=command.callback,
                         help=t("approval.help.alias", name=name),
                         short_help=t("approval.help.alias", name=name))
    cli.add_command(twin, alias)


def flow_command(action: Action) -> Callable[..., None]:
    """The body of submit, initial and approve: one step (with the acknowledgements and
    carried comments given for its gate), nothing else to say."""

    @click.pass_obj
    def run(root: Path, post: str, by: str | None, password_stdin: bool,
            **holds: Any) -> None:
        move_post(root, post, action, by, **holds_details(**holds))

    return run


for _name, _alias, _action in (("accept", "terima", Action.ACCEPT),
                               ("submit", "ajukan", Action.SUBMIT),
                               ("initial", "paraf", Action.INITIAL),
                               ("approve", "setujui", Action.APPROVE)):
    _command = click.command(_name, help=t(f"approval.help.{_name}"))(flow_command(_action))
    if _action is not Action.ACCEPT:
        _command = holds_options(carry=_action is Action.APPROVE)(_command)
    add_with_alias(_name, _alias, BY(POST(_command)))


@click.command("return", help=t("approval.help.return"))
@POST
@click.option("--note", "--catatan", "note", default="", metavar="TEKS",
              help=t("approval.help.note"))
@BY
@click.pass_obj
def return_command(root: Path, post: str, note: str, by: str | None,
                   password_stdin: bool) -> None:
    if not note.strip():
        raise KalenderError("approval.note_required", post=post)
    move_post(root, post, Action.RETURN, by, note=note.strip())


add_with_alias("return", "kembalikan", return_command)


@click.command("uploaded", help=t("approval.help.uploaded"))
@click.argument("post", metavar="[POS]", required=False)
@click.option("--platform", "platform", default=None, metavar="PLATFORM",
              help=t("approval.help.platform"))
@click.option("--url", "url", default=None, metavar="URL", help=t("approval.help.url"))
@click.option("--from-file", "from_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar="BERKAS", help=t("export.help_from_file"))
@holds_options()
@BY
@click.pass_obj
def uploaded_command(root: Path, post: str | None, platform: str | None, url: str | None,
                     from_file: Path | None, by: str | None, password_stdin: bool,
                     acknowledge: tuple[str, ...], why: str) -> None:
    holds = holds_details(acknowledge, why)
    if from_file is not None:  # the live links filled in on the export's checklist
        from .export import record_links

        record_links(root, from_file, by, lambda *link: record_upload(*link, **holds))
        return
    if not (post and platform and url):
        raise UsageError("export.uploaded_needs")
    record_upload(root, post, platform, url, by, **holds)


def record_upload(root: Path, post: str, platform: str, url: str, by: str | None,
                  **holds: Any) -> None:
    """Record the live link of one post on one platform: the one code path of ``uploaded``."""
    move_post(root, post, Action.UPLOADED, by, platform=platform.strip().lower(),
              url=url.strip(), **holds)


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
                    resolve: int | None, by: str | None, password_stdin: bool) -> None:
    if resolve is None and not (text or "").strip():
        raise KalenderError("approval.comment_empty", post=post)
    if resolve is not None and text:
        raise KalenderError("approval.comment_both", post=post)
    action = Action.COMMENT if resolve is None else Action.RESOLVE
    details = Details(text=(text or "").strip(), platform=platform, comment=resolve)
    click.echo(perform(root, post, action, by, details, signer=signer_for(root, by)).text)


add_with_alias("comment", "komentar", comment_command)


# -- reading ----------------------------------------------------------------------------


@click.command("history", help=t("approval.help.history"))
@POST
@click.pass_obj
def history_command(root: Path, post: str) -> None:
    from ..approval.timeline import timeline_lines

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
    from ..approval.timeline import waiting_lines

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
@signing_options
@click.pass_obj
def sheet_command(root: Path, week: str | None, post: str | None, output: Path | None,
                  sign: bool, by: str | None, pkcs12: Path | None, password_stdin: bool) -> None:
    from ..workflow.sheet import write_sheet
    from ..workflow.signedsheet import sheet_to_sign

    if (week is None) == (post is None):
        raise KalenderError("approval.sheet_what")
    when = _week(week) if week else None
    written = (write_signed(root, sheet_to_sign(root, when, post, output), by, pkcs12,
                            password_stdin) if sign
               else write_sheet(root, week=when, post_ref=post, output=output))
    click.echo(t("approval.pdf_written", path=_shown(written, root)))


add_with_alias("sheet", "lembar", sheet_command)


@click.command("nota-dinas", help=t("approval.help.memo"))
@click.option("--week", "week", required=True, metavar="TTTT-Wmm", help=t("approval.help.week"))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("approval.help.output"))
@signing_options
@click.pass_obj
def memo_command(root: Path, week: str, output: Path | None, sign: bool, by: str | None,
                 pkcs12: Path | None, password_stdin: bool) -> None:
    from ..workflow.sheet import write_memo
    from ..workflow.signedsheet import memo_to_sign

    written = (write_signed(root, memo_to_sign(root, _week(week), output), by, pkcs12,
                            password_stdin) if sign
               else write_memo(root, _week(week), output=output))
    click.echo(t("approval.pdf_written", path=_shown(written, root)))


cli.add_command(memo_command, "nota-dinas")


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
