"""The sample's signing keys (for the demo and the tests only) and the tool that signs the
sample's records with them.

The private keys of the sample team live in ``tests/data/kunci-contoh/``, encrypted with the
passphrase :data:`DEMO_PASSPHRASE`, which is written here on purpose: these keys sign a
made-up office's made-up records and must never sign anything real (docs/persetujuan.md).
Their scrypt cost is 2**14 (16 MiB) so the tests stay quick; ``kalender key init`` uses 2**16.

Run ``python tests/samplekeys.py`` to (re)make what is missing: a key per member, the public
keys in ``calendar/tim.yml``, the kasubbag's acceptance records, and a signature on every
record of the sample that has none (signed in place, chained in file order). Ed25519 is
deterministic: the same records signed again give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from kalender.approval.keyring import (  # noqa: E402
    ACCEPTANCE_CHAIN,
    ACCEPTANCE_FILE,
    acceptance_entry,
    verified_edit,
    with_public_key,
)
from kalender.approval.keys import (  # noqa: E402
    MemberKey,
    Signer,
    key_id_of,
    locked,
    new_key,
    public_bytes,
    unlocked,
)
from kalender.approval.signing import (  # noqa: E402
    head,
    next_hash,
    read_item,
    read_items,
    seal_entry,
)

KEY_FOLDER = ROOT / "tests" / "data" / "kunci-contoh"
DEMO_PASSPHRASE = "contoh-saja-bukan-rahasia"
DEMO_COST = 2**14
MEMBERS = ("hendra", "rina", "bayu", "sari", "ahmad")  # the kasubbag first: the trust root
VALID_FROM = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def sample_key(member: str) -> MemberKey:
    """The sample key of ``member``, opened with the demo passphrase."""
    path = next(KEY_FOLDER.glob(f"{member}-*.json"))
    key = unlocked(json.loads(path.read_text(encoding="utf-8")), DEMO_PASSPHRASE)
    assert key is not None, f"{path} does not open with the demo passphrase"
    return key


def sample_signer(*members: str) -> Signer:
    """A signer holding the sample keys of ``members`` (every member when none is named)."""
    return Signer.of(*(sample_key(m) for m in members or MEMBERS))


def install_server_keys(root: Path, passwords: dict[str, str]) -> None:
    """Put every sample key into ``root``'s git-ignored key folder, locked with that member's
    review password: what the office does once on its review server (docs/review.md)."""
    folder = root / ".kalender" / "kunci"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for member, password in passwords.items():
        key = sample_key(member)
        data = locked(key, password, VALID_FROM, n=DEMO_COST)
        (folder / f"{member}-{key.key_id}.json").write_text(json.dumps(data, indent=2),
                                                            encoding="utf-8")


# -- making the sample's keys and signatures ------------------------------------------------


def _make_keys() -> dict[str, MemberKey]:
    KEY_FOLDER.mkdir(parents=True, exist_ok=True)
    keys = {}
    for member in MEMBERS:
        if not any(KEY_FOLDER.glob(f"{member}-*.json")):
            key = new_key(member)
            data = locked(key, DEMO_PASSPHRASE, VALID_FROM, n=DEMO_COST)
            (KEY_FOLDER / f"{member}-{key.key_id}.json").write_text(
                json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        keys[member] = sample_key(member)
    return keys


def _list_keys(keys: dict[str, MemberKey]) -> None:
    path = ROOT / "calendar" / "tim.yml"
    old = path.read_text(encoding="utf-8")
    new = old
    for member, key in keys.items():
        if key.key_id not in _listed_ids(new):
            new = with_public_key(new, member, key.raw_public, VALID_FROM)
    verified_edit(old, new, path)
    path.write_text(new, encoding="utf-8")


def _listed_ids(text: str) -> set[str]:
    found = set()
    for line in text.splitlines():
        value = line.strip().removeprefix("- public:").strip().strip('"')
        raw = public_bytes(value)
        if raw is not None:
            found.add(key_id_of(raw))
    return found


def _accept_keys(keys: dict[str, MemberKey]) -> None:
    path = ROOT / "calendar" / ACCEPTANCE_FILE
    if path.exists():
        return
    from kalender.core.i18n import t

    text = "".join(f"# {line}\n" for line in t("signing.acceptance_header").split("\n"))
    kasubbag = keys["hendra"]
    for minute, key in enumerate(keys.values()):
        items = [i.fields for i in read_items(path, text.encode())]
        entry = acceptance_entry(key.member, key.raw_public, "hendra", "kasubbag",
                                 VALID_FROM + dt.timedelta(minutes=minute))
        text += seal_entry(entry, ACCEPTANCE_CHAIN, head(ACCEPTANCE_CHAIN, items), kasubbag)
    path.write_text(text, encoding="utf-8")


def signed_in_place(text: str, chain: str, keys: dict[str, MemberKey]) -> str:
    """The record file ``text`` with every item signed by its member, chained in order."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    out = lines[: starts[0]] if starts else lines
    previous = head(chain, ())
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        body = lines[start:end]
        while body and (not body[-1].strip() or body[-1].startswith("#")):
            body.pop()
        tail = lines[start + len(body):end]
        entry = "\n".join(body) + "\n"
        member = str(read_item(entry).get("by"))
        sealed = seal_entry(entry, chain, previous, keys[member])
        previous = next_hash(previous, chain, read_item(sealed))
        out += [*sealed.rstrip("\n").split("\n"), *tail]
    return "\n".join(out)


def _sign_records(keys: dict[str, MemberKey]) -> int:
    count = 0
    for path in sorted((ROOT / "posts").rglob("*.persetujuan.yml")):
        text = path.read_text(encoding="utf-8")
        if "signature:" in text:
            continue
        chain = path.name[: -len(".persetujuan.yml")]
        path.write_text(signed_in_place(text, chain, keys), encoding="utf-8")
        count += 1
    return count


def main() -> None:
    os.environ.setdefault("KALENDER_LANG", "id")
    keys = _make_keys()
    _list_keys(keys)
    _accept_keys(keys)
    print(f"{_sign_records(keys)} record files signed")


if __name__ == "__main__":
    main()
