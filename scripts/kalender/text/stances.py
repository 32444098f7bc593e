"""A stance toward a target, without a forbidden word: a group, a participant or a claim named
in the same sentence (or, through a pronoun, the next one) as a hostile judgement or a call to
act against it. *Jangan pilih calon dari suku itu*, *Orang Madura itu pendatang, nggak usah
dikasih jabatan*, *Perangi umat lain*: no word of these is forbidden by itself; the breach is
the pair.

The lists are data (``calendar/terlarang/sikap/*.yml``, one file per category, its name the
category's): the **targets** (group names, and a category noun such as *suku* or *agama* with
a word that points at one group: *suku itu*, *agama lain*, *beda agama*), the **calls** (a
call or judgement that already carries its negation: *jangan pilih*, *usah dikasih*, *haram
memilih*), the **orders** (a bare imperative: *pilih*, *tolak*, *boikot*, compared as
written, so *memilih* is not *pilih*) and the **acts** (a hostile act or judgement: *usir*,
*perangi*, *jauhi*, *menguasai*, through its affixes, cancelled when negated: *jangan usir*).
A list may also take the participants named by their shape (``participants``:
:mod:`kalender.text.participants`, but an official near his office), or read an order that
stands alone as a short sentence next to a claim (``alone``: *... Sebarkan!*).

A lesson stays clean by structure, never by a sample sentence (:mod:`kalender.text.education`):
a sentence about the law (*dilarang*, *pasal*, a cited product), a sentence with a lesson
word of the file (*diskriminasi*, *politisasi*, *keberagaman*), a target named as a
**reason** (*jangan memilih karena suku*, *tanpa memandang agama*), or a target in quotes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .education import Lesson, legal_sentences, refuted
from .participants import participant_spans
from .phrases import Match, Pattern, Phrase, Word, quoted_spans, sentences, words

STANCE_FOLDER = "sikap"  # inside calendar/terlarang/
SOP_CLAUSE = re.compile(r"^D\.[1-4]$")
NEGATORS = frozenset({"jangan", "jgn", "tidak", "tak", "bukan", "stop", "tolak", "anti",
                      "larang", "cegah", "hindari", "hindarilah"})
NEGATION_REACH = 2  # words before an act that may negate it
ANAPHORS = frozenset({"mereka", "dia", "die", "dio", "beliau", "kalian", "itu"})
SENTENCE_REACH = 1  # sentences after the target's where a call may stand (with a pronoun)
SHORT = 4  # words of a sentence that leans on the one next to it ("Sebarkan!", "Nomor 2.")
Span = tuple[int, int]  # first word index, width in words

LIST = Field("list", items=Field("text"))
# What a finding of a list file reports (here and in text.threats).
FINDING_KEYS = {"label": Field("text", required=True), "sop": Field("text", required=True),
                "dasar": Field("text", required=True), "advice": Field("text", required=True)}
STANCE_SCHEMA = Field("mapping", keys={
    **FINDING_KEYS,
    "targets": LIST, "heads": LIST, "marks_before": LIST, "marks_after": LIST,
    "calls": LIST, "orders": LIST, "acts": LIST, "reasons": LIST, "lessons": LIST,
    "participants": Field("bool"), "offices": LIST, "contest": LIST, "alone": Field("bool"),
})


@dataclass(frozen=True)
class Patterns:
    """Phrases of one key of a stance list, indexed by the first word (and by the phrase
    written together) so that a text word looks up only the phrases it may start."""

    patterns: tuple[Pattern, ...] = ()
    by_first: dict[str, tuple[Pattern, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, patterns: Sequence[Pattern]) -> Patterns:
        index: dict[str, list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            index[pattern.parts[0][0]].append(pattern)
            if len(pattern.parts) > 1:
                index[pattern.written_together].append(pattern)
        return cls(tuple(patterns), {k: tuple(v) for k, v in index.items()})

    def starts(self, index: dict[str, list[int]]) -> list[tuple[int, Pattern]]:
        """Each word (its index) and a phrase that may start there, ``index`` giving the
        words of each form of a text; in text order."""
        pairs = {(at, id(p)): (at, p) for key in self.by_first.keys() & index.keys()
                 for at in index[key] for p in self.by_first[key]}
        return sorted(pairs.values(), key=lambda pair: pair[0])


@dataclass(frozen=True)
class StanceList:
    """One category's targets and predicates, with the finding they give."""

    phrase: Phrase  # what a finding reports: category, SOP clause, law, advice
    targets: Patterns = Patterns()
    heads: Patterns = Patterns()  # suku, agama: a target with a mark
    marks_before: Patterns = Patterns()  # beda (agama), lain
    marks_after: Patterns = Patterns()  # (suku) itu, (agama) lain
    calls: Patterns = Patterns()
    orders: frozenset[str] = frozenset()
    acts: Patterns = Patterns()
    reasons: Patterns = Patterns()
    lessons: Patterns = Patterns()
    participants: bool = False  # also participants named by shape (text.participants) ...
    offices: frozenset[str] = frozenset()  # ... but an official (*Pak Budi, petugas KPPS*)
    contest: Patterns = Patterns()  # ... and, with an act only, a contest word near it
    alone: bool = False  # an order standing as a short sentence of its own is the stance


