"""Finding words in a caption the way a reader sees them, not the way they are typed.

The SOP (D) forbids violent, terrorist, SARA, partisan and hoax content. The phrase lists are
data (``calendar/terlarang/*.yml``, read by :mod:`kalender.text.phrase_lists`); this module finds
them on *normalised words* (partisanship near named contestants: :mod:`kalender.text.partisan`):

- case and diacritics do not matter, nor styled letters (𝐇𝐨𝐚𝐤𝐬, ｈｏａｋｓ: Unicode NFKD);
- repeated letters are folded (``bohooong`` is ``bohong``; numbers keep their digits);
- a digit inside a word that also has letters reads as a letter (``h04ks``: 4→a, 3→e,
  1→i, 0→o, 5→s, 7→t, 8→b, 9→g); a number alone stays a number (``nomor urut 4``); a
  word ending in ``2`` is the word said twice (``rame2`` is ``rame rame``);
- words match whole (``teror`` does not match ``terorganisir``; ``bunuh*`` matches every
  word that starts with ``bunuh``); a phrase of several words matches across spaces,
  punctuation and line breaks;
- a hashtag is split where its case changes (``#HoaksPemilu`` is ``hoaks pemilu``);
- in the lists of ``calendar/terlarang/``, a word matches through its inflections
  (``pukuli`` catches ``dipukuli``, ``memukulinya``: :mod:`kalender.text.wordforms`), letters
  written apart are read together (``b o m``, ``h.a.j.a.r``, ``k*parat``:
  :mod:`kalender.text.letters`), an entry may ask for a cue word in its sentence (``bakar`` with
  ``saja``, ``ayo``, ``layak`` ...), and a match a lesson only teaches about (negated, in a
  sentence about the law, refuted) is marked ``mentioned`` (:mod:`kalender.text.education`).

Every match carries its span in the ORIGINAL text (``start``, ``end``) for a preview to mark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from . import education as lessons
from .abbreviations import devoiced, may_be_shortened, shortens, skeleton, sounds_alike
from .clauses import at_arms_length, endorsed, relative_negators
from .education import Lesson, answered_question, in_sentence, legal_sentences, negated, refuted
from .everyday import everyday_use, literal_cue
from .letters import WILDCARD, joined_runs, touches
from .wordforms import word_forms

T = TypeVar("T")
LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t", "8": "b",
                      "9": "g"})
REDUPLICATED = re.compile(r"([^\W\d_]{2,})2")  # "rame2", "pukul2": the word said twice
# Cyrillic and Greek letters that look Latin ("bаbi" with a Cyrillic а), read as Latin.
LOOKALIKES = str.maketrans("аеорсухкмтвніјѕοαρτυνκιεχ", "aeopcyxkmtbhijsoaptuvkiex")
# A symbol between two letters standing for a letter: "b@bi", "k@fir", "ba$ngsat".
SYMBOL_LETTER = re.compile(r"(?<=[^\W\d_])[@$!|](?=[^\W\d_])")
SYMBOL_AS = {"@": "a", "$": "s", "!": "i", "|": "l"}
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# A word: letters and digits, with any combining marks and invisible characters inside it.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff])+")
REPEATS = re.compile(r"([^\W\d_])\1+")  # letters only: "11" stays a number
# An amount of money written as one word: "50rb", "100k", "2jt", "Rp50" ("Rp50.000"):
# read as "rupiah", not through the digits-as-letters reading ("50rb" is not "sorb").
MONEY = re.compile(r"^(?:rp\d+|\d+(?:rb|ribu|jt|juta|k))$")
MONEY_WORD = "rupiah"
SENTENCE_END = re.compile(r"[.!?;]|\n\s*\n")  # a full stop, or a blank line
HALF = 2  # the shortest piece of a word written in two pieces ("bang sat", "anji ng") ...
KEPT_WORDS = 65536  # words whose candidate phrases are kept
FIRST_HALF = 3  # ... and the shortest first piece ("di", "ke" would be every entry's start)
# Spoken particles that may stand inside a phrase: "beli aja suara" is "beli suara".
FILLERS = frozenset({"aja", "saja", "dong", "deh", "sih", "nih", "tuh", "lho", "loh", "kok"})
NUMBER = "#"  # in a pattern: any number ("pukul #": the hour, not a blow)
# A word before a quoted word that names it: the word is talked about (kata "bodoh").
NAMING = frozenset({"kata", "istilah", "sebutan", "sebut", "julukan", "juluki", "label",
                    "cap", "panggilan", "panggil", "bilang", "ucapan", "kalimat", "tulisan",
                    "seperti", "misalnya", "contohnya", "atau", "dan"})
ANSWERING = frozenset({"tangap", "tuduh", "tuding", "angap", "komentar", "klaim", "pesan"})
QUOTE_PAIRS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}


@dataclass(frozen=True)
class Word:
    """One word of a text: its normalised form and its span in the original text."""

    norm: str
    start: int
    end: int
    inflects: bool = True  # False: a word cut in two and joined, compared as written

    @property
    def forms(self) -> frozenset[str]:
        """The forms this word may stand for, through its affixes (``wordforms``)."""
        return word_forms(self.norm) if self.inflects else frozenset({self.norm})


def normalise_word(word: str) -> str:
    """``H0AAKS`` -> ``hoaks``: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in INVISIBLE)
    folded = plain.casefold().translate(LOOKALIKES)
    if MONEY.match(folded):
        return MONEY_WORD
    if any(c.isalpha() for c in folded) and any(c.isdigit() for c in folded):
        folded = folded.translate(LEET)
    return REPEATS.sub(r"\1", folded)


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, hashtags split where their case changes."""
    return list(_words(text))


@lru_cache(maxsize=512)
def _words(text: str) -> tuple[Word, ...]:
    found: list[Word] = []
    scan = SYMBOL_LETTER.sub(lambda m: SYMBOL_AS[m.group()], text)  # same length as text
    for match in WORD.finditer(scan):
        start, end = match.span()
        is_hashtag = start > 0 and text[start - 1] == "#"
        parts = _camel_parts(scan, start, end) if is_hashtag else [(start, end)]
        for part_start, part_end in parts:
            norm = normalise_word(scan[part_start:part_end])
            twice = REDUPLICATED.fullmatch(norm)
            for said in (twice.group(1),) * 2 if twice else (norm,) if norm else ():
                found.append(Word(said, part_start, part_end))
    return tuple(found)


def readings(text: str) -> list[tuple[Word, ...]]:
    """The words of ``text`` as read word by word, then (when it has any) with its letters
    written apart read together (:func:`kalender.text.letters.joined_runs`)."""
    plain = _words(text)
    runs = joined_runs(text)
    if not runs:
        return [plain]
    joined = [Word(normalise_word(r.raw), r.start, r.end, not r.cut) for r in runs]
    kept = [w for w in plain if not any(j.start <= w.start < j.end for j in joined)]
    return [plain, tuple(sorted([*kept, *joined], key=lambda w: w.start))]


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
    """A phrase as normalised words; a word written with a trailing ``*`` matches by prefix,
    and ``#`` matches any number."""

    parts: tuple[tuple[str, bool], ...]  # (normalised word, prefix?)
    inflected: bool = False  # compare with every form of a text word (wordforms)
    shortened: bool = False  # ... and a text word written without vowels (abbreviations)

    @classmethod
    def parse(cls, phrase: str, inflected: bool = False, shortened: bool = False) -> Pattern:
        parts: list[tuple[str, bool]] = []
        for raw in phrase.split():
            if raw == NUMBER:
                parts.append((NUMBER, False))
                continue
            prefix = raw.endswith("*")
            found = [w.norm for w in words(raw.rstrip("*"))]
            parts += [(w, False) for w in found[:-1]]
            if found:
                parts.append((found[-1], prefix))
        return cls(tuple(parts), inflected, shortened)

    @cached_property
    def written_together(self) -> str:
        """``bom bunuh diri`` -> ``bombunuhdiri``: the phrase as letters written apart read."""
        return "".join(norm for norm, _ in self.parts)

    def matches_at(self, text_words: Sequence[Word], index: int) -> bool:
        """True when the phrase starts at word ``index`` of ``text_words``."""
        if not self.parts or index + len(self.parts) > len(text_words):
            return False
        return all(self.word_matches(text_words[index + offset], norm, prefix)
                   for offset, (norm, prefix) in enumerate(self.parts))

    def width_at(self, text_words: Sequence[Word], index: int) -> int:
        """How many words of ``text_words`` the phrase covers from ``index`` (0: no match):
        its own number of words, or one word that is the whole phrase written together."""
        if self.matches_at(text_words, index):
            return len(self.parts)
        spread = self._width_with_fillers(text_words, index)
        if spread:
            return spread
        if len(self.parts) > 1 and index < len(text_words):
            word = text_words[index]
            if _same(word.norm, self.written_together, False):
                return 1
        if self.shortened and index + 1 < len(text_words) and self.split_at(
                text_words[index], text_words[index + 1]):
            return 2
        return 0

    def _width_with_fillers(self, text_words: Sequence[Word], index: int) -> int:
        """The phrase with a spoken particle between its words (*beli aja suara*, *bunuh
        saja dia*): how many words it covers, or 0."""
        if len(self.parts) < 2 or index >= len(text_words) or not self.word_matches(
                text_words[index], *self.parts[0]):
            return 0
        at = index + 1
        for norm, prefix in self.parts[1:]:
            skipped = 0
            while (at < len(text_words) and text_words[at].norm in FILLERS
                   and skipped < 1 and norm not in FILLERS):
                at, skipped = at + 1, skipped + 1
            if at >= len(text_words) or not self.word_matches(text_words[at], norm, prefix):
                return 0
            at += 1
        return at - index if at - index > len(self.parts) else 0

    def split_at(self, first: Word, second: Word) -> bool:
        """A one-word entry written in two pieces one character apart (``bang sat``,
        ``kep arat``), of at least ``FIRST_HALF`` and ``HALF`` letters (shorter ones:
        :mod:`kalender.text.letters`)."""
        norm, prefix = self.parts[0] if len(self.parts) == 1 else ("", True)
        return (not prefix and len(norm) >= FIRST_HALF + HALF and second.start - first.end == 1
                and len(first.norm) >= FIRST_HALF and len(second.norm) >= HALF
                and first.norm + second.norm == norm)

    def word_matches(self, word: Word, norm: str, prefix: bool) -> bool:
        forms = word.forms if self.inflected else (word.norm,)
        if any(_same(form, norm, prefix) for form in forms):
            return True
        return self.shortened and not prefix and (
            shortens(word.norm, norm) or sounds_alike(word.norm, norm))


