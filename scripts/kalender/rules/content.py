"""Forbidden content (SOP D): phrases of ``calendar/terlarang/`` and partisanship.

A phrase found in a platform's text is a warning for the reviewer to judge, or an error when
its list entry is ``blocked``. A phrase only mentioned (in quotation marks, or after a word
such as ``jangan``) is not reported unless it is blocked. A party, candidate or ballot number
near a campaign verb is a warning.

:func:`highlights` gives the preview the spans to mark in a text, with the rule of each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from ..core.buildscope import found_in_build
from ..core.i18n import t
from ..core.model import Post
from ..core.problems import Problem, Severity
from ..text.contests import contest_sentences
from ..text.education import legal_sentences
from ..text.emoji import find_emoji
from ..text.partisan import PartisanHit, PartisanLists, find_partisan
from ..text.phrases import Match, find_phrases, quoted_spans, sentences, words
from ..text.quotedcall import reported_quotes
from ..text.referents import ordinary_reference
from ..text.selfdirected import self_described
from ..text.stances import find_stances
from ..text.threats import find_threats
from .lists import ContentLists, content_lists
from .personal import official_contacts, official_in
from .registry import Context, Finding, rule
from .wording import Key, Wording, line_in_text, line_in_value, wordings

if TYPE_CHECKING:
    from .screendecision import Decision

__all__ = ["Highlight", "find_phrases", "forbidden_matches", "highlights"]

T = TypeVar("T")


@dataclass(frozen=True)
class Highlight:
    """A span of a text to mark in a preview, with the rule that found it."""

    start: int
    end: int
    rule: str
    severity: Severity


def highlights(text: str, calendar_folder: Path) -> list[Highlight]:
    """The spans of ``text`` the content rules object to, in text order.

    ``calendar_folder`` is the repository's ``calendar/``. Phrases only mentioned (quoted,
    or after ``jangan`` and the like) are left out unless their entry is blocked, exactly as
    ``kalender check`` leaves them out.
    """
    decision = _decision(text, calendar_folder, official_in(calendar_folder))
    marks = [Highlight(start, end, "content.forbidden", _severity(m))
             for m in decision.matches for start, end in _spans(m)]
    marks += [Highlight(found.start, found.end, "content.personal_data", Severity.ERROR)
              for found in decision.personal]
    marks += [Highlight(start, end, "content.partisan", Severity.ERROR)
              for hit in decision.partisan for start, end in hit.spans()]
    return sorted(set(marks), key=lambda h: (h.start, h.end, h.rule))


def forbidden_matches(text: str, lists: ContentLists) -> list[Match]:
    """The phrases of the forbidden lists in ``text``, then the stances without a forbidden
    word (a group or participant with a hostile call: :mod:`kalender.text.stances`) where
    no phrase of the same list is reported on the same words. Kept for the last texts: the
    rules and the learned layer read the same caption; within a build, for the previews'
    highlights too (:func:`~kalender.core.buildscope.found_in_build`)."""
    return list(_found(_forbidden_matches, text, _Same(lists)))


def _found(find: Callable[[str, _Same], tuple[T, ...]], text: str, same: _Same,
           ) -> tuple[T, ...]:
    """``find(text, same)``, remembered for the whole build while one runs."""
    memo = found_in_build()
    if memo is None:
        return find(text, same)
    key = (find, text, same)
    found = memo.get(key)
    if found is None:
        found = memo[key] = find(text, same)
    return cast("tuple[T, ...]", found)


@dataclass(frozen=True, eq=False)
class _Same:
    """The lists as a cache key by identity (hashing every phrase would cost more than the
    search); the cache holds the lists, so an identity is never reused while kept."""

    lists: ContentLists

    def __hash__(self) -> int:
        return id(self.lists)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.lists is self.lists


@lru_cache(maxsize=256)
def _forbidden_matches(text: str, same: _Same) -> tuple[Match, ...]:
    lists = same.lists
    text_words = words(text)
    phrases = [m for m in find_phrases(text, lists.phrases, lists.lesson)
               if not self_described(text, text_words, m)]
    stances = [s for s in find_stances(text, lists.stances, lists.lesson)
               if not any(_same_words(s, m) for m in phrases if _reported(m))]
    threats = [s for s in find_threats(text, lists.threats, lists.lesson)
               if not any(_same_list(s, m) for m in [*phrases, *stances] if _reported(m))]
    emoji = [s for s in find_emoji(text, lists.emoji)
             if not any(_same_list(s, m) for m in [*phrases, *stances] if _reported(m))]
    return (*phrases, *stances, *threats, *emoji)


def _same_list(threat: Match, other: Match) -> bool:
    return threat.phrase.category == other.phrase.category


def _same_words(stance: Match, phrase: Match) -> bool:
    same_list = stance.phrase.category == phrase.phrase.category
    return same_list and stance.start < phrase.end and phrase.start < stance.end


def _reported(match: Match) -> bool:
    return match.phrase.blocked or not match.mentioned


def _severity(match: Match) -> Severity:
    error = match.phrase.blocked or match.phrase.error
    return Severity.ERROR if error else Severity.WARNING


def _spans(match: Match) -> list[tuple[int, int]]:
    """The words to mark: the phrase, and the cue word that made it count."""
    return sorted({(match.start, match.end), *([match.cue] if match.cue else [])})


@rule("content.forbidden", Severity.WARNING)
def forbidden_phrases(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Each phrase of the forbidden lists in each platform's caption and title."""
    folder, official = context.calendar.folder, official_contacts(context)
    for wording in wordings(post, context):
        for match in _decision(wording.text, folder, official).matches:
            line = line_in_text(post, wording, match.start)
            yield _forbidden(finding, wording, match, (wording.caption_key, wording.text), line)
        if wording.title:
            for match in _decision(wording.title, folder, official).matches:
                line = line_in_value(post, wording.title_key, wording.title, match.start)
                yield _forbidden(finding, wording, match, (wording.title_key, wording.title),
                                 line)


