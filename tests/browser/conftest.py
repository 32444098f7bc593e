"""Browser tests of the calendar site: headless Chromium (Debian's /usr/bin/chromium) driven
by Playwright for Python.

The site is built ONCE per session from the repository's posts with a fixed "today", served
on 127.0.0.1 by a thread, and every page fixture fails its test when the page logs a console
error or asks for anything outside 127.0.0.1/localhost. When Chromium or Playwright is
missing the tests fail under CI=true and are skipped otherwise.
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from browserkit import CHROMIUM, browser_missing, require_chromium

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
TODAY = dt.date(2026, 12, 2)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
LOCAL_SCHEMES = frozenset({"file", "data", "blob", "about"})
SCREENSHOTS = ROOT / "tests" / "screenshots"
WIDE = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


missing = browser_missing


# --- the site -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's calendar, built once with today = 2026-12-02."""
    out = tmp_path_factory.mktemp("kalender-site") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(ROOT), "build", "--today",
         TODAY.isoformat(), "--site-dir", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(f"kalender build failed:\n{result.stdout}\n{result.stderr}")
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1; yields its base URL (ending with '/')."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


# --- the browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one test module (one Playwright at a time: modules may start their own)."""
    require_chromium()
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                  args=CHROMIUM_ARGS)
        except Error as exc:
            missing(f"Chromium does not start: {exc}")
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did that a test must not allow: console errors, requests leaving."""

    console_errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.console_errors.clear()
        self.outside.clear()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in LOCAL_HOSTS


def open_page(browser: Any, viewport: dict[str, int], watch: Watch) -> Any:
    """A fresh page whose every request is checked; console errors are recorded."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error"
            else None)
    page.on("pageerror", lambda exc: watch.console_errors.append(str(exc)))

    def guard(route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            watch.outside.append(url)
            route.abort()

    page.route("**/*", guard)
    return page


@pytest.fixture
def watch() -> Watch:
    return Watch()


def _page_fixture(browser: Any, watch: Watch, viewport: dict[str, int]) -> Iterator[Any]:
    page = open_page(browser, viewport, watch)
    yield page
    page.context.close()
    assert not watch.outside, f"requests left the machine: {watch.outside}"
    assert not watch.console_errors, f"console errors: {watch.console_errors}"


@pytest.fixture
def page(browser: Any, watch: Watch) -> Iterator[Any]:
    """A 1366x768 page; the test fails on a console error or a request leaving localhost."""
    yield from _page_fixture(browser, watch, WIDE)


@pytest.fixture
def phone_page(browser: Any, watch: Watch) -> Iterator[Any]:
    """The same at 390x844 (a phone)."""
    yield from _page_fixture(browser, watch, PHONE)


# --- the posts, read independently of the package -------------------------------------


@dataclass(frozen=True)
class PostFile:
    """What a post file says, read with plain YAML (not through the package's loader)."""

    id: str
    day: dt.date
    status: str
    platforms: tuple[str, ...]
    title: str


def read_post_file(path: Path) -> PostFile:
    front = path.read_text(encoding="utf-8-sig").split("---", 2)[1]
    data = yaml.safe_load(front)
    platforms = data.get("platforms") or ()
    day = dt.date.fromisoformat(path.stem[:10])
    return PostFile(path.stem, day, str(data.get("status") or "usulan"),
                    tuple(platforms), str(data["title"]))


@pytest.fixture(scope="session")
def post_files() -> list[PostFile]:
    return [read_post_file(p) for p in sorted((ROOT / "posts").rglob("*.md"))]
