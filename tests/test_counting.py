"""Counting text the platforms' way: twitter-text conformance, UTF-16, UTF-8, folds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kalender.core.calendar_data import CalendarData, load_calendar
from kalender.core.problems import Report
from kalender.text.counting import count, fold_at, grapheme_start, measure, over_limit_index
from kalender.text.twitter_text import DATA, _patterns, extract_emoji, extract_urls, parse_tweet

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT / "tests" / "data" / "twitter-text"  # vendored, with its LICENSE
SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")
URL_SECTIONS = ("urls", "urls_with_indices", "urls_with_directional_markers",
                "tco_urls_with_params")


def _load(name: str) -> dict[str, Any]:
    with (CONFORMANCE / name).open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle)["tests"])


def _cases(name: str, sections: tuple[str, ...]) -> list[Any]:
    """Every case of ``sections``; one failing placeholder when the data is missing."""
    if not (CONFORMANCE / name).is_file():
        return [pytest.param(None, id=f"MISSING-{name}")]
    tests = _load(name)
    return [pytest.param(case, id=f"{section}: {case['description']}")
            for section in sections for case in tests[section]]


@pytest.fixture(scope="module")
def calendar() -> CalendarData:
    data = load_calendar(ROOT, Report())
    assert data is not None
    return data


@pytest.mark.parametrize("case", _cases("validate.yml", SECTIONS))
def test_weighted_length_conformance(case: dict[str, Any] | None) -> None:
    assert case is not None, f"twitter-text conformance data missing: {CONFORMANCE}"
    result = parse_tweet(case["text"])
    assert {
        "weightedLength": result.weighted_length,
        "valid": result.valid,
        "permillage": result.permillage,
        "displayRangeStart": result.display_range[0],
        "displayRangeEnd": result.display_range[1],
        "validRangeStart": result.valid_range[0],
        "validRangeEnd": result.valid_range[1],
    } == case["expected"]


def test_conformance_sections_are_all_there() -> None:
    tests = _load("validate.yml")
    assert len(tests["WeightedTweetsWithDiscountedEmojiCounterTest"]) == 22
    assert len(tests["UnicodeDirectionalMarkerCounterTest"]) == 2


@pytest.mark.parametrize("case", _cases("extract.yml", URL_SECTIONS))
def test_url_extraction_conformance(case: dict[str, Any] | None) -> None:
    assert case is not None, f"twitter-text conformance data missing: {CONFORMANCE}"
    found = extract_urls(case["text"])
    expected = case["expected"]
    if expected and isinstance(expected[0], dict):
        assert [(u.value, [u.start, u.end]) for u in found] == [
            (e["url"], e["indices"]) for e in expected]
    else:
        assert [u.value for u in found] == expected


def test_every_conformance_tld_is_recognised() -> None:
    tests = _load("tlds.yml")
    missed = [case["text"] for section in tests.values() for case in section
              if [u.value for u in extract_urls(case["text"])] != case["expected"]]
    assert missed == []


@pytest.mark.parametrize(("text", "weighted"), [
    ("🐦‍⬛", 2),  # black bird, Unicode 15 ZWJ sequence
    ("🫨", 2),  # shaking face, Unicode 15
    ("🇮🇩", 2),  # flag: two regional indicators
    ("#️⃣", 2),  # keycap
    ("👍🏾", 2),  # skin tone
    ("Pemilu 2029 🗳️", 14),
    ("©", 1),  # a text symbol, not an emoji, in twitter-text
    ("Info: jdih.kpu.go.id/kalbar", 29),  # URL without protocol counts 23
], ids=["black-bird", "shaking-face", "flag", "keycap", "skin-tone", "ballot", "copyright",
        "url"])
def test_weighted_count(text: str, weighted: int) -> None:
    assert count(text, "weighted") == weighted


def test_characters_count_after_nfc() -> None:
    decomposed = "Pemilu\u0301"  # u + combining acute accent: one character after NFC
    assert len(decomposed) == 7
    assert count(decomposed, "characters") == 6


def test_utf16_counts_code_units() -> None:
    assert count("KPU 🗳", "utf16") == 6  # the ballot box lies outside the BMP: 2 units
    assert count("🐦‍⬛", "utf16") == 4


def test_utf8_counts_bytes() -> None:
    assert count("Pemilu", "utf8") == 6
    assert count("é", "utf8") == 2
    assert count("🐦‍⬛", "utf8") == 10  # 4 + 3 (ZWJ) + 3


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown counting method 'words'"):
        count("x", "words")


def test_youtube_description_counts_utf8_bytes(calendar: CalendarData) -> None:
    text = "é" * 2501  # 2,501 characters, 5,002 bytes
    result = measure(text, calendar.platforms["youtube"], "video", "description")
    assert (result.count, result.limit, result.method) == (5002, 5000, "utf8")
    assert (result.fits, result.over_by) == (False, 2)
    assert result.over_index == 2500  # the 2,501st "é" is the first past 5,000 bytes


def test_tiktok_counts_utf16_units(calendar: CalendarData) -> None:
    text = "a" * 2198 + "😷"  # 2,199 characters, 2,200 UTF-16 units: fits exactly
    fits = measure(text, calendar.platforms["tiktok"], "video", "caption")
    assert (fits.count, fits.fits, fits.over_by) == (2200, True, 0)
    over = measure(text + "😷", calendar.platforms["tiktok"], "video", "caption")
    assert (over.count, over.fits, over.over_by, over.over_index) == (2202, False, 2, 2199)


def test_tiktok_photo_title_and_description(calendar: CalendarData) -> None:
    tiktok = calendar.platforms["tiktok"]
    assert measure("a" * 91, tiktok, "photo", "title").over_by == 1
    assert measure("a" * 4000, tiktok, "photo", "description").fits


def test_x_measurement(calendar: CalendarData) -> None:
    result = measure("a" * 279 + "😷", calendar.platforms["x"], "post", "caption")
    assert (result.count, result.limit, result.method) == (281, 280, "weighted")
    assert (result.fits, result.over_by, result.over_index) == (False, 1, 279)
    assert result.fold is None and result.fold_mobile is None  # X does not fold


def test_instagram_fold_and_mobile_fold(calendar: CalendarData) -> None:
    caption = "Hari Antikorupsi Sedunia\n\n" + "x" * 200
    result = measure(caption, calendar.platforms["instagram"], "feed", "caption")
    assert result.fold == 125
    assert result.fold_mobile == 24  # the first line break comes first on phones
    assert result.fits and result.over_by == 0


def test_facebook_folds_later_on_computers(calendar: CalendarData) -> None:
    result = measure("x" * 300, calendar.platforms["facebook"], "post", "caption")
    assert result.fold is None  # 300 < 477: the whole text shows on a computer
    assert result.fold_mobile == 125


def test_fold_never_cuts_an_emoji() -> None:
    family = "👨‍👩‍👧‍👦"
    text = "a" * 123 + family + "b" * 10
    assert fold_at(text, 125) == 123  # 125 falls inside the family emoji
    assert fold_at(text, 130) == 130


def test_fold_keeps_combining_marks_with_their_letter() -> None:
    text = "a" * 124 + "e\u0301" + "z"
    assert fold_at(text, 125) == 124


def test_fold_at_line_break_only_after_visible_text() -> None:
    assert fold_at("\n\nJudul\nIsi", 125, line_break=True) == 7
    assert fold_at("Judul singkat", 125, line_break=True) == len("Judul singkat")


def test_over_limit_index_by_method() -> None:
    assert over_limit_index("abcdef", "characters", 4) == 4
    assert over_limit_index("abcd", "characters", 4) is None
    assert over_limit_index("ab😷", "utf16", 3) == 2
    assert over_limit_index("abé", "utf8", 3) == 2
    assert over_limit_index("a" * 3 + "🇮🇩", "characters", 4) == 3  # not inside the flag


def test_over_index_in_decomposed_text_points_into_the_text_as_given() -> None:
    text = "e\u0301" * 281  # 281 characters after NFC, 562 as written
    assert parse_tweet(text).over_index == 560


def test_grapheme_start_of_a_flag() -> None:
    assert grapheme_start("ab🇮🇩", 3) == 2


def test_ascii_text_has_no_emoji_as_the_emoji_tables_say() -> None:
    """extract_emoji skips the emoji tables for ASCII text: no emoji is ASCII only."""
    import emoji

    assert not any(key.isascii() for key in emoji.EMOJI_DATA)
    for text in ("Pemilih :) #JDIH 1 2 3 * # <3 :-D", "", "0123456789#*"):
        assert extract_emoji(text) == [] == emoji.emoji_list(text)
    assert [e.value for e in extract_emoji("Ayo memilih 1\ufe0f\u20e3 \U0001f5f3\ufe0f")] \
        == ["1\ufe0f\u20e3", "\U0001f5f3\ufe0f"]


def test_url_pattern_is_made_only_for_a_dot_before_a_word_character() -> None:
    """extract_urls skips the URL pattern (1,500 top-level domains to compile) for a text
    with no dot before a word character; a URL's domain always has one."""
    _patterns.cache_clear()
    text = "Ayo memilih. Datang ke TPS... 14 Februari 2029 (Rabu)."
    assert extract_urls(text) == [] and count(text, "weighted") == len(text)
    assert _patterns.cache_info().currsize == 0
    assert [u.value for u in extract_urls("Info di jdih.kpu.go.id/kalbar.")] == [
        "jdih.kpu.go.id/kalbar"]
    assert _patterns.cache_info().currsize == 1


def test_every_top_level_domain_begins_with_a_word_character() -> None:
    """What the shortcut above rests on: no character that is not a word character matches
    the first character of a top-level domain or of punycode, case-insensitively."""
    tlds = json.loads((DATA / "twitter-text-tlds.json").read_text(encoding="utf-8"))
    firsts = {word[0] for words in tlds.values() for word in words} | {"x"}
    every = "".join(map(chr, range(0x110000)))
    not_word = re.sub(r"\w", "", every)
    assert len(not_word) > 100_000
    first = re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + "]", re.IGNORECASE)
    assert first.search(not_word) is None
