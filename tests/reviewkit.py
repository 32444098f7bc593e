"""Helpers of the review-server tests: a scratch repository, accounts, a server on 127.0.0.1.

The server runs the real application (kalender.review.app) under uvicorn in a thread, or
the real ``kalender review`` command in a subprocess; clients talk HTTP to 127.0.0.1 only.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
POST_ID = "2026-12-23-abstrak-keputusan-kpu-134-2016"  # diajukan by bayu; comment #1 by hendra
OTHER_ID = "2026-12-24-laporan-semester-media-sosial-jdih"  # diajukan as well
NOW = "2026-12-18T10:00:00"  # the office clock of the tests (after the submission)
TODAY = dt.date(2026, 12, 18)
PASSWORDS = {m: f"sandi-{m}-uji-2026" for m in ("rina", "bayu", "hendra", "sari", "ahmad")}


def post_path(root: Path, post_id: str = POST_ID) -> Path:
    return next((root / "posts").rglob(f"{post_id}.md"))


def record_path(root: Path, post_id: str = POST_ID) -> Path:
    post = post_path(root, post_id)
    return post.with_name(post.stem + ".persetujuan.yml")


def copy_posts(root: Path, post_ids: tuple[str, ...]) -> None:
    """Copy these posts (file, record file, media folder) from the repository into ``root``."""
    for post_id in post_ids:
        source = post_path(ROOT, post_id)
        target = root / source.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        records = source.with_name(source.stem + ".persetujuan.yml")
        if records.is_file():
            shutil.copy2(records, target.with_name(records.name))
        media = source.with_suffix("")
        if media.is_dir():
            shutil.copytree(media, target.with_suffix(""))


def small_repo(root: Path, post_ids: tuple[str, ...] = (POST_ID, OTHER_ID)) -> Path:
    """calendar/ and a few posts: enough for the API, with a tiny site/ to serve."""
    shutil.copytree(ROOT / "calendar", root / "calendar")
    copy_posts(root, post_ids)
    site = root / "site"
    (site / "pos").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Kalender</title><p>Beranda</p>\n",
                                     encoding="utf-8")
    return root


def full_repo(root: Path) -> Path:
    """Everything ``kalender build`` needs: calendar, posts, docs, theme, mkdocs.yml, cache."""
    for folder in ("calendar", "posts", "docs", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if (ROOT / ".cache").is_dir():  # renditions and thumbnails: saves re-encoding every picture
        shutil.copytree(ROOT / ".cache", root / ".cache",
                        ignore=shutil.ignore_patterns("review-site-*", "*.lock"))
    return root


def add_accounts(root: Path) -> None:
    """An account for every member (the Argon2 hashes are made once per test session), and
    on the server each member's sample signing key locked with their review password."""
    from kalender.review.users import users_file, write_private
    from samplekeys import install_server_keys

    write_private(users_file(root), _accounts_file())
    install_server_keys(root, PASSWORDS)


def review_repo(root: Path, monkeypatch: Any,
                post_ids: tuple[str, ...] = (POST_ID, OTHER_ID)) -> Path:
    """A small repository with every member's review account, the office clock at NOW and
    no account file from the environment (``monkeypatch`` is pytest's)."""
    monkeypatch.setenv("KALENDER_NOW", NOW)
    monkeypatch.delenv("KALENDER_USERS", raising=False)
    small_repo(root, post_ids)
    add_accounts(root)
    return root


@functools.cache
def _accounts_file() -> bytes:
    from kalender.review.users import UserStore

    with tempfile.TemporaryDirectory() as folder:
        store = UserStore(Path(folder) / "pengguna.json")
        for member, password in PASSWORDS.items():
            store.set_password(member, password, dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
        return store.path.read_bytes()


# --- a server in a thread -----------------------------------------------------------------


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve an ASGI app with uvicorn on 127.0.0.1 (a free port); yields its base URL."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def review_app(root: Path, **settings: Any) -> Any:
    """The real application for ``root`` (its builder is not started: no rebuilds)."""
    from kalender.review.app import Review, ReviewSettings, create_app
    from kalender.review.sitebuild import SiteBuilder
    from kalender.review.users import UserStore, users_file

    review = Review(ReviewSettings(root, root / "site", **settings),
                    UserStore(users_file(root)), SiteBuilder(root, root / "site"))
    return create_app(review), review


# --- the real command in a subprocess -------------------------------------------------------


@contextmanager
def review_command(root: Path, *extra: str, timeout: float = 600) -> Iterator[str]:
    """``kalender review --port 0`` on ``root``; yields the URL its start-up line prints."""
    env = {**os.environ, "KALENDER_NOW": NOW, "PYTHONUNBUFFERED": "1"}
    env.pop("KALENDER_USERS", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "kalender", "--root", str(root), "review", "--port", "0",
         "--today", TODAY.isoformat(), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=root)
    lines: list[str] = []
    try:
        url = _started_url(process, lines, timeout)
        reader = threading.Thread(target=lambda: lines.extend(process.stdout or ()),
                                  daemon=True)
        reader.start()
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        review_command.last_output = "".join(lines)  # type: ignore[attr-defined]


def _started_url(process: subprocess.Popen[str], lines: list[str], timeout: float) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    for line in process.stdout:
        lines.append(line)
        found = re.search(r"Buka (http://127\.0\.0\.1:\d+/) di peramban", line)
        if found:
            return found.group(1)
        if time.monotonic() > deadline:
            break
    raise AssertionError("kalender review did not start:\n" + "".join(lines))


# --- clients --------------------------------------------------------------------------------


def login(base: str, member: str, password: str | None = None) -> tuple[httpx.Client, str]:
    """A client logged in as ``member``, and the session's CSRF token."""
    client = httpx.Client(base_url=base, timeout=120)
    answer = client.post("/api/login", json={"member": member,
                                             "password": password or PASSWORDS[member]},
                         headers={"Origin": base})
    assert answer.status_code == 200, answer.text
    return client, answer.json()["csrf"]


def act(client: httpx.Client, base: str, csrf: str, post_id: str = POST_ID,
        **body: Any) -> httpx.Response:
    return client.post(f"/api/posts/{post_id}/actions", json=body,
                       headers={"Origin": base, "X-Kalender-CSRF": csrf})