def _same(written: str, norm: str, prefix: bool) -> bool:
    """``written`` (a word of the text, perhaps with a WILDCARD letter) is ``norm``."""
    if norm == NUMBER:
        return written[:1].isdigit()
    if WILDCARD in written:
        if len(written) != len(norm) and not (prefix and len(written) > len(norm)):
            return False
        return all(w in (n, WILDCARD) for w, n in zip(written, norm, strict=False))
    return written.startswith(norm) if prefix else written == norm


@dataclass(frozen=True)
class Phrase:
    """One entry of a forbidden-phrase list, with the basis for forbidding it."""

    text: str
    category: str  # the list's file name: kekerasan, sara, hoaks, partisan ...
    label: str  # the list's name, shown to the user
    dasar: str  # the law (or other basis) that forbids it
    blocked: bool = False  # an error even when only mentioned or taught about
    advice: str = ""  # a suggested rewording
    path: Path | None = None
    line: int | None = None
    pattern: Pattern = field(default_factory=lambda: Pattern(()), compare=False)
    mention_before: frozenset[str] = frozenset()  # normalised words that mark a mention
    sop: str = ""  # the SOP clause: D.1 to D.4
    error: bool = False  # a finding is an error (else a warning) when the phrase is used
    cues: tuple[Pattern, ...] = field(default=(), compare=False)  # one must be in the sentence
    cue_at_start: bool = False  # ... or the phrase opens a clause, unprefixed (imperative)
    cue_alone: bool = False  # ... or the phrase is a clause by itself ("Anjing!", "Cuk, ...")
    cue_window: int | None = None  # words between phrase and cue (None: whole sentence)
    refutable: bool = False  # a caption that refutes a claim only teaches about it
    exceptions: tuple[Pattern, ...] = field(default=(), compare=False)  # "bakar semangat"
    by_law: bool = True  # a sentence about the law teaches about it (False: one citing it)
    lesson_words: tuple[tuple[str, ...], ...] = ()  # ... and so does one with these words
    self_before: frozenset[str] = frozenset()  # the writer as subject: not aimed at anyone
    self_linking: frozenset[str] = frozenset()  # ... with these words between (text.selfdirected)

    @property
    def needs_cue(self) -> bool:
        return bool(self.cues) or self.cue_at_start or self.cue_alone


