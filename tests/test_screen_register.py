"""Clean comments in everyday and West-Kalimantan Malay register, and breaches hidden in
announcements (round screen-n, docs/riwayat/aturan-isi.md "Putaran screen-n"): the writer who calls
themself a fool, praise ending in *Lanjutkan!*, a curt refusal of vote buying after the offer,
asking the admin to remove a comment, *pukul berape*; rumours opened with *katenye*, an
election annulled by hearsay, money for attending a campaign, fraud taught *supaya tidak
ketahuan*; and the learned layer, which no longer weighs words of grammar and register.
Every sentence here was written for this test."""

from __future__ import annotations

import json

from contentposts import CALENDAR, screen_errors
from kalender.rules.learned import MODEL_FILE
from kalender.rules.learnedtrain import plain_features
from kalender.rules.screen import screen


def rules_findings(text: str) -> set[str]:
    """The categories of every finding of the word rules alone, warnings included."""
    return {f.category for f in screen(text, CALENDAR, learned=False)}


def test_the_writer_calling_themself_a_fool_insults_nobody() -> None:
    assert rules_findings("Waduh, aku yang bodoh, salah baca tanggal sidangnya. Maaf ya min!") \
        == set()
    assert rules_findings("Kamek ni memang bodoh soal aplikasi, tolong ajarin cek DPT.") == set()
    assert "hinaan" in screen_errors("Gue bilang kalian bodoh semua.", learned=False)
    assert "hinaan" in screen_errors("Saya bilang, bodoh!", learned=False)


def test_lanjutkan_is_a_campaign_call_only_near_a_participant_or_an_election_act() -> None:
    assert rules_findings("Admin, materinya jelas dan rapi sekali. Lanjutkan!") == set()
    assert "partisan" in screen_errors("Lanjutkan dua periode!", learned=False)


def test_a_curt_refusal_after_the_offer_makes_it_a_lesson() -> None:
    refused = ("Kate nenek kamek, amplop serangan fajar tu cume habis sehari, rugi lime tahun. "
               "Tak usah terime!")
    assert rules_findings(refused) == set()
    conditional = ("Ada amplop serangan fajar dari tim kami malam ini, 100 ribu per kepala. "
                   "Jangan diambil kalau belum coblos nomor 2.")
    assert "pidana-pemilu" in screen_errors(conditional, learned=False)


def test_asking_the_admin_to_remove_a_comment_protects_the_data() -> None:
    assert rules_findings("Kak admin, mohon hapus komentar yang nyebar foto KTP tetangga saya "
                          "ya.") == set()
    assert "data-pribadi" in screen_errors(
        "Screenshot KTP warga yang protes kami lampirkan, biar semua tahu.", learned=False)


def test_pukul_asking_the_time_is_no_violence() -> None:
    # (the rules only: the layer still weighs "pukul" as violence here; docs, "Yang belum")
    assert rules_findings("Pukul berapa kita harus kumpul rame-rame di TPS, bang?") == set()
    assert "kekerasan" in screen_errors("Pukul saja petugasnya rame-rame!", learned=False)


def test_malay_hearsay_and_an_annulled_election_are_hoax_markers() -> None:
    assert "hoaks" in screen_errors(
        "Katenye KTP yang hilang bise dipakai orang lain nyoblos, percaye lah.", learned=False)
    assert "hoaks" in screen_errors("Berita gembira: MK sudah membatalkan pemilu di Sambas, "
                                    "semua harus coblos ulang tahun depan.", learned=False)


def test_money_for_attending_a_campaign_is_vote_buying() -> None:
    announced = ("Rapat umum Sabtu pagi di alun-alun. Warga yang hadir di kampanye Partai Maju "
                 "Sejahtera dapat uang makan Rp50.000.")
    assert "pidana-pemilu" in screen_errors(announced, learned=False)


def test_fraud_taught_so_that_nobody_notices_is_an_election_crime() -> None:
    taught = ("Di video menit ke-8 ditunjukkan cara mengganti angka di lembar hasil sebelum "
              "difoto supaya selisih suara tidak ketahuan.")
    assert "pidana-pemilu" in screen_errors(taught, learned=False)
    warned = ("Jangan kira kecurangan suara tidak ketahuan: saksi memotret formulir C hasil di "
              "setiap TPS.")
    assert rules_findings(warned) == set()


def test_the_layer_weighs_no_word_of_grammar_or_register() -> None:
    plain = plain_features()
    assert {"w:tak", "w:lah", "w:gue", "w:kamek", "w:bise"} <= plain
    weights = json.loads((CALENDAR / MODEL_FILE).read_text(encoding="utf-8"))["weights"]
    assert not plain & set(weights)
    assert "b:jangan pilih" in weights  # pairs with such a word are still weighed
