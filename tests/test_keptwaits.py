"""Who each post waits for, kept on disk (approval.keptwaits): a new process on the same day
takes the waiting lists it kept, equal to the lists made again; another day, another post
(its inputs changed) or another generation asks the post again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kalender.approval.keptwaits import keep_waits, remember_waits
from kalender.approval.timeline import waiting
from kalender.core.loader import Project, load_project
from kalender.core.memo import PerPost
from kalender.core.postmemo import DiskMemo, post_key

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 12, 2)


def lists(project: Project, day: dt.date, waits: PerPost[object] | None = None
          ) -> dict[str, list[object]]:
    assert project.calendar is not None
    return waiting(project.posts, project.calendar.team, day, waits)  # type: ignore[arg-type]


def kept_in(store: Path, project: Project, keys: dict[str, str], day: dt.date,
            generation: str = "g") -> PerPost[object]:
    waits: PerPost[object] = PerPost()
    remember_waits(DiskMemo(store, generation), project.posts, keys, waits, day)
    return waits


def test_a_new_process_takes_the_waiting_lists_it_kept(tmp_path: Path) -> None:
    project = load_project(ROOT)
    keys = {p.id: post_key(p) for p in project.posts}
    store = tmp_path / "waits.pickle"
    made: PerPost[object] = PerPost()
    fresh = lists(project, DAY, made)
    assert sum(len(items) for items in fresh.values()) > 5
    keep_waits(DiskMemo(store, "g"), project.posts, keys, made, DAY)
    kept = kept_in(store, project, keys, DAY)
    assert all(kept.get(p, lambda: None) is not None for p in project.posts)
    assert lists(project, DAY, kept) == fresh


def test_another_day_post_or_generation_asks_each_post_again(tmp_path: Path) -> None:
    project = load_project(ROOT)
    keys = {p.id: post_key(p) for p in project.posts}
    store = tmp_path / "waits.pickle"
    made: PerPost[object] = PerPost()
    lists(project, DAY, made)
    keep_waits(DiskMemo(store, "g"), project.posts, keys, made, DAY)
    later = DAY + dt.timedelta(days=1)
    for waits in (kept_in(store, project, keys, later),
                  kept_in(store, project, keys, DAY, generation="other")):
        assert {waits.get(p, lambda: None) is None for p in project.posts} == {True}
    edited = project.posts[0].id
    changed = kept_in(store, project, {**keys, edited: "changed inputs"}, DAY)
    assert [p.id for p in project.posts if changed.get(p, lambda: None) is None] == [edited]
