"""A site build's words: the language is read once when the page wording starts, not at
each of the build's thousands of messages (issue 23, branch edit9)."""

from __future__ import annotations

import os

import pytest

from kalender.core import i18n
from kalender.core.i18n import page_words, t


class _CountingEnviron(dict[str, str]):
    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.asked = 0

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.asked += key == "KALENDER_LANG"
        return super().get(key, default)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_language_of_the_block_is_said_without_asking_again(
        monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    environ = _CountingEnviron(os.environ)
    environ["KALENDER_LANG"] = lang
    monkeypatch.setattr(i18n.os, "environ", environ)
    expected = i18n.catalog()["site.field_when"][lang]
    with page_words():
        environ.asked = 0
        said = [t("site.field_when") for _ in range(100)]
        assert environ.asked == 0
    assert said == [i18n.catalog().get("site.field_when.page", {}).get(lang, expected)] * 100
    environ["KALENDER_LANG"] = "id" if lang == "en" else "en"
    assert t("site.field_when") == i18n.catalog()["site.field_when"][environ["KALENDER_LANG"]]


def test_a_language_named_by_the_caller_still_wins() -> None:
    with page_words():
        assert t("site.field_when", "en") == t("site.field_when", lang="en")
        assert t("site.field_when", "en") != t("site.field_when", "id") or \
            i18n.catalog()["site.field_when"]["en"] == i18n.catalog()["site.field_when"]["id"]
