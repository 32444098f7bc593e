"""A listed word in its literal sense, read from who does what (docs/riwayat/screen-ad.md).
Three structures, their words in ``calendar/konteks-harfiah.yml``:

- **an animal that acts as an animal** (``animals``, ``behaviour``): an animal word (*anjing,
  monyet, bodat* ...) that is the subject of what an animal does (*menggonggong, turun,
  dimandikan, melahirkan* ...): the behaviour at most ``ANIMAL_REACH`` words after it in its
  clause, or anywhere later in its sentence when the animal opens the sentence (*Anjing
  pak RT, yang cokelat itu, tadi pagi dimandikan*), with no office or its holder
  between (``officials``: *anjing lah panitia, tidur terus* is aimed at the panitia). Not
  when a word before it makes it a predicate, a simile or an insult of someone (``aimed``:
  *itu, kayak, macam, dasar, muka* ...), nor when someone is addressed in the sentence
  (``addressed``: *kau, kamu, kalian* ...): *Dasar anjing kau, menggonggong terus*, *Monyet
  kalian semua, turun saja* stay insults. The same reading frees a hostile cue (*monyet*
  near *vihara*: the monkeys in the temple's garden, not a name for its people).
- **a rumour asked about** (``rumour``): a word of passing a claim on (*grup WA, katanya,
  bagikan* ...) whose clause ends in a question mark: the writer asks whether it is true or
  may be shared (*bener gak, di grup WA kompleks ada info coklit dimajukan?*). A
  question tagged on after a comma is not the clause's own (*Kata grup sebelah TPS
  pindah, setuju gak?* stays hearsay passed on).
- **a word talked about** (``mentioning``): the word right after a noun that names a word
  (*kata, istilah, sebutan, label, julukan* ...) when that noun does not mean "said" (*kata
  kafir dalam Al-Qur'an*): the word is mentioned, not used. Not when the listed phrase starts
  with someone who speaks (``speakers``: *kata orang dalam* is "an insider said").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .referents import Referents, thing_numbered
from .senses import Senses, plain_sense
from .textword import TextWord

ANIMAL_REACH = 4  # words between an animal and what it does, at most
AIMED_REACH = 2  # words before the animal that may aim it at someone, at most
CLAUSE_STOP = re.compile(r"[,;:.!?/()]")
NEXT_STOP = re.compile(r"[,;:.!?/()\n]")


@dataclass(frozen=True)
class Literal:
    """The words of the literal readings (``calendar/konteks-harfiah.yml``)."""

    animals: frozenset[str] = frozenset()  # "anjing", "monyet", "bodat"
    behaviour: frozenset[str] = frozenset()  # "menggonggong", "turun": what an animal does
    aimed: frozenset[str] = frozenset()  # "itu", "kayak", "dasar": aimed at someone
    addressed: frozenset[str] = frozenset()  # "kau", "kalian": someone addressed
    officials: frozenset[str] = frozenset()  # "petugas", "panwas": an office or its holder
    speakers: frozenset[str] = frozenset()  # "orang", "grup": "kata orang dalam" is said
    rumour: frozenset[str] = frozenset()  # "grup", "katanya", "bagikan": passing a claim on
    referents: Referents = Referents()  # "rumah nomor tujuh" (text.referents)
    mentioning: frozenset[str] = frozenset()  # "kata", "istilah": a word talked about
    senses: Senses = Senses()  # "amplop gaji", "tembak ke gawang" (text.senses)


def literal_use(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                index: int, words: Literal) -> bool:
    """True when the word ``index`` is an animal acting as one, a word talked about, a
    rumour asked about, the number of a thing (:mod:`kalender.text.referents`), or an
    envelope or a group in its plain sense (:mod:`kalender.text.senses`)."""
    return animal_acting(text, text_words, sentence, index, words) or _mentioned(
        text_words, sentence, index, words) or _asked_rumour(text, text_words, index, words) or (
        thing_numbered(text, text_words, index, words.referents)) or plain_sense(
        text, text_words, index, words.senses)


def animal_acting(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                  index: int, words: Literal) -> bool:
    """True when the word ``index`` is an animal word whose animal does what animals do."""
    if not text_words[index].forms & words.animals or _aimed(text_words, sentence, index, words):
        return False
    own = [i for i in range(len(text_words)) if sentence[i] == sentence[index]]
    if any(text_words[i].norm in words.addressed for i in own):
        return False
    reach = [i for i in own if index < i <= index + ANIMAL_REACH and not CLAUSE_STOP.search(
        text, text_words[index].end, text_words[i].start)]
    if index == own[0]:
        reach = [i for i in own if i > index]
    for at in reach:
        if text_words[at].forms & words.officials:
            return False  # "anjing lah panwas, tidur aja": the official is the one meant
        if text_words[at].forms & words.behaviour:
            return True
    return False


def _aimed(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
           words: Literal) -> bool:
    return any(text_words[i].norm in words.aimed for i in range(max(0, index - AIMED_REACH), index)
               if sentence[i] == sentence[index])


def _mentioned(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
               words: Literal) -> bool:
    return index > 0 and sentence[index - 1] == sentence[index] and (
        text_words[index - 1].norm in words.mentioning) and not (
        text_words[index].forms & words.speakers)


def _asked_rumour(text: str, text_words: Sequence[TextWord], index: int, words: Literal) -> bool:
    """A word of passing a claim on in a clause that is itself a question: *bener gak, di
    grup WA kompleks ada info coklit dimajukan?*, *boleh poster ini saya bagikan ke grup?*.
    Not a question tagged on after a comma (*Kata grup sebelah TPS pindah, setuju gak?*)."""
    if not text_words[index].forms & words.rumour:
        return False
    stop = NEXT_STOP.search(text, text_words[index].end)
    return stop is not None and stop.group() == "?"
