"""The learned layer's verdict on one text (:mod:`kalender.rules.learned`): a caption the
rules let through but whose words the layer reads as a breach, with the category it sees and
the words that weighed most. Given the model, so the product (the model of ``calendar/``) and
the leave-one-corpus-out harness (a model trained without the held-out corpus) read the same
verdict (:mod:`kalender.rules.screendecision`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.problems import Severity
from ..text.partisan import names_a_contestant
from ..text.phrases import words
from .learned import Model
from .learnedfeatures import (
    NOTHING,
    Reading,
    educational,
    features,
    root,
    rules_level,
    sentence_spans,
)
from .lists import ContentLists

SHOWN = 3  # the words named in a finding
PARTISAN = "partisan"
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
                    model: Model) -> Verdict | None:
    """The verdict of ``model`` on ``text``, or None (the rules' ``reading``, after the
    veto, already refuses it, or the layer finds nothing). The office's mandatory hashtags
    are not read (:meth:`kalender.rules.learned.Model.readable`)."""
    text = model.readable(text)
    found = features(text, lists, reading)
    if rules_level(found) is Severity.ERROR:
        return None
    level = model.verdict(found)
    if level is None:
        return _sentence_verdict(text, lists, model, reading if educational(found) else None)
    category, score = model.categories.best(found), model.score(found)
    if category == PARTISAN and _unnamed(text, lists) and score < model.thresholds.error_lesson:
        return None
    return Verdict(level, category, score, _strongest(text, model))


def _unnamed(text: str, lists: ContentLists) -> bool:
    """True when ``text`` names no participant a partisan call would be for: no listed or
    shaped name, no ballot number, no digit at all (*07!*). *Pilih calon yang paling tegas
    menurut penilaianmu sendiri* asks for a choice and leaves it to the reader; there the
    layer's partisan verdict needs the lesson's bar (docs/aturan-isi.md, "Putaran
    screen-k")."""
    if lists.partisan is None or any(c.isdigit() for c in text):
        return False
    return not names_a_contestant(text, lists.partisan)


def _sentence_verdict(text: str, lists: ContentLists, model: Model,
                      lesson: Reading | None) -> Verdict | None:
    """The layer's error on one sentence of a caption: neutral sentences around a breach
    pull the whole caption's score down. The caption's rules found no error (else the layer
    says nothing), and their findings are not weighed, so a sentence is not read by the rules
    again. ``lesson``: the caption reads as a lesson (the rules' reading of it); the lesson
    covers only its own sentences (about the law, or mentioning a listed phrase), not an
    aside after it (*Jawab: ... sesuai PKPU. Namun kalau aparat lambat, usir paksa ...*)."""
    sentences = sentence_spans(text)
    if len(sentences) < 2:  # one sentence: the whole caption's verdict stands
        return None
    for start, end in sentences:
        sentence = text[start:end]
        found = features(sentence, lists, NOTHING)  # the rules' findings weigh nothing
        if lesson is not None and _teaches(found, lesson, start, end):
            continue
        if model.score(found) >= SENTENCE_BAR and len(found) > SENTENCE_FEATURES:
            spans = tuple((a + start, b + start) for a, b in _strongest(sentence, model))
            return Verdict(Severity.ERROR, model.categories.best(found), model.score(found),
                           spans)
    return None


def _teaches(found: frozenset[str], lesson: Reading, start: int, end: int) -> bool:
    """True when the sentence from ``start`` to ``end`` is part of a lesson: a sentence
    about the law, the question it answers, or one where the rules read a listed phrase as
    only mentioned."""
    return educational(found) or "x:question" in found or any(
        m.mentioned and start <= m.start < end for m in lesson.matches)


def _strongest(text: str, model: Model) -> tuple[tuple[int, int], ...]:
    weighed = {(w.start, w.end): model.weights.get(f"w:{root(w)}", 0.0) for w in words(text)}
    ranked = sorted((s for s, weight in weighed.items() if weight > 0),
                    key=lambda s: (-weighed[s], s))
    return tuple(ranked[:SHOWN]) or tuple(sorted(weighed)[:1]) or ((0, 0),)