@dataclass(frozen=True)
class Match:
    """Where a phrase was found: its span in the original text, and whether the post only
    mentions it (quoted, or right after a word such as ``jangan`` or ``waspadai``, or in a
    sentence about the law: :mod:`kalender.text.education`)."""

    start: int
    end: int
    text: str  # the original text of the span
    phrase: Phrase
    mentioned: bool = False
    cue: tuple[int, int] | None = None  # the cue word that made the phrase count


IMPERATIVE_ENDINGS = ("", "lah", "kan", "i", "in", "kanlah", "ilah", "nya")  # not "-an"
NEGATING_CUE = frozenset({"bukan", "tidak", "tak", "jangan", "tanpa", "ngak", "gak", "ndak", "gk"})
IMPERSONATED = frozenset({"mengatasnamakan", "mencatut", "catut", "mengaku"})  # not the target
# Words of time before an imperative opening a clause: "Besok pagi kepung rumahnya".
WHEN = frozenset({"besok", "nanti", "sekarang", "pagi", "siang", "sore", "malam", "ini",
                  "lusa", "segera", "langsung", "habis", "itu", "subuh"})
# ... also with one of these between: "tidak untuk dijual", "jangan mau dibeli"
NEGATED_MODAL = frozenset({"untuk", "mau", "boleh", "akan", "bisa", "pernah", "perlu", "usah",
                           "sudi"})
