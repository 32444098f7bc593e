"""Dates as the team reads them: Indonesian by default ("Selasa, 1 Desember 2026").

Day and month names come from the message catalog (``messages/dates.yml``), so English
is available too.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .i18n import t
from .model import Week


def day_name(day: dt.date) -> str:
    """``Senin`` .. ``Minggu`` (Monday is 1)."""
    return t(f"date.day.{day.isoweekday()}")


def day_short(day: dt.date) -> str:
    """``Sen`` .. ``Min``."""
    return t(f"date.day_short.{day.isoweekday()}")


def month_name(month: int) -> str:
    """``Januari`` .. ``Desember``."""
    return t(f"date.month.{month}")


def long_date(day: dt.date) -> str:
    """``1 Desember 2026``."""
    return t("date.long", day=day.day, month=month_name(day.month), year=day.year)


def full_date(day: dt.date) -> str:
    """``Selasa, 1 Desember 2026``."""
    return t("date.full", weekday=day_name(day), date=long_date(day))


def month_label(year: int, month: int) -> str:
    """``Desember 2026``."""
    return t("date.month_year", month=month_name(month), year=year)


def clock(moment: dt.datetime) -> str:
    """``09.00`` (Indonesian writes hours and minutes with a dot)."""
    return t("date.clock", hour=f"{moment.hour:02d}", minute=f"{moment.minute:02d}")


def week_range(week: Week) -> str:
    """``30 November – 6 Desember 2026``; the year once when both ends share it."""
    first, last = week.days[0], week.days[-1]
    if first.year != last.year:
        start = long_date(first)
    elif first.month != last.month:
        start = t("date.day_month", day=first.day, month=month_name(first.month))
    else:
        start = str(first.day)
    return t("date.range", start=start, end=long_date(last))


def today_in(zone: ZoneInfo) -> dt.date:
    """Today's date in the office's time zone."""
    return dt.datetime.now(zone).date()


def parse_day(text: str) -> dt.date:
    """``2026-12-02`` -> date; ValueError otherwise."""
    return dt.date.fromisoformat(text.strip())
