"""The national calendar overlay: holidays and collective leave (from the ``holidays``
package), the law-related important days and the election stages, day by day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .stages import Stage

LIBUR = "libur"  # national holiday
CUTI = "cuti-bersama"  # collective leave
HARI_PENTING = "hari-penting"  # law-related important day
TAHAPAN = "tahapan"  # election stage


@dataclass(frozen=True)
class DayMark:
    """Something a day is: a holiday, collective leave, an important day or a stage."""

    day: dt.date
    kind: str
    name: str
    quiet: bool = False


def national_days(years: Iterable[int]) -> list[DayMark]:
    """Indonesia's national holidays and collective leave days, named in Indonesian."""
    wanted = sorted(set(years))
    import holidays  # 60 ms: only when a build draws the calendar, not at every start

    public = holidays.country_holidays("ID", years=wanted, language="id")
    leave = holidays.country_holidays("ID", years=wanted, language="id",
                                      categories=("government",))
    marks = [DayMark(day, LIBUR, name) for day, name in public.items()]
    marks += [DayMark(day, CUTI, name) for day, name in leave.items()]
    return sorted(marks, key=lambda m: (m.day, m.kind, m.name))


@dataclass
class Overlay:
    """Every mark, looked up by day."""

    marks: dict[dt.date, list[DayMark]] = field(default_factory=dict)
    stages: tuple[Stage, ...] = ()

    def add(self, mark: DayMark) -> None:
        self.marks.setdefault(mark.day, []).append(mark)

    def on(self, day: dt.date) -> list[DayMark]:
        """The marks of ``day``: holidays, important days, and the stages covering it."""
        own = list(self.marks.get(day, ()))
        own += [DayMark(day, TAHAPAN, s.name, s.quiet) for s in self.stages if s.covers(day)]
        return own

    def is_day_off(self, day: dt.date) -> bool:
        """Weekend, national holiday or collective leave."""
        return day.weekday() >= 5 or any(m.kind in (LIBUR, CUTI) for m in self.marks.get(day, ()))

    def quiet_stage(self, day: dt.date) -> Stage | None:
        return next((s for s in self.stages if s.quiet and s.covers(day)), None)


def build_overlay(years: Iterable[int], stages: Iterable[Stage] = (),
                  important: Iterable[tuple[dt.date, str]] = (),
                  national: Callable[[Iterable[int]], list[DayMark]] = national_days,
                  ) -> Overlay:
    """The overlay for ``years``: national days (``national``: :func:`national_days`, or
    the same kept from an earlier build), ``important`` (day, name) pairs, stages."""
    overlay = Overlay(stages=tuple(stages))
    for mark in national(years):
        overlay.add(mark)
    for day, name in important:
        overlay.add(DayMark(day, HARI_PENTING, name))
    return overlay
