"""``kalender serve``: each page's search-index entries kept between builds as the bytes the
index is written with, compressed, instead of one ``dict`` per entry (issue 23, peak memory
of the serve process at N = 10,000, branch ``memory13``).

The serve process keeps the last build's search entries of every page (the manifest's
``search``: a page that is not rendered again has the same entries, taken from there). As
``dict`` objects of three strings each they were some 1.3 MiB per 1,000 posts, about 13 MiB
at N = 10,000; as the page's entries encoded in JSON exactly as the index writer writes them
(:mod:`kalender.plugin.searchwrite`: the same encoder, without the list's brackets) and
compressed with zlib, about 0.26 MiB per 1,000 posts. Writing the index then decompresses
those bytes instead of encoding every entry again at every rebuild.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

SEPARATORS = (",", ":")  # mkdocs-material's search index: json.dumps(..., separators=...)
ENCODER = json.JSONEncoder(separators=SEPARATORS, default=str)
LEVEL = 1  # zlib: the fastest level; level 6 is 6 % smaller and 40 % slower

Entry = dict[str, Any]


class PackedEntries:
    """One page's search entries, as the index writes them (comma-separated JSON objects),
    compressed. :meth:`text` gives them back for the writer, :meth:`entries` as ``dict``."""

    __slots__ = ("data",)

    def __init__(self, entries: list[Entry]) -> None:
        self.data = zlib.compress(ENCODER.encode(entries)[1:-1].encode("ascii"), LEVEL)

    def text(self) -> str:
        """The entries' JSON without the list's brackets (ASCII: the encoder escapes)."""
        return zlib.decompress(self.data).decode("ascii")

    def entries(self) -> list[Entry]:
        """The entries as ``dict`` (a value the encoder wrote with ``str`` stays a string)."""
        return list(json.loads("[" + self.text() + "]"))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PackedEntries) and other.data == self.data

    def __hash__(self) -> int:
        return hash(self.data)


PageEntries = list[Entry] | PackedEntries


def packed(search: dict[str, PageEntries]) -> dict[str, PageEntries]:
    """Every page's entries packed (those already packed, or none, as they are)."""
    return {page: PackedEntries(entries) if entries and isinstance(entries, list) else entries
            for page, entries in search.items()}


def flattened(pages: Iterable[PageEntries]) -> list[Entry | PackedEntries]:
    """The index's entries in page order: a page's ``dict`` entries one by one, a packed
    page as one item (the writer writes its text where its entries go)."""
    return [entry for entries in pages
            for entry in ((entries,) if isinstance(entries, PackedEntries) else entries)]


def unpacked(items: Iterable[Entry | PackedEntries]) -> Iterator[Entry]:
    """The entries as ``dict``, packed pages opened (for a writer other than ours)."""
    for item in items:
        if isinstance(item, PackedEntries):
            yield from item.entries()
        else:
            yield item
