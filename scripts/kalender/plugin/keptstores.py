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
    """The stores of one build (``on``: false under ``kalender serve``: no store)."""

    def __init__(self, cache: Path, generation: str, keys: dict[str, str], on: bool) -> None:
        self.keys = keys
        self.stores: dict[str, DiskMemo[Any] | None] = {
            name: DiskMemo(cache / path, generation) if on else None
            for name, path in STORES.items()}
        self.lists_at = (cache / LISTS_STORE, generation) if on else None
        self.lists: DiskMemo[Any] | None = None  # opened by remember_lists

    def remember(self, project: Project, standings: Standings, memory: Memory) -> None:
        """Put what the stores kept where the build asks first."""
        remember_standings(self.stores["standings"], project.posts, self.keys, standings)
        remember_views(self.stores["views"], project.posts, self.keys, memory.views,
                       memory.thumbnails)
        remember_plans(self.stores["plans"], project.posts, self.keys, memory.plans)
        remember_approvals(self.stores["approvals"], project.posts, self.keys, memory.approval,
                           _team(project), _day(memory))

    def remember_lists(self, project: Project) -> None:
        """Put the content lists kept by an earlier process where the rules read them: at
        the first post checked (unpickling them imports the rules engine, which a build
        that checks no post does not need: :mod:`kalender.plugin.postchecks`)."""
        if self.lists_at is None or project.calendar is None:
            return
        from ..rules.keptlists import remember_lists  # the rules engine is loaded by now

        self.lists = DiskMemo(*self.lists_at)
        remember_lists(self.lists, project.calendar.folder)

    def reports(self) -> DiskReports | None:
        store = self.stores["reports"]
        return DiskReports(store, self.keys) if store is not None else None

    def digests(self) -> tuple[DiskMemo[Any], dict[str, str]] | None:
        store = self.stores["postdigests"]
        return (store, self.keys) if store is not None else None

    def keep(self, project: Project, standings: Standings, memory: Memory,
             site: SiteView) -> int:
        """Keep what this build made; how many calendar views it made (-1: no store)."""
        if project.calendar is not None and self.lists is not None:  # a post was checked
            from ..rules.keptlists import keep_lists

            keep_lists(self.lists, project.calendar.folder)
        made = keep_views(self.stores["views"], project.posts, self.keys, site.posts,
                          memory.thumbnails)
        keep_plans(self.stores["plans"], project.posts, self.keys, memory.plans)
        keep_standings(self.stores["standings"], project.posts, self.keys, standings)
        keep_approvals(self.stores["approvals"], project.posts, self.keys, memory.approval,
                       _team(project), _day(memory))
        digests = self.stores["postdigests"]
        if digests is not None:
            digests.save()
        return made


def _team(project: Project) -> Team | None:
    return project.calendar.team if project.calendar is not None else None


def _day(memory: Memory) -> dt.date:
    """The day the build shows (:meth:`Memory.new_day` is told it before the stores)."""
    return dt.date.fromisoformat(memory.day)
