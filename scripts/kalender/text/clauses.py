"""Clauses that change what a word near a forbidden phrase means (issue 16, round screen-e).

A negating word inside a relative clause that names the target (*Yg nolak hasil pleno, tembak
di tempat aja*, *Yang tidak setuju, hajar saja*) describes who is aimed at; it does not deny
the order that follows the clause's comma. :func:`relative_negators` tells that case apart
from a negation of the phrase itself (*Jangan bakar ...*, *warga yang menolak politik uang*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .education import Lesson, answers

# Words that open a relative clause or a "whoever" subject.
RELATIVE = frozenset({"yang", "yg", "siapa", "barangsiapa"})
CLAUSE_BREAK = re.compile(r"[,:;!?.\n()]")


class ClauseWord(Protocol):
    @property
    def norm(self) -> str: ...
    @property
    def forms(self) -> frozenset[str]: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def relative_negators(text: str, text_words: Sequence[ClauseWord], sentence: Sequence[int],
                      index: int, lesson: Lesson, extra: frozenset[str] = frozenset()) -> bool:
    """True when every negating word before word ``index`` in its sentence (within
    ``lesson.window``) stands right after ``yang``/``siapa`` (one word between at most) and a
    clause break lies between it and word ``index``: the negation belongs to the subject."""
    negators = lesson.negators | extra | lesson.close_negators
    found = False
    for before in range(max(0, index - lesson.window), index):
        if sentence[before] != sentence[index] or not text_words[before].forms & negators:
            continue
        found = True
        opener = [k for k in range(max(0, before - 2), before)
                  if text_words[k].norm in RELATIVE and sentence[k] == sentence[index]]
        closed = CLAUSE_BREAK.search(text[text_words[before].end:text_words[index].start])
        if not opener or not closed:
            return False
    return found


# Laughter or approval written beside a quotation: the caption takes up what it quotes
# (*Komentar warga: "... kami bacok petugasnya". Hahaha santai aja min.*).
APPROVAL = re.compile(r"\b(?:(?:ha){2,}h?|(?:he){2,}|wk(?:wk)+\w*|santai|setuju|mantap|mantab|"
                      r"sikat|gaskan|betul|bener banget|setuju banget)\b|[\U0001F525\U0001F44D"
                      r"\U0001F4AA\U0001F602\U0001F923]", re.IGNORECASE)


def endorsed(text: str, quotes: Sequence[tuple[int, int]]) -> bool:
    """True when the caption, outside its quotation marks, laughs at or approves of what it
    quotes: the quotation is then no mention at arm's length."""
    outside, last = [], 0
    for start, end in sorted(quotes):
        outside.append(text[last:start])
        last = max(last, end)
    outside.append(text[last:])
    return bool(quotes) and bool(APPROVAL.search(" ".join(outside)))


TERM_WORDS = 3  # a quotation of at most this many words is a term talked about (*"cokin"*)


def at_arms_length(quote: tuple[int, int], quotes: Sequence[tuple[int, int]],
                   text_words: Sequence[ClauseWord], lesson: Lesson) -> bool:
    """True when the caption keeps ``quote`` at arm's length: a term talked about (a few
    words), or a quotation of what someone said that the caption answers outside its
    quotation marks (refutes, forbids, cites the law). A citizen's comment quoted and left
    standing (*Komentar warga: "... pukuli sampai kapok!" #JDIHKPU*) is the post's own
    words (docs/aturan-isi.md, "Putaran screen-l"). Without the lesson's words (an empty
    ``lesson``) no answer can be read, and every quotation stays at arm's length."""
    inside = [w for w in text_words if quote[0] <= w.start < quote[1]]
    if len(inside) <= TERM_WORDS or lesson == Lesson():
        return True
    outside = [w for w in text_words if not any(q[0] <= w.start < q[1] for q in quotes)]
    return answers(outside, lesson)
