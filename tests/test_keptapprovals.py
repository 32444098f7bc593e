"""The approval views kept on disk (approval.keptviews) are keyed by the post's inputs and by
who holds which role on the day: the same on two days with the same people in their roles,
another when a Plh. starts (the next move then names him)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kalender.approval.keptviews import keep_approvals, remember_approvals, roles_on
from kalender.approval.timeline import view_of
from kalender.core.loader import load_project
from kalender.core.memo import PerPost
from kalender.core.postmemo import DiskMemo, post_key

ROOT = Path(__file__).resolve().parent.parent
PLH_FROM = dt.date(2026, 12, 21)  # calendar/tim.yml: bayu is Plh. Kasubbag from this day


def test_the_roles_of_a_day_change_only_with_a_plh() -> None:
    calendar = load_project(ROOT).calendar
    assert calendar is not None
    team = calendar.team
    assert roles_on(team, dt.date(2026, 12, 2)) == roles_on(team, dt.date(2026, 12, 3))
    assert roles_on(team, PLH_FROM) != roles_on(team, PLH_FROM - dt.timedelta(days=1))


def test_a_new_process_takes_the_views_it_kept_for_the_same_roles(tmp_path: Path) -> None:
    project = load_project(ROOT)
    assert project.posts and project.calendar is not None
    team = project.calendar.team
    keys = {p.id: post_key(p) for p in project.posts}
    store = tmp_path / "approvals.pickle"
    day = dt.date(2026, 12, 2)
    made: PerPost[object] = PerPost()
    views = {p.id: view_of(p, team, day, made) for p in project.posts}
    keep_approvals(DiskMemo(store, "g"), project.posts, keys, made, team, day)
    for later, same in ((dt.date(2026, 12, 3), True), (PLH_FROM, False)):
        kept: PerPost[object] = PerPost()
        remember_approvals(DiskMemo(store, "g"), project.posts, keys, kept, team, later)
        found = {p.id: kept.get(p, lambda: None) for p in project.posts}
        if same:
            assert found == views
        else:
            assert set(found.values()) == {None}
            assert any(view_of(p, team, later) != views[p.id] for p in project.posts)
