"""A writer who tells of an offer they turned down or reported (round screen-p,
docs/riwayat/aturan-isi.md "Putaran screen-p"): *ditawari ..., saya tolak*, *kami sudah lapor ke
Pengawas*. The caption reports the offer; it does not make it. A refusal of people (*saya
tolak calon dari suku itu*), a report only imagined (*percuma saya lapor*) and an offer with
no refusal stay errors. Every sentence here was written for this test."""

from __future__ import annotations

import pytest

from contentposts import screen_categories, screen_errors


@pytest.mark.parametrize("text", [
    "Tadi malam tetangga datang bawa amplop berisi uang, minta kami coblos nomor 4. Saya "
    "tolak, lalu saya foto motornya.",
    "Sore tadi ada tim sukses bagi-bagi duit di pos ronda. Kami sudah lapor ke Panwaslu "
    "Kecamatan pakai video.",
    "Waktu kampanye kemarin kamek ditawari duit 50 ribu asal nyoblos caleg itu, kamek tolak "
    "mentah-mentah.",
    "Ada relawan calon yang bagi sembako sambil minta pilih nomor 2, sy tidak ambil "
    "sembakonya.",
], ids=["saya-tolak", "kami-lapor", "kamek-tolak-mentah", "tidak-ambil-nya"])
def test_an_offer_the_writer_turned_down_or_reported_is_clean(text: str) -> None:
    assert screen_categories(text) == set()


@pytest.mark.parametrize(("text", "category"), [
    ("Bagi-bagi amplop ke warga malam ini, yang mau coblos nomor 4 datang ke posko.",
     "pidana-pemilu"),
    ("Percuma saya lapor, amplopnya tetap dibagi. Ambil saja uangnya lalu coblos nomor 4.",
     "pidana-pemilu"),
    ("Kalau kami tolak, besok kami bakar saja rumah ketua PPS itu.", "kekerasan"),
    ("Saya tolak calon dari suku pendatang itu, orang Jawa jangan dipilih.", "sara"),
], ids=["offer", "percuma-lapor", "kalau-tolak", "refusing-people"])
def test_an_offer_or_threat_without_a_refusal_stays_an_error(text: str, category: str) -> None:
    assert category in screen_errors(text)
