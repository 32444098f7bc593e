"""Ballot numbers written as hashtags (issue 16, round screen-e): *Pemilih cerdas pasti pilih
yang pakai kemeja kotak-kotak #01*. A hashtag tags the whole caption, not one sentence, so a
campaign verb anywhere in the caption makes it a call for that number."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class TaggedWord(Protocol):
    @property
    def norm(self) -> str: ...
    @property
    def start(self) -> int: ...


def ballot_hashtags(text: str, text_words: Sequence[TaggedWord]) -> list[int]:
    """The indexes of the words that are a hashtag of a ballot number written the way
    contestants' numbers are (``#01``, ``#02``: two digits, a leading zero). A plain ``#3``
    numbers a series (*Seri pemilih cerdas #3: cara mencoblos*) and is left alone."""
    return [i for i, word in enumerate(text_words)
            if word.start > 0 and text[word.start - 1] == "#" and len(word.norm) == 2
            and word.norm.startswith("0") and word.norm[1].isdigit() and word.norm != "00"]
