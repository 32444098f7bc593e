"""Signed moves through the review server: the login's password opens the member's key kept
on the server, the key is wrapped with a secret only the browser's cookie holds, and a move
signs its record with it. Without that cookie, or with no key on the server, the move is
refused in plain words and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kalender.approval.keys import locked
from kalender.review.signkeys import KEY_COOKIE
from reviewkit import NOW, act, login, record_path, review_app, review_repo, serving
from samplekeys import DEMO_COST, sample_key


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return review_repo(tmp_path, monkeypatch)


@pytest.fixture
def server(root: Path) -> Iterator[tuple[str, Any]]:
    app, review = review_app(root)
    with serving(app) as base:
        yield base, review


def check_output(root: Path) -> str:
    from click.testing import CliRunner

    from kalender.cli.main import _register_commands, cli

    _register_commands()
    return CliRunner().invoke(cli, ["--root", str(root), "check"],
                              env={"KALENDER_NOW": NOW}).output


def test_a_browser_move_is_signed_with_the_members_key(server: Any, root: Path) -> None:
    base, review = server
    client, csrf = login(base, "hendra")
    cookie = client.cookies.get(KEY_COOKIE)
    assert cookie and cookie not in json.dumps(review.keys._wrapped, default=repr)
    answer = act(client, base, csrf, action="initial")
    assert answer.status_code == 200, answer.text
    last = yaml.safe_load(record_path(root).read_text(encoding="utf-8"))[-1]
    assert (last["action"], last["by"], last["key"]) == (
        "initial", "hendra", sample_key("hendra").key_id)
    assert "0 galat" in check_output(root)


def test_without_the_key_cookie_the_move_is_refused(server: Any, root: Path) -> None:
    base, _ = server
    client, csrf = login(base, "hendra")
    before = record_path(root).read_bytes()
    client.cookies.delete(KEY_COOKIE)
    answer = act(client, base, csrf, action="initial")
    assert answer.status_code == 403
    message = answer.json()["message"]
    assert message.startswith("Langkah atas nama hendra harus ditandatangani dengan kunci "
                              "hendra, tetapi kunci itu tidak terbuka saat masuk")
    assert "--" not in message and "kalender " not in message
    assert record_path(root).read_bytes() == before


def test_a_key_locked_with_another_passphrase_does_not_open_at_login(root: Path) -> None:
    folder = root / ".kalender" / "kunci"
    for path in folder.glob("hendra-*.json"):
        key = sample_key("hendra")
        path.write_text(json.dumps(locked(key, "frasa-sandi-lain-2026",
                                          dt.datetime(2026, 11, 20, tzinfo=dt.UTC),
                                          n=DEMO_COST)), encoding="utf-8")
    app, _ = review_app(root)
    with serving(app) as base:
        client, csrf = login(base, "hendra")  # the login itself still works
        assert client.cookies.get(KEY_COOKIE) is None
        answer = act(client, base, csrf, action="initial")
    assert answer.status_code == 403
    assert "tidak terbuka saat masuk" in answer.json()["message"]


def test_logout_forgets_the_wrapped_key(server: Any) -> None:
    base, review = server
    client, csrf = login(base, "hendra")
    assert len(review.keys._wrapped) == 1
    answer = client.post("/api/logout", headers={"Origin": base, "X-Kalender-CSRF": csrf})
    assert answer.status_code == 200
    assert review.keys._wrapped == {}
