"""Words of violence and terror in their ordinary use (round screen-w, docs/aturan-isi.md
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

from contentposts import caption_findings, findings_with_and_without_layer, screen_errors

CLEAN = [
    ("Semalam mabar sampai subuh, tim kami bantai semua lawan di ranked, MVP dua kali.",
     "gim-daring"),
    ("Babak kedua nanti timnas wajib serang terus dari sisi kanan, jangan cuma bertahan.",
     "sepak-bola"),
    ("Turnamen bulu tangkis antarbidang: pasangan Subbag Umum sikat habis lawannya 21-9.",
     "bulu-tangkis"),
    ("Tim futsal kantor kalah 6-0 semalam, babak belur tapi tetap tertawa. Revans bulan depan!",
     "futsal"),
    ("Musim hujan, teror nyamuk DBD datang lagi. Kuras bak mandi dan tutup penampungan air.",
     "nyamuk"),
    ("Anak kucing ras anggora sudah vaksin, cari pemilik baru yang sayang hewan.",
     "kucing-ras"),
    ("Minggu pagi bersih-bersih selokan, bawa parang dan cangkul untuk memotong ilalang.",
     "kerja-bakti"),
    ("Masih saja ada yang bilang pelaku bom itu pahlawan. Itu pembunuh, bukan pejuang.",
     "pujian-orang-lain-dikecam"),
    ("Tolong berhenti nyebut pelaku bom itu pahlawan. Akunnya sudah kami report.",
     "berhenti-menyebut"),
    ("Menurut keterangan polisi, tiga pelaku pembacokan di pasar subuh tadi sudah diringkus.",
     "berita-kata-benda"),
    ("Kaca pos ronda dilempari batu semalam, polisi sedang menyelidiki pelakunya.",
     "berita-pasif"),
    ("Polisi menangkap dua pencuri motor di Jawa Timur, barang bukti sudah diamankan.",
     "nama-provinsi"),
    ("Video cek DPT kemarin bom banget, ditonton ribuan orang.", "bom-banget-laris"),
]

BREACHES = [
    ("Bantai beneran, bukan di game: kumpul di depan kantor panitia besok pagi.", "kekerasan",
     "permainan-disangkal"),
    ("Pulang nonton bola nanti, hajar saja pendukung paslon sebelah rame-rame.", "kekerasan",
     "sepulang-nonton-bola"),
    ("Lawan politik yang main curang serang saja posnya malam ini.", "kekerasan",
     "lawan-dan-main-bukan-permainan"),
    ("Teror aja rumah ketua panitia tiap malam biar dia mundur.", "terorisme",
     "teror-tanpa-nyamuk"),
    ("Yang bilang pelaku bom itu pahlawan memang benar, mereka pemberani.", "terorisme",
     "pujian-disetujui"),
    ("Yg mereka sebut teroris itu pejuang, pelaku bom itu pahlawan kita.", "terorisme",
     "penulis-memuji"),
    ("Pelaku pengeroyokan itu pantas dipukuli rame-rame sebelum diserahkan ke polisi.",
     "kekerasan", "berita-dengan-desakan"),
    ("Kalau ketemu pendukung sebelah, keroyok saja, biar polisi yang urus nanti.", "kekerasan",
     "perintah-bukan-berita"),
    ("Yang merusak baliho harus dilempari batu dulu, baru ditahan polisi.", "kekerasan",
     "pasif-dengan-desakan"),
    ("Buat yang nyebut pelaku bom itu penjahat, baca sejarah dulu, mereka itu pejuang sejati.",
     "terorisme", "kecaman-di-dalam-sebutan"),
    ("Orang Jawa itu pencuri semua, jangan dipilih.", "sara", "suku-bukan-provinsi"),
    ("Bom banget kalau kantor panitia diledakkan saja malam ini.", "terorisme",
     "bom-banget-dengan-ajakan"),
]


@pytest.mark.parametrize("text", [c for c, _ in CLEAN], ids=[i for _, i in CLEAN])
def test_an_ordinary_use_has_no_finding(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                        text: str) -> None:
    """No finding with the learned layer, and none from the word rules alone."""
    alone = tmp_path_factory.mktemp("alone")
    assert findings_with_and_without_layer(repo, alone, text) == [[], []]


@pytest.mark.parametrize(("text", "category"), [(t, c) for t, c, _ in BREACHES],
                         ids=[i for _, _, i in BREACHES])
def test_the_same_words_as_a_breach_stay_errors(repo: Path, text: str, category: str) -> None:
    found = caption_findings(repo, text, learned=False)
    assert any(severity == "error" and line == 9 for line, severity, _, _ in found), found
    assert category in screen_errors(text, learned=False)
