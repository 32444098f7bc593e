"""The rules' findings of every post for the site, the rules engine loaded only when a post
is checked.

A build that finds every post's findings kept by an earlier process (a new day, no change:
``findings.pickle`` holds them under each post's inputs) checks no post, so it does not
import :mod:`kalender.rules` (every rule module, the content lists, the learned layer of the
content screen: about 0.18 s CPU, docs/performance.md, branch ``newday2``), nor open the
content lists an earlier process kept for the rules (``lists.pickle``: unpickling them
imports the rules too). :class:`PostChecks` loads both at the first post it checks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..approval.standing import Standings
from ..core.calendar_data import CalendarData
from ..core.loader import Project
from ..core.memo import PerPost
from ..core.model import Post
from ..core.postmemo import DiskMemo, post_key
from ..core.problems import Problem

if TYPE_CHECKING:
    from ..rules import Context


class PostChecks:
    """``check_post`` on the posts of one build; ``first`` runs before the first check
    (it puts the content lists kept by an earlier process where the rules read them)."""

    def __init__(self, calendar: CalendarData, posts: tuple[Post, ...], standings: Standings,
                 first: Callable[[], None] = lambda: None) -> None:
        self.calendar, self.posts, self.standings = calendar, posts, standings
        self.first = first
        self.context: Context | None = None

    def __call__(self, post: Post) -> list[Problem]:
        from ..rules import Context, check_post  # the rules engine only for a post checked

        if self.context is None:
            self.first()
            self.context = Context(self.calendar, self.posts, self.standings)
        return check_post(post, self.context)


def findings_of(project: Project, standings: Standings, memo: PerPost[Any] | None = None,
                disk: DiskMemo[list[Problem]] | None = None,
                keys: dict[str, str] | None = None,
                first: Callable[[], None] = lambda: None) -> dict[str, list[Problem]]:
    """Every rule's findings per post, plus the loader's warnings about the post's file
    (``memo``: the rules' findings of a post object, kept by ``kalender serve``; ``disk``:
    the findings of a post's inputs (``keys``: :func:`~kalender.plugin.postkeys.post_keys`),
    kept by an earlier process; ``first``: see :class:`PostChecks`)."""
    findings: dict[str, list[Problem]] = {}
    checks = PostChecks(project.calendar, tuple(project.posts), standings, first) \
        if project.calendar else None
    by_path: dict[Path, list[Problem]] = {}
    for problem in project.report:
        by_path.setdefault(problem.path, []).append(problem)
    for post in project.posts:
        found = list(by_path.get(post.path, ()))
        if checks is not None:
            check = partial(checks, post)
            if disk is not None:
                key = keys[post.id] if keys else post_key(post, digests=standings.digests)
                check = partial(disk.get, key, check)
            found += memo.get(post, check) if memo is not None else check()
        findings[post.id] = found
    return findings


def warm_rules(project: Project, standings: Standings) -> int:
    """``kalender serve``, after its first build: load the rules engine and what it reads
    the first time a post is checked (the content lists, the learned layer, each platform's
    text measure) by checking one post of each platform, the findings thrown away. The
    first build took every post's findings from ``findings.pickle`` and checked none, so
    the first caption edit paid for all of it (about 0.3 s CPU at N = 1,000, issue 23,
    branch ``serve8``); the caches read their files' times, so an edited list is still read
    again. Returns the number of posts checked."""
    if project.calendar is None:
        return 0
    chosen: dict[str, Post] = {}
    for post in project.posts:
        for target in post.targets:
            chosen.setdefault(target.platform, post)
    checks = PostChecks(project.calendar, tuple(project.posts), standings)
    posts = {post.id: post for post in chosen.values()}
    for post in posts.values():
        checks(post)
    return len(posts)

