"""Words of X and TikTok replies (round screen-q, docs/riwayat/aturan-isi.md "Putaran screen-q"):
the written short negation *gk* negates like *gak* (*suara kami gk dijual*), and a writer who was
"slaughtered" (*gw dibantai*: lost badly, was grilled at an exam) tells what befell them, not a call
to violence. The same words said as an offer or a call stay errors. Every sentence here was written
for this test."""

from __future__ import annotations

import pytest

from contentposts import screen_categories, screen_errors


@pytest.mark.parametrize("text", [
    "Ditawari amplop sama timses? Tenang, suara kami gk dijual, pilih sesuai hati.",
    "Semalam kami dibantai tim kecamatan di final bulu tangkis, skor 21-4.",
    "gue dibantai penguji pas ujian proposal, pulang langsung tidur",
], ids=["gk-dijual", "kami-dibantai", "gue-dibantai"])
def test_a_written_negation_and_the_writer_who_lost_are_clean(text: str) -> None:
    assert screen_categories(text, learned=False) == set()


@pytest.mark.parametrize(("text", "category"), [
    ("Suara kami dijual aja ke caleg, gk papa, lumayan 200 ribu.", "pidana-pemilu"),
    ("Kalau TPS kita dicurangi, kita bantai aja petugasnya rame-rame.", "kekerasan"),
    ("Gw siap bantai pendukung calon sebelah malam ini.", "kekerasan"),
], ids=["dijual", "kita-bantai", "gw-siap-bantai"])
def test_the_same_words_as_an_offer_or_a_call_stay_errors(text: str, category: str) -> None:
    assert category in screen_errors(text, learned=False)
