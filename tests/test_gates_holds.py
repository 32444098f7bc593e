"""What holds a move besides an error (issue 16): a warning nobody acknowledged, and, for the
approval, an open review comment. Acknowledgements and carried comments are recorded with
who and why, and count only for the content fingerprint they were given on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from conftest import ROOT, without_keys
from kalender.cli.main import _register_commands, cli

POST = "2026-12-01-gerbang"
FILE = f"posts/2026/12/{POST}.md"
MISMATCH = "legal.citation_mismatch"
PKPU = """legal_product:
  jenis: Peraturan KPU
  nomor: "8"
  tahun: 2019
  tentang: Tata Kerja Komisi Pemilihan Umum
  url: https://jdih.kpu.go.id/peraturan-kpu-8-2019
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "calendar", tmp_path / "calendar")
    without_keys(tmp_path / "calendar")  # a team before signatures: moves need no passphrase
    (tmp_path / "posts").mkdir()
    return tmp_path


def write(repo: Path, caption: str, *, status: str = "draf") -> Path:
    """An educational Facebook post citing its legal product (a number off by one in the
    caption is the warning legal.citation_mismatch, on line 9)."""
    path = repo / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"""---
title: Uji gerbang
date: 2026-12-01 09:00
category: rutin
type: edukasi-kepemiluan
status: {status}
platforms: [facebook]
hashtags: [JDIHKPU, KPUSingkawang]
caption: "{caption}"
{PKPU}---
Catatan.
""", encoding="utf-8")
    return path


def run(repo: Path, *args: str, now: str = "2026-11-30T09:00") -> Result:
    _register_commands()
    return CliRunner().invoke(cli, ["--root", str(repo), *args], env={"KALENDER_NOW": now})


