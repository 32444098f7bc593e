"""``kalender export --week 2026-W49`` and ``kalender uploaded --from-file``:
the upload bundle and the links of a week, on the command line.

The bundle itself is made by :mod:`kalender.export.week`; here it is chosen, shown and written."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..approval.machine import is_web_address
from ..approval.standing import standing_of
from ..core.dates import week_range
from ..core.digests import DigestStore
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..core.loader import Project, load_project
from ..core.problems import Report
from ..export.bundle import Selection
from ..export.lists import LinkLine, moment_words, parse_links
from ..export.week import Bundle, build_bundle, parse_week, prepare, write_bundle
from ..media.mediacache import CACHE_FOLDER
from .main import cli, print_report


def show_selection(selection: Selection) -> None:
    """Print which posts go in and which stay out, with the reason."""
    week = selection.week
    click.echo(t("export.heading", week=week.label, range=week_range(week),
                 included=len(selection.approved), left_out=len(selection.left_out)))
    if selection.approved:
        click.echo(t("export.in_heading"))
    for approved in selection.approved:
        platforms = ", ".join(x.platform for x in approved.targets)
        click.echo(t("export.in_line", post=approved.post.id,
                     when=moment_words(approved.post), platforms=platforms))
        for platform, record in sorted(approved.uploaded.items()):
            click.echo(t("export.already_line", platform=platform, url=record.url))
    if selection.left_out:
        click.echo(t("export.out_heading"))
    for item in selection.left_out:
        click.echo(t("export.out_line", post=item.post_id, reason=item.reason))


def show_hootsuite(bundle: Bundle) -> None:
    """Rows left out of the Hootsuite CSV, and rows Hootsuite would reject as too soon."""
    now = dt.datetime.now(bundle.calendar.satker.timezone)
    lead = bundle.rules.lead_minutes
    for row in bundle.hootsuite:
        post, platform = row.item.post, row.item.target.platform
        if row.reason:
            click.echo(t("export.hootsuite_skipped", post=post.id, platform=platform,
                         reason=row.reason))
        elif post.when < now + dt.timedelta(minutes=lead):
            click.echo(t("export.hootsuite_past", post=post.id, platform=platform,
                         when=moment_words(post), minutes=lead))


def _progress(length: int) -> contextlib.AbstractContextManager[Any]:
    """A progress bar on stderr, so stdout keeps only the report."""
    return click.progressbar(length=length, label=t("export.progress"), file=sys.stderr)


@cli.command("export", help=t("export.help"))
@click.option("--week", "week_text", required=True, metavar="TTTT-Wmm",
              help=t("export.help_week"))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=t("export.help_out"))
@click.option("--strict", is_flag=True, help=t("export.help_strict"))
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help=t("export.help_workers"))
@click.pass_obj
def export_command(root: Path, week_text: str, out: Path | None, strict: bool,
                   workers: int | None) -> None:
    week = parse_week(week_text)
    # the media digests the site build keeps: a photo hashed there is not read again here
    digests = DigestStore(root / CACHE_FOLDER / "digests.json")
    bundle = prepare(root, week, digests)
    selection = bundle.selection
    show_selection(selection)
    if not selection.approved:
        key = "export.nothing_approved" if selection.left_out else "export.no_posts"
        raise KalenderError(key, week=week.label, range=week_range(week),
                            count=len(selection.left_out))
    if strict and selection.left_out:
        raise KalenderError("export.strict_failed", count=len(selection.left_out),
                            week=week.label)
    build_bundle(bundle, workers or os.cpu_count() or 1, _progress)
    digests.save()
    if bundle.failures:
        for failure in bundle.failures:
            click.echo(f"{t('check.error')}: {failure}", err=True)
        raise KalenderError("export.media_failed", count=len(bundle.failures))
    show_hootsuite(bundle)
    if bundle.sheet_reason:
        click.echo(t("export.sheet_left_out", reason=bundle.sheet_reason))
    target = (out or root / "ekspor") / bundle.name
    count = write_bundle(bundle.contents, target)
    click.echo(t("export.written", path=target, files=count, size=target.stat().st_size))


def read_link_file(root: Path, path: Path) -> list[LinkLine]:
    """The filled-in lines of a link file, checked against the posts; every problem of the
    file is printed before the command stops, and then nothing is recorded."""
    if not path.is_file():
        raise KalenderError("export.links.missing_file", file=path)
    report = Report()
    lines = parse_links(path.read_text(encoding="utf-8-sig"), path, report)
    project = load_project(root)
    seen: dict[tuple[str, str], int] = {}
    for line in lines:
        check_link(line, project, seen, path, report)
        seen.setdefault((line.post, line.platform), line.line)
    if report.errors:
        errors, _ = print_report(report, root)
        raise DataError("export.links.file_errors", file=path.name, errors=errors)
    if not lines:
        raise KalenderError("export.links.empty", file=path.name)
    return lines


def check_link(line: LinkLine, project: Project, seen: dict[tuple[str, str], int], path: Path,
               report: Report) -> None:
    """Report what is wrong with one line: an unknown post, a platform not of the post,
    an address that is not a web address, a post and platform already given."""

    post = project.post(line.post)
    if post is None:
        report.error(path, line.line, "export.links.no_post", post=line.post)
    elif line.platform not in post.platforms:
        report.error(path, line.line, "export.links.not_a_platform", post=line.post,
                     platform=line.platform, platforms=", ".join(post.platforms))
    elif not is_web_address(line.url):
        report.error(path, line.line, "export.links.bad_url", found=line.url)
    elif (line.post, line.platform) in seen:
        report.error(path, line.line, "export.links.twice", post=line.post,
                     platform=line.platform, first=seen[(line.post, line.platform)])


def record_links(root: Path, path: Path, by: str | None,
                 record_one: Callable[[Path, str, str, str, str | None], None]) -> None:
    """Record every link of the file through ``record_one`` (the single ``uploaded``
    command's own code path). A link already recorded with the same URL is skipped; a
    refused one is printed and the others are still recorded; then the command fails."""

    lines = read_link_file(root, path)
    project = load_project(root)
    done = known = 0
    refused: list[str] = []
    for line in lines:
        post = project.post(line.post)
        recorded = standing_of(post).history.uploads.get(line.platform) if post else None
        if recorded is not None and recorded.url == line.url:
            click.echo(t("export.links.known", post=line.post, platform=line.platform,
                         url=line.url))
            known += 1
            continue
        try:
            record_one(root, line.post, line.platform, line.url, by)
            done += 1
        except KalenderError as exc:
            where = t("export.links.where", file=path.name, line=line.line)
            refused.append(f"{where}: {exc.format_message()}")
    for message in refused:
        click.echo(f"{t('cli.error_prefix')}: {message}", err=True)
    if refused:
        raise KalenderError("export.links.refused", count=len(refused), done=done)
    click.echo(t("export.links.done", done=done, known=known))
