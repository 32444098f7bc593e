"""Listed words in their literal sense (round screen-ad, docs/riwayat/screen-ad.md,
:mod:`kalender.text.literal` and :mod:`kalender.text.referents`): an animal doing what animals
do (*menggonggong*, *turun ke kebun*), a word talked about after *kata* or *istilah*, a rumour
the writer asks about in a question, a number that belongs to a house or a menu, a person
named who is the one voting or asking. Each is written as a post and ``kalender check``
reports nothing on it, with the learned layer or without (each had a finding on ``main``
before this round). The same words aimed at a person, a claim passed on, a call to vote for
someone stay errors of the word rules, reported on the caption's line with the words and the
SOP clause. Every sentence here was written for this test, none is taken from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import assert_error_names, assert_no_finding_either_way

CLEAN = [
    pytest.param("Anjing pak RT menggonggong terus, petugas coklit jadi takut masuk gang.",
                 id="anjing-menggonggong"),
    pytest.param("Semalam bodat turun lagi ke ladang ubi di belakang rumah, lae.",
                 id="bodat-turun"),
    pytest.param("Kawanan monyet masuk ke halaman klenteng, buah persembahan habis dibawa lari.",
                 id="monyet-di-klenteng"),
    pytest.param("Kata kafir punya sejarah panjang dalam kajian tafsir; mari pelajari dengan "
                 "kepala dingin.", id="kata-kafir-dibicarakan"),
    pytest.param("Teman-teman, bener gak sih di grup WA kompleks ada info jadwal coklit "
                 "dimajukan? Saya tunggu pengumuman resmi dulu.", id="grup-wa-ditanyakan"),
    pytest.param("Anak saya lama memilih nomor 2 atau nomor 4 di menu kedai kopi, akhirnya "
                 "dua-duanya dipesan.",
                 id="nomor-di-menu"),
    pytest.param("Surat pemberitahuan memilih untuk rumah nomor tujuh kami titipkan ke Bu RW "
                 "karena penghuninya sedang pergi.", id="rumah-nomor"),
    pytest.param("Pak Rahmat cukup memilih di TPS tempat namanya terdaftar.",
                 id="orang-yang-memilih"),
]

# The same words, aimed at someone or used: each stays an error of the word rules alone.
GUARDS = [
    pytest.param("Dasar anjing kau, petugas coklit, menggonggong terus di depan rumah orang!",
                 "hinaan", "anjing", id="anjing-untuk-orang"),
    pytest.param("Ketua panitia itu monyet, turun ke kampung cuma kalau mau minta suara.",
                 "hinaan", "monyet", id="monyet-predikat-orang"),
    pytest.param("Orang klenteng itu monyet semua, jangan pilih mereka.", "sara", "monyet",
                 id="monyet-untuk-kelompok"),
    pytest.param("Begitu kata grup sebelah: TPS pindah ke balai desa, setuju gak?", "hoaks",
                 "grup sebelah", id="kabar-lalu-tanya-tempelan"),
    pytest.param("Coblos nomor 2 di bilik suara, jangan yang lain!", "partisan", "nomor 2",
                 id="nomor-di-bilik"),
    pytest.param("Pak Rahmat memimpin dengan jujur, pilih Pak Rahmat!", "partisan",
                 "Pak Rahmat", id="nama-diajak-dipilih"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_a_literal_sense_stays_clean(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                     text: str) -> None:
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)


@pytest.mark.parametrize(("text", "category", "words"), GUARDS)
def test_the_same_words_aimed_stay_errors(repo: Path, text: str, category: str,
                                          words: str) -> None:
    assert_error_names(repo, text, category, words)
