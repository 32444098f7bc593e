"""The learned layer's finding on a post (rule ``content.learned``, SOP D): a caption the
rules let through but whose words the layer (:mod:`kalender.rules.learned`) reads as a
breach. It names the category the layer sees, its SOP clause and law, the words that weighed
most, and what to write instead, from the message catalog. Nothing is reported where the
rules already report an error, nor when ``calendar/terlarang/dipelajari/bobot.json`` is absent
or ``active: false``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..core.i18n import t
from ..core.model import Post
from ..core.problems import Problem, Severity
from .learned import SOP, load_model
from .learnedverdict import Verdict
from .personal import official_contacts
from .registry import Context, Finding, rule
from .screendecision import text_decision
from .wording import line_in_text, wordings

RULE = "content.learned"


@rule(RULE, Severity.ERROR)
def learned(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """The layer's verdict on each platform's caption."""
    folder = context.calendar.folder
    if load_model(folder) is None:
        return
    official = official_contacts(context)
    for wording in wordings(post, context):
        said = text_decision(wording.text, folder, official).learned
        if said is not None:
            problem = finding(wording.caption_key, RULE, for_platform=wording.platform,
                              severity=said.severity, where=wording.where,
                              **describe(said, wording.text))
            yield replace(problem, line=line_in_text(post, wording, said.spans[0][0]))


def describe(said: Verdict, text: str) -> dict[str, str]:
    """The words of a finding: category, SOP clause, law, advice, score and words."""
    category = said.category
    return {"label": t(f"learned.{category}"), "sop": SOP[category],
            "dasar": t(f"learned.{category}_dasar"), "advice": t(f"learned.{category}_advice"),
            "score": f"{100 * said.score:.0f}", "found": _quoted(text, said.spans)}


def _quoted(text: str, spans: Iterable[tuple[int, int]]) -> str:
    return ", ".join(f"“{text[start:end]}”" for start, end in sorted(spans))
