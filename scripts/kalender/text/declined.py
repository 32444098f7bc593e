"""A writer who turned down or reported what they tell of: *Kemarin ditawari 100 ribu buat
coblos calon tertentu, saya tolak.*, *Ada yang bagi amplop di gang. Kami sudah lapor ke
Pengawas.* The offer is in the text, but the caption is a report of it, not the offer
(docs/aturan-isi.md, "Putaran screen-p").

The structure (words in ``calendar/konteks-edukasi.yml``): a first-person word (``writers``:
*saya, sy, kami, kamek, ngai* ...), at most ``REACH`` words before a word of declining
(``declines``: *tolak, nolak, lapor, tidak ambil* ...), in one clause, with no condition or
*percuma* before the writer (``unmade``: *kalau saya lapor, ...*, *percuma kami lapor*). A
refusal must refuse a thing offered or end its clause (``declined``: *uangnya, amplop,
mentah-mentah*): *saya tolak pemimpin dari suku itu* refuses people, not an offer. That
sentence and the ones before it (the story of the offer) read as a lesson.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width, text_after

REACH = 3  # words between the writer and the declining word, at most
BREAK = frozenset(",;:!?.()\n")


@dataclass(frozen=True)
class Declining:
    """The words of a writer declining (``calendar/konteks-edukasi.yml``)."""

    writers: frozenset[str] = frozenset()  # "saya", "kami": the writer
    declines: tuple[Words, ...] = ()  # "tolak", "lapor": ... turned the offer down
    declined: frozenset[str] = frozenset()  # "uang", "amplop": what a refusal refuses
    unmade: frozenset[str] = frozenset()  # "kalau", "percuma" before the writer: not done


def declined_sentences(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                       words: Declining) -> set[int]:
    """The sentences of a caption whose writer declines or reports what it tells of: the
    declining sentence and every sentence before it."""
    last = max((sentence[i] for i in range(len(text_words))
                if _declines_at(text, text_words, i, words)), default=None)
    return set() if last is None else set(range(last + 1))


def _declines_at(text: str, text_words: Sequence[TextWord], index: int,
                 words: Declining) -> bool:
    width = phrase_width(text_words, index, words.declines)
    if not width or not _writer_before(text, text_words, index, words):
        return False
    if text_words[index].norm.startswith("lapor") or "lapor" in text_words[index].forms:
        return not _next_is(text_words, index + width, frozenset({"pun"}))
    after = index + width
    return (after >= len(text_words) or _broken(text, text_words, after - 1)
            or _next_is(text_words, after, words.declined)
            or text_words[after].norm.endswith("nya"))


def _writer_before(text: str, text_words: Sequence[TextWord], index: int,
                   words: Declining) -> bool:
    for before in range(index - 1, max(-1, index - 2 - REACH), -1):
        if _broken(text, text_words, before):
            return False
        if text_words[before].norm in words.writers:
            return before == 0 or text_words[before - 1].norm not in words.unmade
    return False


def _broken(text: str, text_words: Sequence[TextWord], index: int) -> bool:
    """Punctuation ends the clause after word ``index``."""
    return bool(BREAK & set(text_after(text, text_words, index)))


def _next_is(text_words: Sequence[TextWord], index: int, wanted: frozenset[str]) -> bool:
    return index < len(text_words) and bool(text_words[index].forms & wanted)
