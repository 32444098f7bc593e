"""The keys of the team: public keys in ``calendar/tim.yml``, counted only after the kasubbag's
signed acceptance in ``calendar/kunci.persetujuan.yml``; and editing ``tim.yml`` for one
member's key, every other byte kept."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.calendar_data import Team
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.problems import Problem, Report
from ..core.yamlsrc import read_yaml
from .keys import MemberKey, key_files, key_folder, key_id_of, public_bytes, public_text, unlocked
from .signing import Item, genesis, next_hash, read_items, verify_signature

ACCEPTANCE_FILE = "kunci.persetujuan.yml"  # in calendar/


ACCEPT = "accept_key"


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

    @property
    def adopted(self) -> bool:
        """True once any key is listed in ``tim.yml``: from then on every move is signed."""
        return bool(self.keys)

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


_KEYRINGS: dict[tuple[Path, bytes | None, bytes | None], Keyring] = {}
