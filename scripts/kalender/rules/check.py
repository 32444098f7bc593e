"""``kalender check``: load everything and run every rule, collecting every problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..core.atomic import leftover_files, target_of
from ..core.i18n import t
from ..core.loader import load_project
from ..core.problems import Problem, Report
from .registry import Context, check_calendar, check_posts


class Checked(NamedTuple):
    """How many post files were looked at, and how many of them could be read as posts."""

    files: int
    posts: int

    def summary(self, errors: int, warnings: int) -> str:
        """``12 pos diperiksa: ...``; when a file could not be read, the files are counted."""
        if self.files == self.posts:
            return t("check.summary", posts=self.posts, errors=errors, warnings=warnings)
        return t("check.summary_unread", files=self.files, unread=self.files - self.posts,
                 errors=errors, warnings=warnings)


def check_project(root: Path, files: Sequence[Path] | None = None
                  ) -> tuple[list[Problem], Checked]:
    """All problems of the calendar data and the posts (all, or ``files``), and the counts."""
    project = load_project(root, files)
    problems = list(project.report)
    problems.extend(leftover_problems(project.root))
    if project.calendar is not None:
        context = Context(project.calendar, tuple(project.posts))
        problems.extend(check_calendar(context))
        problems.extend(check_posts(project.posts, context))
    return problems, Checked(project.files, len(project.posts))


def leftover_problems(root: Path) -> list[Problem]:
    """A warning for each temporary file an interrupted write left (kill -9, power cut)."""
    report = Report()
    for left in leftover_files(root):
        report.warning(left, None, "atomic.leftover", name=target_of(left))
    return list(report)
