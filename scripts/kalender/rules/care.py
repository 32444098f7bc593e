"""Text care: what makes a caption hard to read or unsafe to follow (SOP A.3, accessibility).

An empty caption, doubled spaces, brackets or quotation marks without their pair, whole
sentences in capitals, links that are not https, and mentions of accounts the office does
not know. Each finding names the platform and the line of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..core.model import HASHTAG, MENTION, Post
from ..core.problems import Problem, Severity
from .registry import Context, Finding, rule
from .wording import Wording, excerpt, line_in_value, stage_severity, wordings

DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
HTTP_LINK = re.compile(r"\bhttp://[^\s<>\"')\]]+", re.IGNORECASE)
ANY_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in OPENERS.items()}
# ``a)`` or ``1)`` opening a line: a list item, not a bracket (the SOP writes its lists so).
LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:[0-9]{1,2}|[a-zA-Z])\)")
EMOTICON = re.compile(r"[:;=][-^']?[()\[\]]")  # :) :-( ;) =]
SENTENCE = re.compile(r"[^.!?\n]+")
CAPITAL_WORDS = 3  # a sentence of at least this many words of 3+ letters, none in lower case


@rule("care.empty_caption", Severity.ERROR)
def empty_caption(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A platform's caption is empty: nothing from ``diajukan`` on is an error, a warning
    while drafting, and nothing is said at ``usulan``."""
    severity = stage_severity(post.status)
    if severity is None:
        return
    for wording in wordings(post, context):
        if wording.platform is not None and not HASHTAG.sub("", wording.caption).strip():
            written = ".".join(map(str, wording.caption_key)) in post.lines
            key = wording.caption_key if written else ("platforms",)
            yield finding(key, "content.empty_caption", severity=severity,
                          for_platform=wording.platform, where=wording.where,
                          status=post.status.value)


@rule("care.double_space", Severity.WARNING)
def double_space(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Two or more spaces between words."""
    for wording in wordings(post, context):
        spaces = list(DOUBLE_SPACE.finditer(wording.caption))
        if spaces:
            first = spaces[0]
            yield _at(post, wording, first.start(), finding(
                wording.caption_key, "content.double_space", for_platform=wording.platform,
                where=wording.where, count=len(spaces),
                found=excerpt(wording.caption, first.start(), first.end())))


@rule("care.pairs", Severity.WARNING)
def unpaired(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A bracket or a quotation mark without its pair."""
    for wording in wordings(post, context):
        for offset, mark in unpaired_marks(wording.caption):
            yield _at(post, wording, offset, finding(
                wording.caption_key, "content.unpaired", for_platform=wording.platform,
                where=wording.where, mark=mark,
                found=excerpt(wording.caption, offset, offset + 1)))


def unpaired_marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of each bracket or quotation mark in ``text`` that has no pair.

    List markers (``a)`` at the start of a line) and emoticons (``:)``) are not brackets.
    Straight quotes ``"`` pair up in order; curly ones must open (“) before they close (”).
    """
    skip = {m.end() - 1 for m in LIST_MARKER.finditer(text)}
    skip |= {m.start() + i for m in EMOTICON.finditer(text) for i in range(len(m.group()))}
    stack: list[tuple[int, str]] = []
    lonely: list[tuple[int, str]] = []
    for offset, char in enumerate(text):
        if offset in skip:
            continue
        if char in OPENERS or char == "“":
            stack.append((offset, char))
        elif char in CLOSERS or char == "”":
            opener = CLOSERS.get(char, "“")
            if stack and stack[-1][1] == opener:
                stack.pop()
            else:
                lonely.append((offset, char))
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2:
        lonely.append((straight[-1], '"'))
    return sorted(lonely + stack)


@rule("care.capitals", Severity.WARNING)
def capitals(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A whole sentence written in capitals (hard to read; reads as shouting)."""
    for wording in wordings(post, context):
        for start, sentence in shouted_sentences(wording.caption):
            yield _at(post, wording, start, finding(
                wording.caption_key, "content.capitals", for_platform=wording.platform,
                where=wording.where, found=sentence))


def shouted_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) of each sentence of ``text`` written all in capitals.

    Hashtags, mentions and links are left out first; a sentence counts when it has no
    lower-case letter and at least three words of three letters or more, so acronyms
    (``KPU``, ``JDIH``) and one-word headings (``PENGUMUMAN``) stay allowed.
    """
    plain = _blank(text, [HASHTAG, MENTION, ANY_LINK])
    found = []
    for match in SENTENCE.finditer(plain):
        sentence = match.group()
        long_words = [w for w in re.findall(r"[^\W\d_]+", sentence) if len(w) >= 3]
        if len(long_words) >= CAPITAL_WORDS and not any(c.islower() for c in sentence):
            start = match.start() + len(sentence) - len(sentence.lstrip())
            found.append((start, text[start:match.end()].strip()))
    return found


def _blank(text: str, patterns: list[re.Pattern[str]]) -> str:
    """``text`` with every match of ``patterns`` replaced by spaces (offsets kept)."""
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


@rule("care.http_link", Severity.WARNING)
def http_link(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A link that starts with ``http://``: readers should be sent to ``https://``."""
    for wording in wordings(post, context):
        for match in HTTP_LINK.finditer(wording.caption):
            yield _at(post, wording, match.start(), finding(
                wording.caption_key, "content.http_link", for_platform=wording.platform,
                where=wording.where, found=match.group()))


@rule("care.unknown_mention", Severity.WARNING)
def unknown_mention(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A mentioned account (``@akun``) missing from ``known_mentions`` in ``satker.yml``."""
    known = known_accounts(context)
    for wording in wordings(post, context):
        for match in MENTION.finditer(wording.caption):
            handle = match.group(1).rstrip(".")
            if handle.casefold() not in known:
                yield _at(post, wording, match.start(), finding(
                    wording.caption_key, "content.unknown_mention",
                    for_platform=wording.platform, where=wording.where, handle=handle))
    for index, handle in enumerate(post.mentions):
        if handle.casefold() not in known:
            yield finding(("mentions", index), "content.unknown_mention_listed", handle=handle)


def known_accounts(context: Context) -> set[str]:
    """The handles the office knows: ``known_mentions`` and its own accounts (no ``@``)."""
    satker = context.calendar.satker
    listed = satker.extra.get("known_mentions") or []
    handles = [str(h) for h in listed] + [a.handle for a in satker.accounts.values()]
    return {h.strip().lstrip("@").casefold() for h in handles}


def _at(post: Post, wording: Wording, offset: int, problem: Problem) -> Problem:
    """``problem`` moved to the line of ``offset`` in the wording's caption."""
    return replace(problem, line=line_in_value(post, wording.caption_key, wording.caption,
                                               offset))
