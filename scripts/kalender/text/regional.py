"""Regional and other added words of the forbidden-content lists, kept apart from the category
files: ``calendar/terlarang/daerah/*.yml`` (one file per regional language: Madurese,
Sundanese, Javanese, Batak, Minang, Banjar, Bugis-Makassar, Manado-Papua-Ambon, Malay of
Pontianak and Sambas) and ``calendar/terlarang/santun/*.yml`` (threats worded politely).

Each entry names its **category** (the stem of a category file: ``kekerasan``, ``hinaan``
...), its meaning in Indonesian (``arti``), optionally its SOP clause and law (``sop``,
``dasar``; else the file's ``dasar`` for that category and the category's clause) and the
**harmless senses** (``aman``: phrases, written as the entry's ``except``, in which the word
is ordinary: *duruk sampah*, *kase mati lampu*). ``with`` names a cue list of the category
file; the file's ``cues`` add words to such a list (*milih* to ``suara``) for its entries
only. An entry then reads exactly as an entry of its category file (inflections, cues,
exceptions, lessons), with its category's label and advice, and its own file and line.
A file's ``tolakan`` are curt refusals in its language (*jan diterimo* = jangan diterima),
read as the lesson's ``refusals`` (:mod:`kalender.text.education`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field

REGIONAL_FOLDERS = ("daerah", "santun")  # inside calendar/terlarang/
WORDS = Field("list", items=Field("text"))

REGIONAL_SCHEMA = Field("mapping", keys={
    "bahasa": Field("text", required=True),
    "dasar": Field("mapping", values=Field("text")),
    "tolakan": WORDS,  # refusals, as ``refusals`` of calendar/konteks-edukasi.yml
    "cues": Field("mapping", values=Field("mapping", values=Field("list", min_items=1,
                                                                    items=Field("text")))),
    "entries": Field("list", required=True, items=Field("mapping", keys={
        "text": Field("text", required=True),
        "kategori": Field("text", required=True),
        "arti": Field("text", required=True),
        "sop": Field("text"),
        "dasar": Field("text"),
        "severity": Field("text", choices=("error", "warning")),
        "with": Field("text"),
        "window": Field("integer"),
        "aman": WORDS,
    })),
})


@dataclass(frozen=True)
class Category:
    """What a regional entry borrows from its category file: the file's values (label, SOP
    clause, severity, advice ...) and its cue lists, by name, as written."""

    data: Mapping[str, Any]
    cues: Mapping[str, list[Any]]


@dataclass(frozen=True)
class Entry:
    """One regional entry, ready to be read as a category file's entry: the category's
    values (``data``), the entry in the category file's form (``raw``), the cue lists with the
    file's words added (``cues``) and where it is written."""

    category: str
    data: Mapping[str, Any]
    raw: dict[str, Any]
    cues: Mapping[str, list[Any]]
    path: Path
    line: int


def regional_files(folder: Path) -> list[Path]:
    """The regional lists of the ``calendar/`` folder ``folder``, in folder and name order."""
    return [path for name in REGIONAL_FOLDERS
            for path in sorted((folder / "terlarang" / name).glob("*.yml"))]


def regional_refusals(folder: Path) -> list[str]:
    """The curt refusals of the regional lists (``tolakan``: *jan diterimo*), read with
    the lesson's ``refusals``; the files' problems are reported where their entries are read
    (:func:`regional_entries`)."""
    found: list[str] = []
    for path in regional_files(folder):
        located = read_data_file(path, REGIONAL_SCHEMA, Report())
        found += [str(w) for w in (located.value.get("tolakan") or ())] if located else []
    return found


def regional_entries(folder: Path, categories: Mapping[str, Category],
                     report: Report) -> list[Entry]:
    """Every entry of the regional lists of ``folder``; an entry whose category or default
    law is unknown is reported with its file and line and left out."""
    entries: list[Entry] = []
    for path in regional_files(folder):
        entries += _file_entries(path, categories, report)
    return entries


def _file_entries(path: Path, categories: Mapping[str, Category],
                  report: Report) -> list[Entry]:
    located = read_data_file(path, REGIONAL_SCHEMA, report)
    if located is None:
        return []
    data, found = located.value, []
    for index, raw in enumerate(data["entries"]):
        line = located.line("entries", index, "text")
        entry = _entry(path, line, data, raw, categories, report)
        if entry is not None:
            found.append(entry)
    return found


def _entry(path: Path, line: int, data: Mapping[str, Any], raw: Mapping[str, Any],
           categories: Mapping[str, Category], report: Report) -> Entry | None:
    name = str(raw["kategori"])
    category = categories.get(name)
    if category is None:
        report.error(path, line, "content.regional_unknown_category", found=name,
                     known=", ".join(sorted(categories)))
        return None
    dasar = raw.get("dasar") or (data.get("dasar") or {}).get(name)
    if not dasar:
        report.error(path, line, "content.regional_no_law", found=name)
        return None
    listed = {key: raw[key] for key in ("sop", "severity", "with", "window") if key in raw}
    entry = {"text": raw["text"], "dasar": dasar, "except": list(raw.get("aman") or ()),
             **listed}
    return Entry(name, category.data, entry, _cues(category, (data.get("cues") or {}).get(name)),
                 path, line)


def _cues(category: Category, added: Mapping[str, list[Any]] | None) -> dict[str, list[Any]]:
    """The category's cue lists with the regional file's words added to the lists of the
    same name (a new name is a new list)."""
    cues = {name: list(words) for name, words in category.cues.items()}
    for name, words in (added or {}).items():
        cues[name] = [*cues.get(name, []), *words]
    return cues
