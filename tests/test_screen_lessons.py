"""The SOP D screen on the lesson structures of round screen-g (issue 16, false positives of
``konten-buta-5.yml``): each clean sentence is written differently from the corpus caption
that revealed the gap, and each has a breach beside it, built the same way, that must stay an
error. Every case runs the real lists of ``calendar/``."""

from __future__ import annotations

import pytest

from contentposts import screen_categories, screen_errors


@pytest.mark.parametrize("text", [
    # a spoken negator, and a helping verb between the negator and what it denies
    "Suaramu gak dijual, kawan.",
    "Satu KTP tidak boleh dipakai memilih lagi di TPS lain.",
    # the explanation after a sentence about the law
    "Mengapa bagi-bagi uang saat kampanye dilarang? Sebab itu beli suara rakyat.",
    # the sentence before one that tells to report it, pointing back
    "Amplop serangan fajar sering beredar malam hari. Segera laporkan bila melihatnya.",
    # a condition whose main clause warns or tells to report
    "Jika terima kabar dari grup WA, jangan buru-buru dibagikan.",
    # a quotation answering a claim
    "Soal tuduhan bahwa panitia 'tidak becus', rekap terlambat karena banjir.",
    # a warning about what is done to the reader
    "Jangan biarkan hoaks menghalangimu datang ke TPS.",
    # the office's own number called not private
    "Hubungi 0812-7788-9900 (nomor dinas, bukan nomor pribadi) untuk pengaduan.",
    # fraud as an act warned about, an office impersonated
    "Pesan yang mencatut KPPS dan menarik biaya itu penipuan. Pendaftaran gratis.",
])
def test_a_lesson_by_its_structure_stays_clean(text: str) -> None:
    assert screen_categories(text) == set()


@pytest.mark.parametrize(("text", "category"), [
    # the same words without the structure
    ("Suaramu dijual aja, kawan, lumayan.", "pidana-pemilu"),
    ("Ada serangan fajar! Laporkan ke Bawaslu, pasal 523.", "pidana-pemilu"),
    # a negator after "kalau" sets a condition
    ("Bilang ke warga, kalau gak milih calon kita bantuan sosialnya dicabut.", "pidana-pemilu"),
    # a condition whose main clause does not warn
    ("Jika ada info dari grup WA soal TPS pindah, langsung sebarkan saja.", "hoaks"),
    # an office called a fraud, not impersonated
    ("KPPS itu penipu semua.", "hinaan"),
])
def test_the_breach_beside_it_is_an_error(text: str, category: str) -> None:
    assert category in screen_errors(text)
