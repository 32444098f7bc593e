"""The forms a written Indonesian word may stand for, so that one list entry catches its
inflections: ``pukuli`` catches ``dipukuli``, ``memukuli``, ``pukulilah`` and ``pukulin``.

Two sources, joined:

- **PySastrawi** (``Sastrawi``, the maintained Indonesian stemmer on PyPI: Nazief-Adriani
  with the enhanced confix stripping of Asian 2007 and Arifin 2009). It strips every affix
  and checks each step against its dictionary of about 30 000 root words, so it restores
  nasal assimilation correctly (``memukul`` is ``pukul``, not ``ukul``; ``menyerbu`` is
  ``serbu``). It returns a word it does not know unchanged.
- **Our own inflection stripping**, for the words the dictionary does not hold (slang,
  ``geruduk``, ``viral``, ``sebarluas``): one prefix (``di-``, ``ter-``, ``ke-``, ``ber-``,
  ``per-``, ``me(N)-``, ``pe(N)-``, with nasal assimilation undone by trying each initial
  the nasal may have swallowed: ``meny-`` -> ``s``, ``mem-`` -> ``p``, ``men-`` -> ``t``,
  ``meng-`` -> ``k``), then one suffix (``-kan``, ``-i``, ``-an``), after the particles
  (``-lah``, ``-kah``, ``-tah``, ``-pun``), the possessives (``-nya``, ``-ku``, ``-mu``) and
  the colloquial ``-in`` (``gebukin`` = ``gebuki``/``gebukkan``) and the colloquial nasal
  prefix without ``me-`` (``nyoblos`` = ``coblos``, ``ngebom`` = ``bom``).

Every intermediate form is kept. A list entry matches a word when the entry is one of the
word's forms, so an entry is written as the *least* inflected form that still carries the
forbidden meaning: ``pukuli`` (beat up) and not ``pukul``, which is also the hour
(``pukul 07.00``); ``habisi`` (finish off) and not ``habis`` (used up).
"""

from __future__ import annotations

from functools import lru_cache

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
SUFFIXES = ("kan", "i", "an")
PLAIN_PREFIXES = ("di", "ter", "ke", "ber", "per", "diper", "memper")
VOWELS = "aeiou"
MIN_ROOT = 4  # a stripped form shorter than this is noise ("ke-ras"); PySastrawi's are kept
# The colloquial negation is "tidak": "nggak milih" = "tidak memilih".
NOT_WORDS = frozenset({"nggak", "ngga", "gak", "ga", "enggak", "engga", "kagak", "ndak", "nda",
                       "gk", "tdk", "tak"})


@lru_cache(maxsize=1)
def _stemmer() -> object:
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """Every form ``word`` (already normalised: lower case, plain letters) may stand for,
    ``word`` itself included."""
    if not word.isalpha():
        return frozenset({word})
    forms = {word}
    for bare in _without_endings(word):
        forms.add(bare)
        for root in _without_prefix(bare):
            forms.add(root)
            forms.update(_without_suffix(root))
        forms.update(_without_suffix(bare))
    for bare in _without_endings(word):
        for root in _proclitic(bare):
            forms.add(root)
            forms.update(_without_suffix(root))
    kept = {f for f in forms if len(f) >= MIN_ROOT or "nge" + f in word}  # nge-: one syllable
    if word in NOT_WORDS:
        kept.add("tidak")
    return frozenset({word, sastrawi_stem(word)} | kept | _bare_nasal(word))


def colloquial(word: str) -> bool:
    """True when ``word`` carries a colloquial affix instead of the written one: ``-in``
    (``menangin``), a nasal without ``me-`` (``ngedukung``, ``nyoblos``, ``milih``)."""
    return word.endswith("in") or word.startswith(("nge", "ng", "ny")) or bool(
        _bare_nasal(word))


def _bare_nasal(word: str) -> set[str]:
    """The spoken nasal without ``me-``: ``milih`` = ``pilih``, ``mukul`` = ``pukul``,
    ``nusuk`` = ``tusuk``, ``nembak`` = ``tembak``. Only a word the dictionary does not know,
    read as one it knows (``mau`` is not ``bau``)."""
    if len(word) < MIN_ROOT or word.startswith(("me", "ng", "ny")) or word[0] not in "mn":
        return set()
    if known_root(word) or _squashed_root(word):
        return set()
    heads = ("p", "b") if word[0] == "m" else ("t",)
    return {h + word[1:] for h in heads if known_root(h + word[1:])}


