"""What the readers of a caption's structure (:mod:`kalender.text.education` and the modules
it draws on) need of a word, and where a phrase of normalised words starts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

Words = tuple[str, ...]  # a phrase of the context lists, as normalised words


class TextWord(Protocol):
    """A word of a text (``kalender.text.phrases.Word``)."""

    @property
    def norm(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def forms(self) -> frozenset[str]: ...


def phrase_width(text_words: Sequence[TextWord], index: int, phrases: tuple[Words, ...]) -> int:
    """The number of words of the first of ``phrases`` that starts at word ``index`` (its
    words compared through their inflections), or 0. Called for every word of a caption
    (some 100,000 times in a cold build of 1,000 posts), so a phrase whose first word is not
    the word's is passed over without looking further (issue 23, branch cold7)."""
    if index >= len(text_words):
        return 0
    forms = text_words[index].forms
    for phrase in phrases:
        if not phrase:
            return 0
        if phrase[0] not in forms or index + len(phrase) > len(text_words):
            continue
        if all(part in text_words[index + k].forms for k, part in enumerate(phrase[1:], 1)):
            return len(phrase)
    return 0


def text_after(text: str, text_words: Sequence[TextWord], index: int) -> str:
    """The text between word ``index`` and the next word (or the end of ``text``): the
    punctuation and spaces that close or continue its clause."""
    following = text_words[index + 1].start if index + 1 < len(text_words) else len(text)
    return text[text_words[index].end:following]
