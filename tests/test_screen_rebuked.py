"""A word quoted as what someone called others, then rebuked (round screen-p,
docs/riwayat/aturan-isi.md "Putaran screen-p"): *menyebut orang 'X' itu tidak pantas*, *ada yang
bilang ... 'X'. Itu keliru.* The caption judges the naming. The same word named and not
rebuked, or used without quotation marks, stays an error. Every sentence here was written for
this test."""

from __future__ import annotations

import pytest

from contentposts import screen_categories, screen_errors


@pytest.mark.parametrize("text", [
    "Ngatain tetangga yang beda pilihan 'kafir' itu tidak pantas, Kak.",
    "Di grup sebelah ada akun yang bilang penyerang gereja itu 'syuhada'. Itu keliru, "
    "membunuh tetap kejahatan.",
], ids=["called-then-not-proper", "said-then-wrong"])
def test_a_quoted_naming_that_is_rebuked_is_clean(text: str) -> None:
    assert screen_categories(text) == set()


@pytest.mark.parametrize(("text", "category"), [
    ("Saya sebut saja mereka 'kafir', memang begitu kenyataannya.", "sara"),
    ("Yang bilang kami salah itu kafir semua, tidak pantas dipilih.", "sara"),
], ids=["named-not-rebuked", "unquoted"])
def test_a_naming_not_rebuked_stays_an_error(text: str, category: str) -> None:
    assert category in screen_errors(text)
