"""Partisanship (SOP D.3): a party, a candidate, a person addressed by name or a ballot
number near a campaign verb or a word of praise or attack, in the same sentence. The lists
are the office's ``calendar/partisan.yml``; words are read as :mod:`kalender.text.phrases`
reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .hashtags import ballot_hashtags
from .phrases import Pattern, Word, normalise_word, sentences, words
from .wordforms import colloquial, known_word

T = TypeVar("T")
PARTISAN_FILE = "partisan.yml"


@dataclass(frozen=True)
class Contestant:
    """A party or a candidate of the office's list, with its ballot number."""

    name: str
    aliases: tuple[str, ...]
    ballot: int | None
    dasar: str
    patterns: tuple[Pattern, ...] = field(default=(), compare=False)
    praised: bool = True  # praise words count for it (not for a person named in passing)


@dataclass(frozen=True)
class Pointing:
    """Words by which a caption points at a participant without naming one (``tunjuk`` in
    ``calendar/partisan.yml``; weighed by the learned layer, :mod:`kalender.rules.learnedcues`)."""

    colours: frozenset[str] = frozenset()  # "ijo", "biru"
    worn: frozenset[str] = frozenset()  # "partai", "baju": what a colour of a side stands by
    ballot: frozenset[str] = frozenset()  # "nomor", "no"
    spoken: frozenset[str] = frozenset()  # numbers as words: "tige", "loro", "genap"
    places: frozenset[str] = frozenset()  # "tps", "rt": a numbered place, not a ballot
    cited: frozenset[str] = frozenset()  # "tahun": "Nomor 7 Tahun 2017", a law
    evaluative: frozenset[str] = frozenset()  # "peduli", "gagal"
    calling: frozenset[str] = frozenset()  # "coblos", "ayo"


@dataclass(frozen=True)
class PartisanLists:
    """The office's lists of parties and candidates, the campaign verbs and the window."""

    contestants: tuple[Contestant, ...]
    verbs: tuple[Pattern, ...]
    verb_texts: tuple[str, ...]
    window: int
    dasar: str
    path: Path | None = None
    praise: tuple[Pattern, ...] = ()  # praise and attack words: near a party or a listed name
    drawing: tuple[Pattern, ...] = ()  # "pengundian", "ditetapkan": a reported ballot number
    pointing: Pointing = Pointing()  # "partai ijo", "nomer tige": a participant not named
    contests: tuple[Pattern, ...] = ()  # "lomba", "osis": a contest other than the election

    @property
    def ballots(self) -> dict[str, Contestant]:
        return {str(c.ballot): c for c in self.contestants if c.ballot is not None}


@dataclass(frozen=True)
class PartisanHit:
    """A reference to a contestant (name or ballot number) near a campaign verb."""

    contestant: Contestant
    reference: tuple[int, int]  # span in the original text
    verb: tuple[int, int]

    def spans(self) -> list[tuple[int, int]]:
        return sorted({self.reference, self.verb})


BALLOT_WORDS = ("nomor", "no", "nomer", "nmr")
NOT_A_BALLOT = frozenset({"tahun", "th", "thn"})  # "Nomor 7 Tahun 2017" cites a law
# "TPS nomor 5", "Pasal 280 nomor 2", "RT no 3": a number of something else
NUMBERED_THINGS = frozenset({"tps", "rt", "rw", "bilik", "kotak", "meja", "loket", "pintu",
                             "ruang", "ruangan", "lantai", "pasal", "ayat", "huruf", "gedung",
                             "kamar", "telepon", "hp", "wa", "rekening", "formulir", "model",
                             "dapil", "antrean", "antrian", "kursi", "gang", "jalan", "jl",
                             "blok", "soal", "pertanyaan", "kuis", "halaman", "slide"})
# "paslon 01", "capres nomor 2", "calon no. 3": a contestant by its number
CONTEST_WORDS = frozenset({"paslon", "capres", "cawapres", "calon", "caleg", "cawalkot",
                           "cawawalkot", "cagub", "cabup", "kandidat", "pasangan"})


