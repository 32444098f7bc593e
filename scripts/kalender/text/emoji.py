"""An emoji standing for an insult, aimed at a person or a group (docs/riwayat/screen-ae.md):
*mukanya kyk 🐷 tuh petugas loket*, *Bawaslu kite ni 🐕🐕🐕 semua*, *liat tuh kaum 🐷🐷*.
The emoji is the word (``emoji``: 🐷 *babi*, 🐒 *monyet*, 🐀 *tikus*, 🤡 *badut*); the
breach is the structure, in one sentence, of a listed emoji and

- a **pointer** just before it (``pointers``: *kayak*, *mirip*, *isinya*, *kaum*, *dasar*),
  or an ``=`` where the list says so (``equals: true``: *bawaslu = 🐶🐶*); or
- a **target** near it (``targets``, within ``REACH`` words before or after: *kalian*,
  *mereka*, *petugas*, *Bawaslu*; for SARA a group: *umat*, *suku*, *Cina*).

An emoji beside what it is stays clean: a sentence that names the word the emoji stands for
(*anjing tetangga lepas lagi 🐶*, *babi panggang 🐷*) is left to the word rules, and a
caption with a ``frames`` word anywhere (a zoo, a farm, a menu, a pet, a rescue: *kebun
binatang*, *ternak*, *resep*, *pelacak*, *evakuasi*) shows the animal, not a person. The lists
are data: ``calendar/terlarang/emoji/*.yml``, one file per category (its name the category's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .phrases import Match, Phrase, Word, sentences, words
from .stances import FINDING_KEYS, LIST, list_phrase
from .textword import Words, phrase_width

EMOJI_FOLDER = "emoji"  # inside calendar/terlarang/
REACH = 3  # words between an emoji and its target
VARIATION = "\ufe0f\u200d"  # a variation selector and a joiner: part of the emoji

EMOJI_SCHEMA = Field("mapping", keys={
    **FINDING_KEYS,
    "emoji": Field("mapping", required=True, values=Field("text")),
    "pointers": LIST, "targets": LIST, "frames": LIST, "equals": Field("bool"),
})


@dataclass(frozen=True)
class EmojiList:
    """One category's emoji standing for words, with what aims them and the finding."""

    phrase: Phrase  # what a finding reports: category, SOP clause, law, advice
    emoji: tuple[tuple[str, str], ...] = ()  # the emoji and the (normalised) word it means
    pointers: tuple[Words, ...] = ()
    targets: tuple[Words, ...] = ()
    frames: tuple[Words, ...] = ()
    equals: bool = False  # "bawaslu = 🐶": an "=" before the emoji points it


def find_emoji(text: str, emoji_lists: Sequence[EmojiList]) -> list[Match]:
    """The first aimed emoji of each list in ``text`` (see the module)."""
    found = []
    for listed in emoji_lists:
        match = _first_aimed(text, listed)
        if match is not None:
            found.append(match)
    return found


def _first_aimed(text: str, listed: EmojiList) -> Match | None:
    places = [(at, sign, word) for sign, word in listed.emoji for at in _occurrences(text, sign)]
    if not places:
        return None  # most captions: no emoji of the list
    plain = words(text)
    if any(phrase_width(plain, i, listed.frames) for i in range(len(plain))):
        return None
    number = sentences(text, plain)
    for at, sign, word in sorted(places):
        end = _emoji_end(text, at + len(sign))
        if _aimed(text, plain, number, at, end, word, listed):
            return Match(at, end, text[at:end], listed.phrase)
    return None


def _aimed(text: str, plain: Sequence[Word], number: Sequence[int], at: int, end: int,
           word: str, listed: EmojiList) -> bool:
    before = [i for i, w in enumerate(plain) if w.end <= at]
    after = [i for i, w in enumerate(plain) if w.start >= end]
    sentence = number[before[-1]] if before else number[after[0]] if after else -1
    own = [i for i in range(len(plain)) if number[i] == sentence]
    if any(word in plain[i].forms for i in own):
        return False  # the emoji beside its own word: the word rules judge the word
    near = [i for i in before[-REACH:] + after[:REACH] if number[i] == sentence]
    pointed = (listed.equals and text[:at].rstrip().endswith("=")) or any(
        phrase_width(plain, i, listed.pointers) for i in before[-2:] if number[i] == sentence)
    return pointed or any(phrase_width(plain, i, listed.targets) for i in near)


def _emoji_end(text: str, end: int) -> int:
    """The end of a run of the same emoji and its variation selectors (🐀🐀🐀)."""
    while end < len(text) and (text[end] in VARIATION or text[end] == text[end - 1]):
        end += 1
    return end


def _occurrences(text: str, sign: str) -> list[int]:
    found, at = [], text.find(sign)
    while at >= 0:
        if at == 0 or text[at - 1] != sign[-1]:  # a run counts once, at its first emoji
            found.append(at)
        at = text.find(sign, at + len(sign))
    return found


def emoji_files(folder: Path) -> list[Path]:
    """The emoji lists of the ``calendar/`` folder ``folder``, in name order."""
    return sorted((folder / "terlarang" / EMOJI_FOLDER).glob("*.yml"))


def load_emoji(folder: Path, report: Report) -> tuple[EmojiList, ...]:
    """Every list of ``calendar/terlarang/emoji/*.yml`` (``folder`` is ``calendar/``)."""
    found = []
    for path in emoji_files(folder):
        located = read_data_file(path, EMOJI_SCHEMA, report)
        if located is not None:
            found.append(_emoji_list(path, located.value))
    return tuple(found)


def _emoji_list(path: Path, data: dict[str, Any]) -> EmojiList:
    meant = tuple((str(sign), words(str(word))[0].norm)
                  for sign, word in (data.get("emoji") or {}).items() if words(str(word)))
    return EmojiList(list_phrase(path, data), emoji=meant, pointers=_words(data, "pointers"),
                     targets=_words(data, "targets"), frames=_words(data, "frames"),
                     equals=bool(data.get("equals")))


def _words(data: dict[str, Any], key: str) -> tuple[Words, ...]:
    return tuple(phrase for item in data.get(key) or ()
                 if (phrase := tuple(w.norm for w in words(str(item)))))
