"""Reading ``calendar/konteks-harfiah.yml``: the words of :mod:`kalender.text.literal`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .literal import Literal
from .phrases import normalise_word
from .referents import Referents

LITERAL_FILE = "konteks-harfiah.yml"
LITERAL_KEYS = ("animals", "behaviour", "aimed", "addressed", "officials", "mentioning",
                "speakers", "rumour")
REFERENT_KEYS = ("numbered", "owning", "honorifics", "adverbs")
LITERAL_SCHEMA = Field("mapping", keys={key: Field("list", items=Field("text"))
                                        for key in (*LITERAL_KEYS, *REFERENT_KEYS)})


def load_literal(folder: Path, report: Report) -> Literal:
    """The words of ``calendar/konteks-harfiah.yml`` (none when the file is absent; its
    problems go to ``report``)."""
    path = folder / LITERAL_FILE
    if not path.exists():
        return Literal()
    located = read_data_file(path, LITERAL_SCHEMA, report)
    return Literal() if located is None else _literal(located.value)


def _literal(data: dict[str, Any]) -> Literal:
    def listed(key: str) -> frozenset[str]:
        return frozenset(normalise_word(str(w)) for w in data.get(key) or ())
    return Literal(**{key: listed(key) for key in LITERAL_KEYS},
                   referents=Referents(**{key: listed(key) for key in REFERENT_KEYS}))