def find_stances(text: str, stance_lists: Sequence[StanceList],
                 lesson: Lesson | None = None) -> list[Match]:
    """Each target of ``text`` paired with a hostile judgement or call, as a match of its
    list (the target's span, the predicate as the cue), but in a lesson (see the module)."""
    if not stance_lists:
        return []
    reading = _Reading(text, lesson or Lesson())
    return [m for stance in stance_lists for m in reading.matches(stance)]


class _Reading:
    """One text's words, sentences, quotes and sentences about the law."""

    def __init__(self, text: str, lesson: Lesson) -> None:
        self.text = text
        self.words = words(text)
        self.sentence = sentences(text, self.words)
        self.quotes = quoted_spans(text)
        self.lesson = lesson
        self.index: dict[str, list[int]] = defaultdict(list)  # each form: its words
        for at, word in enumerate(self.words):
            for key in word.forms | {word.norm}:
                self.index[key].append(at)
        self.lengths = Counter(self.sentence)
        self.firsts = {n: i for i, n in reversed(list(enumerate(self.sentence)))}

    @cached_property
    def legal(self) -> frozenset[int]:
        """The sentences about the law (only read when a target or lone order is found)."""
        return legal_sentences(self.text, self.words, self.sentence, self.lesson)

    def matches(self, stance: StanceList) -> list[Match]:
        if stance.alone:
            return self._lone_orders(stance)[:1]
        targets = self._targets(stance)
        if not targets:
            return []
        taught = self.legal | {self.sentence[i] for i, _ in self._spans(stance.lessons)}
        calls, acts = self._predicates(stance)
        calls = [p for p in calls if self.sentence[p[0]] not in taught]
        acts = [p for p in acts if self.sentence[p[0]] not in taught]
        found = []
        for (index, width), named in targets:
            if self.sentence[index] in taught:
                continue
            judged = acts if not named or self._in_contest(stance, index) else []
            predicate = self._paired(index, width, [*calls, *judged])
            if predicate is not None:
                found.append(self._match(stance.phrase, (index, width), predicate))
        return found[:1]

    def _lone_orders(self, stance: StanceList) -> list[Match]:
        """An order that is a short sentence of its own next to another sentence
        (*TPS 12 pindah ke balai desa. Sebarkan!*), in a caption that names no source, says
        no lesson word and refutes nothing: it urges the claim of the sentence next to it."""
        found = [self._match(stance.phrase, (index, 1), (index, 1))
                 for index, word in enumerate(self.words)
                 if word.norm in stance.orders and index == self.firsts[self.sentence[index]]
                 and self.lengths[self.sentence[index]] <= SHORT
                 and not self._quoted((index, 1))]
        if not found or len(self.lengths) < 2 or self.legal or self._spans(stance.lessons) or (
                refuted(self.words, self.lesson, self.text)):
            return []
        return found

    def _in_contest(self, stance: StanceList, index: int) -> bool:
        """A person named with a judgement only: an election word in the same sentence
        (*calon*, *wali kota*, *terpilih*) makes it a participant (*Pak Riko menerima
        penghargaan terbaik* is news)."""
        return any(self.sentence[i] == self.sentence[index] for i, _ in self._spans(
            stance.contest))

    def _targets(self, stance: StanceList) -> list[tuple[Span, bool]]:
        """Each target, and whether it was found by its shape (a participant's name)."""
        listed = self._spans(stance.targets)
        listed += [h for h in self._spans(stance.heads) if self._marked(stance, *h)]
        named = participant_spans(self.text, self.words, stance.offices, self.sentence) if (
            stance.participants) else []
        reasons = self._spans(stance.reasons)
        return [(t, t in named) for t in [*listed, *named]
                if not self._quoted(t) and not self._as_reason(t, reasons)]

    def _marked(self, stance: StanceList, index: int, width: int) -> bool:
        before = index > 0 and self.sentence[index - 1] == self.sentence[index] and any(
            p.width_at(self.words, index - 1) == 1 for p in stance.marks_before.patterns)
        after = index + width < len(self.words) and self.sentence[index + width] == \
            self.sentence[index] and any(p.width_at(self.words, index + width)
                                         for p in stance.marks_after.patterns)
        return bool(before or after)

    def _as_reason(self, target: Span, reasons: list[Span]) -> bool:
        """*karena suku*, *tanpa memandang agama*: the group is a criterion talked about."""
        return any(self.sentence[r] == self.sentence[target[0]] and 0 < target[0] - r - w + 1 <= 3
                   for r, w in reasons)

    def _quoted(self, span: Span) -> bool:
        start = self.words[span[0]].start
        return any(a < start < b for a, b in self.quotes)

    def _predicates(self, stance: StanceList) -> tuple[list[Span], list[Span]]:
        """The calls and orders (a call to act), then the acts (a judgement)."""
        calls = self._spans(stance.calls)
        orders = [(i, 1) for i, w in enumerate(self.words) if w.norm in stance.orders
                  and self._opens_clause(i)]
        acts = [a for a in self._spans(stance.acts) if not self._negated(a[0])]
        return [*calls, *orders], acts

    def _opens_clause(self, index: int) -> bool:
        """A bare order opens its clause: *Tolak mereka*, *..., boikot sampai ...*."""
        if index == 0:
            return True
        between = self.text[self.words[index - 1].end:self.words[index].start]
        return any(c in between for c in ",:;!?.\n(")

    def _negated(self, index: int) -> bool:
        reach = range(max(0, index - NEGATION_REACH), index)
        return any(self.sentence[i] == self.sentence[index]
                   and (self.words[i].norm in NEGATORS or "tidak" in self.words[i].forms
                        and len(self.words[i].norm) <= 6)
                   for i in reach)

    def _paired(self, index: int, width: int, predicates: list[Span]) -> Span | None:
        """The first predicate of the target's sentence not overlapping it, or of the next
        sentence when that one points back with a pronoun (*mereka*, *die*), or of a sentence
        next to it when one of the two is short (*Jangan kasih kesempatan!*, *Nomor 2.*)."""
        here = self.sentence[index]
        for start, size in sorted(predicates):
            there = self.sentence[start]
            overlaps = start < index + width and index < start + size
            if overlaps:
                continue
            if there == here or self._leans_on(here, there):
                return (start, size)
        return None

    def _leans_on(self, here: int, there: int) -> bool:
        if abs(there - here) != SENTENCE_REACH:
            return False
        if there > here and self._points_back(there):
            return True
        return min(self.lengths[here], self.lengths[there]) <= SHORT

    def _points_back(self, sentence: int) -> bool:
        return any(w.norm in ANAPHORS for i, w in enumerate(self.words)
                   if self.sentence[i] == sentence)

    def _spans(self, patterns: Patterns) -> list[Span]:
        """Where the phrases of ``patterns`` stand: one span per starting word, in order."""
        found: dict[int, Span] = {}
        for index, pattern in patterns.starts(self.index):
            if index in found:
                continue
            width = pattern.width_at(self.words, index)
            if width and self._within_sentence(index, width):
                found[index] = (index, width)
        return list(found.values())

    def _within_sentence(self, index: int, width: int) -> bool:
        return self.sentence[index] == self.sentence[index + width - 1]

    def _match(self, phrase: Phrase, target: Span, predicate: Span) -> Match:
        start, end = self._chars(target)
        return Match(start, end, self.text[start:end], phrase, cue=self._chars(predicate))

    def _chars(self, span: Span) -> tuple[int, int]:
        first: Word = self.words[span[0]]
        return first.start, self.words[span[0] + span[1] - 1].end


