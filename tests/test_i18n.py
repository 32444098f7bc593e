"""The message catalog: every message formats, in both languages, with the same fields."""

from __future__ import annotations

import string

import pytest

from kalender.core.i18n import LANGUAGES, catalog


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(catalog()))
def test_message_formats_in_every_language_with_the_same_fields(key: str) -> None:
    texts = catalog()[key]
    names = [fields(texts[lang]) for lang in LANGUAGES]
    assert all(n == names[0] for n in names), (key, names)
    for lang in LANGUAGES:
        assert texts[lang].format(**dict.fromkeys(names[0], "x")).strip(), (key, lang)
