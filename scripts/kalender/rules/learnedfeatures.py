"""What the learned layer of the SOP D screen reads in a caption (:mod:`kalender.rules.learned`):
the caption's words as the screen reads them, and what the screen's rules already saw.

- ``w:ROOT``: each word, normalised like the lists' words (case, styled letters, repeated
  letters, leetspeak: :func:`kalender.text.phrases.words`) and stemmed by PySastrawi
  (``dipukuli`` -> ``w:pukul``); a number is ``w:#``;
- ``b:ROOT ROOT``: each pair of neighbouring words, so ``w:bom`` alone and ``b:bom bunuh``
  weigh differently;
- ``r:CATEGORY:LEVEL``: a phrase or stance of a list the rules report (``error``,
  ``warning``), ``r:blocked:error`` one of a blocked entry, ``r:CATEGORY:mention`` one a
  lesson only mentions (negated, in a sentence about the law, quoted), ``r:partisan`` a
  partisan call reported, ``r:data-pribadi`` personal data;
- ``x:legal`` a sentence about the law or a cited legal product, ``x:negation`` a negator of
  the lesson list (``jangan``, ``dilarang``, ``tolak``), ``x:question`` a question mark;
  ``x:pihak``, ``x:pihak-nilai``, ``x:pihak-ajak`` a participant pointed at by number, colour
  or name, with an evaluative or a calling word (:mod:`kalender.rules.learnedcues`).

Every feature is present or absent (counted once per caption). The regression weighs the
words and the structure only (``LEARNED``): the rules' findings were written on the same
corpora it learns from, so a weight on them would learn the rules' past, not the writers'
words; they decide only whether a caption reads as a lesson (:func:`educational`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..core.problems import Severity
from ..text.education import legal_sentences
from ..text.partisan import PartisanHit
from ..text.personal_data import PersonalData, find_personal_data
from ..text.phrases import SENTENCE_END, Match, Word, sentences, words
from ..text.wordforms import sastrawi_stem
from .content import _reported, _severity, forbidden_matches, partisan_hits
from .learnedcues import participant_cues
from .lists import ContentLists

NUMBER = "#"
LEGAL = "x:legal"
NEGATION = "x:negation"
MENTION = ":mention"
BLOCKED = "r:blocked:error"  # a phrase of a blocked entry (never vetoed: learnedveto)
LEARNED = ("w:", "b:", "x:")  # the features the regression weighs


@dataclass(frozen=True)
class Reading:
    """What the screen's rules found in one caption, kept so the learned layer reads it
    without running them again."""

    matches: tuple[Match, ...]
    partisan: tuple[PartisanHit, ...]  # partisan calls reported
    personal: tuple[PersonalData, ...]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The start and end of each sentence of ``text`` (ended as :data:`SENTENCE_END` says)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    return list(zip([0, *ends], [*ends, len(text)], strict=False))


NOTHING = Reading((), (), ())  # no finding of the rules


def read_caption(text: str, lists: ContentLists, official: Iterable[str] = ()) -> Reading:
    """The rules' findings on ``text`` (``official``: the office's own numbers and addresses)."""
    return Reading(tuple(forbidden_matches(text, lists)), tuple(partisan_hits(text, lists)),
                   tuple(find_personal_data(text, official)))


def features(text: str, lists: ContentLists, reading: Reading) -> frozenset[str]:
    """The features of ``text`` (see the module), the rules' ``reading`` of it included."""
    text_words = words(text)
    roots = [root(w) for w in text_words]
    found = {f"w:{r}" for r in roots}
    found |= {f"b:{a} {b}" for a, b in zip(roots, roots[1:], strict=False)}
    found |= _rule_features(reading)
    found |= _structure(text, text_words, lists)
    return frozenset(found)


def educational(found: frozenset[str]) -> bool:
    """True when the caption has the structure of a lesson: a sentence about the law, or a
    listed phrase the rules read as only mentioned (negated, quoted, refuted). A negator
    alone is not one: *jangan pilih Y* is a call."""
    return LEGAL in found or any(f.endswith(MENTION) for f in found)


def rules_level(found: frozenset[str]) -> Severity | None:
    """The highest level the rules gave a caption, read from its features."""
    if "r:partisan" in found or "r:data-pribadi" in found or any(
            f.endswith(":error") for f in found):
        return Severity.ERROR
    return Severity.WARNING if any(f.endswith(":warning") for f in found) else None


def root(word: Word) -> str:
    """The form a word is weighed in: its PySastrawi root, ``#`` for a number."""
    if not word.norm.isalpha():
        return NUMBER if word.norm.isdigit() else word.norm
    return sastrawi_stem(word.norm)


def _rule_features(reading: Reading) -> set[str]:
    found = {f"r:{m.phrase.category}:{_level(m)}" for m in reading.matches}
    if any(m.phrase.blocked and _reported(m) for m in reading.matches):
        found.add(BLOCKED)
    if reading.partisan:
        found.add("r:partisan")
    if reading.personal:
        found.add("r:data-pribadi")
    return found


def _level(match: Match) -> str:
    return _severity(match).value if _reported(match) else MENTION[1:]


def _structure(text: str, text_words: Sequence[Word], lists: ContentLists) -> set[str]:
    found = set()
    if legal_sentences(text, text_words, sentences(text, text_words), lists.lesson):
        found.add(LEGAL)
    negators = lists.lesson.negators | lists.lesson.close_negators
    if any(w.norm in negators for w in text_words):
        found.add(NEGATION)
    if "?" in text:
        found.add("x:question")
    return found | participant_cues(text, text_words, lists.partisan)
