"""Regional words of warning and reporting (round screen-r, docs/riwayat/aturan-isi.md "Putaran
screen-r"): Sundanese *ulah* and Javanese *ojo* warn like *jangan*, and
*laporkeun*, *laporno* tell to report like *laporkan*; a caption that warns against
a chain message or a bribe in Sundanese or Javanese is a lesson, not the breach it names. The
same words said as a call stay errors. Every sentence here was written for this test."""

from __future__ import annotations

import pytest

from contentposts import screen_categories, screen_errors


@pytest.mark.parametrize("text", [
    "Ulah gampang percaya kana pesen berantai di grup WA, cek heula ka laman KPU.",
    "Mun aya nu mere amplop bari ngajak milih calon, laporkeun ka Panwascam, ulah ditarima.",
    "Ojo percaya kabar soko grup WA sing ora jelas sumbere, takon PPS wae.",
    "Yen ono sing nawani duit kanggo nyoblos, ojo dijupuk, laporno nang Bawaslu.",
], ids=["ulah-percaya", "laporkeun-amplop", "ojo-percaya", "ojo-dijupuk"])
def test_a_regional_warning_is_a_lesson(text: str) -> None:
    assert screen_categories(text) == set()
    assert screen_categories(text, learned=False) == set()


@pytest.mark.parametrize(("text", "category"), [
    ("Sebarkan terus ke grup WA, KPU sudah atur hasilnya, jangan kasih kendor!", "hoaks"),
    ("Ambil wae duite, sing penting coblos nomer loro.", "pidana-pemilu"),
], ids=["sebarkan", "ambil-duite"])
def test_the_same_words_as_a_call_stay_errors(text: str, category: str) -> None:
    assert category in screen_errors(text)


@pytest.mark.parametrize("text", [
    "Bego bener gue. Salah masuk TPS, harusnya di TPS 04.",
    "Goblok juga aku, undangan memilih ketinggalan di meja kantor.",
], ids=["bego-bener-gue", "goblok-juga-aku"])
def test_the_writer_after_the_word_closing_the_clause_is_self_deprecation(text: str) -> None:
    assert screen_categories(text, learned=False) == set()


@pytest.mark.parametrize("text", [
    "Bodoh kalian semua, gitu aja nggak ngerti.",
    "Bodoh saya bilang petugas PPS itu, kerjanya lambat.",
], ids=["bodoh-kalian", "bodoh-saya-bilang"])
def test_the_word_aimed_at_others_stays_an_insult(text: str) -> None:
    assert "hinaan" in screen_errors(text, learned=False)