# A second order joined to a first one: "serbu TPS-nya dan hajar petugasnya".
THEN = frozenset({"dan", "lalu", "terus", "trus", "kemudian", "habis", "abis"})
ORDERS = frozenset({"serbu", "kepung", "datangi", "geruduk", "cari", "tangkap", "seret",
                    "usir", "tarik", "kejar", "samperin", "datengin", "bakar", "hancurkan",
                    "rusak", "robohkan", "ambil", "rebut"})
CLAUSE_BREAK = re.compile(r"[,:;!?.\n()]")


def find_phrases(text: str, phrases: Sequence[Phrase],
                 lesson: Lesson | None = None) -> list[Match]:
    """Every occurrence of every phrase in ``text``, in text order (spans in ``text``),
    ``mentioned`` when quoted (“…”, «…», "…"), after a negating word of ``lesson`` or of its
    list's ``mention_before`` (*jangan viralkan*), in a sentence about the law, or (lists that
    allow it) in a caption refuting the claim. A joined reading adds only matches touching a
    joined word (*lo nggak* read as *longak* must not hide the ``nggak`` of *nggak dijual*)."""
    lesson = lesson or Lesson()
    quotes = quoted_spans(text)
    candidates = _phrase_lookup(phrases)
    found: list[Match] = []
    plain: set[tuple[int, int]] = set()
    for text_words in readings(text):
        joined = [(w.start, w.end) for w in text_words if (w.start, w.end) not in plain]
        reading = _Reading(text, text_words, lesson)
        matches = []
        for index, word in enumerate(text_words):
            for phrase in candidates(word):
                width = phrase.pattern.width_at(text_words, index)
                match = reading.match(phrase, index, width, quotes) if width else None
                if match is not None:
                    matches.append(match)
        found += [m for m in matches if not plain or touches(m.start, m.end, m.cue, joined)]
        plain = plain or {(w.start, w.end) for w in text_words}
    found.sort(key=lambda m: (m.start, -m.end))  # stable: the word-by-word reading first
    # the same entry at the same place in both readings: judged on the word-by-word one
    # ("cek di" read together as "cekdi" hides the "cek" of a lesson)
    once = {(m.start, m.end, id(m.phrase)): m for m in reversed(found)}
    found = [m for m in found if once[(m.start, m.end, id(m.phrase))] is m]
    return sorted(_one_per_place(found), key=lambda m: (m.start, m.end))


