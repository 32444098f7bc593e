"""A naming that others made, answered by the writer: *Ada yang bilang pelaku bom itu
pahlawan. Itu pembunuh.*, *yg bilang pelaku bom itu pahlawan, tolong buka mata*,
*berhenti nyebut pelaku bom itu pahlawan ... akunnya sudah di-report*. The praise is theirs,
not the writer's, and the writer condemns it; without quotation marks, so
:mod:`kalender.text.rebuked` does not see it (docs/aturan-isi.md, "Putaran screen-w").

The structure (words in ``calendar/konteks-edukasi.yml``): the listed word stands in the
naming's own clause, at most ``REACH`` words after a verb of naming (``naming``: *bilang,
sebut, nyebut* ...) that comes right after a word giving the naming to others (``claimers``:
*yang, yg*: "whoever says") or ordering it stopped (``stopping``: *berhenti, stop*); and a
condemnation (``condemning``: *pembunuh, bukan perjuangan, buka mata, report* ...) comes
after that clause has closed (a comma, a colon, the end of the sentence), in its sentence or
in one of the next ``NEXT_SENTENCES``. Inside the clause it is the others' word, not the
writer's: *Buat yang bilang pelaku bom itu penjahat, coba baca sejarahnya, mereka pejuang*
praises. A subject between (*yg mereka sebut teroris itu pejuang*) is the writer's own view
of a naming, and *jangan sebut mereka teroris* is the praise itself: neither is read here.
Only the listed word is read this way (as the everyday readings of
:mod:`kalender.text.everyday` are), not its sentence: a lesson elsewhere is not made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width, text_after

REACH = 3  # words between the verb of naming and the listed word, at most
NEXT_SENTENCES = 2  # sentences after the naming's own that may hold the condemnation
BREAKS = frozenset(",:;")  # marks that close the clause of the naming


@dataclass(frozen=True)
class Disowning:
    """The words of a naming disowned (``calendar/konteks-edukasi.yml``)."""

    naming: frozenset[str] = frozenset()  # "bilang", "sebut": the verb that names
    claimers: frozenset[str] = frozenset()  # "yang", "yg": whoever says it, not the writer
    stopping: frozenset[str] = frozenset()  # "berhenti", "stop": the naming ordered stopped
    condemning: tuple[Words, ...] = ()  # "pembunuh", "bukan perjuangan", "buka mata"


def disowned(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
             words: Disowning) -> bool:
    """True when the word ``index`` is in a naming others made and the writer condemned."""
    if not words.condemning or not _named_by_others(text, text_words, sentence, index, words):
        return False
    end = _clause_end(text, text_words, sentence, index)
    last = sentence[index] + NEXT_SENTENCES
    return any(sentence[i] <= last and phrase_width(text_words, i, words.condemning)
               for i in range(end + 1, len(text_words)))


def _named_by_others(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                     index: int, words: Disowning) -> bool:
    for at in range(index - 1, max(0, index - REACH - 1) - 1, -1):
        if at < 1 or sentence[at - 1] != sentence[index] or _closes(text, text_words, at):
            return False
        if text_words[at].forms & words.naming:
            before = text_words[at - 1].norm
            return before in words.claimers or before in words.stopping
    return False


def _clause_end(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                index: int) -> int:
    """The last word of the clause of word ``index``."""
    at = index
    while at + 1 < len(text_words) and sentence[at + 1] == sentence[index] and not _closes(
            text, text_words, at):
        at += 1
    return at


def _closes(text: str, text_words: Sequence[TextWord], index: int) -> bool:
    return not BREAKS.isdisjoint(text_after(text, text_words, index))
