"""Breaches the screen missed on writers it had not seen, by what they do
(docs/riwayat/aturan-isi.md, "Putaran screen-v"): partisanship that points at a participant by
colour with praise or a call to vote, and not by a listed word (the learned layer); an insult that
the brain "was left at home" or should "be used for once", and a detonator taught as a tutorial (the
word lists). Each post is checked as a user checks it (``kalender check``). Posts that name every
participant, wear a colour that is no side's, or speak of a "trigger" of hoaxes stay clean.

The captions here are written for these tests, not taken from the corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from contentposts import write_post
from kalender.cli.main import _register_commands, cli

POINTED = {
    "warna-dan-ajakan": "Kaos ungu itu pemimpin sejati, ingat pas di bilik nanti.",
    "warna-dan-pujian": "Yang pakai kaos kuning itu paling peduli sama petani, ingat dia di "
                        "bilik nanti.",
}
LISTED = {
    "otak-dipakai": ("Sebelum komentar, otaknya dipakai dong, Kak.", "otaknya dipakai",
                     "SOP D.3: Hinaan"),
    "pemicu": ("Ada tutorial bikin pemicu jarak jauh dari remote mainan, cek bio.", "pemicu",
               "SOP D.1: Terorisme"),
}
CLEAN = {
    "semua-peserta": "Debat kedua menghadirkan paslon nomor urut 1, 2 dan 3. Simak visi dan "
                     "misi semua calon Sabtu malam di kanal resmi.",
    "baju-petugas": "Petugas KPPS memakai baju putih dan tanda pengenal pada hari pemungutan "
                    "suara.",
    "pemicu-hoaks": "Kalimat pemicu hoaks yang sering beredar: katanya, viralkan, sebelum "
                    "dihapus.",
    "asah-otak": "Kuis asah otak minggu ini: berapa hari masa tenang sebelum pemungutan suara?",
}


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def check(runner: CliRunner, repo: Path, caption: str) -> tuple[int, list[str]]:
    write_post(repo, f"caption: |\n  {caption}\n")
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert "Traceback" not in result.output
    return result.exit_code, [line for line in result.output.splitlines() if "SOP D" in line]


@pytest.mark.parametrize("caption", POINTED.values(), ids=POINTED.keys())
def test_a_participant_pointed_at_by_colour_and_praised_is_refused(
        runner: CliRunner, repo: Path, caption: str) -> None:
    code, lines = check(runner, repo, caption)
    assert code == 1 and len(lines) == 1
    assert "galat baris 9" in lines[0] and "lapisan yang dipelajari" in lines[0]
    assert "memihak atau menyudutkan peserta Pemilu (SOP D.3" in lines[0]


@pytest.mark.parametrize(("caption", "words", "clause"), LISTED.values(), ids=LISTED.keys())
def test_a_listed_family_is_refused_with_its_words_and_clause(
        runner: CliRunner, repo: Path, caption: str, words: str, clause: str) -> None:
    code, lines = check(runner, repo, caption)
    assert code == 1 and len(lines) == 1
    assert "galat baris 9" in lines[0] and f"“{words}”" in lines[0] and clause in lines[0]


@pytest.mark.parametrize("caption", CLEAN.values(), ids=CLEAN.keys())
def test_every_participant_a_plain_colour_or_a_plain_trigger_stays_clean(
        runner: CliRunner, repo: Path, caption: str) -> None:
    assert check(runner, repo, caption) == (0, [])
