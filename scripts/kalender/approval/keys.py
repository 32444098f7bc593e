"""Members' signing keys: the Ed25519 pair, encrypted with the member's passphrase (scrypt) in
``.kalender/kunci/`` (git-ignored), and the :class:`Signer` handed to the actions."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.atomic import write_bytes
from ..core.errors import KalenderError

if TYPE_CHECKING:  # cryptography loads where a key is made, unlocked or used: a site build
    # only reads the records (about 8 ms of a new process; issue 23, branch edit9)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

VERSION = "kalender-tanda-1"
PUBLIC_PREFIX = "ed25519:"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
KEYS_ENV = "KALENDER_KEYS"
KEY_FOLDER = Path(".kalender") / "kunci"
# The office certificate authority of the signed papers (workflow/sheetsign.py): its private
# key in a git-ignored folder, its public root certificate in calendar/.
CA_FOLDER = Path(".kalender") / "otoritas"
CA_KEY = "otoritas-kantor.key.pem"
ROOT_CERT = "otoritas-kantor.pem"
MIN_PASSPHRASE = 10  # characters, as the review passwords
KEY_ID_DIGITS = 16


def key_id_of(raw_public: bytes) -> str:
    """The short id of a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(raw_public).hexdigest()[:KEY_ID_DIGITS]


def public_text(raw_public: bytes) -> str:
    """``ed25519:<base64>``: how a public key is written in ``tim.yml``."""
    return PUBLIC_PREFIX + base64.b64encode(raw_public).decode()


def public_bytes(text: str) -> bytes | None:
    """The 32 bytes of a public key written as ``ed25519:<base64>``; None when malformed."""
    if not text.startswith(PUBLIC_PREFIX):
        return None
    try:
        raw = base64.b64decode(text[len(PUBLIC_PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 32 else None


@dataclass(frozen=True)
class MemberKey:
    """An unlocked private key of one member (kept in memory for one move only)."""

    member: str
    private: Ed25519PrivateKey

    @property
    def raw_public(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.private.public_key().public_bytes(serialization.Encoding.Raw,
                                                      serialization.PublicFormat.Raw)

    @property
    def key_id(self) -> str:
        return key_id_of(self.raw_public)

    def sign(self, data: bytes) -> str:
        return base64.b64encode(self.private.sign(data)).decode()

    def raw_private(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.private.private_bytes(serialization.Encoding.Raw,
                                          serialization.PrivateFormat.Raw,
                                          serialization.NoEncryption())


def new_key(member: str) -> MemberKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return MemberKey(member, Ed25519PrivateKey.generate())


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise KalenderError("signing.passphrase_short", minimum=MIN_PASSPHRASE)


def _kdf(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def locked(key: MemberKey, passphrase: str, created: dt.datetime,
           n: int = SCRYPT_N) -> dict[str, Any]:
    """The private key encrypted with ``passphrase`` (scrypt, then ChaCha20-Poly1305)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    secret = _kdf(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    sealed = ChaCha20Poly1305(secret).encrypt(nonce, key.raw_private(), _aad(key.member,
                                                                               key.key_id))
    return {"version": 1, "member": key.member, "key": key.key_id,
            "public": public_text(key.raw_public), "created": created.isoformat(),
            "kdf": {"name": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P,
                    "salt": _b64(salt)},
            "cipher": "chacha20poly1305", "nonce": _b64(nonce), "sealed": _b64(sealed)}


def unlocked(data: Mapping[str, Any], passphrase: str) -> MemberKey | None:
    """The private key of a key file's ``data``; None when the passphrase is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    kdf = data["kdf"]
    secret = _kdf(passphrase, base64.b64decode(kdf["salt"]), int(kdf["n"]), int(kdf["r"]),
                  int(kdf["p"]))
    try:
        raw = ChaCha20Poly1305(secret).decrypt(base64.b64decode(data["nonce"]),
                                               base64.b64decode(data["sealed"]),
                                               _aad(str(data["member"]), str(data["key"])))
    except InvalidTag:
        return None
    return MemberKey(str(data["member"]), Ed25519PrivateKey.from_private_bytes(raw))


def _aad(member: str, key_id: str) -> bytes:
    return f"{VERSION}\0{member}\0{key_id}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def key_folder(root: Path) -> Path:
    """Where private keys are kept: ``$KALENDER_KEYS``, else ``<root>/.kalender/kunci``."""
    given = os.environ.get(KEYS_ENV, "").strip()
    return Path(given) if given else root / KEY_FOLDER


def key_file(root: Path, member: str, key_id: str) -> Path:
    return key_folder(root) / f"{member}-{key_id}.json"


def write_key_file(root: Path, data: Mapping[str, Any]) -> Path:
    """Store a locked key (mode 0600, folder 0700)."""
    path = key_file(root, str(data["member"]), str(data["key"]))
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    write_bytes(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode(), 0o600)
    return path


def key_files(root: Path, member: str) -> list[dict[str, Any]]:
    """Every locked key of ``member`` on this machine, newest first."""
    folder = key_folder(root)
    found = []
    for path in sorted(folder.glob(f"{member}-*.json")) if folder.is_dir() else ():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise KalenderError("signing.key_file_corrupt", path=path) from None
        if data.get("member") == member:
            found.append(data)
    return sorted(found, key=lambda d: str(d.get("created", "")), reverse=True)


@dataclass
class Signer:
    """The unlocked keys an action may sign with: one member's for a CLI move or a server
    request; several for code that makes sample data with keys it created."""

    keys: dict[str, MemberKey] = field(default_factory=dict)

    @classmethod
    def of(cls, *keys: MemberKey) -> Signer:
        return cls({k.member: k for k in keys})

    def key_for(self, member: str) -> MemberKey:
        key = self.keys.get(member)
        if key is None:
            raise KalenderError("signing.needs_secret", member=member)
        return key
