"""Problems found in the user's files: each names the file and the line in that file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from .i18n import t


class Severity(StrEnum):
    """How bad a problem is: an error stops the run, a warning is for a human to judge."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one line, in the user's language."""

    path: Path
    line: int | None
    severity: Severity
    code: str
    message: str
    post_id: str | None = None
    platform: str | None = None

    def where(self, root: Path | None = None) -> str:
        """``posts/2026/12/x.md:7``: the file (relative to root) and the line."""
        shown = _relative(self.path, root)
        return f"{shown}:{self.line}" if self.line else shown

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


@dataclass
class Report:
    """Collects every problem of a run, so all are shown before the run fails."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        severity: Severity,
        path: Path,
        line: int | None,
        key: str,
        /,
        **params: Any,
    ) -> Problem:
        """Record a problem whose message is catalog entry ``key``."""
        problem = Problem(path, line, severity, key, t(key, **params))
        self.problems.append(problem)
        return problem

    def error(self, path: Path, line: int | None, key: str, /, **params: Any) -> Problem:
        return self.add(Severity.ERROR, path, line, key, **params)

    def warning(self, path: Path, line: int | None, key: str, /, **params: Any) -> Problem:
        return self.add(Severity.WARNING, path, line, key, **params)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def for_post(self, post_id: str) -> list[Problem]:
        return [p for p in self.problems if p.post_id == post_id]


def report_lines(report: Iterable[Problem], root: Path) -> list[str]:
    """Problems grouped by file, errors before warnings, as every channel shows them:

        posts/2026/12/2026-12-09-a.md
          galat (baris 4): ...

    The one printer of findings: the command line prints these lines, a refused command
    carries them in its error (:meth:`kalender.core.errors.KalenderError.with_details`), the
    site plugin logs them (:func:`report_blocks`, a block per file), the review server sends
    each finding's :func:`finding_line` beside its structured fields.
    """
    return [line for block in report_blocks(report, root) for line in block]


def report_blocks(report: Iterable[Problem], root: Path) -> list[list[str]]:
    """The lines of :func:`report_lines`, a list per file (its name, then its findings)."""
    problems = list(dict.fromkeys(report))  # a shared caption's finding once, not per platform
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.where(root).split(":")[0], []).append(problem)
    return [[shown] + [f"  {finding_line(p)}" for p in sorted(
                items, key=lambda p: (not p.is_error, p.line or 0))]
            for shown, items in sorted(by_file.items())]


def finding_line(problem: Problem) -> str:
    """``galat (baris 4): ...``: one finding, worded as in every channel (without its file)."""
    label = t("check.error") if problem.is_error else t("check.warning")
    line = t("check.line", line=problem.line) if problem.line else ""
    return f"{label}{line}: {problem.message}"


def problem_counts(report: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings) of ``report``, each finding once."""
    problems = list(dict.fromkeys(report))
    errors = sum(1 for p in problems if p.is_error)
    return errors, len(problems) - errors
