"""A listed word in a figurative or framed use, read from who does what to whom rather than
from the words of sentences seen (docs/riwayat/screen-aa.md). Seven structures, their words in
``calendar/konteks-edukasi.yml``:

- **a market** (``market``): a word of force (``forceful``: *bantai, serbu, ledak, sikat* ...)
  whose subject or object is a price, a stock or a sale, at most ``MARKET_REACH`` words away
  in its clause: *harga dibantai*, *serbu diskonnya*, *penjualannya meledak*; not *Harga
  mati, bantai ...*.
- **a feeling as the one acting** (``feelings``): a passive (di-, ter-) of a word of force
  followed at once by a feeling: *hatiku dipukul rindu*, *ditikam sepi*: no person does it.
- **an exclamation** (``exclaimed``): *Gila, sudah jam tiga*, *Sialan, hujan deras*: the
  word opens its sentence, a comma closes it, and no one is addressed in the sentence
  (``addressed``: *kau, kamu, lu, kalian* ...).
- **a riddle**: a listed word heading a question that denies its sense (``denials``: *Bom
  apa yang tidak meledak ...?*), and the same word opening a later sentence: the riddle's
  answer (*Bom berkas pendaftaran!*). *Bom apa yang cocok buat kantor itu? Bom rakitan*
  denies nothing and stays read.
- **a call reported as done** (``calls``): a di- passive of a call (*dilanjutkan*, *dikirim
  ke semua*, *di-share*) after its subject or an aspect (*pemungutan suara dilanjutkan*,
  *sudah dikirim*), not opening its sentence and not after a request (``requests``: *mohon
  disebarkan*, *tolong dibagikan* are calls).
- **hearsay the writer tried** (``found_out``): the hearsay word (``hearsay``) and, later in
  the caption, what the writer found (*katanya pedas ..., ternyata beneran*).
- **a title** (``works``): the word, capitalised (not all capitals) and not opening its
  sentence, in a run of capitalised words that follows a work at most ``TITLE_REACH`` words
  before it: *novel 'Serangan Fajar'*, *Episode 18: Anatomi Serangan Fajar*.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .textword import TextWord, Words, phrase_width, text_after

MARKET_REACH = 3  # words between a word of force and its price or sale, at most
TITLE_REACH = 3  # words between a work ("novel", "episode") and a word of its title, at most
REQUEST_REACH = 2  # words between a request and the passive call, at most
CLAUSE_STOP = re.compile(r"[,;:.!?/()]")
PASSIVE = ("di", "ter")  # dipukul, terbakar
RIDDLE = ("apa", "yang")  # "Bom apa yang ...?"
RIDDLE_SHORT = ("apa", "yg")
FIGURATIVE_KEYS = ("forceful", "market", "feelings", "exclaimed", "addressed", "calls",
                   "requests", "found_out", "denials", "works")  # in calendar/konteks-edukasi.yml


@dataclass(frozen=True)
class Figurative:
    """The words of the figurative and framed uses (``calendar/konteks-edukasi.yml``)."""

    forceful: frozenset[str] = frozenset()  # "bantai", "ledak": words of force
    market: tuple[Words, ...] = ()  # "harga", "diskon", "di pasaran"
    feelings: frozenset[str] = frozenset()  # "rindu", "sepi"
    exclaimed: frozenset[str] = frozenset()  # "gila", "sialan"
    addressed: frozenset[str] = frozenset()  # "kau", "kalian": someone addressed
    calls: frozenset[str] = frozenset()  # "lanjutkan", "kirim", "share"
    requests: frozenset[str] = frozenset()  # "mohon", "tolong"
    hearsay: frozenset[str] = frozenset()  # "katanya"
    found_out: frozenset[str] = frozenset()  # "ternyata"
    denials: frozenset[str] = frozenset()  # "tidak", "bukan": a riddle's misdirection
    works: frozenset[str] = frozenset()  # "novel", "film", "episode": a title follows


def figurative_use(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                   index: int, words: Figurative) -> bool:
    """True when the word ``index`` of ``text_words`` is used figuratively or in a frame."""
    return (_sold(text, text_words, sentence, index, words) or _felt(text_words, index, words)
            or _exclaimed(text, text_words, sentence, index, words)
            or riddled(text, text_words, sentence, index, words.denials)
            or _done_call(text, text_words, sentence, index, words)
            or _tried(text_words, index, words)
            or _titled(text, text_words, sentence, index, words.works))


def _sold(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
          words: Figurative) -> bool:
    if not text_words[index].forms & words.forceful:
        return False
    near = range(max(0, index - MARKET_REACH), min(len(text_words), index + MARKET_REACH + 1))
    return any(sentence[i] == sentence[index] and phrase_width(text_words, i, words.market)
               and _one_clause(text, text_words, min(i, index), max(i, index))
               for i in near if i != index)


def _one_clause(text: str, text_words: Sequence[TextWord], first: int, last: int) -> bool:
    """No comma, colon or other stop between the words ``first`` and ``last``: *Harga mati,
    bantai ...* is two clauses, the price not what is slaughtered."""
    return not CLAUSE_STOP.search(text, text_words[first].end, text_words[last].start)


def _felt(text_words: Sequence[TextWord], index: int, words: Figurative) -> bool:
    word = text_words[index]
    return (index + 1 < len(text_words) and word.norm.startswith(PASSIVE)
            and bool(word.forms & words.forceful)
            and text_words[index + 1].norm in words.feelings)


def _exclaimed(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
               words: Figurative) -> bool:
    if text_words[index].norm not in words.exclaimed or not _opens(sentence, index):
        return False
    return text_after(text, text_words, index).strip().startswith(",") and not any(
        text_words[i].norm in words.addressed for i in _own(sentence, index))


def riddled(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
            index: int, denials: frozenset[str]) -> bool:
    """The word ``index`` heads a riddle's question denying its sense (*Bom apa yang tidak
    meledak ...?*), or opens a later sentence answering a riddle headed by the same word."""
    if _asks(text, text_words, sentence, index, denials):
        return True
    norm = text_words[index].norm
    return _opens(sentence, index) and any(
        text_words[i].norm == norm and _asks(text, text_words, sentence, i, denials)
        for i in range(index) if sentence[i] < sentence[index])


def _asks(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
          index: int, denials: frozenset[str]) -> bool:
    after = tuple(w.norm for w in text_words[index + 1:index + 3])
    if after not in (RIDDLE, RIDDLE_SHORT):
        return False
    own = _own(sentence, index)
    return text[text_words[own[-1]].end:].lstrip().startswith("?") and any(
        text_words[i].norm in denials for i in own if i > index)


def _done_call(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
               words: Figurative) -> bool:
    word = text_words[index]
    if not word.forms & words.calls:
        return False
    at = _passive_start(text, text_words, index, words.calls)
    if at is None or _opens(sentence, at):
        return False
    return not any(text_words[i].norm in words.requests
                   for i in range(max(0, at - REQUEST_REACH), at) if sentence[i] == sentence[at])


def _passive_start(text: str, text_words: Sequence[TextWord], index: int,
                   calls: frozenset[str]) -> int | None:
    """The first word of the di- passive of a call at ``index`` (*dikirim*; *di-share*: the
    word before), or None when it is not one."""
    if text_words[index].norm.startswith(PASSIVE[0]) and text_words[index].norm not in calls:
        return index
    before = text_words[index - 1] if index else None
    if before is not None and before.norm == PASSIVE[0] and text[before.end:
                                                                 text_words[index].start] == "-":
        return index - 1
    return None


def _tried(text_words: Sequence[TextWord], index: int, words: Figurative) -> bool:
    return text_words[index].norm in words.hearsay and any(
        w.norm in words.found_out for w in text_words[index + 1:])


def _titled(text: str, text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
            works: frozenset[str]) -> bool:
    if _opens(sentence, index) or not _capitalised(text, text_words[index]):
        return False
    for at in range(index - 1, max(-1, index - TITLE_REACH - 1), -1):
        if sentence[at] != sentence[index]:
            return False
        if text_words[at].norm in works:
            return True
        if not (_capitalised(text, text_words[at]) or text_words[at].norm.isdigit()):
            return False
    return False


def _capitalised(text: str, word: TextWord) -> bool:
    written = text[word.start:word.end]
    return written[:1].isupper() and not written.isupper()


def _opens(sentence: Sequence[int], index: int) -> bool:
    return index == 0 or sentence[index - 1] != sentence[index]


def _own(sentence: Sequence[int], index: int) -> list[int]:
    return [i for i in range(len(sentence)) if sentence[i] == sentence[index]]
