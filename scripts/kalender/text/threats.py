"""A threat of an attack written without a word of urging (docs/riwayat/screen-z.md): *Kantor
KPU akan meledak jam 12 besok*, *Ada bom di gudang lab, jam 9 meledak*, *besok pagi 💣 di
kantor KPU*. No word of it is forbidden by itself: the breach is the structure, in one
sentence, of

- an **act** of attack (``acts``: *bom*, *ledak* through their affixes: *dibom*, *meledak*,
  *ledakin*; or a sign standing for one, ``signs``: 💣), not negated (*bukan bom*, *tidak
  sampai meledak*) and not an everyday compound (``not_acts``: *bom waktu*, *bom ikan*,
  *bom diskon*);
- a concrete **target** (``targets``: *kantor*, *gudang*, *TPS*, *sekolah*, *stadion* ...);
- a **when** or the writer as the one acting (``times``: *besok*, *jam*, *nanti*, *akan*;
  ``actors``: *gue*, *kami*, *kita*); for a request of someone's data (``data-pribadi.yml``:
  *kirim* + *nomor KK* + *ke admin*) the one receiving it (``receivers``: read as actors).

A caption that names a frame anywhere (``frames``: a drill, a fact check, the police having
acted, a past event, the law: *simulasi*, *hoaks*, *beredar*, *Gegana*, *kemarin*,
*dipidana*) tells about a threat, never makes one; so does a sentence about the law and a
threat in quotes. The lists are data: ``calendar/terlarang/ancaman/*.yml``, one file per
category (its name the category's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .education import Lesson, legal_sentences
from .phrases import Match, Phrase, Word, quoted_spans, readings, sentences, words
from .stances import FINDING_KEYS, LIST, list_phrase
from .textword import Words, phrase_width

THREAT_FOLDER = "ancaman"  # inside calendar/terlarang/
NEGATION_REACH = 2  # words before an act that may negate it (*tidak sampai meledak*)

THREAT_SCHEMA = Field("mapping", keys={
    **FINDING_KEYS,
    "acts": LIST, "signs": LIST, "not_acts": LIST, "targets": LIST, "times": LIST,
    "actors": LIST, "receivers": LIST, "frames": LIST,
})


@dataclass(frozen=True)
class ThreatList:
    """One category's words of a threat, with the finding it gives."""

    phrase: Phrase  # what a finding reports: category, SOP clause, law, advice
    acts: tuple[Words, ...] = ()
    signs: tuple[str, ...] = ()  # characters standing for an act: "💣"
    not_acts: tuple[Words, ...] = ()  # "bom waktu": covering the act's word
    targets: tuple[Words, ...] = ()
    times: tuple[Words, ...] = ()
    actors: tuple[Words, ...] = ()
    frames: tuple[Words, ...] = ()  # anywhere in the caption: about a threat, not one


def find_threats(text: str, threat_lists: Sequence[ThreatList],
                 lesson: Lesson | None = None) -> list[Match]:
    """The first threat of each list in ``text`` (see the module), as a match of the act
    with the target as its cue."""
    found = []
    for threat in threat_lists:
        match = _first_threat(text, threat, lesson or Lesson())
        if match is not None:
            found.append(match)
    return found


def _first_threat(text: str, threat: ThreatList, lesson: Lesson) -> Match | None:
    plain = words(text)
    if not plain or any(_at(plain, i, threat.frames) for i in range(len(plain))):
        return None
    negators = lesson.negators | lesson.close_negators
    for reading in readings(text):
        if not any(sign in text for sign in threat.signs) and not any(
                _at(reading, i, threat.acts) for i in range(len(reading))):
            continue  # most captions: no act, no sentences to read
        number = sentences(text, reading)
        acts = _acts(reading, number, threat, negators) + _signs(text, reading, number, threat)
        for start, end, at in acts:
            place = _in_sentence(reading, number, at, threat.targets)
            if place is not None and (_in_sentence(reading, number, at, threat.times)
                                      or _in_sentence(reading, number, at, threat.actors)
                                      ) and not _told(text, plain, start, lesson):
                return Match(start, end, text[start:end], threat.phrase, False, place)
    return None


