"""Who a partisan reference points at, read from its place in the clause
(docs/riwayat/screen-ad.md): two readings that make a name or a number near a campaign verb
no call for a participant. Their words are in ``calendar/konteks-harfiah.yml``.

- **a number that belongs to a thing** (``numbered``): *rumah nomor tujuh*, *memilih nomor 2
  atau nomor 4 di menu kedai kopi*: the thing right before the number's word, or after the
  number (and the numbers joined to it by *atau*, *dan*) in its clause behind *di, dari,
  pada* (``owning``). The election's own numbered things (TPS, bilik, surat suara) are not in
  the list: *Coblos nomor 2 di bilik suara* stays a call.
- **a person who does the act** (``acting``): a person addressed by name (*Pak Rahmat*)
  then, past at most ``ADVERB_REACH`` adverbs (``adverbs``: *cukup, sudah* ...), an active
  verb (me-, ber-: *memilih, bertanya*) whose clause holds the campaign verb: *Pak Rahmat
  cukup memilih di TPS tempat namanya terdaftar*, *Bu Sari bertanya soal mencoblos*: the
  person is the one who votes or asks, not the one voted for. *Pak Budi layak dipilih*
  (passive) and *Pak Budi membangun jalan, pilih lagi!* (the call in another clause) stay
  calls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord

ADVERB_REACH = 2  # adverbs between a name and its verb, at most
AFTER_REACH = 6  # words after a number to the thing that owns it, at most
CLAUSE_STOP = re.compile(r"[,;:.!?/()]")
ACTIVE = ("me", "ber")  # memilih, bertanya
JOINED = frozenset({"atau", "dan", "nomor", "no", "nomer", "nmr", "urut"})
NUMBER_WORDS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                          "sembilan", "sepuluh"})


@dataclass(frozen=True)
class Referents:
    """The words of the readings (``calendar/konteks-harfiah.yml``)."""

    numbered: frozenset[str] = frozenset()  # "rumah", "menu": things with a number
    owning: frozenset[str] = frozenset()  # "di", "dari": the thing that owns the number
    honorifics: frozenset[str] = frozenset()  # "pak", "bu": a person addressed by name
    adverbs: frozenset[str] = frozenset()  # "cukup", "sudah": between a name and its verb


def ordinary_reference(text: str, text_words: Sequence[TextWord], span: tuple[int, int],
                       verb: tuple[int, int], words: Referents) -> bool:
    """True when the reference ``span`` (text offsets) is a thing's number or a person who
    does the act of ``verb`` (text offsets), not a participant called for."""
    first = next((i for i, w in enumerate(text_words) if w.start == span[0]), None)
    last = next((i for i, w in enumerate(text_words) if w.end == span[1]), None)
    if first is None or last is None:
        return False
    return _owned(text, text_words, first, last, words) or _acting(
        text, text_words, first, last, verb, words)


def thing_numbered(text: str, text_words: Sequence[TextWord], index: int,
                   words: Referents) -> bool:
    """True when the word ``index`` is a number's word (*nomor*) and its number belongs to a
    thing: the same reading for a listed phrase (*memilih nomor 2 ... di menu*)."""
    last = index + 1
    return (last < len(text_words) and text_words[index].norm in JOINED
            and _owned(text, text_words, index, last, words))


def _owned(text: str, text_words: Sequence[TextWord], first: int, last: int,
           words: Referents) -> bool:
    if not (text_words[first].norm in JOINED or text_words[last].norm.isdigit()
            or text_words[last].norm in NUMBER_WORDS):
        return False  # a name: "warung Pak Rahmat" is still Pak Rahmat
    if first and text_words[first - 1].norm in words.numbered:
        return True
    at = last + 1
    while at < min(len(text_words), last + AFTER_REACH) and not _stop(text, text_words, at):
        norm = text_words[at].norm
        if norm in words.owning:
            return at + 1 < len(text_words) and text_words[at + 1].norm in words.numbered
        if norm not in JOINED and not norm.isdigit() and norm not in NUMBER_WORDS:
            return False
        at += 1
    return False


def _acting(text: str, text_words: Sequence[TextWord], first: int, last: int,
            verb: tuple[int, int], words: Referents) -> bool:
    if text_words[first].norm not in words.honorifics:
        return False
    at = last + 1
    while at < len(text_words) and at <= last + ADVERB_REACH and (
            text_words[at].norm in words.adverbs) and not _stop(text, text_words, at):
        at += 1
    if at >= len(text_words) or _stop(text, text_words, at) or not _active(text_words[at]):
        return False
    return verb[0] >= text_words[at].start and not CLAUSE_STOP.search(
        text, text_words[at].end, verb[0])


def _active(word: TextWord) -> bool:
    return word.norm.startswith(ACTIVE) and len(word.norm) >= 6


def _stop(text: str, text_words: Sequence[TextWord], at: int) -> bool:
    """A comma or another stop between word ``at`` and the word before it."""
    return bool(CLAUSE_STOP.search(text, text_words[at - 1].end, text_words[at].start))