def find_partisan(text: str, lists: PartisanLists) -> list[PartisanHit]:
    """Each reference to a party, candidate or ballot number within ``lists.window`` words
    of a campaign verb (``coblos``, ``pilih``, ``dukung``, ``nomor urut`` ...), in the same
    sentence."""
    text_words = words(text)
    sentence = sentences(text, text_words)
    references = [*_references(text_words, lists), *_unlisted(text, text_words, lists)]
    tagged = set(ballot_hashtags(text, text_words))  # "#01": the whole caption is near
    references += [(_unlisted_contestant(text, text_words[i], text_words[i], lists), (i, i))
                   for i in sorted(tagged) if not any(f <= i <= la for _, (f, la) in references)]
    verbs = _unreported(_spans_of(text_words, lists.verbs), text_words, sentence, lists)
    praise = _unbounded(_spans_of(text_words, lists.praise), text_words)
    hits = []
    for contestant, (r_first, r_last) in references:
        near = [(v_first, v_last) for v_first, v_last in
                (verbs + praise if contestant.praised else verbs)
                if (v_last < r_first or v_first > r_last)
                and (r_first in tagged or (
                    sentence[v_first] == sentence[r_first]
                    and min(abs(v_first - r_last), abs(r_first - v_last)) <= lists.window))]
        if near:
            v_first, v_last = min(near, key=lambda v: min(abs(v[0] - r_last), abs(r_first - v[1])))
            hits.append(PartisanHit(
                contestant,
                (text_words[r_first].start, text_words[r_last].end),
                (text_words[v_first].start, text_words[v_last].end)))
    return hits


def names_a_contestant(text: str, lists: PartisanLists) -> bool:
    """True when ``text`` names who a call would be for: a listed party or candidate, a
    ballot number, ``Partai`` or an honorific with a capitalised name, a name after a voting
    imperative, a ballot hashtag (``#01``). *Pilih calon yang paling tegas* names no one."""
    text_words = words(text)
    return bool(ballot_hashtags(text, text_words)) or any(
        True for _ in (*_references(text_words, lists), *_unlisted(text, text_words, lists)))


def _unreported(verbs: list[tuple[int, int]], text_words: Sequence[Word],
                sentence: Sequence[int], lists: PartisanLists) -> list[tuple[int, int]]:
    """The campaign verbs but ``nomor urut`` in a sentence reporting how the organiser drew
    or set the numbers (*Partai X memperoleh nomor urut 3 sesuai berita acara pengundian*):
    the number is then news, not a call. The other verbs of that sentence still count."""
    reported = {sentence[first] for first, _ in _spans_of(text_words, lists.drawing)}
    return [(first, last) for first, last in verbs
            if sentence[first] not in reported
            or tuple(w.norm for w in text_words[first:last + 1]) != ("nomor", "urut")]


# "hanya sampai nomor 15", "cuma hingga 18 partai": a limit of a range, not praise
RANGE_WORDS = frozenset({"sampai", "sampe", "hingga", "sd"})


def _unbounded(praise: list[tuple[int, int]],
               text_words: Sequence[Word]) -> list[tuple[int, int]]:
    """The praise words but ``hanya``/``cuma`` that open a range (*peserta hanya sampai nomor
    15*): the number is then a limit, not the only choice."""
    return [(first, last) for first, last in praise
            if not (first == last and last + 1 < len(text_words)
                    and text_words[last + 1].norm in RANGE_WORDS)]


def _spans_of(text_words: Sequence[Word], patterns: Sequence[Pattern]) -> list[tuple[int, int]]:
    """The first and last word index of each occurrence of ``patterns``."""
    pattern_at = _by_first_word(patterns, lambda p: [p])
    found = [(i, i + len(p.parts) - 1) for i, word in enumerate(text_words)
             for p in pattern_at(word.norm) if p.matches_at(text_words, i)]
    return found + [(i, i) for i, word in enumerate(text_words)
                    if (i, i) not in found and _spoken(word, pattern_at)]


def _spoken(word: Word, pattern_at: Callable[[str], list[Pattern]]) -> bool:
    """A one-word entry written with a colloquial affix: ``menangin`` (menangkan),
    ``ngedukung`` (dukung), ``milih`` (pilih)."""
    if not colloquial(word.norm):
        return False
    return any(len(p.parts) == 1 and _same_word(form, p.parts[0])
               for form in word.forms - {word.norm} for p in pattern_at(form))


def _same_word(form: str, part: tuple[str, bool]) -> bool:
    norm, prefix = part
    return form.startswith(norm) if prefix else form == norm


