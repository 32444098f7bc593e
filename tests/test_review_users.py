"""Accounts (``kalender user add|passwd|remove``), sessions and the login limit on a clock the
test turns, and the site sync that copies only the pages a rebuild changed."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kalender.cli.main import _register_commands, cli
from kalender.review.security import (
    DeviceStore,
    LoginKeys,
    LoginLimiter,
    SessionStore,
    same_origin,
)
from kalender.review.sitebuild import sync_tree
from kalender.review.users import UserStore, users_file

PASSWORD = "kata-sandi-panjang-1"
_register_commands()


def run(repo: Path, *args: str, stdin: str | None = None,
        env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--root", str(repo), *args], input=stdin,
                                env={"KALENDER_USERS": "", **(env or {})})
    return result.exit_code, result.output


def test_add_keeps_only_an_argon2_hash_in_a_private_file(repo: Path) -> None:
    code, out = run(repo, "user", "add", "hendra", "--password-stdin", stdin=PASSWORD + "\n")
    path = repo / ".kalender" / "pengguna.json"
    assert (code, out) == (0, f"Akun 'hendra' dibuat (tersimpan di {path}, di luar git).\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    raw = path.read_text(encoding="utf-8")
    assert PASSWORD not in raw
    assert json.loads(raw)["users"]["hendra"]["hash"].startswith("$argon2id$")
    store = UserStore(path)
    assert store.verify("hendra", PASSWORD) is True
    assert store.verify("hendra", PASSWORD + "x") is False
    assert store.verify("sari", PASSWORD) is False


def test_add_asks_twice_and_refuses_a_mismatch(repo: Path) -> None:
    code, out = run(repo, "user", "add", "sari", stdin=f"{PASSWORD}\nlain-sekali-12\n"
                    f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 0
    assert "Kata sandi: \nUlangi kata sandi: \n" in out  # hidden input, asked twice
    assert UserStore(users_file(repo)).verify("sari", PASSWORD)


@pytest.mark.parametrize("args, stdin, message", [
    (("user", "add", "mallory", "--password-stdin"), PASSWORD,
     "Galat: anggota 'mallory' tidak ada di calendar/tim.yml; yang dikenal: rina, bayu, "
     "hendra, sari, ahmad.\n"),
    (("user", "add", "rina", "--password-stdin"), "pendek",
     "Galat: kata sandi terlalu pendek: diharapkan paling sedikit 10 karakter.\n"),
    (("user", "passwd", "rina", "--password-stdin"), PASSWORD,
     "Galat: akun 'rina' tidak ada; buat dengan: kalender user add rina\n"),
    (("user", "remove", "rina"), None,
     "Galat: akun 'rina' tidak ada; buat dengan: kalender user add rina\n"),
], ids=["unknown-member", "short", "passwd-missing", "remove-missing"])
def test_account_mistakes_are_named(repo: Path, args: tuple[str, ...], stdin: str | None,
                                    message: str) -> None:
    code, out = run(repo, *args, stdin=stdin)
    assert (code, out) == (1, message)
    assert not (repo / ".kalender" / "pengguna.json").exists()


def test_add_twice_passwd_and_remove(repo: Path) -> None:
    run(repo, "user", "add", "rina", "--password-stdin", stdin=PASSWORD)
    code, out = run(repo, "user", "add", "rina", "--password-stdin", stdin=PASSWORD)
    assert (code, out) == (1, "Galat: akun 'rina' sudah ada; ganti kata sandinya dengan: "
                              "kalender user passwd rina\n")
    assert run(repo, "user", "passwd", "rina", "--password-stdin",
               stdin="sandi-baru-rina-99") == (0, "Kata sandi 'rina' diganti.\n")
    store = UserStore(users_file(repo))
    assert store.verify("rina", "sandi-baru-rina-99") and not store.verify("rina", PASSWORD)
    assert run(repo, "user", "remove", "rina") == (0, "Akun 'rina' dihapus.\n")
    assert store.accounts() == {}


def test_the_accounts_file_may_live_elsewhere(repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "rahasia" / "akun.json"
    code, _ = run(repo, "user", "add", "ahmad", "--password-stdin", stdin=PASSWORD,
                  env={"KALENDER_USERS": str(elsewhere)})
    assert code == 0 and elsewhere.is_file()
    assert not (repo / ".kalender").exists()


def test_a_damaged_accounts_file_is_named(repo: Path) -> None:
    path = repo / ".kalender" / "pengguna.json"
    path.parent.mkdir()
    path.write_text("{bukan json", encoding="utf-8")
    code, out = run(repo, "user", "add", "ahmad", "--password-stdin", stdin=PASSWORD)
    assert code == 1
    assert out == (f"Galat: berkas akun {path} rusak (bukan JSON akun yang dikenal); "
                   "pulihkan atau hapus lalu buat ulang akun.\n")


# --- sessions and the login limit, on a clock the test turns -------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sessions_end_at_their_expiry_and_at_logout() -> None:
    clock = Clock()
    sessions = SessionStore(lifetime=3600, clock=clock)
    first, second = sessions.open("hendra"), sessions.open("hendra")
    assert first.token != second.token and first.csrf != second.csrf
    assert first.csrf_matches(first.csrf) and not first.csrf_matches(second.csrf)
    assert not first.csrf_matches(None)
    clock.now += 3599
    assert sessions.get(first.token) == first
    sessions.close(second.token)
    assert sessions.get(second.token) is None
    clock.now += 1
    assert sessions.get(first.token) is None


GUESSER = LoginKeys.of("hendra", "10.0.0.5", None)


def test_a_guesser_waits_longer_after_each_failure_past_the_free_ones() -> None:
    clock = Clock()
    limiter = LoginLimiter(free=3, base=1.0, cap=900, window=900, clock=clock)
    for _ in range(3):
        assert limiter.attempt(GUESSER) == 0
    waits = []
    for _ in range(5):
        waits.append(limiter.attempt(GUESSER))  # refused: nothing counted
        clock.now += waits[-1]
        assert limiter.attempt(GUESSER) == 0  # after the wait, one more try is counted
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0]


def test_the_delay_is_capped_and_forgotten_after_the_window() -> None:
    clock = Clock()
    limiter = LoginLimiter(free=3, base=1.0, cap=60, window=900, clock=clock)
    for _ in range(20):
        limiter.failed(GUESSER)
    assert limiter.wait(GUESSER) == 60
    clock.now += 900
    assert limiter.wait(GUESSER) == 0


def test_a_guesser_cannot_lock_the_member_out() -> None:
    clock = Clock()
    limiter = LoginLimiter(free=3, base=1.0, cap=900, window=900, clock=clock)
    for _ in range(12):
        limiter.failed(GUESSER)
    assert limiter.wait(GUESSER) == 512  # the guesser's own pair is slowed down
    assert limiter.wait(LoginKeys.of("hendra", "10.0.0.9", None)) == 0  # another address
    assert limiter.wait(LoginKeys.of("hendra", "10.0.0.5", "token")) == 0  # a known device
    assert limiter.wait(LoginKeys.of("sari", "10.0.0.5", None)) == 0  # another account


def test_one_address_trying_every_account_is_stopped_by_the_spray_limit() -> None:
    clock = Clock()
    limiter = LoginLimiter(free=3, spray=10, window=900, clock=clock)
    for number in range(10):
        assert limiter.attempt(LoginKeys.of(f"anggota{number}", "10.0.0.5", None)) == 0
    assert limiter.attempt(LoginKeys.of("sari", "10.0.0.5", None)) == 900
    assert limiter.attempt(LoginKeys.of("sari", "10.0.0.5", "token")) == 0  # known device
    assert limiter.attempt(LoginKeys.of("sari", "10.0.0.6", None)) == 0


def test_a_success_clears_its_pair_and_gives_back_its_spray_count() -> None:
    clock = Clock()
    limiter = LoginLimiter(free=3, spray=4, window=900, clock=clock)
    for _ in range(3):
        limiter.failed(GUESSER)
    assert limiter.wait(GUESSER) > 0
    limiter.succeeded(GUESSER)
    assert limiter.wait(GUESSER) == 0
    office = [LoginKeys.of(member, "10.0.0.5", None) for member in ("a", "b", "c", "d", "e")]
    for keys in office:  # five members of one office (one address) log in right
        assert limiter.attempt(keys) == 0
        limiter.succeeded(keys)
    assert limiter.wait(LoginKeys.of("f", "10.0.0.5", None)) == 0


def test_a_device_is_known_only_for_its_member_and_until_it_expires() -> None:
    clock = Clock()
    devices = DeviceStore(lifetime=100, clock=clock)
    token = devices.remember("hendra", None)
    assert devices.device_of("hendra", token) == token
    assert devices.device_of("sari", token) is None
    assert devices.remember("hendra", token) == token
    assert devices.remember("sari", token) != token
    assert devices.device_of("hendra", "made-up") is None
    clock.now += 100
    assert devices.device_of("hendra", token) is None


@pytest.mark.parametrize("origin, host, same", [
    ("http://192.168.1.10:8800", "192.168.1.10:8800", True),
    ("https://kalender.kantor", "kalender.kantor", True),
    ("http://192.168.1.10:8801", "192.168.1.10:8800", False),
    ("http://evil.example", "192.168.1.10:8800", False),
    ("null", "192.168.1.10:8800", False),
    (None, "192.168.1.10:8800", False),
    ("file://", "", False),
])
def test_same_origin(origin: str | None, host: str, same: bool) -> None:
    assert same_origin(origin, host) is same


# --- the site sync -----------------------------------------------------------------------------


def test_sync_writes_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    built, served = tmp_path / "built", tmp_path / "site"
    for folder in (built, served):
        (folder / "pos" / "a").mkdir(parents=True)
        (folder / "index.html").write_bytes(b"<p>beranda</p>")
        (folder / "pos" / "a" / "index.html").write_bytes(b"<p>diajukan</p>")
    (served / "lama.html").write_bytes(b"<p>lama</p>")
    (built / "pos" / "a" / "index.html").write_bytes(b"<p>diparaf</p>")
    (built / "baru.html").write_bytes(b"<p>baru</p>")
    untouched = (served / "index.html").stat().st_ino
    changed = sync_tree(built, served)
    assert changed == ("baru.html", "pos/a/index.html", "lama.html")
    assert (served / "pos" / "a" / "index.html").read_bytes() == b"<p>diparaf</p>"
    assert (served / "baru.html").read_bytes() == b"<p>baru</p>"
    assert not (served / "lama.html").exists()
    assert (served / "index.html").stat().st_ino == untouched  # not rewritten
    assert sync_tree(built, served) == ()
    assert sorted(p.name for p in served.rglob("*.tmp")) == []
