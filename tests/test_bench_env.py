"""``make bench``'s measured children: Python's bytecode as for an installed package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kalender.bench import child_env


def test_measured_children_write_and_read_bytecode(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shell's PYTHONDONTWRITEBYTECODE is not passed on: mkdocs (the bare side) reads its
    installed bytecode, so the calendar's package must not compile itself at every build."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = child_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["KALENDER_TODAY"] == "2026-11-30"
    out = subprocess.run([sys.executable, "-c", "import sys; print(sys.dont_write_bytecode)"],
                         env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