def _one_per_place(matches: Iterable[Match]) -> list[Match]:
    """One match per list where several of its entries overlap, the first of ``matches``
    (``sebarkan sebelum dihapus`` rather than ``sebelum dihapus``)."""
    kept: list[Match] = []
    for match in matches:
        if not any(k.phrase.category == match.phrase.category and k.mentioned == match.mentioned
                   and match.start < k.end and k.start < match.end for k in kept):
            kept.append(match)
    return kept


class _Reading:
    """One reading of a text, with what a match's context is judged on."""

    def __init__(self, text: str, text_words: Sequence[Word], lesson: Lesson) -> None:
        self.text, self.words, self.lesson = text, text_words, lesson
        self.sentence = sentences(text, text_words)

    @cached_property
    def legal(self) -> frozenset[int]:
        return legal_sentences(self.text, self.words, self.sentence, self.lesson)

    @cached_property
    def cited(self) -> frozenset[int]:
        return legal_sentences(self.text, self.words, self.sentence, self.lesson, True)

    @cached_property
    def refuted(self) -> bool:
        return refuted(self.words, self.lesson, self.text)

    def match(self, phrase: Phrase, index: int, width: int,
              quotes: Sequence[tuple[int, int]]) -> Match | None:
        start, end = self.words[index].start, self.words[index + width - 1].end
        if self._excepted(phrase, index) or self.sentence[index] != self.sentence[
                index + width - 1]:  # "Jangan mau dibeli! Suaramu ..." is not "beli suara"
            return None
        cue = self.cue(phrase, index, width) if phrase.needs_cue else None
        if phrase.needs_cue and cue is None:
            return None
        quoted = not endorsed(self.text, quotes) and any(
            q[0] <= start and end <= q[1] and not self._so_called(q, start, end, index)
            and at_arms_length(q, quotes, self.words, self.lesson) for q in quotes)
        law = self.legal if phrase.by_law else self.cited
        taught = (quoted or self.sentence[index] in law
                  or (negated(self.words, self.sentence, index, self.lesson,
                              phrase.mention_before)
                      and not relative_negators(self.text, self.words, self.sentence, index,
                                                self.lesson, phrase.mention_before))
                  or (phrase.refutable and (self.refuted or answered_question(
                      self.text, self.words, self.sentence, index, self.lesson)))
                  or in_sentence(self.words, self.sentence, index, phrase.lesson_words))
        return Match(start, end, self.text[start:end], phrase, taught, cue)

    def _so_called(self, quote: tuple[int, int], start: int, end: int, index: int) -> bool:
        """The quotation marks hold the match alone and no word of naming stands before them:
        a so-called word used (*para "pengantin"*), not a word talked about (*kata "bodoh"*,
        *menyebut orang lain "kafir"*), a quotation of what was said, or a claim answered."""
        before, after = self.text[quote[0] + 1:start], self.text[end:quote[1] - 1]
        if before.strip() or after.strip():
            return False
        named = index > 0 and bool(self.words[index - 1].forms & NAMING) or any(
            w.forms & ANSWERING for w, n in zip(self.words[:index], self.sentence, strict=False)
            if n == self.sentence[index])
        return not named and not _listed(self.text, quote)

    def _excepted(self, phrase: Phrase, index: int) -> bool:
        """An exception of the entry covers its first word (``bakar semangat``, ``berubah``),
        or the words around give it its everyday use (:mod:`kalender.text.everyday`)."""
        return any(
            (width := pattern.width_at(self.words, start)) and start + width > index
            for pattern in phrase.exceptions
            for start in range(max(0, index - len(pattern.parts) + 1), index + 1)
        ) or everyday_use(self.text, self.words, self.sentence, index, self.lesson.everyday)

    def cue(self, phrase: Phrase, index: int, width: int) -> tuple[int, int] | None:
        """The span of a cue word of ``phrase`` in its sentence (not right after ``bukan``),
        or the phrase's own span when it opens a clause unprefixed and that is enough."""
        if (phrase.cue_at_start and self._opens_clause(phrase, index)) or (
                phrase.cue_alone and self._alone(index, width)):
            return (self.words[index].start, self.words[index + width - 1].end)
        cues_at = _cue_lookup(phrase.cues)
        for other in self._sentence_words(index, width, phrase.cue_window):
            for cue in cues_at(self.words[other]):
                cue_width = cue.width_at(self.words, other)
                if cue_width and not self._negated_cue(other) and not literal_cue(self, other):
                    return (self.words[other].start, self.words[other + cue_width - 1].end)
        return None

    def _sentence_words(self, index: int, width: int, window: int | None) -> list[int]:
        reach = window if window is not None else len(self.words)
        return [i for i in range(max(0, index - reach), min(len(self.words), index + width
                                                               + reach))
                if self.sentence[i] == self.sentence[index] and not index <= i < index + width]

    def _negated_cue(self, index: int) -> bool:
        before = [w.norm for w in self.words[max(0, index - 2):index]]
        at = index - 1 if before and before[-1] in NEGATING_CUE else index - 2  # "kalau nggak"
        return bool(before) and not lessons.conditioned(self.words, at) and (
            before[-1] in NEGATING_CUE | IMPERSONATED or (
            len(before) == 2 and before[0] in NEGATING_CUE and before[1] in NEGATED_MODAL))

    def _alone(self, index: int, width: int) -> bool:
        """The words ``index`` to ``index + width`` are a clause of their own: an
        exclamation or a vocative (``Anjing!``, ``Cuk, TPS-nya pindah``)."""
        last = index + width - 1
        before = self.text[self.words[index - 1].end:self.words[index].start] if index else ","
        after = (self.text[self.words[last].end:self.words[last + 1].start]
                 if last + 1 < len(self.words) else ",")
        return bool(CLAUSE_BREAK.search(before) and CLAUSE_BREAK.search(after))

    def _after_imperative(self, joint: int) -> bool:
        """The clause before ``joint`` (``dan``, ``lalu``) opens with an unprefixed verb
        after a break: a second order joined to a first (*serbu TPS-nya dan hajar*)."""
        start = joint - 1
        while start > 0 and not CLAUSE_BREAK.search(
                self.text[self.words[start - 1].end:self.words[start].start]):
            start -= 1
        first = self.words[start].norm
        return joint - start <= 4 and first in ORDERS

    def _opens_clause(self, phrase: Phrase, index: int) -> bool:
        word = self.words[index]
        first = phrase.pattern.parts[0][0] if phrase.pattern.parts else ""
        unprefixed = word.norm in {first + ending for ending in IMPERATIVE_ENDINGS}
        while index > 0 and self.words[index - 1].norm in WHEN:  # "besok pagi, kepung"
            index -= 1
        if index > 1 and self.words[index - 1].norm in THEN and self._after_imperative(index - 1):
            return unprefixed  # "serbu TPS-nya dan hajar petugasnya"
        if index == 0:
            return unprefixed
        between = self.text[self.words[index - 1].end:self.words[index].start]
        return unprefixed and bool(CLAUSE_BREAK.search(between))


