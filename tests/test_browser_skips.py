"""Without Chromium, browser tests skip with ONE line at the end naming how many and the
command that installs it; with CI=true they fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SAMPLE = '''
from browserkit import require_chromium

def test_one():
    require_chromium()

def test_two():
    require_chromium()

def test_plain():
    assert True
'''


def _run(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_sample_browser.py").write_text(SAMPLE, encoding="utf-8")
    env = {**os.environ, "KALENDER_TEST_CHROMIUM": str(tmp_path / "no-chromium"),
           "PYTHONPATH": str(TESTS)}
    env.pop("CI", None)
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "browserkit", "-p", "no:cacheprovider",
         "-p", "no:randomly", "-q", "--rootdir", str(tmp_path), str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)


def test_missing_chromium_is_named_in_one_line_with_the_install_command(tmp_path: Path) -> None:
    result = _run(tmp_path, ci=False)
    assert result.returncode == 0, result.stdout
    lines = [line for line in result.stdout.splitlines() if "apt-get install chromium" in line]
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith("2 browser tests SKIPPED: Chromium is missing at ")
    last = result.stdout.rstrip().splitlines()[-2:]
    assert last[0] == lines[0] and last[1].startswith("1 passed, 2 skipped")


def test_missing_chromium_fails_under_ci(tmp_path: Path) -> None:
    result = _run(tmp_path, ci=True)
    assert result.returncode == 1
    assert "2 failed, 1 passed" in result.stdout
    assert "CI=true: browser tests may not be skipped" in result.stdout
