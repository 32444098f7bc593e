"""Signed approval records: members' keys, the canonical content of a record, the hash chain.

Every member has an Ed25519 key pair. The private key lives only on the member's machine (or
on the review server), in ``.kalender/kunci/`` (git-ignored), encrypted with the member's
passphrase (scrypt, 64 MiB, like the review server's Argon2id passwords). The public key is
written into ``calendar/tim.yml`` under the member, with ``valid_from`` and, once revoked,
``revoked``. A key counts only after the kasubbag's signed acceptance record in
``calendar/kunci.persetujuan.yml`` (the first kasubbag key accepts itself: the trust root).

A record (one item of ``x.persetujuan.yml``) is signed over its canonical content: every field
of the item as read from the file (action, by, role, at, fingerprint, prev, key, and whatever
else a move writes, such as acknowledgements), plus the post's id, as canonical JSON. ``prev``
is the hash of the record before it in the same file, so a post's records form a chain: a
record changed, removed, moved or inserted by hand no longer verifies (docs/persetujuan.md).

Pure except where a function says it reads or writes a file.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..core.atomic import write_bytes
from ..core.calendar_data import Team
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.problems import Problem, Report, Severity
from ..core.yamlsrc import read_yaml

VERSION = "kalender-tanda-1"
KEYS_ENV = "KALENDER_KEYS"
KEY_FOLDER = Path(".kalender") / "kunci"
ACCEPTANCE_FILE = "kunci.persetujuan.yml"  # in calendar/
ACCEPT = "accept_key"
ATTEST = "attest"
SIGNATURE_FIELDS = ("prev", "key", "signature")
PUBLIC_PREFIX = "ed25519:"
# scrypt at the strength of argon2-cffi's default (64 MiB of memory): 2**16 * 8 * 128 bytes.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
MIN_PASSPHRASE = 10  # characters, as the review passwords
KEY_ID_DIGITS = 16


# -- keys ---------------------------------------------------------------------------------


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
    return MemberKey(member, Ed25519PrivateKey.generate())


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise KalenderError("signing.passphrase_short", minimum=MIN_PASSPHRASE)


def _kdf(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def locked(key: MemberKey, passphrase: str, created: dt.datetime,
           n: int = SCRYPT_N) -> dict[str, Any]:
    """The private key encrypted with ``passphrase`` (scrypt, then ChaCha20-Poly1305)."""
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


def unlock_member(root: Path, member: str, passphrase: str,
                  keyring: Keyring | None = None) -> MemberKey:
    """The member's private key on this machine opened with ``passphrase``.

    With ``keyring``, the key listed in ``tim.yml`` is preferred. Refused with a clear
    message when the member has no key here or the passphrase does not open it.
    """
    files = key_files(root, member)
    if not files:
        raise KalenderError("signing.no_key_here", member=member,
                            folder=key_folder(root))
    if keyring is not None:
        listed = {k.key_id for k in keyring.keys_of(member)}
        files.sort(key=lambda d: d.get("key") not in listed)
    for data in files:
        key = unlocked(data, passphrase)
        if key is not None:
            return key
    raise KalenderError("signing.wrong_passphrase", member=member)


# -- who signs: the object handed to the actions --------------------------------------------


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


# -- canonical content, signatures, the chain ------------------------------------------------


def canonical(chain: str, item: Mapping[str, Any]) -> bytes:
    """The bytes a record's signature is over: its fields (without ``signature``) and the
    chain's name (the post's id), as canonical JSON."""
    content = {k: v for k, v in item.items() if k != "signature"}
    content["@"] = VERSION
    content["@chain"] = chain
    return json.dumps(content, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def genesis(chain: str) -> str:
    """The ``prev`` of a chain's first record."""
    return hashlib.sha256(f"{VERSION}\0{chain}".encode()).hexdigest()


def next_hash(previous: str, chain: str, item: Mapping[str, Any]) -> str:
    """The chain's hash after ``item``: over the hash before it and the whole item."""
    whole = canonical(chain, item) + b"\0" + str(item.get("signature", "")).encode()
    return hashlib.sha256(previous.encode() + b"\0" + whole).hexdigest()


def content_hash(chain: str, item: Mapping[str, Any]) -> str:
    """One record's own hash (what an attestation lists)."""
    return hashlib.sha256(canonical(chain, item)).hexdigest()