def _references(text_words: Sequence[Word], lists: PartisanLists
                ) -> Iterator[tuple[Contestant, tuple[int, int]]]:
    ballots = lists.ballots
    candidates = _by_first_word(lists.contestants, lambda c: list(c.patterns))
    for index, word in enumerate(text_words):
        for contestant in candidates(word.norm):
            for pattern in contestant.patterns:
                if pattern.matches_at(text_words, index):
                    yield contestant, (index, index + len(pattern.parts) - 1)
                    break
        if word.norm in BALLOT_WORDS and _word(text_words, index - 1) not in NUMBERED_THINGS:
            number_at = index + 2 if _word(text_words, index + 1) == "urut" else index + 1
            number = _ballot(_word(text_words, number_at))
            if number in ballots and _word(text_words, number_at + 1) not in NOT_A_BALLOT:
                yield ballots[number], (index, number_at)


NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
     "sepuluh"))}


def _ballot(word: str) -> str:
    """``02`` -> ``2``, ``dua`` -> ``2``: a ballot number as the list writes it."""
    return str(int(word)) if word.isdigit() else NUMBER_WORDS.get(word, word)


NOT_A_PARTY_NAME = frozenset({"politik", "peserta", "lokal", "nasional", "pemilu"})
HONORIFICS = frozenset({"pak", "bapak", "bu", "ibu", "bang", "mas", "mbak", "kak", "abah",
                        "bunda", "koh", "cik"})
TITLES = frozenset({"ketua", "anggota", "lurah", "camat", "wali", "walikota", "bupati", "kades",
                    "rt", "rw", "kepala", "sekretaris", "komisioner", "guru", "ustadz", "haji",
                    "dokter", "presiden", "gubernur", "menteri", "hakim", "jaksa", "kapolres"})
MAX_BALLOT = 99


def _unlisted(text: str, text_words: Sequence[Word], lists: PartisanLists
              ) -> Iterator[tuple[Contestant, tuple[int, int]]]:
    """Contestants not on the office's list: ``Partai`` and a capitalised name
    (``Partai Maju``), a person addressed by name (``Pak Hendrawan``, not ``Pak Lurah``),
    and ``nomor urut`` with a number no listed party has."""
    listed = {i for _, (first, last) in _references(text_words, lists)
              for i in range(first, last + 1)}
    for index, word in enumerate(text_words):
        following = text_words[index + 1] if index + 1 < len(text_words) else None
        if following is not None and not text[word.end:following.start].isspace():
            following = None  # "... tanda gambar partai.\n\n#JDIHKPU": not a name
        if (word.norm == "partai" and following is not None and index + 1 not in listed
                and text[following.start].isupper() and following.norm not in NOT_A_PARTY_NAME):
            yield _unlisted_contestant(text, word, following, lists), (index, index + 1)
        if (word.norm in HONORIFICS and following is not None and index + 1 not in listed
                and text[following.start].isupper() and following.norm not in TITLES):
            yield replace(_unlisted_contestant(text, word, following, lists), praised=False), (
                index, index + 1)
        if word.norm in BALLOT_WORDS and _word(text_words, index + 1) == "urut":
            number = _word(text_words, index + 2)
            if (number.isdigit() and 0 < int(number) <= MAX_BALLOT and index not in listed
                    and _word(text_words, index + 3) not in NOT_A_BALLOT):
                yield _unlisted_contestant(text, word, text_words[index + 2], lists), (
                    index, index + 2)
    yield from _numbered_or_named(text, text_words, lists, listed)


def _numbered_or_named(text: str, text_words: Sequence[Word], lists: PartisanLists,
                       listed: set[int]) -> Iterator[tuple[Contestant, tuple[int, int]]]:
    """A contest word and a number (``paslon 01``), and a name right after a voting
    imperative (``Jangan pilih Yanto``), not already found on the office's list."""
    for index, word in enumerate(text_words):
        numbered = _numbered(text_words, index)
        if (numbered is not None and not listed & set(range(index, numbered + 1))
                and _word(text_words, numbered - 1) != "urut"):  # "nomor urut 30": above
            yield _unlisted_contestant(text, word, text_words[numbered], lists), (
                index, numbered)
        named = _named_after_verb(text, text_words, index)
        first = index + 1
        while named is not None and first < named and text_words[first].norm in WHOLLY:
            first += 1
        if named is not None and not listed & set(range(first, named + 1)):
            contestant = _unlisted_contestant(text, text_words[first], text_words[named], lists)
            yield replace(contestant, praised=False), (first, named)


