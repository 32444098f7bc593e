"""News said to be hidden (round screen-p, docs/riwayat/aturan-isi.md "Putaran screen-p"): a claim
that the news is covered up (*belum ada beritanya karena ditutup-tutupi*) is a mark of a chain
message. Saying nothing is covered up, or quoting such a message to teach about it, is
clean. Every sentence here was written for this test."""

from __future__ import annotations

from contentposts import CALENDAR, screen_errors
from kalender.rules.screen import screen


def rule_findings(text: str) -> set[str]:
    """The categories of every finding of the word rules on ``text``, warnings included."""
    return {f.category for f in screen(text, CALENDAR, learned=False)}


def test_a_claim_that_the_news_is_covered_up_is_an_error() -> None:
    assert "hoaks" in screen_errors("Bendahara PPK kabur bawa dana honor, tapi kasusnya "
                                    "ditutup-tutupi sama kantor.", learned=False)
    assert "hoaks" in screen_errors("Sudah tiga TPS kebanjiran surat suara palsu, televisi "
                                    "pasti menutupi semuanya.", learned=False)


def test_denying_a_cover_up_or_quoting_one_is_clean() -> None:
    assert rule_findings("Tidak ada yang ditutup-tutupi: hasil rekap tiap TPS bisa dilihat "
                         "warga.") == set()
    assert rule_findings("Pernah terima pesan 'beritanya ditutup-tutupi media'? Cek dulu "
                         "di laman JDIH.") == set()
