"""The writers after the hostile probes (issue 21): an action dated before the last record is
refused by the same rule ``check`` uses, and the temporary files a kill -9 leaves behind are
cleaned on the next write of the same file, ignored by git and named by ``check``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kalender.approval.machine import Action
from kalender.cli.main import _register_commands, cli
from kalender.core.atomic import leftovers_of, write_bytes
from kalender.core.errors import KalenderError
from kalender.workflow.actions import Details, perform
from killkit import KILLED_WRITER, killed_mid_write
from reviewkit import POST_ID, record_path, small_repo
from samplekeys import sample_signer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return small_repo(tmp_path)


def check(root: Path) -> tuple[int, str]:
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(root), "check"])
    return result.exit_code, result.output


# --- 7. the write path applies check's time order ------------------------------------------


@pytest.mark.parametrize("now", ["2026-12-18T08:44:59", "2026-12-01T00:00:00"])
def test_an_action_earlier_than_the_last_record_is_refused_and_nothing_written(
        root: Path, monkeypatch: pytest.MonkeyPatch, now: str) -> None:
    monkeypatch.setenv("KALENDER_NOW", now)  # the last record: 2026-12-18 08.45
    before = record_path(root).read_bytes()
    with pytest.raises(KalenderError) as refused:
        perform(root, POST_ID, Action.COMMENT, "hendra", Details(text="Jam komputer mundur."),
                signer=sample_signer("hendra"))
    assert str(refused.value) == (
        f"pos '{POST_ID}': tindakan ini bertanggal {_moment(now)}, lebih awal daripada catatan "
        "terakhir (Jumat, 18 Desember 2026 pukul 08.45 WIB); catatan hanya ditambahkan urut waktu. "
        "Periksa jam komputer ini (atau KALENDER_NOW).")
    assert record_path(root).read_bytes() == before
    assert check(root)[0] == 0


def _moment(now: str) -> str:
    return {"2026-12-18T08:44:59": "Jumat, 18 Desember 2026 pukul 08.44 WIB",
            "2026-12-01T00:00:00": "Selasa, 1 Desember 2026 pukul 00.00 WIB"}[now]


def test_an_action_at_the_same_minute_as_the_last_record_is_written(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALENDER_NOW", "2026-12-18T08:45:00")
    perform(root, POST_ID, Action.COMMENT, "hendra", Details(text="Tepat waktu."),
            signer=sample_signer("hendra"))
    assert "Tepat waktu." in record_path(root).read_text(encoding="utf-8")
    assert check(root)[0] == 0


def test_the_flow_actions_are_held_to_the_same_order(root: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALENDER_NOW", "2026-12-17T12:00:00")
    with pytest.raises(KalenderError, match="lebih awal daripada catatan terakhir"):
        perform(root, POST_ID, Action.INITIAL, "hendra", signer=sample_signer("hendra"))


# --- 8. leftovers of a kill -9 ---------------------------------------------------------------


def test_a_kill_9_leftover_is_cleaned_on_the_next_write_of_the_same_file(tmp_path: Path) -> None:
    target = tmp_path / "2026-12-02-uji.persetujuan.yml"
    target.write_bytes(b"lama\n")
    (left,) = killed_mid_write(target)
    assert left.name.startswith(".2026-12-02-uji.persetujuan.yml.") and left.suffix == ".tmp"
    other = tmp_path / "lain.yml"
    write_bytes(other, b"x")  # another file's write leaves it alone
    assert left.exists()
    write_bytes(target, b"baru\n")
    assert not left.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-12-02-uji.persetujuan.yml",
                                                          "lain.yml"]
    assert target.read_bytes() == b"baru\n"


def test_a_temporary_file_of_a_write_in_progress_is_not_touched(tmp_path: Path) -> None:
    target = tmp_path / "berkas.yml"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        (busy,) = leftovers_of(target)
        os.utime(busy, (time.time() - 3600, time.time() - 3600))  # old, but still locked
        write_bytes(target, b"lain\n")
        assert busy.exists()
    finally:
        writer.kill()
        writer.wait(timeout=30)


def test_git_ignores_the_temporary_files() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "posts/2026/12/.2026-12-02-uji.md.k3j4h5.tmp",
         "calendar/.tim.yml.a1b2c3.tmp"], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == ["posts/2026/12/.2026-12-02-uji.md.k3j4h5.tmp",
                                      "calendar/.tim.yml.a1b2c3.tmp"]


def test_check_names_every_leftover(root: Path) -> None:
    record = record_path(root)
    killed_mid_write(record)
    killed_mid_write(root / "calendar" / "tim.yml")
    code, output = check(root)
    assert code == 0  # a warning: nothing is wrong with the files themselves
    lines = output.splitlines()
    for folder, name in ((record.parent, record.name), (root / "calendar", "tim.yml")):
        (left,) = leftovers_of(folder / name)
        shown = left.relative_to(root).as_posix()
        assert shown in lines
        assert lines[lines.index(shown) + 1] == (
            f"  peringatan: berkas sementara sisa penulisan yang terputus (misalnya komputer "
            f"mati) di samping {name}; isinya tidak dipakai: hapus berkas ini.")
