"""How each platform counts a text, where it folds it, and whether it fits.

Pure functions over strings; the only file read is X's counting configuration (once, see
:mod:`kalender.text.twitter_text`). The counting methods are the ``count:`` values of
``calendar/platforms.yml``:

``characters``
    Unicode code points after NFC normalisation (Instagram, Facebook, YouTube title and tags).
``weighted``
    X's weighted length (twitter-text configuration v3): URLs 23, emoji 2, CJK 2, Latin 1.
``utf16``
    UTF-16 code units of the text as written (TikTok): an emoji outside the BMP counts 2.
``utf8``
    UTF-8 bytes of the text as written (YouTube description): ``é`` counts 2, an emoji 4.

Every index returned is a Python index into the text as given, never inside an emoji or
between a letter and its combining mark.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .twitter_text import extract_emoji, original_index, parse_tweet

if TYPE_CHECKING:
    from ..core.calendar_data import Platform, TextRule

METHODS = ("characters", "weighted", "utf16", "utf8")
FIELDS = ("caption", "title", "description", "tags")
LINE_BREAKS = "\n\r\u2028\u2029"


def nfc(text: str) -> str:
    """``text`` in Unicode normalisation form C."""
    return unicodedata.normalize("NFC", text)


def count(text: str, method: str) -> int:
    """The length of ``text`` as a platform counting by ``method`` sees it."""
    if method == "characters":
        return len(nfc(text))
    if method == "weighted":
        return parse_tweet(text).weighted_length
    if method == "utf16":
        return len(text.encode("utf-16-le")) // 2
    if method == "utf8":
        return len(text.encode("utf-8"))
    raise ValueError(f"unknown counting method {method!r}; expected one of {METHODS}")


def over_limit_index(text: str, method: str, limit: int) -> int | None:
    """Where ``text`` passes ``limit`` (the first character that does not fit), or None."""
    if method == "weighted":
        return parse_tweet(text, limit).over_index
    if method == "characters":
        normalized = nfc(text)
        if len(normalized) <= limit:
            return None
        return grapheme_start(text, original_index(text, normalized, limit))
    size = _UNIT_SIZES.get(method)
    if size is None:
        raise ValueError(f"unknown counting method {method!r}; expected one of {METHODS}")
    return _first_over(text, size, limit)


def _utf16_units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def _utf8_bytes(ch: str) -> int:
    return len(ch.encode("utf-8", "surrogatepass"))


_UNIT_SIZES: dict[str, Callable[[str], int]] = {"utf16": _utf16_units, "utf8": _utf8_bytes}


def _first_over(text: str, size: Callable[[str], int], limit: int) -> int | None:
    total = 0
    for index, ch in enumerate(text):
        total += size(ch)
        if total > limit:
            return grapheme_start(text, index)
    return None


def _joins_previous(text: str, index: int) -> bool:
    """True when ``text[index]`` belongs to the character before it (mark, ZWJ, selector...)."""
    ch, before = text[index], text[index - 1]
    point = ord(ch)
    return (unicodedata.category(ch) in ("Mn", "Mc", "Me")
            or before == "\u200d" or ch == "\u200d"
            or 0xFE00 <= point <= 0xFE0F or 0xE0020 <= point <= 0xE007F
            or 0xE0100 <= point <= 0xE01EF or 0x1F3FB <= point <= 0x1F3FF
            or (before == "\r" and ch == "\n"))


def grapheme_start(text: str, index: int) -> int:
    """``index`` moved back to the start of the character (grapheme) it falls in.

    A simple approximation of Unicode grapheme clusters: an emoji found by the ``emoji``
    package (flags, keycaps, ZWJ sequences) is never split, nor a letter from its combining
    marks, a variation selector or a skin tone, nor CR from LF.
    """
    if index <= 0 or index >= len(text):
        return max(0, min(index, len(text)))
    for found in extract_emoji(text):
        if found.start < index < found.end:
            return found.start
    while index > 0 and _joins_previous(text, index):
        index -= 1
    return index


def fold_at(text: str, fold: int, *, line_break: bool = False) -> int:
    """Where a caption folds: the index after ``fold`` characters, never inside a grapheme.

    With ``line_break`` (phones) it folds at the first line break after some visible text,
    when that comes first. Returns ``len(text)`` when the whole text shows.
    """
    index = len(text) if len(text) <= fold else grapheme_start(text, fold)
    if line_break:
        index = min(index, _first_line_break(text))
    return index


def _first_line_break(text: str) -> int:
    body = len(text) - len(text.lstrip())
    positions = [text.find(mark, body) for mark in LINE_BREAKS]
    return min((p for p in positions if p >= 0), default=len(text))


@dataclass(frozen=True)
class Measurement:
    """One text field of one post on one platform format, measured as the platform does."""

    platform: str
    format: str
    field: str  # caption | title | description | tags
    count: int
    limit: int
    method: str  # characters | weighted | utf16 | utf8
    fold: int | None  # index where the text folds on a computer, None when it all shows
    fold_mobile: int | None  # index where it folds on a phone (also at the first line break)
    over_index: int | None  # index of the first character past the limit, None when it fits
    fits: bool
    over_by: int  # how far past the limit, in the platform's unit (0 when it fits)


def rule_name(field: str, platform: Platform, format_id: str) -> str:
    """The key in platforms.yml of ``field``: a description is the ``caption`` rule."""
    if field == "description" and platform.text_rule(format_id, "description") is None:
        return "caption"
    return field


def field_of(name: str, platform: Platform, format_id: str) -> str:
    """The field a platforms.yml rule ``name`` measures: a caption beside a title is a
    description (YouTube, TikTok photo posts)."""
    if name == "caption" and "title" in platform.formats[format_id].text:
        return "description"
    return name


def text_fields(platform: Platform, format_id: str) -> tuple[str, ...]:
    """The text fields of a format, as :func:`field_of` names them."""
    return tuple(field_of(name, platform, format_id) for name in platform.formats[format_id].text)


def measure(text: str, platform: Platform, format_id: str, field: str) -> Measurement:
    """Count ``text`` as ``field`` of ``platform`` in ``format_id``; LookupError if no rule."""
    if format_id not in platform.formats:
        raise LookupError(f"{platform.id} has no format {format_id!r}")
    rule = platform.text_rule(format_id, rule_name(field, platform, format_id))
    if rule is None:
        raise LookupError(f"{platform.id} ({format_id}) has no text field {field!r}")
    return measure_with(text, rule, platform.id, format_id, field)


def measure_with(text: str, rule: TextRule, platform_id: str, format_id: str,
                 field: str) -> Measurement:
    """Count ``text`` against one :class:`~kalender.core.calendar_data.TextRule`."""
    counted = count(text, rule.count)
    mobile = rule.fold_mobile or rule.fold
    return Measurement(
        platform=platform_id, format=format_id, field=field, count=counted, limit=rule.limit,
        method=rule.count, fold=_folded(text, rule.fold, line_break=False),
        fold_mobile=_folded(text, mobile, line_break=True),
        over_index=over_limit_index(text, rule.count, rule.limit) if counted > rule.limit
        else None,
        fits=counted <= rule.limit, over_by=max(0, counted - rule.limit),
    )


def _folded(text: str, fold: int | None, *, line_break: bool) -> int | None:
    if fold is None:
        return None
    index = fold_at(text.rstrip(), fold, line_break=line_break)
    return index if index < len(text.rstrip()) else None


def forbidden_in(text: str, forbid: str) -> tuple[str, ...]:
    """The characters of ``forbid`` that occur in ``text``, in the order of ``forbid``."""
    return tuple(ch for ch in forbid if ch in text)


def grouped(number: int, lang: str = "id") -> str:
    """``5000`` as users read it: ``5.000`` in Indonesian, ``5,000`` in English."""
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "id" else text