_CUE_LOOKUPS: dict[int, tuple[tuple[Pattern, ...], Callable[[Word], list[Pattern]]]] = {}


def _cue_lookup(cues: tuple[Pattern, ...]) -> Callable[[Word], list[Pattern]]:
    """The cue patterns that may start at a word (kept per cue list, like the phrases)."""
    kept = _CUE_LOOKUPS.get(id(cues))
    if kept is None or kept[0] is not cues:
        if len(_CUE_LOOKUPS) > 256:
            _CUE_LOOKUPS.clear()
        wrapped = tuple(Phrase("", "", "", "", pattern=cue) for cue in cues)
        index = _index_phrases(wrapped)
        kept = _CUE_LOOKUPS[id(cues)] = (cues, lambda word: [p.pattern for p in index(word)])
    return kept[1]


_LOOKUPS: dict[int, tuple[Sequence[Phrase], Callable[[Word], list[Phrase]]]] = {}


def _phrase_lookup(phrases: Sequence[Phrase]) -> Callable[[Word], list[Phrase]]:
    """The lookup of :func:`_index_phrases`, kept while the same list object is in use
    (the lists are read once per run: ``rules.lists.content_lists``)."""
    kept = _LOOKUPS.get(id(phrases))
    if kept is None or kept[0] is not phrases:
        if len(_LOOKUPS) > 16:
            _LOOKUPS.clear()
        kept = _LOOKUPS[id(phrases)] = (phrases, _index_phrases(tuple(phrases)))
    return kept[1]