def _forbidden(finding: Finding, wording: Wording, match: Match, source: tuple[Key, str],
               line: int) -> Problem:
    """The finding of ``match`` in the text ``source`` (its key and its words)."""
    phrase, (key, text) = match.phrase, source
    advice = t("content.advice", advice=phrase.advice) if phrase.advice else ""
    cue = ""
    if match.cue and match.cue != (match.start, match.end):
        cue = t("content.cue", cue=text[slice(*match.cue)])
    problem = finding(key, _message(match), for_platform=wording.platform,
                      severity=_severity(match), where=wording.where, found=match.text,
                      cue=cue, label=phrase.label, sop=phrase.sop or "D", dasar=phrase.dasar,
                      advice=advice)
    return _at(problem, line)


def _decision(text: str, calendar_folder: Path, official: Iterable[str]) -> Decision:
    """What the screen reports on ``text``, the learned layer's veto applied
    (:mod:`kalender.rules.screendecision`, imported here because it reads this module)."""
    from .screendecision import text_decision

    return text_decision(text, calendar_folder, official)


def _message(match: Match) -> str:
    if match.phrase.blocked:
        return "content.forbidden_blocked"
    return "content.forbidden_error" if match.phrase.error else "content.forbidden"


@rule("content.partisan", Severity.ERROR)
def partisan(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A party, candidate or ballot number near a campaign verb, in each platform's text."""
    folder = context.calendar.folder
    lists = content_lists(folder).partisan
    if lists is None:
        return
    official = official_contacts(context)
    for wording in wordings(post, context):
        said: set[tuple[str, tuple[int, int]]] = set()  # "PKB nomor urut 1": one finding
        for hit in _decision(wording.text, folder, official).partisan:
            if (hit.contestant.name, hit.verb) in said:
                continue
            said.add((hit.contestant.name, hit.verb))
            line = line_in_text(post, wording, hit.reference[0])
            yield _at(_partisan(finding, wording, wording.text, hit, lists), line)


def partisan_hits(text: str, lists: ContentLists) -> list[PartisanHit]:
    """The partisan references of ``text``, but those in a sentence about the law (a
    cited Keputusan KPU on ballot numbers, *dilarang mengajak memilih ...*). Kept for the
    last texts (and the build), like :func:`forbidden_matches`."""
    return list(_found(_partisan_hits, text, _Same(lists)))


@lru_cache(maxsize=256)
def _partisan_hits(text: str, same: _Same) -> tuple[PartisanHit, ...]:
    lists = same.lists
    if lists.partisan is None:
        return ()
    text_words = words(text)
    sentence = sentences(text, text_words)
    legal = (legal_sentences(text, text_words, sentence, lists.lesson)
             | contest_sentences(text_words, sentence, lists.partisan))
    starts = {w.start: sentence[i] for i, w in enumerate(text_words)}
    reported = reported_quotes(text, text_words, quoted_spans(text), lists.lesson)
    referents = lists.lesson.everyday.literal.referents
    return tuple(hit for hit in find_partisan(text, lists.partisan)
                 if starts.get(hit.reference[0]) not in legal
                 and not any(q[0] <= hit.reference[0] < q[1] for q in reported)
                 and not ordinary_reference(text, text_words, hit.reference, hit.verb,
                                            referents))


def _partisan(finding: Finding, wording: Wording, text: str, hit: PartisanHit,
              lists: PartisanLists) -> Problem:
    who = hit.contestant.name
    if hit.contestant.ballot is not None:
        who = t("content.contestant_ballot", name=who, number=hit.contestant.ballot)
    return finding(wording.caption_key, "content.partisan", for_platform=wording.platform,
                   where=wording.where, found=text[slice(*hit.reference)], who=who,
                   verb=text[slice(*hit.verb)], window=lists.window, dasar=lists.dasar)


def _at(problem: Problem, line: int) -> Problem:
    return replace(problem, line=line)
