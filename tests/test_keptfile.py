"""A per-post cache file grows by small addition files (core.keptfile): what a new process
reads back is every value kept, an edit writes only what it added, and the file is written
whole again when the additions are many or many values are unused."""

from __future__ import annotations

from pathlib import Path

from kalender.core.keptfile import MOST_ADDITIONS, KeptFile
from kalender.core.postmemo import DiskMemo


def memo_of(path: Path) -> DiskMemo[str]:
    return DiskMemo[str](path, "generasi-1")


def fill(path: Path, count: int) -> None:
    memo = memo_of(path)
    for number in range(count):
        memo.get(f"kunci-{number}", lambda n=number: f"nilai-{n}")
    memo.save()


def test_an_edit_adds_a_small_file_and_the_next_process_reads_both(tmp_path: Path) -> None:
    path = tmp_path / "nilai.pickle"
    fill(path, 200)
    whole = path.read_bytes()
    memo = memo_of(path)
    for number in range(1, 200):  # one post edited: its old key unused, a new one added
        memo.get(f"kunci-{number}", lambda: "tidak dipakai")
    assert memo.get("kunci-baru", lambda: "nilai-baru") == "nilai-baru"
    memo.save()
    assert path.read_bytes() == whole
    addition = tmp_path / "nilai.pickle.1"
    assert addition.is_file() and addition.stat().st_size < len(whole) / 10
    again = memo_of(path)
    assert again.get("kunci-baru", lambda: "dihitung lagi") == "nilai-baru"
    assert again.get("kunci-7", lambda: "dihitung lagi") == "nilai-7"
    assert again.added == 0


def test_nothing_added_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nilai.pickle"
    fill(path, 50)
    before = sorted(p.name for p in tmp_path.iterdir())
    stamp = path.stat().st_mtime_ns
    fill(path, 50)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert path.stat().st_mtime_ns == stamp


def test_many_additions_are_written_whole_again(tmp_path: Path) -> None:
    path = tmp_path / "nilai.pickle"
    fill(path, 100)
    for edit in range(MOST_ADDITIONS + 1):
        memo = memo_of(path)
        for number in range(100):
            memo.get(f"kunci-{number}", lambda: "tidak dipakai")
        memo.get(f"suntingan-{edit}", lambda e=edit: f"nilai-suntingan-{e}")
        memo.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nilai.pickle"]
    memo = memo_of(path)
    assert memo.get(f"suntingan-{MOST_ADDITIONS}", lambda: "lagi") == \
        f"nilai-suntingan-{MOST_ADDITIONS}"
    assert memo.get("kunci-5", lambda: "dihitung lagi") == "nilai-5"
    assert memo.get("suntingan-0", lambda: "dihitung lagi") == "dihitung lagi"  # unused


def test_many_unused_values_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "nilai.pickle"
    fill(path, 100)
    memo = memo_of(path)
    for number in range(50):  # half the posts deleted
        memo.get(f"kunci-{number}", lambda: "tidak dipakai")
    memo.save()
    assert not (tmp_path / "nilai.pickle.1").exists()
    again = memo_of(path)
    assert again.get("kunci-80", lambda: "dihitung lagi") == "dihitung lagi"
    assert again.get("kunci-10", lambda: "dihitung lagi") == "nilai-10"


def test_additions_of_other_inputs_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "nilai.pickle"
    fill(path, 100)
    memo = memo_of(path)
    memo.get("kunci-baru", lambda: "nilai-baru")
    memo.save()
    other = KeptFile(path, 1, "generasi-2", "values")
    assert other.read() == {}
    assert DiskMemo[str](path, "generasi-2").get("kunci-baru", lambda: "lagi") == "lagi"
