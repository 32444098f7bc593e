"""workflow.perform, the one code path of the CLI and the review server: the version check
("changed since read"), a comment's pin and address in the record file, and a damaged pin
named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kalender.approval.machine import Action
from kalender.approval.records import load_ledger
from kalender.core.errors import KalenderError
from kalender.workflow.actions import Details, Stale, load_post, perform
from reviewkit import NOW, POST_ID, copy_posts, post_path, record_path


@pytest.fixture
def root(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KALENDER_NOW", NOW)
    copy_posts(repo, (POST_ID,))
    return repo


def test_the_version_changes_with_any_byte_and_a_stale_move_writes_nothing(root: Path) -> None:
    seen = load_post(root, POST_ID).version
    perform(root, POST_ID, Action.COMMENT, "sari", Details(text="Sudah baik."))
    now = load_post(root, POST_ID).version
    assert now != seen
    before = (post_path(root).read_bytes(), record_path(root).read_bytes())
    with pytest.raises(Stale) as refused:
        perform(root, POST_ID, Action.INITIAL, "hendra", expect=seen)
    assert refused.value.format_message().startswith(
        f"pos '{POST_ID}' atau catatan persetujuannya berubah sejak Anda membacanya")
    assert (post_path(root).read_bytes(), record_path(root).read_bytes()) == before
    outcome = perform(root, POST_ID, Action.INITIAL, "hendra", expect=now, address="10.0.0.7")
    assert outcome.status.value == "diparaf"
    assert outcome.text.splitlines()[0].startswith(f"Pos '{POST_ID}' diparaf")
    assert load_ledger(post_path(root)).records[-1].address == "10.0.0.7"


def test_a_pin_is_rounded_and_must_lie_on_the_picture(root: Path) -> None:
    outcome = perform(root, POST_ID, Action.COMMENT, "hendra",
                      Details(text="Di sini.", platform="instagram", pin=(0.123456, 1.0)))
    assert outcome.record.pin == (0.1235, 1.0)
    assert "  pin: [0.1235, 1.0000]\n" in record_path(root).read_text(encoding="utf-8")
    assert load_ledger(post_path(root)).records[-1].pin == (0.1235, 1.0)
    with pytest.raises(KalenderError) as refused:
        perform(root, POST_ID, Action.COMMENT, "hendra", Details(text="x", pin=(1.5, 0.2)))
    assert refused.value.format_message() == (
        "titik komentar di luar gambar: diharapkan x dan y dari 0 sampai 1, "
        "ditemukan x=1.5, y=0.2.")


def test_a_damaged_pin_in_the_record_file_is_named_with_its_line(root: Path) -> None:
    path = record_path(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n- action: comment\n  by: sari\n  role: divisi\n"
                    "  at: 2026-12-18T09:00:00+07:00\n  fingerprint: " + "a" * 64 +
                    "\n  comment: 2\n  text: \"x\"\n  pin: [0.5, 7]\n", encoding="utf-8")
    line = text.count("\n") + 2
    ledger = load_ledger(post_path(root))
    assert [(p.line, p.message) for p in ledger.problems] == [
        (line, "'pin': diharapkan dua angka dari 0 sampai 1 (titik pada gambar), "
               "ditemukan [0.5, 7].")]
