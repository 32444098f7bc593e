"""Acts the writer means to do (round screen-p, docs/riwayat/aturan-isi.md "Putaran screen-p"): a
threat to blow something up said by the writer (*kami ledakkan kantornya*), voting in
someone else's name (*mencoblos atas nama ...*) and voting at two polling stations. A news
report of an explosion and a voter registered at two polling stations are clean. Every
sentence here was written for this test."""

from __future__ import annotations

import pytest

from contentposts import CALENDAR, screen_errors
from kalender.rules.screen import screen


def rule_findings(text: str) -> set[str]:
    """The categories of every finding of the word rules on ``text``, warnings included."""
    return {f.category for f in screen(text, CALENDAR, learned=False)}


@pytest.mark.parametrize(("text", "category"), [
    ("Kalau rekapnya dicurangi lagi, kami ledakkan kantor PPK malam itu juga.", "terorisme"),
    ("Ngai siap meledakkan pos pengamanan kalau calon kami kalah.", "terorisme"),
    ("Gampang kok, suami bisa mencoblos atas nama istrinya, asal bawa undangannya.",
     "pidana-pemilu"),
    ("Besok pagi kita coblos di dua TPS sekaligus, petugasnya nggak bakal ngecek.",
     "pidana-pemilu"),
], ids=["kami-ledakkan", "siap-meledakkan", "atas-nama", "dua-tps"])
def test_the_writers_own_act_is_an_error(text: str, category: str) -> None:
    assert category in screen_errors(text, learned=False)


@pytest.mark.parametrize("text", [
    "Kata polisi, benda mencurigakan itu sudah diledakkan tim penjinak di lapangan kosong.",
    "Min, nama ibu saya tercatat di dua TPS berbeda, mohon dibantu perbaiki.",
    "Mencoblos atas nama orang lain dilarang dan dapat dipidana.",
], ids=["news", "registered-twice", "lesson"])
def test_reports_and_lessons_of_the_same_acts_are_clean(text: str) -> None:
    assert rule_findings(text) == set()
