"""A per-post cache file grows by small addition files (core.keptfile): what a new process
reads back is every value kept, an edit writes only what it added, and the file is written
whole again when the additions are many or many values are unused."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path

from kalender.core.keptfile import MOST_ADDITIONS, PIECE, KeptFile
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


@dataclass(frozen=True, slots=True)
class Rencana:  # like a preview plan: an object with __slots__, pickled with a new state
    foto: Path
    bingkai: tuple[int, int]


def pickles_in(path: Path) -> list[object]:
    found = []
    with path.open("rb") as handle:
        while handle.peek(1):
            found.append(pickle.load(handle))  # noqa: S301
    return found


def test_many_values_are_written_in_pieces_and_read_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "rencana.pickle"
    shared = Path("foto") / "bersama.jpg"
    memo = DiskMemo[list[Rencana]](path, "generasi-1")
    count = 2 * PIECE + 3
    for number in range(count):
        memo.get(f"pos-{number}", lambda n=number: [Rencana(shared, (n, 1)),
                                                    Rencana(shared, (n, 2))])
    memo.save()
    header, *pieces = pickles_in(path)
    assert [len(piece) for piece in pieces] == [PIECE, PIECE, 3]  # one pickle (memo) each
    again = DiskMemo[list[Rencana]](path, "generasi-1")
    assert len(again.values) == count
    plans = again.get(f"pos-{count - 1}", lambda: [])
    assert plans == [Rencana(shared, (count - 1, 1)), Rencana(shared, (count - 1, 2))]
    assert plans[0].foto is plans[1].foto  # shared inside a piece, as written


def test_a_file_cut_short_or_of_the_old_format_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "nilai.pickle"
    fill(path, 2 * PIECE)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) * 3 // 4])  # the last piece missing
    assert memo_of(path).get("kunci-1", lambda: "dihitung lagi") == "dihitung lagi"
    with path.open("wb") as out:  # one pickle of every value behind the header (format 1)
        pickle.dump((1, "generasi-1"), out)
        pickle.dump({"version": 1, "generation": "generasi-1",
                     "values": {"kunci-1": "nilai-1"}}, out)
    assert memo_of(path).get("kunci-1", lambda: "dihitung lagi") == "dihitung lagi"
