"""The shortcuts of a rebuild under ``kalender serve`` (docs/riwayat/kinerja-serve.md, ``serve3``):
a day of a month or week digested by its entries' identity (equal to digesting its values),
the search plugin's words looked up once per template, the site files found without
normalising a normal path. (Each folder of posts listed once for conversation files:
tests/test_conversations_flow.py reads them through the site and the report.)"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from mkdocs.structure.files import File, Files

from kalender.plugin.filelookup import quick_lookups
from kalender.plugin.serving import keep_search_words
from kalender.site.incremental import digest, posts_in
from kalender.site.views import Day
from test_serve_memory import entry


def day(*entries: Any, date: dt.date = dt.date(2026, 12, 3)) -> Day:
    return Day(date, "Kamis, 3 Desember 2026", "Kamis", True, False, tuple(entries))


def test_a_day_digest_is_that_of_its_values_whichever_objects_hold_them() -> None:
    one, same = day(entry("awal")), day(entry("awal"))  # equal values, other objects
    assert one.entries[0] is not same.entries[0]
    assert digest(one) == digest(same) == digest(one)
    assert digest(day(entry("awal", title="Lain"))) != digest(one)  # the title is shown
    assert digest(day(entry("awal"), date=dt.date(2026, 12, 4))) != digest(one)
    assert digest(day()) != digest(one)
    assert digest(day(entry("diubah"))) == digest(one)  # a day's line has no caption
    # the digest of a day is the digest of its fields, as before the identity keys
    moved = replace(one.entries[0], title="Pindah")
    assert digest(day(moved)) == digest(day(replace(entry("x"), title="Pindah")))
    assert posts_in({"days": (one, same)}, {"2026-12-03-a": "d", "lain": "e"}) == \
        ["2026-12-03-a"]


def test_site_files_are_found_by_their_path_normal_or_not(tmp_path: Path) -> None:
    def page_file(path: str) -> File:
        return File(path, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)

    page = page_file("pos/a/index.md")
    files = quick_lookups(Files([page]))
    assert files.get_file_from_path("pos/a/index.md") is page
    assert files.get_file_from_path("pos//a/./index.md") is page  # normalised as mkdocs does
    assert files.get_file_from_path("pos/b/index.md") is None
    later = page_file("pos/b/index.md")
    files.append(later)
    assert files.get_file_from_path("pos/b/index.md") is later  # files added afterwards


def test_the_search_words_are_looked_up_again_only_when_a_language_template_changes(
        tmp_path: Path) -> None:
    asked: list[str] = []

    class Search:
        search_index = None

        def _translate(self, config: Any, value: str) -> str:
            asked.append(value)
            return f"{value}@{config.theme['language']}"

    search = Search()
    words = {"language": "id"}
    config: Any = SimpleNamespace(plugins={"material/search": search},
                                  theme=_Theme(words, [str(tmp_path)]))
    keep_search_words(config)
    keep_search_words(config)  # a second build wraps nothing twice
    assert search._translate(config, "search.config.separator") == "search.config.separator@id"
    assert search._translate(config, "search.config.separator") == "search.config.separator@id"
    assert asked == ["search.config.separator"]

    words["language"] = "en"  # another language: asked again
    assert search._translate(config, "search.config.separator").endswith("@en")
    template = tmp_path / "partials" / "languages" / "en.html"
    template.parent.mkdir(parents=True)
    template.write_text("{# changed #}\n", encoding="utf-8")  # a template appears
    search._translate(config, "search.config.separator")
    os.utime(template, ns=(1, 1))  # and is edited
    search._translate(config, "search.config.separator")
    assert len(asked) == 4


class _Theme:
    def __init__(self, words: dict[str, str], dirs: list[str]) -> None:
        self.words, self.dirs = words, dirs

    def __getitem__(self, key: str) -> str:
        return self.words[key]



def test_a_normal_path_is_what_mkdocs_would_make_of_it() -> None:
    from pathlib import PurePath

    from kalender.plugin.filelookup import already_normal

    for path in ("pos/a/index.md", "a", "/abs/x.md", "a/../b", ".hidden/x", "a/.b",
                 "", ".", "./a", "a//b", "a/./b", "a/", "a/.", "//a", "a/b/"):
        if already_normal(path):
            assert PurePath(path).as_posix() == path, path
    assert not already_normal("a//b") and already_normal("pos/a/index.md")
