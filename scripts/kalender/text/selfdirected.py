"""An insult the writer says of themself: *saya yang bodoh*, *kamek ni bodoh bah*, *gue emang
ceroboh*. A word of a list with ``self_before`` (``calendar/terlarang/hinaan.yml``) whose
subject is the writer, a first-person word right before it with only linking words
(``self_linking``: *yang*, *memang*, *ni*) and no punctuation between, is aimed at nobody:
self-deprecation, not an insult to a person (docs/aturan-isi.md, "Putaran screen-n").
*Saya bilang kalian bodoh* still counts: *kalian* stands between. The writer may also come
after the word, closing its clause (round screen-r): *bodoh juga saya, ...*, *bego bener gue.*
(*bodoh saya bilang* still counts: the clause goes on).
"""

from __future__ import annotations

from collections.abc import Sequence

from .phrases import Match, Word
from .textword import text_after

REACH = 3  # linking words between the writer and the word, at most
BREAK = frozenset(",;:!?.\"'“”()")


def self_described(text: str, text_words: Sequence[Word], match: Match) -> bool:
    """True when ``match`` (a word of a list with ``self_before``) is said by the writer of
    themself."""
    subject, linking = match.phrase.self_before, match.phrase.self_linking
    if not subject:
        return False
    at = next((i for i, w in enumerate(text_words) if w.start == match.start), None)
    if at is None:
        return False
    return _writer_before(text, text_words, at, subject, linking) or \
        _writer_after(text, text_words, at, subject, linking)


def _writer_before(text: str, text_words: Sequence[Word], at: int,
                   subject: frozenset[str], linking: frozenset[str]) -> bool:
    for before in range(at - 1, max(-1, at - 2 - REACH), -1):
        word = text_words[before]
        if BREAK & set(text_after(text, text_words, before)):
            return False
        if word.norm in subject:
            return True
        if word.norm not in linking:
            return False
    return False


def _writer_after(text: str, text_words: Sequence[Word], at: int,
                  subject: frozenset[str], linking: frozenset[str]) -> bool:
    """*Bodoh juga saya,*: the writer after the word, linking words between, then the clause
    ends (punctuation or the end of the text)."""
    for after in range(at + 1, min(len(text_words), at + 2 + REACH)):
        word = text_words[after]
        if BREAK & set(text_after(text, text_words, after - 1)):
            return False
        if word.norm in subject:
            return after + 1 == len(text_words) or bool(
                BREAK & set(text_after(text, text_words, after)))
        if word.norm not in linking:
            return False
    return False
