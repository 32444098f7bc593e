"""Load: 50 comments and the flow's actions sent at once by several members over HTTP to the
review server on 127.0.0.1 (bounded thread pool), while the command line adds comments from
other processes (the approval lock is shared). Nothing may be lost or corrupted: every
comment is in the records with its own number, the record file parses, and the post file
differs from before only in its status value.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from kalender.approval.records import load_ledger
from reviewkit import (
    NOW,
    POST_ID,
    act,
    add_accounts,
    login,
    post_path,
    record_path,
    review_app,
    serving,
    small_repo,
)
from samplekeys import DEMO_PASSPHRASE, KEY_FOLDER

COMMENTERS = ("rina", "bayu", "hendra", "sari", "ahmad")
COMMENTS = 50
CLI_COMMENTS = 3
WORKERS = 12


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    monkeypatch.setenv("KALENDER_NOW", NOW)
    monkeypatch.delenv("KALENDER_USERS", raising=False)
    small_repo(tmp_path)
    add_accounts(tmp_path)
    app, _ = review_app(tmp_path)
    with serving(app) as base:
        yield base, tmp_path


def test_fifty_parallel_comments_and_the_flow_lose_nothing(served: tuple[str, Path]) -> None:
    base, root = served
    post_before = post_path(root).read_bytes()
    records_before = record_path(root).read_bytes()
    clients = {m: login(base, m) for m in COMMENTERS}

    def comment(index: int) -> httpx.Response:
        member = COMMENTERS[index % len(COMMENTERS)]
        client, csrf = clients[member]
        return act(client, base, csrf, action="comment", text=f"Komentar uji nomor {index}",
                   platform="instagram" if index % 2 else None)

    def from_the_command_line(index: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kalender", "--root", str(root), "comment", POST_ID,
             f"Dari baris perintah {index}", "--by", "bayu", "--password-stdin"],
            capture_output=True, text=True, timeout=300, input=DEMO_PASSPHRASE + "\n",
            env={**os.environ, "KALENDER_NOW": NOW, "KALENDER_KEYS": str(KEY_FOLDER)})

    def flow(action: str, member: str) -> list[httpx.Response]:
        client, csrf = clients[member]
        return [act(client, base, csrf, action=action) for _ in range(3)]

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        commands = [pool.submit(from_the_command_line, i) for i in range(CLI_COMMENTS)]
        futures = [pool.submit(comment, i) for i in range(COMMENTS)]
        initial = pool.submit(flow, "initial", "hendra")
        approve = pool.submit(flow, "approve", "sari")
        answers = [f.result() for f in futures]
        finished = [c.result() for c in commands]
        flow_answers: dict[str, Any] = {"initial": initial.result(),
                                        "approve": approve.result()}

    assert [a.status_code for a in answers] == [200] * COMMENTS, [
        a.text for a in answers if a.status_code != 200]
    assert [c.returncode for c in finished] == [0] * CLI_COMMENTS, [c.stderr for c in finished]
    initialled = [a.status_code for a in flow_answers["initial"]]
    assert initialled.count(200) == 1 and set(initialled) <= {200, 409}
    approved = [a.status_code for a in flow_answers["approve"]]
    assert approved.count(200) <= 1 and set(approved) <= {200, 409}

    text = record_path(root).read_text(encoding="utf-8")
    assert record_path(root).read_bytes().startswith(records_before)  # only ever appended
    parsed = yaml.safe_load(text)
    ledger = load_ledger(post_path(root))
    assert ledger.problems == []
    comments = [r for r in ledger.records if r.action.value == "comment"]
    total = COMMENTS + CLI_COMMENTS
    assert sorted(r.comment or 0 for r in comments) == list(range(1, total + 2))
    assert {r.text for r in comments[1:]} == (
        {f"Komentar uji nomor {i}" for i in range(COMMENTS)}
        | {f"Dari baris perintah {i}" for i in range(CLI_COMMENTS)})
    assert len(parsed) == len(ledger.records) == 2 + total + 1 + approved.count(200)

    status = "disetujui" if approved.count(200) else "diparaf"
    assert post_path(root).read_bytes() == post_before.replace(b"status: diajukan",
                                                               f"status: {status}".encode())
    leftovers = [p.name for p in post_path(root).parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
