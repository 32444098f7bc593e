"""The search index written entry by entry (issue 23, peak memory of ``kalender build``).

mkdocs-material's search plugin makes ``search/search_index.json`` with one ``json.dumps`` of
the whole index, encodes it, and the ``offline`` plugin then reads it back whole to write
``search/search_index.js``: at 10,000 posts that is several copies of a large string at the
very end of the build, on top of everything else (+12 to +16 MiB of peak). Here both files
are written while the index is encoded one entry at a time, with the same separators, so the
bytes are the same; the two plugins' own ``on_post_build`` are then switched off for this
build. ``kalender serve`` too (issue 23, branch ``memory8``: the whole index as one string
was the last +9 MiB of a rebuild at 10,000 posts): its index is whole at every build
(:meth:`kalender.plugin.incremental.Incremental.finish` completes it from the last build's
entries, with no older index to merge), and mkdocs gives the plugins a new configuration,
switched on, at every rebuild. There a page's entries may come packed, already encoded
(:class:`kalender.site.packedsearch.PackedEntries`): their text is written as it is.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from mkdocs.config.defaults import MkDocsConfig

from ..site.packedsearch import ENCODER, Entry, PackedEntries, unpacked

ENTRIES_AT_ONCE = 256  # search entries encoded in one call (a string of some 40 kB)
PIECE_CHARS = 32_768  # packed pages' entries written at once (each some 0.5 kB)
_OFFLINE_PREFIX = "var __index = "
_CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")


def write_search_index(config: MkDocsConfig) -> bool:
    """Write the search index (and its offline script) a piece at a time; True if written.
    False (nothing done) when the search plugin is absent, off, or has an index to merge."""
    search = _plugin_named(config, "search")
    index = getattr(search, "search_index", None)
    if index is None or not hasattr(index, "entries") or not hasattr(index, "config"):
        return False
    if not _material(search) or not _enabled(search) or getattr(search, "search_index_prev", None):
        index.entries = list(unpacked(index.entries))  # mkdocs-material writes them
        return False
    offline = _plugin_named(config, "offline")
    inline = _material(offline) and _enabled(offline)
    folder = os.path.join(config.site_dir, "search")
    os.makedirs(folder, exist_ok=True)
    script_path = os.path.join(folder, "search_index.js")
    with open(os.path.join(folder, "search_index.json"), "w", encoding="utf-8",
              newline="") as index_file:
        if inline:
            with open(script_path, "w", encoding="utf-8", newline="") as script:
                script.write(_OFFLINE_PREFIX)
                _write_index(index, (index_file, script))
        else:
            _write_index(index, (index_file,))
    search.config.enabled = False  # written: mkdocs-material's own writer is not needed
    index.entries = []  # nor the entries: serve keeps the plugin (and its index) until the
    # next build makes a new index; the pages' entries are kept packed (site.packedsearch)
    if inline and offline is not None:
        offline.config.enabled = False
    return True


def _write_index(index: Any, outs: tuple[TextIO, ...]) -> None:
    """The same text as ``json.dumps({"config": ..., "docs": entries}, separators=(",", ":"),
    default=str)`` in mkdocs-material's ``SearchIndex.generate_search_index``. The entries
    are encoded ``ENTRIES_AT_ONCE`` at a time, as a list whose brackets are left out: one
    call of the encoder per entry was about 65 ms of every ``kalender serve`` rebuild at
    20,000 entries (N = 10,000), a few hundred at once about 20 ms, with no large string.
    A packed page's entries are one piece, written as they were encoded."""
    settings = {key: index.config[key] for key in _CONFIG_KEYS}
    _write(outs, '{"config":' + ENCODER.encode(settings) + ',"docs":[')
    for number, text in enumerate(_groups(_pieces(index.entries))):
        _write(outs, ("," if number else "") + text)
    _write(outs, "]}")


def _groups(pieces: Iterable[str]) -> Iterator[str]:
    """Pieces joined up to about ``PIECE_CHARS`` at a time: few writes, no large string."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        group.append(piece)
        size += len(piece)
        if size >= PIECE_CHARS:
            yield ",".join(group)
            group, size = [], 0
    if group:
        yield ",".join(group)


def _pieces(items: Iterable[Entry | PackedEntries]) -> Iterator[str]:
    """The entries' JSON without brackets, a piece at a time: up to ``ENTRIES_AT_ONCE``
    ``dict`` entries encoded in one call, a packed page's text as it is."""
    run: list[Entry] = []
    for item in items:
        if isinstance(item, PackedEntries):
            if run:
                yield ENCODER.encode(run)[1:-1]
                run = []
            yield item.text()
            continue
        run.append(item)
        if len(run) == ENTRIES_AT_ONCE:
            yield ENCODER.encode(run)[1:-1]
            run = []
    if run:
        yield ENCODER.encode(run)[1:-1]


def _write(outs: tuple[TextIO, ...], text: str) -> None:
    for out in outs:
        out.write(text)


def _plugin_named(config: MkDocsConfig, name: str) -> Any:
    """The plugin registered under ``name`` (``search`` may be ``material/search``)."""
    for key, plugin in config.plugins.items():
        if key == name or key.endswith("/" + name):
            return plugin
    return None


def _material(plugin: Any) -> bool:
    """mkdocs-material's plugin (MkDocs' own search plugin writes another index)."""
    return plugin is not None and type(plugin).__module__.startswith("material.plugins.")


def _enabled(plugin: Any) -> bool:
    return bool(getattr(getattr(plugin, "config", None), "enabled", True))
