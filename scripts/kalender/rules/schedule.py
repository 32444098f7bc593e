"""Schedule rules: posts planned in an election's quiet period (masa tenang)."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.dates import long_date
from ..core.model import Post
from ..core.problems import Problem, Severity
from .registry import Context, Finding, rule


@rule("schedule.quiet_period", Severity.WARNING)
def quiet_period(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A post scheduled in a quiet period is for a human to reconsider."""
    for stage in context.calendar.stages:
        if stage.quiet and stage.covers(post.date):
            yield finding(("date",), "rule.quiet_period", stage=stage.name,
                          start=long_date(stage.start), end=long_date(stage.end))