def head(chain: str, items: Iterable[Mapping[str, Any]]) -> str:
    """The chain's hash after all ``items``: the ``prev`` of the next record."""
    value = genesis(chain)
    for item in items:
        value = next_hash(value, chain, item)
    return value


def signed_fields(chain: str, item: Mapping[str, Any], previous: str,
                  key: MemberKey) -> dict[str, str]:
    """``prev``, ``key`` and ``signature`` for an item about to be appended."""
    fields = {"prev": previous, "key": key.key_id}
    signature = key.sign(canonical(chain, {**item, **fields}))
    return {**fields, "signature": signature}


def seal_entry(entry: str, chain: str, previous: str, key: MemberKey) -> str:
    """The record text ``entry`` (one YAML list item, as the records module writes it) with
    the signature lines added. The item is read back first, so whatever fields the entry
    holds are signed exactly as a reader will find them."""
    item = read_item(entry)
    lines = [f"  {k}: {v}" for k, v in signed_fields(chain, item, previous, key).items()]
    return entry.rstrip("\n") + "\n" + "\n".join(lines) + "\n"


def read_item(entry: str) -> dict[str, Any]:
    """The one mapping of a record entry's text."""
    report = Report()
    located = read_yaml(entry.lstrip("\n"), Path("-"), report)
    if located is None or report.errors or not isinstance(located.value, list):
        raise KalenderError("signing.cannot_read_entry")
    item = located.value[0]
    if not isinstance(item, dict):
        raise KalenderError("signing.cannot_read_entry")
    return item


@dataclass(frozen=True)
class Item:
    """One record as read from a file: its fields and the line it starts on."""

    fields: dict[str, Any]
    line: int


def read_items(path: Path, raw: bytes | None) -> list[Item]:
    """The records of a record file as plain mappings with their lines (none when unreadable:
    the records module reports why)."""
    if raw is None:
        return []
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return []
    located = read_yaml(text, path, Report())
    if located is None or not isinstance(located.value, list):
        return []
    return [Item(v, located.line(str(i))) for i, v in enumerate(located.value)
            if isinstance(v, dict)]


def verify_signature(chain: str, item: Mapping[str, Any], raw_public: bytes) -> bool:
    try:
        signature = base64.b64decode(str(item.get("signature", "")), validate=True)
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, canonical(chain, item))
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


# -- the keys of the team: tim.yml and the acceptance records ---------------------------------


@dataclass(frozen=True)
class PublicKey:
    """A member's public key as listed in ``tim.yml``, and when the kasubbag accepted it."""

    member: str
    raw: bytes
    valid_from: dt.datetime
    revoked: dt.datetime | None
    line: int
    accepted: dt.datetime | None = None
    accepted_by: str = ""

    @property
    def key_id(self) -> str:
        return key_id_of(self.raw)

    def why_not(self, at: dt.datetime) -> str | None:
        """Why a signature made at ``at`` does not count; None when it does."""
        if self.accepted is None:
            return t("signing.why.not_accepted", key=self.key_id)
        if at < self.valid_from:
            return t("signing.why.before_valid", key=self.key_id, start=_shown(self.valid_from))
        if at < self.accepted:
            return t("signing.why.before_accepted", key=self.key_id,
                     start=_shown(self.accepted))
        if self.revoked is not None and at >= self.revoked:
            return t("signing.why.revoked", key=self.key_id, end=_shown(self.revoked))
        return None


