"""``kalender key``: members' signing keys (init, accept, revoke, list, attest, passwd) and the
office certificate authority of the signed papers (ca, cert).

The passphrase is asked on the terminal (hidden), or read from the first line of standard
input with ``--password-stdin``; it is never a flag value (it would stay in the shell history
and in the process list).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..approval.attesting import pending, write_attestation
from ..approval.keyring import (
    ACCEPTANCE_CHAIN,
    ACCEPTANCE_FILE,
    acceptance_entry,
    load_keyring,
    parse_moment,
    unlock_member,
    verified_edit,
    with_public_key,
    with_revoked,
)
from ..approval.keys import (
    CA_FOLDER,
    CA_KEY,
    ROOT_CERT,
    MemberKey,
    Signer,
    check_passphrase,
    key_folder,
    locked,
    new_key,
    write_key_file,
)
from ..approval.records import write_lock
from ..approval.signing import head, read_items, seal_entry
from ..core.atomic import write_bytes
from ..core.calendar_data import CalendarData, load_calendar
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..core.problems import Report
from ..workflow.actions import office_now
from .main import cli, print_report

PASSWORD_STDIN = click.option("--password-stdin", "password_stdin", is_flag=True,
                              help=t("signing.help.password_stdin"))


def read_passphrase(member: str, from_stdin: bool, confirm: bool = False,
                    fresh: bool = False) -> str:
    """The member's passphrase: the next line of stdin, or asked on the terminal (``fresh``:
    asked as the new one)."""
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise KalenderError("signing.passphrase_empty_stdin")
        return line
    if not sys.stdin.isatty():
        raise KalenderError("signing.passphrase_no_terminal", member=member)
    prompt = "signing.passphrase_new" if fresh else "signing.passphrase_prompt"
    given = str(click.prompt(t(prompt, member=member), hide_input=True))
    if confirm and given != click.prompt(t("signing.passphrase_repeat"), hide_input=True):
        raise KalenderError("signing.passphrase_differ")
    return given


def member_signer(root: Path, member: str, from_stdin: bool) -> Signer | None:
    """The unlocked key a move of ``member`` signs with. Asked (or read from stdin) once the
    team has keys; None in a repository before signatures, unless ``--password-stdin``."""
    calendar = _calendar(root)
    keyring = load_keyring(calendar.folder, calendar.team)
    if member not in calendar.team.members or not (keyring.adopted or from_stdin):
        return None  # an unknown member is refused by the move itself, with the known ones
    return Signer.of(unlock_member(root, member, read_passphrase(member, from_stdin), keyring))


def _calendar(root: Path) -> CalendarData:
    report = Report()
    calendar = load_calendar(root, report)
    if calendar is None or report.errors:
        errors, _ = print_report(list(report), root)
        raise DataError("approval.calendar_has_errors", errors=errors)
    return calendar


def _member(calendar: CalendarData, member: str) -> str:
    if member not in calendar.team.members:
        raise KalenderError("approval.unknown_actor", member=member,
                            known=", ".join(calendar.team.members))
    return member


def _edit_team(calendar: CalendarData, change: str) -> None:

    path = calendar.folder / "tim.yml"
    raw = path.read_bytes()
    old = raw.decode("utf-8-sig")
    crlf = "\r\n" in old
    text = old.replace("\r\n", "\n")
    verified_edit(text, change, path)
    new = change.replace("\n", "\r\n") if crlf else change
    write_bytes(path, (b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b"")
                + new.encode("utf-8"))


def _team_text(calendar: CalendarData) -> str:
    return (calendar.folder / "tim.yml").read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


@click.group("key", help=t("signing.help.group"))
def key_group() -> None:
    pass


@key_group.command("init", help=t("signing.help.init"))
@click.argument("member", metavar="ANGGOTA")
@PASSWORD_STDIN
@click.pass_obj
def init_command(root: Path, member: str, password_stdin: bool) -> None:
    calendar = _calendar(root)
    _member(calendar, member)
    passphrase = read_passphrase(member, password_stdin, confirm=True)
    check_passphrase(passphrase)
    now = office_now(calendar.satker.timezone)
    key = new_key(member)
    with write_lock(root):
        keyring = load_keyring(calendar.folder, calendar.team)
        text = _team_text(calendar)
        for old in keyring.keys_of(member):
            if old.revoked is None:  # rotation: the old key stops counting from now
                text = with_revoked(text, member, old.key_id, now)
                click.echo(t("signing.key_rotated", old=old.key_id, member=member,
                             when=now.isoformat(timespec="seconds")))
        text = with_public_key(text, member, key.raw_public, now)
        path = write_key_file(root, locked(key, passphrase, now))
        _edit_team(calendar, text)
    click.echo(t("signing.key_made", key=key.key_id, member=member, path=path))


@key_group.command("accept", help=t("signing.help.accept"))
@click.argument("member", metavar="ANGGOTA")
@click.option("--by", "by", required=True, metavar="KASUBBAG", help=t("signing.help.by_kasubbag"))
@PASSWORD_STDIN
@click.pass_obj
def accept_command(root: Path, member: str, by: str, password_stdin: bool) -> None:
    calendar = _calendar(root)
    _member(calendar, member)
    _member(calendar, by)
    keyring = load_keyring(calendar.folder, calendar.team)
    listed = [k for k in keyring.keys_of(member) if k.revoked is None]
    if not listed:
        raise KalenderError("signing.no_listed_key", member=member)
    target = max(listed, key=lambda k: k.valid_from)
    if target.accepted is not None:
        raise KalenderError("signing.key_already_accepted", key_id=target.key_id, member=member,
                            when=target.accepted.isoformat(timespec="seconds"))
    signer = unlock_member(root, by, read_passphrase(by, password_stdin), keyring)
    now = office_now(calendar.satker.timezone)
    _append_acceptance(calendar, signer, member, target.raw, now)
    after = load_keyring(calendar.folder, calendar.team)
    if after.keys[target.key_id].accepted is None:
        errors, _ = print_report(after.problems, root)
        raise DataError("approval.calendar_has_errors", errors=errors)
    click.echo(t("signing.key_accepted", key=target.key_id, member=member, by=by,
                 when=now.isoformat(timespec="seconds")))


def _append_acceptance(calendar: CalendarData, signer: MemberKey, member: str,
                       raw_public: bytes, now: dt.datetime) -> None:
    path = calendar.folder / ACCEPTANCE_FILE
    old = path.read_bytes() if path.exists() else "".join(
        f"# {line}\n" for line in t("signing.acceptance_header").split("\n")).encode()
    items = [i.fields for i in read_items(path, old)]
    entry = acceptance_entry(member, raw_public, signer.member, "kasubbag", now)
    sealed = seal_entry(entry, ACCEPTANCE_CHAIN, head(ACCEPTANCE_CHAIN, items), signer)
    write_bytes(path, old + sealed.encode("utf-8"))


@key_group.command("revoke", help=t("signing.help.revoke"))
@click.argument("member", metavar="ANGGOTA")
@click.option("--at", "at", default=None, metavar="WAKTU", help=t("signing.help.at"))
@click.pass_obj
def revoke_command(root: Path, member: str, at: str | None) -> None:
    calendar = _calendar(root)
    _member(calendar, member)
    zone = calendar.satker.timezone
    when = office_now(zone)
    if at:
        parsed = parse_moment(at) or parse_moment(at + "+00:00")
        if parsed is None:
            raise KalenderError("signing.bad_time", found=at)
        when = parsed if parse_moment(at) else dt.datetime.fromisoformat(at).replace(
            tzinfo=zone)
    keyring = load_keyring(calendar.folder, calendar.team)
    active = [k for k in keyring.keys_of(member) if k.revoked is None]
    if not active:
        raise KalenderError("signing.no_listed_key", member=member)
    with write_lock(root):
        text = _team_text(calendar)
        for key in active:
            text = with_revoked(text, member, key.key_id, when)
        _edit_team(calendar, text)
    for key in active:
        click.echo(t("signing.key_revoked", key=key.key_id, member=member,
                     when=when.isoformat(timespec="seconds")))


@key_group.command("list", help=t("signing.help.list"))
@click.pass_obj
def list_command(root: Path) -> None:
    calendar = _calendar(root)
    keyring = load_keyring(calendar.folder, calendar.team)
    for key in keyring.keys.values():
        revoked = (t("signing.list_revoked", when=key.revoked.isoformat(timespec="seconds"))
                   if key.revoked else t("signing.list_not_revoked"))
        accepted = (t("signing.list_accepted", by=key.accepted_by,
                      when=key.accepted.isoformat(timespec="seconds"))
                    if key.accepted else t("signing.list_not_accepted"))
        click.echo(t("signing.list_line", member=key.member, key=key.key_id,
                     start=key.valid_from.isoformat(timespec="seconds"), revoked=revoked,
                     accepted=accepted))
    if keyring.problems:
        print_report(keyring.problems, root)


@key_group.command("passwd", help=t("signing.help.passwd"))
@click.argument("member", metavar="ANGGOTA")
@PASSWORD_STDIN
@click.pass_obj
def passwd_command(root: Path, member: str, password_stdin: bool) -> None:
    calendar = _calendar(root)
    _member(calendar, member)
    keyring = load_keyring(calendar.folder, calendar.team)
    key = unlock_member(root, member, read_passphrase(member, password_stdin), keyring)
    new = read_passphrase(member, password_stdin, confirm=not password_stdin, fresh=True)
    check_passphrase(new)
    path = write_key_file(root, locked(key, new, office_now(calendar.satker.timezone)))
    click.echo(t("signing.key_relocked", key=key.key_id, member=member, path=path))


@key_group.command("attest", help=t("signing.help.attest"))
@click.argument("member", metavar="ANGGOTA")
@PASSWORD_STDIN
@click.pass_obj
def attest_command(root: Path, member: str, password_stdin: bool) -> None:
    calendar = _calendar(root)
    _member(calendar, member)
    waiting = list(pending(root / "posts", member))
    if not waiting:
        click.echo(t("signing.nothing_to_attest", member=member))
        return
    keyring = load_keyring(calendar.folder, calendar.team)
    key = unlock_member(root, member, read_passphrase(member, password_stdin), keyring)
    now = office_now(calendar.satker.timezone)
    why = keyring.usable(member, key.key_id, now)
    if why is not None:
        raise KalenderError("signing.key_unusable", member=member, why=why)
    role = calendar.team.roles_of(member, now.date())[0]
    with write_lock(root):
        for attestation in waiting:
            write_attestation(attestation, key, role, now)
    click.echo(t("signing.attested", member=member, files=len(waiting),
                 count=sum(len(a.hashes) for a in waiting)))


# -- the office certificate authority of the signed papers (workflow/sheetsign.py) -----------

P12_SUFFIX = "-dokumen.p12"


def member_p12(root: Path, member: str) -> Path:
    """Where a member's document certificate (PKCS#12) is kept on this computer."""
    return key_folder(root) / f"{member}{P12_SUFFIX}"


