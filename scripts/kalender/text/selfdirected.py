"""An insult the writer says of themself: *saya yang bodoh*, *kamek ni bodoh bah*, *gue emang
ceroboh*. A word of a list with ``self_before`` (``calendar/terlarang/hinaan.yml``) whose
subject is the writer, a first-person word right before it with only linking words
(``self_linking``: *yang*, *memang*, *ni*) and no punctuation between, is aimed at nobody:
self-deprecation, not an insult to a person (docs/aturan-isi.md, "Putaran screen-n").
*Saya bilang kalian bodoh* still counts: *kalian* stands between.
"""

from __future__ import annotations

from collections.abc import Sequence

from .phrases import Match, Word

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
    for before in range(at - 1, max(-1, at - 2 - REACH), -1):
        word = text_words[before]
        if BREAK & set(text[word.end:text_words[before + 1].start]):
            return False
        if word.norm in subject:
            return True
        if word.norm not in linking:
            return False
    return False
