"""``kalender serve`` in a browser: a post page left open shows a caption as soon as it is
saved (the server builds again, the page reloads itself), twice in a row, the second time
while the last rebuild's garbage may still wait for the server's idle moment
(``kalender.plugin.idlegc``)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from kalender.workflow.actions import NOW_ENV
from samplecopy import sample_copy
from test_serve_kept import DRAFT, edit_caption

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-02"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (local)
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def test_a_saved_caption_shows_in_the_open_post_page(browser: Any, tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    port = free_port()
    env = {**os.environ, "KALENDER_TODAY": TODAY, NOW_ENV: "2026-12-01T09:00",
           "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "scripts"), os.environ.get("PYTHONPATH", "")])}
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "kalender", "--root", str(root), "serve", "--dev-addr",
         f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, env=env,
        start_new_session=True)
    url = f"http://127.0.0.1:{port}/pos/{DRAFT}/"
    page = None
    try:
        ends = time.monotonic() + 600
        while not answers(url):
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < ends
            time.sleep(0.2)
        page = browser.new_page()
        page.goto(url)
        for words in ("Disimpan pertama saat serve.", "Disimpan kedua saat serve."):
            assert words not in page.inner_text("main")
            edit_caption(root, words)
            page.wait_for_function(  # the page reloads itself after the rebuild; while the
                # new page is still being parsed it may have no <main> yet: asked again then
                "words => (document.querySelector('main')?.innerText ?? '').includes(words)",
                arg=words, timeout=120_000)
            assert words in page.inner_text("main")
    finally:
        if page is not None:
            page.close()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
