"""What got through the hostile probes of the loader (issue 21), each replayed: wrong kinds
where the code used the value as a key, 600-deep YAML, numbers where text is asked, post and
record files that are symlinks out of the repository, a decompression bomb. Each must be a
clear error with file and line, and the run goes on to report every other problem."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from kalender.cli.main import _register_commands, cli
from kalender.core.loader import load_project

DAY = "posts/2026/12"
FRONT = ("title: Uji\ndate: 2026-12-02 09:00\ncategory: rutin\ntype: non-edukasi\n"
         "platforms: [instagram]\n")


def write_post(repo: Path, front: str, name: str = "2026-12-02-uji.md") -> Path:
    path = repo / DAY / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\nIsi.\n", encoding="utf-8")
    return path


def replaced(key: str, value: str) -> str:
    """FRONT with ``key`` given ``value`` (a YAML fragment) instead of its own."""
    lines = [line for line in FRONT.splitlines() if not line.startswith(f"{key}:")]
    return "\n".join(lines) + f"\n{key}: {value}\n"


def errors(repo: Path) -> list[tuple[str, int | None, str]]:
    project = load_project(repo)
    return [(p.path.name, p.line, p.message) for p in project.report.errors]


def check(repo: Path) -> tuple[int, str]:
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(repo), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


# --- 5. a list or a mapping where a word is asked -------------------------------------------


@pytest.mark.parametrize(("key", "value", "found"), [
    ("category", "[rutin]", "daftar ['rutin']"),
    ("category", "{rutin: ya}", "pemetaan (kunci: nilai) {'rutin': 'ya'}"),
    ("type", "[edukasi-kepemiluan]", "daftar ['edukasi-kepemiluan']"),
    ("status", "{draf: 1}", "pemetaan (kunci: nilai) {'draf': 1}"),
])
def test_a_list_or_mapping_for_a_word_is_a_clear_error_and_the_run_goes_on(
        repo: Path, key: str, value: str, found: str) -> None:
    write_post(repo, replaced(key, value))
    write_post(repo, FRONT + "catagory: rutin\n", "2026-12-02-dua.md")
    code, output = check(repo)
    assert code == 1
    line = 6 if key != "status" else 7
    assert f"  galat baris {line}: '{key}': diharapkan teks, ditemukan {found}." in output
    assert "kunci 'catagory' tidak dikenal" in output  # the other file is still reported


@pytest.mark.parametrize(("key", "value"), [
    ("platforms", "5"), ("media", "5"), ("captions", "5"), ("hashtags", "5"),
    ("legal_product", "5"), ("mentions", "{a: 1}"), ("date", "[1, 2]"),
])
def test_a_scalar_for_a_collection_never_stops_the_run(repo: Path, key: str,
                                                       value: str) -> None:
    write_post(repo, replaced(key, value))
    found = errors(repo)
    assert len(found) == 1 and found[0][0] == "2026-12-02-uji.md", found
    assert f"'{key}': diharapkan" in found[0][2]


def test_600_deep_yaml_is_a_clear_error_with_its_line(repo: Path) -> None:
    deep = "".join("  " * i + f"k{i}:\n" for i in range(600)) + "  " * 600 + "x\n"
    write_post(repo, FRONT + "source:\n" + "".join("  " + line + "\n"
                                                   for line in deep.splitlines()))
    write_post(repo, FRONT + "catagory: rutin\n", "2026-12-02-dua.md")
    code, output = check(repo)
    assert code == 1
    assert ("\n  galat baris 71: YAML terlalu dalam: lebih dari "
            "64 tingkat bersarang (ditemukan di baris ini); tulis datanya lebih datar.") in output
    assert "kunci 'catagory' tidak dikenal" in output


@pytest.mark.parametrize("text", [
    "title: " + "[" * 600 + "]" * 600 + "\n",
    "title: " + "{a: " * 600 + "1" + "}" * 600 + "\n",
    "".join("  " * i + "- \n" for i in range(600)),
], ids=["flow-list", "flow-mapping", "block-list"])
def test_deep_flow_and_list_yaml_never_raise(repo: Path, text: str) -> None:
    write_post(repo, text)
    found = errors(repo)
    assert found and all(name == "2026-12-02-uji.md" and line for name, line, _ in found)


def test_yaml_deeper_than_libyaml_allows_is_said_in_words(repo: Path) -> None:
    write_post(repo, "title: " + "[" * 1200 + "]" * 1200 + "\n")
    ((_, line, message),) = errors(repo)
    assert line == 2
    assert message == ("YAML tidak sah: saat menambah tingkat bersarang; melebihi batas "
                       "kedalaman bersarang.")


# --- 6. numbers where text is asked ------------------------------------------------------


@pytest.mark.parametrize(("front", "line", "message"), [
    (replaced("title", "12345"), 6, "'title': diharapkan teks, ditemukan bilangan bulat 12345."),
    (replaced("title", "3.5"), 6, "'title': diharapkan teks, ditemukan angka 3.5."),
    (FRONT + "caption: 42\n", 7, "'caption': diharapkan teks, ditemukan bilangan bulat 42."),
    (FRONT + "captions: {instagram: 5}\n", 7,
     "'captions.instagram': diharapkan teks atau pemetaan (kunci: nilai), ditemukan bilangan "
     "bulat 5."),
    (FRONT + "captions:\n  instagram:\n    description: 7\n", 9,
     "'captions.instagram.description': diharapkan teks, ditemukan bilangan bulat 7."),
    (FRONT + "hashtags: [5]\n", 7, "'hashtags.0': diharapkan teks, ditemukan bilangan bulat 5."),
    (FRONT + "mentions: [true]\n", 7,
     "'mentions.0': diharapkan teks, ditemukan ya/tidak (true/false) True."),
    (FRONT + "media:\n  - file: kartu.png\n    alt: 12\n", 9,
     "'media.0.alt': diharapkan teks, ditemukan bilangan bulat 12."),
])
def test_a_number_where_text_is_asked_is_refused(repo: Path, front: str, line: int,
                                                 message: str) -> None:
    path = write_post(repo, front)
    Image.new("RGB", (10, 10), "orange").save(path.parent / "kartu.png")
    assert errors(repo) == [("2026-12-02-uji.md", line, message)]


def test_the_captions_mapping_names_the_unknown_platform_x(repo: Path) -> None:
    write_post(repo, FRONT + "captions: {x: 5}\n")
    assert errors(repo) == [("2026-12-02-uji.md", 7,
                             "'captions.x': diharapkan teks atau pemetaan (kunci: nilai), "
                             "ditemukan bilangan bulat 5.")]


def test_a_law_number_may_still_be_written_as_a_number(repo: Path) -> None:
    write_post(repo, FRONT + "legal_product:\n  jenis: Peraturan KPU\n  nomor: 8\n"
                             "  tahun: 2024\n")
    assert errors(repo) == []


# --- 3. symlinks out of the repository -----------------------------------------------------


def test_a_post_file_that_is_a_symlink_out_of_the_repository_is_refused(
        repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("luar") / "rahasia.md"
    outside.write_text(f"---\n{FRONT}---\nRahasia di luar repositori.\n", encoding="utf-8")
    link = repo / DAY / "2026-12-02-uji.md"
    link.parent.mkdir(parents=True)
    os.symlink(outside, link)
    project = load_project(repo)
    assert project.posts == []
    assert [(p.path.name, p.line, p.message) for p in project.report.errors] == [
        ("2026-12-02-uji.md", 1, "berkas ini menunjuk ke luar repositori (tautan simbolik ke "
         f"{outside}): simpan berkas di dalam repositori.")]


def test_a_record_file_that_is_a_symlink_out_of_the_repository_is_refused(
        repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from kalender.approval.records import load_ledger

    post = write_post(repo, FRONT)
    outside = tmp_path_factory.mktemp("luar") / "catatan.yml"
    outside.write_text("post: 2026-12-02-uji\nrecords: []\n", encoding="utf-8")
    os.symlink(outside, post.with_name("2026-12-02-uji.persetujuan.yml"))
    ledger = load_ledger(post)
    assert ledger.records == ()
    assert [(p.line, p.message) for p in ledger.problems] == [
        (1, "berkas ini menunjuk ke luar repositori (tautan simbolik ke "
            f"{outside}): simpan berkas di dalam repositori.")]


def test_an_action_on_a_symlinked_post_writes_nothing_outside(
        repo: Path, tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kalender.approval.machine import Action
    from kalender.core.errors import KalenderError
    from kalender.workflow.actions import Details, perform

    monkeypatch.setenv("KALENDER_NOW", "2026-11-30T10:00:00")
    folder = tmp_path_factory.mktemp("luar")
    outside = folder / "2026-12-02-uji.md"  # a good post name: only where it lies is wrong
    outside.write_text(f"---\n{FRONT}status: draf\n---\nRahasia.\n", encoding="utf-8")
    link = repo / DAY / "2026-12-02-uji.md"
    link.parent.mkdir(parents=True)
    os.symlink(outside, link)
    before = outside.read_bytes()
    for ref in (str(link), "2026-12-02-uji"):
        with pytest.raises(KalenderError) as refused:
            perform(repo, ref, Action.COMMENT, "hendra", Details(text="hai"))
        assert refused.value.key == "approval.post_has_errors"
    assert outside.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["2026-12-02-uji.md"]


def test_a_symlink_inside_the_repository_still_loads(repo: Path) -> None:
    real = write_post(repo, FRONT, "asli.txt")
    os.symlink(real, repo / DAY / "2026-12-02-uji.md")
    assert errors(repo) == []


# --- 10. a decompression bomb ---------------------------------------------------------------


@pytest.mark.parametrize("factor", [1.5, 2.5], ids=["over-warning", "over-error"])
def test_a_decompression_bomb_gives_only_the_proper_error(repo: Path, factor: float) -> None:
    path = write_post(repo, FRONT + "media:\n  - file: bom.png\n    alt: Gambar.\n")
    side = int((89_478_485 * factor) ** 0.5)  # Pillow warns over 89 MP, refuses over twice
    Image.new("1", (side, side)).save(path.parent / "bom.png", optimize=True)
    result = subprocess.run([sys.executable, "-m", "kalender", "--root", str(repo), "check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    megapixels = round(side * side / 1_000_000)
    assert result.stderr == (  # no DecompressionBombWarning, no traceback: the one error
        "posts/2026/12/2026-12-02-uji.md\n"
        f"  galat baris 8: gambar 'bom.png' terlalu besar: {megapixels} megapiksel, paling besar "
        "89 megapiksel. Perkecil gambarnya sebelum dipakai.\n")
    assert result.stdout == "1 pos diperiksa: 1 galat, 0 peringatan.\n"
