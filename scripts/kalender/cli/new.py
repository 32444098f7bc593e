"""``kalender new``: write a ready-to-fill post with the right file name and folder.

The values are checked by the loader itself: the file is written, read back through
:func:`~kalender.core.loader.load_project`, and removed again when it has errors, so ``new``
accepts exactly what ``check`` accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..core.calendar_data import load_calendar
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.model import CATEGORIES, CATEGORY_TYPES, TYPES
from ..core.new_post import NewPost, parse_platforms, shown_path, when_text, write_new_post
from ..core.problems import Report
from .main import cli


def _platform_ids(root: Path) -> tuple[str, ...]:
    """The platforms of ``calendar/platforms.yml`` (none when the calendar data is broken:
    writing the post then reports it)."""
    calendar = load_calendar(root, Report())
    return tuple(calendar.platforms) if calendar else ()


def _ask_missing(root: Path, date: str | None, time: str | None, title: str | None,
                 category: str | None, post_type: str | None,
                 platforms: Sequence[str]) -> NewPost:
    """Prompt for every value not given as an option (the time only with the date)."""
    if date is None:
        date = click.prompt(t("new.prompt_date"))
        if time is None:
            time = click.prompt(t("new.prompt_time"), default="", show_default=False)
    title = title or click.prompt(t("new.prompt_title"))
    category = category or click.prompt(t("new.prompt_category", choices=", ".join(CATEGORIES)))
    if post_type is None:
        choices = CATEGORY_TYPES.get(category.strip(), TYPES)
        post_type = click.prompt(t("new.prompt_type", choices=", ".join(choices)))
    if not platforms:
        known = ", ".join(_platform_ids(root))
        platforms = [click.prompt(t("new.prompt_platforms", choices=known))]
    return NewPost(title=title.strip(), date=when_text(date, time), category=category.strip(),
                   type=post_type.strip(), targets=parse_platforms(platforms))


@cli.command("new", help=t("new.help"))
@click.option("--date", help=t("new.help_date"))
@click.option("--time", "time_", help=t("new.help_time"))
@click.option("--title", help=t("new.help_title"))
@click.option("--category", help=t("new.help_category"))
@click.option("--type", "post_type", help=t("new.help_type"))
@click.option("--platform", "platforms", multiple=True, help=t("new.help_platform"))
@click.pass_obj
def new_command(root: Path, date: str | None, time_: str | None, title: str | None,
                category: str | None, post_type: str | None,
                platforms: tuple[str, ...]) -> None:
    new = _ask_missing(root, date, time_, title, category, post_type, platforms)
    path, problems = write_new_post(root, new)
    if problems:
        for problem in problems:
            click.echo(f"  {t('check.error')}: {problem.message}", err=True)
        raise KalenderError("new.invalid", count=len(problems))
    shown = shown_path(path, root)
    click.echo(t("new.written", path=shown))
    click.echo(t("new.next", path=shown))
