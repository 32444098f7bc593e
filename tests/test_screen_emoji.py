"""Breaches the screen missed on new writers (round screen-ae, docs/riwayat/screen-ae.md): an
emoji standing for an insult aimed at a person or a group (:mod:`kalender.text.emoji`,
``calendar/terlarang/emoji/``), a request to send someone's identity data to an admin or a
private chat (``calendar/terlarang/ancaman/data-pribadi.yml``), a passport or Malaysian
identity card number (:mod:`kalender.text.personal_data`), a veiled threat, a code word of
terror in a plan and *anjing* as a judgement (``calendar/terlarang/*.yml``). Each is written
as a post: ``kalender check`` reports it as an error on its caption's line with the words
found, the rules alone as well as with the learned layer. The same emoji at the zoo, on a
menu or beside the animal's own name, a warning against sending data, a passport without its
number, a wedding couple and a news report of a terror trial stay clean. Every sentence here
was written for this test, none is taken from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from contentposts import assert_no_finding_either_way, caption_findings, screen_errors, write_post
from kalender.cli.main import _register_commands, cli

BREACHES = [
    pytest.param("Lihat tuh ketua panitia, mukanya mirip 🐷 kalau ditanya soal anggaran.",
                 "hinaan", "🐷", id="emoji-babi-ke-orang"),
    pytest.param("Pengawas kecamatan itu 🐀🐀 semua, kerjanya cuma makan honor.",
                 "hinaan", "🐀🐀", id="emoji-tikus-ke-lembaga"),
    pytest.param("KPPS = 🤡 tiap hari, rekap salah melulu.", "hinaan", "🤡",
                 id="emoji-badut-dengan-sama-dengan"),
    pytest.param("Jangan percaya suku 🐒 itu, dari dulu bikin rusuh.", "sara", "🐒",
                 id="emoji-monyet-ke-kelompok"),
    pytest.param("Yang mau dibantu daftar ulang, japri nomor NIK dan tanggal lahir ke admin "
                 "sekarang juga.", "data-pribadi", "japri", id="minta-data-ke-admin"),
    pytest.param("Hantar nombor kad pengenalan dan tarikh lahir ke WhatsApp kami, nanti "
                 "kami semak.", "data-pribadi", "Hantar", id="minta-data-melayu"),
    pytest.param("Tolong bantu cari pemilik dompet ini, no paspor B5520417 atas nama Rahmat.",
                 "data-pribadi", "B5520417", id="nomor-paspor"),
    pytest.param("Kad pengenalan 880723-13-5521 ini tercicir di depan TPS, siapa punya?",
                 "data-pribadi", "880723-13-5521", id="nomor-mykad"),
    pytest.param("Saya sarankan Bu saksi berhati-hati; yang suka protes di pleno biasanya "
                 "mengalami kecelakaan yang tidak disengaja.", "kekerasan", "kecelakaan",
                 id="ancaman-terselubung"),
    pytest.param("Kawan-kawan pengajian diajak baiat dulu, habis itu dikirim berjuang ke luar "
                 "pulau.", "terorisme", "baiat", id="sandi-teror"),
    pytest.param("Calo tiket itu anjing banget, penumpang diturunkan di tengah jalan.",
                 "hinaan", "itu anjing", id="anjing-sebagai-penilaian"),
]

CLEAN = [
    pytest.param("Resep iga bakar untuk yang tidak makan halal: direndam semalam, dipanggang "
                 "sampai kecokelatan 🐷", id="menu"),
    pytest.param("Rombongan pemilih pemula mampir ke kebun binatang usai sosialisasi, monyetnya "
                 "ramah 🐒", id="kebun-binatang"),
    pytest.param("Kucing dan anjing kantor ikut menyambut tamu pagi ini 🐶", id="hewan-kantor"),
    pytest.param("Jangan pernah kirim NIK atau foto KK ke admin mana pun: KPU tidak pernah "
                 "memintanya lewat pesan.", id="peringatan-pancingan-data"),
    pytest.param("Bawa paspor dan KTP elektronik ke TPSLN pada hari pemungutan suara.",
                 id="paspor-tanpa-nomor"),
    pytest.param("Yg blm terdaftar dgn KTP bisa dtg ke kantor PPS utk cek data, gratis bgt.",
                 id="singkatan-biasa"),
    pytest.param("Sepasang pengantin datang ke TPS dengan baju adat, target partisipasi desa "
                 "tercapai.", id="pengantin-sungguhan"),
    pytest.param("Petugas damkar bekerja keras, nyawa jadi taruhan setiap hari.",
                 id="taruhan-nyawa-pekerjaan"),
    pytest.param("Majelis hakim menjatuhkan vonis kepada terdakwa yang berbaiat kepada ISIS "
                 "dalam sidang terorisme kemarin.", id="berita-sidang-teror"),
]


@pytest.mark.parametrize(("text", "category", "words"), BREACHES)
def test_a_missed_breach_is_an_error_on_its_line(repo: Path, text: str, category: str,
                                                 words: str) -> None:
    found = caption_findings(repo, text, learned=False)
    assert any(severity == "error" and line == 9 and f"“{words}" in message
               for line, severity, message, _ in found), found
    assert category in screen_errors(text, learned=False)
    assert category in screen_errors(text)


def test_check_names_the_file_line_emoji_and_clause(repo: Path) -> None:
    write_post(repo, "caption: |\n  Bawaslu kota = 🐶🐶, menggonggong doang.\n")
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(repo), "check"])
    assert result.exit_code == 1, result.output
    assert "posts/2026/12/2026-12-02-uji.md" in result.output
    assert ("galat baris 9: Instagram: “🐶🐶” melanggar SOP D.3: Hinaan lewat emoji yang "
            "ditujukan kepada orang") in result.output


@pytest.mark.parametrize("text", CLEAN)
def test_the_same_signs_and_words_stay_clean(repo: Path,
                                             tmp_path_factory: pytest.TempPathFactory,
                                             text: str) -> None:
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)
