"""The review server's accounts: one login per member of ``calendar/tim.yml``.

Passwords are hashed with Argon2id (``argon2-cffi``) and kept OUTSIDE git, in
``.kalender/pengguna.json`` at the repository root (the folder is in ``.gitignore``), or in
the file named by ``$KALENDER_USERS``. The file is written atomically with mode 0600 in a
folder of mode 0700; it holds hashes only, never a password.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..core.atomic import write_bytes
from ..core.errors import KalenderError

USERS_ENV = "KALENDER_USERS"
DEFAULT_FILE = Path(".kalender") / "pengguna.json"
MIN_PASSWORD = 10  # characters
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Checked against when the member has no account, so a wrong name costs as long as a
    wrong password and the time taken does not tell which members have accounts. Made on
    first use, not at import (it took a quarter second of every ``kalender`` command)."""
    return _HASHER.hash("kalender-bukan-kata-sandi")


def users_file(root: Path) -> Path:
    """Where the accounts are kept: ``$KALENDER_USERS``, else ``<root>/.kalender/pengguna.json``."""
    given = os.environ.get(USERS_ENV, "").strip()
    return Path(given) if given else root / DEFAULT_FILE


@dataclass(frozen=True)
class Account:
    """One member's login: the Argon2 hash of the password and when it was last set."""

    member: str
    hash: str
    changed: str


class UserStore:
    """The accounts file: read on every use, so ``kalender user`` takes effect at once."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def accounts(self) -> dict[str, Account]:
        """Every account in the file (none when there is no file yet)."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            data = json.loads(raw)
            return {m: Account(m, str(a["hash"]), str(a.get("changed", "")))
                    for m, a in data["users"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            raise KalenderError("review.users_corrupt", path=self.path) from None

    def has(self, member: str) -> bool:
        return member in self.accounts()

    def verify(self, member: str, password: str) -> bool:
        """True when ``password`` is the member's; as slow for an unknown member."""
        account = self.accounts().get(member)
        try:
            return _HASHER.verify(account.hash if account else _dummy_hash(), password) and (
                account is not None)
        except (VerificationError, InvalidHashError):
            return False

    def set_password(self, member: str, password: str, now: dt.datetime) -> None:
        """Create or replace the member's account with a new password."""
        check_password(password)
        accounts = self.accounts()
        accounts[member] = Account(member, _HASHER.hash(password),
                                   now.isoformat(timespec="seconds"))
        self._write(accounts)

    def remove(self, member: str) -> None:
        """Delete the member's account."""
        accounts = self.accounts()
        if member not in accounts:
            raise KalenderError("review.user_missing", member=member)
        del accounts[member]
        self._write(accounts)

    def _write(self, accounts: dict[str, Account]) -> None:
        data: dict[str, Any] = {"version": 1, "users": {
            a.member: {"hash": a.hash, "changed": a.changed} for a in accounts.values()}}
        write_private(self.path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode())


def check_password(password: str) -> None:
    """Refuse a password that is too short or only spaces."""
    if len(password.strip()) < MIN_PASSWORD:
        raise KalenderError("review.password_short", minimum=MIN_PASSWORD)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by its owner only (0600, folder 0700)."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    write_bytes(path, data, 0o600)
