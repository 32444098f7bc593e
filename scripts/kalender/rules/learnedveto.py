"""The learned layer's veto on the word rules of the SOP D screen (round screen-i).

A listed phrase (``content.forbidden``) or a partisan call (``content.partisan``) in a text
whose words the learned layer (:mod:`kalender.rules.learned`) scores below
``thresholds.veto`` is not reported: the lists' words are there, but the caption around them
reads like the clean captions of every corpus (a staff tug-of-war that "slaughtered" the other
team, a quiz on what *serangan fajar* means, a masked NIK shown as an example). Measured
leave-one-corpus-out on ``konten-buta-6.yml`` and ``-7``, which no round of the rules was
tuned on (docs/aturan-isi.md, "Putaran screen-i"). Personal data (a 16-digit NIK, a phone
number) is never vetoed: it is a fact of the text, not a reading of its words; nor is a
phrase of a ``blocked`` entry (a slur is refused even quoted).

The score is the layer's own (words, word pairs and structure): what the rules found is not
one of its weighed features, so the veto does not need them. A finding is vetoed only when the
whole text scores below ``thresholds.veto`` AND the finding's own sentence scores below
``PASSAGE_BAR`` (reads more clean than breach): neutral sentences added around a breach
("Rapat pleno digelar Senin ...") pull the whole text's score down, not the sentence's. Even
one neighbouring sentence in the passage let a padded breach through, so the passage is the
sentence alone (docs/aturan-isi.md, "Veto per kalimat").
"""

from __future__ import annotations

from pathlib import Path

from .learned import Model, load_model
from .learnedfeatures import NOTHING, features, sentence_spans
from .lists import ContentLists, content_lists

PASSAGE_BAR = 0.5  # the finding's own sentence must read more clean than breach to be vetoed


def vetoed(text: str, calendar_folder: Path, at: int | None = None) -> bool:
    """True when the layer of ``calendar_folder`` vetoes the word rules' finding at character
    ``at`` of ``text`` (``None``: whether it would veto any; no model or a model turned off:
    never)."""
    model = load_model(calendar_folder)
    return model is not None and vetoes(model, content_lists(calendar_folder), text, at)


def vetoes(model: Model, lists: ContentLists, text: str, at: int | None = None) -> bool:
    """True when ``model`` vetoes the word rules' finding at character ``at`` of ``text``
    (``None``: whether it would veto any; a model without ``veto``: never)."""
    text = model.readable(text)  # the office's mandatory hashtags are not read
    if model.thresholds.veto <= 0 or not text.strip():
        return False
    if _score(model, lists, text) >= model.thresholds.veto:
        return False
    passage = text if at is None else sentence_at(text, at)
    return passage == text or _score(model, lists, passage) < PASSAGE_BAR


_SCORES: dict[str, tuple[object, object, float]] = {}  # text -> (model, lists, score)


def _score(model: Model, lists: ContentLists, text: str) -> float:
    """The layer's score of ``text``, kept for the last texts (each finding asks again)."""
    kept = _SCORES.get(text)
    if kept is not None and kept[0] is model and kept[1] is lists:
        return kept[2]
    if len(_SCORES) >= 512:
        _SCORES.clear()
    score = model.score(features(text, lists, NOTHING))
    _SCORES[text] = (model, lists, score)
    return score


def sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` holding character ``at``."""
    start, end = next(((a, b) for a, b in sentence_spans(text) if at < b), (0, len(text)))
    return text[start:end]
