"""Words written apart to slip past a list: ``b o m``, ``P u k u l i``, ``h.a.j.a.r``,
``c-o-k-i-n``, ``ci.na``, and a letter starred out: ``k*parat``.

:func:`joined_runs` finds such runs in a text and gives each as one word, with its span in
the original text. The phrase matcher reads the text twice, once word by word and once
with these runs joined, so a split word is found without making every hyphenated word
(``rame-rame``, ``bagi-bagi``) one word in the first reading.

- **Spaced letters**: three or more one-character words in a row, each separated from the
  next by one space, hyphen or dot (``b o m b u n u h d i r i`` is ``bombunuhdiri``, which
  a list phrase matches when its words written together are that word).
- **Punctuated pieces**: pieces joined by ``.``, ``-``, ``_``, ``'`` or ``·`` without any
  space, when one of the pieces has at most two letters (``ci.na``, ``h.a.j.a.r``); two
  long pieces (``rame-rame``, ``KTP-el`` aside) stay apart.
- **A starred letter**: ``*`` inside a word stands for one unknown letter (``WILDCARD``).
- **A word cut in two**: two words of letters separated by one space, one of them of one or
  two letters (``bu nuh``, ``k afir``, ``di bakar``). Common short words (``di``, ``ke``,
  ``ya``) are joined to their neighbour too; as this is a second reading, that only adds
  candidates: the word-by-word reading still has both words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

WILDCARD = "?"
PIECE = r"[^\W_]+"
_SPACED = re.compile(r"(?<![^\W_])[^\W_](?:[ .\-][^\W_]){2,}(?![^\W_])")
_PUNCTUATED = re.compile(rf"{PIECE}(?:[.\-_'·*]{PIECE})+")
_LETTERS = r"[^\W\d_]"
_EDGE, _END = r"(?<![\w.\-*])", r"(?![\w*]|[.\-]\w)"
# a short piece and the word after it first ("di bakar"), then a word and a short piece
_CUTS = (re.compile(rf"{_EDGE}{_LETTERS}{{1,2}} {_LETTERS}{{2,}}{_END}"),
         re.compile(rf"{_EDGE}{_LETTERS}{{3,}} {_LETTERS}{{1,2}}(?![\w*.\-])"))
SHORT_PIECE = 2


@dataclass(frozen=True)
class Run:
    """Letters written apart, read as one word: ``raw`` is the word with the separators
    taken out (a star kept as ``WILDCARD``); ``start``/``end`` its span in the text."""

    raw: str
    start: int
    end: int
    cut: bool = False  # a word cut in two ("bu nuh"): compared as written, not inflected


def joined_runs(text: str) -> list[Run]:
    """Every run of letters written apart in ``text``, in text order, none overlapping."""
    runs = [_run(m) for m in _SPACED.finditer(text)]
    taken = [(r.start, r.end) for r in runs]
    for match in _PUNCTUATED.finditer(text):
        if _worth_joining(match.group()) and not _overlaps(match.span(), taken):
            runs.append(_run(match))
            taken.append(match.span())
    for cut in _CUTS:
        for match in cut.finditer(text):
            if not _overlaps(match.span(), taken):
                runs.append(_run(match, cut=True))
                taken.append(match.span())
    return sorted(runs, key=lambda r: r.start)


def _run(match: re.Match[str], cut: bool = False) -> Run:
    raw = re.sub(r"[ .\-_'·]", "", match.group()).replace("*", WILDCARD)
    return Run(raw, *match.span(), cut)


def _worth_joining(written: str) -> bool:
    """Letters are in it (``1.024`` is a number), and a starred letter or a short piece."""
    pieces = re.split(r"[.\-_'·*]", written)
    has_letters = any(c.isalpha() for c in written)
    return has_letters and ("*" in written or min(len(p) for p in pieces) <= SHORT_PIECE)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def touches(start: int, end: int, cue: tuple[int, int] | None,
            spans: Sequence[tuple[int, int]]) -> bool:
    """A match (``start`` to ``end``, with its cue word's span) overlaps one of ``spans``
    (the joined words of a reading)."""
    places = [(start, end)] + ([cue] if cue else [])
    return any(s < e2 and s2 < e for s, e in spans for s2, e2 in places)
