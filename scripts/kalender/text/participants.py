"""Where a text names an election participant by the shape of its words, without a list: a
person addressed with an honorific and a capitalised name (*Pak Hendra*, *Bu Sari*, also when
the name is an ordinary word), ``Partai`` and a capitalised name, a pair of names
(*pasangan Andi-Rudi*), and a ballot number (*nomor urut 2*, *no 5*, *paslon 02*).

Used by :mod:`kalender.text.stances` as targets of the partisanship stance. A name followed by
an office (*Pak Budi, petugas KPPS*, *Bu Dewi, anggota PPK*) is an official at work, not a
participant.
"""

from __future__ import annotations

from collections.abc import Sequence

from .partisan import (
    BALLOT_WORDS,
    CONTEST_WORDS,
    HONORIFICS,
    MAX_BALLOT,
    NOT_A_BALLOT,
    NOT_A_NAME,
    NOT_A_PARTY_NAME,
    NUMBER_WORDS,
    NUMBERED_THINGS,
    TITLES,
)
from .phrases import Word

PAIRS = frozenset({"pasangan", "paslon"})
OFFICE_REACH = 8
Span = tuple[int, int]  # first word index, width in words


def participant_spans(text: str, text_words: Sequence[Word], offices: frozenset[str],
                      sentence: Sequence[int]) -> list[Span]:
    """The participants named in ``text`` by shape; ``offices`` are the normalised words
    that, near a person's name in its sentence (``sentence``: the number of each word's),
    make the person an official (*petugas*, *ketua*, *KPPS*)."""
    found = []
    for index in range(len(text_words)):
        person = _honorific_name(text, text_words, index)
        if person and _official(text_words, (index, person), offices, sentence):
            continue
        width = (person or _party(text, text_words, index) or _pair(text, text_words, index)
                 or _ballot(text_words, index))
        if width:
            found.append((index, width))
    return found


def _capital(text: str, text_words: Sequence[Word], index: int) -> bool:
    if index >= len(text_words):
        return False
    word = text_words[index]
    joined = index == 0 or not text[text_words[index - 1].end:word.start].strip(" ")
    return joined and text[word.start].isupper() and word.norm.isalpha() and (
        word.norm not in NOT_A_NAME)


def _honorific_name(text: str, text_words: Sequence[Word], index: int) -> int:
    if text_words[index].norm not in HONORIFICS or not _capital(text, text_words, index + 1):
        return 0
    if text_words[index + 1].norm in TITLES or text_words[index + 1].norm in HONORIFICS:
        return 0
    return 3 if _capital(text, text_words, index + 2) else 2


def _party(text: str, text_words: Sequence[Word], index: int) -> int:
    if text_words[index].norm != "partai" or not _capital(text, text_words, index + 1):
        return 0
    return 0 if text_words[index + 1].norm in NOT_A_PARTY_NAME else 2


def _pair(text: str, text_words: Sequence[Word], index: int) -> int:
    """*Pasangan Andi-Rudi*: a pair word and two capitalised names joined by a hyphen."""
    if text_words[index].norm not in PAIRS or index + 2 >= len(text_words):
        return 0
    first, second = text_words[index + 1], text_words[index + 2]
    hyphen = text[first.end:second.start] == "-"
    both = _capital(text, text_words, index + 1) and text[second.start].isupper()
    return 3 if hyphen and both else 0


def _ballot(text_words: Sequence[Word], index: int) -> int:
    """*nomor urut 2*, *no 5*, *paslon 02*: a ballot or contest word, then a number (not the
    number of a thing: *TPS nomor 5*, *Pasal 280 nomor 2*)."""
    head = text_words[index].norm
    if head not in BALLOT_WORDS and head not in CONTEST_WORDS:
        return 0
    if index > 0 and text_words[index - 1].norm in NUMBERED_THINGS:
        return 0
    at = index + 1
    while at < len(text_words) and text_words[at].norm in (*BALLOT_WORDS, "urut"):
        at += 1
    if at >= len(text_words) or not _number(text_words[at]):
        return 0
    return _after(text_words, at, index)


def _after(text_words: Sequence[Word], at: int, index: int) -> int:
    following = text_words[at + 1].norm if at + 1 < len(text_words) else ""
    return 0 if following in NOT_A_BALLOT else at - index + 1


def _number(word: Word) -> bool:
    number = NUMBER_WORDS.get(word.norm, word.norm)
    return number.isdigit() and 0 < int(number) <= MAX_BALLOT


def _official(text_words: Sequence[Word], name: Span, offices: frozenset[str],
              sentence: Sequence[int]) -> bool:
    """*Pak Budi, petugas KPPS*, *Bu Rina atas kerja nyata sebagai ketua PPS*, *Ketua KPU,
    Pak Hendra*: an office near the name in its sentence (``OFFICE_REACH`` words at most)."""
    index, width = name
    near = range(max(0, index - OFFICE_REACH), min(len(text_words), index + width + OFFICE_REACH))
    return any(text_words[at].norm in offices and sentence[at] == sentence[index]
               and not index <= at < index + width for at in near)
