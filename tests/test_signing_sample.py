"""The signed sample and the secret a move needs: the sample's records verify, a hand edit of
one of them fails ``check`` at its file and line, a move in another member's name without
that member's passphrase is refused, and records from before signatures are listed once
until their members attest them.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kalender.approval.keys import locked, write_key_file
from kalender.approval.machine import Action
from kalender.cli.main import _register_commands, cli
from kalender.workflow.actions import perform
from samplekeys import DEMO_PASSPHRASE, KEY_FOLDER, sample_key
from test_approval_flow import POST_ID, write_post
from test_signing import FAST, ZONE, accept, add_key

ROOT = Path(__file__).resolve().parent.parent
WAITING = "2026-12-16-asas-pemilu-luber-jurdil"  # diparaf in the sample: sari approves next
RECORDS = f"posts/2026/12/{WAITING}.persetujuan.yml"


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the sample: calendar (with its keys) and every post with its records."""
    for folder in ("calendar", "posts"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def kalender(runner: CliRunner, root: Path, *args: str, secret: str | None = None,
             keys: Path | None = None) -> Result:
    env = {"KALENDER_NOW": "2026-12-18T10:00", "KALENDER_USER": None,
           "KALENDER_KEYS": str(keys) if keys else None}
    return runner.invoke(cli, ["--root", str(root), *args], env=env,
                         input=None if secret is None else secret + "\n")


def test_sample_records_are_signed_and_verify(runner: CliRunner) -> None:
    records = sorted((ROOT / "posts").rglob("*.persetujuan.yml"))
    assert records and all("  signature: " in p.read_text(encoding="utf-8") for p in records)
    result = kalender(runner, ROOT, "check", "--strict")
    assert result.exit_code == 0, result.output
    assert "0 galat, 0 peringatan" in result.output


def _line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


@pytest.mark.parametrize(("old", "new", "line_text", "said"), [
    ("at: 2026-12-11T10:30:00+07:00", "at: 2026-12-11T10:30:01+07:00", "- action: initial",
     "isinya tidak sama dengan yang ditandatangani hendra"),
    ("by: hendra", "by: bayu", "- action: initial",
     "isinya tidak sama dengan yang ditandatangani hendra"),
], ids=["time-plus-one-second", "member-changed"])
def test_a_hand_edit_of_a_sample_record_fails_at_its_line(
        runner: CliRunner, sample: Path, old: str, new: str, line_text: str,
        said: str) -> None:
    path = sample / RECORDS
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = kalender(runner, sample, "check")
    assert result.exit_code != 0
    output = result.output
    assert RECORDS in output, output
    after = output[output.index(RECORDS):]
    assert f"galat baris {_line_of(path, line_text)}: catatan 'initial'" in after, output
    assert said in after


def test_a_deleted_sample_record_breaks_the_chain_at_the_next(runner: CliRunner,
                                                                sample: Path) -> None:
    path = sample / RECORDS
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\n- action: submit"), text.index("\n- action: initial")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = kalender(runner, sample, "check")
    assert result.exit_code != 0
    after = result.output[result.output.index(RECORDS):]
    assert (f"galat baris {_line_of(path, '- action: initial')}: catatan 'initial' oleh "
            "hendra") in after
    assert "'prev' tidak sama dengan hash catatan sebelumnya" in after


def test_a_move_in_another_members_name_needs_that_members_secret(
        runner: CliRunner, sample: Path, tmp_path: Path) -> None:
    path = sample / RECORDS
    before = path.read_bytes()
    claimed = kalender(runner, sample, "approve", WAITING, "--by", "sari")
    assert claimed.exit_code != 0
    assert ("langkah atas nama sari memerlukan frasa sandi kunci sari, tetapi tidak ada "
            "terminal untuk menanyakannya") in claimed.output
    assert "Traceback" not in claimed.output
    keys = tmp_path / "kunci-sari"
    keys.mkdir()
    shutil.copy2(next(KEY_FOLDER.glob("sari-*.json")), keys)
    wrong = kalender(runner, sample, "approve", WAITING, "--by", "sari", "--password-stdin",
                     secret="sandi-orang-lain-2026", keys=keys)
    assert "frasa sandi tidak membuka kunci sari; tidak ada yang diubah." in wrong.output
    nobody = kalender(runner, sample, "approve", WAITING, "--by", "sari", "--password-stdin",
                      secret=DEMO_PASSPHRASE, keys=tmp_path / "kosong")
    assert "sari belum punya kunci di komputer ini" in nobody.output
    assert path.read_bytes() == before
    done = kalender(runner, sample, "approve", WAITING, "--by", "sari", "--password-stdin",
                    secret=DEMO_PASSPHRASE, keys=keys)
    assert done.exit_code == 0, done.output
    added = path.read_text(encoding="utf-8")[len(before.decode()):]
    assert "- action: approve\n  by: sari" in added and "  signature: " in added
    assert kalender(runner, sample, "check", "--strict").exit_code == 0


def test_perform_without_a_signer_is_refused_once_the_team_has_keys(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kalender.core.errors import KalenderError

    monkeypatch.setenv("KALENDER_NOW", "2026-12-18T10:00")
    with pytest.raises(KalenderError) as refused:
        perform(sample, WAITING, Action.APPROVE, "sari")
    assert "--by saja tidak cukup" in refused.value.format_message()


# -- records from before signatures ----------------------------------------------------------


@pytest.fixture
def adopted_late(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A post submitted and initialled before the team had keys; then keys for everyone
    (rina and hendra hold theirs on this machine, locked with their passphrases)."""
    write_post(repo)
    for action, member, at in ((Action.SUBMIT, "rina", "2026-11-30T09:00"),
                               (Action.INITIAL, "hendra", "2026-12-01T10:30")):
        monkeypatch.setenv("KALENDER_NOW", at)
        perform(repo, POST_ID, action, member)
    keys = {m: sample_key(m) for m in ("hendra", "rina", "sari")}
    start = dt.datetime(2026, 12, 2, 8, 0, tzinfo=ZONE)
    for key in keys.values():
        add_key(repo, key, start)
        accept(repo, key, keys["hendra"], start)
    for member in ("rina", "hendra"):
        write_key_file(repo, locked(keys[member], f"sandi-{member}-2026", start, n=FAST))
    return repo


def test_old_records_are_listed_once_then_attested_by_their_members(
        runner: CliRunner, adopted_late: Path) -> None:
    repo = adopted_late
    listed = kalender(runner, repo, "check")
    assert "0 galat, 2 peringatan" in listed.output  # the other: the post's card picture
    assert listed.output.count("dari sebelum tanda tangan") == 1
    assert ("2 catatan di 1 berkas tidak bertanda tangan, dari sebelum tanda tangan (pertama: "
            f"{POST_ID}.persetujuan.yml)") in listed.output
    refused = kalender(runner, repo, "key", "attest", "rina", "--password-stdin",
                       secret="sandi-hendra-2026")
    assert "frasa sandi tidak membuka kunci rina" in refused.output
    for member in ("rina", "hendra"):
        done = kalender(runner, repo, "key", "attest", member, "--password-stdin",
                        secret=f"sandi-{member}-2026")
        assert done.exit_code == 0, done.output
        assert f"{member} menegaskan 1 catatan di 1 berkas." in done.output
    again = kalender(runner, repo, "key", "attest", "rina", "--password-stdin", secret="x")
    assert "Tidak ada catatan rina dari sebelum tanda tangan" in again.output
    clean = kalender(runner, repo, "check")
    assert "0 galat, 1 peringatan" in clean.output, clean.output
    assert "tanda tangan" not in clean.output


def test_an_attested_old_record_changed_later_is_an_error(runner: CliRunner,
                                                          adopted_late: Path) -> None:
    repo = adopted_late
    assert kalender(runner, repo, "key", "attest", "rina", "--password-stdin",
                    secret="sandi-rina-2026").exit_code == 0
    path = next((repo / "posts").rglob("*.persetujuan.yml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("at: 2026-11-30T09:00:00+07:00",
                                 "at: 2026-11-30T08:00:00+07:00", 1), encoding="utf-8")
    result = kalender(runner, repo, "check")
    assert result.exit_code != 0
    assert (f"galat baris {_line_of(path, '- action: submit')}: catatan 'submit' oleh rina "
            "pada 2026-11-30T08:00:00+07:00 tidak sama dengan yang ditegaskan rina") in (
        result.output), result.output


def test_passwd_relocks_a_key_so_the_review_password_opens_it(runner: CliRunner,
                                                               sample: Path) -> None:
    from kalender.approval.keys import key_files, unlocked

    key = sample_key("sari")
    write_key_file(sample, locked(key, "frasa-laptop-sari", dt.datetime(2026, 12, 1,
                                                                         tzinfo=ZONE), n=FAST))
    wrong = kalender(runner, sample, "key", "passwd", "sari", "--password-stdin",
                     secret="bukan-frasanya\nsandi-sari-uji-2026")
    assert "frasa sandi tidak membuka kunci sari" in wrong.output
    done = kalender(runner, sample, "key", "passwd", "sari", "--password-stdin",
                    secret="frasa-laptop-sari\nsandi-sari-uji-2026")
    assert done.exit_code == 0, done.output
    assert f"Kunci {key.key_id} milik sari kini dibuka dengan frasa sandi baru" in done.output
    [data] = key_files(sample, "sari")
    assert unlocked(data, "frasa-laptop-sari") is None
    opened = unlocked(data, "sandi-sari-uji-2026")
    assert opened is not None and opened.key_id == key.key_id
