"""A violent act reported as news, with the law already acting on it (docs/aturan-isi.md,
"Putaran screen-w"): *dua pelaku pengeroyokan sudah ditahan dan kasusnya diproses*, *Polres
menahan dua orang terkait pengeroyokan saksi*, *Rumah caleg dilempari batu, polisi
selidiki*. The word of the act (``crimes``: *keroyok, bacok, lempari* ...) is written as a
noun (*pengeroyokan*: pe- ... -an) or as a passive (*dilempari*: di-), so it names what was
done, not an order to do it; and a word of the law acting on it (``enforcing``: *ditahan,
diamankan, menangkap, selidiki, diproses* ...) stands in its sentence: anywhere for a noun,
after the act for a passive (*dilempari batu, polisi selidiki*: what was done, then the law).

Not a verb of the act as an order or a judgement: *keroyok saja pas pulang*, *pelaku
perusakan baliho sebaiknya dihajar warga* (no law acting in the sentence), *Pelaku yang
ditangkap itu pantas dipukuli* (the law before the passive), nor any sentence with a word of
urging (``urging``: *pantas, harus, saja, biar, dulu* ...: *dipukuli dulu, baru ditahan*);
and only the acts listed: the words of terror (*penyerangan*, *peledakan*) stay
out, for praise of attacks is written beside *ditangkap Densus* (*keluarga para mujahid yang
ditangkap Densus*).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width

NOUN = ("pe", "an")  # pengeroyokan, pembacokan, pelemparan
PASSIVE = "di"  # dilempari, dikeroyok


@dataclass(frozen=True)
class Reporting:
    """The words of a violent act reported (``calendar/konteks-edukasi.yml``)."""

    crimes: frozenset[str] = frozenset()  # "keroyok", "lempari": acts reported by name
    enforcing: tuple[Words, ...] = ()  # "ditahan", "polisi selidiki": the law acting
    urging: frozenset[str] = frozenset()  # "pantas", "saja": an order or a judgement


def reported_act(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
                 words: Reporting) -> bool:
    """True when the word ``index`` names a listed act as a noun or a passive, and the law
    acts on it in its sentence."""
    word = text_words[index]
    if not (word.forms & words.crimes) or not _named(word.norm):
        return False
    own = [i for i in range(len(text_words)) if sentence[i] == sentence[index]]
    if any(text_words[i].norm in words.urging for i in own):
        return False
    first = own[0] if word.norm.startswith(NOUN[0]) else index + 1
    return any(phrase_width(text_words, i, words.enforcing) for i in own if i >= first)


def _named(norm: str) -> bool:
    return (norm.startswith(NOUN[0]) and norm.endswith(NOUN[1])) or norm.startswith(PASSIVE)
