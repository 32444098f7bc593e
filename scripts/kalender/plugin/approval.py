"""The approval's part of the mkdocs plugin: the timeline and comments of each post page, and
the "Menunggu" page. The views are built by :mod:`kalender.approval.timeline`; the templates are
``overrides/partials/kalender/approval.html`` (post page), the thread inside each platform
preview (``previews.html``, :mod:`kalender.site.preview_html`) and
``overrides/kalender/menunggu.html``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..approval.machine import FLOW_ACTIONS, Action, role_name
from ..approval.standing import Standings
from ..approval.timeline import ApprovalView, CommentView, Waiting, view_of, waiting
from ..core.calendar_data import CalendarData
from ..core.dates import full_date
from ..core.i18n import t
from ..core.memo import Memory
from ..core.model import Post
from ..core.quickstate import quick_state
from .keptwaiting import KeptBy

WAITING_PAGE = "menunggu/index.md"


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class WaitingItem:
    """One post waiting for one member: which post, and what they are to do."""

    post_id: str
    what: str
    platforms: tuple[str, ...] = ()
    action: Action = Action.SUBMIT


@dataclass(frozen=True)
class MemberWaiting:
    """A member of the team and the posts waiting for them."""

    member: str
    name: str
    role: str
    items: tuple[WaitingItem, ...]

    @property
    def groups(self) -> list[tuple[str, list[WaitingItem]]]:
        """The items grouped by what is to be done, in the order they first appear."""
        grouped: dict[str, list[WaitingItem]] = {}
        for item in self.items:
            grouped.setdefault(item.what, []).append(item)
        return list(grouped.items())


@quick_state
@dataclass(frozen=True, slots=True)  # one or more per post: no __dict__ each
class HeldPost:
    """One post waiting at one step, and the team members who hold it (whose move it is)."""

    post_id: str
    holders: tuple[str, ...]

    @property
    def holders_text(self) -> str:
        return ", ".join(self.holders)


@dataclass(frozen=True)
class StepWaiting:
    """One step of the SOP and every post waiting at it, each post once."""

    action: str
    what: str
    items: tuple[HeldPost, ...]

    @property
    def anchor(self) -> str:
        return f"langkah-{self.action}"

    @property
    def holders_text(self) -> str:
        """Everyone who holds a post at this step, each once."""
        return ", ".join(dict.fromkeys(h for item in self.items for h in item.holders))


@dataclass
class ApprovalSite:
    """The approval views of every post, and who each post waits for."""

    today: dt.date
    views: dict[str, ApprovalView] = field(default_factory=dict)
    members: tuple[MemberWaiting, ...] = ()
    steps: tuple[StepWaiting, ...] = ()

    def of(self, post_id: str) -> ApprovalView | None:
        """The approval view of a post (templates: ``approval.of(view.entry.id)``)."""
        return self.views.get(post_id)

    def thread(self, post_id: str, platform: str) -> list[CommentView]:
        """The comments on one platform of a post."""
        view = self.views.get(post_id)
        return view.comments_on(platform) if view else []

    @property
    def title(self) -> str:
        return t("approval.site.waiting_title")

    @property
    def today_label(self) -> str:
        return full_date(self.today)

    @property
    def total(self) -> int:
        """How many posts wait for someone (each post once, however many may act)."""
        return sum(len(s.items) for s in self.steps)


def waiting_key(site: ApprovalSite) -> tuple[object, ...]:
    """What the waiting page shows of ``site`` (its day, and every field of every member
    and item), as plain values for the page's key: walking and pickling the dataclasses of
    some 2,000 items was most of that key (about 12 ms at N = 1,000), at every build."""
    KEYS.start()
    return (site.today, tuple(
        (m.member, m.name, m.role, tuple(KEYS.of(i) for i in m.items))
        for m in site.members))


def _item(move: Waiting) -> WaitingItem:
    return WaitingItem(move.post.id, move.what, move.platforms, move.action)


def _item_key(item: WaitingItem) -> tuple[object, ...]:
    return (item.post_id, item.what, item.platforms, item.action.value)


# The items of the page and their parts of its key, by their move's object (keptwaiting)
ITEMS: KeptBy[Waiting, WaitingItem] = KeptBy(_item)
KEYS: KeptBy[WaitingItem, tuple[object, ...]] = KeptBy(_item_key)


def build_approval_site(posts: Sequence[Post], calendar: CalendarData, today: dt.date,
                        memory: Memory | None = None,
                        standings: Standings | None = None) -> ApprovalSite:
    """Every post's approval view, and the waiting lists, as of ``today``."""
    team = calendar.team
    views, moves = (memory.approval, memory.moves) if memory is not None else (None, None)
    standings = standings or Standings()
    site = ApprovalSite(today, {p.id: view_of(p, team, today, views, standings)
                                for p in posts})
    ITEMS.start()
    site.members = tuple(
        MemberWaiting(member, team.members[member].name, role_name(team.members[member].role),
                      tuple(ITEMS.of(w) for w in items))
        for member, items in waiting(posts, team, today, moves, standings).items()
    )
    site.steps = steps_waiting(site.members)
    return site


def steps_waiting(members: Sequence[MemberWaiting]) -> tuple[StepWaiting, ...]:
    """The waiting lists per step (SOP order), each post once with every member who holds it."""
    holders: dict[str, list[str]] = {}
    where: dict[str, tuple[Action, str]] = {}
    for member in members:
        for item in member.items:
            holders.setdefault(item.post_id, []).append(member.name)
            earlier = where.get(item.post_id)
            if earlier is None or _step_index(item.action) < _step_index(earlier[0]):
                where[item.post_id] = (item.action, item.what)
    by_step: dict[tuple[Action, str], list[HeldPost]] = {}
    for post_id, step in where.items():
        by_step.setdefault(step, []).append(HeldPost(post_id, tuple(holders[post_id])))
    order = sorted(by_step, key=lambda step: _step_index(step[0]))
    return tuple(StepWaiting(action.value, what, tuple(by_step[(action, what)]))
                 for action, what in order)


def add_approval(posts: Sequence[Post], calendar: CalendarData | None, files: Files,
                 config: MkDocsConfig, today: dt.date, memory: Memory | None = None,
                 standings: Standings | None = None) -> ApprovalSite | None:
    """Build the approval views and add the "Menunggu" page to ``files``."""
    if calendar is None:
        return None
    site = build_approval_site(posts, calendar, today, memory, standings)
    if files.get_file_from_path(WAITING_PAGE) is None:
        files.append(File.generated(config, WAITING_PAGE, content=waiting_page_source()))
    return site


def waiting_page_source() -> str:
    """The Markdown page "Menunggu": front matter naming its template."""
    meta = {"title": t("approval.site.waiting_title"), "template": "kalender/menunggu.html",
            "hide": ["navigation", "toc"], "search": {"exclude": True}}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n"


def _step_index(action: Action) -> int:
    return FLOW_ACTIONS.index(action) if action in FLOW_ACTIONS else len(FLOW_ACTIONS)
