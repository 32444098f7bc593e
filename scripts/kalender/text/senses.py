"""A listed word in its plain sense, read from what it holds, what it acts on or where it
is (docs/riwayat/screen-af.md). Four structures, their words in ``calendar/konteks-makna.yml``:

- **an envelope for a paper or a wage** (``envelopes``, ``envelope_kinds``): an envelope word
  (*amplop*) with, at most ``ENVELOPE_REACH`` words after it in its clause, a word naming
  what it holds or what it is for that is no money for a voter: a letter, an invitation, a
  form, a ballot sent by post, a wage, a condolence (*amplop surat suara pos*, *amplop gaji*,
  *amplop coklat berisi berkas*). A colour is no kind (*amplop putih isi 200rb* stays money).
- **an envelope sold** (``trade``): an envelope word with a word of selling at most
  ``ENVELOPE_REACH`` words before or after it in its clause (*jual amplop ...*, *amplop ...
  grosir*): the envelope is the goods, its price is no pay for a vote.
- **a group something is removed from** (``removing``): a group word (``rumour`` of
  :mod:`kalender.text.literal`) right after *dari* that follows a verb of removing (*sudah
  saya hapus dari grup*): the group is where a message was taken down, not a source.
- **a match told by its score or its ball** (``play_objects``): a word of play (``played`` of
  :mod:`kalender.text.activity`: *bantai, hajar, tembak* ...) in a sentence holding a score
  (*5-0*, *21-3*), or with a ball, a goal or a point (*tembak ke gawang*, *tembakan tiga
  angka*) at most ``OBJECT_REACH`` words after it in its clause. No breach of any corpus
  up to 42 has a score or one of these words there; the words of a brawl at a match
  (``not_played``: *wasit, suporter, tribun*) still make it a threat.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .activity import GAME_REACH, Games
from .textword import TextWord, Words, phrase_width

ENVELOPE_REACH = 4  # words between an envelope and what it holds or its sale, at most
OBJECT_REACH = 3  # words between a word of play and its ball or goal, at most
CLAUSE_STOP = re.compile(r"[,;:.!?/()\n]")
FROM = "dari"  # "hapus dari grup"
SENTENCE_STOP = re.compile(r"[.!?\n]")
# A score: two numbers of one or two digits joined by a dash ("5-0", "21 - 3", "2–0"), not a
# date, a time or a part of a longer or spaced-out number ("14-02-2024", "07.00-10.00",
# "0 8 1 1 - 5 6 ..."). A range ("17-30 tahun") has the same shape: the played word must
# share its sentence.
SCORE = re.compile(r"(?<![\w./:-])(?<!\d\s)\d{1,2}\s?[-–]\s?\d{1,2}"
                   r"(?![\w/:]|[.,:]\d|[-–]\d|\s\d)")


@dataclass(frozen=True)
class Senses:
    """The words of the plain senses (``calendar/konteks-makna.yml``)."""

    envelopes: frozenset[str] = frozenset()  # "amplop"
    envelope_kinds: tuple[Words, ...] = ()  # "surat", "gaji", "berkas": what it holds
    trade: tuple[Words, ...] = ()  # "jual", "grosir": the envelope sold
    removing: frozenset[str] = frozenset()  # "hapus", "keluarkan": taken out of a group
    groups: frozenset[str] = frozenset()  # "grup", "group": where a message is posted
    play_objects: tuple[Words, ...] = ()  # "gawang", "bola", "tiga angka"


def plain_sense(text: str, text_words: Sequence[TextWord], index: int, words: Senses) -> bool:
    """True when the word ``index`` is an envelope for a paper, a wage or sold, or a group
    a message was removed from."""
    return _envelope(text, text_words, index, words) or _removed_from(text_words, index, words)


def match_played(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                 index: int, words: Senses, games: Games) -> bool:
    """True when the word ``index`` is a word of play (``played``) in a sentence with a score,
    or aimed at a ball, a goal or a point, with no person or place of a brawl near
    (``not_played``)."""
    if not games.played or not phrase_width(text_words, index, games.played):
        return False
    near = range(max(0, index - GAME_REACH), min(len(text_words), index + GAME_REACH + 1))
    if any(phrase_width(text_words, i, games.not_played) for i in near):
        return False
    return _scored(text, text_words, sentence, index) or any(
        phrase_width(text_words, i, words.play_objects)
        for i in _clause_after(text, text_words, index, OBJECT_REACH))


def _envelope(text: str, text_words: Sequence[TextWord], index: int, words: Senses) -> bool:
    if text_words[index].norm not in words.envelopes:
        return False
    after = _clause_after(text, text_words, index, ENVELOPE_REACH)
    before = _clause_before(text, text_words, index, ENVELOPE_REACH)
    return any(phrase_width(text_words, i, words.envelope_kinds) for i in after) or any(
        phrase_width(text_words, i, words.trade) for i in (*before, *after))


def _removed_from(text_words: Sequence[TextWord], index: int, words: Senses) -> bool:
    """*hapus dari grup*: the word ``index`` is the group, or the *dari* before it."""
    at = index + 1 if text_words[index].norm == FROM else index
    return 2 <= at < len(text_words) and text_words[at].norm in words.groups and (
        text_words[at - 1].norm == FROM) and bool(text_words[at - 2].forms & words.removing)


def _scored(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
            index: int) -> bool:
    own = [i for i, n in enumerate(sentence) if n == sentence[index]]
    start, end = text_words[own[0]].start, text_words[own[-1]].end
    return any(not SENTENCE_STOP.search(text, min(m.start(), text_words[index].end),
                                        max(m.start(), text_words[index].start))
               for m in SCORE.finditer(text, start, end))


def _clause_after(text: str, text_words: Sequence[TextWord], index: int, reach: int) -> list[int]:
    last = min(len(text_words) - 1, index + reach)
    return [i for i in range(index + 1, last + 1)
            if not CLAUSE_STOP.search(text, text_words[index].end, text_words[i].start)]


def _clause_before(text: str, text_words: Sequence[TextWord], index: int,
                   reach: int) -> list[int]:
    return [i for i in range(max(0, index - reach), index)
            if not CLAUSE_STOP.search(text, text_words[i].end, text_words[index].start)]
