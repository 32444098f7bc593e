"""Dates as the team reads them: Indonesian by default ("Selasa, 1 Desember 2026").

Day and month names come from the message catalog (``messages/dates.yml``), so English
is available too.
"""

from __future__ import annotations

import datetime as dt

from .i18n import t


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
