"""Words of violence and terror in their ordinary use (round screen-w, docs/riwayat/aturan-isi.md
"Putaran screen-w"): a word of violence played in a game or a match
(:mod:`kalender.text.activity`), a word in its everyday sense (mosquitoes, a pedigree cat, a
bush knife for clearing weeds, a province, a post that was a hit), a violent act reported
with the law acting on it (:mod:`kalender.text.reported`) and a praise of bombers that others
made, condemned by the writer without quotation marks (:mod:`kalender.text.disowned`). Each is
written as a post and checked with ``kalender check``'s engine, with and without the learned
layer; the same words as a breach stay errors. Every sentence here was written for this test,
none is taken from a corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import assert_no_finding_either_way, assert_rules_error

CLEAN = [
    pytest.param("Semalam mabar sampai subuh, tim kami bantai semua lawan di ranked, MVP dua "
                 "kali.", id="gim-daring"),
    pytest.param("Babak kedua nanti timnas wajib serang terus dari sisi kanan, jangan cuma "
                 "bertahan.", id="sepak-bola"),
    pytest.param("Turnamen bulu tangkis antarbidang: pasangan Subbag Umum sikat habis lawannya "
                 "21-9.", id="bulu-tangkis"),
    pytest.param("Tim futsal kantor kalah 6-0 semalam, babak belur tapi tetap tertawa. Revans "
                 "bulan depan!", id="futsal"),
    pytest.param("Musim hujan, teror nyamuk DBD datang lagi. Kuras bak mandi dan tutup "
                 "penampungan air.", id="nyamuk"),
    pytest.param("Anak kucing ras anggora sudah vaksin, cari pemilik baru yang sayang hewan.",
                 id="kucing-ras"),
    pytest.param("Minggu pagi bersih-bersih selokan, bawa parang dan cangkul untuk memotong "
                 "ilalang.", id="kerja-bakti"),
    pytest.param("Masih saja ada yang bilang pelaku bom itu pahlawan. Itu pembunuh, bukan "
                 "pejuang.", id="pujian-orang-lain-dikecam"),
    pytest.param("Tolong berhenti nyebut pelaku bom itu pahlawan. Akunnya sudah kami report.",
                 id="berhenti-menyebut"),
    pytest.param("Menurut keterangan polisi, tiga pelaku pembacokan di pasar subuh tadi sudah "
                 "diringkus.", id="berita-kata-benda"),
    pytest.param("Kaca pos ronda dilempari batu semalam, polisi sedang menyelidiki pelakunya.",
                 id="berita-pasif"),
    pytest.param("Polisi menangkap dua pencuri motor di Jawa Timur, barang bukti sudah diamankan.",
                 id="nama-provinsi"),
    pytest.param("Video cek DPT kemarin bom banget, ditonton ribuan orang.", id="bom-banget-laris"),
]

BREACHES = [
    pytest.param("Bantai beneran, bukan di game: kumpul di depan kantor panitia besok pagi.",
                 "kekerasan", id="permainan-disangkal"),
    pytest.param("Pulang nonton bola nanti, hajar saja pendukung paslon sebelah rame-rame.",
                 "kekerasan", id="sepulang-nonton-bola"),
    pytest.param("Lawan politik yang main curang serang saja posnya malam ini.",
                 "kekerasan", id="lawan-dan-main-bukan-permainan"),
    pytest.param("Teror aja rumah ketua panitia tiap malam biar dia mundur.",
                 "terorisme", id="teror-tanpa-nyamuk"),
    pytest.param("Yang bilang pelaku bom itu pahlawan memang benar, mereka pemberani.",
                 "terorisme", id="pujian-disetujui"),
    pytest.param("Yg mereka sebut teroris itu pejuang, pelaku bom itu pahlawan kita.",
                 "terorisme", id="penulis-memuji"),
    pytest.param("Pelaku pengeroyokan itu pantas dipukuli rame-rame sebelum diserahkan ke polisi.",
                 "kekerasan", id="berita-dengan-desakan"),
    pytest.param("Kalau ketemu pendukung sebelah, keroyok saja, biar polisi yang urus nanti.",
                 "kekerasan", id="perintah-bukan-berita"),
    pytest.param("Yang merusak baliho harus dilempari batu dulu, baru ditahan polisi.",
                 "kekerasan", id="pasif-dengan-desakan"),
    pytest.param("Buat yang nyebut pelaku bom itu penjahat, baca sejarah dulu, mereka itu pejuang "
                 "sejati.", "terorisme", id="kecaman-di-dalam-sebutan"),
    pytest.param("Orang Jawa itu pencuri semua, jangan dipilih.", "sara", id="suku-bukan-provinsi"),
    pytest.param("Bom banget kalau kantor panitia diledakkan saja malam ini.",
                 "terorisme", id="bom-banget-dengan-ajakan"),
    pytest.param("Habisi wasitnya sepulang pertandingan futsal nanti, tunggu di parkiran.",
                 "kekerasan", id="ancaman-pada-wasit-di-pertandingan"),
    pytest.param("Tembak saja pendukung lawan di tribun waktu final liga.", "kekerasan",
                 id="ancaman-pada-penonton-di-pertandingan"),
]


@pytest.mark.parametrize("text", CLEAN)
def test_an_ordinary_use_has_no_finding(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                        text: str) -> None:
    """No finding with the learned layer, and none from the word rules alone."""
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)


@pytest.mark.parametrize(("text", "category"), BREACHES)
def test_the_same_words_as_a_breach_stay_errors(repo: Path, text: str, category: str) -> None:
    assert_rules_error(repo, text, category)
