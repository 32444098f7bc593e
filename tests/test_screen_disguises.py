"""Words disguised to slip past the SOP D screen, and everyday words that look like them:
vowels left out (``gblk``), a word in two pieces (``bang sat``), an exclamation on its own
(``Anjing!``), ``rame2``, ``9oblok``, and the hour (``pukul 13.00``) that is not a blow."""

from __future__ import annotations

from pathlib import Path

import pytest

from kalender.rules.lists import content_lists
from kalender.rules.screen import screen
from kalender.text.abbreviations import shortens
from kalender.text.phrases import Pattern, Phrase, find_phrases, words

CALENDAR = Path(__file__).resolve().parent.parent / "calendar"


def entry(text: str, shortened: bool = False, alone: bool = False,
          exceptions: tuple[str, ...] = (), cues: tuple[str, ...] = ()) -> Phrase:
    return Phrase(text, "uji", "Uji", "dasar uji", sop="D.3", error=True,
                  pattern=Pattern.parse(text, inflected=True, shortened=shortened),
                  cue_alone=alone, exceptions=tuple(Pattern.parse(e) for e in exceptions),
                  cues=tuple(Pattern.parse(c, inflected=True) for c in cues))


def found(text: str, *phrases: Phrase) -> list[str]:
    return [m.text for m in find_phrases(text, phrases) if not m.mentioned]


@pytest.mark.parametrize(("written", "full"), [
    ("gblk", "goblok"), ("kntl", "kontol"), ("tlol", "tolol"), ("brngsk", "brengsek"),
    ("bngsat", "bangsat"), ("jnck", "jancok"), ("bgst", "bangsat"), ("anjg", "anjing"),
], ids=lambda w: w)
def test_a_word_without_its_vowels_is_the_entry(written: str, full: str) -> None:
    assert shortens(written, full)
    assert found(f"Ketua panitia {written} sekali", entry(full, shortened=True)) == [written]


@pytest.mark.parametrize(("written", "full"), [
    ("stan", "setan"),  # a word of its own
    ("pemerintah", "perek"),  # an inflected word: pe-rintah
    ("dng", "dungu"),  # too short: dng is "dengan"
    ("bgs", "bangsat"),  # too short
], ids=lambda w: w)
def test_a_word_that_only_looks_shortened_is_not(written: str, full: str) -> None:
    assert found(f"Di {written} itu", entry(full, shortened=True)) == []


def test_only_a_list_that_asks_for_it_reads_shortened_words() -> None:
    assert found("Dasar gblk", entry("goblok")) == []


def test_a_word_written_in_two_pieces_is_the_entry() -> None:
    assert found("Dasar bang sat kalian", entry("bangsat", shortened=True)) == ["bang sat"]
    assert found("Gudang di Jalan Bang Salim", entry("bangsat", shortened=True)) == []


def test_an_exclamation_on_its_own_is_enough_for_an_entry_that_asks_for_it() -> None:
    anjing = entry("anjing", alone=True, cues=("kamu",))
    assert found("Anjing! Surat suaraku salah cetak", anjing) == ["Anjing"]
    assert found("Anjing, TPS-nya pindah lagi", anjing) == ["Anjing"]
    assert found("Anjing pelacak menyisir gudang logistik", anjing) == []


def test_a_number_in_an_exception_is_any_number() -> None:
    pukul = entry("pukul", cues=("harus",), exceptions=("pukul #",))
    assert found("Pemilih harus datang sebelum pukul 13.00", pukul) == []
    assert found("Dia harus dipukul", pukul) == ["dipukul"]


def test_a_word_ending_in_two_is_said_twice_and_8_9_are_letters() -> None:
    assert [w.norm for w in words("rame2 9oblok 8angsat")] == [
        "rame", "rame", "goblok", "bangsat"]


@pytest.mark.parametrize(("text", "category"), [
    ("Gblk emang panitianya.", "hinaan"),
    ("Bawaslu mandul, diam aja lihat kecurangan.", "hinaan"),
    ("Darahnya halal, siapa pun yang menemukannya silakan eksekusi", "kekerasan"),
    ("Dukung JAD, mereka pejuang sejati umat.", "terorisme"),
    ("Kaum onta bikin rusuh terus tiap pemilu.", "sara"),
], ids=lambda t: t[:24])
def test_the_lists_find_disguised_and_structural_breaches(text: str, category: str) -> None:
    assert category in {flag.category for flag in screen(text, CALENDAR)}


@pytest.mark.parametrize("text", [
    "Pemilih harus datang ke TPS sebelum pukul 13.00 WIB.",
    "Anjing pelacak dikerahkan polisi untuk mengamankan gudang logistik.",
    "Bank sampah KPU mengolah kertas bekas surat suara latihan.",
    "Bom bunuh diri bukan jihad; agama mana pun menolak kekerasan.",
    "Surat suara rusak harus dimusnahkan dengan cara dibakar.",
    "Jangan mau dibodohi hoaks, cek faktanya di situs KPU.",
    "Pemilih membawa KTP-el ke TPS.",
], ids=lambda t: t[:24])
def test_everyday_words_that_look_like_the_lists_pass(text: str) -> None:
    assert content_lists(CALENDAR).phrases
    assert screen(text, CALENDAR) == []


def test_a_word_alone_in_quotation_marks_is_used_not_quoted() -> None:
    bomb = entry("amaliyah")
    assert found('Para "amaliyah" itu contoh bagi kita', bomb) == ["amaliyah"]
    assert found('Dia menulis "amaliyah di pos polisi", lalu ditangkap', bomb) == []


def test_an_imperative_may_follow_words_of_time_at_the_start_of_a_clause() -> None:
    kepung = Phrase("kepung", "uji", "Uji", "dasar uji", sop="D.1", error=True,
                    pattern=Pattern.parse("kepung", inflected=True), cue_at_start=True)
    assert found("Pasukan, besok pagi kepung rumah ketua PPK!", kepung) == ["kepung"]
    assert found("Warga besok pagi kepung lapangan", kepung) == []  # a subject first


def test_a_quoted_word_after_a_word_of_naming_is_talked_about() -> None:
    stupid = entry("bodoh")
    assert found('Kata "bodoh" menyakiti petugas', stupid) == []
    assert found("Kata 'bodoh' menyakiti petugas", stupid) == []
    assert found("Shalat Jum'at, lalu dia bodoh sekali", stupid) == ["bodoh"]
