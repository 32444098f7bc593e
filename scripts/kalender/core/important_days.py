"""Law-related important days (``calendar/hari-penting.yml``), read through the strict reader.

The SOP (E.1.b.4) allows greetings only for commemoration days related to law. Each day
recurs every year on the same date and carries its basis (``dasar``): the legal act or the
body that set it. The meeting page and the calendar overlay reuse :func:`load_important_days`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .datafile import read_data_file
from .i18n import LANGUAGES, t
from .problems import Report
from .schema import Field

FILE_NAME = "hari-penting.yml"
DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s+([^\W\d_]+)\s*$")
LEAP_YEAR = 2024  # any leap year: 29 Februari is a real day of the calendar

IMPORTANT_DAYS_SCHEMA = Field("mapping", keys={
    "days": Field("list", required=True, items=Field("mapping", keys={
        "name": Field("text", required=True),
        "date": Field("text", required=True),
        "dasar": Field("text", required=True),
        "source": Field("text"),
    })),
})


@dataclass(frozen=True)
class ImportantDay:
    """A law-related day, recurring every year on ``month``-``day``."""

    name: str
    month: int
    day: int
    dasar: str
    source: str = ""
    line: int | None = None

    def on(self, year: int) -> dt.date | None:
        """This day in ``year`` (None for 29 Februari in a common year)."""
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def label(self) -> str:
        """``Hari Konstitusi (18 Agustus)``."""
        return t("content.day_label", name=self.name,
                 date=t("date.day_month", day=self.day, month=t(f"date.month.{self.month}")))


def load_important_days(folder: Path, report: Report) -> tuple[ImportantDay, ...]:
    """The days of ``calendar/hari-penting.yml`` (``folder`` is ``calendar/``).

    Problems (a date that is not ``1 Juni``, a day twice) are reported with the file's line;
    an absent file means no days.
    """
    path = folder / FILE_NAME
    if not path.exists():
        return ()
    located = read_data_file(path, IMPORTANT_DAYS_SCHEMA, report)
    if located is None:
        return ()
    days: list[ImportantDay] = []
    for index, raw in enumerate(located.value["days"]):
        line = located.line("days", index, "date")
        parsed = parse_day_month(str(raw["date"]))
        if parsed is None:
            report.error(path, line, "content.day_bad_date", found=str(raw["date"]))
            continue
        day = ImportantDay(str(raw["name"]), parsed[0], parsed[1], str(raw["dasar"]),
                           str(raw.get("source") or ""), located.line("days", index))
        twin = next((d for d in days if d.name.casefold() == day.name.casefold()), None)
        if twin is not None:
            report.error(path, day.line, "content.day_twice", name=day.name, first=twin.line)
            continue
        days.append(day)
    return tuple(days)


def parse_day_month(text: str) -> tuple[int, int] | None:
    """``1 Juni`` (or ``1 June``) -> (6, 1); None when it is not a real day of a year."""
    match = DAY_MONTH.match(text)
    if match is None:
        return None
    month = _month_number(match.group(2))
    if month is None:
        return None
    day = int(match.group(1))
    try:
        dt.date(LEAP_YEAR, month, day)
    except ValueError:
        return None
    return month, day


def _month_number(name: str) -> int | None:
    wanted = name.casefold()
    for month in range(1, 13):
        if any(t(f"date.month.{month}", lang=lang).casefold() == wanted for lang in LANGUAGES):
            return month
    return None


def days_in(days: Iterable[ImportantDay], years: Iterable[int]) -> list[tuple[dt.date, str]]:
    """(date, name) of every day in each of ``years``, in date order (for the overlay)."""
    found = [(date, d.name) for year in years for d in days if (date := d.on(year))]
    return sorted(found)


def matching_days(days: Sequence[ImportantDay], date: dt.date) -> list[ImportantDay]:
    """The days ``date`` greets: the day itself, or the day after it (posted a day early)."""
    tomorrow = date + dt.timedelta(days=1)
    return [d for d in days if d.on(date.year) == date or d.on(tomorrow.year) == tomorrow]


def greets(day: ImportantDay, date: dt.date, post_date: dt.date, named: str | None,
           days: Iterable[ImportantDay]) -> bool:
    """Is a greeting posted on ``post_date`` for ``day`` falling on ``date``?

    A post that names its day (front matter ``important_day``: the name or ``10 Desember``)
    greets that day alone, on the day or the day before. A post that names none greets the day
    of its own date, or, posted on the eve, the next day when no listed day falls on its own
    date (a 9 Desember greeting is for Hari Antikorupsi, not for Hari HAM on the 10th).
    """
    if not date - dt.timedelta(days=1) <= post_date <= date:
        return False
    if named:
        return names_day(day, named)
    if post_date == date:
        return True
    return not any(d.on(post_date.year) == post_date for d in days)


def names_day(day: ImportantDay, named: str) -> bool:
    """Does ``named`` (a post's ``important_day``) name ``day``: its name or its day-month?"""
    wanted = " ".join(named.casefold().split())
    return wanted == " ".join(day.name.casefold().split()) or parse_day_month(named) == (
        day.month, day.day)


def nearest_days(days: Sequence[ImportantDay], date: dt.date,
                 count: int = 2) -> list[ImportantDay]:
    """The ``count`` days closest to ``date`` (before or after, across the new year)."""

    def distance(day: ImportantDay) -> int:
        gaps = [abs((on - date).days) for year in (date.year - 1, date.year, date.year + 1)
                if (on := day.on(year)) is not None]
        return min(gaps) if gaps else 366

    return sorted(days, key=lambda d: (distance(d), d.month, d.day))[:count]
