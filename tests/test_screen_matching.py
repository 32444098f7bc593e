"""The pieces of the SOP D screen: inflections, letters written apart, cue words, the
structure of a lesson, personal data by shape, and the lists' own errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import findings, write_post
from kalender.text.education import Lesson
from kalender.text.letters import joined_runs
from kalender.text.personal_data import find_personal_data
from kalender.text.phrases import Pattern, Phrase, find_phrases
from kalender.text.wordforms import word_forms

ROOT = Path(__file__).resolve().parent.parent


def entry(text: str, cues: tuple[str, ...] = (), at_start: bool = False) -> Phrase:
    return Phrase(text, "uji", "Uji", "dasar uji", pattern=Pattern.parse(text, inflected=True),
                  sop="D.1", error=True, cues=tuple(Pattern.parse(c, inflected=True)
                                                    for c in cues), cue_at_start=at_start)


def found(text: str, *phrases: Phrase, lesson: Lesson | None = None) -> list[str]:
    return [m.text for m in find_phrases(text, phrases, lesson) if not m.mentioned]


# --- inflections -----------------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "pukuli", "dipukuli", "memukuli", "pukulilah", "pukulin", "memukulinya", "dipukulinya",
], ids=lambda w: w)
def test_one_entry_catches_its_inflections(written: str) -> None:
    assert "pukuli" in word_forms(written)


@pytest.mark.parametrize(("written", "root"), [
    ("menyerbu", "serbu"), ("menusuk", "tusuk"), ("mengeroyok", "keroyok"),
    ("menghajar", "hajar"), ("membakar", "bakar"), ("melempari", "lempari"),
    ("pengebom", "bom"), ("penyesat", "sesat"), ("menggeruduk", "geruduk"),
    ("diviralkan", "viral"), ("disebarluaskan", "sebarluaskan"), ("terpancing", "pancing"),
    ("berjihad", "jihad"), ("gebukin", "gebuk"), ("suaramu", "suara"),
], ids=lambda w: w)
def test_prefixes_with_nasal_assimilation_and_suffixes_come_off(written: str, root: str) -> None:
    assert root in word_forms(written)


@pytest.mark.parametrize(("text", "entry_text"), [
    ("Jadwal: pukul 07.00", "pukuli"),  # the hour is not a beating
    ("waktu sudah habis", "habisi"),
    ("kerja keras petugas", "ras"),  # ke-ras: a stripped root of three letters is noise
    ("Program Kampung Demokrasi", "kampungan"),
], ids=["hour", "used-up", "keras", "kampung"])
def test_a_less_inflected_word_does_not_match_a_more_specific_entry(
        text: str, entry_text: str) -> None:
    assert found(text, entry(entry_text)) == []


# --- letters written apart -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "joined"), [
    ("P u k u l i saja", "Pukuli"), ("h.a.j.a.r", "hajar"), ("c-o-k-i-n", "cokin"),
    ("kota ci.na", "cina"), ("k*parat", "k?parat"), ("b o m b u n u h d i r i", "bombunuhdiri"),
], ids=["spaces", "dots", "hyphens", "one-dot", "star", "phrase"])
def test_letters_written_apart_are_joined(text: str, joined: str) -> None:
    assert [r.raw for r in joined_runs(text)] == [joined]


@pytest.mark.parametrize("text", ["rame-rame", "bagi-bagi", "Jl. Kurnia No. 7", "1.024 TPS"])
def test_ordinary_hyphens_and_dots_are_not_joined(text: str) -> None:
    assert joined_runs(text) == []


def test_a_phrase_written_apart_is_found_with_its_span() -> None:
    text = "Ingat: b o m b u n u h d i r i itu"
    assert found(text, entry("bom bunuh diri")) == ["b o m b u n u h d i r i"]


def test_a_starred_letter_stands_for_one_letter() -> None:
    assert found("memang k*parat semua", entry("keparat")) == ["k*parat"]
    assert found("memang k*parat semua", entry("kiparat"), entry("parah")) == ["k*parat"]
    assert found("k*", entry("keparat")) == []


# --- cue words -------------------------------------------------------------------------------

def test_an_entry_with_cues_needs_one_in_its_sentence() -> None:
    bakar = entry("bakar", cues=("saja", "layak"))
    assert found("Kantor itu layak dibakar.", bakar) == ["dibakar"]
    assert found("Surat suara sisa dibakar. Itu layak.", bakar) == []


def test_a_negated_cue_does_not_count() -> None:
    teroris = entry("teroris", cues=("pahlawan",))
    assert found("Teroris itu pahlawan", teroris) == ["Teroris"]
    assert found("Teroris bukan pahlawan", teroris) == []


def test_an_imperative_at_the_start_of_a_clause_is_enough() -> None:
    hajar = entry("hajar", cues=("saja",), at_start=True)
    assert found("Hajar mereka!", hajar) == ["Hajar"]
    assert found("Kalau curang, hajar mereka", hajar) == ["hajar"]
    assert found("Polisi menghajar pencuri", hajar) == []


# --- the structure of a lesson ----------------------------------------------------------------

LESSON = Lesson(negators=frozenset({"jangan", "tolak", "cegah"}), idioms=frozenset({"mau"}),
                close_negators=frozenset({"tidak", "bukan"}),
                legal=(("pasal",), ("larang",), ("pidana",)),
                refutation=(("tidak", "benar"), ("hoaks",)), not_refuting=frozenset({"bukan"}))


@pytest.mark.parametrize(("text", "taught"), [
    ("Tolak serangan fajar!", True),
    ("Bawaslu mencegah serangan fajar.", True),  # mencegah: cegah, through its prefix
    ("Serangan fajar dilarang.", True),  # a legal word after it, same sentence
    ("Serangan fajar diancam pidana (Pasal 523 UU 7/2017).", True),
    ("Serangan fajar. PKPU 15/2023 mengaturnya.", False),  # another sentence
    ("Menemukan serangan fajar? Laporkan ke Bawaslu, pasal 523.", True),  # answered by law
    ("Ada serangan fajar! Laporkan ke Bawaslu, pasal 523.", False),  # not a question
    ("Besok ada serangan fajar.", False),
    ("Jangan mau ketinggalan serangan fajar.", False),  # "jangan mau": persuasion
    ("Tidak semua warga tahu, besok ada serangan fajar.", False),  # "tidak" is far away
], ids=["tolak", "mencegah", "dilarang", "pasal", "other-sentence", "question-answered",
        "exclaimed", "plain", "jangan-mau", "far-tidak"])
def test_a_match_in_a_lesson_is_only_mentioned(text: str, taught: bool) -> None:
    matches = find_phrases(text, [entry("serangan fajar")], LESSON)
    assert [m.mentioned for m in matches] == [taught]


def test_a_cited_legal_product_makes_its_sentence_a_lesson() -> None:
    text = "Bahan kampanye berupa uang dibagikan sesuai Peraturan KPU Nomor 15 Tahun 2023."
    matches = find_phrases(text, [entry("uang", cues=("dibagikan",))], Lesson())
    assert [m.mentioned for m in matches] == [True]


def test_a_refutation_in_the_caption_teaches_only_lists_that_allow_it() -> None:
    rumour = Phrase("katanya", "hoaks", "Uji", "uji", pattern=Pattern.parse("katanya", True),
                    sop="D.2", error=True, refutable=True)
    assert [m.mentioned for m in find_phrases(
        "Katanya TPS pindah. Itu tidak benar.", [rumour], LESSON)] == [True]
    assert [m.mentioned for m in find_phrases(
        "Katanya TPS pindah. Ini bukan hoaks!", [rumour], LESSON)] == [False]


# --- personal data ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "written"), [
    ("NIK 6172031204850003 belum terdaftar", "nik", "6172031204850003"),
    ("NIK: 6172 0354 1090 0002.", "nik", "6172 0354 1090 0002"),
    ("nomor KK 6172.0101.0101.0001", "kk", "6172.0101.0101.0001"),
    ("hubungi 0812-5566-7788", "phone", "0812-5566-7788"),
    ("WA +62 857 1234 5678 ya", "phone", "+62 857 1234 5678"),
    ("rumahnya di Jl. Kurnia Gg. Melati No. 7 RT 02/RW 05",
     "address", "Jl. Kurnia Gg. Melati No. 7 RT 02/RW 05"),
    ("tinggal di Perumahan Bukit Indah Blok C-12", "address", "Perumahan Bukit Indah Blok C-12"),
], ids=["nik", "nik-groups", "kk", "mobile", "mobile-62", "address", "blok"])
def test_personal_data_by_shape(text: str, kind: str, written: str) -> None:
    assert [(p.kind, p.text) for p in find_personal_data(text)] == [(kind, written)]


@pytest.mark.parametrize("text", [
    "Contoh: 6172XXXXXXXXXXXX", "Layanan (0562) 631234", "Call center 1500-105",
    "Rekapitulasi: 178.236 pemilih, 1.024 TPS", "Keputusan Nomor 1234/PL.01.2-Kpt/6172/2023",
    "TPS 05 di halaman SDN 12, Jl. Sejahtera No. 3", "Nomor 12345678901234567 (17 angka)",
    "Rumah Pintar Pemilu KPU di Jl. Pahlawan No. 5 buka setiap hari",
    "Layanan pengaduan KPU via WhatsApp 0811-5678-999",
], ids=["template", "landline", "short", "counts", "decision-number", "polling-station", "17",
        "rumah-pintar-pemilu", "service-desk"])
def test_numbers_and_addresses_that_are_not_personal(text: str) -> None:
    assert find_personal_data(text) == []


@pytest.mark.parametrize(("text", "written"), [
    ("Telp rumahnya Pak Ahmad (0562) 631234", "(0562) 631234"),
    ("Ini nomor rumahnye Bu Siti 0561-742210, telpon aja", "0561-742210"),
], ids=["home-landline", "home-landline-nye"])
def test_a_landline_called_a_persons_home_number_is_personal(text: str, written: str) -> None:
    assert [(p.kind, p.text) for p in find_personal_data(text)] == [("phone", written)]


@pytest.mark.parametrize("text", [
    "Kantor KPU Kota Singkawang, telepon (0562) 631234",
    "Rumah Pintar Pemilu: hubungi Bu Ani di (0562) 631234",
], ids=["office", "rumah-pintar-pemilu"])
def test_an_office_landline_stays_an_office_number(text: str) -> None:
    assert find_personal_data(text) == []


def test_the_office_own_contacts_are_not_personal() -> None:
    assert find_personal_data("WA kantor 0812-0000-1234", ["0812 0000 1234"]) == []


# --- the lists' own errors -------------------------------------------------------------------

def test_an_entry_without_sop_clause_or_with_an_unknown_cue_list_names_its_line(
        repo: Path) -> None:
    (repo / "calendar" / "terlarang" / "uji.yml").write_text(
        "label: Uji\ncues:\n  ajak: [ayo]\nphrases:\n"
        "  - text: satu\n    dasar: uji\n"
        "  - text: dua\n    dasar: uji\n    sop: D.9\n"
        "  - text: tiga\n    dasar: uji\n    sop: D.1\n    with: hasut\n", encoding="utf-8")
    write_post(repo, "caption: |\n  Rapi.\n")
    assert findings(repo, "content.list_bad_sop", "content.list_unknown_cue") == [
        (5, "error", "'sop': diharapkan butir SOP D.1, D.2, D.3 atau D.4 (pada entri atau di "
         "awal berkas), ditemukan '-'.", None),
        (7, "error", "'sop': diharapkan butir SOP D.1, D.2, D.3 atau D.4 (pada entri atau di "
         "awal berkas), ditemukan 'D.9'.", None),
        (10, "error", "'with': daftar penanda 'hasut' tidak ada di `cues` berkas ini; yang ada: "
         "ajak.", None),
    ]


# --- more spellings, exceptions, unlisted contestants ----------------------------------------

@pytest.mark.parametrize("text", ["b@bi", "b\u0430bi", "ba bi", "b a b i", "BABIII"],
                         ids=["at-sign", "cyrillic-a", "cut", "spaced", "shouted"])
def test_symbols_lookalikes_and_cut_words_read_as_the_word(text: str) -> None:
    assert found(f"Petugas itu {text}", entry("babi")) == [text]


def test_a_word_cut_in_two_is_compared_as_written() -> None:
    assert found("kabar di grup sebelah", entry("grup sebelah")) == ["grup sebelah"]
    assert found("bu nuh saja", entry("bunuh")) == ["bu nuh"]


def test_an_exception_written_in_the_list_cancels_the_entry(repo: Path) -> None:
    write_post(repo, "caption: |\n  Ayo bakar semangat relawan! Ayo bakar posko mereka!\n")
    assert [f[2].split("”")[0] for f in findings(repo, "content.forbidden")] == [
        "Instagram: “bakar"]
    assert findings(repo, "content.forbidden")[0][2].startswith(
        "Instagram: “bakar” bersama “Ayo” melanggar SOP D.1")


@pytest.mark.parametrize(("text", "words"), [
    ("Coblos Partai Maju Jaya!", "Partai Maju"),
    ("Ayo dukung paslon nomor urut 30", "nomor urut 30"),
], ids=["party-name", "ballot-number"])
def test_a_contestant_not_on_the_office_list_is_partisan_too(
        repo: Path, text: str, words: str) -> None:
    write_post(repo, f"caption: |\n  {text}\n")
    assert [f[2].split("”")[0] for f in findings(repo, "content.partisan")] == [
        f"Instagram: “{words}"]


@pytest.mark.parametrize("text", [
    "Partai politik peserta Pemilu wajib melapor; pilih dengan bijak.",
    "Pilih Partai Politik yang programnya jelas.",
    "Pemilu 2024 diikuti nomor urut 1 sampai 24 (Keputusan KPU Nomor 519 Tahun 2022).",
], ids=["lower-case", "title-case", "cited"])
def test_parties_in_general_are_not_a_contestant(repo: Path, text: str) -> None:
    write_post(repo, f"caption: |\n  {text}\n")
    assert findings(repo, "content.partisan") == []


@pytest.mark.parametrize(("text", "kind", "written"), [
    ("email pribadinya budi.s@gmail.com", "email", "budi.s@gmail.com"),
    ("transfer ke rekening BCA 1234567890", "account", "1234567890"),
    ("Nurhayati, lahir 15-07-1980", "birth", "15-07-1980"),
], ids=["free-mail", "bank-account", "birth-date"])
def test_more_personal_data_by_shape(text: str, kind: str, written: str) -> None:
    assert [(p.kind, p.text) for p in find_personal_data(text)] == [(kind, written)]


@pytest.mark.parametrize("text", [
    "Surel layanan: humas@kpu.go.id", "Hari Lahir Pancasila, 1 Juni 1945",
    "Contoh format NIK: 6172 0000 0000 0000", "NIK 9972031204850003 (kode provinsi 99)",
], ids=["office-mail", "birthday-of-a-state", "made-up-nik", "no-province"])
def test_shapes_that_are_not_personal_data(text: str) -> None:
    assert find_personal_data(text) == []


@pytest.mark.parametrize(("written", "root"), [
    ("nyoblos", "coblos"), ("ngebom", "bom"), ("nyerang", "serang"),
], ids=lambda w: w)
def test_the_colloquial_nasal_prefix_comes_off(written: str, root: str) -> None:
    assert root in word_forms(written)


def test_a_hoax_marker_in_a_sentence_with_a_legal_word_is_still_a_hoax(repo: Path) -> None:
    write_post(repo, "caption: |\n  Katanya pemilih tanpa e-KTP dilarang mencoblos.\n")
    assert [f[2].split("”")[0] for f in findings(repo, "content.forbidden")] == [
        "Instagram: “Katanya"]


def test_a_hoax_marker_next_to_an_official_source_is_a_lesson(repo: Path) -> None:
    write_post(repo, "caption: |\n  Viralkan informasi resmi dari kanal KPU.\n")
    assert findings(repo, "content.forbidden") == []


@pytest.mark.parametrize("text", [
    "Kami tidak segan menghabisi siapa pun yang menghalangi.",  # not shy: no negation
    "Kebocoran data pribadi dapat dilaporkan.",
    "Menghabisi waktu luang dengan membaca produk hukum.",
], ids=["tidak-segan", "kebocoran", "menghabisi-waktu"])
def test_idioms_and_exceptions(repo: Path, text: str) -> None:
    write_post(repo, f"caption: |\n  {text}\n")
    expected = 1 if "segan" in text else 0
    assert len(findings(repo, "content.forbidden")) == expected


def test_a_noun_is_not_an_imperative() -> None:
    tembak = entry("tembak", cues=("saja",), at_start=True)
    assert found("Tembak mereka!", tembak) == ["Tembak"]
    assert found("Tembakan salvo memeriahkan upacara.", tembak) == []


def test_an_exclamation_mark_inside_a_word_is_a_letter() -> None:
    assert found("Wali kota anj!ng", entry("anjing")) == ["anj!ng"]


@pytest.mark.parametrize(("text", "found_words"), [
    ("Dukung Bang Joni untuk DPRD!", ["Bang Joni"]),
    ("Pak Hendrawan caleg terbaik, coblos dia!", ["Pak Hendrawan"]),
    ("Pak Riko menyerahkan piagam penghargaan terbaik.", []),  # praise of a person named
    ("Terima kasih Pak Lurah, dukung terus Pemilu damai.", []),  # a title, not a name
], ids=["campaign-verb", "verb-and-praise", "praise-only", "title"])
def test_a_person_addressed_by_name_near_a_campaign_verb(
        repo: Path, text: str, found_words: list[str]) -> None:
    write_post(repo, f"caption: |\n  {text}\n")
    assert [f[2].split("”")[0].split("“")[1] for f in findings(repo, "content.partisan")] == (
        found_words)


@pytest.mark.parametrize(("text", "flagged"), [
    ("Pemilu ditunda hanya dalam keadaan tertentu (Pasal 431 UU 7/2017).", False),
    ("Katanya pemilu ditunda, yang datang ke TPS didenda.", True),
], ids=["cited-basis", "chain-message"])
def test_a_hoax_marker_is_a_lesson_beside_a_cited_basis_only(
        repo: Path, text: str, flagged: bool) -> None:
    write_post(repo, f"caption: |\n  {text}\n")
    assert bool(findings(repo, "content.forbidden")) is flagged
