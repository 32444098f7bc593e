"""Everyday captions the word rules used to refuse (round screen-t, docs/riwayat/aturan-isi.md
"Putaran screen-t"): hearsay asked about, not told; a person's plan told with *katanya*; a call to
vote quoted from a comment and answered; the writer's own message in a WhatsApp group; a match lost
by a score; a word defined; a beating condemned; a warning against being set against each other *by*
an issue. Each is written as a post and checked with ``kalender check``'s engine, with and without
the learned layer; the same words used as a breach stay errors. Every sentence here was written for
this test, none is taken from a corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import caption_findings, findings_with_and_without_layer, screen_errors

CLEAN = [
    "Katanya pendaftaran KPPS diperpanjang sampai Jumat ya min? Mohon info resminya.",
    "Suami saya anggota KPPS, katanya bakal lembur sampai subuh di TPS.",
    "Komentar kasar itu sudah kami hapus, kata-katanya terlalu kotor untuk diulang.",
    "Ada yang menulis komentar 'pilih nomor 5' di video kami. Akun ini netral, komentar "
    "semacam itu kami sembunyikan.",
    "Daftar hadir rapat RT sudah saya kirim di grup WA warga, silakan diisi sebelum Sabtu.",
    "Tim bulu tangkis kantor dibantai 2-0 oleh tim kecamatan, pekan depan tanding lagi.",
    "Dalam bahasa daerah kami, 'bangsat' berarti serangga kecil penghisap darah.",
    "Pengurus masjid mengecam keras pemukulan terhadap marbot kemarin sore.",
    "Jangan mau diadu domba lewat isu suku menjelang pencoblosan, kita semua bersaudara.",
]
CLEAN_IDS = ["katanya-ditanya", "katanya-bakal", "kata-katanya", "komentar-dikutip",
             "dikirim-ke-grup", "skor", "diartikan", "mengecam", "isu-suku"]

BREACHES = [
    ("Aku baca di grup, katanya TPS ditutup jam 10 pagi, bener kan?", "hoaks"),
    ("Setuju sama komentar 'coblos nomor 5' di atas, mantap!", "partisan"),
    ("Ayo bantai 2 3 orang petugasnya biar kapok.", "kekerasan"),
    ("Siapa pun yang memilih calon itu berarti pengkhianat kampung.", "hinaan"),
    ("Jangan mau dipimpin orang dari suku pendatang itu.", "sara"),
]
BREACH_IDS = ["katanya-di-tengah", "komentar-disetujui", "bantai-orang", "berarti-hinaan",
              "suku-sesudah-kata-kerja"]


@pytest.mark.parametrize("text", CLEAN, ids=CLEAN_IDS)
def test_an_everyday_caption_has_no_finding(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                           text: str) -> None:
    """No finding with the learned layer, and none from the word rules alone."""
    alone = tmp_path_factory.mktemp("alone")
    assert findings_with_and_without_layer(repo, alone, text) == [[], []]


@pytest.mark.parametrize(("text", "category"), BREACHES, ids=BREACH_IDS)
def test_the_same_words_as_a_breach_stay_errors(repo: Path, text: str, category: str) -> None:
    found = caption_findings(repo, text, learned=False)
    assert any(severity == "error" and line == 9 for line, severity, _, _ in found), found
    assert category in screen_errors(text, learned=False)
