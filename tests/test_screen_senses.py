"""Listed words in a figure or a frame (round screen-aa, docs/riwayat/screen-aa.md,
:mod:`kalender.text.figurative`): a word of force whose object is a price or a stock (*harga
dibantai*), a feeling doing the striking (*dipukul rindu*), an exclamation addressed to no one
(*Gila, ...*), a riddle that denies the word's sense and its answer, a call reported as done
(*dilanjutkan*, *sudah dikirim ke semua*, *di-share*), hearsay the writer went and tried
(*katanya ..., ternyata ...*). Each is written as a post and ``kalender check`` reports
nothing on it, with the learned layer or without (each had an error on ``main`` before this
round). The same words used against people stay errors of the word rules. Every sentence here
was written for this test, none is taken from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import assert_no_finding_either_way, assert_rules_error, caption_findings

CLEAN = [
    pytest.param("Cuci gudang akhir tahun! Harga dibantai sampai 70%, cek etalase kami.",
                 id="harga-dibantai"),
    pytest.param("Stok lama kami bantai habis! Harga dibanting, cuma minggu ini.",
                 id="stok-dibantai"),
    pytest.param("Lagu wajib lomba karaoke RT: aku dipukul rindu sepanjang malam.",
                 id="dipukul-rindu"),
    pytest.param("Hatiku harus rela ditikam sepi, begitu kata penyanyi favorit Ibu.",
                 id="ditikam-sepi"),
    pytest.param("Gila, rekap suara baru selesai jam empat subuh.", id="seruan-gila"),
    pytest.param("Sialan, motor mogok pas mau berangkat ke rapat pleno.", id="seruan-sialan"),
    pytest.param("Teka-teki Jumat: Bom apa yang tidak bikin takut tapi bikin panitia lembur? "
                 "Bom pendaftar di hari terakhir!", id="teka-teki"),
    pytest.param("Pemungutan suara di TPS 3 dilanjutkan setelah listrik menyala.",
                 id="dilanjutkan"),
    pytest.param("Bahan rapat sudah dikirim ke semua anggota panitia lewat surel.",
                 id="sudah-dikirim-ke-semua"),
    pytest.param("Foto kegiatan bimtek sudah di-share di grup panitia, silakan diunduh.",
                 id="sudah-di-share"),
    pytest.param("Katanya jalan ke TPS banjir, ternyata sudah surut pagi ini.",
                 id="kabar-dicoba"),
]

# The same words, used: each stays an error of the word rules alone.
GUARDS = [
    pytest.param("Harga mati, bantai saja mereka yang curang!", "kekerasan",
                 id="harga-mati-lalu-bantai"),
    pytest.param("Pantas dipukul sampai mati, pengkhianat itu!", "kekerasan",
                 id="dipukul-orang"),
    pytest.param("Gila kau, dasar pengkhianat tidak tahu diri.", "hinaan", id="gila-kau"),
    pytest.param("Tebak-tebakan: Bom apa yang cocok buat kantor KPU? Bom rakitan, besok jam 9 "
                 "kami antar!", "terorisme", id="teka-teki-tanpa-sangkalan"),
    pytest.param("Mohon disebarluaskan ke semua grup keluarga!", "hoaks", id="mohon-disebar"),
    pytest.param("Tolong dibagikan ke semua grup keluarga, TPS pindah ke balai desa!", "hoaks",
                 id="tolong-dibagikan"),
    pytest.param("Katanya surat suara sudah dicoblos duluan, sebarkan ke semua grup!", "hoaks",
                 id="kabar-disebar"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_a_figure_or_a_frame_stays_clean(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                        text: str) -> None:
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)


@pytest.mark.parametrize(("text", "category"), GUARDS)
def test_the_same_words_used_stay_errors(repo: Path, text: str, category: str) -> None:
    assert_rules_error(repo, text, category)
    found = caption_findings(repo, text)
    assert any(severity == "error" and line == 9 for line, severity, _, _ in found), found
