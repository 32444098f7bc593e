"""Sources and legal products: sources.required, sources.url, legal.required, legal.kind,
legal.jdih_link, legal.citation and legal.citation_mismatch, with exact messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contentposts import findings, write_post
from kalender.core.i18n import set_language
from kalender.rules.sources import url_problem
from kalender.text.citations import find_citations

PKPU_8_2019 = """legal_product:
  jenis: Peraturan KPU
  nomor: "8"
  tahun: 2019
  tentang: Tata Kerja Komisi Pemilihan Umum
  url: https://jdih.kpu.go.id/peraturan-kpu-8-2019
"""
ALLOWED = (
    "Peraturan KPU; Keputusan KPU; Keputusan Sekretaris Jenderal KPU; Keputusan KPU Kota "
    "Singkawang; Keputusan Sekretaris KPU Kota Singkawang; Surat Edaran KPU; Surat Edaran "
    "Sekretaris Jenderal KPU; Surat Edaran KPU Kota Singkawang; Surat Edaran Sekretaris KPU "
    "Kota Singkawang; Surat Dinas KPU; Surat Dinas Sekretaris Jenderal KPU; Surat Dinas KPU "
    "Kota Singkawang; Surat Dinas Sekretaris KPU Kota Singkawang")


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def announcement(repo: Path, caption: str, legal: str = PKPU_8_2019, status: str = "draf",
                 platforms: str = "[instagram]") -> Path:
    """A pengumuman: caption on line 8, legal_product from line 9."""
    return write_post(repo, f"caption: {caption}\n{legal}", type="pengumuman", status=status,
                      platforms=platforms)


# --- sources.required -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["edukasi-kepemiluan", "edukasi-non-kepemiluan",
                                  "materi-penyuluhan"])
def test_factual_posts_need_a_source(repo: Path, kind: str) -> None:
    write_post(repo, "caption: Hak pilih dijamin undang-undang.\n", type=kind)
    assert findings(repo, "sources.required") == [(
        5, "warning",
        f"pos '{kind}' belum punya sumber (SOP A.1: faktual); isi `source` (judul dokumen atau "
        "tautan https) atau `legal_product`.", None)]


def test_a_source_is_an_error_once_handed_in(repo: Path) -> None:
    write_post(repo, "caption: Hak pilih dijamin undang-undang.\n", type="edukasi-kepemiluan",
               status="diajukan")
    assert [f[1] for f in findings(repo, "sources.required")] == ["error"]


@pytest.mark.parametrize("lines", [
    "source: Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum\n",
    PKPU_8_2019,
], ids=["source", "legal-product"])
def test_a_source_or_a_legal_product_keeps_the_rule(repo: Path, lines: str) -> None:
    write_post(repo, "caption: Hak pilih dijamin undang-undang.\n" + lines,
               type="edukasi-kepemiluan")
    assert findings(repo, "sources.required") == []


@pytest.mark.parametrize(("kind", "status"), [("non-edukasi", "draf"),
                                              ("berita-kegiatan", "draf"),
                                              ("hari-penting", "usulan")])
def test_other_kinds_need_no_source(repo: Path, kind: str, status: str) -> None:
    write_post(repo, "caption: Kuis hari ini.\n", type=kind, status=status)
    assert findings(repo, "sources.required") == []


@pytest.mark.parametrize("status", ["usulan", "draf", "revisi"])
def test_a_proposal_or_a_draft_without_a_source_is_warned(repo: Path, status: str) -> None:
    write_post(repo, "caption: Hak pilih dijamin undang-undang.\n", type="edukasi-kepemiluan",
               status=status)
    assert [f[1] for f in findings(repo, "sources.required")] == ["warning"]


# --- sources.url ------------------------------------------------------------------------------

def test_a_plain_http_source(repo: Path) -> None:
    write_post(repo, "caption: Rapi.\nsource: Lihat http://jdih.kpu.go.id/pkpu-8-2019 ya\n",
               type="edukasi-kepemiluan")
    assert findings(repo, "sources.url") == [(
        9, "error",
        "'source': tautan 'http://jdih.kpu.go.id/pkpu-8-2019' bukan https; tulis alamat lengkap "
        "yang diawali https://.", None)]


def test_a_malformed_legal_product_link(repo: Path) -> None:
    legal = PKPU_8_2019.replace("https://jdih.kpu.go.id/peraturan-kpu-8-2019",
                                "https://jdih kpu.go.id/x")
    write_post(repo, "caption: Rapi.\n" + legal, type="edukasi-kepemiluan")
    assert findings(repo, "sources.url") == [(
        14, "error",
        "'legal_product.url': tautan 'https://jdih kpu.go.id/x' tidak sah; diharapkan alamat "
        "seperti https://jdih.kpu.go.id/...", None)]


@pytest.mark.parametrize(("url", "problem"), [
    ("https://jdih.kpu.go.id/kalbar/singkawang", None),
    ("https://JDIH.KPU.GO.ID:443/a?b=c#d", None),
    ("http://jdih.kpu.go.id", "content.url_not_https"),
    ("www.jdih.kpu.go.id", "content.url_not_https"),
    ("ftp://jdih.kpu.go.id", "content.url_not_https"),
    ("https://jdih", "content.url_malformed"),
    ("https://jdih.kpu.go.id:abc/", "content.url_malformed"),
    ("https://-jdih.kpu.go.id", "content.url_malformed"),
    ("https://jdih..kpu.go.id", "content.url_malformed"),
    ("https://", "content.url_malformed"),
])
def test_url_problems(url: str, problem: str | None) -> None:
    assert url_problem(url) == problem


def test_https_sources_keep_the_rule(repo: Path) -> None:
    write_post(repo, "caption: Rapi.\nsource: Lihat https://jdih.kpu.go.id/pkpu-8-2019.\n"
               + PKPU_8_2019, type="edukasi-kepemiluan")
    assert findings(repo, "sources.url") == []


# --- legal.required ---------------------------------------------------------------------------

def test_an_announcement_without_a_legal_product(repo: Path) -> None:
    write_post(repo, "caption: Ada peraturan baru.\nsource: JDIH\n", type="pengumuman")
    assert findings(repo, "legal.required") == [(
        5, "warning",
        "pengumuman harus mengumumkan produk hukum (SOP E.1.b.1); isi `legal_product` (jenis, "
        "nomor, tahun, tentang, url).", None)]


def test_an_incomplete_legal_product(repo: Path) -> None:
    # The finding points at legal_product, whose line is that of its first field (jenis).
    announcement(repo, "PKPU 8/2019 sudah terbit.",
                 'legal_product:\n  jenis: Peraturan KPU\n  nomor: "8"\n  tentang: Tata Kerja\n',
                 status="diajukan")
    assert findings(repo, "legal.required") == [(
        10, "error", "produk hukum pengumuman belum lengkap: isi legal_product.tahun, "
        "legal_product.url.", None)]


def test_a_complete_legal_product_keeps_the_rule(repo: Path) -> None:
    announcement(repo, "PKPU 8/2019 sudah terbit.")
    assert findings(repo, "legal.required") == []


# --- legal.kind -------------------------------------------------------------------------------

def test_a_kind_the_sop_does_not_announce(repo: Path) -> None:
    announcement(repo, "Peraturan Menteri Nomor 8 Tahun 2019.",
                 PKPU_8_2019.replace("jenis: Peraturan KPU", "jenis: Peraturan Menteri"))
    assert findings(repo, "legal.kind") == [(
        10, "error",
        "'legal_product.jenis': 'Peraturan Menteri' bukan jenis produk hukum yang diumumkan "
        f"(SOP E.1.b.1); gunakan salah satu: {ALLOWED}.", None)]


def test_a_misspelt_kind_gets_a_hint(repo: Path) -> None:
    announcement(repo, "Rapi.", PKPU_8_2019.replace("jenis: Peraturan KPU",
                                                    "jenis: Keputusn KPU"))
    assert [f[2] for f in findings(repo, "legal.kind")] == [
        "'legal_product.jenis': 'Keputusn KPU' bukan jenis produk hukum yang diumumkan "
        f"(SOP E.1.b.1); gunakan salah satu: {ALLOWED} (maksud Anda `Keputusan KPU`?)."]


@pytest.mark.parametrize("jenis", [
    "Peraturan KPU", "Peraturan Komisi Pemilihan Umum", "Keputusan KPU",
    "Keputusan Sekretaris Jenderal KPU", "Keputusan KPU Kota Singkawang",
    "Keputusan Sekretaris KPU Kota Singkawang", "Surat Edaran KPU",
    "Surat Edaran Sekretaris KPU Provinsi Kalimantan Barat", "Surat Dinas KPU Kota Singkawang",
    "Surat Dinas Sekretaris Jenderal KPU",
])
def test_the_sop_kinds_keep_the_rule(repo: Path, jenis: str) -> None:
    announcement(repo, "Rapi.", PKPU_8_2019.replace("jenis: Peraturan KPU", f"jenis: {jenis}"))
    assert findings(repo, "legal.kind") == []


# --- legal.jdih_link --------------------------------------------------------------------------

def test_a_link_outside_jdih(repo: Path) -> None:
    announcement(repo, "PKPU 8/2019 sudah terbit.",
                 PKPU_8_2019.replace("jdih.kpu.go.id", "www.kpu.go.id"))
    assert findings(repo, "legal.jdih_link") == [(
        14, "warning",
        "'legal_product.url': 'https://www.kpu.go.id/peraturan-kpu-8-2019' bukan laman JDIH; "
        "tautkan halaman produk hukum di situs JDIH (https://jdih.kpu.go.id/kalbar/singkawang).",
        None)]


def test_a_jdih_link_keeps_the_rule(repo: Path) -> None:
    announcement(repo, "PKPU 8/2019 sudah terbit.")
    assert findings(repo, "legal.jdih_link") == []


# --- legal.citation ---------------------------------------------------------------------------

def test_a_caption_that_does_not_cite_the_product(repo: Path) -> None:
    announcement(repo, "Peraturan baru tentang tata kerja sudah terbit.",
                 platforms="[instagram, x]")
    assert findings(repo, "legal.citation") == [
        (8, "warning", f"{name}: keterangan tidak menyebut produk hukum yang diumumkan; tulis "
         "mis. “Peraturan KPU Nomor 8 Tahun 2019” atau “PKPU 8/2019”.", platform)
        for name, platform in (("Instagram", "instagram"), ("X", "x"))]


@pytest.mark.parametrize("cited", [
    "Peraturan KPU Nomor 8 Tahun 2019", "PKPU 8/2019", "PKPU No. 8 Th. 2019",
    "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019", "pkpu nomor 8 tahun 2019",
    "PKPU Nomor 8 Tahun 2019",
])
def test_recognisable_citations_keep_the_rule(repo: Path, cited: str) -> None:
    announcement(repo, f"{cited} tentang Tata Kerja KPU kini ada di JDIH.", status="diajukan")
    assert findings(repo, "legal.citation") == []


@pytest.mark.parametrize("cited", ["PKPU 8", "PKPU 18/2019", "Peraturan KPU Nomor 8",
                                   "Keputusan KPU Nomor 8 Tahun 2019"])
def test_partial_or_other_citations_do_not_count(repo: Path, cited: str) -> None:
    announcement(repo, f"{cited} kini ada di JDIH.", status="diajukan")
    assert [f[1] for f in findings(repo, "legal.citation")] == ["error"]


def test_a_decision_number_with_its_year_inside(repo: Path) -> None:
    legal = """legal_product:
  jenis: Keputusan KPU
  nomor: 134/Kpts/KPU/Tahun 2016
  tahun: 2016
  tentang: Jaringan Dokumentasi dan Informasi Hukum Komisi Pemilihan Umum
  url: https://jdih.kpu.go.id/keputusan-134-2016
