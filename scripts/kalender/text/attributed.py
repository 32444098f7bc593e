"""A word of hearsay that is a speech tag: it names who spoke, not a rumour (docs/riwayat/
screen-y.md). Two structures, their words in ``calendar/konteks-edukasi.yml``:

- **after a quotation**: *Pendeta Markus ... 'Tetangga tetap saudara,' katanya.* The
  quotation closes right before the word (a closing quote mark attached to the quoted words:
  *,'* *."*), the word closes its clause, and a person is named before the quotation opens
  (a name, capitalised inside its sentence, or ``tellers``: *Pak*, *Bu*). *Katanya 'TPS
  pindah'* (the quotation after the word), a quoted word (*bilang 'katanya'*) and *Viral di
  grup: 'TPS pindah', katanya* (nobody named) are not read so.
- **after a named speaker**: *Ketua KPU Kota ... mengatakan logistik sudah diterima.
  Katanya, distribusi dimulai Rabu.* The word opens its sentence with a comma after it, and
  the sentence before has a verb of speaking (``speaking``: *mengatakan, menjelaskan* ...).

No breach of any corpus has either form (3753 breaches counted in round screen-y).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width, text_after

QUOTES = frozenset("'\"”’")
CLAUSE_ENDS = frozenset(",.;:!?")


@dataclass(frozen=True)
class Attributing:
    """The words of a speech tag (``calendar/konteks-edukasi.yml``)."""

    hearsay: frozenset[str] = frozenset()  # "katanya", "kabarnya"
    speaking: tuple[Words, ...] = ()  # "mengatakan", "menjelaskan": a speaker named before
    tellers: frozenset[str] = frozenset()  # "pak", "bu": a person named


def attributed(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
               words: Attributing) -> bool:
    """True when the word ``index`` of ``text_words`` is a word of hearsay tagging what a
    named person said."""
    if not index or text_words[index].norm not in words.hearsay:
        return False
    return _after_quotation(text, text_words, sentence, index, words) or _after_speaker(
        text, text_words, sentence, index, words)


def _after_quotation(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                     index: int, words: Attributing) -> bool:
    between = text_after(text, text_words, index - 1)
    closing = bool(between) and not between[0].isspace() and bool(QUOTES & set(between))
    if not closing or not (index + 1 == len(text_words) or bool(
            CLAUSE_ENDS & set(text_after(text, text_words, index)))):
        return False
    opening = max(text.rfind(mark, 0, text_words[index - 1].end) for mark in QUOTES)
    return any(_names_a_person(text, text_words, sentence, i, words)
               for i, w in enumerate(text_words) if w.end <= opening)


def _names_a_person(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                    at: int, words: Attributing) -> bool:
    if text_words[at].norm in words.tellers:
        return True
    inside = at > 0 and sentence[at - 1] == sentence[at]
    return inside and text[text_words[at].start].isupper()


def _after_speaker(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                   index: int, words: Attributing) -> bool:
    if sentence[index - 1] == sentence[index] or not text_after(
            text, text_words, index).startswith(","):
        return False
    before = [i for i in range(index) if sentence[i] == sentence[index] - 1]
    return any(phrase_width(text_words, i, words.speaking) for i in before)
