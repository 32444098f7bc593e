"""Informal refusal, reporting and condolence read as a lesson (round screen-m,
docs/riwayat/aturan-isi.md "Putaran screen-m"): *langsung lapor ke polisi*, *jangan asal percaya*,
*ternyate salah*, *semoga korban cepat pulih*; a refused report (*jangan lapor*) or a denied
refutation (*bukan hoaks*) is still a breach."""

from __future__ import annotations

from contentposts import screen_errors


def test_an_informal_call_to_report_makes_the_sentence_a_lesson() -> None:
    reported = "Kalau nemu akun ngajak amaliyah, langsung lapor ke polisi ya 🚨"
    assert screen_errors(reported, learned=False) == set()


def test_a_refused_report_is_no_lesson() -> None:
    refused = "Grup kita ngajak amaliyah minggu depan, ikut aja, gak usah lapor ke polisi 🚨"
    assert "terorisme" in screen_errors(refused, learned=False)


def test_condolence_for_the_victims_is_not_praise() -> None:
    assert screen_errors("Serem bgt berita bom kemarin, semoga korban cepat pulih 😢",
                         learned=False) == set()
    assert "terorisme" in screen_errors("Mantap berita bom kemarin, salut sama pelakunya 🔥",
                                        learned=False)


def test_an_informal_refutation_clears_a_rumour_and_a_denied_one_does_not() -> None:
    assert screen_errors("Kata siapa pemilu diundur? Jangan asal percaya 🤔",
                         learned=False) == set()
    assert "hoaks" in screen_errors("Pemilu diundur, bukan hoaks, ini fakta! Sebarkan!",
                                    learned=False)
