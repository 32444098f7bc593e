"""A term quoted as what someone called others, then rebuked: *Nyebut sesama pemilih 'kafir'
itu menyakitkan*, *Ada yang bilang pelaku bom itu 'syuhada'. Itu keliru.* The quotation
marks hold the word someone used; the caption judges the naming, so the sentence speaks
about the word, as a lesson does (docs/aturan-isi.md, "Putaran screen-p").

The structure (words in ``calendar/konteks-edukasi.yml``): a verb of naming (``naming``:
*sebut, nyebut, bilang, panggil, cap* ...) at most ``REACH`` words before a word in quotation
marks, in its sentence, and a word of rebuke (``rebukes``: *menyakitkan, keliru, tidak
pantas* ...) after that word, in the same sentence or in the next one when it opens by
pointing back (``pointing``: *Itu keliru.*, *Hal itu tidak pantas.*). *Saya sebut mereka
'kafir', memang pantas* names without rebuke and still counts as used; so does a slur without
quotation marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width

REACH = 5  # words between the naming verb and the quoted term, at most
QUOTES = frozenset("'\"“”‘’«»")


@dataclass(frozen=True)
class Rebuking:
    """The words of a quoted naming rebuked (``calendar/konteks-edukasi.yml``)."""

    rebukes: tuple[Words, ...] = ()  # "itu menyakitkan", "keliru"
    naming: frozenset[str] = frozenset()  # "sebut", "bilang": the verb that names
    pointing: frozenset[str] = frozenset()  # "Itu keliru.": a sentence pointing back


def rebuked_sentences(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                      words: Rebuking) -> set[int]:
    """The sentences with a quoted term named and rebuked, and the sentence of the rebuke."""
    found: set[int] = set()
    for index, word in enumerate(text_words):
        if not words.rebukes or word.start == 0 or text[word.start - 1] not in QUOTES:
            continue
        if not _named(text_words, sentence, index, words.naming):
            continue
        at = next((i for i in _after(text_words, sentence, index, words.pointing)
                   if phrase_width(text_words, i, words.rebukes)), None)
        if at is not None:
            found |= {sentence[index], sentence[at]}
    return found


def _named(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
           naming: frozenset[str]) -> bool:
    return any(sentence[i] == sentence[index] and text_words[i].forms & naming
               for i in range(max(0, index - REACH), index))


def _after(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
           pointing: frozenset[str]) -> list[int]:
    """The words after ``index`` in its sentence, and those of the next sentence when it
    opens by pointing back."""
    same = [i for i in range(index + 1, len(text_words)) if sentence[i] == sentence[index]]
    following = [i for i in range(index + 1, len(text_words))
                 if sentence[i] == sentence[index] + 1]
    if following and text_words[following[0]].norm in pointing:
        return same + following
    return same
