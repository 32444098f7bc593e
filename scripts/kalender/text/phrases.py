"""Finding words in a caption the way a reader sees them, not the way they are typed.

The SOP (D) forbids violent, terrorist, SARA, partisan and hoax content. The phrase lists
are data (``calendar/terlarang/*.yml``, ``calendar/partisan.yml``); this module reads them
and finds them in a text, on *normalised words*:

- case and diacritics do not matter, nor styled letters (𝐇𝐨𝐚𝐤𝐬, ｈｏａｋｓ: Unicode NFKD);
- repeated letters are folded (``bohooong`` is ``bohong``; numbers keep their digits);
- a digit inside a word that also has letters reads as a letter (``h04ks``: 4→a, 3→e,
  1→i, 0→o, 5→s, 7→t); a number alone stays a number (``nomor urut 4``);
- words match whole (``teror`` does not match ``terorganisir``; ``bunuh*`` matches every
  word that starts with ``bunuh``); a phrase of several words matches across spaces,
  punctuation and line breaks;
- a hashtag is split where its case changes (``#HoaksPemilu`` is ``hoaks pemilu``).

Every match carries its span in the ORIGINAL text (``start``, ``end``), so a preview can
highlight exactly what the reader will see.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field

T = TypeVar("T")
LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t"})
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# A word: letters and digits, with any combining marks and invisible characters inside it.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff])+")
REPEATS = re.compile(r"([^\W\d_])\1+")  # letters only: "11" stays a number
SENTENCE_END = re.compile(r"[.!?;]|\n\s*\n")  # a full stop, or a blank line
QUOTE_PAIRS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}


@dataclass(frozen=True)
class Word:
    """One word of a text: its normalised form and its span in the original text."""

    norm: str
    start: int
    end: int


def normalise_word(word: str) -> str:
    """``H0AAKS`` -> ``hoaks``: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in INVISIBLE)
    folded = plain.casefold()
    if any(c.isalpha() for c in folded) and any(c.isdigit() for c in folded):
        folded = folded.translate(LEET)
    return REPEATS.sub(r"\1", folded)


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, hashtags split where their case changes."""
    return list(_words(text))


@lru_cache(maxsize=512)
def _words(text: str) -> tuple[Word, ...]:
    found: list[Word] = []
    for match in WORD.finditer(text):
        start, end = match.span()
        is_hashtag = start > 0 and text[start - 1] == "#"
        parts = _camel_parts(text, start, end) if is_hashtag else [(start, end)]
        for part_start, part_end in parts:
            norm = normalise_word(text[part_start:part_end])
            if norm:
                found.append(Word(norm, part_start, part_end))
    return tuple(found)


def sentences(text: str, text_words: Sequence[Word]) -> list[int]:
    """The sentence number of each word: it grows at ``.``, ``!``, ``?``, ``;`` and blank
    lines between two words (a single line break does not end a sentence)."""
    numbers, current, previous_end = [], 0, 0
    for word in text_words:
        if SENTENCE_END.search(text, previous_end, word.start):
            current += 1
        numbers.append(current)
        previous_end = word.end
    return numbers


def _camel_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``HoaksPemilu`` -> ``Hoaks``, ``Pemilu``; ``KPUSingkawang`` -> ``KPU``, ``Singkawang``."""
    cuts = [start]
    for i in range(start + 1, end):
        before, here = text[i - 1], text[i]
        after = text[i + 1] if i + 1 < end else ""
        if here.isupper() and (before.islower() or (before.isupper() and after.islower())):
            cuts.append(i)
    cuts.append(end)
    return list(zip(cuts, cuts[1:], strict=False))


@dataclass(frozen=True)
class Pattern:
    """A phrase as normalised words; a word written with a trailing ``*`` matches by prefix."""

    parts: tuple[tuple[str, bool], ...]  # (normalised word, prefix?)

    @classmethod
    def parse(cls, phrase: str) -> Pattern:
        parts: list[tuple[str, bool]] = []
        for raw in phrase.split():
            prefix = raw.endswith("*")
            found = [w.norm for w in words(raw.rstrip("*"))]
            parts += [(w, False) for w in found[:-1]]
            if found:
                parts.append((found[-1], prefix))
        return cls(tuple(parts))

    def matches_at(self, text_words: Sequence[Word], index: int) -> bool:
        """True when the phrase starts at word ``index`` of ``text_words``."""
        if not self.parts or index + len(self.parts) > len(text_words):
            return False
        for offset, (norm, prefix) in enumerate(self.parts):
            word = text_words[index + offset].norm
            if not (word.startswith(norm) if prefix else word == norm):
                return False
        return True


@dataclass(frozen=True)
class Phrase:
    """One entry of a forbidden-phrase list, with the basis for forbidding it."""

    text: str
    category: str  # the list's file name: kekerasan-terorisme, sara, hoaks, partisan
    label: str  # the list's name, shown to the user
    dasar: str
    blocked: bool = False
    advice: str = ""
    path: Path | None = None
    line: int | None = None
    pattern: Pattern = field(default_factory=lambda: Pattern(()), compare=False)
    mention_before: frozenset[str] = frozenset()  # normalised words that mark a mention


