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
one of its weighed features, so the veto does not need them.
"""

from __future__ import annotations

from pathlib import Path

from .learned import load_model
from .learnedfeatures import BLOCKED, Reading, features
from .lists import content_lists

NOTHING = Reading((), (), ())
KEPT = ("r:data-pribadi", BLOCKED)  # the rules' findings a veto leaves (see the module)


def vetoed(text: str, calendar_folder: Path) -> bool:
    """True when the layer of ``calendar_folder`` vetoes the word rules' findings on ``text``
    (no model, a model turned off or without ``veto``: never)."""
    model = load_model(calendar_folder)
    if model is None or model.thresholds.veto <= 0 or not text.strip():
        return False
    lists = content_lists(calendar_folder)
    return model.score(features(text, lists, NOTHING)) < model.thresholds.veto


def after_veto(found: frozenset[str]) -> frozenset[str]:
    """The features ``found`` without the rules' findings a veto drops (for the harness)."""
    return frozenset(f for f in found if not f.startswith("r:") or f in KEPT)
