"""What the browser editor asks besides the writing API (review/api_editor.py), and how
``kalender review`` starts: the form's choices, a post's own media files only, a busy port
said before the first build, and a folder outside git said at start."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from reviewkit import (
    POST_ID,
    login,
    review_app,
    review_command,
    review_repo,
    serving,
)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return review_repo(tmp_path, monkeypatch)


@pytest.fixture
def server(root: Path) -> Iterator[str]:
    app, _review = review_app(root)
    with serving(app) as base:
        yield base


def test_the_form_offers_the_categories_types_and_platforms_of_the_calendar(
        server: str) -> None:
    assert httpx.get(f"{server}/api/choices").status_code == 401
    client, _csrf = login(server, "rina")
    choices = client.get("/api/choices").json()
    rutin = next(c for c in choices["categories"] if c["id"] == "rutin")
    assert rutin["label"] == "Rutin"
    assert [t["id"] for t in rutin["types"]] == [
        "edukasi-kepemiluan", "edukasi-non-kepemiluan", "non-edukasi"]
    instagram = next(p for p in choices["platforms"] if p["id"] == "instagram")
    assert instagram["name"] == "Instagram" and instagram["default"] in instagram["formats"]
    assert "reel" in instagram["formats"]


def test_a_post_serves_only_the_media_its_front_matter_names(root: Path, server: str) -> None:
    client, _csrf = login(server, "rina")
    url = f"/api/posts/{POST_ID}/file"
    named = client.get(url, params={"name": f"{POST_ID}/kartu-1.jpg"})
    assert named.status_code == 200 and named.headers["content-type"] == "image/jpeg"
    folder = next((root / "posts").rglob(POST_ID))
    assert named.content == (folder / "kartu-1.jpg").read_bytes()
    (folder / "rahasia.jpg").write_bytes(named.content)  # in the folder, but not named
    for name in (f"{POST_ID}/rahasia.jpg", "../../../calendar/tim.yml",
                 f"{POST_ID}/../{POST_ID}.md"):
        answer = client.get(url, params={"name": name})
        assert answer.status_code == 404, name
        assert "tidak memiliki media" in answer.json()["message"]


def test_a_busy_port_is_said_before_the_first_build(root: Path) -> None:
    (root / "site").rename(root / "site-lama")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "kalender", "--root", str(root), "review", "--port",
             str(port)], capture_output=True, text=True, timeout=120, cwd=root)
    assert done.returncode != 0
    assert f"tidak dapat mendengar di 127.0.0.1:{port}" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert not (root / "site").exists()  # refused before anything was built


def test_a_server_outside_git_says_so_at_start(root: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(root.parent))
    with review_command(root, "--no-build", timeout=120) as url:
        assert httpx.get(url).status_code == 200
    output = review_command.last_output  # type: ignore[attr-defined]
    assert "bukan repositori git: perubahan ditulis tanpa commit" in output


def test_no_message_the_browser_can_show_names_a_command_or_its_flags() -> None:
    """What the server and the live preview say (rule findings, refusals, gates) speaks of
    buttons and fields in the browser: never a flag, never a command to type."""
    import re

    from kalender.core.i18n import catalog, t, web_words

    shown = [k for k in catalog() if not k.endswith(".web") and k.startswith((
        "rule.approval", "approval.why.", "approval.comment", "approval.mismatch",
        "approval.note_required", "editing.", "records.cannot", "gates.",
        "review.post_unreadable", "review.no_media", "workflow."))
        and not k.startswith(("editing.commit.", "editing.git_", "editing.port_",
                              "gates.acknowledge_needs", "gates.carry_needs"))]  # CLI parsing
    assert len(shown) > 30
    with web_words():
        said = {key: catalog()[key + ".web" if key + ".web" in catalog() else key]["id"]
                for key in shown}
    assert t("approval.comment_both", post="x") != said["approval.comment_both"]
    commands = {k: v for k, v in said.items() if re.search(r"--[a-z]|kalender [a-z]", v)}
    assert commands == {}
