"""The one rule of every browser test: Chromium at /usr/bin/chromium, driven by Playwright.

When it is missing the test FAILS under ``CI=true`` and is skipped on a developer's machine;
the run then ends with ONE line naming how many browser tests were skipped and the command
that installs Chromium (the hook :func:`pytest_terminal_summary`, loaded by tests/conftest.py).
``KALENDER_TEST_CHROMIUM`` names another binary (the tests of this rule point it nowhere).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("KALENDER_TEST_CHROMIUM", "/usr/bin/chromium"))
SKIPPED = "browser test skipped: "
INSTALL = "apt-get install chromium"


def browser_missing(reason: str) -> None:
    """Fail under CI (the browser tests must run there), skip on a developer's machine."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests may not be skipped; {INSTALL})")
    pytest.skip(SKIPPED + reason)


def require_chromium() -> str:
    """The path of Chromium, once Playwright and the binary are known to be here."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        browser_missing("playwright for Python is not installed (make .venv/.installed-stamp)")
    if not CHROMIUM.is_file():
        browser_missing(f"Chromium is not installed at {CHROMIUM}")
    return str(CHROMIUM)


def skipped_browser_tests(terminalreporter: Any) -> int:
    """How many tests of this run were skipped because the browser is missing."""
    count = 0
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = getattr(report, "longrepr", None)
        reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else ""
        count += SKIPPED in str(reason)
    return count


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter: Any, exitstatus: int,
                            config: Any) -> Iterator[None]:
    """After pytest's own summary (outermost wrapper), just above the counts line."""
    yield
    count = skipped_browser_tests(terminalreporter)
    if count:
        terminalreporter.write_line(
            f"{count} browser tests SKIPPED: Chromium is missing at {CHROMIUM}. "
            f"Install it with `{INSTALL}` (as root), then run make test again.",
            yellow=True, bold=True)