def _index_phrases(phrases: tuple[Phrase, ...]) -> Callable[[Word], list[Phrase]]:
    """The phrases that may start at a word: by any form of its first word, by a prefix
    entry (``bantai*``), by the whole phrase written together, or any when the word has a
    starred-out letter."""
    first: dict[str, list[Phrase]] = {}
    together: dict[str, list[Phrase]] = {}
    by_skeleton: dict[str, list[Phrase]] = {}  # lists that match words written without vowels
    by_half: dict[str, list[Phrase]] = {}  # ... and one word written in two pieces
    by_prefix: list[tuple[str, Phrase]] = []
    for phrase in phrases:
        if not phrase.pattern.parts:
            continue
        norm, prefix = phrase.pattern.parts[0]
        if prefix:
            by_prefix.append((norm, phrase))
        else:
            first.setdefault(norm, []).append(phrase)
        together.setdefault(phrase.pattern.written_together, []).append(phrase)
        if phrase.pattern.shortened and not prefix:
            for consonants in {skeleton(norm), skeleton(norm).replace("ng", "g")}:
                by_skeleton.setdefault(consonants, []).append(phrase)
            by_skeleton.setdefault(devoiced(norm), []).append(phrase)
            for cut in range(FIRST_HALF, len(norm) - HALF + 1):
                by_half.setdefault(norm[:cut], []).append(phrase)

    known: dict[tuple[str, bool], list[Phrase]] = {}  # a word's candidates, kept per word

    def lookup(word: Word) -> list[Phrase]:
        key = (word.norm, word.inflects)
        if key not in known:
            if len(known) > KEPT_WORDS:
                known.clear()
            known[key] = candidates(word)
        return known[key]

    def candidates(word: Word) -> list[Phrase]:
        if WILDCARD in word.norm:
            return list(phrases)
        keys = word.forms | {word.norm}
        found = [p for key in keys for p in first.get(key, ())]
        found += together.get(word.norm, [])
        if by_skeleton and may_be_shortened(word.norm):
            found += by_skeleton.get(skeleton(word.norm), [])
        if by_skeleton:
            found += by_skeleton.get(devoiced(word.norm), [])
        found += by_half.get(word.norm, [])
        found += [p for norm, p in by_prefix if any(k.startswith(norm) for k in keys)]
        return list({id(p): p for p in found}.values())

    return lookup


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans between quotation marks: curly pairs, straight ``"`` taken in pairs, and
    straight ``'`` taken in pairs when it opens after a space and closes before one (not the
    apostrophe of *Jum'at*)."""
    spans = _single_quoted(text)
    open_at: int | None = None
    closer = ""
    for index, char in enumerate(text):
        if open_at is None and (char in QUOTE_PAIRS or char == '"'):
            open_at, closer = index, QUOTE_PAIRS.get(char, '"')
        elif open_at is not None and char == closer:
            spans.append((open_at, index + 1))
            open_at = None
    return sorted(spans)


# Between two quoted words of a list: *'Katanya' dan 'kabarnya'*, *'goblok', 'tolol'*.
LIST_JOIN = re.compile(r"^\s*(?:,|,?\s*(?:dan|atau|maupun|serta)\b)\s*$", re.IGNORECASE)


def _listed(text: str, quote: tuple[int, int]) -> bool:
    """The quoted word stands in a list of quoted words: the words are talked about
    (*'Katanya' dan 'kabarnya' bukan sumber*), not used."""
    others = quoted_spans(text)
    return any(LIST_JOIN.match(text[other[1]:quote[0]]) or LIST_JOIN.match(
        text[quote[1]:other[0]]) for other in others if other != quote)


# 'sebarkan ke 10 grup' and ‘…’ (curly too)
SINGLE_QUOTED = re.compile(r"(?<![^\s(\[])['\u2018][^'\u2018\u2019\n]+['\u2019](?![^\W_])")


def _single_quoted(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SINGLE_QUOTED.finditer(text)]
