"""The SOP D screen through ``kalender check``, one category at a time: a caption that
breaks the rule is an error naming the file, the line, the words, the SOP clause and the
law; an educational caption on the same subject passes (issue 16, point 4).

The captions here are written for these tests; the measured corpus is
``tests/corpus/konten.yml`` (``test_screen_corpus.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from contentposts import write_post
from kalender.cli.main import _register_commands, cli
from kalender.rules.content import highlights

POST = "posts/2026/12/2026-12-02-uji.md"
CLEAN = "1 pos diperiksa: 0 galat, 0 peringatan."

# category: (breach caption, words reported, SOP clause, a law it names, educational caption)
CASES = {
    "kekerasan": (
        "Kalau kalah, serbu saja kantor panitia!", "serbu", "D.1", "UU 7/2017 Pasal 280",
        "Menyerbu kantor penyelenggara adalah tindak pidana; sampaikan keberatan lewat Bawaslu."),
    "terorisme": (
        "Para pengebom itu pahlawan umat.", "pengebom", "D.1", "UU 5/2018 Pasal 13A",
        "UU 5/2018 memidana siapa pun yang memuji pengebom sebagai pahlawan."),
    "sara": (
        "Kaum pendatang itu penipu semua.", "pendatang", "D.1", "UU 40/2008 Pasal 4",
        "Dilarang menyebut kaum pendatang penipu: itu ujaran kebencian (UU 40/2008)."),
    "hinaan": (
        "Panitia kecamatan g0bl0k semua.", "g0bl0k", "D.3", "KUHP) Pasal 436",
        "Hindari kata “goblok” di kolom komentar; kritik yang santun lebih didengar."),
    "hoaks": (
        "Katanya TPS dipindah ke balai desa, s e b a r k a n sebelum dihapus!",
        "s e b a r k a n sebelum dihapus", "D.2", "KUHP) Pasal 263",
        "Jangan percaya pesan berantai yang katanya dari KPU; cek laman resmi KPU."),
    "partisan": (
        "Dukunglah Partai Hanura, nomor urut 10!", "nomor urut 10", "D.3", "UU 7/2017 Pasal 3",
        "Nomor urut partai politik ditetapkan dengan Keputusan KPU Nomor 519 Tahun 2022."),
    "data-pribadi": (
        "Relawan kami, Pak Andi, bisa dihubungi di 0857 1234 5678.", "0857 1234 5678", "D.4",
        "UU 27/2022 Pasal 65",
        "Layanan informasi: (0562) 123456; jangan kirim NIK lewat pesan langsung."),
    "pidana-pemilu": (
        "Malam tenang nanti kami bagi amplop ke warga.", "bagi amplop", "D.4",
        "UU 7/2017 Pasal 515",
        "Tolak amplop serangan fajar! Laporkan ke Bawaslu (Pasal 523 UU 7/2017)."),
}


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def check(runner: CliRunner, repo: Path, text: str) -> tuple[int, list[str]]:
    write_post(repo, f"caption: |\n  {text}\n")
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize("category", CASES)
def test_a_breach_is_an_error_with_file_line_words_clause_and_law(
        runner: CliRunner, repo: Path, category: str) -> None:
    text, words, clause, law, _ = CASES[category]
    code, lines = check(runner, repo, text)
    assert code == 1
    assert lines[0] == POST
    finding = next(line for line in lines if f"“{words}”" in line)
    assert finding.startswith("  galat baris 9: Instagram: ")
    assert f"SOP {clause}" in finding and law in finding
    assert "saran: " in finding or "sajikan semua peserta" in finding  # what to write instead


@pytest.mark.parametrize("category", CASES)
def test_an_educational_caption_on_the_same_subject_passes(
        runner: CliRunner, repo: Path, category: str) -> None:
    *_, lesson = CASES[category]
    assert check(runner, repo, lesson) == (0, [CLEAN])


def test_the_office_number_listed_in_satker_is_not_personal_data(
        runner: CliRunner, repo: Path) -> None:
    satker = repo / "calendar" / "satker.yml"
    satker.write_text(satker.read_text(encoding="utf-8").replace(
        "  phones: []", "  phones: ['0812-0000-1234']"), encoding="utf-8")
    assert check(runner, repo, "Tanya jawab pindah memilih: WhatsApp 0812 0000 1234.") == (
        0, [CLEAN])
    code, lines = check(runner, repo, "Tanya jawab pindah memilih: WhatsApp 0812 0000 9999.")
    assert code == 1 and "“0812 0000 9999”" in lines[1]


def test_a_finding_names_the_cue_that_made_a_word_count(runner: CliRunner, repo: Path) -> None:
    _, lines = check(runner, repo, "Kantor itu layak dibakar.")
    assert lines[1] == (
        "  galat baris 9: Instagram: “dibakar” bersama “layak” melanggar SOP D.1: Kekerasan dan "
        "hasutan (dasar: UU 1/2023 (KUHP) Pasal 246; Pasal 308 (pembakaran)); ubah atau hapus; "
        "saran: sampaikan keberatan lewat jalur hukum (keberatan saksi, laporan ke Bawaslu atau "
        "polisi), tanpa ajakan kekerasan. Pos edukasi: sebut larangannya (mis. “dilarang”, "
        "“tolak”, pasalnya).")


def test_english(runner: CliRunner, repo: Path) -> None:
    write_post(repo, "caption: |\n  NIK 6172031204850003 belum terdaftar.\n")
    result = runner.invoke(cli, ["--root", str(repo), "--lang", "en", "check"])
    assert "  error line 9: Instagram: “6172031204850003” is a person's national identity " \
        "number (NIK) (SOP D.4; basis: UU 27/2022 Article 65(2)" in result.output


def test_the_preview_marks_the_words_the_cue_and_personal_data() -> None:
    calendar = Path(__file__).resolve().parent.parent / "calendar"
    text = "Kantor itu layak dibakar. NIK 6172031204850003."
    assert [(text[h.start:h.end], h.rule, h.severity.value)
            for h in highlights(text, calendar)] == [
        ("layak", "content.forbidden", "error"), ("dibakar", "content.forbidden", "error"),
        ("6172031204850003", "content.personal_data", "error")]