def records(repo: Path) -> list[dict[str, object]]:
    text = (repo / FILE).with_name(f"{POST}.persetujuan.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


TYPO = "Baca PKPU Nomor 9 Tahun 2019 tentang tata kerja KPU."
CLEAN = "Baca PKPU Nomor 8 Tahun 2019 tentang tata kerja KPU."


def test_an_unacknowledged_warning_refuses_the_move_and_says_how_to_acknowledge(
        repo: Path) -> None:
    path = write(repo, TYPO)
    before = path.read_bytes()
    result = run(repo, "submit", POST, "--by", "rina")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == (f"Galat: langkah 'mengajukan' pada pos '{POST}' ditolak; "
                        "tidak ada berkas yang diubah.")
    assert "  Alasan: 1 peringatan (SOP A dan D) belum diakui oleh Rina Marlina:" in lines
    assert any(line.startswith(f"    {FILE}:9 [{MISMATCH}] Facebook: “PKPU Nomor 9 Tahun 2019”")
               for line in lines)
    assert f'--acknowledge KODE="alasan" (kode: {MISMATCH})' in result.output
    assert path.read_bytes() == before
    assert not path.with_name(f"{POST}.persetujuan.yml").exists()


def test_an_acknowledged_warning_lets_the_move_through_and_is_recorded(repo: Path) -> None:
    write(repo, TYPO)
    result = run(repo, "submit", POST, "--by", "rina",
                 "--acknowledge", f"{MISMATCH}=Nomor 9 memang dikutip: peraturan pengganti.")
    assert result.exit_code == 0, result.output
    (record,) = records(repo)
    assert record["by"] == "rina"
    assert record["acknowledged"] == [{"code": MISMATCH,
                                       "why": "Nomor 9 memang dikutip: peraturan pengganti."}]
    assert run(repo, "check", "--strict").exit_code == 1  # the warning itself stays a warning
    assert run(repo, "check").exit_code == 0


def test_the_reason_may_be_shared_with_why_but_never_left_out(repo: Path) -> None:
    write(repo, TYPO)
    bare = run(repo, "submit", POST, "--by", "rina", "--acknowledge", MISMATCH)
    assert bare.exit_code == 2
    assert f"--acknowledge '{MISMATCH}': tulis KODE=\"alasan\"" in bare.output
    shared = run(repo, "ajukan", POST, "--by", "rina", "--akui", MISMATCH,
                 "--alasan", "Disengaja.")
    assert shared.exit_code == 0, shared.output
    assert records(repo)[0]["acknowledged"] == [{"code": MISMATCH, "why": "Disengaja."}]


def test_acknowledging_a_warning_the_post_does_not_have_is_refused(repo: Path) -> None:
    write(repo, CLEAN)
    result = run(repo, "submit", POST, "--by", "rina", "--acknowledge", "content.partisn=x")
    assert result.exit_code == 1
    assert (f"pos '{POST}' tidak punya peringatan 'content.partisn' untuk diakui "
            "(peringatan sekarang: -)") in result.output


def test_each_person_acknowledges_for_their_own_move(repo: Path) -> None:
    write(repo, TYPO)
    why = f"{MISMATCH}=Sengaja."
    assert run(repo, "submit", POST, "--by", "rina", "--acknowledge", why).exit_code == 0
    refused = run(repo, "initial", POST, "--by", "hendra")
    assert refused.exit_code == 1
    assert "belum diakui oleh Hendra Gunawan, S.H.:" in refused.output
    assert run(repo, "initial", POST, "--by", "hendra", "--acknowledge",
               f"{MISMATCH}=Sudah dicek ke naskah.").exit_code == 0
    assert run(repo, "approve", POST, "--by", "sari", "--acknowledge",
               f"{MISMATCH}=Diterima.").exit_code == 0
    assert [(r["action"], r["by"], r["acknowledged"][0]["why"]) for r in records(repo)] == [
        ("submit", "rina", "Sengaja."), ("initial", "hendra", "Sudah dicek ke naskah."),
        ("approve", "sari", "Diterima.")]


def test_an_acknowledgement_holds_only_for_the_same_fingerprint(repo: Path) -> None:
    path = write(repo, TYPO)
    assert run(repo, "submit", POST, "--by", "rina", "--acknowledge",
               f"{MISMATCH}=Sengaja.").exit_code == 0
    assert run(repo, "return", POST, "--by", "hendra", "--note", "Perbaiki.").exit_code == 0
    # the same content submitted again: Rina's acknowledgement still counts (and is copied)
    assert run(repo, "submit", POST, "--by", "rina").exit_code == 0, "same content"
    assert records(repo)[-1]["acknowledged"] == [{"code": MISMATCH, "why": "Sengaja."}]
    assert run(repo, "return", POST, "--by", "hendra", "--note", "Lagi.").exit_code == 0
    path.write_text(path.read_text(encoding="utf-8").replace("tata kerja", "Tata Kerja"),
                    encoding="utf-8")
    changed = run(repo, "submit", POST, "--by", "rina")
    assert changed.exit_code == 1
    assert "belum diakui oleh Rina Marlina" in changed.output


def open_comment(repo: Path) -> None:
    write(repo, CLEAN)
    assert run(repo, "submit", POST, "--by", "rina").exit_code == 0
    assert run(repo, "comment", POST, "Logo KPU terlalu kecil.", "--by", "hendra",
               "--platform", "facebook").exit_code == 0
    assert run(repo, "initial", POST, "--by", "hendra").exit_code == 0


def test_an_open_comment_holds_the_approval(repo: Path) -> None:
    open_comment(repo)
    result = run(repo, "approve", POST, "--by", "sari")
    assert result.exit_code == 1
    assert "  Alasan: 1 komentar masih terbuka:" in result.output
    assert "    #1 Hendra Gunawan, S.H. (facebook): “Logo KPU terlalu kecil.”" in result.output
    assert f"kalender comment {POST} --resolve NOMOR" in result.output
    assert run(repo, "comment", POST, "--resolve", "1", "--by", "rina").exit_code == 0
    assert run(repo, "approve", POST, "--by", "sari").exit_code == 0


def test_an_open_comment_may_be_carried_with_a_note(repo: Path) -> None:
    open_comment(repo)
    assert run(repo, "approve", POST, "--by", "sari", "--carry", "3=x").exit_code == 1
    result = run(repo, "setujui", POST, "--by", "sari", "--bawa",
                 "1=Logo diperbesar pada materi berikutnya.")
    assert result.exit_code == 0, result.output
    approval = records(repo)[-1]
    assert (approval["action"], approval["carried"]) == (
        "approve", [{"comment": 1, "note": "Logo diperbesar pada materi berikutnya."}])
    strict = run(repo, "check", "--strict")
    assert strict.exit_code == 0, strict.output  # a carried comment is not left open


def test_the_holds_in_english(repo: Path) -> None:
    write(repo, TYPO)
    result = run(repo, "--lang", "en", "submit", POST, "--by", "rina")
    assert "  Reason: 1 warning(s) (SOP A and D) not acknowledged by Rina Marlina:" in (
        result.output)


def test_a_signed_acknowledgement_is_covered_by_the_signature(repo: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    from kalender.approval.keys import Signer, new_key
    from kalender.approval.machine import Acknowledgement, Action
    from kalender.workflow.actions import Details, perform
    from test_signing import accept, add_key

    key = new_key("hendra")
    rina = new_key("rina")
    add_key(repo, key)
    add_key(repo, rina)
    accept(repo, key, key)
    accept(repo, rina, key)
    write(repo, TYPO)
    monkeypatch.setenv("KALENDER_NOW", "2026-11-30T09:00")
    perform(repo, POST, Action.SUBMIT, "rina",
            Details(acknowledged=(Acknowledgement(MISMATCH, "Sengaja."),)),
            signer=Signer.of(rina))
    assert run(repo, "check").exit_code == 0
    path = (repo / FILE).with_name(f"{POST}.persetujuan.yml")
    path.write_text(path.read_text(encoding="utf-8").replace('"Sengaja."', '"Asal saja."'),
                    encoding="utf-8")
    result = run(repo, "check")
    assert result.exit_code == 1
    assert ("galat baris 5: catatan 'submit' oleh rina pada 2026-11-30T09:00:00+07:00 tidak "
            "terverifikasi: isinya tidak sama dengan yang ditandatangani rina") in result.output


def test_history_shows_who_acknowledged_what_and_why(repo: Path) -> None:
    write(repo, TYPO)
    assert run(repo, "submit", POST, "--by", "rina", "--acknowledge",
               f"{MISMATCH}=Nomor 9 disengaja.").exit_code == 0
    lines = run(repo, "history", POST).output.splitlines()
    submitted = next(i for i, line in enumerate(lines) if "diajukan" in line and "Rina" in line)
    assert lines[submitted + 1] == f"    mengakui peringatan {MISMATCH}: “Nomor 9 disengaja.”"
