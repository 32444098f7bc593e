"""Text care: care.empty_caption, care.double_space, care.pairs, care.capitals,
care.http_link, care.unknown_mention. A post that breaks each rule and one that keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contentposts import findings, write_post
from kalender.core.i18n import set_language
from kalender.rules.care import shouted_sentences, unpaired_marks


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def caption(*lines: str) -> str:
    return "caption: |\n" + "".join(f"  {line}\n" for line in lines)


# --- care.empty_caption -----------------------------------------------------------------------

@pytest.mark.parametrize(("status", "severity"), [
    ("draf", "warning"), ("revisi", "warning"), ("diajukan", "error"), ("disetujui", "error"),
])
def test_an_empty_caption_by_stage(repo: Path, status: str, severity: str) -> None:
    write_post(repo, "", status=status)
    assert findings(repo, "care.empty_caption") == [(
        7, severity,
        f"Instagram: keterangan kosong pada status '{status}'; tulis keterangan di `caption` "
        "atau `captions.<platform>`.", "instagram")]


def test_an_empty_caption_is_fine_while_only_proposed(repo: Path) -> None:
    write_post(repo, "", status="usulan")
    assert findings(repo, "care.empty_caption") == []


def test_hashtags_alone_are_no_caption(repo: Path) -> None:
    write_post(repo, "caption: '#JDIHKPU #KPUSingkawang'\n")
    assert [f[0] for f in findings(repo, "care.empty_caption")] == [8]


def test_a_platform_of_its_own_may_lack_what_the_shared_caption_has(repo: Path) -> None:
    write_post(repo, "caption: Isi bersama.\ncaptions:\n  x: ''\n", platforms="[instagram, x]")
    assert findings(repo, "care.empty_caption") == []


def test_a_written_caption_keeps_the_rule(repo: Path) -> None:
    write_post(repo, "caption: Ayo cek produk hukum terbaru di JDIH.\n", status="diajukan")
    assert findings(repo, "care.empty_caption") == []


# --- care.double_space ------------------------------------------------------------------------

def test_double_spaces_are_counted_and_the_first_shown(repo: Path) -> None:
    write_post(repo, caption("Satu baris rapi.", "Ayo  cek JDIH.  Sekarang juga."))
    assert findings(repo, "care.double_space") == [(
        10, "warning",
        "Instagram: 2 spasi ganda, pertama di “Ayo  cek JDIH.…”; ganti dengan satu spasi.",
        "instagram")]


def test_single_spaces_and_indentation_keep_the_rule(repo: Path) -> None:
    write_post(repo, caption("Daftar:", "  - satu", "  - dua", "Selesai. "))
    assert findings(repo, "care.double_space") == []


# --- care.pairs -------------------------------------------------------------------------------

def test_an_opening_bracket_without_its_pair(repo: Path) -> None:
    write_post(repo, caption("Baca Pasal 5 (ayat 1 dan ayat 2.", "Baris kedua."))
    assert findings(repo, "care.pairs") == [(
        9, "warning",
        "Instagram: tanda ( tanpa pasangan di “…Pasal 5 (ayat 1 dan…”; tambahkan "
        "pasangannya atau hapus.", "instagram")]


@pytest.mark.parametrize(("text", "unpaired"), [
    ("Pemilu (UU 7/2017); Pemilihan (UU 10/2016).", []),
    ("a) Peraturan KPU;\nb) Keputusan KPU;\n1) satu", []),
    ("Terima kasih :) dan :-( juga ;)", []),
    ("Lihat [lampiran] dan {catatan}.", []),
    ("Ia berkata “halo” lalu pergi.", []),
    ('Ia berkata "halo" lalu pergi.', []),
    ("Baca (Pasal 8)", []),
    ("Lihat lampiran) di sini", [(14, ")")]),
    ("Ia berkata “halo lalu pergi.", [(11, "“")]),
    ("Ia berkata halo” lalu pergi.", [(15, "”")]),
    ('Ia berkata "halo lalu pergi.', [(11, '"')]),
    ("([x)]", [(0, "("), (3, ")")]),
], ids=["law-refs", "list-markers", "emoticons", "square-curly", "curly-quotes",
        "straight-quotes", "number-then-close", "lonely-close", "open-curly", "close-curly",
        "odd-straight", "crossed"])
def test_unpaired_marks(text: str, unpaired: list[tuple[int, str]]) -> None:
    assert unpaired_marks(text) == unpaired


def test_a_quotation_mark_without_its_pair(repo: Path) -> None:
    write_post(repo, caption("Ia berkata “halo lalu pergi."))
    assert [f[2] for f in findings(repo, "care.pairs")] == [
        "Instagram: tanda “ tanpa pasangan di “Ia berkata “halo lalu…”; tambahkan "
        "pasangannya atau hapus."]


def test_paired_marks_keep_the_rule(repo: Path) -> None:
    write_post(repo, caption("Pemilu (UU 7/2017) dan “Pemilihan” berbeda :)"))
    assert findings(repo, "care.pairs") == []


# --- care.capitals ----------------------------------------------------------------------------

def test_a_sentence_in_capitals(repo: Path) -> None:
    write_post(repo, caption("Halo warga Singkawang!", "AYO CEK HAK PILIH ANDA SEKARANG. Terima "
                             "kasih."))
    assert findings(repo, "care.capitals") == [(
        10, "warning",
        "Instagram: kalimat dengan huruf kapital semua: “AYO CEK HAK PILIH ANDA SEKARANG”; tulis "
        "dengan huruf kapital biasa (kapital penuh sulit dibaca dan terkesan berteriak).",
        "instagram")]


@pytest.mark.parametrize("text", [
    "PENGUMUMAN 📢\nPeraturan KPU Nomor 8 Tahun 2019 kini ada di JDIH.",
    "KPU RI, KPU Provinsi dan JDIH KPU bekerja sama.",
    "Ikuti #JDIHKPU #KPUSINGKAWANG #PEMILUDAMAI ya.",
    "Kunjungi HTTPS://JDIH.KPU.GO.ID/KALBAR sekarang.",
], ids=["heading", "acronyms", "hashtags", "link"])
def test_headings_acronyms_hashtags_and_links_are_not_shouting(text: str) -> None:
    assert shouted_sentences(text) == []


def test_normal_case_keeps_the_rule(repo: Path) -> None:
    write_post(repo, caption("Selamat Hari Antikorupsi Sedunia! Mari tolak korupsi."))
    assert findings(repo, "care.capitals") == []


# --- care.http_link ---------------------------------------------------------------------------

def test_an_http_link(repo: Path) -> None:
    write_post(repo, caption("Unduh di http://jdih.kpu.go.id/kalbar/singkawang hari ini."))
    assert findings(repo, "care.http_link") == [(
        9, "warning",
        "Instagram: tautan “http://jdih.kpu.go.id/kalbar/singkawang” memakai http://; ganti "
        "dengan https:// agar aman.", "instagram")]


def test_an_https_link_keeps_the_rule(repo: Path) -> None:
    write_post(repo, caption("Unduh di https://jdih.kpu.go.id/kalbar/singkawang hari ini."))
    assert findings(repo, "care.http_link") == []


# --- care.unknown_mention ---------------------------------------------------------------------

def test_an_unknown_account(repo: Path) -> None:
    write_post(repo, caption("Info dari @kpu_ri dan @JDIHKPU_Singkawang."))
    assert findings(repo, "care.unknown_mention") == [(
        9, "warning",
        "Instagram: akun @kpu_ri tidak ada di `known_mentions` (calendar/satker.yml); periksa "
        "ejaannya atau tambahkan akun itu ke daftar.", "instagram")]


def test_an_unknown_account_in_the_mentions_list(repo: Path) -> None:
    write_post(repo, caption("Rapi.") + "mentions: [kpu_ri]\n")
    assert findings(repo, "care.unknown_mention") == [(
        10, "warning",
        "'mentions': akun @kpu_ri tidak ada di `known_mentions` (calendar/satker.yml); periksa "
        "ejaannya atau tambahkan akun itu ke daftar.", None)]


def test_a_known_account_keeps_the_rule(repo: Path) -> None:
    satker = repo / "calendar" / "satker.yml"
    satker.write_text(satker.read_text(encoding="utf-8") + "known_mentions: ['@KPU_RI']\n",
                      encoding="utf-8")
    write_post(repo, caption("Info dari @kpu_ri, email humas@kpu.go.id.") + "mentions: [kpu_ri]\n")
    assert findings(repo, "care.unknown_mention") == []
