"""loader.post_files_of_days: a one-week command (export, approval sheet) reads only the post
files named for that week, and still sees every post of the week."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from kalender.core.loader import load_project, post_files_of_days
from kalender.core.model import Week

SAMPLE_POSTS = Path(__file__).resolve().parents[1] / "posts"


def test_only_the_files_named_for_the_days_are_read(repo: Path) -> None:
    shutil.rmtree(repo / "posts")
    shutil.copytree(SAMPLE_POSTS, repo / "posts")
    week = Week.of(dt.date(2026, 12, 2))
    everything = load_project(repo)
    named = post_files_of_days(repo, week.days)
    assert named, "the sample repository has posts in 2026-W49"
    assert all(p.name[:10] in {d.isoformat() for d in week.days} for p in named)
    of_week = sorted(p.id for p in everything.posts if p.week == week)
    assert sorted(p.id for p in load_project(repo, named).posts) == of_week
