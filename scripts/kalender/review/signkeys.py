"""Members' signing keys on the review server: unlocked by the login, used for one move.

The server keeps each member's private key in its git-ignored key folder
(``.kalender/kunci/``), locked with that member's review password (``kalender key init
MEMBER`` on the server, with the review password as the passphrase; docs/review.md). At
login the password opens the key; the server then wraps it with a fresh random secret that
it gives to the browser as an HttpOnly cookie and does not keep. Between requests the server
holds only the wrapped key: a move unwraps it with the cookie, signs its record, and drops
it. Logout, the session's end or a server restart forget the wrapped key.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from ..approval.keys import MemberKey, Signer, key_files, unlocked

KEY_COOKIE = "kalender_kunci"


@dataclass(frozen=True)
class WrappedKey:
    """A member's private key wrapped with a secret that only the browser holds."""

    member: str
    nonce: bytes
    sealed: bytes


def wrap(key: MemberKey) -> tuple[WrappedKey, str]:
    """The key wrapped with a fresh secret, and that secret as a cookie value."""
    secret, nonce = ChaCha20Poly1305.generate_key(), secrets.token_bytes(12)
    sealed = ChaCha20Poly1305(secret).encrypt(nonce, key.raw_private(), key.member.encode())
    return WrappedKey(key.member, nonce, sealed), base64.urlsafe_b64encode(secret).decode()


def unwrap(wrapped: WrappedKey, cookie: str | None) -> MemberKey | None:
    """The key for one move; None without the right cookie."""
    try:
        secret = base64.urlsafe_b64decode((cookie or "").encode())
        raw = ChaCha20Poly1305(secret).decrypt(wrapped.nonce, wrapped.sealed,
                                               wrapped.member.encode())
    except (InvalidTag, ValueError, binascii.Error):
        return None
    return MemberKey(wrapped.member, Ed25519PrivateKey.from_private_bytes(raw))


def open_with_password(root: Path, member: str, password: str) -> MemberKey | None:
    """The member's key on this server opened with their review password (newest first);
    None when they have no key here or it is locked with another passphrase."""
    for data in key_files(root, member):
        key = unlocked(data, password)
        if key is not None:
            return key
    return None


@dataclass
class SessionKeys:
    """The wrapped key of each open session, by session token."""

    _wrapped: dict[str, WrappedKey] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def keep(self, token: str, key: MemberKey) -> str:
        """Wrap ``key`` for the session ``token``; the cookie value that unwraps it."""
        wrapped, cookie = wrap(key)
        with self._lock:
            self._wrapped[token] = wrapped
        return cookie

    def signer(self, token: str, member: str, cookie: str | None) -> Signer | None:
        """The session's key for one move, or None (no key unlocked at login)."""
        with self._lock:
            wrapped = self._wrapped.get(token)
        if wrapped is None or wrapped.member != member:
            return None
        key = unwrap(wrapped, cookie)
        return Signer.of(key) if key is not None else None

    def forget(self, token: str) -> None:
        with self._lock:
            self._wrapped.pop(token, None)
