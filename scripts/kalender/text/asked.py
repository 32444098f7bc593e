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

from .textword import TextWord, Words, phrase_width

LABELS = frozenset("abcde")  # the options of a quiz
ASKING = frozenset({"tanya", "pertanyaan"})  # "Tanya: ... Jawab: ...", an office's Q&A
ANSWERING = frozenset({"jawab", "jawaban"})


def meaning_asked(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                  meaning: tuple[Words, ...]) -> set[int]:
    """The sentences of a question asking what a word means, with the quiz options after."""
    found: set[int] = set()
    for index in range(len(text_words)):
        number = sentence[index]
        if number not in found and phrase_width(text_words, index, meaning) and _asks(
                text, text_words, sentence, number):
            found |= {number} | _options_after(text_words, sentence, number)
    return found


def answered_by_law(text_words: Sequence[TextWord], sentence: Sequence[int],
                    legal: set[int]) -> set[int]:
    """The sentences of the question of a Q&A (*Tanya: Saya ditawari uang ... Apa yang harus
    saya lakukan? Jawab: Tolak, lalu laporkan ke Bawaslu.*) whose answer speaks of the law
    (``legal``: sentences about the law): the question names what the answer teaches about.
    The answer's own sentences are read as they stand."""
    firsts = {sentence[i]: w.norm for i, w in reversed(list(enumerate(text_words)))}
    asked = next((n for n in sorted(firsts) if firsts[n] in ASKING), None)
    answer = next((n for n in sorted(firsts) if asked is not None and n > asked
                   and firsts[n] in ANSWERING), None)
    if asked is None or answer is None or not any(n >= answer for n in legal):
        return set()
    return set(range(asked, answer))


def _asks(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], number: int) -> bool:
    last = max(i for i, n in enumerate(sentence) if n == number)
    following = text_words[last + 1].start if last + 1 < len(text_words) else len(text)
    return "?" in text[text_words[last].end:following]


def _options_after(text_words: Sequence[TextWord], sentence: Sequence[int],
                   number: int) -> set[int]:
    labelled = [sentence[i] for i, w in enumerate(text_words)
                if sentence[i] > number and w.norm in LABELS]
    if not labelled or labelled[0] > number + 1:
        return set()
    return set(range(number + 1, max(labelled) + 2))
