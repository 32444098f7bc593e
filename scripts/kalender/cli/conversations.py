"""``kalender conversations``: import comments, list what waits, answer, counter a claim.

Indonesian names work too: ``kalender percakapan impor|daftar|jawab|setujui-jawaban|
terposting|luruskan``. An answer step names the acting member (``--by`` or
``KALENDER_USER``) and is signed with their key when ``--password-stdin`` is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import click

from ..conversations.answers import Made, Request, make_step
from ..conversations.canned import canned_by_id, load_canned
from ..conversations.counter import counter_post, next_day
from ..conversations.importer import run_import
from ..conversations.model import Step
from ..conversations.store import conversations_of
from ..conversations.views import (
    Context,
    ConversationViews,
    ShownComment,
    build_views,
    settings_of,
)
from ..core.calendar_data import CalendarData, load_calendar
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..core.loader import Project, load_project
from ..core.overlay import build_overlay
from ..core.problems import Report
from ..workflow.actions import actor_of, office_now, resolve_post
from .approval import BY, signer_for
from .main import cli, print_report

NAMES = {"import": "impor", "list": "daftar", "answer": "jawab",
         "approve-answer": "setujui-jawaban", "posted": "terposting", "counter": "luruskan"}


class Ordered(click.Group):
    """Lists its commands in the order they were added (the order of the work)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group("conversations", cls=Ordered, help=t("conversations.help.group"))
def conversations_group() -> None:
    pass


def _project(root: Path) -> tuple[Project, CalendarData]:
    project = load_project(root)
    if project.calendar is None:
        print_report(project.report, root)
        raise DataError("conversations.no_calendar")
    return project, project.calendar


@conversations_group.command("import", help=t("conversations.help.import"))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--post", "post", default=None, metavar="POS", help=t("conversations.help.post"))
@click.pass_obj
def import_command(root: Path, files: tuple[Path, ...], post: str | None) -> None:
    project, calendar = _project(root)
    forced = None
    if post is not None:
        wanted = resolve_post(root, post).stem
        forced = next((p for p in project.posts if p.id == wanted), None)
        if forced is None:
            raise KalenderError("approval.no_such_post", post=post)
    report = Report()
    plan = run_import(root, files, project.posts, report, calendar.satker.timezone, forced)
    if report.errors:
        errors, _ = print_report(report, root)
        raise DataError("conversations.import_failed", errors=errors)
    if not plan.added:
        click.echo(t("conversations.nothing_new", read=plan.read, known=plan.known))
        return
    click.echo(t("conversations.imported", added=plan.added, posts=len(plan.new),
                 known=plan.known, files=plan.files))


@conversations_group.command("list", help=t("conversations.help.list"))
@click.pass_obj
def list_command(root: Path) -> None:
    project, calendar = _project(root)
    views = _views(project, calendar, pseudonymise=False)
    for item in views.inbox.items:
        click.echo(_line(item))
    click.echo(t("conversations.waiting", count=len(views.inbox.items),
                 overdue=views.inbox.overdue, days=views.inbox.target_days))


def _line(item: ShownComment) -> str:
    late = t("conversations.late") if item.overdue else ""
    answer = f" [{item.answer.label}]" if item.answer.step else ""
    return (f"{item.key}  {t('conversations.age', days=item.age_days)}{late}  "
            f"{item.kind_label}{answer}  {item.post_id}\n    {item.author}: {item.text}")


def _views(project: Project, calendar: CalendarData,
           pseudonymise: bool = True) -> ConversationViews:
    zone = calendar.satker.timezone
    today = office_now(zone).date()
    report = Report()
    conversations = conversations_of(project.posts, report, zone)
    if report.errors:
        print_report(report, project.root)
        raise DataError("conversations.files_have_errors", problems="")
    days = [c.at.year for conv in conversations.values() for c in conv.comments]
    overlay = build_overlay(range(min(days, default=today.year), today.year + 1))
    settings = settings_of(calendar.satker.extra, calendar.satker.slug,
                           [a.handle for a in calendar.satker.accounts.values()]
                           + [a.name for a in calendar.satker.accounts.values()])
    if not pseudonymise:
        settings = replace(settings, pseudonymise=False)
    canned = load_canned(calendar.folder, calendar.satker.jdih_url, Report())
    context = Context(today, settings, overlay.is_day_off,
                      {m: x.name for m, x in calendar.team.members.items()}, canned,
                      {pid: p.name for pid, p in calendar.platforms.items()})
    titles = {p.id: p.title for p in project.posts}
    names = {pid: p.name for pid, p in calendar.platforms.items()}
    return build_views(conversations, titles, names, context)