@dataclass(frozen=True)
class Match:
    """Where a phrase was found: its span in the original text, and whether the post only
    mentions it (quoted, or right after a word such as ``jangan`` or ``waspadai``)."""

    start: int
    end: int
    text: str  # the original text of the span
    phrase: Phrase
    mentioned: bool = False


MENTION_WINDOW = 3  # words before a phrase, in its sentence, searched for mention words


def find_phrases(text: str, phrases: Sequence[Phrase]) -> list[Match]:
    """Every occurrence of every phrase in ``text``, in text order (spans in ``text``).

    A match is flagged ``mentioned`` when it stands inside quotation marks (“…”, «…»,
    "…") or when one of its list's ``mention_before`` words comes in the three words
    before it in its sentence: the post talks about the words (e.g. how to spot a hoax:
    *jangan viralkan*) rather than uses them.
    """
    text_words = words(text)
    sentence = sentences(text, text_words)
    quotes = quoted_spans(text)
    candidates = _by_first_word(phrases, lambda p: [p.pattern])
    found = []
    for index, word in enumerate(text_words):
        for phrase in candidates(word.norm):
            if phrase.pattern.matches_at(text_words, index):
                start = text_words[index].start
                end = text_words[index + len(phrase.pattern.parts) - 1].end
                quoted = any(q_start <= start and end <= q_end for q_start, q_end in quotes)
                before = {w.norm for i, w in enumerate(text_words[:index])
                          if i >= index - MENTION_WINDOW and sentence[i] == sentence[index]}
                mentioned = quoted or bool(before & phrase.mention_before)
                found.append(Match(start, end, text[start:end], phrase, mentioned))
    return found


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans between quotation marks: curly pairs, and straight ``"`` taken in pairs."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for index, char in enumerate(text):
        if open_at is None and (char in QUOTE_PAIRS or char == '"'):
            open_at, closer = index, QUOTE_PAIRS.get(char, '"')
        elif open_at is not None and char == closer:
            spans.append((open_at, index + 1))
            open_at = None
    return spans


# --- partisanship: a party, a candidate or a ballot number near a campaign verb -------------