@key_group.command("ca", help=t("sheetsign.help.ca"))
@click.option("--password-stdin", "password_stdin", is_flag=True,
              help=t("signing.help.password_stdin"))
@click.pass_obj
def ca_command(root: Path, password_stdin: bool) -> None:
    from ..workflow.sheetsign import cert_pem, locked_authority, make_authority

    calendar = _calendar(root)
    key_path, root_path = root / CA_FOLDER / CA_KEY, calendar.folder / ROOT_CERT
    if key_path.exists() or root_path.exists():
        raise KalenderError("sheetsign.ca_exists", key_file=key_path, cert=root_path)
    passphrase = read_passphrase(t("sheetsign.ca_who"), password_stdin, confirm=True)
    check_passphrase(passphrase)
    authority = make_authority(calendar.satker.name, dt.datetime.now(dt.UTC))
    key_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_bytes(key_path, locked_authority(authority, passphrase), 0o600)
    write_bytes(root_path, cert_pem(authority.cert))
    click.echo(t("sheetsign.ca_made", key=key_path, cert=root_path))


@key_group.command("cert", help=t("sheetsign.help.cert"))
@click.argument("member", metavar="ANGGOTA")
@click.option("--password-stdin", "password_stdin", is_flag=True,
              help=t("sheetsign.help.cert_stdin"))
