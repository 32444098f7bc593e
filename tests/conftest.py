"""Shared fixtures: the repository root and a scratch copy of it to break things in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's calendar/ data with an empty posts/ folder."""
    shutil.copytree(ROOT / "calendar", tmp_path / "calendar")
    (tmp_path / "posts").mkdir()
    return tmp_path


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A test that ran the CLI with --lang en leaves no English behind for the next one."""
    from kalender.core.i18n import set_language
    yield
    set_language(None)


# One line at the end of the run when browser tests were skipped (tests/browserkit.py).
from browserkit import pytest_terminal_summary  # noqa: E402, F401
