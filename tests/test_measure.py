"""``kalender measure`` as the team runs it: exact output in both languages, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kalender.cli.main import _register_commands, cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def measure(runner: CliRunner, args: list[str], text: str | bytes,
            lang: str | None = None) -> tuple[int, str, str]:
    prefix = ["--root", str(ROOT)] + (["--lang", lang] if lang else [])
    result = runner.invoke(cli, [*prefix, "measure", *args], input=text)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_x_fits_in_indonesian(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["x"], "Hi http://test.co\n")
    assert code == 0
    assert out == ("X (post), keterangan: 26 dari batas 280 (hitungan berbobot X).\n"
                   "X tidak melipat keterangan.\n"
                   "Muat: sisa 254.\n")


def test_x_fits_in_english(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["x"], "Hi http://test.co\n", lang="en")
    assert code == 0
    assert out == ("X (post), caption: 26 of the limit of 280 (X weighted count).\n"
                   "X does not fold the caption.\n"
                   "Fits: 254 left.\n")


def test_x_over_the_limit_exits_1(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["x"], "a" * 279 + "🐦‍⬛")
    assert code == 1
    assert out.splitlines() == [
        "X (post), keterangan: 281 dari batas 280 (hitungan berbobot X).",
        "X tidak melipat keterangan.",
        "Tidak muat: lebih 1; mulai karakter ke-280 teks melewati batas.",
    ]


def test_over_the_limit_in_english(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["youtube", "--field", "title"], "J" * 101, lang="en")
    assert code == 1
    assert out.splitlines() == [
        "YouTube (video), title: 101 of the limit of 100 (characters).",
        "YouTube does not fold the title.",
        "Does not fit: 1 over; from character 101 on the text is past the limit.",
    ]


def test_youtube_description_counts_bytes_and_folds(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["youtube", "--field", "description"], "é" * 200)
    assert code == 0
    assert out.splitlines() == [
        "YouTube (video), deskripsi: 400 dari batas 5.000 (byte UTF-8).",
        'Terlipat setelah karakter ke-160; sisanya di balik "...selengkapnya".',
        "Muat: sisa 4.600.",
    ]


def test_facebook_folds_only_on_phones(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["facebook"], "x" * 300)
    assert code == 0
    assert out.splitlines() == [
        "Facebook (post), keterangan: 300 dari batas 63.206 (karakter).",
        "Di ponsel terlipat setelah karakter ke-125.",
        "Muat: sisa 62.906.",
    ]


def test_instagram_short_caption_does_not_fold(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["instagram"], "Selamat Hari HAM.\n")
    assert code == 0
    assert out.splitlines()[1] == "Tidak terlipat: seluruh teks tampil."


def test_tiktok_photo_title_counts_utf16(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["tiktok", "--format", "photo", "--field", "title"],
                           "😷" * 46)
    assert code == 1
    assert out.splitlines()[0] == "TikTok (photo), judul: 92 dari batas 90 (satuan UTF-16)."


def test_forbidden_character_exits_1(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["youtube", "--field", "title"], "Pemilu <2029>")
    assert code == 1
    assert out.splitlines()[-1] == ("YouTube (video): judul memuat '<', '>', yang tidak "
                                    "diterima YouTube; hapus atau ganti karakter itu.")


def test_unknown_platform_is_a_usage_error(runner: CliRunner) -> None:
    code, out, err = measure(runner, ["twitter"], "x")
    assert code == 2
    assert out == ""
    assert err == ("Galat: platform 'twitter' tidak dikenal; pilih salah satu: instagram, x, "
                   "facebook, tiktok, youtube.\n")


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    code, _, err = measure(runner, ["instagram", "--format", "video"], "x", lang="en")
    assert code == 2
    assert err == ("Error: Instagram has no format 'video'; choose one of: feed, carousel, "
                   "reel, story.\n")


def test_unknown_field_is_a_usage_error(runner: CliRunner) -> None:
    code, _, err = measure(runner, ["x", "--field", "title"], "x")
    assert code == 2
    assert err == "Galat: X (post) tidak punya teks 'title'; pilih salah satu: caption.\n"


def test_input_not_utf8_is_an_error(runner: CliRunner) -> None:
    code, _, err = measure(runner, ["x"], b"Pemilu \xff")
    assert code == 2
    assert err == ("Galat: masukan bukan teks UTF-8 (byte ke-8 tidak sah); simpan teks "
                   "sebagai UTF-8 lalu coba lagi.\n")


def test_byte_order_mark_and_final_newline_are_not_counted(runner: CliRunner) -> None:
    code, out, _ = measure(runner, ["instagram"], "\ufeffHalo\r\n".encode())
    assert code == 0
    assert out.splitlines()[0] == "Instagram (feed), keterangan: 4 dari batas 2.200 (karakter)."


def test_broken_calendar_data_is_reported(runner: CliRunner, repo: Path) -> None:
    (repo / "calendar" / "platforms.yml").write_text("x: [\n", encoding="utf-8")
    result = runner.invoke(cli, ["--root", str(repo), "measure", "x"], input="x")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "calendar/platforms.yml"
    assert result.stderr.splitlines()[-1] == (
        "Galat: data kalender di calendar/ bermasalah; perbaiki dulu masalah di atas.")
