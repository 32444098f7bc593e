"""Important days (SOP E.1.b.4): a ``hari-penting`` post greets a law-related day listed in
``calendar/hari-penting.yml``, on the day itself or the day before."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.dates import long_date
from ..core.important_days import matching_days, nearest_days
from ..core.model import Post
from ..core.problems import Problem, Severity
from .lists import content_lists
from .registry import Context, Finding, rule

IMPORTANT_DAY = "hari-penting"


@rule("days.important", Severity.WARNING)
def important_day(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A ``hari-penting`` post falls on a listed day (or the day before); else a warning that
    names the nearest listed days."""
    if post.type != IMPORTANT_DAY:
        return
    days = content_lists(context.calendar.folder).days
    if not days:
        yield finding(("type",), "content.day_no_list")
    elif not matching_days(days, post.date):
        nearest = nearest_days(days, post.date)
        yield finding(("date",), "content.day_not_listed", date=long_date(post.date),
                      nearest=", ".join(d.label for d in nearest))