# -- the steps of an answer -----------------------------------------------------------------


def _step(root: Path, key: str, step: Step, by: str | None, text: str = "",
          url: str = "") -> None:
    project, calendar = _project(root)
    member = actor_of(calendar, by)
    request = Request(key, step, member, office_now(calendar.satker.timezone), text, url)
    signer = signer_for(root, member)
    made = make_step(root, project.posts, calendar, request,
                     signer.key_for(member) if signer is not None else None)
    _said(made)


def _said(made: Made) -> None:
    click.echo(t("conversations.step_written", step=t(f"conversations.step.{made.step.step}"),
                 key=made.step.comment, post=made.post_id))
    for words in made.warnings:
        click.echo(t("conversations.screen_warning", words=words), err=True)


KEY = click.argument("key", metavar="KOMENTAR")


@conversations_group.command("answer", help=t("conversations.help.answer"))
@KEY
@click.option("--text", "--teks", "text", default=None, metavar="TEKS",
              help=t("conversations.help.text"))
@click.option("--canned", "--siap", "canned", default=None, metavar="ID",
              help=t("conversations.help.canned"))
@BY
@click.pass_obj
def answer_command(root: Path, key: str, text: str | None, canned: str | None,
                   by: str | None, password_stdin: bool) -> None:
    if canned is not None:
        text = _canned_text(root, canned, text)
    if not text:
        raise KalenderError("conversations.text_needed")
    _step(root, key, Step.DRAF, by, text=text)


def _canned_text(root: Path, canned: str, text: str | None) -> str:
    report = Report()
    calendar = load_calendar(root, report)
    if calendar is None:
        print_report(report, root)
        raise DataError("conversations.no_calendar")
    answers = load_canned(calendar.folder, calendar.satker.jdih_url, report)
    if report.errors:
        errors, _ = print_report(report, root)
        raise DataError("conversations.canned_errors", errors=errors)
    found = canned_by_id(answers, canned)
    if found is None:
        raise KalenderError("conversations.no_canned", id=canned,
                            known=", ".join(a.id for a in answers) or "-")
    return f"{text.strip()} {found.answer_text}" if text else found.answer_text


@conversations_group.command("approve-answer", help=t("conversations.help.approve"))
@KEY
@BY
@click.pass_obj
def approve_command(root: Path, key: str, by: str | None, password_stdin: bool) -> None:
    _step(root, key, Step.DISETUJUI, by)


@conversations_group.command("posted", help=t("conversations.help.posted"))
@KEY
@click.option("--url", "url", required=True, metavar="URL", help=t("conversations.help.url"))
@BY
@click.pass_obj
def posted_command(root: Path, key: str, url: str, by: str | None,
                   password_stdin: bool) -> None:
    _step(root, key, Step.DIPOSTING, by, url=url)


# -- a claim to counter becomes a proposal --------------------------------------------------


@conversations_group.command("counter", help=t("conversations.help.counter"))
@KEY
@click.option("--date", "date", default=None, metavar="TTTT-BB-HH",
              help=t("conversations.help.date"))
@click.pass_obj
def counter_command(root: Path, key: str, date: str | None) -> None:
    project, calendar = _project(root)
    zone = calendar.satker.timezone
    day = _day(date) if date else next_day(office_now(zone))
    path, problems = counter_post(root, project.posts, zone, key, day)
    if problems:
        for problem in problems:
            click.echo(f"  {t('check.error')}: {problem.message}", err=True)
        raise KalenderError("new.invalid", count=len(problems))
    click.echo(t("new.written", path=path.relative_to(root).as_posix()))


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise KalenderError("post.bad_date", found=text) from None


def _aliased_group() -> click.Group:
    """``kalender percakapan``: the same commands under their Indonesian names."""
    twin = Ordered("percakapan", help=t("conversations.help.alias"))
    for name, command in conversations_group.commands.items():
        twin.add_command(click.Command(NAMES[name], params=command.params,
                                       callback=command.callback, help=command.help,
                                       short_help=command.short_help), NAMES[name])
    return twin


cli.add_command(conversations_group)
cli.add_command(_aliased_group())
