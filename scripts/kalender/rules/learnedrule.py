"""The learned layer's finding on a post (rule ``content.learned``, SOP D): a caption the
rules let through but whose words the layer (:mod:`kalender.rules.learned`) reads as a
breach. It names the category the layer sees, its SOP clause and law, the words that weighed
most, and what to write instead, from the message catalog. Nothing is reported where the
rules already report an error, nor when ``calendar/terlarang/dipelajari/bobot.json`` is absent
or ``active: false``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.i18n import t
from ..core.model import Post
from ..core.problems import Problem, Severity
from ..text.phrases import words
from .learned import SOP, Model, load_model
from .learnedfeatures import (
    NOTHING,
    Reading,
    educational,
    features,
    read_caption,
    root,
    rules_level,
    sentence_spans,
)
from .lists import ContentLists, content_lists
from .personal import official_contacts
from .registry import Context, Finding, rule
from .wording import line_in_text, wordings

RULE = "content.learned"
SHOWN = 3  # the words named in a finding
# One sentence of a caption that is not a lesson as a whole is an error on its own from this
# score, when it has more than SENTENCE_FEATURES features (docs/aturan-isi.md, "Kalimat
# yang diapit").
SENTENCE_BAR = 0.995
SENTENCE_FEATURES = 12


@dataclass(frozen=True)
class Verdict:
    """What the layer says of one text: level, category, score and the words that weighed
    most (their spans in the text, strongest first)."""

    severity: Severity
    category: str
    score: float
    spans: tuple[tuple[int, int], ...]


def learned_verdict(text: str, lists: ContentLists, reading: Reading,
                    calendar_folder: Path) -> Verdict | None:
    """The layer's verdict on ``text``, or None (no model, the rules already refuse it, or
    the layer finds nothing)."""
    model = load_model(calendar_folder)
    if model is None:
        return None
    found = features(text, lists, reading)
    if rules_level(found) is Severity.ERROR:
        return None
    level = model.verdict(found)
    if level is None and not educational(found):
        return _sentence_verdict(text, lists, model)
    if level is None:
        return None
    return Verdict(level, model.categories.best(found), model.score(found),
                   _strongest(text, model))


def _sentence_verdict(text: str, lists: ContentLists, model: Model) -> Verdict | None:
    """The layer's error on one sentence of a caption that is not a lesson as a whole:
    neutral sentences around a breach pull the whole caption's score down. The caption's
    rules found no error (else the layer says nothing), and their findings are not weighed,
    so a sentence is not read by the rules again."""
    sentences = sentence_spans(text)
    if len(sentences) < 2:  # one sentence: the whole caption's verdict stands
        return None
    for start, end in sentences:
        sentence = text[start:end]
        found = features(sentence, lists, NOTHING)  # the rules' findings weigh nothing
        if model.score(found) >= SENTENCE_BAR and len(found) > SENTENCE_FEATURES:
            spans = tuple((a + start, b + start) for a, b in _strongest(sentence, model))
            return Verdict(Severity.ERROR, model.categories.best(found), model.score(found),
                           spans)
    return None


def _strongest(text: str, model: Model) -> tuple[tuple[int, int], ...]:
    weighed = {(w.start, w.end): model.weights.get(f"w:{root(w)}", 0.0) for w in words(text)}
    ranked = sorted((s for s, weight in weighed.items() if weight > 0),
                    key=lambda s: (-weighed[s], s))
    return tuple(ranked[:SHOWN]) or tuple(sorted(weighed)[:1]) or ((0, 0),)


@rule(RULE, Severity.ERROR)
def learned(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """The layer's verdict on each platform's caption."""
    folder = context.calendar.folder
    if load_model(folder) is None:
        return
    lists, official = content_lists(folder), official_contacts(context)
    for wording in wordings(post, context):
        said = learned_verdict(wording.text, lists, read_caption(wording.text, lists, official),
                               folder)
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
