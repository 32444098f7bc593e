"""Forbidden content (SOP D): phrases of ``calendar/terlarang/`` and partisanship.

A phrase found in a platform's text is a warning for the reviewer to judge, or an error when
its list entry is ``blocked``. A phrase only mentioned (in quotation marks, or after a word
such as ``jangan``) is not reported unless it is blocked. A party, candidate or ballot number
near a campaign verb is a warning.

:func:`highlights` gives the preview the spans to mark in a text, with the rule of each.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.i18n import t
from ..core.model import Post
from ..core.problems import Problem, Severity
from ..text.phrases import Match, PartisanHit, PartisanLists, find_partisan, find_phrases
from .lists import content_lists
from .registry import Context, Finding, rule
from .wording import Key, Wording, line_in_text, line_in_value, wordings

__all__ = ["Highlight", "find_phrases", "highlights"]


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
    lists = content_lists(calendar_folder)
    marks = [Highlight(m.start, m.end, "content.forbidden", _severity(m))
             for m in find_phrases(text, lists.phrases) if _reported(m)]
    if lists.partisan is not None:
        marks += [Highlight(start, end, "content.partisan", Severity.WARNING)
                  for hit in find_partisan(text, lists.partisan) for start, end in hit.spans()]
    return sorted(set(marks), key=lambda h: (h.start, h.end, h.rule))


def _reported(match: Match) -> bool:
    return match.phrase.blocked or not match.mentioned


def _severity(match: Match) -> Severity:
    return Severity.ERROR if match.phrase.blocked else Severity.WARNING


@rule("content.forbidden", Severity.WARNING)
def forbidden_phrases(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Each phrase of the forbidden lists in each platform's caption and title."""
    phrases = content_lists(context.calendar.folder).phrases
    for wording in wordings(post, context):
        for match in find_phrases(wording.text, phrases):
            if _reported(match):
                line = line_in_text(post, wording, match.start)
                yield _forbidden(finding, wording, match, wording.caption_key, line)
        if wording.title:
            for match in find_phrases(wording.title, phrases):
                if _reported(match):
                    line = line_in_value(post, wording.title_key, wording.title, match.start)
                    yield _forbidden(finding, wording, match, wording.title_key, line)


def _forbidden(finding: Finding, wording: Wording, match: Match, key: Key,
               line: int) -> Problem:
    phrase = match.phrase
    message = "content.forbidden_blocked" if phrase.blocked else "content.forbidden"
    advice = t("content.advice", advice=phrase.advice) if phrase.advice else ""
    problem = finding(key, message, for_platform=wording.platform, severity=_severity(match),
                      where=wording.where, found=match.text, label=phrase.label,
                      dasar=phrase.dasar, advice=advice)
    return _at(problem, line)


@rule("content.partisan", Severity.WARNING)
def partisan(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A party, candidate or ballot number near a campaign verb, in each platform's text."""
    lists = content_lists(context.calendar.folder).partisan
    if lists is None:
        return
    for wording in wordings(post, context):
        said: set[tuple[str, tuple[int, int]]] = set()  # "PKB nomor urut 1": one finding
        for hit in find_partisan(wording.text, lists):
            if (hit.contestant.name, hit.verb) in said:
                continue
            said.add((hit.contestant.name, hit.verb))
            line = line_in_text(post, wording, hit.reference[0])
            yield _at(_partisan(finding, wording, wording.text, hit, lists), line)


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
