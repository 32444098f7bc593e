"""``kalender serve``: the last day a half-year's report changed, worked out again only for
the posts that changed.

Whether a kept report still stands (:class:`kalender.plugin.serving.KeptReports`) starts
from :func:`kalender.report.settled.last_change`: the last day, up to the report's day, on
which a record was made or an upload deadline passed, over every post with its records.
That walked all 10,000 posts of each half-year at every rebuild (some 30 ms of a caption
edit at N = 10,000; issue 23, branch ``serve15``). The report's inputs keep one object per
post object (:func:`kalender.report.inputs.project_report_input`), and a post's days come
from that object alone (and the day, time zone, on-time hours and period, the same for all
of them): each post's last day is kept by its object from one rebuild to the next.
"""

from __future__ import annotations

import datetime as dt

from ..report.build import PostRecords, ReportInput, on_time_hours
from ..report.settled import other_change_days, post_change_days


class KeptChangeDays:
    """Per post of one half-year's report inputs: its object and its last change day."""

    def __init__(self) -> None:
        self.known: dict[int, tuple[PostRecords, dt.date | None]] = {}
        self.shared: tuple[object, ...] = ()
        self.worked = 0  # posts whose days were worked out in the last call (tests)

    def last_change(self, source: ReportInput) -> dt.date:
        """:func:`kalender.report.settled.last_change` of ``source``."""
        today, zone = source.as_of.date(), source.as_of.tzinfo
        hours = on_time_hours(source.calendar)
        shared = (today, zone, hours, source.period)
        known, self.known = (self.known if shared == self.shared else {}), {}
        self.shared, self.worked = shared, 0
        days = [day for day in other_change_days(source) if day <= today]
        for post in source.posts:
            kept = known.get(id(post))
            if kept is None or kept[0] is not post:
                self.worked += 1
                kept = (post, max((day for day in post_change_days(
                    post, zone, hours, source.period) if day <= today), default=None))
            self.known[id(post)] = kept
            if kept[1] is not None:
                days.append(kept[1])
        return max(days, default=min(source.period.start, today))
