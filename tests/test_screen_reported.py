"""Public conversations that pass a breach on to the people who deal with it (round screen-o,
docs/riwayat/aturan-isi.md "Putaran screen-o"): a citizen who quotes the chain message they received
(*dapat pesan '...'*) and one who asks that a threat be forwarded to the authorities are
reporting, not spreading. The chain message itself, and forwarding to every group, stay
errors. And the envelope of a wedding invitation is not an envelope of money for a vote.
Every sentence here was written for this test."""

from __future__ import annotations

from contentposts import CALENDAR, screen_errors
from kalender.rules.screen import screen


def rules_findings(text: str) -> set[str]:
    """The categories of every finding of the word rules alone, warnings included."""
    return {f.category for f in screen(text, CALENDAR, learned=False)}


def test_a_chain_message_quoted_as_received_is_reported_not_spread() -> None:
    assert rules_findings("Tadi pagi saya dapat pesan 'sebarkan ke semua grup sebelum dihapus' "
                          "soal TPS pindah, admin tolong cek ya.") == set()
    assert rules_findings("Ibu saya menerima pesan \"sebarkan sebelum dihapus\" tentang "
                          "e-KTP yang kedaluwarsa. Benar tidak, min?") == set()


def test_forwarding_to_the_authorities_is_not_a_chain_message() -> None:
    assert rules_findings("Ada akun yang mengancam petugas PPS di kolom komentar. Tolong "
                          "diteruskan ke pihak berwenang, min.") == set()
    assert rules_findings("Mohon tangkapan layar ini segera diteruskan ke yg berwenang.") \
        == set()


def test_the_chain_message_itself_stays_an_error() -> None:
    assert "hoaks" in screen_errors("Pesan penting: sebarkan sebelum dihapus, TPS pindah "
                                    "besok!", learned=False)
    assert "hoaks" in screen_errors("Tolong segera diteruskan ke semua grup sebelum dihapus "
                                    "pihak berwenang!", learned=False)


def test_a_wedding_invitation_envelope_is_no_vote_buying() -> None:
    assert rules_findings("Besok ada amplop kondangan tetangga, pas hari pencoblosan pula. "
                          "Boleh nyoblos pagi-pagi?") == set()
    assert rules_findings("Amplop undangan pernikahan adik saya sudah dibagi, acaranya sehari "
                          "sebelum pemungutan suara.") == set()
    assert "pidana-pemilu" in screen_errors("Bagi-bagi amplop ke warga malam sebelum "
                                            "pencoblosan ya.", learned=False)
    assert "pidana-pemilu" in screen_errors("Nanti ada amplop buat yang mau nyoblos Pak Budi.",
                                            learned=False)
