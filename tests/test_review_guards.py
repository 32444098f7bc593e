"""The review server after the hostile probes (issue 21): parallel wrong logins are counted
before the slow Argon2 check and verifications are capped; deeply nested JSON is a 400 (also
on the login route); a Host header naming another site (DNS rebinding) is refused."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from reviewkit import (
    PASSWORDS,
    POST_ID,
    login,
    review_app,
    review_repo,
    serving,
)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return review_repo(tmp_path, monkeypatch)


@pytest.fixture
def server(root: Path) -> Iterator[tuple[str, Any]]:
    app, review = review_app(root)
    with serving(app) as base:
        yield base, review


def test_thirty_parallel_wrong_logins_meet_the_limit(server: Any) -> None:
    base, review = server
    verified = []
    lock = threading.Lock()
    real = review.users.verify

    def counted(member: str, password: str) -> bool:
        with lock:
            verified.append(member)
        return bool(real(member, password))

    review.users.verify = counted

    def wrong(_: int) -> int:
        with httpx.Client(base_url=base, headers={"Origin": base}, timeout=120) as client:
            return client.post("/api/login", json={"member": "hendra",
                                                   "password": "salah-sekali"}).status_code

    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(wrong, range(30)))
    assert statuses.count(429) >= 25
    assert set(statuses) <= {401, 429}
    assert len(verified) <= 5  # the limit: never 30 Argon2 checks


def test_deeply_nested_json_is_a_400_on_the_login_route(server: Any) -> None:
    base, _ = server
    body = "[" * 1200 + "]" * 1200
    with httpx.Client(base_url=base, headers={"Origin": base,
                                              "Content-Type": "application/json"}) as client:
        answer = client.post("/api/login", content=body)
    assert answer.status_code == 400
    assert answer.json()["message"] == "Permintaan tidak terbaca: diharapkan objek JSON."


@pytest.mark.parametrize("body", [
    "[" * 1200 + "]" * 1200,
    '{"action": "comment", "text": ' + '{"a": ' * 600 + "1" + "}" * 600 + "}",
], ids=["list", "objects"])
def test_deeply_nested_json_is_a_400_on_an_action(server: Any, body: str) -> None:
    base, _ = server
    client, csrf = login(base, "hendra")
    answer = client.post(f"/api/posts/{POST_ID}/actions", content=body,
                         headers={"Origin": base, "X-Kalender-CSRF": csrf,
                                  "Content-Type": "application/json"})
    assert answer.status_code == 400, answer.text


def test_brackets_inside_a_string_are_not_nesting(server: Any) -> None:
    base, _ = server
    client, csrf = login(base, "hendra")
    body = '{"action": "comment", "text": "' + "[" * 3000 + '"}'
    answer = client.post(f"/api/posts/{POST_ID}/actions", content=body,
                         headers={"Origin": base, "X-Kalender-CSRF": csrf,
                                  "Content-Type": "application/json"})
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8800", "kalender.attacker.net"])
def test_a_host_that_is_not_this_server_is_refused(server: Any, host: str) -> None:
    base, _ = server
    with httpx.Client(base_url=base) as client:
        page = client.get("/", headers={"Host": host})
        api = client.get("/api/session", headers={"Host": host})
    assert page.status_code == 421 and api.status_code == 421
    assert "Kalender" not in page.text
    assert "Nama server" in page.text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "192.168.1.20", "[::1]"])
def test_the_served_names_and_addresses_are_accepted(server: Any, host: str) -> None:
    base, _ = server
    port = base.rsplit(":", 1)[1]
    with httpx.Client(base_url=base) as client:
        assert client.get("/", headers={"Host": f"{host}:{port}"}).status_code == 200


def test_successful_logins_from_one_office_address_never_lock_it(server: Any) -> None:
    base, _ = server
    for _ in range(3):
        for member in ("rina", "bayu", "hendra"):
            client, _ = login(base, member)  # asserts 200
            client.close()


def _wrong_login(client: httpx.Client, base: str, member: str = "hendra") -> int:
    return client.post("/api/login", json={"member": member, "password": "salah-sekali"},
                       headers={"Origin": base}).status_code


def test_a_guesser_cannot_lock_the_member_out_of_their_own_browser(server: Any) -> None:
    base, review = server
    review.limiter.base = 600.0  # the first delay: long enough for a slow machine
    member, _ = login(base, "hendra")  # this browser is now a known device of hendra
    member.post("/api/logout", headers={"Origin": base,
                                        "X-Kalender-CSRF": "-"})  # (refused or not: no matter)
    with httpx.Client(base_url=base, timeout=120) as guesser:  # same address, no device
        statuses = [_wrong_login(guesser, base) for _ in range(8)]
        assert statuses[:3] == [401, 401, 401]
        assert 429 in statuses[3:]
        limited = guesser.post("/api/login", json={"member": "hendra", "password": "x"},
                               headers={"Origin": base})
        assert limited.status_code == 429
        assert "detik" in limited.json()["message"]
    answer = member.post("/api/login", json={"member": "hendra", "password": PASSWORDS["hendra"]},
                         headers={"Origin": base})
    assert answer.status_code == 200, answer.text
    member.close()


def test_a_forged_forwarded_for_does_not_reset_the_count_behind_a_proxy(root: Path) -> None:
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    app, review = review_app(root)
    review.limiter.base = 600.0  # the first delay: long enough for a slow machine
    behind = ProxyHeadersMiddleware(app, trusted_hosts="127.0.0.1")  # the office's proxy
    statuses = []
    with serving(behind) as base, httpx.Client(base_url=base, timeout=120) as proxy:
        for number in range(6):  # the client invents a new first address each time
            forged = f"203.0.113.{number}, 198.51.100.7"  # the proxy appended the real one
            statuses.append(proxy.post(
                "/api/login", json={"member": "hendra", "password": "salah"},
                headers={"Origin": base, "X-Forwarded-For": forged}).status_code)
    assert statuses[:3] == [401, 401, 401] and statuses[3] == 429


def test_every_answer_carries_a_content_security_policy(server: Any, root: Path) -> None:
    from kalender.review.csp import script_hash

    base, _ = server
    theme = '__md_scope=new URL("/",location),__md_hash=1'  # as Material writes it
    (root / "site").mkdir(exist_ok=True)
    (root / "site" / "404.html").write_text(f"<p>x</p><script>{theme}</script>\n"
                                            '<script id="c" type="application/json">{}</script>')
    with httpx.Client(base_url=base) as client:
        page, api = client.get("/404.html"), client.get("/api/session")
    deeper = theme.replace('"/"', '"../.."')  # the same script on a page two folders down
    for answer in (page, api):
        policy = answer.headers["content-security-policy"]
        scripts = policy.split("script-src ", 1)[1].split(";")[0].split()
        assert scripts[0] == "'self'" and "'unsafe-inline'" not in scripts
        assert script_hash(theme) in scripts
        assert script_hash(deeper) in policy
        assert script_hash("{}") not in policy  # a JSON block is not a script
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy
