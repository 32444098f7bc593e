"""``kalender review`` (the review server) and ``kalender user add|passwd|remove``."""

from __future__ import annotations

import datetime as dt
import logging
import socket
import sys
from pathlib import Path

import click

from ..core.calendar_data import load_calendar
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..core.problems import Report
from ..plugin.build import show_mkdocs_warnings
from ..review.app import Review, ReviewSettings, create_app, served_names
from ..review.gitcommit import Repository
from ..review.serve import run_server
from ..review.sitebuild import SiteBuilder, build_site
from ..review.users import UserStore, users_file
from ..workflow.actions import office_now
from .main import cli, print_report
from .site import TODAY_OPTION


@cli.command("review", help=t("review.help.review"))
@click.option("--host", default="127.0.0.1", show_default=True, help=t("review.help.host"))
@click.option("--port", default=8800, show_default=True, type=click.IntRange(0, 65535),
              help=t("review.help.port"))
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=t("review.help.site_dir"))
@TODAY_OPTION
@click.option("--no-build", is_flag=True, help=t("review.help.no_build"))
@click.option("--secure-cookies", is_flag=True, help=t("review.help.secure_cookies"))
@click.option("--behind-proxy", is_flag=True, help=t("review.help.behind_proxy"))
@click.option("--proxy", "proxies", multiple=True, metavar="ALAMAT",
              help=t("review.help.proxy"))
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAMA",
              help=t("review.help.allow_host"))
@click.option("--session-hours", default=10.0, show_default=True, type=click.FloatRange(0.1, 72),
              help=t("review.help.session_hours"))
@click.pass_obj
def review_command(root: Path, host: str, port: int, site_dir: Path | None,
                   today: dt.datetime | None, no_build: bool, secure_cookies: bool,
                   behind_proxy: bool, proxies: tuple[str, ...], allow_hosts: tuple[str, ...],
                   session_hours: float) -> None:
    show_mkdocs_warnings()
    _show_review_log()
    site = (site_dir or root / "site").resolve()
    day = today.date() if today else None
    users = UserStore(users_file(root))
    if not users.accounts():
        click.echo(t("review.no_accounts", path=users.path), err=True)
    listening = _socket(host, port)  # a busy port is said before the long first build
    _git_note(root)
    if not no_build or not (site / "index.html").is_file():
        click.echo(t("review.building", path=site))
        build_site(root, site, day)
    settings = ReviewSettings(root, site, secure_cookies, session_hours)
    builder = SiteBuilder(root, site, day)
    app = create_app(Review(settings, users, builder,
                            served_names=served_names((host, *allow_hosts))))
    click.echo(t("review.started", url=_url(host, listening.getsockname()[1])))
    _lan_hint(host, listening.getsockname()[1])
    sys.stdout.flush()
    run_server(app, listening, builder, behind_proxy, proxies)


def _git_note(root: Path) -> None:
    """Say whether the browser's changes become commits (a folder outside git: none)."""
    git = Repository.open(root)
    click.echo(t("editing.git_on", top=git.top) if git else t("editing.no_git"))


def _show_review_log() -> None:
    """Print the server's own lines (each rebuild, its time; build errors) on the terminal."""
    logger = logging.getLogger("kalender.review")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as exc:
        listening.close()
        raise KalenderError("review.cannot_listen", host=host, port=port,
                            detail=exc.strerror or str(exc)) from None
    listening.listen(128)
    listening.setblocking(False)
    return listening


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/"


def _lan_hint(host: str, port: int) -> None:
    """On 0.0.0.0, say the address the other computers of the office use."""
    if host not in ("0.0.0.0", "::", ""):
        return
    click.echo(t("review.started_lan", url=f"http://{_lan_address()}:{port}/",
                 name=socket.gethostname()))


def _lan_address() -> str:
    """This computer's address on the office network (no packet is sent to find it)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()


# -- accounts -----------------------------------------------------------------------------


@cli.group("user", help=t("review.help.user"))
def user_group() -> None:
    pass


MEMBER = click.argument("member", metavar="ANGGOTA")
PASSWORD_STDIN = click.option("--password-stdin", is_flag=True,
                              help=t("review.help.password_stdin"))


def _known_member(root: Path, member: str) -> None:
    report = Report()
    calendar = load_calendar(root, report)
    if calendar is None:
        errors, _ = print_report(report, root)
        raise DataError("review.calendar_has_errors", errors=errors)
    if member not in calendar.team.members:
        raise KalenderError("review.unknown_member", member=member,
                            known=", ".join(calendar.team.members))


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt(t("review.prompt_password"), hide_input=True,
                            confirmation_prompt=t("review.prompt_again")))


def _now(root: Path) -> dt.datetime:
    report = Report()
    calendar = load_calendar(root, report)
    zone = calendar.satker.timezone if calendar else dt.UTC
    return office_now(zone)


@user_group.command("add", help=t("review.help.user_add"))
@MEMBER
@PASSWORD_STDIN
@click.pass_obj
def user_add(root: Path, member: str, password_stdin: bool) -> None:
    _known_member(root, member)
    store = UserStore(users_file(root))
    if store.has(member):
        raise KalenderError("review.user_exists", member=member)
    store.set_password(member, _password(password_stdin), _now(root))
    click.echo(t("review.user_added", member=member, path=store.path))


@user_group.command("passwd", help=t("review.help.user_passwd"))
@MEMBER
@PASSWORD_STDIN
@click.pass_obj
def user_passwd(root: Path, member: str, password_stdin: bool) -> None:
    store = UserStore(users_file(root))
    if not store.has(member):
        raise KalenderError("review.user_missing", member=member)
    store.set_password(member, _password(password_stdin), _now(root))
    click.echo(t("review.user_changed", member=member))


@user_group.command("remove", help=t("review.help.user_remove"))
@MEMBER
@click.pass_obj
def user_remove(root: Path, member: str) -> None:
    store = UserStore(users_file(root))
    store.remove(member)
    click.echo(t("review.user_removed", member=member))