@click.pass_obj
def cert_command(root: Path, member: str, password_stdin: bool) -> None:
    from ..workflow.sheetsign import Holder, issue, open_authority

    calendar = _calendar(root)
    _member(calendar, member)
    key_path, root_path = root / CA_FOLDER / CA_KEY, calendar.folder / ROOT_CERT
    if not key_path.is_file() or not root_path.is_file():
        raise KalenderError("sheetsign.no_ca", key_file=key_path, cert=root_path)
    authority = open_authority(key_path.read_bytes(), root_path.read_bytes(),
                               read_passphrase(t("sheetsign.ca_who"), password_stdin))
    passphrase = read_passphrase(member, password_stdin)
    check_passphrase(passphrase)
    keys = [k for k in load_keyring(calendar.folder, calendar.team).keys_of(member)
            if k.revoked is None and k.accepted is not None]
    person = calendar.team.members[member]
    holder = Holder(member, person.name, calendar.satker.name,
                    max(keys, key=lambda k: k.valid_from).key_id if keys else "")
    path = member_p12(root, member)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_bytes(path, issue(authority, holder, dt.datetime.now(dt.UTC), passphrase), 0o600)
    click.echo(t("sheetsign.cert_made", member=member, path=path,
                 key=holder.key_id or "-"))


cli.add_command(key_group, "key")
