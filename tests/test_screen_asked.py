"""A question asking what a word means (round screen-p, docs/riwayat/aturan-isi.md "Putaran
screen-p"): *X itu apa?*, *X ape tu?*, and a quiz that asks it with options. The word is
asked about, not used. A question that asks something else of the same word (*jam
berapa?*), and an offer after the question, stay errors. Every sentence here was written for
this test."""

from __future__ import annotations

import pytest

from contentposts import screen_categories, screen_errors


@pytest.mark.parametrize("text", [
    "Min, serangan fajar itu apa sebenarnya? Dari kemarin ramai dibahas di warung.",
    "Tebak-tebakan pagi: apa yang dimaksud dengan serangan fajar? A. Olahraga subuh "
    "B. Memberi uang kepada pemilih supaya memilih calon tertentu C. Sarapan bersama.",
], ids=["what-is-it", "quiz-with-options"])
def test_a_question_about_what_a_word_means_is_clean(text: str) -> None:
    assert screen_categories(text) == set()


@pytest.mark.parametrize("text", [
    "Serangan fajar jam berapa besok? Amplopnya 100 ribu, coblos nomor 4.",
    "Serangan fajar itu apa? Rezeki, ambil saja amplopnya lalu coblos nomor 4.",
], ids=["asks-when", "answered-with-an-offer"])
def test_an_offer_around_the_question_stays_an_error(text: str) -> None:
    assert "pidana-pemilu" in screen_errors(text)


def test_the_question_of_a_qa_answered_by_the_law_is_clean() -> None:
    assert screen_categories("Tanya: Tetangga saya dijanjikan uang 100 ribu kalau mencoblos calon "
                    "tertentu. Bagaimana sikap kami? Jawab: Tolak dan laporkan ke Bawaslu, "
                    "pemberinya dapat dipidana.") == set()


def test_a_qa_whose_answer_offers_stays_an_error() -> None:
    assert "pidana-pemilu" in screen_errors("Tanya: Ada uang buat yang mau coblos nomor 4? "
                                            "Jawab: Ada dong, amplopnya 100 ribu per kepala.",
                                            learned=False)
