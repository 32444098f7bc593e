"""``kalender check`` as the team runs it: grouped output, exit codes, --strict, languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kalender.cli.main import _register_commands, cli

INPUTS = Path(__file__).parent / "inputs" / "posts"


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def put(repo: Path, case: str, name: str) -> Path:
    path = repo / "posts" / "2026" / "12" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(INPUTS / f"{case}.md", path)
    return path


def test_clean_post_passes(runner: CliRunner, repo: Path) -> None:
    put(repo, "valid", "2026-12-02-uji.md")
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert result.exit_code == 0, result.output
    assert result.output == "1 pos diperiksa: 0 galat, 0 peringatan.\n"


def test_errors_grouped_by_file_then_exit_1(runner: CliRunner, repo: Path) -> None:
    put(repo, "unknown_key", "2026-12-02-satu.md")
    put(repo, "empty", "2026-12-02-dua.md")
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "posts/2026/12/2026-12-02-dua.md",
        "  galat baris 1: berkas kosong: diharapkan front matter di antara dua baris '---', "
        "ditemukan tidak ada isi.",
        "posts/2026/12/2026-12-02-satu.md",
        "  galat baris 7: kunci 'catagory' tidak dikenal (maksud Anda `category`?); kunci yang "
        "dikenal: title, date, category, type, status, platforms, caption, captions, hashtags, "
        "important_day, mentions, media, legal_product, source.",
        "2 berkas pos diperiksa, 2 di antaranya tidak dapat dibaca sebagai pos: 2 galat, "
        "0 peringatan.",
    ]
    assert "Traceback" not in result.output


def test_strict_fails_on_a_warning(runner: CliRunner, repo: Path) -> None:
    path = put(repo, "valid", "2026-12-02-uji.md")
    moved = repo / "posts" / "2027" / "01" / path.name
    moved.parent.mkdir(parents=True)
    path.rename(moved)
    relaxed = runner.invoke(cli, ["--root", str(repo), "check"])
    strict = runner.invoke(cli, ["--root", str(repo), "check", "--strict"])
    assert relaxed.exit_code == 0
    assert strict.exit_code == 1
    assert ("  peringatan baris 1: pos berada di folder yang tidak sesuai tanggalnya: diharapkan "
            "di posts/2026/12/.") in strict.output


def test_named_paths_only(runner: CliRunner, repo: Path) -> None:
    good = put(repo, "valid", "2026-12-02-uji.md")
    put(repo, "empty", "2026-12-02-dua.md")
    result = runner.invoke(cli, ["--root", str(repo), "check", str(good)])
    assert result.exit_code == 0
    assert result.output == "1 pos diperiksa: 0 galat, 0 peringatan.\n"


def test_missing_path_is_a_clear_error(runner: CliRunner, repo: Path) -> None:
    result = runner.invoke(cli, ["--root", str(repo), "check", str(repo / "tidak-ada.md")])
    assert result.exit_code == 1
    assert result.output == f"Galat: jalur '{repo / 'tidak-ada.md'}' tidak ada.\n"


def test_english(runner: CliRunner, repo: Path) -> None:
    put(repo, "empty", "2026-12-02-dua.md")
    result = runner.invoke(cli, ["--root", str(repo), "--lang", "en", "check"])
    assert result.output.splitlines()[1:] == [
        "  error line 1: the file is empty: expected front matter between two '---' lines, "
        "found nothing.",
        "1 post files checked, 1 of them could not be read as a post: 1 errors, 0 warnings.",
    ]


def test_broken_calendar_data_is_reported_with_its_line(runner: CliRunner, repo: Path) -> None:
    satker = repo / "calendar" / "satker.yml"
    satker.write_text(satker.read_text().replace("timezone: Asia/Pontianak",
                                                 "timezone: Asia/Pontianak\ntimezone: UTC"))
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert result.exit_code == 1
    line = satker.read_text().splitlines().index("timezone: UTC") + 1
    assert f"  galat baris {line}: kunci 'timezone' ditulis dua kali" in result.output
    assert "calendar/satker.yml" in result.output


def test_platform_facts_missing_from_platforms_yml_are_named_with_their_line(
        runner: CliRunner, repo: Path) -> None:
    rules = repo / "calendar" / "platforms.yml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace("  mentions: {limit: 50}\n", "", 1)  # x's, no fallback in code
                     .replace("  icon: fontawesome/brands/facebook\n", ""), encoding="utf-8")
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert result.exit_code == 1
    lines = rules.read_text(encoding="utf-8").splitlines()
    assert "calendar/platforms.yml" in result.output
    x_line, facebook_line = lines.index("x:") + 2, lines.index("facebook:") + 2  # first keys
    assert f"  galat baris {x_line}: kunci wajib 'x.mentions' tidak ada" in result.output
    assert f"  galat baris {facebook_line}: kunci wajib 'facebook.icon' tidak ada" in result.output


def test_an_account_on_a_platform_platforms_yml_does_not_name_is_an_error(
        runner: CliRunner, repo: Path) -> None:
    satker = repo / "calendar" / "satker.yml"
    satker.write_text(satker.read_text(encoding="utf-8").replace(
        "accounts:\n  instagram:", "accounts:\n  instagam:"), encoding="utf-8")
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert result.exit_code == 1
    # the line of the account's first key, as the schema names any mapping it objects to
    line = satker.read_text(encoding="utf-8").splitlines().index("  instagam:") + 2
    assert (f"  galat baris {line}: 'accounts': nilai 'instagam' tidak dikenal (maksud Anda "
            "`instagram`?); yang diizinkan: instagram, x, facebook, tiktok, youtube.") \
        in result.output


def test_help_and_usage_errors_read_in_indonesian_then_english(runner: CliRunner) -> None:
    from kalender.core.i18n import set_language

    helped = runner.invoke(cli, ["--help"])
    assert helped.output.startswith("Cara pakai: cli [OPTIONS] COMMAND [ARGS]...")
    assert "  --help          Tampilkan pesan ini lalu keluar." in helped.output
    assert "\nPerintah:\n" in helped.output
    wrong = runner.invoke(cli, ["chek"])
    assert wrong.exit_code == 2
    assert "Galat: Perintah 'chek' tidak ada. Maksud Anda 'check'?" in wrong.output
    try:
        english = runner.invoke(cli, ["--lang", "en", "chek"])
    finally:
        set_language(None)
    assert "Error: No such command 'chek'. Did you mean 'check'?" in english.output


def test_a_file_that_does_not_parse_is_counted_as_a_file(runner: CliRunner, repo: Path) -> None:
    """Not "0 pos diperiksa: 1 galat": the person checked one file, and is told so."""
    path = put(repo, "empty", "2026-12-02-kosong.md")
    result = runner.invoke(cli, ["--root", str(repo), "check", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "1 berkas pos diperiksa, 1 di antaranya tidak dapat dibaca sebagai pos: 1 galat, "
        "0 peringatan.")