@dataclass(frozen=True)
class Contestant:
    """A party or a candidate of the office's list, with its ballot number."""

    name: str
    aliases: tuple[str, ...]
    ballot: int | None
    dasar: str
    patterns: tuple[Pattern, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class PartisanLists:
    """The office's lists of parties and candidates, the campaign verbs and the window."""

    contestants: tuple[Contestant, ...]
    verbs: tuple[Pattern, ...]
    verb_texts: tuple[str, ...]
    window: int
    dasar: str
    path: Path | None = None

    @property
    def ballots(self) -> dict[str, Contestant]:
        return {str(c.ballot): c for c in self.contestants if c.ballot is not None}


@dataclass(frozen=True)
class PartisanHit:
    """A reference to a contestant (name or ballot number) near a campaign verb."""

    contestant: Contestant
    reference: tuple[int, int]  # span in the original text
    verb: tuple[int, int]

    def spans(self) -> list[tuple[int, int]]:
        return sorted({self.reference, self.verb})


BALLOT_WORDS = ("nomor", "no")
NOT_A_BALLOT = frozenset({"tahun", "th", "thn"})  # "Nomor 7 Tahun 2017" cites a law


def find_partisan(text: str, lists: PartisanLists) -> list[PartisanHit]:
    """Each reference to a party, candidate or ballot number within ``lists.window`` words
    of a campaign verb (``coblos``, ``pilih``, ``dukung``, ``nomor urut`` ...), in the same
    sentence."""
    text_words = words(text)
    sentence = sentences(text, text_words)
    references = list(_references(text_words, lists))
    verb_at = _by_first_word(lists.verbs, lambda p: [p])
    verbs = [(i, i + len(p.parts) - 1) for i, word in enumerate(text_words)
             for p in verb_at(word.norm) if p.matches_at(text_words, i)]
    hits = []
    for contestant, (r_first, r_last) in references:
        near = [(v_first, v_last) for v_first, v_last in verbs
                if (v_last < r_first or v_first > r_last)
                and sentence[v_first] == sentence[r_first]
                and min(abs(v_first - r_last), abs(r_first - v_last)) <= lists.window]
        if near:
            v_first, v_last = min(near, key=lambda v: min(abs(v[0] - r_last), abs(r_first - v[1])))
            hits.append(PartisanHit(
                contestant,
                (text_words[r_first].start, text_words[r_last].end),
                (text_words[v_first].start, text_words[v_last].end)))
    return hits


def _references(text_words: Sequence[Word], lists: PartisanLists
                ) -> Iterator[tuple[Contestant, tuple[int, int]]]:
    ballots = lists.ballots
    candidates = _by_first_word(lists.contestants, lambda c: list(c.patterns))
    for index, word in enumerate(text_words):
        for contestant in candidates(word.norm):
            for pattern in contestant.patterns:
                if pattern.matches_at(text_words, index):
                    yield contestant, (index, index + len(pattern.parts) - 1)
                    break
        if word.norm in BALLOT_WORDS:
            number_at = index + 2 if _word(text_words, index + 1) == "urut" else index + 1
            number = _word(text_words, number_at)
            if number in ballots and _word(text_words, number_at + 1) not in NOT_A_BALLOT:
                yield ballots[number], (index, number_at)


def _by_first_word(items: Sequence[T], patterns: Callable[[T], list[Pattern]]
                   ) -> Callable[[str], list[T]]:
    """A lookup of the items whose pattern may start at a word: those whose first word is
    that word, and those whose first word is a prefix (``bantai*``)."""
    exact: dict[str, dict[int, T]] = {}
    by_prefix: list[tuple[str, T]] = []
    for item in items:
        for pattern in patterns(item):
            first, prefix = pattern.parts[0] if pattern.parts else ("", False)
            if prefix:
                by_prefix.append((first, item))
            else:
                exact.setdefault(first, {})[id(item)] = item

    def lookup(word: str) -> list[T]:
        found = dict(exact.get(word, {}))
        for first, item in by_prefix:
            if word.startswith(first):
                found.setdefault(id(item), item)
        return list(found.values())

    return lookup


def _word(text_words: Sequence[Word], index: int) -> str:
    return text_words[index].norm if index < len(text_words) else ""


# --- reading the lists ---------------------------------------------------------------------

PHRASES_SCHEMA = Field("mapping", keys={
    "label": Field("text", required=True),
    "mention_before": Field("list", items=Field("text")),
    "phrases": Field("list", required=True, items=Field("mapping", keys={
        "text": Field("text", required=True),
        "dasar": Field("text", required=True),
        "blocked": Field("bool"),
        "advice": Field("text"),
    })),
})

PARTISAN_SCHEMA = Field("mapping", keys={
    "dasar": Field("text", required=True),
    "window": Field("integer", required=True),
    "verbs": Field("list", required=True, min_items=1, items=Field("text")),
    "parties": Field("list", items=Field("mapping", keys={
        "name": Field("text", required=True),
        "aliases": Field("list", items=Field("text")),
        "nomor_urut": Field("integer"),
        "dasar": Field("text", required=True),
    })),
    "candidates": Field("list", items=Field("mapping", keys={
        "name": Field("text", required=True),
        "aliases": Field("list", items=Field("text")),
        "nomor_urut": Field("integer"),
        "dasar": Field("text", required=True),
    })),
})

FORBIDDEN_FOLDER = "terlarang"
PARTISAN_FILE = "partisan.yml"


def load_phrases(folder: Path, report: Report) -> tuple[Phrase, ...]:
    """Every phrase of ``calendar/terlarang/*.yml`` (``folder`` is ``calendar/``)."""
    phrases: list[Phrase] = []
    for path in sorted((folder / FORBIDDEN_FOLDER).glob("*.yml")):
        phrases += _phrase_file(path, report)
    return tuple(phrases)


def _phrase_file(path: Path, report: Report) -> list[Phrase]:
    located = read_data_file(path, PHRASES_SCHEMA, report)
    if located is None:
        return []
    data = located.value
    mention = frozenset(normalise_word(str(w)) for w in data.get("mention_before") or ())
    phrases = []
    for index, raw in enumerate(data["phrases"]):
        pattern = Pattern.parse(str(raw["text"]))
        line = located.line("phrases", index, "text")
        if not pattern.parts:
            report.error(path, line, "content.list_empty_phrase", found=str(raw["text"]))
            continue
        phrases.append(Phrase(
            text=str(raw["text"]), category=path.stem, label=str(data["label"]),
            dasar=str(raw["dasar"]), blocked=bool(raw.get("blocked")),
            advice=str(raw.get("advice") or ""), path=path, line=line, pattern=pattern,
            mention_before=mention))
    return phrases


def load_partisan(folder: Path, report: Report) -> PartisanLists | None:
    """The lists of ``calendar/partisan.yml``; None when the file is absent or wrong."""
    path = folder / PARTISAN_FILE
    if not path.exists():
        return None
    located = read_data_file(path, PARTISAN_SCHEMA, report)
    if located is None:
        return None
    data = located.value
    if data["window"] < 1:
        report.error(path, located.line("window"), "content.list_bad_window",
                     found=data["window"])
        return None
    contestants = [_contestant(raw) for raw in
                   [*(data.get("parties") or ()), *(data.get("candidates") or ())]]
    verbs = tuple(str(v) for v in data["verbs"])
    return PartisanLists(tuple(contestants), tuple(Pattern.parse(v) for v in verbs), verbs,
                         int(data["window"]), str(data["dasar"]), path)


def _contestant(raw: dict[str, Any]) -> Contestant:
    aliases = tuple(str(a) for a in raw.get("aliases") or ())
    names = (str(raw["name"]), *aliases)
    ballot = raw.get("nomor_urut")
    return Contestant(str(raw["name"]), aliases, ballot if isinstance(ballot, int) else None,
                      str(raw["dasar"]), tuple(Pattern.parse(n) for n in names))
