"""A question asking what a word means: *Serangan fajar itu apa?*, *Serangan fajar ape tu
min?*, and a quiz that asks it with its options (*A. ... B. ... C. ...*). The word is asked
about, not used, so its sentence reads as a lesson (docs/aturan-isi.md, "Putaran screen-p").

The structure: a sentence ending with a question mark that holds a phrase of asking the
meaning (``calendar/konteks-edukasi.yml``, ``meaning``: *itu apa, apa itu, ape tu, artinya
apa* ...). When options labelled with single letters follow (*A.*, *B)*), the sentences up
to the last option's text are part of the question. *Serangan fajar jam berapa?* asks when,
not what, and is read as it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width, text_after

LABELS = frozenset("abcde")  # the options of a quiz


@dataclass(frozen=True)
class Asking:
    """The words of a question (``calendar/konteks-edukasi.yml``)."""

    meaning: tuple[Words, ...] = ()  # "itu apa?": a word asked about
    asking: frozenset[str] = frozenset()  # "Tanya: ... Jawab: ...", an office's Q&A
    answering: frozenset[str] = frozenset()
    hearsay: frozenset[str] = frozenset()  # "Katanya ... ya min?": a rumour asked about


def meaning_asked(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                  words: Asking) -> set[int]:
    """The sentences of a question asking what a word means, with the quiz options after."""
    found: set[int] = set()
    for index in range(len(text_words)):
        number = sentence[index]
        if number not in found and phrase_width(text_words, index, words.meaning) and _asks(
                text, text_words, sentence, number):
            found |= {number} | _options_after(text_words, sentence, number)
    return found


def hearsay_asked(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                  words: Asking) -> set[int]:
    """The questions that open with a word of hearsay (*Katanya jadwal coklit diperpanjang ya
    min?*, *Katanya mau bantu angkut logistik, Mas?*): the writer asks whether what was said
    is true, and tells nothing (docs/aturan-isi.md, "Putaran screen-t"). Hearsay inside a
    sentence (*Aku baca di TikTok, katanya ... keren kan?*) is told, not asked."""
    firsts = {sentence[i]: w.norm for i, w in reversed(list(enumerate(text_words)))}
    return {number for number, first in firsts.items()
            if first in words.hearsay and _asks(text, text_words, sentence, number)}


def answered_by_law(text_words: Sequence[TextWord], sentence: Sequence[int],
                    legal: set[int], words: Asking) -> set[int]:
    """The sentences of the question of a Q&A (*Tanya: Saya ditawari uang ... Apa yang harus
    saya lakukan? Jawab: Tolak, lalu laporkan ke Bawaslu.*) whose answer speaks of the law
    (``legal``: sentences about the law; ``words.asking``, ``words.answering`` open them):
    the question names what the answer teaches about. The answer's own sentences are read as
    they stand."""
    firsts = {sentence[i]: w.norm for i, w in reversed(list(enumerate(text_words)))}
    asked = next((n for n in sorted(firsts) if firsts[n] in words.asking), None)
    answer = next((n for n in sorted(firsts) if asked is not None and n > asked
                   and firsts[n] in words.answering), None)
    if asked is None or answer is None or not any(n >= answer for n in legal):
        return set()
    return set(range(asked, answer))


def _asks(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], number: int) -> bool:
    last = max(i for i, n in enumerate(sentence) if n == number)
    return "?" in text_after(text, text_words, last)


def _options_after(text_words: Sequence[TextWord], sentence: Sequence[int],
                   number: int) -> set[int]:
    labelled = [sentence[i] for i, w in enumerate(text_words)
                if sentence[i] > number and w.norm in LABELS]
    if not labelled or labelled[0] > number + 1:
        return set()
    return set(range(number + 1, max(labelled) + 2))
