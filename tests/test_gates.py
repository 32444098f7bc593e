"""Gates on the approval moves (issue 16): an SOP A or D error refuses the move, in the
command line, naming file, line, rule, words and basis; nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import ROOT, without_keys
from kalender.cli.main import _register_commands, cli

POST = "2026-12-01-gerbang"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "calendar", tmp_path / "calendar")
    without_keys(tmp_path / "calendar")  # a team before signatures: moves need no passphrase
    (tmp_path / "posts").mkdir()
    return tmp_path


def write(repo: Path, caption: str, *, kind: str = "non-edukasi", extra: str = "") -> Path:
    folder = repo / "posts" / "2026" / "12"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{POST}.md"
    path.write_text(f"""---
title: Uji gerbang
date: 2026-12-01 09:00
category: rutin
type: {kind}
status: draf
platforms: [facebook]
caption: "{caption}"
hashtags: [JDIHKPU, KPUSingkawang]
{extra}---
Catatan.
""", encoding="utf-8")
    return path


def run(repo: Path, *args: str) -> Result:
    _register_commands()
    return CliRunner().invoke(cli, ["--root", str(repo), *args],
                              env={"KALENDER_NOW": "2026-11-30T09:00"})


def test_a_blocked_slur_refuses_submit_with_file_line_words_and_basis(repo: Path) -> None:
    path = write(repo, "Dasar cokin, balik sana!")
    before = path.read_bytes()
    result = run(repo, "submit", POST, "--by", "rina")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (f"Galat: langkah 'mengajukan' pada pos '{POST}' ditolak; "
                        "tidak ada berkas yang diubah.")
    assert "  Alasan: 1 temuan galat (SOP A dan D) harus diperbaiki lebih dulu:" in lines
    finding = next(line for line in lines if "[content.forbidden]" in line)
    assert finding.startswith(f"    posts/2026/12/{POST}.md:8 [content.forbidden] ")
    assert "“cokin”" in finding and "UU 40/2008 Pasal 4 huruf b" in finding
    assert path.read_bytes() == before
    assert not path.with_name(f"{POST}.persetujuan.yml").exists()


def test_a_missing_source_is_an_error_from_submit_on(repo: Path) -> None:
    write(repo, "Mengenal asas Pemilu yang jujur dan adil.", kind="edukasi-kepemiluan")
    assert run(repo, "check").exit_code == 0  # a draft: only a warning
    result = run(repo, "submit", POST, "--by", "rina")
    assert result.exit_code == 1
    assert f"    posts/2026/12/{POST}.md:5 [sources.required] " in result.output


def test_a_clean_post_with_its_source_moves_on(repo: Path) -> None:
    write(repo, "Mengenal asas Pemilu yang jujur dan adil.", kind="edukasi-kepemiluan",
          extra="source: https://jdih.kpu.go.id/kalbar/singkawang\n")
    result = run(repo, "submit", POST, "--by", "rina")
    assert result.exit_code == 0, result.output
    assert "status: diajukan" in (repo / "posts/2026/12" / f"{POST}.md").read_text()


def test_the_refusal_in_english(repo: Path) -> None:
    write(repo, "Dasar cokin, balik sana!")
    result = run(repo, "--lang", "en", "submit", POST, "--by", "rina")
    assert "Reason: 1 error finding(s) (SOP A and D) must be fixed first:" in result.output


@pytest.mark.parametrize("platforms", [
    "[instagram]", "[tiktok]", "[youtube]", "{instagram: reel}", "{facebook: reel}",
    "{youtube: short}",
], ids=["instagram", "tiktok", "youtube", "instagram-reel", "facebook-reel", "youtube-short"])
def test_a_format_that_needs_media_refuses_submit_without_it(repo: Path, platforms: str) -> None:
    path = write(repo, "Tebak istilah hukum hari ini!")
    path.write_text(path.read_text(encoding="utf-8").replace("platforms: [facebook]",
                                                             f"platforms: {platforms}"),
                    encoding="utf-8")
    drafted = run(repo, "check")
    assert drafted.exit_code == 0 and "media" not in drafted.output  # a draft may wait
    result = run(repo, "submit", POST, "--by", "rina")
    assert result.exit_code == 1
    assert f"    posts/2026/12/{POST}.md:7 [media.count] " in result.output
    assert "tidak ada berkas yang diubah" in result.output


def test_a_text_post_on_facebook_or_x_needs_no_media(repo: Path) -> None:
    path = write(repo, "Tebak istilah hukum hari ini!")
    path.write_text(path.read_text(encoding="utf-8").replace("platforms: [facebook]",
                                                             "platforms: [facebook, x]"),
                    encoding="utf-8")
    assert run(repo, "submit", POST, "--by", "rina").exit_code == 0
