"""The message catalog kept compiled beside its YAML files (core.catalogcache): the same
messages as the YAML, and a changed YAML file read again."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from kalender.core import i18n
from kalender.core.catalogcache import CACHE_NAME, compiled_catalog

MESSAGES = Path(i18n.__file__).parent / "messages"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    target = tmp_path / "messages"
    target.mkdir()
    for name in ("cli.yml", "dates.yml"):
        shutil.copy(MESSAGES / name, target / name)
    return target


def test_the_compiled_catalog_is_the_yaml_catalog(folder: Path) -> None:
    first = compiled_catalog(folder, i18n.read_catalog)
    assert (folder / "__pycache__" / CACHE_NAME).is_file()
    calls: list[Path] = []

    def reading(path: Path) -> dict[str, dict[str, str]]:
        calls.append(path)
        return i18n.read_catalog(path)

    assert compiled_catalog(folder, reading) == first == i18n.read_catalog(folder)
    assert calls == []  # from the compiled copy


def test_an_edited_message_is_read_again(folder: Path) -> None:
    compiled_catalog(folder, i18n.read_catalog)
    path = folder / "cli.yml"
    text = path.read_text(encoding="utf-8")
    key = next(iter(i18n.read_catalog(folder)))
    old = i18n.read_catalog(folder)[key]["id"]
    stat = path.stat()
    path.write_text(text.replace(old, old + " diubah", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert compiled_catalog(folder, i18n.read_catalog)[key]["id"] == old + " diubah"


def test_a_damaged_copy_is_read_from_yaml(folder: Path) -> None:
    compiled_catalog(folder, i18n.read_catalog)
    (folder / "__pycache__" / CACHE_NAME).write_bytes(b"rusak")
    assert compiled_catalog(folder, i18n.read_catalog) == i18n.read_catalog(folder)


def test_nothing_is_written_without_bytecode(folder: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert compiled_catalog(folder, i18n.read_catalog) == i18n.read_catalog(folder)
    assert not (folder / "__pycache__").exists()


def test_a_value_marshal_cannot_hold_is_read_from_yaml_every_time(folder: Path) -> None:
    (folder / "catatan.yml").write_text(
        "pesan.bertanggal:\n  id: Halo\n  en: Hello\n  sejak: 2026-12-06\n", encoding="utf-8")
    first = compiled_catalog(folder, i18n.read_catalog)
    assert str(first["pesan.bertanggal"]["sejak"]) == "2026-12-06"
    assert not (folder / "__pycache__" / CACHE_NAME).exists()
    assert compiled_catalog(folder, i18n.read_catalog) == first