def load_stances(folder: Path, report: Report) -> tuple[StanceList, ...]:
    """Every list of ``calendar/terlarang/sikap/*.yml`` (``folder`` is ``calendar/``)."""
    found = []
    for path in stance_files(folder):
        located = read_data_file(path, STANCE_SCHEMA, report)
        if located is None:
            continue
        sop = str(located.value["sop"])
        if SOP_CLAUSE.match(sop):
            found.append(_stance(path, located.value))
        else:
            report.error(path, located.line("sop"), "content.list_bad_sop", found=sop)
    return tuple(found)


def stance_files(folder: Path) -> list[Path]:
    """The stance lists of the ``calendar/`` folder ``folder``, in name order."""
    return sorted((folder / "terlarang" / STANCE_FOLDER).glob("*.yml"))


def list_phrase(path: Path, data: dict[str, Any]) -> Phrase:
    """What a finding of the list file ``path`` reports: its name as the category, its label,
    law, advice and SOP clause; always an error."""
    return Phrase(text=path.stem, category=path.stem, label=str(data["label"]),
                  dasar=str(data["dasar"]), advice=str(data["advice"]), path=path,
                  sop=str(data["sop"]), error=True)


def _stance(path: Path, data: dict[str, Any]) -> StanceList:
    phrase = list_phrase(path, data)
    return StanceList(
        phrase=phrase, targets=_parsed(data, "targets"), heads=_parsed(data, "heads"),
        marks_before=_parsed(data, "marks_before"), marks_after=_parsed(data, "marks_after"),
        calls=_parsed(data, "calls"),
        orders=frozenset(w.norm for o in data.get("orders") or () for w in words(str(o))),
        acts=_parsed(data, "acts"), reasons=_parsed(data, "reasons"),
        lessons=_parsed(data, "lessons"), participants=bool(data.get("participants")),
        offices=frozenset(w.norm for o in data.get("offices") or () for w in words(str(o))),
        contest=_parsed(data, "contest"), alone=bool(data.get("alone")))


def _parsed(data: dict[str, Any], key: str) -> Patterns:
    parsed = (Pattern.parse(str(w), inflected=True) for w in data.get(key) or ())
    return Patterns.of([p for p in parsed if p.parts])
