"""A listed word in its everyday use, read from the words around it (docs/aturan-isi.md,
"Putaran screen-u"; the game: "Putaran screen-w"). Eight structures, their words in
``calendar/konteks-edukasi.yml``:

- **a sense from its neighbours** (``senses``): *Semalam kampret masuk rumah, ... akhirnya
  terbang keluar* (the bat, not the insult), *Kasur lama penuh bangsat, gatal-gatal* (the
  bedbug), *daging ayam ... dibakar di atas arang* (cooking), *Gila! ... luar biasa* (praise):
  a word of the entry's everyday sense at most ``SENSE_REACH`` words away, in either direction.
- **the writer's own group** (``owned``): *Grup WA RT kami bikin jadwal ronda*: the group
  opens its sentence and is the writer's (a first-person word, ``writers``, at most
  ``OWNER_REACH`` words after it), so it is the one acting, not a source passed on. Not when
  its sentence says what was said there (``owned_not``: *Grup WA kami bilang TPS pindah*).
- **hearsay with its teller** (``tellers``): *Katanya Ibu, jangan lupa bawa payung*, *Katanya
  Bu Ratna, rendang paling enak ...*: a hearsay word (``hearsay``) then a person (*Ibu*, *Bu
  Ratna*) closed by a comma names who said it; *katanya si Rina mau traktir bakso*: then a
  word of intent (``intents``) tells what the person means to do; *Bapak saya dulu jadi
  saksi. Katanya ...*: the sentence before opens with the writer's own person (a person, then
  a first-person word), who is the one telling. *Katanya sih ...*, *Katanya dari grup ...*
  stay hearsay.
- **the writer's own past** (``past``): *Dulu saya pernah posting foto KTP ..., jangan ditiru*,
  *Sy pernah diteriaki 'cina' waktu antre*: a first-person word, at most ``PAST_REACH`` words
  before *pernah*, earlier in the sentence of the listed word: the writer tells what happened
  to them or what they once did. Not when *pernah* brings a claim heard (``past_not``: *saya
  pernah dengar/baca ...*).
- **a game** (``games``, :mod:`kalender.text.activity`): *bantai semua musuh di ranked*,
  *babak belur* of a futsal team: a word of violence played, with a word of its game near.
- **news** (``reporting``, :mod:`kalender.text.reported`): *pelaku pengeroyokan sudah
  ditahan*: an act named as a noun or a passive, with the law acting on it.
- **others' naming condemned** (``disowning``, :mod:`kalender.text.disowned`): *ada yang
  bilang pelaku bom itu pahlawan. Itu pembunuh.*
- **a speech tag** (``speaking``, :mod:`kalender.text.attributed`): *'Tetangga tetap
  saudara,' katanya.*: the hearsay word names who spoke.
- **a figure or a frame** (:mod:`kalender.text.figurative`): *harga dibantai*, *dipukul
  rindu*, *Gila, sudah jam tiga*, a riddle, a call reported done, hearsay the writer tried.
- **a literal sense** (:mod:`kalender.text.literal`): *Anjing pak RT menggonggong*, an
  animal acting as one; *kata kafir dalam Al-Qur'an*, a word talked about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .activity import Games, in_play
from .attributed import Attributing, attributed
from .disowned import Disowning, disowned
from .figurative import Figurative, figurative_use
from .literal import Literal, literal_use
from .reported import Reporting, reported_act
from .senses import match_played
from .textword import TextWord, Words, phrase_width, text_after

SENSE_REACH = 10  # words between a listed word and a word of its everyday sense, at most
OWNER_REACH = 4  # words between the group and its first-person owner, at most
NAME_WORDS = 1  # words of a name after the person's title (*Bu Ratna*), at most
PAST_REACH = 2  # words between the writer and "pernah" (*saya dulu pernah*), at most


@dataclass(frozen=True)
class Everyday:
    """The words of the everyday readings (``calendar/konteks-edukasi.yml``)."""

    senses: tuple[tuple[str, tuple[Words, ...]], ...] = ()  # "kampret": ("kelelawar",) ...
    owned: frozenset[str] = frozenset()  # "grup": a group that may be the writer's own
    owned_not: frozenset[str] = frozenset()  # "bilang", "info": ... passing on what was said
    writers: frozenset[str] = frozenset()  # "kami", "kamek": the writer
    hearsay: frozenset[str] = frozenset()  # "katanya", "konon"
    tellers: frozenset[str] = frozenset()  # "ibu", "bu", "pak", "si": a person named
    intents: frozenset[str] = frozenset()  # "mau", "bakal": what the person means to do
    past: frozenset[str] = frozenset()  # "pernah": the writer's own past
    past_not: frozenset[str] = frozenset()  # "dengar", "baca": ... a claim heard, not lived
    games: Games = Games()  # "bantai ... di ranked": violence played (text.activity)
    reporting: Reporting = Reporting()  # "pelaku pengeroyokan ditahan" (text.reported)
    disowning: Disowning = Disowning()  # "yang bilang ... itu pembunuh" (text.disowned)
    attributing: Attributing = Attributing()  # "'...,' katanya." (text.attributed)
    figurative: Figurative = Figurative()  # "harga dibantai" (text.figurative)
    literal: Literal = Literal()  # "anjing tetangga menggonggong" (text.literal)


def everyday_use(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                 index: int, words: Everyday) -> bool:
    """True when the word ``index`` of ``text_words`` is in its everyday use."""
    return (_sensed(text_words, index, words) or _owned(text_words, sentence, index, words)
            or _told_by(text, text_words, index, words)
            or _told_by_kin(text_words, sentence, index, words)
            or _own_past(text_words, sentence, index, words)
            or in_play(text_words, index, words.games)
            or match_played(text, text_words, sentence, index, words.literal.senses, words.games)
            or reported_act(text_words, sentence, index, words.reporting)
            or disowned(text, text_words, sentence, index, words.disowning)
            or attributed(text, text_words, sentence, index, words.attributing)
            or figurative_use(text, text_words, sentence, index, words.figurative)
            or literal_use(text, text_words, sentence, index, words.literal))


class _Lesson(Protocol):
    @property
    def everyday(self) -> Everyday: ...


class _Reader(Protocol):
    """What :func:`literal_cue` reads of a caption (``kalender.text.phrases``' reader)."""

    @property
    def text(self) -> str: ...
    @property
    def words(self) -> Sequence[TextWord]: ...
    @property
    def sentence(self) -> Sequence[int]: ...
    @property
    def lesson(self) -> _Lesson: ...


def literal_cue(reader: _Reader, index: int) -> bool:
    """True when the cue word ``index`` is an animal acting as one (*monyet turun ke kebun
    vihara*) or a word talked about (*label kafir*), not a hostile word about the group near
    it (:mod:`kalender.text.literal`)."""
    return literal_use(reader.text, reader.words, reader.sentence, index,
                       reader.lesson.everyday.literal)


def _sensed(text_words: Sequence[TextWord], index: int, words: Everyday) -> bool:
    forms = text_words[index].forms
    near = range(max(0, index - SENSE_REACH), min(len(text_words), index + SENSE_REACH + 1))
    return any(key in forms and any(phrase_width(text_words, i, neighbours) for i in near
                                    if i != index)
               for key, neighbours in words.senses)


def _owned(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
           words: Everyday) -> bool:
    if text_words[index].norm not in words.owned or (
            index and sentence[index - 1] == sentence[index]):
        return False
    own = [i for i in range(index + 1, min(len(text_words), index + OWNER_REACH + 1))
           if sentence[i] == sentence[index] and text_words[i].norm in words.writers]
    told = any(text_words[i].forms & words.owned_not for i in range(index + 1, len(text_words))
               if sentence[i] == sentence[index])
    return bool(own) and not told


def _told_by(text: str, text_words: Sequence[TextWord], index: int, words: Everyday) -> bool:
    if text_words[index].norm not in words.hearsay or index + 1 >= len(text_words) or (
            text_words[index + 1].norm not in words.tellers) or "," in text_after(
            text, text_words, index):
        return False
    for after in range(index + 1, min(len(text_words), index + 3 + NAME_WORDS)):
        if "," in text_after(text, text_words, after) and after <= index + 1 + NAME_WORDS:
            return True
        if after > index + 1 and text_words[after].norm in words.intents:
            return True
    return False


def _told_by_kin(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
                 words: Everyday) -> bool:
    if text_words[index].norm not in words.hearsay or not index or (
            sentence[index - 1] == sentence[index]):
        return False
    first = sentence.index(sentence[index - 1])
    return first + 1 < index and text_words[first].norm in words.tellers and (
        text_words[first + 1].norm in words.writers)


def _own_past(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
              words: Everyday) -> bool:
    for at in range(index - 1, -1, -1):
        if sentence[at] != sentence[index]:
            return False
        if text_words[at].norm in words.past and at + 1 < index and (
                text_words[at + 1].forms.isdisjoint(words.past_not)) and any(
                text_words[i].norm in words.writers
                for i in range(max(0, at - PAST_REACH), at) if sentence[i] == sentence[at]):
            return True
    return False
