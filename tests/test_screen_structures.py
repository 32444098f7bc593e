"""The SOP D screen on sentence structures and word families added in round screen-e
(issue 16, after the third blind corpus): each breach is written differently from the corpus
caption that revealed the gap, and each has a clean sentence beside it that must stay clean.
Every case runs the real lists of ``calendar/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import screen_errors
from kalender.rules.screen import screen
from kalender.text.wordforms import word_forms

CALENDAR = Path(__file__).resolve().parent.parent / "calendar"


@pytest.mark.parametrize(("text", "category"), [
    # a negating word inside the relative clause that names the target
    ("Yang menolak hasil rekap, hajar saja di jalan.", "kekerasan"),
    ("Siapa yang tidak setuju, bakar saja rumahnya.", "kekerasan"),
    # readiness and waiting for a signal
    ("Pemuda kampung siap bakar posko panitia malam ini.", "kekerasan"),
    ("Tunggu komando, kita rusak baliho mereka.", "kekerasan"),
    # praise of a terror cause, explosives sent to a target
    ("Perjuangan mereka pantas ditiru, teroris itu pahlawan sejati.", "terorisme"),
    ("Taruh bahan peledak di gudang itu biar hancur.", "terorisme"),
    # a group sent home, a place cleansed of it
    ("Para pendatang pulang aja ke kampung masing2, ini tanah kami.", "sara"),
    ("Bersihkan kelurahan kita dari suku pendatang itu.", "sara"),
    # an animal as predicate of a person or an office
    ("Panitia PPS itu monyet semua.", "hinaan"),
    # spread first, check later; voters told not to come
    ("Info valid, sebarkan dulu ya.", "hoaks"),
    ("Sebarkan, pemilih di RW 3 tidak perlu datang ke TPS besok.", "hoaks"),
    # a statement of support for an unlisted pair
    ("Seluruh warga RT kami mendukung sepenuhnya pasangan Hartono-Lim.", "partisan"),
    # identity documents posted or asked for
    ("Ini dia foto KTP orang yang protes kemarin, biar semua tahu.", "data-pribadi"),
    ("Kirimkan NIK lengkap lewat japri ke admin ya.", "data-pribadi"),
    # a KTP handed over to vote, votes moved, left-over ballots, ASN mobilised
    ("Pinjam KTP tetangga, nanti kita yang coblos.", "pidana-pemilu"),
    ("Suara caleg lain nanti dialihkan ke partai kita.", "pidana-pemilu"),
    ("Sisa surat suara di TPS 5 coblosi saja semua.", "pidana-pemilu"),
    ("Kepala dinas sudah mobilisasi ASN, yang tidak hadir dimutasi.", "pidana-pemilu"),
])
def test_a_breach_by_its_structure_is_an_error(text: str, category: str) -> None:
    assert category in screen_errors(text)


@pytest.mark.parametrize("text", [
    "Warga yang menolak politik uang, laporkan ke Bawaslu.",
    "Petugas KPPS siap melayani pemilih sejak pukul 07.00.",
    "Densus 88 menangkap terduga teroris; bahan peledak diamankan polisi.",
    "Pemilih pindahan dari kampung lain dapat mengurus formulir pindah memilih di PPS.",
    "Anjing pelacak itu dikerahkan polisi ke gudang logistik.",
    "Cek dulu kebenarannya sebelum dibagikan.",
    "Kami mendukung Pemilu damai dan jujur.",
    "Jangan pernah kirim NIK atau foto KTP ke akun yang mengaku petugas.",
    "KPU tidak pernah meminta nama ibu kandung pemilih.",
    "Pengambilan nomor urut: paslon A mendapat nomor 1, paslon B nomor 2.",
    "Peserta Pemilu DPRD hanya sampai nomor 15.",
    "Polisi menyelidiki penembakan massal itu.",
])
def test_the_clean_sentence_beside_it_stays_clean(text: str) -> None:
    assert screen(text, CALENDAR) == []


def test_a_squashed_double_letter_is_no_spoken_nasal() -> None:
    assert "pasal" not in word_forms("masal")
    assert "pilih" in word_forms("milih")


def test_a_ballot_hashtag_tags_the_whole_caption() -> None:
    assert "partisan" in screen_errors("Debat semalam jelas siapa yang layak. Ayo dukung! #02")


@pytest.mark.parametrize("text", [
    "Seri pemilih cerdas #3: cara mencoblos yang sah.",
    "Simak jadwal debat kandidat di laman KPU. #01 #Pemilu2024",
])
def test_a_series_number_or_a_caption_without_a_call_stays_clean(text: str) -> None:
    assert screen(text, CALENDAR) == []


def test_a_quoted_threat_laughed_at_is_taken_up() -> None:
    assert "kekerasan" in screen_errors(
        'Kata warga: "kalau suara kami hilang, kami gebuk ketuanya". Wkwkwk setuju.')


def test_a_quoted_threat_reported_at_arms_length_stays_a_mention() -> None:
    assert "kekerasan" not in screen_errors('Akun itu menulis "kami gebuk ketuanya"; kami sudah '
                                     'meneruskannya ke kepolisian.')