def _shown(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


@dataclass
class Keyring:
    """Every public key of the team, by id, with the problems found reading them."""

    keys: dict[str, PublicKey] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    acceptance: list[Item] = field(default_factory=list)

    def keys_of(self, member: str) -> list[PublicKey]:
        return [k for k in self.keys.values() if k.member == member]

    def usable(self, member: str, key_id: str, at: dt.datetime) -> str | None:
        """Why ``member`` cannot sign with ``key_id`` at ``at``; None when they can."""
        key = self.keys.get(key_id)
        if key is None or key.member != member:
            return t("signing.why.not_listed", key=key_id, member=member)
        return key.why_not(at)


def parse_moment(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else None
    try:
        moment = dt.datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def listed_keys(path: Path, text: str, report: Report) -> list[PublicKey]:
    """The ``keys`` of every member in the text of ``tim.yml``."""
    located = read_yaml(text, path, Report())
    if located is None or not isinstance(located.value, dict):
        return []
    found = []
    for index, member in enumerate(located.value.get("members") or ()):
        if not isinstance(member, dict):
            continue
        for number, entry in enumerate(member.get("keys") or ()):
            where = ("members", str(index), "keys", str(number))
            key = _listed_key(str(member.get("id")), entry, located.line(*where), path, report)
            if key is not None:
                found.append(key)
    return found


def _listed_key(member: str, entry: Any, line: int, path: Path,
                report: Report) -> PublicKey | None:
    if not isinstance(entry, dict):
        report.error(path, line, "signing.bad_listed_key", found=entry)
        return None
    raw = public_bytes(str(entry.get("public", "")))
    start = parse_moment(entry.get("valid_from"))
    end = parse_moment(entry.get("revoked")) if entry.get("revoked") not in (None, "") else None
    if raw is None:
        report.error(path, line, "signing.bad_public", found=entry.get("public"))
        return None
    if start is None or (entry.get("revoked") not in (None, "") and end is None):
        report.error(path, line, "signing.bad_key_dates", start=entry.get("valid_from"),
                     end=entry.get("revoked"))
        return None
    return PublicKey(member, raw, start, end, line)


def load_keyring(calendar_folder: Path, team: Team) -> Keyring:
    """The team's keys from ``tim.yml`` and their acceptance records (read from the files)."""
    team_file = calendar_folder / "tim.yml"
    acceptance_file = calendar_folder / ACCEPTANCE_FILE
    return _keyring(team_file, _read(team_file), acceptance_file, _read(acceptance_file), team)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


_KEYRINGS: dict[tuple[Path, bytes | None, bytes | None], Keyring] = {}


def _keyring(team_file: Path, team_raw: bytes | None, acceptance_file: Path,
             acceptance_raw: bytes | None, team: Team) -> Keyring:
    """Remembered for the same bytes of both files (a check reads them once)."""
    cache_key = (team_file, team_raw, acceptance_raw)
    if cache_key not in _KEYRINGS:
        if len(_KEYRINGS) > 8:
            _KEYRINGS.clear()
        _KEYRINGS[cache_key] = _new_keyring(team_file, team_raw, acceptance_file,
                                            acceptance_raw, team)
    return _KEYRINGS[cache_key]


def _new_keyring(team_file: Path, team_raw: bytes | None, acceptance_file: Path,
                 acceptance_raw: bytes | None, team: Team) -> Keyring:
    report = Report()
    text = (team_raw or b"").decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    listed = listed_keys(team_file, text, report)
    keyring = Keyring({k.key_id: k for k in listed})
    keyring.acceptance = read_items(acceptance_file, acceptance_raw)
    _accept(keyring, acceptance_file, team, report)
    keyring.problems = list(report)
    return keyring


ACCEPTANCE_CHAIN = "calendar/tim.yml"


def _accept(keyring: Keyring, path: Path, team: Team, report: Report) -> None:
    """Replay the acceptance records: each one, signed by a kasubbag's accepted key, makes
    the key it names count from its time. The first kasubbag key may accept itself."""
    previous = genesis(ACCEPTANCE_CHAIN)
    for item in keyring.acceptance:
        fields = item.fields
        why = _acceptance_problem(keyring, fields, previous, team)
        previous = next_hash(previous, ACCEPTANCE_CHAIN, fields)
        if why is not None:
            report.error(path, item.line, "signing.bad_acceptance", why=why)
            continue
        accepted = keyring.keys[key_id_of(public_bytes(str(fields["public"])) or b"")]
        keyring.keys[accepted.key_id] = PublicKey(
            accepted.member, accepted.raw, accepted.valid_from, accepted.revoked,
            accepted.line, parse_moment(fields["at"]), str(fields["by"]))


def _acceptance_problem(keyring: Keyring, fields: Mapping[str, Any], previous: str,
                        team: Team) -> str | None:
    at = parse_moment(fields.get("at"))
    raw = public_bytes(str(fields.get("public", "")))
    if fields.get("action") != ACCEPT or at is None or raw is None:
        return t("signing.why.acceptance_form")
    target = keyring.keys.get(key_id_of(raw))
    if target is None or target.member != fields.get("member"):
        return t("signing.why.acceptance_unknown", key=key_id_of(raw),
                 member=fields.get("member"))
    if fields.get("prev") != previous:
        return t("signing.why.chain")
    signer = keyring.keys.get(str(fields.get("key")))
    by = str(fields.get("by"))
    if signer is None or signer.member != by:
        return t("signing.why.not_listed", key=fields.get("key"), member=by)
    if not verify_signature(ACCEPTANCE_CHAIN, fields, signer.raw):
        return t("signing.why.bad_signature", key=signer.key_id)
    if "kasubbag" not in team.roles_of(by, at.date()):
        return t("signing.why.acceptance_role", member=by)
    if (signer.key_id == target.key_id and target.member == by
            and not any(k.accepted is not None for k in keyring.keys.values())):
        return None  # the trust root: the first kasubbag key, accepted by itself
    return signer.why_not(at)


def acceptance_entry(member: str, raw_public: bytes, by: str, role: str,
                     at: dt.datetime) -> str:
    """The YAML item of a key's acceptance record (unsigned)."""
    return (f"\n- action: {ACCEPT}\n  by: {by}\n  role: {role}\n"
            f"  at: {at.isoformat(timespec='seconds')}\n  member: {member}\n"
            f"  public: \"{public_text(raw_public)}\"\n")


ACCEPTANCE_HEADER = "signing.acceptance_header"


# -- verifying a post's records --------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """Something about one record that does not verify, at its line."""

    line: int
    message: str
    severity: Severity = Severity.ERROR


@dataclass
class ChainResult:
    """What verifying one record file found: problems, and records from before signatures."""

    findings: list[Finding] = field(default_factory=list)
    legacy: int = 0  # records neither signed nor attested


def describe(item: Mapping[str, Any]) -> str:
    """``'approve' oleh sari pada 2026-12-07T14:15:00+07:00``: a record in a message."""
    return t("signing.record", action=item.get("action"), member=item.get("by"),
             at=item.get("at"))


def verify_records(chain: str, items: list[Item], keyring: Keyring) -> ChainResult:
    """Check every signature and the chain of one post's records (see module doc)."""
    result = ChainResult()
    previous = genesis(chain)
    signed_seen = False
    last_failed = False
    legacy: list[Item] = []
    attested: dict[str, tuple[str, int]] = {}
    for item in items:
        fields = item.fields
        if "signature" not in fields:
            if signed_seen:
                result.findings.append(Finding(item.line, t(
                    "signing.unsigned_after", record=describe(fields))))
            else:
                legacy.append(item)
            last_failed = False
        else:
            signed_seen = True
            why, last_failed = _record_problems(chain, fields, previous, keyring, last_failed)
            if why:
                result.findings.append(Finding(item.line, t(
                    "signing.not_verified", record=describe(fields), why="; ".join(why))))
            if fields.get("action") == ATTEST and not why:
                for value in fields.get("attests") or ():
                    attested[str(value)] = (str(fields.get("by")), item.line)
        previous = next_hash(previous, chain, fields)
    _check_legacy(chain, legacy, attested, result)
    return result


def _record_problems(chain: str, fields: Mapping[str, Any], previous: str, keyring: Keyring,
                     after_failure: bool) -> tuple[list[str], bool]:
    """Why one signed record does not verify, and whether its content is not what was
    signed (then the next record's chain link is not reported again)."""
    why = []
    key = keyring.keys.get(str(fields.get("key")))
    by = str(fields.get("by"))
    altered = False
    if key is None:
        why.append(t("signing.why.not_listed", key=fields.get("key"), member=by))
    elif not verify_signature(chain, fields, key.raw):
        altered = True
        why.append(t("signing.why.content", key=key.key_id, owner=key.member))
    elif key.member != by:
        why.append(t("signing.why.other_member", key=key.key_id, owner=key.member, member=by))
    if key is not None and not why:
        at = parse_moment(fields.get("at"))
        reason = key.why_not(at) if at is not None else t("signing.why.no_time")
        if reason:
            why.append(reason)
    if fields.get("prev") != previous and not after_failure:
        why.append(t("signing.why.chain"))
    return why, altered


def _check_legacy(chain: str, legacy: list[Item], attested: dict[str, tuple[str, int]],
                  result: ChainResult) -> None:
    found = set()
    attesters = {member for member, _ in attested.values()}
    for item in legacy:
        digest = content_hash(chain, item.fields)
        by = str(item.fields.get("by"))
        if digest in attested and attested[digest][0] == by:
            found.add(digest)
        elif by in attesters:
            result.findings.append(Finding(item.line, t(
                "signing.not_as_attested", record=describe(item.fields), member=by)))
        else:
            result.legacy += 1
    for digest, (member, line) in attested.items():
        if digest not in found:
            result.findings.append(Finding(line, t("signing.attested_missing", member=member,
                                                   digest=digest[:12])))


def legacy_hashes(chain: str, items: Iterable[Item], member: str) -> list[str]:
    """The hashes of ``member``'s unsigned records before the first signed one (to attest)."""
    found = []
    for item in items:
        if "signature" in item.fields:
            break
        if item.fields.get("by") == member:
            found.append(content_hash(chain, item.fields))
    return found


def attested_hashes(items: Iterable[Item]) -> set[str]:
    return {str(v) for i in items if i.fields.get("action") == ATTEST
            for v in i.fields.get("attests") or ()}


# -- editing tim.yml: one member's keys, every other byte kept --------------------------------

_ITEM = re.compile(r"^(?P<indent>\s*)-\s+id:\s*(?P<id>['\"]?[A-Za-z0-9_-]+['\"]?)\s*(#.*)?$")


def with_public_key(text: str, member: str, raw_public: bytes, valid_from: dt.datetime) -> str:
    """The text of ``tim.yml`` with a key added under ``member`` (a ``keys:`` list is made
    when there is none); every other line stays as it was."""
    lines = text.split("\n")
    start, end, indent = _member_block(lines, member)
    entry = [f"{indent}    - public: \"{public_text(raw_public)}\"",
             f"{indent}      valid_from: {valid_from.isoformat(timespec='seconds')}"]
    keys_line = next((i for i in range(start + 1, end)
                      if lines[i].strip().startswith("keys:")), None)
    if keys_line is None:
        insert_at = _last_content(lines, start, end) + 1
        lines[insert_at:insert_at] = [f"{indent}  keys:", *entry]
    else:
        insert_at = _last_content(lines, keys_line, _block_end(lines, keys_line, end)) + 1
        lines[insert_at:insert_at] = entry
    return "\n".join(lines)


def with_revoked(text: str, member: str, key_id: str, when: dt.datetime) -> str:
    """The text of ``tim.yml`` with ``revoked: <when>`` under the member's key ``key_id``."""
    lines = text.split("\n")
    start, end, _ = _member_block(lines, member)
    for index in range(start + 1, end):
        found = re.match(r"^(?P<indent>\s*)-\s+public:\s*['\"]?(?P<value>[^'\"#\s]+)",
                         lines[index])
        if found is None or key_id_of(public_bytes(found["value"]) or b"") != key_id:
            continue
        stop = _block_end(lines, index, end)
        if any(lines[i].strip().startswith("revoked:") for i in range(index, stop)):
            raise KalenderError("signing.already_revoked", key_id=key_id, member=member)
        at = _last_content(lines, index, stop) + 1
        lines.insert(at, f"{found['indent']}  revoked: {when.isoformat(timespec='seconds')}")
        return "\n".join(lines)
    raise KalenderError("signing.no_such_key", key_id=key_id, member=member)


def _member_block(lines: list[str], member: str) -> tuple[int, int, str]:
    for index, line in enumerate(lines):
        found = _ITEM.match(line)
        if found and found["id"].strip("'\"") == member:
            indent = found["indent"]
            return index, _block_end(lines, index, len(lines)), indent + " " * 0
    raise KalenderError("signing.member_not_in_team", member=member)


def _block_end(lines: list[str], start: int, limit: int) -> int:
    """The index after the block that starts at ``lines[start]`` (a list item or a key):
    the first later line indented no deeper than it (blank lines and comments skipped)."""
    depth = len(lines[start]) - len(lines[start].lstrip())
    for index in range(start + 1, limit):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= depth:
            return index
    return limit


def _last_content(lines: list[str], start: int, end: int) -> int:
    """The last line of ``lines[start:end]`` that is not blank (the block's real end)."""
    index = end - 1
    while index > start and not lines[index].strip():
        index -= 1
    return index


def verified_edit(old: str, new: str, path: Path) -> None:
    """Refuse an edit of ``tim.yml`` that changed anything but members' ``keys``."""
    import yaml

    def without_keys(text: str) -> Any:
        data = yaml.safe_load(text)
        for member in data.get("members") or ():
            member.pop("keys", None)
        return data

    try:
        same = without_keys(old) == without_keys(new)
    except (yaml.YAMLError, AttributeError, TypeError):
        same = False
    if not same:
        raise KalenderError("signing.cannot_edit_team", file=path.name)


def iter_record_files(posts: Path) -> Iterator[Path]:
    yield from sorted(posts.rglob("*.persetujuan.yml"))
