"""A private person's home address in an office draft that also names a polling station (round
screen-o, docs/riwayat/aturan-isi.md "Putaran screen-o"): *tinggal di Jl. ...* right before the
street says someone lives there, whatever TPS the sentence names; the address of the polling station
itself stays public. Every sentence here was written for this test."""

from __future__ import annotations

from contentposts import CALENDAR, screen_errors
from kalender.rules.screen import screen


def rules_findings(text: str) -> set[str]:
    """The categories of every finding of the word rules alone, warnings included."""
    return {f.category for f in screen(text, CALENDAR, learned=False)}


def test_a_home_named_as_lived_in_is_personal_data_even_beside_a_polling_station() -> None:
    assert "data-pribadi" in screen_errors(
        "Saksi yang melapor kecurangan di TPS 4 adalah Sdr. Budi, tinggal di Gg. Mawar No. 12, "
        "Singkawang Tengah.", learned=False)
    assert "data-pribadi" in screen_errors(
        "Pelapor kasus TPS 9 itu rumahnya di Jl. Kenari No. 21 ya, kalau mau didatangi.",
        learned=False)


def test_the_polling_station_address_stays_public() -> None:
    assert rules_findings("TPS 12 berada di halaman rumah warga, Gang Melati No. 5, "
                          "Singkawang.") == set()
    assert rules_findings("TPS 3 ada di Jl. Pahlawan No. 8, dekat tempat tinggal Pak RT.") \
        == set()
