"""The day a semester report in the site is "as of" (its "per" date).

A report shows a moment (:func:`kalender.report.build.build_report`). The site shows it
for the weekly meeting, which looks back on last week: as of the end of the last full week
(:func:`shown_day`, a Sunday), not of today, and within that, as of the end of the **last day
on which something it counts changed** (an approval record made, an upload deadline passed,
an important day passed, a follow-up of the evaluation fallen due). So the site's report
page and its PDF (a child process, about 1.5 s of CPU) are written again at most once a
week, and only when what they say changed. ``kalender report`` still writes a report as of
today, when asked.

The day is checked, not trusted: the report as of that day must read, word for word but
for its date, as the report as of the Sunday. When it does not (a public comment or an
answer in between, or anything this module does not know of), the report is as of the
Sunday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace

from ..conversations.summary import PublicInput
from .build import (
    Period,
    PostRecords,
    ReportInput,
    SemesterReport,
    build_report,
    deadline,
    on_time_hours,
)
from .inputs import end_of_day
from .wording import moment

BodyOf = Callable[[SemesterReport], str]
PublicAt = Callable[[dt.datetime], PublicInput | None]


def shown_day(today: dt.date) -> dt.date:
    """The Sunday that ended the last full week before ``today``'s."""
    return today - dt.timedelta(days=today.isoweekday())


def change_days(source: ReportInput) -> Iterator[dt.date]:
    """Every day on which something the report of ``source`` counts may change (in the
    office's time zone): the day of each record, of each upload deadline, the day after each
    important day and after each follow-up's due date."""
    zone = source.as_of.tzinfo
    hours = on_time_hours(source.calendar)
    for post in source.posts:
        yield from post_change_days(post, zone, hours, source.period)
    yield from other_change_days(source)


def post_change_days(post: PostRecords, zone: dt.tzinfo | None, hours: int,
                     period: Period) -> Iterator[dt.date]:
    """The days of :func:`change_days` that come from one post: its records, and its upload
    deadline when the post is in ``period``."""
    for record in post.records:
        yield record.at.astimezone(zone).date()
    if period.contains(post.post.date):
        yield deadline(post.post, hours).astimezone(zone).date()


def other_change_days(source: ReportInput) -> Iterator[dt.date]:
    """The days of :func:`change_days` that come from no post: important days, follow-ups."""
    for year in sorted({source.period.start.year, source.period.end.year}):
        for day in source.important_days:
            date = day.on(year)
            if date is not None and source.period.contains(date):
                yield date + dt.timedelta(days=1)
    evaluation = source.evaluation
    if evaluation is not None:
        for part in (evaluation.current, evaluation.previous):
            for follow in part.follow_ups if part is not None else ():
                if follow.entry.due is not None:
                    yield follow.entry.due + dt.timedelta(days=1)


def last_change(source: ReportInput) -> dt.date:
    """The last of :func:`change_days` up to the report's day (the period's first day when
    none is)."""
    today = source.as_of.date()
    return max((day for day in change_days(source) if day <= today),
               default=min(source.period.start, today))


def settled_report(source: ReportInput, body_of: BodyOf,
                   public_at: PublicAt) -> tuple[SemesterReport, str]:
    """The report of ``source`` as of the end of :func:`last_change`, and its page text;
    as of ``source.as_of`` when the two would read differently (``public_at``: the public
    input as of a moment)."""
    now = build_report(source)
    text = body_of(now)
    day = last_change(source)
    if day >= source.as_of.date():
        return now, text
    at = end_of_day(day, source.as_of.tzinfo or dt.UTC)
    then = build_report(replace(source, as_of=at, public_input=public_at(at)))
    earlier = body_of(then)
    if _undated(earlier, then) == _undated(text, now):
        return then, earlier
    return now, text


def _undated(text: str, report: SemesterReport) -> str:
    return text.replace(moment(report.as_of), "\0")
