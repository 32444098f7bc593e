"""The SOP D screen on election content by structure (issue 16): partisanship aimed at a
participant, vote buying and other election crimes of UU 7/2017, chain messages against
lessons about hoaxes, and personal data. Each case runs the real lists of ``calendar/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contentposts import findings, write_post
from kalender.rules.screen import screen
from kalender.text.education import Lesson
from kalender.text.personal_data import find_personal_data
from kalender.text.phrases import Pattern, Phrase, find_phrases, normalise_word, quoted_spans

CALENDAR = Path(__file__).resolve().parent.parent / "calendar"


def flagged(text: str) -> list[tuple[str, str]]:
    """The category and words of each finding of the screen on ``text``."""
    return [(f.category, text[f.start:f.end]) for f in screen(text, CALENDAR)]


def entry(text: str, cues: tuple[str, ...] = ()) -> Phrase:
    return Phrase(text, "uji", "Uji", "dasar uji", pattern=Pattern.parse(text, inflected=True),
                  sop="D.4", error=True,
                  cues=tuple(Pattern.parse(c, inflected=True) for c in cues))


# --- reading the words ------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["50rb", "100K", "2jt", "Rp50", "150ribu"])
def test_an_amount_written_as_one_word_reads_as_rupiah(written: str) -> None:
    assert normalise_word(written) == "rupiah"


def test_a_number_beside_letters_still_reads_as_letters() -> None:
    assert normalise_word("h04ks") == "hoaks"


def test_a_phrase_does_not_run_across_a_sentence_end() -> None:
    phrase = entry("beli suara")
    assert [m.text for m in find_phrases("Jangan mau dibeli! Suaramu berharga.", [phrase])] == []
    assert [m.text for m in find_phrases("Siap beli, suara kampung", [phrase])] == [
        "beli, suara"]


@pytest.mark.parametrize(("text", "counted"), [
    ("Suara kita siap dijual", True),
    ("Suara kita tidak untuk dijual", False),  # "tidak untuk": negated two words back
    ("Suara kita tidak dijual", False),
], ids=["sold", "tidak-untuk", "tidak"])
def test_a_cue_negated_two_words_back_does_not_count(text: str, counted: bool) -> None:
    matches = find_phrases(text, [entry("suara", ("dijual",))])
    assert bool(matches) is counted


# --- partisanship -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("Jangan pilih Yanto, dia tidak becus", "Yanto"),
    ("Pilih Hendra Wijaya untuk Singkawang!", "Hendra Wijaya"),
    ("Coblos AMIN di surat suara", "AMIN"),
    ("Paslon 01 sudah terbukti gagal", "Paslon 01"),
    ("Coblos yang berkumis, nomor dua!", "nomor dua"),
    ("Semua ASN wajib pilih petahana", "petahana"),
    ("Satu putaran saja, semua ke nomor 2!", "nomor 2"),
    ("Sudah saatnya ganti wali kota. #2024GantiWalikota", "ganti wali kota"),
    ("Mari menangkan pasangan Hartono-Lim di Pilwalkot", "pasangan Hartono"),
    ("Pekerja wajib coblos calon pilihan bos", "wajib coblos"),
], ids=["jangan-pilih-name", "two-word-name", "acronym", "paslon-01", "number-word",
        "incumbent", "one-round", "hashtag", "contest-word-then-name", "obliged"])
def test_a_call_to_vote_aimed_at_a_participant(text: str, words: str) -> None:
    assert ("partisan", words) in flagged(text)


@pytest.mark.parametrize("text", [
    "Ayo Pilih Sesuai Hati Nurani",  # title case: ordinary words, not a name
    "PILIH SESUAI HATI NURANI",
    "Datang ke TPS nomor 2 dan coblos surat suara",  # a polling station's number
    "Gunakan hak pilih Anda; cek DPT di cekdptonline.kpu.go.id",
    "Jangan golput! Satu suara menentukan masa depan Singkawang.",
    "Kenali calon anggota DPRD di infopemilu.kpu.go.id sebelum memilih.",
    "Pilih pemimpin yang jujur dan amanah, bukan karena uang.",
    "Pilpres selesai satu putaran bila pasangan calon meraih lebih dari 50 persen suara.",
], ids=["title-case", "capitals", "tps-number", "hak-pilih", "golput", "kenali", "advice",
        "one-round-rule"])
def test_the_neutral_voice_of_the_office_stays_clean(text: str) -> None:
    assert flagged(text) == []


# --- vote buying and election crimes ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Dapat 50rb per kepala kalau datang ke TPS dan foto surat suaranya",
    "NPWP: nomor piro wani piro. Suaramu jangan murah!",
    "Yang tidak pilih kami, bantuan desanya kami cabut",
    "Saksi sudah kami bayar, angka di rekap tinggal disesuaikan",
    "Bensin gratis untuk ojol yang mau arahkan penumpang pilih paslon kita",
    "Politik uang sudah biasa, ambil saja uangnya",
    "Datang ke TPS dua kali pakai baju beda, tidak ketahuan kok",
    "Kalau mau dapat jatah, foto dulu surat suaramu di bilik lalu kirim ke koordinator",
    "Kotak suara TPS 12 nanti malam kita tukar dengan yang sudah dicoblos",
], ids=["amount", "wani-piro", "threat", "recap", "gift", "endorsed", "twice", "photo",
        "box-swap"])
def test_vote_buying_and_election_crimes_are_errors(text: str) -> None:
    assert any(category in ("pidana-pemilu", "partisan") for category, _ in flagged(text))


@pytest.mark.parametrize("text", [
    "Menemukan amplop serangan fajar? Laporkan ke Bawaslu Kota Singkawang.",
    "Politik uang merusak demokrasi. Laporkan ke Bawaslu.",
    "Ajak keluargamu menolak amplop. Suara kita tidak untuk dijual.",
    "Uang transport petugas KPPS dicairkan hari Senin di kantor kelurahan.",
    "Bantuan sembako dari Dinas Sosial untuk korban banjir dibagikan di aula kelurahan.",
    "Jumlah pemilih Kota Singkawang 172 ribu orang di 640 TPS.",
    "Satu suara Anda berharga. Pastikan surat suara dicoblos di dalam bilik.",
    "NPWP adalah Nomor Pokok Wajib Pajak; lapor SPT Tahunan paling lambat 31 Maret.",
    "Honorarium anggota KPPS dibayarkan setelah penghitungan suara selesai.",
    "Pemilih dilarang memotret surat suara di bilik (PKPU 25/2023).",
], ids=["question-answered", "named-crime", "not-for-sale", "honorarium", "social-aid",
        "figures", "berharga", "tax-number", "paid-after-count", "photo-lesson"])
def test_lessons_and_ordinary_posts_about_money_stay_clean(text: str) -> None:
    assert flagged(text) == []


# --- chain messages and lessons about hoaxes --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sebarkan ke 10 grup, kalau tidak kartu pemilihmu hangus",
    "Mohon diteruskan: pemilih yang belum vaksin tidak boleh ke TPS",
    "Jangan sampai putus di kamu ya, kirim ke semua kontakmu",
    "Sumber terpercaya bilang server KPU sudah diretas",
    "Ini bukan hoaks! Surat suara sudah dicoblos, lihat videonya",
    "Katanya TPS pindah? Iya, cek aja grup sebelah",
], ids=["quota", "plea", "chain", "trusted-source", "not-a-hoax", "question-unanswered"])
def test_a_chain_message_is_an_error(text: str) -> None:
    assert "hoaks" in {category for category, _ in flagged(text)}


@pytest.mark.parametrize("text", [
    "Pesan yang mengaku info A1 atau dari orang dalam biasanya tidak bisa "
    "dipertanggungjawabkan.",
    "Viralkan informasi yang benar! Jadwal pemungutan suara sesuai PKPU 3/2022.",
    "Webinar literasi digital: mengapa kabar dari orang dalam mudah dipercaya?",
    "Info A1? Orang dalam? Tanyakan dulu: siapa sumbernya?",
    "Kabarnya Anda belum terdaftar? Segera cek di cekdptonline.kpu.go.id",
    "Kebocoran data pribadi dapat dilaporkan ke Komdigi.",
    "Katanya golput itu keren? Justru satu suaramu ikut menentukan masa depan kota.",
    "Pernah dapat pesan 'sebarkan ke 10 grup'? Itu ciri pesan berantai, abaikan saja.",
    "Kampanye anti politik uang: tolak amplop, laporkan pemberinya.",
], ids=["judged", "cited-source", "literacy", "questions-checked", "answer-with-link",
        "kebocoran", "rebutted", "single-quotes", "anti"])
def test_a_lesson_about_hoaxes_stays_clean(text: str) -> None:
    assert flagged(text) == []


def test_a_question_is_only_a_lesson_when_a_check_answers_it() -> None:
    lesson = Lesson(answers=(("cek",),))
    phrase = Phrase("katanya", "uji", "Uji", "dasar", pattern=Pattern.parse("katanya"),
                    sop="D.2", error=True, refutable=True)
    judged = [m.mentioned for text in ("Katanya TPS pindah? Cek di laman KPU.",
                                       "Katanya TPS pindah! Cek di laman KPU.",
                                       "Katanya TPS pindah? Iya.")
              for m in find_phrases(text, [phrase], lesson)]
    assert judged == [True, False, False]


# --- personal data ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "words"), [
    ("nik 6172 O405 0690 0007 tolong dicek", "nik", "6172 O405 0690 0007"),
    ("Kartu Keluarga no. 6172 0101 2008 0011 milik Pak Anton", "kk", "6172 0101 2008 0011"),
    ("Cek ya: no hp pak lurah 08 12 34 56 78 90", "phone", "08 12 34 56 78 90"),
    ("Alamat lengkap pemilih yang protes: Jalan Diponegoro No. 45, RT 002 RW 004",
     "address", "Jalan Diponegoro No. 45, RT 002 RW 004"),
    ("Rumah ketua KPPS yang curang ada di Jl. Merdeka Gg. Mawar No. 12 RT 03/RW 05",
     "address", "Jl. Merdeka Gg. Mawar No. 12 RT 03/RW 05"),
    ("Keluarga Pak Ahmad di Jl. Gunung Raya No. 88 ternyata pendukung paslon 02", "address",
     "Jl. Gunung Raya No. 88"),
], ids=["letter-o", "kk-called", "pairs", "alamat-whose", "rumah-far", "person-at"])
def test_personal_data_in_more_shapes(text: str, kind: str, words: str) -> None:
    assert [(p.kind, p.text) for p in find_personal_data(text)] == [(kind, words)]


@pytest.mark.parametrize("text", [
    "NIK 1234567890123456 hanyalah contoh urutan angka.",
    "TPS 05 di halaman SD Negeri 3, Jl. Alianyang No. 10 RT 01 RW 02.",
    "Rapat pleno di Hotel Mahkota, Jl. Diponegoro No. 1, pukul 09.00 WIB.",
    "Rapat dengan Bu Lurah di Jl. Ahmad Yani No. 3 pukul 10.00.",
    "Nomor registrasi berkas 2024-0001-0002-0003 untuk pendaftaran anggota PPK.",
    "TPS 12 berlokasi di halaman rumah warga, Gang Sentosa No. 4 RT 05 RW 02.",
    "Pusat layanan informasi KPU Kota Singkawang melayani pertanyaan melalui WhatsApp "
    "0812-3456-7890.",
], ids=["run-example", "polling-station", "hotel", "official-at-work", "registration",
        "tps-at-a-house",
        "service-desk-sentence"])
def test_examples_and_public_places_are_not_personal_data(text: str) -> None:
    assert find_personal_data(text) == []


# --- what the user reads ----------------------------------------------------------------------

def test_a_finding_names_the_words_the_clause_the_law_and_a_rewording(tmp_path: Path) -> None:
    shutil.copytree(CALENDAR, tmp_path / "calendar")
    write_post(tmp_path, "caption: |\n  Dapat 50rb per kepala kalau datang ke TPS\n")
    [(line, severity, message, _)] = findings(tmp_path, "content.forbidden")
    assert (line, severity) == (9, "error")
    assert "“50rb”" in message and "SOP D.4" in message
    assert "UU 7/2017 Pasal 515 dan 523" in message and "saran:" in message


@pytest.mark.parametrize(("text", "quoted"), [
    ("Pernah dapat pesan 'sebarkan ke 10 grup'? Itu ciri", ["'sebarkan ke 10 grup'"]),
    ("ajakan \u2018viralkan\u2019 saja", ["\u2018viralkan\u2019"]),
    ("Hari Jum'at dan Qur'an", []),  # apostrophes inside words quote nothing
], ids=["straight", "curly", "apostrophe"])
def test_single_quotes_mark_a_quotation(text: str, quoted: list[str]) -> None:
    assert [text[start:end] for start, end in quoted_spans(text)] == quoted