def _numbered(text_words: Sequence[Word], index: int) -> int | None:
    """``paslon 01``, ``capres nomor 2``, ``calon no. urut 3``: the index of the number
    after a contest word."""
    if text_words[index].norm not in CONTEST_WORDS:
        return None
    at = index + 1
    while _word(text_words, at) in (*BALLOT_WORDS, "urut"):
        at += 1
    number = _word(text_words, at)
    if (number.isdigit() and 0 < int(number) <= MAX_BALLOT
            and _word(text_words, at + 1) not in NOT_A_BALLOT):
        return at
    return None


# An imperative to vote, then a name: "Pilih Hendra!", "jangan pilih Yanto", "Coblos AMIN"
NAMING_VERBS = frozenset({"pilih", "pilihlah", "coblos", "coblosin", "cobloslah", "nyoblos",
                          "dukung", "dukunglah", "menangkan", "menangkanlah", "contreng"})
NOT_A_NAME = frozenset({"pemilu", "pilkada", "pilwalkot", "pilpres", "pileg", "kpu", "bawaslu",
                        "dkpp", "tps", "dpt", "dps", "dptb", "pps", "ppk", "kpps", "pantarlih",
                        "singkawang", "indonesia", "kalbar", "kalimantan", "ktp", "nik", "pkpu",
                        "paslon", "caleg", "capres", "cawapres", "cawalkot", "dpr", "dprd",
                        "dpd", "mpr", "jdih", "nkri", "pancasila", "uud", "ri", "wib",
                        "golput"})


# A statement of support, then a contest word and a name: "Kami mendukung penuh pasangan
# Wirawan-Suhaimi", "keluarga besar kami memilih calon Hendra".
DECLARED_VERBS = frozenset({"mendukung", "memilih", "mencoblos", "memenangkan", "mengusung"})
WHOLLY = frozenset({"penuh", "sepenuhnya", "total", "sepenuh", "hati", "bulat"})

JOINING_WORDS = frozenset({"untuk", "dan", "di", "ke", "yang", "dari", "sebagai", "jadi",
                           "nomor", "no", "agar", "supaya", "demi", "bersama"})


def _named_after_verb(text: str, text_words: Sequence[Word], index: int) -> int | None:
    """The index of the last word of a name right after a voting imperative: capitalised
    words that are not ordinary words of the dictionary (``Pilih Sesuai Hati Nurani`` is
    not a name) nor the election's own words (``Pilih KPU``, ``coblos TPS``)."""
    declared = text_words[index].norm in DECLARED_VERBS
    if text_words[index].norm not in NAMING_VERBS and not declared:
        return None
    verb = text_words[index]
    shouting = text[verb.start:verb.end].isupper()  # "PILIH SESUAI HATI NURANI"
    first = index + 1
    while _word(text_words, first) in WHOLLY:  # "mendukung penuh pasangan ..."
        first += 1
    if _word(text_words, first) in CONTEST_WORDS:  # "menangkan pasangan Hartono-Lim"
        first += 1
    elif declared:  # "mendukung Pemilu damai": a name only after a contest word
        return None
    if first >= len(text_words) or not _a_name(text, text_words[first], shouting):
        return None
    last = first
    for at in range(first + 1, min(first + 3, len(text_words))):  # "Hendra Wijaya"
        word = text_words[at]
        spaced = text[text_words[at - 1].end:word.start] == " "
        if not (spaced and text[word.start].isupper() and word.norm.isalpha()
                and word.norm not in NOT_A_NAME and word.norm not in JOINING_WORDS):
            break
        last = at
    return last


def _a_name(text: str, word: Word, shouting: bool) -> bool:
    """A capitalised word that is no ordinary word, or an acronym (``AMIN``) in a text
    that is not all capitals."""
    written = text[word.start:word.end]
    acronym = not shouting and len(written) >= 3 and written.isupper()
    return (written[0].isupper() and word.norm.isalpha() and word.norm not in NOT_A_NAME
            and word.norm not in HONORIFICS and word.norm not in TITLES
            and (acronym or not known_word(word.norm)))


def _unlisted_contestant(text: str, first: Word, last: Word, lists: PartisanLists) -> Contestant:
    return Contestant(text[first.start:last.end], (), None, lists.dasar)


_LOOKUPS: dict[int, tuple[Sequence[Any], Callable[[str], list[Any]]]] = {}


