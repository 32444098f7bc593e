"""X's weighted text length, as twitter-text v3 computes it (``parseTweet``).

A re-implementation, not a copy, of twitter-text's rules (Apache-2.0): the text is NFC-normalised;
every URL counts ``transformedURLLength``; every emoji counts ``defaultWeight``; every other
character counts the weight of the configuration range it falls in. The configuration and the
list of top-level domains are package data (``data/``, see its README for origin and licence).
Emoji come from the ``emoji`` package, so newer emoji (🐦‍⬛) count as one emoji.

Indices in :class:`TweetParse` ranges are UTF-16 code units, exactly as twitter-text reports
them; :attr:`TweetParse.over_index` is a Python index into the text as given.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
INVALID_CHARS = "\ufffe\ufeff\uffff"
DIRECTIONAL_MARKS = "\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
PUNCTUATION = re.escape("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$")
LATIN_ACCENTS = ("\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
                 "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
CYRILLIC = "\u0400-\u04ff"
# Emoji that twitter-text's emoji pattern leaves to their range weight (text symbols).
TEXT_SYMBOLS = frozenset({"\u00a9", "\u00ae", "\u2122"})
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_DOMAIN_LABEL_LENGTH = 63
# Every URL's domain ends in a dot and a top-level domain, and every top-level domain (and
# punycode's "xn--") begins with a word character (so do their case-insensitive matches):
# a text without a dot before a word character has no URL, and the URL pattern, some 30 ms
# of CPU to compile (1,500 top-level domains), is not made for it.
DOT_WORD = re.compile(r"\.\w")


@dataclass(frozen=True)
class WeightConfig:
    """twitter-text's counting configuration (``v3.json``)."""

    max_weighted_length: int
    scale: int
    default_weight: int
    emoji_parsing: bool
    url_length: int
    ranges: tuple[tuple[int, int, int], ...]  # (start, end, weight), ends inclusive

    def weight_of(self, code_unit: int) -> int:
        """The weight of one UTF-16 code unit."""
        for start, end, weight in self.ranges:
            if start <= code_unit <= end:
                return weight
        return self.default_weight


@cache
def weight_config() -> WeightConfig:
    """The v3 configuration shipped in ``data/twitter-text-v3.json`` (read once)."""
    raw = json.loads((DATA / "twitter-text-v3.json").read_text(encoding="utf-8"))
    return WeightConfig(
        max_weighted_length=int(raw["maxWeightedTweetLength"]), scale=int(raw["scale"]),
        default_weight=int(raw["defaultWeight"]),
        emoji_parsing=bool(raw.get("emojiParsingEnabled", False)),
        url_length=int(raw["transformedURLLength"]),
        ranges=tuple((int(r["start"]), int(r["end"]), int(r["weight"])) for r in raw["ranges"]),
    )


@dataclass(frozen=True)
class TweetParse:
    """What twitter-text's ``parseTweet`` answers, plus where the text passes the limit."""

    weighted_length: int
    valid: bool
    permillage: int
    display_range: tuple[int, int]  # UTF-16 indices, both inclusive
    valid_range: tuple[int, int]  # UTF-16 indices, both inclusive
    over_index: int | None  # index into the given text where the count passes the limit


@dataclass(frozen=True)
class _Patterns:
    url: re.Pattern[str]
    ascii_domain: re.Pattern[str]
    tco: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
def _patterns() -> _Patterns:
    tlds = json.loads((DATA / "twitter-text-tlds.json").read_text(encoding="utf-8"))
    end_of_tld = r"(?=[^0-9a-z@+\-]|$)"
    gtld = f"(?:(?:{_alternation(tlds['generic'])}){end_of_tld})"
    cctld = f"(?:(?:{_alternation(tlds['country'])}){end_of_tld})"
    punycode = r"(?:xn--[\-0-9a-z]+)"
    tld = f"(?:{gtld}|{cctld}|{punycode})"
    char = f"[^{PUNCTUATION}{SPACES}{INVALID_CHARS}{DIRECTIONAL_MARKS}]"
    subdomain = f"(?:(?:{char}(?:[_\\-]|{char})*)?{char}\\.)"
    domain_name = f"(?:(?:{char}(?:-|{char})*)?{char}\\.)"
    domain = f"(?:{subdomain}*{domain_name}{tld})"
    path_char = f"[a-z{CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{LATIN_ACCENTS}]"
    parens = (f"\\((?:{path_char}+|(?:{path_char}*\\({path_char}+\\){path_char}*))\\)")
    path_end = f"(?:[+\\-a-z{CYRILLIC}0-9=_#/{LATIN_ACCENTS}]|(?:{parens}))"
    path = f"(?:(?:{path_char}*(?:{parens}{path_char}*)*{path_end})|(?:@{path_char}+/))"
    query_char = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
    query_end = r"[a-z0-9\-_&=#/]"
    query = f"\\?{query_char}*{query_end}"
    preceding = f"(?:[^A-Za-z0-9@\uff20$#\uff03{INVALID_CHARS}]|[{DIRECTIONAL_MARKS}]|^)"
    url = (f"(?P<before>{preceding})(?P<url>(?P<protocol>https?://)?(?P<domain>{domain})"
           f"(?::[0-9]+)?(?P<path>/{path}*)?(?:{query})?)")
    flags = re.IGNORECASE
    return _Patterns(
        url=re.compile(url, flags),
        ascii_domain=re.compile(f"(?:(?:[\\-a-z0-9{LATIN_ACCENTS}]+)\\.)+{tld}", flags),
        tco=re.compile(f"^https?://t\\.co/([a-z0-9]+)(?:{query})?", flags),
    )


