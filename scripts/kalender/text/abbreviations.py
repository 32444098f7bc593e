"""Words written without their vowels, the way chat shortens them: ``gblk`` is ``goblok``,
``kntl`` is ``kontol``, ``tlol`` is ``tolol``, ``brngsk`` is ``brengsek``.

A list that asks for it (``abbreviations: true`` in its file, :mod:`kalender.text.phrase_lists`)
matches such a word to an entry when the word is the entry with only vowels left out (at least
one), starts with the same letter, has at least ``MIN_LETTERS`` letters, and is neither a
root word of the PySastrawi dictionary nor one with affixes (``stan`` is a word, not ``setan``
shortened; ``pemerintah`` is not ``perek``). The word is compared as written, not through
its inflections. Short
shortenings collide with everyday chat (``dng`` is *dengan*, not *dungu*): the ones worth
catching below four letters (``anj``, ``cuk``) are list entries of their own. The ``n`` of
``ng`` may go too, as chat writes it (``bgst`` is ``bangsat``, ``anjg`` is ``anjing``). Such a list
also reads a last consonant either way (``bangsad``, ``ngentod``: :func:`sounds_alike`).
"""

from __future__ import annotations

from functools import lru_cache

from .wordforms import known_root, sastrawi_stem

VOWELS = frozenset("aeiou")
DEVOICED = {"d": "t", "g": "k", "b": "p"}
MIN_LETTERS = 4


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants of ``word`` in order: ``goblok`` -> ``gblk``."""
    return "".join(c for c in word if c not in VOWELS)


@lru_cache(maxsize=65536)
def may_be_shortened(word: str) -> bool:
    """``word`` may be a list word written without some vowels: long enough, letters only,
    not a root word of its own nor an inflection of one (``pemerintah``)."""
    return (len(word) >= MIN_LETTERS and word.isalpha() and not known_root(word)
            and sastrawi_stem(word) == word)


def _skeletons(full: str) -> tuple[str, str]:
    """The consonants of ``full``, with ``ng`` said as ``g`` too (``bgst``, ``anjg``)."""
    return skeleton(full), skeleton(full).replace("ng", "g")


def devoiced(word: str) -> str:
    """``word`` with its last consonant said voiceless, as chat spells it either way:
    ``bangsad`` and ``bangsat``, ``goblog`` and ``goblok``, ``ngentod`` and ``ngentot``."""
    return word[:-1] + DEVOICED[word[-1]] if word[-1:] in DEVOICED else word


def sounds_alike(written: str, full: str) -> bool:
    """True when ``written`` differs from ``full`` only by a voiced last consonant."""
    return (written != full and len(written) >= MIN_LETTERS
            and devoiced(written) == devoiced(full))


def shortens(written: str, full: str) -> bool:
    """True when ``written`` is ``full`` with one or more vowels (and nothing else but the
    ``n`` of ``ng``) left out."""
    if written == full or len(written) >= len(full) or written[:1] != full[:1]:
        return False
    if skeleton(written) not in _skeletons(full) or not may_be_shortened(written):
        return False
    rest = iter(full)
    return all(letter in rest for letter in written)  # a subsequence of ``full``
