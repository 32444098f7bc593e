"""Shared fixtures: the repository root and a scratch copy of it to break things in."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's calendar/ data with an empty posts/ folder, as a team
    before signatures: no key in tim.yml, no acceptance records (moves need no passphrase;
    tests/test_signing.py and the sample's own tests cover the signed flow)."""
    shutil.copytree(ROOT / "calendar", tmp_path / "calendar")
    without_keys(tmp_path / "calendar")
    (tmp_path / "posts").mkdir()
    return tmp_path


KEYS_BLOCK = re.compile(r"^    keys:\n(?:      .*\n)+", re.MULTILINE)


def without_keys(calendar: Path) -> None:
    """Remove the members' keys from ``tim.yml`` and the key acceptance records."""
    team = calendar / "tim.yml"
    team.write_text(KEYS_BLOCK.sub("", team.read_text(encoding="utf-8")), encoding="utf-8")
    (calendar / "kunci.persetujuan.yml").unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A test that ran the CLI with --lang en leaves no English behind for the next one."""
    from kalender.core.i18n import set_language
    yield
    set_language(None)


# One line at the end of the run when browser tests were skipped (tests/browserkit.py).
from browserkit import pytest_terminal_summary  # noqa: E402, F401
