"""``kalender evaluate --semester 2026-2``: the pimpinan records findings and follow-ups on a
half-yearly report; anyone on the team records a follow-up done (``--done 2``). Without
an entry to add, it lists the evaluation and the state of each follow-up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..approval.machine import Refused, role_for
from ..core.calendar_data import CalendarData, load_calendar
from ..core.dates import long_date
from ..core.errors import DataError, KalenderError, UsageError
from ..core.i18n import t
from ..core.problems import Report
from ..report.build import semester_period
from ..report.evaluation import Entry, Evaluation, append_entries, evaluation_file, load_evaluation
from .main import cli, print_report


@cli.command("evaluate", help=t("evaluation.help"))
@click.option("--semester", required=True, metavar="TTTT-1|2", help=t("report.help.semester"))
@click.option("--as", "member", default=None, help=t("evaluation.help.as"))
@click.option("--finding", "findings", multiple=True, help=t("evaluation.help.finding"))
@click.option("--follow-up", "follow_ups", multiple=True, help=t("evaluation.help.follow_up"))
@click.option("--owner", "owners", multiple=True, help=t("evaluation.help.owner"))
@click.option("--due", "dues", multiple=True, metavar="TTTT-BB-HH", help=t("evaluation.help.due"))
@click.option("--done", type=int, default=None, help=t("evaluation.help.done"))
@click.option("--note", default="", help=t("evaluation.help.note"))
@click.option("--office", default=None, help=t("evaluation.help.office"))
@click.pass_obj
def evaluate_command(root: Path, semester: str, member: str | None, findings: tuple[str, ...],
                     follow_ups: tuple[str, ...], owners: tuple[str, ...],
                     dues: tuple[str, ...], done: int | None, note: str,
                     office: str | None) -> None:
    try:
        period = semester_period(semester)
    except ValueError:
        raise UsageError("report.bad_semester", found=semester) from None
    problems = Report()
    calendar = load_calendar(root, problems)
    path = evaluation_file(root, period.slug, office)
    zone = calendar.satker.timezone if calendar else dt.UTC
    evaluation = load_evaluation(path, period.slug, zone, problems)
    if calendar is None or problems.errors:
        print_report(problems, root)
        raise DataError("evaluation.not_written", count=len(problems.errors))
    now = dt.datetime.now(zone).replace(microsecond=0)
    entries = _new_entries(calendar, evaluation, member, findings, follow_ups, owners, dues,
                           done, note, now, office)
    if entries:
        append_entries(evaluation, entries, zone)
        click.echo(t("evaluation.written", path=_shown(path, root), count=len(entries)))
        evaluation = load_evaluation(path, period.slug, zone, Report())
    _print(evaluation, calendar, now.date())


def _new_entries(calendar: CalendarData, evaluation: Evaluation, member: str | None,
                 findings: tuple[str, ...], follow_ups: tuple[str, ...],
                 owners: tuple[str, ...], dues: tuple[str, ...], done: int | None, note: str,
                 now: dt.datetime, office: str | None) -> list[Entry]:
    if not (findings or follow_ups or done is not None):
        return []
    if member is None:
        raise UsageError("evaluation.who")
    if len(owners) != len(follow_ups) or len(dues) != len(follow_ups):
        raise UsageError("evaluation.follow_up_parts", follow_ups=len(follow_ups),
                         owners=len(owners), dues=len(dues))
    number = evaluation.next_number
    entries: list[Entry] = []
    if findings or follow_ups:
        role = _role(calendar, member, ("pimpinan",), now.date())
        for text in findings:
            entries.append(Entry("temuan", number, member, role, now, text.strip()))
            number += 1
        for text, owner, due in zip(follow_ups, owners, dues, strict=True):
            if office is None and owner not in calendar.team.members:
                raise UsageError("evaluation.unknown_owner", owner=owner,
                                 known=", ".join(calendar.team.members))
            entries.append(Entry("tindak_lanjut", number, member, role, now, text.strip(),
                                 owner, _due(due)))
            number += 1
    if done is not None:
        entries.append(_done_entry(calendar, evaluation, member, done, note, now, number))
    return entries


def _done_entry(calendar: CalendarData, evaluation: Evaluation, member: str, done: int,
                note: str, now: dt.datetime, number: int) -> Entry:
    follow = next((f for f in evaluation.follow_ups if f.entry.no == done), None)
    if follow is None:
        raise UsageError("evaluation.no_such_follow_up", number=done,
                         known=", ".join(str(f.entry.no) for f in evaluation.follow_ups) or "-")
    if follow.done is not None:
        raise KalenderError("evaluation.already_done", number=done,
                            date=long_date(follow.done.at.date()))
    if not note.strip():
        raise UsageError("evaluation.done_needs_note")
    role = _role(calendar, member, ("staf", "kasubbag", "divisi", "pimpinan"), now.date())
    return Entry("selesai", number, member, role, now, note.strip(), of=done)


def _role(calendar: CalendarData, member: str, roles: tuple[str, ...], day: dt.date) -> str:
    try:
        return role_for(calendar.team, member, roles, day)[0]
    except Refused as refused:
        raise KalenderError("evaluation.refused", why=refused.why()) from None


def _due(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("report.bad_date", found=text, option="--due") from None


def _print(evaluation: Evaluation, calendar: CalendarData, today: dt.date) -> None:
    names = {m.id: m.name for m in calendar.team.members.values()}
    click.echo(t("evaluation.listing", period=evaluation.slug,
                 findings=len(evaluation.findings), follow_ups=len(evaluation.follow_ups)))
    for entry in evaluation.findings:
        click.echo(f"  {entry.no}. {entry.text}")
    for follow in evaluation.follow_ups:
        e = follow.entry
        click.echo(t("evaluation.follow_up_line", no=e.no, text=e.text,
                     owner=names.get(e.owner, e.owner),
                     due=long_date(e.due) if e.due else "-",
                     state=t(f"evaluation.state.{follow.state(today)}")))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
