"""The calendar site as plain values: the badges, links, entries and the view of every page the
templates draw. Filled by :mod:`kalender.site.calendar_view`; nothing here computes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..approval.standing import Standings
from ..core.memo import PerPost
from ..core.model import (
    LegalProduct,
    Post,
    Week,
)
from ..core.overlay import DayMark
from ..core.problems import Problem
from ..core.quickstate import quick_state


@dataclass(frozen=True)
class Badge:
    """A status as shown: its own colour (CSS, by ``status``), icon and label."""

    status: str
    label: str
    icon: str


@dataclass(frozen=True)
class Link:
    """A link to another page of the site, by its page path."""

    page: str
    label: str


@dataclass(frozen=True)
class Choice:
    """One value of a filter (or of a post): its id and its label."""

    value: str
    label: str
    icon: str = ""


TOP = (0.5, 0.0)  # a week card without a focus point shows the top of its picture


@quick_state
@dataclass(frozen=True, slots=True)  # one per post: no __dict__ each
class Thumbnail:
    """A small image of a post: its page path in the site and its alternative text."""

    page: str
    alt: str
    focus: tuple[float, float] = TOP  # the picture's focus point (media ``focus``)

    @property
    def position(self) -> str:
        """CSS ``object-position``: a card that shows part of the picture shows its focus;
        without one, its top (where a card's name, category and title are)."""
        return f"{self.focus[0] * 100:.0f}% {self.focus[1] * 100:.0f}%"


@quick_state
@dataclass(frozen=True, slots=True)  # one per post: no __dict__ each
class Entry:
    """A post as a calendar page shows it: a chip, a card or a list row."""

    id: str
    page: str
    title: str
    day: dt.date
    date_label: str
    time: str  # "08.00", or "" when the time is not fixed yet
    category: Choice
    type: Choice
    platforms: tuple[Choice, ...]
    badge: Badge
    caption_start: str
    thumbnail: Thumbnail | None

    @property
    def platform_ids(self) -> str:
        """``instagram x``: the value of ``data-platforms``."""
        return " ".join(p.value for p in self.platforms)


ThumbnailMaker = Callable[[Path], "str | None"]


@quick_state
@dataclass(frozen=True, slots=True)  # one per post: no __dict__ each
class Day:
    """One day of a month or week view and the posts planned on it."""

    date: dt.date
    label: str  # "Rabu, 9 Desember 2026"
    weekday: str  # "Rabu"
    in_period: bool  # inside the month (or week) shown
    is_today: bool
    entries: tuple[Entry, ...]
    marks: tuple[DayMark, ...] = ()  # holidays, important days, election stages

    @property
    def number(self) -> int:
        return self.date.day


@dataclass(frozen=True)
class MonthRow:
    """One week of a month view."""

    week: Link
    number: int
    days: tuple[Day, ...]


@dataclass(frozen=True)
class MonthView:
    """``kalender/2026-12/``: a Monday-first grid of one month."""

    page: str
    title: str
    rows: tuple[MonthRow, ...]
    previous: Link | None
    next: Link | None
    count: int
    kind: str = "month"


@dataclass(frozen=True)
class WeekView:
    """``minggu/2026-W49/``: an ISO week, each day's posts in time order."""

    week: Week
    page: str
    title: str
    range_label: str
    days: tuple[Day, ...]
    previous: Link | None
    next: Link | None
    months: tuple[Link, ...]
    count: int
    kind: str = "week"


@dataclass(frozen=True)
class WeekGroup:
    """The posts of one week in the list view."""

    week: Link
    range_label: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class ListView:
    """``daftar/``: every post in date order, grouped by week."""

    page: str
    title: str
    groups: tuple[WeekGroup, ...]
    count: int
    kind: str = "list"


@dataclass(frozen=True)
class StatusCount:
    """How many posts show one badge."""

    badge: Badge
    count: int


@dataclass(frozen=True)
class HomeView:
    """The home page: this week and next at a glance, this month, counts per status."""

    page: str
    today_label: str
    this_week: WeekView
    next_week: WeekView
    this_month: Link
    months: tuple[Link, ...]
    counts: tuple[StatusCount, ...]
    total: int
    title: str = ""
    kind: str = "home"


@quick_state
@dataclass(frozen=True, slots=True)  # one per post: no __dict__ each
class CaptionView:
    """The caption of a post on one platform, as it will be pasted."""

    platform: Choice
    format: str
    title: str | None
    text: str


@quick_state
@dataclass(frozen=True, slots=True)  # one per post: no __dict__ each
class FindingView:
    """A rule's finding on a post, shown on its page."""

    rule: str
    severity: str
    severity_label: str
    message: str
    platform: str | None
    where: str


@quick_state
@dataclass(frozen=True, slots=True)  # one per post: no __dict__ each
class PostView:
    """``pos/<post-id>/``: one post with its details, captions, legal product and findings."""

    entry: Entry
    page: str
    title: str
    when_label: str
    file: str
    captions: tuple[CaptionView, ...]
    hashtags: tuple[str, ...]
    legal_product: LegalProduct | None
    citation: str
    enacted_label: str
    source: str | None
    images: tuple[Thumbnail, ...]
    findings: tuple[FindingView, ...]
    week: Link
    month: Link
    body: str
    kind: str = "post"


@dataclass(frozen=True)
class FilterOptions:
    """The values the filters offer."""

    platforms: tuple[Choice, ...]
    categories: tuple[Choice, ...]
    types: tuple[Choice, ...]
    statuses: tuple[Choice, ...]


@dataclass
class SiteView:
    """Everything the calendar site shows, by page path."""

    today: dt.date
    weekdays: tuple[str, ...]
    weekdays_short: tuple[str, ...]
    legend: tuple[Badge, ...]
    filters: FilterOptions
    months: dict[str, MonthView] = field(default_factory=dict)
    weeks: dict[str, WeekView] = field(default_factory=dict)
    posts: dict[str, PostView] = field(default_factory=dict)
    list: ListView | None = None
    home: HomeView | None = None

    def pages(self) -> dict[str, View]:
        """Every page of the calendar, by page path: the list and the home page first (mkdocs
        renders in this order; the list of a year of posts is the largest page, and costs
        least memory while the posts' pages are not rendered yet), then months, weeks, posts.
        """
        pages: dict[str, View] = {view.page: view for view in (self.list, self.home)
                                  if view is not None}
        pages.update({**self.months, **self.weeks})
        pages.update({view.page: view for view in self.posts.values()})
        return pages


@dataclass(frozen=True)
class SiteInput:
    """What the site view is built from (already loaded and checked)."""

    posts: Sequence[Post]
    today: dt.date
    root: Path
    platform_names: Mapping[str, str] = field(default_factory=dict)
    platform_icons: Mapping[str, str] = field(default_factory=dict)  # platforms.yml ``icon``
    findings: Mapping[str, Sequence[Problem]] = field(default_factory=dict)
    thumbnail: ThumbnailMaker = field(default=lambda path: None)
    marks: Callable[[dt.date], Sequence[DayMark]] = field(default=lambda day: ())
    # kalender serve: each post object's entry and page view, kept between builds
    memo: PerPost[Any] | None = None
    standings: Standings = field(default_factory=Standings)  # the badges' approval standing


View = MonthView | WeekView | ListView | HomeView | PostView