def _by_first_word(items: Sequence[T], patterns: Callable[[T], list[Pattern]]
                   ) -> Callable[[str], list[T]]:
    """A lookup of the items whose pattern may start at a word: those whose first word is
    that word, and those whose first word is a prefix (``bantai*``). Kept while the same
    list object is in use (the lists are read once per run)."""
    kept = _LOOKUPS.get(id(items))
    if kept is None or kept[0] is not items:
        if len(_LOOKUPS) > 16:
            _LOOKUPS.clear()
        kept = _LOOKUPS[id(items)] = (items, _first_word_index(items, patterns))
    return kept[1]


def _first_word_index(items: Sequence[T], patterns: Callable[[T], list[Pattern]]
                      ) -> Callable[[str], list[T]]:
    exact: dict[str, dict[int, T]] = {}
    by_prefix: list[tuple[str, T]] = []
    for item in items:
        for pattern in patterns(item):
            first, prefix = pattern.parts[0] if pattern.parts else ("", False)
            if prefix:
                by_prefix.append((first, item))
            else:
                exact.setdefault(first, {})[id(item)] = item

    def lookup(word: str) -> list[T]:
        found = dict(exact.get(word, {}))
        for first, item in by_prefix:
            if word.startswith(first):
                found.setdefault(id(item), item)
        return list(found.values())

    return lookup


def _word(text_words: Sequence[Word], index: int) -> str:
    return text_words[index].norm if index < len(text_words) else ""


# --- reading the list ------------------------------------------------------------------------

POINTING_KEYS = {"warna": "colours", "dipakai": "worn", "nomor": "ballot", "angka": "spoken",
                 "tempat": "places", "tahun": "cited", "nilai": "evaluative",
                 "ajakan": "calling"}  # key in calendar/partisan.yml -> field of Pointing
PARTISAN_SCHEMA = Field("mapping", keys={
    "dasar": Field("text", required=True),
    "window": Field("integer", required=True),
    "verbs": Field("list", required=True, min_items=1, items=Field("text")),
    "praise": Field("list", items=Field("text")),
    "undian": Field("list", items=Field("text")),
    "lomba": Field("list", items=Field("text")),
    "tunjuk": Field("mapping", keys={key: Field("list", items=Field("text"))
                                     for key in POINTING_KEYS}),
    "parties": Field("list", items=Field("mapping", keys={
        "name": Field("text", required=True),
        "aliases": Field("list", items=Field("text")),
        "nomor_urut": Field("integer"),
        "dasar": Field("text", required=True),
    })),
    "candidates": Field("list", items=Field("mapping", keys={
        "name": Field("text", required=True),
        "aliases": Field("list", items=Field("text")),
        "nomor_urut": Field("integer"),
        "dasar": Field("text", required=True),
    })),
})


def load_partisan(folder: Path, report: Report) -> PartisanLists | None:
    """The lists of ``calendar/partisan.yml``; None when the file is absent or wrong."""
    path = folder / PARTISAN_FILE
    if not path.exists():
        return None
    located = read_data_file(path, PARTISAN_SCHEMA, report)
    if located is None:
        return None
    data = located.value
    if data["window"] < 1:
        report.error(path, located.line("window"), "content.list_bad_window",
                     found=data["window"])
        return None
    contestants = [_contestant(raw) for raw in
                   [*(data.get("parties") or ()), *(data.get("candidates") or ())]]
    verbs = tuple(str(v) for v in data["verbs"])
    praise = tuple(Pattern.parse(str(v)) for v in data.get("praise") or ())
    drawing = tuple(Pattern.parse(str(v)) for v in data.get("undian") or ())
    pointing = data.get("tunjuk") or {}
    return PartisanLists(tuple(contestants), tuple(Pattern.parse(v) for v in verbs), verbs,
                         int(data["window"]), str(data["dasar"]), path, praise, drawing,
                         Pointing(**{name: frozenset(normalise_word(str(w))
                                                     for w in pointing.get(key) or ())
                                     for key, name in POINTING_KEYS.items()}),
                         tuple(Pattern.parse(str(v)) for v in data.get("lomba") or ()))


def _contestant(raw: dict[str, Any]) -> Contestant:
    aliases = tuple(str(a) for a in raw.get("aliases") or ())
    names = (str(raw["name"]), *aliases)
    ballot = raw.get("nomor_urut")
    return Contestant(str(raw["name"]), aliases, ballot if isinstance(ballot, int) else None,
                      str(raw["dasar"]), tuple(Pattern.parse(n) for n in names))
