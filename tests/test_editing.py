"""Round-trip editing of post files (kalender.core.editing): every sample post of the repository.

No edit gives back the same bytes; an edit of one key changes only that key's lines, and
the file reads back with that one value changed and every other value, key order, comment
and body line as it was.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from kalender.core.editing import PostText, body_section, edit_front_matter, set_body_section

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "posts").rglob("*.md"))


def changed_lines(before: str, after: str) -> tuple[set[int], list[str]]:
    """The numbers (from 1) of the old lines that changed or went, and the lines added."""
    old, new = before.splitlines(), after.splitlines()
    gone: set[int] = set()
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            gone.update(range(i1 + 1, i2 + 1))
            added += new[j1:j2]
    return gone, added


def key_lines(text: str, key: str) -> set[int]:
    """The file lines of a top-level key: its line up to the next key or the fence."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:") and i > 0)
    stop = next(i for i in range(start + 1, len(lines))
                if lines[i] == "---" or (lines[i][:1].isalpha() and ":" in lines[i]))
    return set(range(start + 1, stop + 1))


def another(value: Any) -> Any:
    """A different value of the same shape."""
    if isinstance(value, str):
        return value.rstrip("\n") + "\nBaris tambahan.\n" if "\n" in value else value + " (ubah)"
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return list(reversed(value)) if len(value) > 1 else [{**value[0], "alt": "Alt baru"}]
    if isinstance(value, list):
        return [*value, "Tambahan"]
    if isinstance(value, dict):
        first = next(iter(value))
        inner = value[first]
        return {**value, first: {**inner, "catatan": "baru"} if isinstance(inner, dict)
                else "ubah"}
    return value


def test_there_are_sample_posts() -> None:
    assert len(SAMPLES) >= 20


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_no_edit_gives_the_same_bytes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    values = PostText.parse(text).values()
    assert edit_front_matter(text, values) == text
    assert edit_front_matter(text, {}) == text


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_one_key_edited_changes_only_its_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    values = PostText.parse(text).values()
    edited = 0
    for key, value in values.items():
        new_value = another(value)
        if new_value == value:
            continue
        after = edit_front_matter(text, {key: new_value})
        read_back = PostText.parse(after).values()
        assert read_back[key] == new_value, (path.name, key)
        assert {k: v for k, v in read_back.items() if k != key} == {
            k: v for k, v in values.items() if k != key}
        assert list(read_back) == list(values)
        gone, _added = changed_lines(text, after)
        assert gone <= key_lines(text, key), (path.name, key, sorted(gone))
        assert PostText.parse(after).body == PostText.parse(text).body
        edited += 1
    assert edited >= 4


def test_a_reordered_media_list_moves_each_items_own_lines() -> None:
    text = ("---\ntitle: Uji\nmedia:\n  # sampul dulu\n  - file: a/1.jpg\n    alt: Satu\n"
            "    focus: [0.5, 0.4]\n  - file: a/2.jpg\n    alt: \"Dua: kartu\"\n---\nIsi.\n")
    media = PostText.parse(text).values()["media"]
    after = edit_front_matter(text, {"media": [media[1], media[0]]})
    assert after == ("---\ntitle: Uji\nmedia:\n  - file: a/2.jpg\n    alt: \"Dua: kartu\"\n"
                     "  # sampul dulu\n  - file: a/1.jpg\n    alt: Satu\n    focus: [0.5, 0.4]\n"
                     "---\nIsi.\n")


def test_one_alt_text_rewrites_one_line_and_keeps_comments() -> None:
    text = ("---\ntitle: Uji  # judul sementara\nmedia:\n  - file: a/1.jpg\n    alt: Satu\n"
            "    focus: [0.5, 0.4]\n# sumber nanti\nsource: UU 7/2017\n---\n")
    media = PostText.parse(text).values()["media"]
    after = edit_front_matter(text, {"media": [{**media[0], "alt": "Kartu: oranye"}]})
    assert after == text.replace("    alt: Satu\n", '    alt: "Kartu: oranye"\n')


def test_new_keys_go_where_the_handbook_puts_them() -> None:
    text = "---\ntitle: Uji\ndate: 2026-12-10\ncategory: rutin\nhashtags: [A]\n---\n"
    after = edit_front_matter(text, {"caption": "Dua\nbaris\n", "source": "UU 7/2017 Pasal 1"})
    assert after == ("---\ntitle: Uji\ndate: 2026-12-10\ncategory: rutin\ncaption: |\n  Dua\n"
                     "  baris\nhashtags: [A]\nsource: UU 7/2017 Pasal 1\n---\n")


def test_values_are_written_as_a_person_writes_them() -> None:
    after = edit_front_matter("---\ntitle: a\n---\n", {
        "title": "Kuis: Asas Pemilu", "date": "2026-12-10 09:00", "hashtags": ["JDIHKPU", "KPU"],
        "platforms": {"instagram": "feed", "x": "post"}, "caption": "Satu baris"})
    assert after == ('---\ntitle: "Kuis: Asas Pemilu"\ndate: 2026-12-10 09:00\n'
                     "platforms:\n  instagram: feed\n  x: post\ncaption: Satu baris\n"
                     "hashtags: [JDIHKPU, KPU]\n---\n")


def test_removing_a_key_removes_its_lines_only() -> None:
    text = "---\ntitle: Uji\n# keterangan nanti\ncaption: |\n  Dua\n  baris\nsource: X\n---\nIsi\n"
    assert edit_front_matter(text, {}, remove=["caption"]) == (
        "---\ntitle: Uji\n# keterangan nanti\nsource: X\n---\nIsi\n")


def test_windows_line_ends_stay() -> None:
    text = "---\r\ntitle: Uji\r\nsource: X\r\n---\r\nIsi\r\n"
    assert edit_front_matter(text, {"source": "Y"}) == (
        "---\r\ntitle: Uji\r\nsource: Y\r\n---\r\nIsi\r\n")


def test_design_notes_section_is_replaced_in_place() -> None:
    text = "---\ntitle: a\n---\n## Ringkasan\nRingkas.\n\n## Catatan desain\nLama.\n\n## Lain\nX\n"
    after = set_body_section(text, "Catatan desain", "Baru, 9:16.")
    assert after == ("---\ntitle: a\n---\n## Ringkasan\nRingkas.\n\n## Catatan desain\n"
                     "Baru, 9:16.\n\n## Lain\nX\n")
    assert body_section(after, "Catatan desain") == "Baru, 9:16."
    assert set_body_section(after, "Catatan desain", "Baru, 9:16.") == after
