"""The weekly meeting (SOP E.1.c): what was published, what waits for whom, what came
back, what is missing against the office's cadence, and which days are coming.

A pure view model built from the loaded project; the site and ``kalender rapat`` render it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..approval.machine import FLOW_ACTIONS, Standing
from ..approval.standing import Standings, standing_of
from ..approval.timeline import Waiting as TimelineWaiting
from ..approval.timeline import waiting
from ..core.calendar_data import CalendarData, Team
from ..core.important_days import ImportantDay, greets
from ..core.memo import PerPost
from ..core.model import Post, Status, Week
from ..core.overlay import Overlay
from ..core.stages import ProductToAnnounce, product_key

LOOKAHEAD_DAYS = 21

@dataclass(frozen=True)
class Note:
    """A reviewer's note on a returned post."""

    who: str
    text: str
    when: dt.datetime | None = None


@dataclass(frozen=True)
class Waiting:
    """Posts at one step of the flow, and the people who must act on them."""

    action: str  # the approval Action value: submit, initial, approve, uploaded
    what: str  # "memberi paraf", in the reader's language
    members: tuple[str, ...]  # names
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class Gap:
    """Where the plan falls short of the cadence: a day, or a week and a kind of post."""

    day: dt.date | None
    week: Week | None
    kind: str  # "weekday" (nothing on a working day) or a cadence key such as "edukasi"
    wanted: int
    found: int


@dataclass(frozen=True)
class ComingDay:
    day: dt.date
    name: str
    posts: tuple[Post, ...]


@dataclass
class Meeting:
    """Everything the weekly meeting looks at for ``week``, as seen on ``today``."""

    week: Week
    today: dt.date
    last_week_planned: list[Post] = field(default_factory=list)
    last_week_published: list[Post] = field(default_factory=list)
    days: list[tuple[dt.date, list[Post]]] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)
    returned: list[tuple[Post, list[Note]]] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    balance: dict[str, int] = field(default_factory=dict)
    coming_days: list[ComingDay] = field(default_factory=list)
    unannounced: list[ProductToAnnounce] = field(default_factory=list)

    @property
    def missed_important_days(self) -> list[ComingDay]:
        return [d for d in self.coming_days if not d.posts]


NotesOf = Callable[[Post], list[Note]]


@dataclass
class Plan:
    """What every meeting of one build reads from the posts, worked out once for all weeks:
    posts by week and by day, who each post waits for, returned posts, coming important days
    and legal products not announced yet (these last three do not depend on the week)."""

    by_week: dict[Week, list[Post]]
    by_day: dict[dt.date, list[Post]]
    waits: dict[str, list[TimelineWaiting]]
    returned: list[tuple[Post, list[Note]]]
    coming: list[ComingDay]
    unannounced: list[ProductToAnnounce]


def plan_of(today: dt.date, posts: Sequence[Post], calendar: CalendarData,
            important: Iterable[tuple[dt.date, str]] = (), notes_of: NotesOf | None = None,
            moves: PerPost[Any] | None = None, standings: Standings | None = None) -> Plan:
    """The :class:`Plan` of the meetings seen on ``today`` (``moves``, ``standings``: see
    :func:`kalender.approval.timeline.waiting`)."""
    standings = standings or Standings()
    by_day: dict[dt.date, list[Post]] = {}
    for post in posts:
        by_day.setdefault(post.date, []).append(post)
    notes = notes_of or (lambda post: return_notes(post, calendar.team, standings))
    return Plan(
        by_week=_by_week(posts), by_day=by_day,
        waits=waiting(posts, calendar.team, today, moves, standings),
        returned=[(p, notes(p)) for p in posts  # all: each needs its drafter now
                  if _returned(standings.of(p))],
        coming=coming_days(today, posts, important),
        unannounced=unannounced(calendar.products, posts),
    )


def _returned(standing: Standing) -> bool:
    """Whether a post's effective state is ``revisi``: recorded so and not changed since
    (only then is it worked out whether the content changed: 10,000 posts per build at
    N = 10,000, a handful returned)."""
    return standing.recorded is Status.REVISI and not standing.changed


def build_meeting(week: Week, today: dt.date, posts: Sequence[Post], calendar: CalendarData,
                  overlay: Overlay, important: Iterable[tuple[dt.date, str]] = (),
                  notes_of: NotesOf | None = None, plan: Plan | None = None,
                  queues: bool = True) -> Meeting:
    """The meeting of ``week``: last week, this and next week, queues, gaps, coming days.

    ``plan``: the posts worked out once for many meetings (:func:`plan_of` with the same
    posts, today, important days and notes). ``queues``: False leaves out who waits for
    what (for a meeting that does not show it: see ``kalender.plugin.meeting``)."""
    if plan is None:
        plan = plan_of(today, posts, calendar, important, notes_of)
    meeting = Meeting(week=week, today=today)
    last = plan.by_week.get(week.shifted(-1), [])
    meeting.last_week_planned = last
    meeting.last_week_published = [p for p in last if p.status is Status.DIUNGGAH]
    two_weeks = week.days + week.shifted(1).days
    meeting.days = [(day, list(plan.by_day.get(day, []))) for day in two_weeks]
    end = week.shifted(1).days[-1]  # acts on posts due by the end of next week, overdue too
    if queues:
        meeting.waiting = _steps({member: [w for w in items if w.post.date <= end]
                                  for member, items in plan.waits.items()}, calendar)
    meeting.returned = list(plan.returned)
    meeting.gaps = cadence_gaps((week, week.shifted(1)), posts, calendar, overlay,
                                plan.by_week)
    meeting.balance = dict(Counter(p.category for p in plan.by_week.get(week, [])))
    meeting.coming_days = list(plan.coming)
    meeting.unannounced = list(plan.unannounced)
    return meeting


