"""Listed words in their everyday use (round screen-u, docs/riwayat/aturan-isi.md "Putaran
screen-u"; :mod:`kalender.text.everyday`): an animal, a pest, a dish or praise read from the words
around the listed word; the writer's own WhatsApp group acting; hearsay that names its teller or
tells a person's plan; the writer's own past told; a complaint passed on to an office; the name of a
crime (*politik uang*); the act named (*memotret surat suara*); a threat as a thing (*ancaman*); a
WhatsApp group as where data must not go; the modus explained. Each is written as a post and checked
with ``kalender check``'s engine, with and without the learned layer; the same words used as a
breach stay errors. Every sentence here was written for this test, none is taken from a corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import assert_no_finding_either_way, assert_rules_error

CLEAN = [
    ("Tiap magrib kampret keluar dari atap gudang, terbang berputar-putar di atas kolam.",
     "kelelawar"),
    ("Bantal di kamar kos penuh bangsat, semalaman gatal tidak bisa tidur.", "kutu-busuk"),
    ("Ikan tongkol dilumuri bumbu kunyit biar meresap, baru dibakar di atas arang sampai harum.",
     "memasak"),
    ("Gila, panitia lomba mewarnai kemarin kerjanya cepat sekali. Salut!", "pujian"),
    ("Grup WA arisan kami pindah jadwal kumpul ke hari Minggu sore.", "grup-sendiri"),
    ("Katanya Pak Guru, besok murid pulang lebih awal karena ada rapat.", "penutur-disebut"),
    ("Katanya si Dedi mau bawa gitar ke acara syukuran nanti malam.", "niat-orang"),
    ("Bapak saya dulu jadi petugas KPPS. Katanya rekap waktu itu selesai menjelang subuh.",
     "penutur-kalimat-sebelumnya"),
    ("Dulu saya pernah unggah foto KTP di status, akibatnya ditelepon penagih pinjol. Jangan "
     "ditiru.", "masa-lalu-penulis"),
    ("Mohon sabar ya Kak, keluhan soal lampu jalan yang mati sudah kami teruskan ke kelurahan.",
     "diteruskan-ke-kantor"),
    ("Diskusi pelajar tentang bahaya politik uang bagi pemilih pemula berlangsung seru.",
     "nama-kejahatan"),
    ("Warga bertanya, bolehkah memotret surat suara sebelum dimasukkan ke kotak? Jawabannya "
     "tidak boleh.", "memotret-dinamai"),
    ("Bagaimana KPPS harus bersikap bila ada ancaman di TPS? Ikuti bimteknya besok.",
     "ancaman-kata-benda"),
    ("Peserta diminta tidak mengirim foto formulir pemilih ke grup WA mana pun.",
     "grup-tujuan"),
    ("Narasumber menjelaskan modus yang sering dipakai: sembako atau pulsa untuk pemilih "
     "menjelang hari H.", "modus-dijelaskan"),
]

BREACHES = [
    ("Dasar kampret, kerja panitia lambat sekali.", "hinaan", "hinaan-tanpa-makna-lain"),
    ("Grup WA keluarga kami bilang TPS ditutup jam 10 pagi.", "hoaks", "grup-sumber-kabar"),
    ("Katanya sih besok TPS ditutup jam 10 pagi.", "hoaks", "katanya-tanpa-penutur"),
    ("Saya pernah dengar katanya TPS ditutup jam 10 pagi.", "hoaks", "pernah-dengar-kabar"),
    ("Kalau hasilnya curang, bakar saja kantornya.", "kekerasan", "bakar-kantor"),
    ("Kalau ada yang macam-macam, ancam saja pakai parang biar takut.", "kekerasan",
     "ancam-kerja"),
    ("Info dari grup WA: TPS 5 pindah ke balai desa.", "hoaks", "grup-sumber"),
    ("Sebagai bentuk terima kasih, sembako untuk yang coblos nomor 2.", "pidana-pemilu",
     "bentuk-terima-kasih"),
]


@pytest.mark.parametrize("text", [c for c, _ in CLEAN], ids=[i for _, i in CLEAN])
def test_an_everyday_use_has_no_finding(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                        text: str) -> None:
    """No finding with the learned layer, and none from the word rules alone."""
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)


@pytest.mark.parametrize(("text", "category"), [(t, c) for t, c, _ in BREACHES],
                         ids=[i for _, _, i in BREACHES])
def test_the_same_words_as_a_breach_stay_errors(repo: Path, text: str, category: str) -> None:
    assert_rules_error(repo, text, category)
