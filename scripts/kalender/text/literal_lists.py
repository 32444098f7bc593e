"""Reading ``calendar/konteks-harfiah.yml`` and ``calendar/konteks-makna.yml``: the words of
:mod:`kalender.text.literal` and :mod:`kalender.text.senses`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .literal import Literal
from .phrases import Pattern, normalise_word
from .referents import Referents
from .senses import Senses
from .textword import Words

LITERAL_FILE = "konteks-harfiah.yml"
LITERAL_KEYS = ("animals", "behaviour", "aimed", "addressed", "officials", "mentioning",
                "speakers", "rumour")
REFERENT_KEYS = ("numbered", "owning", "honorifics", "adverbs")
LITERAL_SCHEMA = Field("mapping", keys={key: Field("list", items=Field("text"))
                                        for key in (*LITERAL_KEYS, *REFERENT_KEYS)})
SENSES_FILE = "konteks-makna.yml"
SENSE_WORDS = ("envelopes", "removing", "groups")  # single words
SENSE_PHRASES = ("envelope_kinds", "trade", "play_objects")  # words or phrases
SENSES_SCHEMA = Field("mapping", keys={key: Field("list", items=Field("text"))
                                       for key in (*SENSE_WORDS, *SENSE_PHRASES)})


def load_literal(folder: Path, report: Report) -> Literal:
    """The words of ``calendar/konteks-harfiah.yml`` (none when the file is absent; its
    problems go to ``report``)."""
    path = folder / LITERAL_FILE
    located = read_data_file(path, LITERAL_SCHEMA, report) if path.exists() else None
    literal = Literal() if located is None else _literal(located.value)
    return replace(literal, senses=load_senses(folder, report))


def load_senses(folder: Path, report: Report) -> Senses:
    """The words of ``calendar/konteks-makna.yml`` (none when the file is absent)."""
    path = folder / SENSES_FILE
    located = read_data_file(path, SENSES_SCHEMA, report) if path.exists() else None
    if located is None:
        return Senses()
    data = located.value
    fields: dict[str, Any] = {key: _listed(data, key) for key in SENSE_WORDS}
    fields.update({key: _phrases(data, key) for key in SENSE_PHRASES})
    return Senses(**fields)


def _literal(data: dict[str, Any]) -> Literal:
    fields: dict[str, Any] = {key: _listed(data, key) for key in LITERAL_KEYS}
    return Literal(**fields,
                   referents=Referents(**{key: _listed(data, key) for key in REFERENT_KEYS}))


def _listed(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(normalise_word(str(w)) for w in data.get(key) or ())


def _phrases(data: dict[str, Any], key: str) -> tuple[Words, ...]:
    parsed = (Pattern.parse(str(w)).parts for w in data.get(key) or ())
    return tuple(tuple(norm for norm, _ in parts) for parts in parsed if parts)
