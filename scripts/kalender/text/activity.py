"""A word of violence played, not done: the game or match it belongs to, read from its
neighbours (docs/aturan-isi.md, "Putaran screen-w"). *bantai semua musuh di ranked tadi
malam, headshot tiga kali*, *Serang terus lewat sayap kiri! Timnas harus menekan di babak
kedua*, *Tim futsal kami dihajar 7-1, babak belur di lapangan*, *Lomba tarik tambang: tim
Hukum membantai tim Keuangan*: the words are those of the game (``played``: *bantai, serang,
sikat, hajar, babak belur* ...) and a word that only a game or a match has (``games``:
*ranked, headshot, timnas, futsal, babak kedua, tarik tambang* ...) stands at most
``GAME_REACH`` words away, in either direction.

Not the words a brawl shares with a match (*lawan, tim, main, lapangan, kalah*: every one of
them is in breaches, *tim sukses lawan*, *kumpul di lapangan*), and not a game word denied
(``not_games``: *Bantai beneran, bukan di game*), which names the game only to say it is not
one. Nor when a person or place of the real world stands as near (``not_played``: *wasit,
suporter, pendukung, tribun, parkiran, sepulang, posko* ...): *Habisi wasitnya sepulang
pertandingan futsal*, *Tembak saja pendukung lawan di tribun waktu final liga* are threats
made at a match, not a match told (review of round screen-w). Words whose entry is not of
violence (an insult, a slur: *wasit goblok* is aimed at a person) are never read this way:
only those listed in ``played``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width

GAME_REACH = 8  # words between a word of play and a word of its game, at most
DENIAL_REACH = 2  # words between a denying word and the game word, at most


@dataclass(frozen=True)
class Games:
    """The words of a game or match (``calendar/konteks-edukasi.yml``)."""

    played: tuple[Words, ...] = ()  # "bantai", "serang", "babak belur": violence played
    games: tuple[Words, ...] = ()  # "ranked", "timnas", "babak kedua": only a game has them
    not_games: frozenset[str] = frozenset()  # "bukan": "bukan di game" denies the game
    not_played: tuple[Words, ...] = ()  # "wasit", "tribun": a real person or place near


def in_play(text_words: Sequence[TextWord], index: int, words: Games) -> bool:
    """True when the word ``index`` of ``text_words`` is a word of play with a word of a
    game near it that is not denied."""
    if not words.played or not phrase_width(text_words, index, words.played):
        return False
    near = range(max(0, index - GAME_REACH), min(len(text_words), index + GAME_REACH + 1))
    if any(phrase_width(text_words, i, words.not_played) for i in near):
        return False
    return any(i != index and phrase_width(text_words, i, words.games)
               and not _denied(text_words, i, words.not_games) for i in near)


def _denied(text_words: Sequence[TextWord], index: int, denials: frozenset[str]) -> bool:
    return any(text_words[i].norm in denials for i in range(max(0, index - DENIAL_REACH), index))
