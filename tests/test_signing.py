"""Signed approval records: keys that open only with the passphrase, records signed over their
content and chained, and ``kalender check`` naming the file and line of every record that was
changed, removed, moved or inserted by hand.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kalender.approval.keyring import (
    ACCEPTANCE_CHAIN,
    ACCEPTANCE_FILE,
    acceptance_entry,
    verified_edit,
    with_public_key,
    with_revoked,
)
from kalender.approval.keys import MemberKey, Signer, key_id_of, locked, new_key, unlocked
from kalender.approval.machine import Action
from kalender.approval.signing import head, read_items, seal_entry
from kalender.cli.main import _register_commands, cli
from kalender.workflow.actions import perform
from test_approval_flow import POST_ID, write_post

ZONE = dt.timezone(dt.timedelta(hours=7))
FROM = dt.datetime(2026, 1, 1, tzinfo=ZONE)
FAST = 2**12  # scrypt cost of the tests' keys (the command uses 2**16)


def add_key(repo: Path, key: MemberKey, valid_from: dt.datetime = FROM) -> None:
    path = repo / "calendar" / "tim.yml"
    old = path.read_text(encoding="utf-8")
    new = with_public_key(old, key.member, key.raw_public, valid_from)
    verified_edit(old, new, path)
    path.write_text(new, encoding="utf-8")


def accept(repo: Path, key: MemberKey, by: MemberKey, at: dt.datetime = FROM) -> None:
    """The kasubbag's signed acceptance record of ``key``."""
    path = repo / "calendar" / ACCEPTANCE_FILE
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    items = [i.fields for i in read_items(path, old.encode())]
    entry = acceptance_entry(key.member, key.raw_public, by.member, "kasubbag", at)
    path.write_text(old + seal_entry(entry, ACCEPTANCE_CHAIN, head(ACCEPTANCE_CHAIN, items),
                                     by), encoding="utf-8")


@pytest.fixture
def keys(repo: Path) -> dict[str, MemberKey]:
    made = {m: new_key(m) for m in ("rina", "hendra", "sari")}
    for key in made.values():
        add_key(repo, key)
    accept(repo, made["hendra"], made["hendra"])  # the trust root accepts itself
    accept(repo, made["rina"], made["hendra"])
    accept(repo, made["sari"], made["hendra"])
    return made


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def move(repo: Path, monkeypatch: pytest.MonkeyPatch, keys: dict[str, MemberKey],
         action: Action, member: str, at: str) -> None:
    monkeypatch.setenv("KALENDER_NOW", at)
    perform(repo, POST_ID, action, member, signer=Signer.of(keys[member]))


