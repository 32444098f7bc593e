"""Writing approvals never loses what a person wrote: the post changes only in its status
value, the record file only grows, writes are atomic, and a file changed meanwhile is left
alone."""

from __future__ import annotations

from pathlib import Path

import filelock
import pytest
from click.testing import CliRunner

from kalender.approval import records
from kalender.approval.records import commit, take_snapshot, with_status
from kalender.core.errors import KalenderError
from test_approval_flow import POST_ID, files_of, ok, run, write_post

UGLY = (
    "\ufeff---\r\n"
    "# Pos ini ditulis di Windows, dengan komentar YAML di mana-mana.\r\n"
    "title:    'Hari Antikorupsi: \"Berani Jujur\"'   # judul kalender\r\n"
    "date: 2026-12-09 08:00\r\n"
    "category: sewaktu-waktu\r\n"
    "type: hari-penting\r\n"
    "status:   \"draf\"     # diubah oleh perintah kalender\r\n"
    "platforms: [ instagram,x ]\r\n"
    "caption: >-\r\n"
    "  Selamat Hari Antikorupsi Sedunia!\r\n"
    "  Integritas dimulai dari hal kecil.\r\n"
    "hashtags:\r\n"
    "- JDIHKPU     # tagar wajib\r\n"
    "- KPUSingkawang\r\n"
    "media:\r\n"
    f"  - {{file: {POST_ID}/kartu.png, alt: \"Kartu oranye.\"}}\r\n"
    "---\r\n"
    "Catatan   dengan spasi di akhir   \r\n"
    "\r\n"
    "tanpa baris baru di akhir berkas"
)


@pytest.fixture
def runner() -> CliRunner:
    from kalender.cli.main import _register_commands

    _register_commands()
    return CliRunner()


def test_ugly_post_keeps_every_byte_but_the_status_value(runner: CliRunner,
                                                          repo: Path) -> None:
    path = write_post(repo)
    path.write_bytes(UGLY.encode("utf-8"))
    original = path.read_bytes()

    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    assert path.read_bytes() == original.replace(b'status:   "draf"     #',
                                                 b'status:   "diajukan"     #')
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    ok(runner, repo, "approve", POST_ID, "--by", "sari")
    assert path.read_bytes() == original.replace(b'status:   "draf"     #',
                                                 b'status:   "disetujui"     #')


def test_a_missing_status_line_is_added_before_the_closing_fence(runner: CliRunner,
                                                                 repo: Path) -> None:
    path = write_post(repo)
    without = UGLY.replace("status:   \"draf\"     # diubah oleh perintah kalender\r\n", "")
    path.write_bytes(without.encode("utf-8"))
    refused = run(runner, repo, "submit", POST_ID, "--by", "rina")
    assert "berstatus 'usulan'" not in refused.output  # no status means usulan: not drafted
    assert refused.exit_code == 1
    assert "  Alasan: pos masih usulan: tulis dulu drafnya, ubah 'status: usulan' menjadi " \
           "'status: draf', lalu ajukan." in refused.output

    raw = without.encode("utf-8")
    added = with_status(raw, "draf", path)
    assert added == raw.replace(b"\r\n---\r\nCatatan", b"\r\nstatus: draf\r\n---\r\nCatatan")


def test_record_file_only_grows_and_keeps_a_persons_lines(runner: CliRunner,
                                                         repo: Path) -> None:
    write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    record_path = repo / "posts" / "2026" / "12" / f"{POST_ID}.persetujuan.yml"
    first = record_path.read_bytes()
    assert first.decode("utf-8").splitlines()[:3] == [
        f"# Catatan persetujuan dan komentar pos {POST_ID}.",
        "# Ditulis oleh perintah kalender (submit, initial, approve, return, uploaded, "
        "comment);",
        "# setiap langkah ditambahkan di bawah. Jangan mengubah atau menghapus isian yang "
        "sudah ada."]
    with_note = first + b"# Dibahas di rapat Senin.\n"
    record_path.write_bytes(with_note)
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    grown = record_path.read_bytes()
    assert grown.startswith(with_note)
    assert grown[len(with_note):].decode("utf-8").startswith("\n- action: initial\n  by: hendra\n")


