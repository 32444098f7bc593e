"""Hearsay about everyday things, a crime reported as a suspicion, an election word as a
figure of speech, another contest (a class election, the national team), a writer keeping
their own number back, a neighbourhood's RT and RW (round screen-x, docs/riwayat/aturan-isi.md
"Putaran screen-x"): each is written as a post and checked with ``kalender check``'s engine,
with and without the learned layer; the same words about the election stay errors. Every
sentence here was written for this test, none is taken from a corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import (
    caption_findings,
    findings,
    findings_with_and_without_layer,
    screen_errors,
    write_post,
)

CLEAN = [
    ("Katanya sore nanti gerimis, jemuran di teras diangkat dulu ya.", "kabar-cuaca"),
    ("Nanti malam televisi memutar film perjuangan lama berjudul 'Serangan Fajar', jangan lupa "
     "tonton.", "judul-film"),
    ("Pemilihan ketua OSIS di sekolah adik selesai: calon nomor urut 3 menang, selamat!",
     "pemilihan-osis"),
    ("Mari dukung Timnas di final Piala AFF, nonton bareng di balai warga.", "tim-nasional"),
    ("Undangan kerja bakti RT 04 RW 02 Kelurahan Sedau hari Minggu pukul tujuh, bawa cangkul "
     "dan sapu lidi.", "rt-rw-lingkungan"),
    ("Baru dua menit babak pertama sudah gol, serangan fajar namanya, kiper lawan belum siap.",
     "kiasan-sepak-bola"),
]

# Clean for the word rules; the layer still weighs the words (a report of vote buying reads
# much like vote buying; "gang", "nanti", "kita" and "KK", "sini" weigh as breaches: see "Yang
# belum" in the handbook), so only the rules alone are asserted here.
RULES_CLEAN = [
    ("Kabarnya martabak di ujung gang itu paling enak, nanti malam kita coba.",
     "kabar-makanan"),
    ("Nomor KK saya sudah hafal, tapi tidak saya tulis di sini, nanti kartunya saya bawa ke "
     "PPS.", "nomor-sendiri-tidak-ditulis"),
    ("Pengawas kelurahan menelusuri dugaan bagi-bagi sembako di Gang Mawar; hasilnya diumumkan "
     "pekan depan.", "dugaan-diberitakan"),
]

BREACHES = [
    ("Katanya TPS di kelurahan kita dipindah ke balai desa, jangan datang ke sekolah.", "hoaks",
     "kabar-pemilu"),
    ("Kabarnya surat suara di gudang kecamatan sudah dicoblos semua.", "hoaks",
     "kabar-surat-suara"),
    ("Siapkan serangan fajar, amplop dibagi jam empat sebelum warga berangkat ke TPS.",
     "pidana-pemilu", "serangan-fajar-sungguhan"),
    ("Bagi-bagi sembako besok pagi di posko, yang coblos nomor 2 dapat dua paket.",
     "pidana-pemilu", "bagi-sembako-tanpa-dugaan"),
    ("Calon nomor urut 3 pasti menang, dukung terus sampai hari pencoblosan!", "partisan",
     "nomor-urut-pemilu"),
    ("Selamat untuk Timnas atas kemenangan tadi malam! Besok coblos calon nomor urut 3, pasti "
     "menang.", "partisan", "kontes-lalu-ajakan"),
    ("Alamat dia RT 03/RW 02 Sedau, datangi saja rame-rame.", "data-pribadi",
     "alamat-rt-rw"),
    ("Daftar pemilih RT 4 lengkap dengan NIK dan nomor KK kami unggah di sini.", "data-pribadi",
     "daftar-diunggah"),
]


@pytest.mark.parametrize("text", [c for c, _ in CLEAN], ids=[i for _, i in CLEAN])
def test_an_everyday_or_reported_use_has_no_finding(
        repo: Path, tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    """No finding with the learned layer, and none from the word rules alone."""
    alone = tmp_path_factory.mktemp("alone")
    assert findings_with_and_without_layer(repo, alone, text) == [[], []]


@pytest.mark.parametrize("text", [c for c, _ in RULES_CLEAN], ids=[i for _, i in RULES_CLEAN])
def test_the_word_rules_read_it_as_clean(repo: Path, text: str) -> None:
    assert caption_findings(repo, text, learned=False) == []


@pytest.mark.parametrize(("text", "category"), [(t, c) for t, c, _ in BREACHES],
                         ids=[i for _, _, i in BREACHES])
def test_the_same_words_about_the_election_stay_errors(repo: Path, text: str,
                                                       category: str) -> None:
    found = caption_findings(repo, text, learned=False)
    assert any(severity == "error" and line == 9 for line, severity, _, _ in found), found
    assert category in screen_errors(text, learned=False)
    assert category in screen_errors(text)



def test_a_contest_clears_only_its_own_sentence(repo: Path) -> None:
    """A sentence about the national team does not make the next sentence's call to vote for
    a participant a sports cheer: the partisan rule still names the ballot number it read."""
    write_post(repo, "caption: |\n  Timnas juara tadi malam! Ayo pilih Partai Kebangkitan Warga, "
               "nomor urut 3.\n")
    found = findings(repo, "content.partisan")
    assert found and all(line == 9 and severity == "error" for line, severity, _, _ in found)
    assert any("“nomor urut 3”" in message for _, _, message, _ in found), found
