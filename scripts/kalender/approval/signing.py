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
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import KalenderError
from ..core.problems import Report
from ..core.yamlsrc import read_yaml
from .keys import VERSION, MemberKey

ATTEST = "attest"
SIGNATURE_FIELDS = ("prev", "key", "signature")
# scrypt at the strength of argon2-cffi's default (64 MiB of memory): 2**16 * 8 * 128 bytes.


# -- keys ---------------------------------------------------------------------------------


# -- who signs: the object handed to the actions --------------------------------------------


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
    """Whether ``item`` is signed by the key ``raw_public`` in ``chain`` (cryptography is
    loaded here, at the first signature checked: see :mod:`.keys`)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        signature = base64.b64decode(str(item.get("signature", "")), validate=True)
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, canonical(chain, item))
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


# -- the keys of the team: tim.yml and the acceptance records ---------------------------------


# -- verifying a post's records --------------------------------------------------------------


# -- editing tim.yml: one member's keys, every other byte kept --------------------------------


def iter_record_files(posts: Path) -> Iterator[Path]:
    yield from sorted(posts.rglob("*.persetujuan.yml"))