@dataclass(frozen=True)
class Entity:
    """A URL or an emoji found in a text: ``text[start:end] == value`` (Python indices)."""

    value: str
    start: int
    end: int


def extract_urls(text: str) -> list[Entity]:
    """The URLs of ``text`` as twitter-text finds them (with or without ``http(s)://``)."""
    if DOT_WORD.search(text) is None:  # a caption whose dots end its sentences
        return []
    patterns = _patterns()
    urls: list[Entity] = []
    for match in patterns.url.finditer(text):
        url, domain = match["url"], match["domain"]
        start = match.start("url")
        if not _valid_length(url, match["protocol"] or "https://", domain):
            continue
        if match["protocol"]:
            urls.extend(_with_protocol(url, start, patterns))
        elif not re.search(r"[-_./]$", match["before"]):
            urls.extend(_without_protocol(url, domain, bool(match["path"]), start, patterns))
    return urls


def _with_protocol(url: str, start: int, patterns: _Patterns) -> list[Entity]:
    tco = patterns.tco.match(url)
    if tco is None:
        return [Entity(url, start, start + len(url))]
    if len(tco[1]) > MAX_TCO_SLUG_LENGTH:
        return []
    return [Entity(tco[0], start, start + len(tco[0]))]


def _without_protocol(url: str, domain: str, has_path: bool, start: int,
                      patterns: _Patterns) -> list[Entity]:
    """Only the ASCII domains in ``domain``; the path, if any, joins the last of them."""
    found = [Entity(m[0], start + m.start(), start + m.end())
             for m in patterns.ascii_domain.finditer(domain)]
    if found and has_path:
        last = found[-1]
        found[-1] = Entity(url.replace(domain, last.value, 1), last.start, start + len(url))
    return found


def _valid_length(url: str, protocol: str, domain: str) -> bool:
    """Every label of the domain is 1 to 63 characters once punycode-encoded."""
    if domain.startswith("xn--") and not _patterns().ascii_domain.search(domain):
        return False
    for label in domain.split("."):
        encoded = label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
        if not 1 <= len(encoded) <= MAX_DOMAIN_LABEL_LENGTH:
            return False
    return len(protocol) + len(url) <= MAX_URL_LENGTH


def extract_emoji(text: str) -> list[Entity]:
    """Every emoji of ``text`` (ZWJ sequences, flags, keycaps, skin tones), current Unicode."""
    if text.isascii():  # every emoji has a code point beyond ASCII (a keycap its U+20E3)
        return []
    import emoji  # its tables take 0.1 s to load: only when an X caption is weighed

    return [Entity(found["emoji"], found["match_start"], found["match_end"])
            for found in emoji.emoji_list(text) if found["emoji"] not in TEXT_SYMBOLS]


def utf16_length(text: str) -> int:
    """The number of UTF-16 code units of ``text``."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _last_code_unit(ch: str) -> int:
    """The code unit twitter-text weighs for ``ch``: a surrogate pair's low half."""
    point = ord(ch)
    return point if point <= 0xFFFF else 0xDC00 + ((point - 0x10000) & 0x3FF)


def parse_tweet(text: str, max_length: int | None = None) -> TweetParse:
    """X's count of ``text``: weighted length, validity and ranges, as twitter-text v3.

    ``max_length`` replaces the configuration's 280 (e.g. when platforms.yml changes).
    """
    config = weight_config()
    limit = (max_length or config.max_weighted_length) * config.scale
    normalized = unicodedata.normalize("NFC", text)
    entities = _entity_weights(normalized, config)
    total, valid, valid_end, over_at = 0, True, 0, None
    index, unit = 0, 0
    while index < len(normalized):
        end, weight = entities.get(index) or (
            index + 1, config.weight_of(_last_code_unit(normalized[index])))
        last_unit = unit + utf16_length(normalized[index:end]) - 1
        total += weight
        valid = valid and normalized[end - 1] not in INVALID_CHARS
        if valid and total <= limit:
            valid_end = last_unit
        if over_at is None and total > limit:
            over_at = index
        index, unit = end, last_unit + 1
    return _parse_result(text, normalized, total, valid, valid_end, over_at, limit, config)


def _entity_weights(text: str, config: WeightConfig) -> dict[int, tuple[int, int]]:
    """start -> (end, weight) for every URL and (when enabled) every emoji; URLs win."""
    weights: dict[int, tuple[int, int]] = {}
    if config.emoji_parsing:
        weights.update({e.start: (e.end, config.default_weight) for e in extract_emoji(text)})
    weights.update({u.start: (u.end, config.url_length * config.scale)
                    for u in extract_urls(text)})
    return weights


def _parse_result(text: str, normalized: str, total: int, valid: bool, valid_end: int,
                  over_at: int | None, limit: int, config: WeightConfig) -> TweetParse:
    length16 = utf16_length(text)
    offset = length16 - utf16_length(normalized)
    return TweetParse(
        weighted_length=total // config.scale,
        valid=valid and 0 < total <= limit,
        permillage=total * 1000 // limit,
        display_range=(0, max(length16 - 1, 0)),
        valid_range=(0, valid_end + offset),
        over_index=None if over_at is None else original_index(text, normalized, over_at),
    )


def original_index(text: str, normalized: str, index: int) -> int:
    """The index in ``text`` of position ``index`` of its NFC form ``normalized``.

    When NFC changed nothing this is ``index``; otherwise the longest prefix of ``text``
    whose NFC form is at most ``index`` long (found by bisection).
    """
    if text == normalized:
        return index
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if len(unicodedata.normalize("NFC", text[:middle])) <= index:
            low = middle
        else:
            high = middle - 1
    return low