"""
    announcement(repo, "Keputusan KPU Nomor 134/Kpts/KPU/Tahun 2016 kini ada di JDIH.", legal)
    assert findings(repo, "legal.citation", "legal.citation_mismatch") == []


def test_the_title_counts_as_a_citation_on_youtube(repo: Path) -> None:
    write_post(repo, "captions:\n  youtube:\n    title: Mengenal PKPU 8/2019\n"
               "    description: Tata kerja KPU dijelaskan.\n" + PKPU_8_2019,
               type="pengumuman", platforms="[youtube]")
    assert findings(repo, "legal.citation") == []


# --- legal.citation_mismatch ------------------------------------------------------------------

@pytest.mark.parametrize("cited", ["PKPU Nomor 9 Tahun 2019", "PKPU 8/2020"])
def test_a_citation_that_contradicts_the_metadata(repo: Path, cited: str) -> None:
    announcement(repo, f"{cited} tentang Tata Kerja kini ada di JDIH.")
    assert findings(repo, "legal.citation_mismatch") == [(
        8, "warning",
        f"Instagram: “{cited}” berbeda dengan produk hukum di metadata (“Peraturan KPU Nomor 8 "
        "Tahun 2019”); periksa nomor dan tahunnya.", "instagram")]


@pytest.mark.parametrize("caption", [
    "PKPU 4/2021 mengubah PKPU 8/2019 tentang Tata Kerja.",
    "PKPU 8/2019 sebagaimana diubah dengan PKPU 4/2021.",
    "Keputusan KPU Nomor 9 Tahun 2019 dan PKPU 8/2019.",
], ids=["other-product", "amended-by", "other-kind"])
def test_other_products_are_not_contradictions(repo: Path, caption: str) -> None:
    announcement(repo, caption)
    assert findings(repo, "legal.citation_mismatch") == []


def test_the_product_amended_is_not_a_contradiction(repo: Path) -> None:
    legal = """legal_product:
  jenis: Peraturan KPU
  nomor: "8"
  tahun: 2021
  tentang: Perubahan atas Peraturan Komisi Pemilihan Umum Nomor 2 Tahun 2021 tentang TND
  url: https://jdih.kpu.go.id/pkpu-8-2021
"""
    announcement(repo, "PKPU 8/2021 mengganti sebagian PKPU 2/2021 tentang Tata Naskah Dinas.",
                 legal)
    assert findings(repo, "legal.citation_mismatch") == []


def test_citation_spans() -> None:
    text = "Baca PKPU No. 8 Th. 2019, lalu Keputusan KPU Kota Singkawang Nomor 5 Tahun 2026."
    assert [(c.text, c.number, c.tahun, text[c.start:c.end]) for c in find_citations(text)] == [
        ("PKPU No. 8 Th. 2019", 8, 2019, "PKPU No. 8 Th. 2019"),
        ("Keputusan KPU Kota Singkawang Nomor 5 Tahun 2026", 5, 2026,
         "Keputusan KPU Kota Singkawang Nomor 5 Tahun 2026")]
