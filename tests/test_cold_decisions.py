"""The SOP D screen's work in a cold build done once (issue 23, branch cold7): a caption's
decision remembered for the whole build, so the previews' highlights do not decide again
after the rules of a thousand other captions; a phrase's width found without comparing the
words of phrases that start with another word."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from kalender.core.buildscope import forget_found, one_build
from kalender.core.i18n import set_language
from kalender.rules import screendecision
from kalender.rules.content import highlights
from kalender.rules.personal import official_in
from kalender.text.textword import Words, phrase_width

LIST = "label: Uji\nsop: D.2\nphrases:\n  - text: burung hantu\n    dasar: dasar uji\n"


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def test_a_build_decides_a_caption_once_for_its_rules_and_its_previews_marks(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = repo / "calendar"
    (folder / "terlarang" / "uji.yml").write_text(LIST, encoding="utf-8")
    text = "Ada burung hantu di sini."
    decided: list[str] = []
    real = screendecision.decide

    def counted(*args: object, **kwargs: object) -> screendecision.Decision:
        decided.append(str(args[0]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(screendecision, "decide", counted)
    screendecision._KEPT.clear()
    alone = highlights(text, folder)
    with one_build():
        screendecision._KEPT.clear()
        rules = screendecision.text_decision(text, folder, official_in(folder))
        screendecision._KEPT.clear()  # the rules of a thousand other captions later
        assert highlights(text, folder) == alone
        assert [m.text for m in rules.matches] == ["burung hantu"]
        assert decided == [text, text]  # once alone, once in the build
        forget_found()  # the previews are made: the pages render without the memo
        screendecision._KEPT.clear()
        assert highlights(text, folder) == alone
        assert decided == [text, text, text]
    screendecision._KEPT.clear()
    assert highlights(text, folder) == alone  # no build running: the last texts only
    assert decided == [text] * 4


@dataclass(frozen=True)
class _Word:
    norm: str
    start: int
    end: int
    forms: frozenset[str]


def _width_compared_word_by_word(text_words: Sequence[_Word], index: int,
                                 phrases: tuple[Words, ...]) -> int:
    """phrase_width as it was before branch cold7: every phrase compared word by word."""
    for phrase in phrases:
        end = index + len(phrase)
        if end <= len(text_words) and all(
                part in text_words[index + k].forms for k, part in enumerate(phrase)):
            return len(phrase)
    return 0


def test_a_phrase_width_is_the_width_found_comparing_every_word() -> None:
    pick = random.Random(23)
    roots = ["tolak", "lapor", "uang", "amplop", "itu", "apa"]
    for _ in range(400):
        text_words = []
        for place in range(pick.randint(0, 7)):
            forms = frozenset(pick.sample(roots, pick.randint(1, 3)))
            text_words.append(_Word(min(forms), place * 6, place * 6 + 5, forms))
        phrases = tuple(tuple(pick.choice(roots) for _ in range(pick.randint(1, 3)))
                        for _ in range(pick.randint(0, 5)))
        if pick.random() < 0.1:  # an empty phrase ends the search where it stands
            phrases = (*phrases[:1], (), *phrases[1:])
        for index in range(len(text_words) + 2):
            assert phrase_width(text_words, index, phrases) == \
                _width_compared_word_by_word(text_words, index, phrases), (text_words, phrases)


def test_a_phrase_running_past_the_last_word_is_passed_over_for_a_shorter_one() -> None:
    text_words = [_Word("tolak", 0, 5, frozenset({"tolak", "menolak"})),
                  _Word("uang", 6, 10, frozenset({"uang"}))]
    phrases: tuple[Words, ...] = (("tolak", "uang", "itu"), ("tolak", "uang"), ("tolak",))
    assert phrase_width(text_words, 0, phrases) == 2
    assert phrase_width(text_words, 1, phrases) == 0
    assert phrase_width(text_words, 2, phrases) == 0
