"""``kalender measure PLATFORM``: count the text on standard input the platform's way.

Prints the count, the limit, where the text folds and whether it fits. Exit status: 0 when
it fits, 1 when it is over the limit or holds a character the platform refuses, 2 on an error
(unknown platform, format or field, input that is not UTF-8, broken calendar data).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..core.calendar_data import Platform, load_calendar
from ..core.errors import DataError, UsageError
from ..core.i18n import language, t
from ..core.problems import Report
from ..text.counting import (
    Measurement,
    field_of,
    forbidden_in,
    grouped,
    measure,
    rule_name,
    text_fields,
)
from .main import cli, print_report


class CalendarDataError(DataError):
    """The calendar data could not be read; its problems were printed first."""

    exit_code = 2


def read_input(data: bytes) -> str:
    """The text of ``data`` (UTF-8, BOM allowed), less the one line ending a shell adds."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError("measure.not_utf8", position=exc.start + 1) from None
    for ending in ("\r\n", "\n"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def find_platform(root: Path, platform_id: str) -> Platform:
    """The platform ``platform_id`` of ``calendar/platforms.yml`` under ``root``."""
    report = Report()
    calendar = load_calendar(root, report)
    if calendar is None:
        print_report(report, root)
        raise CalendarDataError("measure.bad_calendar")
    platform = calendar.platforms.get(platform_id)
    if platform is None:
        raise UsageError("measure.unknown_platform", found=platform_id,
                         allowed=", ".join(calendar.platforms))
    return platform


def check_target(platform: Platform, format_id: str, field: str) -> None:
    """Raise a usage error unless ``platform`` has ``format_id`` with a text ``field``."""
    if format_id not in platform.formats:
        raise UsageError("measure.unknown_format", name=platform.name, found=format_id,
                         allowed=", ".join(platform.formats))
    if platform.text_rule(format_id, rule_name(field, platform, format_id)) is None:
        raise UsageError("measure.unknown_field", name=platform.name, format=format_id,
                         found=field, allowed=", ".join(text_fields(platform, format_id)))


def report_lines(measurement: Measurement, platform: Platform) -> list[str]:
    """What ``kalender measure`` prints for ``measurement``, in the current language."""
    lang = language()
    field = t(f"measure.field.{measurement.field}")
    lines = [t("measure.count", name=platform.name, format=measurement.format, field=field,
               count=grouped(measurement.count, lang), limit=grouped(measurement.limit, lang),
               method=t(f"measure.method.{measurement.method}"))]
    lines.extend(_fold_lines(measurement, platform, field))
    if measurement.fits:
        left = grouped(measurement.limit - measurement.count, lang)
        lines.append(t("measure.fits", left=left))
    else:
        lines.append(t("measure.over", over=grouped(measurement.over_by, lang),
                       index=grouped((measurement.over_index or 0) + 1, lang)))
    return lines


def _fold_lines(measurement: Measurement, platform: Platform, field: str) -> list[str]:
    rule = platform.text_rule(measurement.format,
                              rule_name(measurement.field, platform, measurement.format))
    if rule is None or rule.fold is None:
        return [t("measure.no_fold_rule", name=platform.name, field=field)]
    lines = []
    if measurement.fold is not None:
        lines.append(t("measure.fold", index=measurement.fold, link=platform.fold_link))
    if measurement.fold_mobile is not None and measurement.fold_mobile != measurement.fold:
        lines.append(t("measure.fold_mobile", index=measurement.fold_mobile))
    return lines or [t("measure.no_fold")]


@cli.command("measure", help=t("measure.help"))
@click.argument("platform_id", metavar="PLATFORM")
@click.option("--format", "format_id", default=None, help=t("measure.help_format"))
@click.option("--field", default="caption", help=t("measure.help_field"))
@click.pass_obj
def measure_command(root: Path, platform_id: str, format_id: str | None, field: str) -> None:
    platform = find_platform(root, platform_id)
    format_id = format_id or platform.default_format
    check_target(platform, format_id, field)
    text = read_input(sys.stdin.buffer.read())
    shown = field_of(rule_name(field, platform, format_id), platform, format_id)
    measurement = measure(text, platform, format_id, shown)
    lines = report_lines(measurement, platform)
    forbidden = forbidden_line(text, measurement, platform)
    for line in lines if forbidden is None else [*lines, forbidden]:
        click.echo(line)
    if not measurement.fits or forbidden is not None:
        raise SystemExit(1)


def forbidden_line(text: str, measurement: Measurement, platform: Platform) -> str | None:
    """The warning about characters the platform refuses in this field, if any."""
    rule = platform.text_rule(measurement.format,
                              rule_name(measurement.field, platform, measurement.format))
    found = forbidden_in(text, rule.forbid) if rule else ()
    if not found:
        return None
    return t("text_rule.forbidden", name=platform.name, format=measurement.format,
             field=t(f"measure.field.{measurement.field}"),
             chars=", ".join(f"'{ch}'" for ch in found))
