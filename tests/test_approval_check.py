"""``kalender check`` on approvals: status and records never disagree silently, a hand-made
step that breaks the SOP is found at its line, and the sample calendar is consistent."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kalender.cli.main import _register_commands
from kalender.rules.check import check_project
from test_approval_flow import POST, POST_ID, ok, write_post

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def test_status_written_by_hand_is_reported(runner: CliRunner, repo: Path) -> None:
    write_post(repo, POST.replace("status: draf", "status: diparaf"))
    problems, _ = check_project(repo)
    found = [(p.code, p.line, p.message) for p in problems if p.code.startswith("approval.")]
    assert found == [(
        "approval.status", 6,
        f"'status: diparaf' tetapi belum ada catatan persetujuan ({POST_ID}.persetujuan.yml); "
        "status sesudah draf hanya dicapai lewat perintah (kalender submit, initial, approve). "
        "Tulis 'status: draf' lalu ajukan.")]


def test_status_and_records_disagreeing_is_reported(runner: CliRunner, repo: Path) -> None:
    path = write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    path.write_text(path.read_text(encoding="utf-8").replace("status: diajukan",
                                                             "status: disetujui"),
                    encoding="utf-8")
    problems, _ = check_project(repo)
    assert [p.message for p in problems if p.code == "approval.status"] == [
        f"'status: disetujui' tidak sama dengan catatan persetujuan ({POST_ID}.persetujuan.yml), "
        "yang memberi 'diajukan'; tulis 'status: diajukan'."]


def test_a_hand_made_approval_by_the_drafter_is_found_at_its_line(runner: CliRunner,
                                                                  repo: Path) -> None:
    path = write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    record_path = path.with_name(f"{POST_ID}.persetujuan.yml")
    text = record_path.read_text(encoding="utf-8")
    fingerprint = text.rsplit("fingerprint: ", 1)[1].split("\n", 1)[0]
    record_path.write_text(text + (
        "\n- action: approve\n  by: rina\n  role: divisi\n  at: 2026-11-30T10:00:00+07:00\n"
        f"  fingerprint: {fingerprint}\n"), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("status: diparaf",
                                                             "status: disetujui"),
                    encoding="utf-8")
    problems, _ = check_project(repo)
    [step] = [p for p in problems if p.code == "approval.steps"]
    assert step.path == record_path
    assert step.line == 17
    assert step.message == (
        "langkah 'disetujui' ini tidak sah menurut alur SOP: Rina Marlina (rina) berperan "
        "sebagai Staf Subbagian Hukum; langkah ini hanya untuk Anggota KPU Divisi Hukum dan "
        "Pengawasan.")


def test_open_comments_on_an_approved_post_warn(runner: CliRunner, repo: Path) -> None:
    write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    ok(runner, repo, "approve", POST_ID, "--by", "sari")
    # an open comment holds the approval (gates.py); one written after it stays open
    ok(runner, repo, "comment", POST_ID, "Sumbernya?", "--by", "ahmad")
    problems, _ = check_project(repo)
    assert [(p.severity.value, p.message) for p in problems
            if p.code == "approval.comments"] == [
        ("warning", "pos sudah disetujui tetapi komentar #1 masih terbuka (kalender comment POS "
                    "--resolve NOMOR).")]


def test_records_left_behind_by_a_renamed_post_warn(runner: CliRunner, repo: Path) -> None:
    path = write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    path.rename(path.with_name("2026-12-09-antikorupsi.md"))
    problems, _ = check_project(repo)
    assert [(p.path.name, p.message) for p in problems if p.code == "approval.orphans"] == [
        (f"{POST_ID}.persetujuan.yml",
         f"catatan persetujuan tanpa pos: {POST_ID}.md tidak ada (dipindah atau dihapus?). "
         "Pindahkan catatan ini bersama posnya.")]


def test_the_sample_calendar_has_consistent_approvals() -> None:
    problems, count = check_project(ROOT)
    assert count.posts > 30
    assert [p.where(ROOT) + " " + p.message for p in problems
            if p.code.startswith("approval.")] == []
    recorded = sorted(ROOT.glob("posts/*/*/*.persetujuan.yml"))
    assert len(recorded) == 20