def _squashed_root(word: str) -> bool:
    """True when ``word`` is a known root once one of its letters is written twice again:
    normalising squashes repeated letters (``massal`` -> ``masal``), and the word is then no
    spoken nasal (``masal`` is not ``pasal``)."""
    return any(known_root(word[:i] + word[i - 1:]) for i in range(1, len(word) + 1))


def _proclitic(word: str) -> set[str]:
    """The pronoun before a verb, written as one word with it: ``kubunuh`` (I will kill),
    ``kaupukuli``. Only a word the dictionary does not know, read as one it knows (``kuat``,
    ``kuasa``, ``kaum`` stay themselves)."""
    if known_root(word):
        return set()
    return {word[len(p):] for p in ("kau", "ku") if word.startswith(p)
            and len(word) - len(p) >= MIN_ROOT and known_root(word[len(p):])}


def known_root(word: str) -> bool:
    """True when ``word`` is a root word of PySastrawi's dictionary."""
    stemmer = _stemmer().delegatedStemmer  # type: ignore[attr-defined]
    return bool(stemmer.dictionary.contains(word))


@lru_cache(maxsize=8192)
def known_word(word: str) -> bool:
    """True when ``word`` (normalised) or one of its forms is a root word of PySastrawi's
    dictionary: an ordinary word (``Sesuai``, ``Pemimpin``), not a name (``Hendra``)."""
    dictionary = _stemmer().delegatedStemmer.dictionary  # type: ignore[attr-defined]
    return any(dictionary.contains(form) for form in word_forms(word))


@lru_cache(maxsize=65536)
def sastrawi_stem(word: str) -> str:
    """The root PySastrawi finds for ``word`` (``word`` itself when it knows none)."""
    stem: str = _stemmer().stem(word)  # type: ignore[attr-defined]
    return stem or word


def _without_endings(word: str) -> set[str]:
    """``pukulinlah`` -> ``pukulinlah``, ``pukulin``, ``pukuli``, ``pukulkan``, ``pukul``."""
    found = {word}
    for endings in (PARTICLES, POSSESSIVES):
        found |= {w[: -len(e)] for w in found for e in endings if w.endswith(e)}
    found |= {w[:-2] + tail for w in found if w.endswith("in") and len(w) > 4
              for tail in ("i", "kan", "")}
    return found


def _without_suffix(word: str) -> set[str]:
    return {word[: -len(s)] for s in SUFFIXES if word.endswith(s)}


def _without_prefix(word: str) -> set[str]:
    """The roots ``word`` may have after one prefix, nasal assimilation undone."""
    found = {word[len(p):] for p in PLAIN_PREFIXES if word.startswith(p)}
    for head in ("me", "pe"):
        if word.startswith(head):
            found |= _nasal_roots(word[len(head):])
    if word.startswith(("ny", "ng")) and len(word) > 4:  # colloquial: nyoblos, ngebom, ngancam
        found |= _nasal_roots(word) - {word}
    return found


def _nasal_roots(rest: str) -> set[str]:
    """What follows ``me``/``pe``: ``ny-erbu`` -> ``serbu``; ``m-ukul`` -> ``pukul``;
    ``n-usuk`` -> ``tusuk``; ``ng-eroyok`` -> ``keroyok``, ``ng-hajar`` -> ``hajar``;
    ``nge-bom`` -> ``bom``; ``l-empari`` -> ``lempari``."""
    found = {rest}  # me-lempari, pe-rusuh, me-rakit
    if rest.startswith("nge"):
        found.add(rest[3:])
    if rest.startswith("ng"):
        found |= {rest[2:], "k" + rest[2:]}
    if rest.startswith("ny"):
        found |= {"s" + rest[2:], "c" + rest[2:]}
    elif rest.startswith("n"):
        found |= {rest[1:], "t" + rest[1:]}
    if rest.startswith("m"):
        found |= {rest[1:], "p" + rest[1:], "b" + rest[1:]}
    return {f for f in found if f and (f[0] not in VOWELS or len(f) > MIN_ROOT)}
