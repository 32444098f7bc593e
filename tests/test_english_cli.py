"""English complete (issue 22): every command's description and every option's help is a
catalog entry, so ``kalender --lang en`` says all of it in English; a catalog key that lacks
a language stops the program, naming the key and the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kalender.cli.clicktext import in_language
from kalender.cli.main import _register_commands, cli
from kalender.core.i18n import LANGUAGES, catalog, read_catalog, set_language


def commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name)


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def help_texts() -> list[tuple[str, str]]:
    _register_commands()
    found = []
    for path in commands(cli):
        command = command_at(path)
        where = " ".join(("kalender", *path))
        if command.help:
            found.append((where, command.help))
        found += [(f"{where} {param.opts[0]}", param.help) for param in command.params
                  if isinstance(param, click.Option) and param.help
                  and param.opts[0] not in ("--help", "--version")]
    return found


def test_every_help_text_is_in_the_catalog_in_english() -> None:
    set_language("en")
    try:
        missing = [(where, text) for where, text in help_texts() if in_language(text) is None]
    finally:
        set_language(None)
    assert missing == []


@pytest.mark.parametrize("path", [(), ("check",), ("build",), ("submit",), ("export",),
                                  ("report",), ("key", "init"), ("rapat",)],
                         ids=lambda p: " ".join(p) or "kalender")
def test_help_in_english_reads_in_english(path: tuple[str, ...]) -> None:
    _register_commands()
    result = CliRunner().invoke(cli, ["--lang", "en", *path, "--help"])
    assert result.exit_code == 0
    for indonesian in ("bawaan", "Sama dengan", "Tulis ", "TTTT", "ANGGOTA", "BERKAS",
                       "Periksa", "Bangun", "misalnya"):
        assert indonesian not in result.output, (indonesian, result.output)
    assert "Options:" in result.output


def test_help_in_indonesian_stays_as_written() -> None:
    _register_commands()
    result = CliRunner().invoke(cli, ["check", "--help"])
    assert "Periksa semua pos (atau PATH) dan data kalender." in result.output


def test_every_catalog_key_has_both_languages() -> None:
    for key, texts in catalog().items():
        assert all(texts.get(lang, "").strip() for lang in LANGUAGES), key


def test_a_key_without_english_stops_the_program_naming_it(tmp_path: Path) -> None:
    (tmp_path / "contoh.yml").write_text('ada.dua:\n  id: "Ada"\n  en: "There"\n'
                                         'hanya.indonesia:\n  id: "Hanya"\n', encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"'hanya\.indonesia' in contoh\.yml lacks \['en'\]"):
        read_catalog(tmp_path)


def test_an_empty_english_text_counts_as_missing(tmp_path: Path) -> None:
    (tmp_path / "contoh.yml").write_text('kosong:\n  id: "Isi"\n  en: " "\n', encoding="utf-8")
    with pytest.raises(RuntimeError, match="lacks"):
        read_catalog(tmp_path)
