"""The learned layer's veto on the word rules (``kalender.rules.learnedveto``, round
screen-i): a listed phrase in a caption the layer reads as clean is not reported by
``kalender check``; with ``veto`` 0 in the weights file it is; a phrase of a blocked entry and
personal data are never vetoed; the breaches of issue 16 stay refused.

The captions here are written for these tests, not taken from the corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from contentposts import screen_errors, write_post
from kalender.cli.main import _register_commands, cli
from kalender.core.problems import Severity
from kalender.rules.learned import MODEL_FILE, load_model
from kalender.rules.learnedeval import judge
from kalender.rules.learnedfeatures import features, read_caption
from kalender.rules.learnedtrain import CALENDAR, Example
from kalender.rules.learnedveto import vetoed
from kalender.rules.lists import content_lists
from kalender.rules.screen import screen

# "membantai" (slaughtered) is a listed violent word; here a staff quiz contest. (Until round
# screen-w a staff futsal final; the word rules now read a futsal match as a game themselves,
# text.activity, and a quiz contest is not among their game words: docs/riwayat/aturan-isi.md.)
MATCH = "Lomba cerdas cermat HUT RI: tim Sekretariat membantai tim Teknis, selamat juara!"
NIK = MATCH + (" Piala diserahkan kepada kapten, NIK 6172011234567890. Terima kasih panitia dan "
               "suporter!")


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def check(runner: CliRunner, repo: Path, text: str) -> tuple[int, str]:
    write_post(repo, f"caption: |\n  {text}\n")
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_listed_word_in_a_caption_the_layer_reads_as_clean_is_not_reported(
        runner: CliRunner, repo: Path) -> None:
    assert check(runner, repo, MATCH) == (0, "1 pos diperiksa: 0 galat, 0 peringatan.\n")


def test_without_the_veto_the_word_rule_reports_it(runner: CliRunner, repo: Path) -> None:
    weights = repo / "calendar" / MODEL_FILE
    weights.write_text(weights.read_text(encoding="utf-8").replace(
        "\"veto\": 0.04", "\"veto\": 0.0"), encoding="utf-8")
    code, output = check(runner, repo, MATCH)
    assert code == 1 and "“membantai”" in output and "SOP D.1" in output


def test_personal_data_is_never_vetoed(runner: CliRunner, repo: Path) -> None:
    assert vetoed(NIK, repo / "calendar")
    code, output = check(runner, repo, NIK)
    assert code == 1 and "6172011234567890" in output and "membantai" not in output


@pytest.mark.parametrize(("text", "category"), [
    ("Orang itu pantas dipukuli ramai-ramai.", "kekerasan"),
    ("Pilih Partai X nomor urut 2! Jangan pilih Y", "partisan"),
    ("Dasar cokin, pulang saja ke negerimu.", "sara"),
    ("Yang datang ke TPS besok dapat amplop 100 ribu, serangan fajar aman.", "pidana-pemilu"),
])
def test_the_breaches_of_the_issue_stay_refused(text: str, category: str) -> None:
    assert category in screen_errors(text)


# Neutral office sentences, which pull a whole caption's score far below the veto's bar.
NEUTRAL = ("Rapat pleno rekapitulasi digelar Senin, 7 Desember 2026, di aula KPU Kota Singkawang. "
           "Pendaftaran pemantau pemilu dibuka sampai Jumat. Simak infografis berikut tentang "
           "tahapan pemilihan dan jadwal pemungutan suara.")


@pytest.mark.parametrize(("text", "category"), [
    ("Orang yang merusak baliho itu pantas dipukuli.", "kekerasan"),
    ("Pilih Partai X nomor urut 2!", "partisan"),
    ("Besok ada amplop 100 ribu untuk tiap pemilih di posko kami.", "pidana-pemilu"),
    ("Yang Islam jangan pilih calon kafir.", "sara"),
])
def test_a_breach_padded_with_neutral_sentences_is_still_refused(text: str,
                                                                  category: str) -> None:
    assert category in screen_errors(f"{NEUTRAL} {text}")
    assert category in screen_errors(f"{text} {NEUTRAL} {NEUTRAL}")


def test_the_padded_breach_is_refused_by_check_with_its_line(runner: CliRunner,
                                                            repo: Path) -> None:
    code, output = check(runner, repo, f"{NEUTRAL} Orang yang merusak baliho itu pantas dipukuli.")
    assert code == 1 and "dipukuli" in output and "SOP D.1" in output


# Breaches no list names: only the learned layer reads them (a visit). (Until round screen-ac
# also indirect vote buying, "titipan ... ingat balas budi di bilik suara": trained on corpora
# 33-35 the layer scored that sentence 0.990 alone, under the bar of one sentence among neutral
# ones, 0.995. The structure is a rule now, calendar/terlarang/santun/pidana-pemilu.yml, and
# tests/test_screen_regional.py keeps it refused among neutral sentences.)
@pytest.mark.parametrize(("text", "category"), [
    ("Ingat ya, yang rumahnya di Gang Melati itu kemarin nolak pasang stiker kita, nanti malam "
     "kita kunjungi rame-rame.", "kekerasan"),
])
def test_a_breach_only_the_layer_reads_is_refused_among_neutral_sentences(
        text: str, category: str) -> None:
    assert screen_errors(text, learned=False) == set()
    assert category in screen_errors(f"{NEUTRAL} {text}")
    assert category in screen_errors(f"{NEUTRAL} {NEUTRAL} {text} {NEUTRAL}")


def harness_levels(text: str) -> tuple[Severity | None, Severity | None]:
    """The levels the leave-one-corpus-out harness gives ``text``: rules alone, with the layer
    (here the shipped one)."""
    lists = content_lists(CALENDAR)
    reading = read_caption(text, lists)
    example = Example("uji.yml", text, True, "umum", features(text, lists, reading), reading)
    model = load_model(CALENDAR)
    assert model is not None
    judged = judge(example, lists, model)
    return judged.rules, judged.screen


def check_level(text: str) -> Severity | None:
    levels = {flag.severity for flag in screen(text, CALENDAR)}
    return Severity.ERROR if Severity.ERROR in levels else next(iter(levels), None)


@pytest.mark.parametrize(("text", "rules", "layer"), [
    (MATCH, Severity.ERROR, None),  # vetoed
    (NIK, Severity.ERROR, Severity.ERROR),  # personal data: never vetoed
    # The whole caption scores 0.00: a veto on the whole caption (the harness before screen-j)
    # dropped these; the finding's own sentence keeps them.
    (f"{NEUTRAL} Pilih Partai X nomor urut 2!", Severity.ERROR, Severity.ERROR),
    (f"{NEUTRAL} Orang yang merusak baliho itu pantas dipukuli.", Severity.ERROR,
     Severity.ERROR),
    # Only the layer's verdict on one sentence finds it. (Until round screen-ac the titipan
    # sentence above, a rule's now: both levels ERROR.)
    (f"{NEUTRAL} Ingat ya, yang rumahnya di Gang Melati itu kemarin nolak pasang stiker kita,"
     " nanti malam kita kunjungi rame-rame.", None, Severity.ERROR),
    (f"{NEUTRAL} Besok sebelum subuh tim kami keliling bawa titipan untuk warga yang setia,"
     " ingat balas budi di bilik suara.", Severity.ERROR, Severity.ERROR),
])
def test_the_harness_decides_as_check_does(text: str, rules: Severity | None,
                                           layer: Severity | None) -> None:
    assert harness_levels(text) == (rules, layer)
    assert check_level(text) is layer


def test_a_vetoed_finding_is_a_note_in_verbose_output_and_blocks_nothing(
        runner: CliRunner, repo: Path) -> None:
    write_post(repo, f"caption: |\n  {MATCH}\n")
    plain = runner.invoke(cli, ["--root", str(repo), "check", "--strict"])
    assert plain.exit_code == 0 and "membantai" not in plain.output
    shown = runner.invoke(cli, ["--root", str(repo), "check", "--strict", "--verbose"])
    assert shown.exit_code == 0
    assert shown.output.splitlines() == [
        "posts/2026/12/2026-12-02-uji.md",
        "  catatan baris 9: Instagram: aturan kata menemukan “membantai” (Kekerasan dan hasutan, "
        "SOP D.1), tetapi lapisan yang dipelajari membaca kalimatnya sebagai bersih, jadi temuan "
        "ini tidak dilaporkan dan tidak menahan langkah apa pun; bila kalimat itu memang "
        "melanggar, ubah kalimatnya dan laporkan keterangan ini untuk korpus dan pelatihan ulang.",
        "1 pos diperiksa: 0 galat, 0 peringatan."]
    english = runner.invoke(cli, ["--root", str(repo), "--lang", "en", "check", "-v"])
    assert "note line 9: Instagram: the word rules found “membantai”" in english.output


def test_a_finding_the_layer_keeps_is_no_note(runner: CliRunner, repo: Path) -> None:
    write_post(repo, "caption: |\n  Orang itu pantas dipukuli ramai-ramai.\n")
    shown = runner.invoke(cli, ["--root", str(repo), "check", "--verbose"])
    assert shown.exit_code == 1 and "catatan" not in shown.output and "galat" in shown.output