def test_record_file_saved_with_crlf_stays_crlf(runner: CliRunner, repo: Path) -> None:
    write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    record_path = repo / "posts" / "2026" / "12" / f"{POST_ID}.persetujuan.yml"
    record_path.write_bytes(record_path.read_bytes().replace(b"\n", b"\r\n"))
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    grown = record_path.read_bytes()
    assert b"\n" not in grown.replace(b"\r\n", b"")
    assert grown.count(b"- action: ") == 2


def test_a_broken_record_file_stops_the_command_with_its_line(runner: CliRunner,
                                                             repo: Path) -> None:
    write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    record_path = repo / "posts" / "2026" / "12" / f"{POST_ID}.persetujuan.yml"
    record_path.write_bytes(record_path.read_bytes().replace(b"role: staf", b"role: ketua"))
    files = files_of(repo)
    result = run(runner, repo, "initial", POST_ID, "--by", "hendra")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"posts/2026/12/{POST_ID}.persetujuan.yml",
        "  galat baris 7: '0.role': nilai 'ketua' tidak dikenal; yang diizinkan: staf, "
        "kasubbag, divisi, pimpinan.",
        f"Galat: pos '{POST_ID}' atau catatannya punya 1 galat (lihat di atas); perbaiki dulu, "
        "lalu ulangi.",
    ]
    assert files_of(repo) == files


def test_a_file_changed_since_it_was_read_is_not_written(repo: Path) -> None:
    path = write_post(repo)
    snapshot = take_snapshot(path)
    path.write_bytes(path.read_bytes() + b"Ditambah di editor.\n")
    edited = files_of(repo)
    with pytest.raises(KalenderError) as caught:
        commit(snapshot, b"- action: submit\n", with_status(snapshot.post_bytes, "diajukan", path))
    assert caught.value.format_message() == (
        f"{POST_ID}.md berubah sejak dibaca oleh perintah ini; tidak ada yang ditulis. "
        "Jalankan perintahnya lagi.")
    assert files_of(repo) == edited


def test_the_record_file_is_put_back_when_the_post_cannot_be_written(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_post(repo)
    snapshot = take_snapshot(path)
    before = files_of(repo)
    real = records.atomic_write

    def failing(target: Path, data: bytes) -> None:
        if target == path:
            raise OSError("disk full")
        real(target, data)

    monkeypatch.setattr(records, "atomic_write", failing)
    with pytest.raises(OSError):
        commit(snapshot, b"- action: submit\n", with_status(snapshot.post_bytes, "diajukan", path))
    assert files_of(repo) == before


def test_writes_leave_no_temporary_file(runner: CliRunner, repo: Path) -> None:
    write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    folder = repo / "posts" / "2026" / "12"
    assert sorted(p.name for p in folder.iterdir()) == [
        POST_ID, f"{POST_ID}.md", f"{POST_ID}.persetujuan.yml"]


def test_a_second_writer_waits_then_gives_up_plainly(runner: CliRunner, repo: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    write_post(repo)
    monkeypatch.setattr(records, "LOCK_TIMEOUT", 0.2)
    (repo / ".cache" / "kalender").mkdir(parents=True)
    files = files_of(repo)
    with filelock.FileLock(repo / ".cache" / "kalender" / "persetujuan.lock"):
        result = run(runner, repo, "submit", POST_ID, "--by", "rina")
    assert result.exit_code == 1
    assert result.output == ("Galat: perintah lain sedang menulis catatan persetujuan; sudah "
                             "ditunggu 0 detik. Coba lagi sebentar lagi.\n")
    assert files_of(repo) == files


def test_a_status_spread_over_lines_is_not_guessed(repo: Path) -> None:
    path = write_post(repo)
    raw = path.read_bytes().replace(b"status: draf\n", b"status:\n  draf\n")
    with pytest.raises(KalenderError) as caught:
        with_status(raw, "diajukan", path)
    assert caught.value.format_message() == (
        f"{POST_ID}.md baris 6: 'status' tidak dapat diubah dengan aman; tulis dalam satu "
        "baris, misalnya 'status: draf'.")
