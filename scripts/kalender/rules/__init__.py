"""One rules engine: every check on a loaded post, shared by ``kalender check``, the
previews and the export (the registry: :mod:`kalender.rules.registry`). Importing this
package registers every rule module below.
"""

from . import (  # noqa: F401  (each registers its rules)
    accounts,
    approval,
    care,
    content,
    days,
    learnedrule,  # the learned layer of the SOP D screen
    lists,
    media,
    personal,  # personal data (SOP D.4)
    platform,
    schedule,
    signatures,  # signed records and the hash chain
    sources,
    tagging,
    text,
)
from .registry import (
    PROJECT_REGISTRY,
    REGISTRY,
    Context,
    Finding,
    ProjectCheck,
    ProjectRule,
    Rule,
    RuleCheck,
    check_calendar,
    check_post,
    check_posts,
    project_finding,
    project_rule,
    rule,
)

__all__ = [
    "Context",
    "Finding",
    "PROJECT_REGISTRY",
    "ProjectCheck",
    "ProjectRule",
    "REGISTRY",
    "Rule",
    "RuleCheck",
    "check_calendar",
    "check_post",
    "check_posts",
    "project_finding",
    "project_rule",
    "rule",
]
