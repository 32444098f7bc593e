"""The registry of rules: a rule has an id, a severity and catalog messages; it yields
:class:`~kalender.core.problems.Problem` objects that name the post's file and line. The
rule modules register here when :mod:`kalender.rules` is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..approval.standing import Standings
from ..core.i18n import t
from ..core.problems import Problem, Severity

if TYPE_CHECKING:
    from ..core.calendar_data import CalendarData
    from ..core.model import Post


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the post: the calendar data, all posts, and the posts'
    approval standing (read once per post object)."""

    calendar: CalendarData
    posts: tuple[Post, ...] = ()
    standings: Standings = field(default_factory=Standings)


class Finding:
    """Helper handed to a rule to build its problems for one post."""

    def __init__(self, rule: Rule, post: Post) -> None:
        self.rule, self.post = rule, post

    def __call__(self, key: tuple[str | int, ...], message: str, /, *,
                 for_platform: str | None = None, severity: Severity | None = None,
                 **params: Any) -> Problem:
        return Problem(
            path=self.post.path, line=self.post.line(*key),
            severity=severity or self.rule.severity, code=self.rule.id,
            message=t(message, **params), post_id=self.post.id, platform=for_platform,
        )


RuleCheck = Callable[["Post", Context, Finding], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A named check on one post."""

    id: str
    severity: Severity
    check: RuleCheck


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity = Severity.ERROR) -> Callable[[RuleCheck], RuleCheck]:
    """Register ``check`` as the rule ``rule_id`` (decorator)."""

    def register(check: RuleCheck) -> RuleCheck:
        if rule_id in REGISTRY:
            raise RuntimeError(f"rule {rule_id!r} registered twice")
        REGISTRY[rule_id] = Rule(rule_id, severity, check)
        return check

    return register


ProjectCheck = Callable[[Context], Iterable[Problem]]


@dataclass(frozen=True)
class ProjectRule:
    """A named check on the calendar data as a whole (accounts, banner, shared lists)."""

    id: str
    severity: Severity
    check: ProjectCheck


PROJECT_REGISTRY: dict[str, ProjectRule] = {}


def project_rule(rule_id: str, severity: Severity = Severity.ERROR
                 ) -> Callable[[ProjectCheck], ProjectCheck]:
    """Register ``check`` as the project-level rule ``rule_id`` (decorator).

    The check gets the :class:`Context` and yields problems that name a file of
    ``calendar/`` and its line (build them with :func:`project_finding`).
    """

    def register(check: ProjectCheck) -> ProjectCheck:
        if rule_id in PROJECT_REGISTRY or rule_id in REGISTRY:
            raise RuntimeError(f"rule {rule_id!r} registered twice")
        PROJECT_REGISTRY[rule_id] = ProjectRule(rule_id, severity, check)
        return check

    return register


def project_finding(rule_id: str, path: Path, line: int | None, message: str, /, *,
                    severity: Severity | None = None, **params: Any) -> Problem:
    """A problem of project rule ``rule_id`` in the calendar file ``path``."""
    registered = PROJECT_REGISTRY[rule_id]
    return Problem(path=path, line=line, severity=severity or registered.severity,
                   code=rule_id, message=t(message, **params))


def check_calendar(context: Context) -> list[Problem]:
    """Every finding of every project-level rule on the calendar data."""
    return [p for r in PROJECT_REGISTRY.values() for p in r.check(context)]


def check_post(post: Post, context: Context) -> list[Problem]:
    """Every finding of every rule on ``post``."""
    return [p for r in REGISTRY.values() for p in r.check(post, context, Finding(r, post))]


def check_posts(posts: Iterable[Post], context: Context) -> Iterator[Problem]:
    for post in posts:
        yield from check_post(post, context)
