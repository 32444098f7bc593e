"""The per-post work a new process keeps for the next one (docs/performance.md, "Proses
baru: kerja sebanding dengan perubahan"): each post's approval standing, calendar view,
planned preview pictures and page-key digests, the compiled content lists and the
half-years' reports, each in a file of the cache under the post's inputs
(:func:`~kalender.core.postmemo.post_key`) inside a generation (``calendar/``, the code,
the templates, the language). None under ``kalender serve``, which keeps the same work in
memory: opening the files at every rebuild would cost it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..approval.keptstandings import keep_standings, remember_standings
from ..approval.keptviews import keep_approvals, remember_approvals
from ..approval.standing import Standings
from ..core.calendar_data import Team
from ..core.loader import Project
from ..core.memo import Memory
from ..core.postmemo import DiskMemo
from ..report.keptreport import DiskReports
from ..site.keptplans import keep_plans, remember_plans
from ..site.keptviews import keep_views, remember_views
from ..site.views import SiteView

STORES = {name: Path("kalender") / f"{name}.pickle"
          for name in ("views", "standings", "postdigests", "plans", "reports",
                       "approvals")}
LISTS_STORE = Path("kalender") / "lists.pickle"  # opened only when a post is checked


class NewProcessStores:
    """The stores of one build (``on``: false under ``kalender serve``: no store).

    Each store is read when a step first asks for it, not all at once: at 10,000 posts
    the views' and the plans' stores alone are some 80 MB of objects, and reading every
    store before the first is let go set the peak memory of a warm build. (The reports'
    store holds each half-year's report as shown, a few MB: report.keptreport.)"""

    def __init__(self, cache: Path, generation: str, keys: dict[str, str], on: bool) -> None:
        self.keys = keys
        self.cache, self.generation, self.on = cache, generation, on
        self.opened: dict[str, DiskMemo[Any] | None] = {}  # None: done with, let go
        self.lists: DiskMemo[Any] | None = None  # opened by remember_lists

    def store(self, name: str) -> DiskMemo[Any] | None:
        """The store ``name``, read now if no step asked for it yet."""
        if not self.on:
            return None
        if name not in self.opened:
            self.opened[name] = DiskMemo(self.cache / STORES[name], self.generation)
        return self.opened[name]

    def remember_standings(self, project: Project, standings: Standings) -> None:
        """Give ``standings`` the kept standing of each post (the reports read them)."""
        remember_standings(self.store("standings"), project.posts, self.keys, standings)

    def remember(self, project: Project, memory: Memory) -> None:
        """Put what the other stores kept where the build asks first."""
        remember_views(self.store("views"), project.posts, self.keys, memory.views,
                       memory.thumbnails)
        remember_plans(self.store("plans"), project.posts, self.keys, memory.plans)
        remember_approvals(self.store("approvals"), project.posts, self.keys, memory.approval,
                           _team(project), _day(memory))

    def remember_lists(self, project: Project) -> None:
        """Put the content lists kept by an earlier process where the rules read them: at
        the first post checked (unpickling them imports the rules engine, which a build
        that checks no post does not need: :mod:`kalender.plugin.postchecks`)."""
        if not self.on or project.calendar is None:
            return
        from ..rules.keptlists import remember_lists  # the rules engine is loaded by now

        self.lists = DiskMemo(self.cache / LISTS_STORE, self.generation)
        remember_lists(self.lists, project.calendar.folder)

    def done_with_plans(self, project: Project, memory: Memory) -> None:
        """Keep the posts' preview plans as soon as the previews are made, then let go of
        them: no later step of a build reads them (about 45 MB at 10,000 posts, otherwise
        held to the end of ``on_files``, where the build peaks). Under ``kalender serve``
        (no store) the plans stay in memory for its next build."""
        store = self.store("plans")
        if store is None:
            return
        keep_plans(store, project.posts, self.keys, memory.plans)
        self.let_go("plans")
        memory.plans.clear()

    def let_go(self, name: str) -> None:
        """Done with the store ``name`` (saved): its values are let go, and no later step
        of this build keeps anything in it again."""
        store = self.opened.get(name)
        if store is not None:
            store.let_go()
        if self.on:
            self.opened[name] = None

    def reports(self) -> DiskReports | None:
        store = self.store("reports")
        return DiskReports(store, self.keys) if store is not None else None

    def digests(self) -> tuple[DiskMemo[Any], dict[str, str]] | None:
        store = self.store("postdigests")
        return (store, self.keys) if store is not None else None

    def keep(self, project: Project, standings: Standings, memory: Memory,
             site: SiteView) -> int:
        """Keep what this build made; how many calendar views it made (-1: no store)."""
        if project.calendar is not None and self.lists is not None:  # a post was checked
            from ..rules.keptlists import keep_lists

            keep_lists(self.lists, project.calendar.folder)
        made = keep_views(self.store("views"), project.posts, self.keys, site.posts,
                          memory.thumbnails)
        keep_plans(self.store("plans"), project.posts, self.keys, memory.plans)
        keep_standings(self.store("standings"), project.posts, self.keys, standings)
        keep_approvals(self.store("approvals"), project.posts, self.keys, memory.approval,
                       _team(project), _day(memory))
        digests = self.store("postdigests")
        if digests is not None:
            digests.save()
        return made


def _team(project: Project) -> Team | None:
    return project.calendar.team if project.calendar is not None else None


def _day(memory: Memory) -> dt.date:
    """The day the build shows (:meth:`Memory.new_day` is told it before the stores)."""
    return dt.date.fromisoformat(memory.day)
