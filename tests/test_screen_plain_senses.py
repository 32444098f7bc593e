"""Listed words in their plain sense (round screen-af, docs/riwayat/screen-af.md,
:mod:`kalender.text.senses`): an envelope that holds a paper or a wage or is sold, a group a
message was removed from, a word of play in a sentence with a score or aimed at a ball or a
goal, and a NIK whose region code is counted out (*123456...*). Each is written as a post
and ``kalender check`` reports nothing on it, with the learned layer or without (each had a
finding on ``main`` before this round). The same words used for a voter's envelope, a claim
passed on from a group, violence aimed at people (also at a match) or a real NIK stay errors
of the word rules, reported on the caption's line with the words and the SOP clause. Every
sentence here was written for this test, none is taken from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import assert_error_names, assert_no_finding_either_way

CLEAN = [
    pytest.param("Amplop gaji bulan ini dibagikan bendahara di ruang rapat pukul sepuluh.",
                 id="amplop-gaji"),
    pytest.param("Amplop balasan untuk surat suara pos sudah kami tempeli perangko.",
                 id="amplop-balasan"),
    pytest.param("Jual amplop putih polos, 8 ribu per pak isi 20, bisa antar ke kantor.",
                 id="amplop-dijual"),
    pytest.param("Kemarin sore kami dihajar 6-2 sama anak-anak kompleks sebelah, besok kita "
                 "balas!", id="skor-pertandingan"),
    pytest.param("Tembak terus ke gawang, jangan ragu!", id="tembak-ke-gawang"),
    pytest.param("Tautan yang salah tadi sudah saya hapus dari grup, mohon maaf.",
                 id="hapus-dari-grup"),
    pytest.param("Cara menulis NIK di formulir: 16 angka tanpa spasi, misalnya "
                 "1234561208950003.", id="nik-contoh-berhitung"),
]

# The same words for a voter, from a group as a source, or aimed at people: each stays an
# error of the word rules alone.
GUARDS = [
    pytest.param("Amplop putih isi 100 ribu buat yang coblos nomor 3, ambil di posko.",
                 "pidana-pemilu", "amplop", id="amplop-untuk-pemilih"),
    pytest.param("Amplop buat warga sudah siap, pastikan suara kalian untuk kami.",
                 "pidana-pemilu", "amplop", id="amplop-buat-warga"),
    pytest.param("Dari grup WA sebelah: TPS 5 pindah ke balai desa, sebarkan!", "hoaks",
                 "dari grup", id="kabar-dari-grup"),
    pytest.param("Hajar mereka sampai babak belur, kalian semua!", "kekerasan", "hajar",
                 id="hajar-mereka"),
    pytest.param("Habisi suporter mereka di parkiran sesudah laga 2-1 nanti!", "kekerasan",
                 "habisi", id="habisi-suporter-dengan-skor"),
    pytest.param("Tembak saja mereka, jangan kasih ampun!", "kekerasan", "tembak",
                 id="tembak-orang"),
    pytest.param("NIK tetangga saya 6172014508900003, silakan dicek sendiri.", "data-pribadi",
                 "6172014508900003", id="nik-orang"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_a_plain_sense_stays_clean(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                   text: str) -> None:
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)


@pytest.mark.parametrize(("text", "category", "words"), GUARDS)
def test_the_same_words_used_stay_errors(repo: Path, text: str, category: str,
                                         words: str) -> None:
    assert_error_names(repo, text, category, words)