def _told(text: str, plain: Sequence[Word], start: int, lesson: Lesson) -> bool:
    """The act at ``start`` is in quotation marks or in a sentence about the law (read only
    once the rest of a threat is found: most captions have none)."""
    sentence = sentences(text, plain)
    legal = legal_sentences(text, plain, sentence, lesson)
    return _sentence_at(plain, sentence, start) in legal or any(
        q[0] <= start < q[1] for q in quoted_spans(text))


def _acts(reading: Sequence[Word], number: Sequence[int], threat: ThreatList,
          negators: frozenset[str]) -> list[tuple[int, int, int]]:
    """Each act word of ``reading``: its span and its sentence."""
    return [(w.start, reading[i + width - 1].end, number[i]) for i, w in enumerate(reading)
            if (width := _at(reading, i, threat.acts))
            and not _excepted(reading, i, threat.not_acts)
            and not any(v.norm in negators for v in reading[max(0, i - NEGATION_REACH):i])]


def _signs(text: str, reading: Sequence[Word], number: Sequence[int],
           threat: ThreatList) -> list[tuple[int, int, int]]:
    """Each sign standing for an act (💣): its span and the sentence it is written in."""
    return [(at, at + len(sign), _sentence_at(reading, number, at))
            for sign in threat.signs for at in _occurrences(text, sign)]


def _occurrences(text: str, sign: str) -> list[int]:
    found, at = [], text.find(sign)
    while at >= 0:
        found.append(at)
        at = text.find(sign, at + len(sign))
    return found


def _sentence_at(reading: Sequence[Word], sentence: Sequence[int], char: int) -> int:
    """The sentence of the last word starting at or before ``char`` (else the first one)."""
    before = [i for i, w in enumerate(reading) if w.start <= char]
    return sentence[before[-1]] if before else sentence[0]


def _in_sentence(reading: Sequence[Word], number: Sequence[int], at: int,
                 phrases: tuple[Words, ...]) -> tuple[int, int] | None:
    for i, word in enumerate(reading):
        width = number[i] == at and _at(reading, i, phrases)
        if width:
            return (word.start, reading[i + width - 1].end)
    return None


_FIRSTS: dict[int, tuple[tuple[Words, ...], frozenset[str]]] = {}


def _at(reading: Sequence[Word], index: int, phrases: tuple[Words, ...]) -> int:
    """The width of the first of ``phrases`` starting at word ``index``, or 0; a word that
    starts none of them is passed over at once (kept per list: the frames are read for
    every word of every caption)."""
    kept = _FIRSTS.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        if len(_FIRSTS) > 64:
            _FIRSTS.clear()
        kept = _FIRSTS[id(phrases)] = (phrases, frozenset(p[0] for p in phrases if p))
    if index >= len(reading) or not reading[index].forms & kept[1]:
        return 0
    return phrase_width(reading, index, phrases)


def _excepted(reading: Sequence[Word], index: int, not_acts: tuple[Words, ...]) -> bool:
    """An everyday compound covers the act's word (*bom waktu*, *harga bom*)."""
    return any(_at(reading, start, not_acts) > index - start
               for start in range(max(0, index - 2), index + 1))


def threat_files(folder: Path) -> list[Path]:
    """The threat lists of the ``calendar/`` folder ``folder``, in name order."""
    return sorted((folder / "terlarang" / THREAT_FOLDER).glob("*.yml"))


def load_threats(folder: Path, report: Report) -> tuple[ThreatList, ...]:
    """Every list of ``calendar/terlarang/ancaman/*.yml`` (``folder`` is ``calendar/``)."""
    found = []
    for path in threat_files(folder):
        located = read_data_file(path, THREAT_SCHEMA, report)
        if located is not None:
            found.append(_threat(path, located.value))
    return tuple(found)


def _threat(path: Path, data: dict[str, Any]) -> ThreatList:
    return ThreatList(list_phrase(path, data), acts=_words(data, "acts"),
                      signs=tuple(str(s) for s in data.get("signs") or ()),
                      not_acts=_words(data, "not_acts"), targets=_words(data, "targets"),
                      times=_words(data, "times"),
                      actors=_words(data, "actors") + _words(data, "receivers"),
                      frames=_words(data, "frames"))


def _words(data: dict[str, Any], key: str) -> tuple[Words, ...]:
    return tuple(phrase for item in data.get(key) or ()
                 if (phrase := tuple(w.norm for w in words(str(item)))))