def _by_week(posts: Iterable[Post]) -> dict[Week, list[Post]]:
    """The posts of each week, in their order; each day's week worked out once (a post's
    ``week`` works it out at every call: 10,000 times per build at N = 10,000)."""
    weeks: dict[Week, list[Post]] = {}
    of_day: dict[dt.date, Week] = {}
    for post in posts:
        day = post.date
        week = of_day.get(day)
        if week is None:
            week = of_day[day] = Week.of(day)
        weeks.setdefault(week, []).append(post)
    return weeks


def waiting_lists(posts: Sequence[Post], calendar: CalendarData,
                  today: dt.date) -> list[Waiting]:
    """For each step of the flow, the posts waiting at it and who may act (Plh. included).

    Built from the approval code's per-member waiting lists
    (:func:`kalender.approval.timeline.waiting`), so the meeting and the "Menunggu" page always
    agree.
    """
    return _steps(waiting(posts, calendar.team, today), calendar)


def _steps(waits: dict[str, list[TimelineWaiting]], calendar: CalendarData) -> list[Waiting]:
    """The per-member waiting lists regrouped by step of the flow, in the flow's order."""
    steps: dict[str, tuple[str, dict[str, Post], dict[str, str]]] = {}
    for member, items in waits.items():
        if not items:
            continue
        name = calendar.team.members[member].name
        for item in items:
            what, at_step, people = steps.setdefault(item.action.value, (item.what, {}, {}))
            at_step[item.post.id] = item.post
            people[member] = name
    order = [a.value for a in FLOW_ACTIONS]
    return [Waiting(action, what, tuple(people.values()),
                    tuple(sorted(at_step.values(), key=lambda p: (p.when, p.id))))
            for action, (what, at_step, people) in sorted(steps.items(),
                                                          key=lambda i: order.index(i[0]))]


def return_notes(post: Post, team: Team, standings: Standings | None = None) -> list[Note]:
    """The reviewer's note of the return the post is in, from its approval records."""
    returned = standing_of(post, standings).history.returned
    if returned is None:
        return []
    member = team.members.get(returned.by)
    return [Note(member.name if member else returned.by, returned.note, returned.at)]


def cadence_keys(calendar: CalendarData) -> dict[str, int]:
    """``{"edukasi": 2, "non-edukasi": 1}``: the weekly minimum per kind of post."""
    cadence = calendar.satker.extra.get("cadence") or {}
    return {str(k): int(v) for k, v in (cadence.get("per_week") or {}).items()}


def matches(post: Post, key: str) -> bool:
    """Does ``post`` count for cadence ``key``: a type, a category, or a type prefix?"""
    return post.type == key or post.category == key or post.type.startswith(f"{key}-")


def cadence_gaps(weeks: Iterable[Week], posts: Sequence[Post], calendar: CalendarData,
                 overlay: Overlay, by_week: dict[Week, list[Post]] | None = None) -> list[Gap]:
    """Working days with nothing planned, and weekly minimums not reached (``by_week``:
    the posts grouped by week, when already known)."""
    cadence = calendar.satker.extra.get("cadence") or {}
    gaps: list[Gap] = []
    for week in weeks:
        in_week = by_week.get(week, []) if by_week is not None else \
            [p for p in posts if p.week == week]
        if cadence.get("every_weekday"):
            for day in week.days:
                if not overlay.is_day_off(day) and not any(p.date == day for p in in_week):
                    gaps.append(Gap(day, week, "weekday", 1, 0))
        for key, wanted in cadence_keys(calendar).items():
            found = sum(1 for p in in_week if matches(p, key))
            if found < wanted:
                gaps.append(Gap(None, week, key, wanted, found))
    return gaps


def coming_days(today: dt.date, posts: Sequence[Post],
                important: Iterable[tuple[dt.date, str]]) -> list[ComingDay]:
    """Important days of the next 21 days, each with the greetings that are for it
    (:func:`kalender.core.important_days.greets`: its ``important_day`` or its date)."""
    end = today + dt.timedelta(days=LOOKAHEAD_DAYS)
    listed = sorted(important)
    days = [ImportantDay(name, day.month, day.day, "") for day, name in listed]
    coming = []
    for (day, name), listed_day in zip(listed, days, strict=True):
        if today <= day <= end:
            greeting = tuple(p for p in posts if p.type == "hari-penting"
                             and greets(listed_day, day, p.date, p.important_day, days))
            coming.append(ComingDay(day, name, greeting))
    return coming


def unannounced(products: Iterable[ProductToAnnounce],
                posts: Iterable[Post]) -> list[ProductToAnnounce]:
    """Legal products of ``produk-hukum.yml`` that no ``pengumuman`` post announces yet."""
    announced = {product_key(p.legal_product.jenis, p.legal_product.nomor, p.legal_product.tahun)
                 for p in posts if p.type == "pengumuman" and p.legal_product is not None}
    return [product for product in products if product.key() not in announced]

