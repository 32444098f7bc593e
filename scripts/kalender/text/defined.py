"""A word defined, not used: *Dalam bahasa Melayu lama, 'bangsat' berarti kutu busuk*, *Jihad
dalam arti bersungguh-sungguh menuntut ilmu itu mulia*, *'teror' berarti usaha menciptakan
ketakutan*. The sentence says what the word means, so it speaks about the word, as a lesson
does (docs/aturan-isi.md, "Putaran screen-t").

The structure (words in ``calendar/konteks-edukasi.yml``): a word alone in quotation marks, or
the first word of its sentence, then at once, or after linking words only (``defined_linking``:
*itu, sebenarnya*), a phrase of defining (``defining``: *berarti, artinya, dalam arti, sebutan
untuk* ...). *Yang nyoblos petahana berarti setuju jalan rusak* opens with *Yang*, not with
the word defined, and is read as it stands; so is a word defined later in its sentence
without quotation marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from .textword import TextWord, Words, phrase_width, text_after

QUOTES = frozenset("'\"“”‘’")
REACH = 2  # linking words between the word and the defining phrase, at most


def defined_sentences(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                      defining: tuple[Words, ...], linking: frozenset[str]) -> set[int]:
    """The sentences that say what one of their words means."""
    return {sentence[i] for i in range(len(text_words))
            if _term(text, text_words, sentence, i)
            and _defined_after(text_words, sentence, i, defining, linking)}


def _term(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], index: int) -> bool:
    word = text_words[index]
    quoted = word.start > 0 and text[word.start - 1] in QUOTES and bool(
        QUOTES & set(text_after(text, text_words, index)[:1]))
    return quoted or index == 0 or sentence[index - 1] != sentence[index]


def _defined_after(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
                   defining: tuple[Words, ...], linking: frozenset[str]) -> bool:
    for after in range(index + 1, min(len(text_words), index + 2 + REACH)):
        if sentence[after] != sentence[index]:
            return False
        if phrase_width(text_words, after, defining):
            return True
        if text_words[after].norm not in linking:
            return False
    return False