@pytest.fixture
def approved(repo: Path, keys: dict[str, MemberKey], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A post submitted by rina, initialled by hendra, approved by sari: signed records."""
    post = write_post(repo)
    move(repo, monkeypatch, keys, Action.SUBMIT, "rina", "2026-11-30T09:00")
    move(repo, monkeypatch, keys, Action.INITIAL, "hendra", "2026-12-01T10:30")
    move(repo, monkeypatch, keys, Action.APPROVE, "sari", "2026-12-02T14:00")
    return post.with_name(post.stem + ".persetujuan.yml")


def check(runner: CliRunner, repo: Path) -> Result:
    return runner.invoke(cli, ["--root", str(repo), "check"])


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line == text)


def assert_reported(result: Result, repo: Path, path: Path, line: int, text: str) -> None:
    """``check`` named the file, then the line with the message."""
    output = result.output
    shown = path.relative_to(repo).as_posix()
    assert shown in output, output
    assert f"galat baris {line}: {text}" in output[output.index(shown):], output


def test_signed_records_check_clean(runner: CliRunner, repo: Path, approved: Path) -> None:
    text = approved.read_text(encoding="utf-8")
    assert text.count("  signature: ") == 3
    assert text.count("  prev: ") == 3
    result = check(runner, repo)
    assert result.exit_code == 0, result.output
    assert "0 galat" in result.output and "terverifikasi" not in result.output


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_time_moved_by_one_second_fails_at_its_line(runner: CliRunner, repo: Path,
                                                     approved: Path) -> None:
    line = line_of(approved, "- action: approve")
    _edit(approved, "at: 2026-12-02T14:00:00+07:00", "at: 2026-12-02T14:00:01+07:00")
    result = check(runner, repo)
    assert result.exit_code != 0
    assert_reported(result, repo, approved, line,
                    "catatan 'approve' oleh sari pada 2026-12-02T14:00:01+07:00 tidak "
                    "terverifikasi: isinya tidak sama dengan yang ditandatangani sari")


def test_member_changed_fails_naming_whose_key(runner: CliRunner, repo: Path,
                                               approved: Path) -> None:
    line = line_of(approved, "- action: initial")
    _edit(approved, "by: hendra", "by: sari")
    result = check(runner, repo)
    assert result.exit_code != 0
    assert_reported(result, repo, approved, line, "catatan 'initial' oleh sari pada "
                    "2026-12-01T10:30:00+07:00 tidak terverifikasi: isinya tidak sama dengan "
                    "yang ditandatangani hendra")


def test_removed_record_breaks_the_chain(runner: CliRunner, repo: Path, approved: Path) -> None:
    text = approved.read_text(encoding="utf-8")
    start = text.index("\n- action: initial")
    end = text.index("\n- action: approve")
    approved.write_text(text[:start] + text[end:], encoding="utf-8")
    result = check(runner, repo)
    assert result.exit_code != 0
    line = line_of(approved, "- action: approve")
    assert_reported(result, repo, approved, line, "catatan 'approve' oleh sari pada "
                    "2026-12-02T14:00:00+07:00 tidak terverifikasi: 'prev' tidak sama dengan "
                    "hash catatan sebelumnya: ada catatan yang dihapus, disisipkan, dipindah")


def test_reordered_records_break_the_chain(runner: CliRunner, repo: Path,
                                           approved: Path) -> None:
    text = approved.read_text(encoding="utf-8")
    head_text, *items = re.split(r"\n(?=- action: )", text)
    items[0], items[1] = items[1], items[0]
    approved.write_text("\n".join([head_text, *items]), encoding="utf-8")
    result = check(runner, repo)
    assert result.exit_code != 0
    assert "'prev' tidak sama dengan hash catatan sebelumnya" in result.output


def test_record_inserted_by_hand_is_an_error(runner: CliRunner, repo: Path,
                                            approved: Path) -> None:
    text = approved.read_text(encoding="utf-8")
    approved.write_text(text + "\n- action: comment\n  by: sari\n  role: divisi\n"
                        "  at: 2026-12-03T08:00:00+07:00\n  fingerprint: " + "a" * 64 +
                        "\n  comment: 1\n  text: \"Sisipan.\"\n", encoding="utf-8")
    result = check(runner, repo)
    assert result.exit_code != 0
    line = line_of(approved, "- action: comment")
    assert_reported(result, repo, approved, line, "catatan 'comment' oleh sari pada "
                    "2026-12-03T08:00:00+07:00 tidak bertanda tangan, padahal catatan "
                    "sebelumnya bertanda tangan")


def test_signature_counts_only_while_the_key_is_valid(runner: CliRunner, repo: Path,
                                                      approved: Path,
                                                      keys: dict[str, MemberKey]) -> None:
    path = repo / "calendar" / "tim.yml"
    old = path.read_text(encoding="utf-8")
    new = with_revoked(old, "hendra", keys["hendra"].key_id,
                       dt.datetime(2026, 12, 1, 8, 0, tzinfo=ZONE))
    verified_edit(old, new, path)
    path.write_text(new, encoding="utf-8")
    result = check(runner, repo)
    assert result.exit_code != 0
    assert f"kunci {keys['hendra'].key_id} dicabut sejak 2026-12-01T08:00:00+07:00" in (
        result.output)


def test_key_not_accepted_cannot_sign(repo: Path, keys: dict[str, MemberKey],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from kalender.core.errors import KalenderError

    write_post(repo)
    bayu = new_key("bayu")
    add_key(repo, bayu)
    monkeypatch.setenv("KALENDER_NOW", "2026-11-30T09:00")
    with pytest.raises(KalenderError) as refused:
        perform(repo, POST_ID, Action.SUBMIT, "bayu", signer=Signer.of(bayu))
    assert "belum diterima Kasubbag" in refused.value.format_message()
    with pytest.raises(KalenderError) as other:
        perform(repo, POST_ID, Action.SUBMIT, "bayu", signer=Signer.of(keys["rina"]))
    assert "memerlukan rahasia bayu" in other.value.format_message()
    assert not (repo / "posts" / "2026" / "12" / f"{POST_ID}.persetujuan.yml").exists()


def test_private_key_opens_only_with_its_passphrase() -> None:
    key = new_key("rina")
    data = locked(key, "frasa-sandi-rina-2026", dt.datetime(2026, 12, 1, tzinfo=ZONE), n=FAST)
    assert key.raw_private().hex() not in str(data)
    assert data["kdf"]["name"] == "scrypt"
    assert unlocked(data, "frasa-sandi-salah-2026") is None
    opened = unlocked(data, "frasa-sandi-rina-2026")
    assert opened is not None and opened.key_id == key.key_id == key_id_of(key.raw_public)


def test_adding_a_key_keeps_every_other_line_of_tim_yml(repo: Path) -> None:
    path = repo / "calendar" / "tim.yml"
    old = path.read_text(encoding="utf-8")
    key = new_key("sari")
    new = with_public_key(old, "sari", key.raw_public, FROM)
    verified_edit(old, new, path)
    added = [line for line in new.split("\n") if line not in old.split("\n")]
    public = base64.b64encode(key.raw_public).decode()
    assert added == ["    keys:", f'      - public: "ed25519:{public}"',
                     "        valid_from: 2026-01-01T00:00:00+07:00"]
    assert [line for line in new.split("\n") if line not in added] == old.split("\n")


def test_key_commands_and_a_signed_move_from_the_command_line(runner: CliRunner,
                                                               repo: Path) -> None:
    env = {"KALENDER_NOW": "2026-11-30T09:00", "KALENDER_USER": None, "KALENDER_KEYS": None}

    def kalender(*args: str, secret: str = "") -> Result:
        return runner.invoke(cli, ["--root", str(repo), *args], input=secret + "\n", env=env)

    for member in ("hendra", "rina"):
        made = kalender("key", "init", member, "--password-stdin", secret=f"sandi-{member}-2026")
        assert made.exit_code == 0, made.output
        assert f"untuk {member} dibuat" in made.output
    assert kalender("key", "accept", "hendra", "--by", "hendra", "--password-stdin",
                    secret="sandi-hendra-2026").exit_code == 0
    wrong = kalender("key", "accept", "rina", "--by", "hendra", "--password-stdin",
                     secret="bukan-sandinya-2026")
    assert wrong.exit_code != 0
    assert "frasa sandi tidak membuka kunci hendra; tidak ada yang diubah." in wrong.output
    assert kalender("key", "accept", "rina", "--by", "hendra", "--password-stdin",
                    secret="sandi-hendra-2026").exit_code == 0
    listed = kalender("key", "list").output
    assert listed.count("diterima hendra 2026-11-30T09:00:00+07:00") == 2
    post = write_post(repo)
    records = post.with_name(post.stem + ".persetujuan.yml")
    refused = kalender("submit", POST_ID, "--by", "rina", "--password-stdin",
                       secret="sandi-hendra-2026")
    assert refused.exit_code != 0 and not records.exists()
    done = kalender("submit", POST_ID, "--by", "rina", "--password-stdin",
                    secret="sandi-rina-2026")
    assert done.exit_code == 0, done.output
    assert "  signature: " in records.read_text(encoding="utf-8")
    assert list((repo / ".kalender" / "kunci").glob("rina-*.json"))
    assert "0 galat" in check(runner, repo).output
