"""The review server's API over real HTTP on 127.0.0.1: actions through the approval code,
the records they leave, conflicts (409 with the fresh state), and every refusal: no login,
wrong role, cross-site (CSRF token, Origin), path traversal, oversized bodies, the login limit.
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from kalender.approval.records import load_ledger
from reviewkit import (
    OTHER_ID,
    PASSWORDS,
    POST_ID,
    act,
    login,
    post_path,
    record_path,
    review_app,
    review_repo,
    serving,
)
from samplekeys import sample_key


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return review_repo(tmp_path, monkeypatch)


@pytest.fixture
def server(root: Path) -> Iterator[tuple[str, Any]]:
    app, review = review_app(root)
    with serving(app) as base:
        yield base, review


def raw_get(base: str, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written (http.client does not normalise ``..``)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- actions through the approval code ----------------------------------------------------


def test_comment_with_a_pin_is_recorded_with_who_where_and_when(server: Any, root: Path) -> None:
    base, _ = server
    client, csrf = login(base, "hendra")
    answer = act(client, base, csrf, action="comment", text="Tanggal penetapan di kartu 1?",
                 platform="instagram", pin=[0.25, 0.75])
    assert answer.status_code == 200, answer.text
    assert answer.json()["message"].startswith(f"Komentar #2 pada pos '{POST_ID}' dicatat: "
                                               "Hendra Gunawan, S.H.")
    text = record_path(root).read_text(encoding="utf-8")
    fingerprint = load_ledger(post_path(root)).records[0].fingerprint
    entry = text[text.rindex("\n- action: "):]
    assert entry.startswith(
        "\n- action: comment\n  by: hendra\n  role: kasubbag\n"
        "  at: 2026-12-18T10:00:00+07:00\n"
        f"  fingerprint: {fingerprint}\n  platform: instagram\n  comment: 2\n"
        '  text: "Tanggal penetapan di kartu 1?"\n  pin: [0.2500, 0.7500]\n'
        '  address: "127.0.0.1"\n  prev: '), entry
    assert yaml.safe_load(text)[-1]["key"] == sample_key("hendra").key_id  # signed by hendra
    assert yaml.safe_load(text)[-1]["pin"] == [0.25, 0.75]
    comment = answer.json()["state"]["comments"][-1]
    assert (comment["number"], comment["pin"], comment["open"]) == (2, [0.25, 0.75], True)


def test_initial_then_approve_move_the_post_and_record_the_fingerprint(server: Any,
                                                                       root: Path) -> None:
    base, _ = server
    before = post_path(root).read_bytes()
    hendra, hendra_csrf = login(base, "hendra")
    state = hendra.get(f"/api/posts/{POST_ID}").json()["state"]
    assert [m["label"] for m in state["moves"]] == ["Paraf", "Kembalikan"]
    answer = act(hendra, base, hendra_csrf, action="initial", version=state["version"])
    assert answer.status_code == 200, answer.text
    assert answer.json()["state"]["state"] == "diparaf"
    sari, sari_csrf = login(base, "sari")
    state = sari.get(f"/api/posts/{POST_ID}").json()["state"]
    assert [m["label"] for m in state["moves"]] == ["Setujui", "Kembalikan"]
    approve = state["moves"][0]["holds"]
    assert [c["number"] for c in approve["comments"]] == [1]  # Hendra's comment, still open
    held = act(sari, base, sari_csrf, action="approve", version=state["version"])
    assert held.status_code == 409
    assert "  Alasan: 1 komentar masih terbuka:\n    #1 Hendra" in held.json()["message"]
    assert "--carry" not in held.json()["message"]  # browser words
    answer = act(sari, base, sari_csrf, action="approve", version=state["version"],
                 carried=[{"comment": 1, "note": "Tanggal ditambahkan saat unggah."}])
    assert answer.status_code == 200, answer.text
    assert "disetujui" in answer.json()["message"]
    after = post_path(root).read_bytes()
    assert after == before.replace(b"status: diajukan", b"status: disetujui")
    ledger = load_ledger(post_path(root))
    flow = [(r.action.value, r.by, r.address) for r in ledger.records if r.action.value in (
        "initial", "approve")]
    assert flow == [("initial", "hendra", "127.0.0.1"), ("approve", "sari", "127.0.0.1")]
    assert {r.fingerprint for r in ledger.records[-2:]} == {ledger.records[0].fingerprint}
    assert [(c.comment, c.note) for c in ledger.records[-1].carried] == [
        (1, "Tanggal ditambahkan saat unggah.")]


def test_a_move_made_on_a_stale_view_gets_409_and_the_fresh_state(server: Any,
                                                                   root: Path) -> None:
    base, _ = server
    hendra, csrf = login(base, "hendra")
    seen = hendra.get(f"/api/posts/{POST_ID}").json()["state"]["version"]
    assert act(hendra, base, csrf, action="initial", version=seen).status_code == 200
    records = record_path(root).read_bytes()
    answer = act(hendra, base, csrf, action="return", note="Perbaiki judul", version=seen)
    assert answer.status_code == 409
    assert answer.json()["message"].startswith(f"pos '{POST_ID}' atau catatan persetujuannya "
                                               "berubah sejak Anda membacanya")
    assert answer.json()["state"]["state"] == "diparaf"
    assert record_path(root).read_bytes() == records


def test_a_move_the_flow_forbids_now_is_a_conflict_with_the_reason(server: Any) -> None:
    base, _ = server
    sari, csrf = login(base, "sari")
    answer = act(sari, base, csrf, action="approve")
    assert answer.status_code == 409
    assert "ditolak; tidak ada berkas yang diubah" in answer.json()["message"]
    assert answer.json()["state"]["state"] == "diajukan"


def test_resolve_and_resolving_twice(server: Any) -> None:
    base, _ = server
    rina, csrf = login(base, "rina")
    first = act(rina, base, csrf, action="resolve", comment=1)
    assert first.status_code == 200, first.text
    assert first.json()["message"].startswith(f"Komentar #1 pada pos '{POST_ID}' diselesaikan "
                                              "oleh Rina Marlina")
    again = act(rina, base, csrf, action="resolve", comment=1)
    assert again.status_code == 409
    assert "sudah diselesaikan" in again.json()["message"]


# --- refusals: who --------------------------------------------------------------------------


def test_unauthenticated_requests_are_refused(server: Any, root: Path) -> None:
    base, _ = server
    before = record_path(root).read_bytes()
    with httpx.Client(base_url=base) as anonymous:
        read = anonymous.get(f"/api/posts/{POST_ID}")
        write = anonymous.post(f"/api/posts/{POST_ID}/actions",
                               json={"action": "comment", "text": "hai"},
                               headers={"Origin": base, "X-Kalender-CSRF": "x"})
    with httpx.Client(base_url=base, cookies={"kalender_sesi": "dibuat-buat"}) as forger:
        forged = forger.post(f"/api/posts/{POST_ID}/actions", json={"action": "initial"},
                             headers={"Origin": base, "X-Kalender-CSRF": "x"})
    assert (read.status_code, write.status_code, forged.status_code) == (401, 401, 401)
    assert write.json()["message"] == "Silakan masuk dulu."
    assert record_path(root).read_bytes() == before


def test_wrong_role_is_refused_by_the_server(server: Any, root: Path) -> None:
    base, _ = server
    before = (post_path(root).read_bytes(), record_path(root).read_bytes())
    rina, csrf = login(base, "rina")
    state = rina.get(f"/api/posts/{POST_ID}").json()["state"]
    assert state["moves"] == []  # the page offers her nothing ...
    answer = act(rina, base, csrf, action="initial", version=state["version"])
    assert answer.status_code == 403  # ... and the server refuses it all the same
    assert "Rina Marlina (rina)" in answer.json()["message"]
    assert "Kepala Subbagian Hukum dan SDM" in answer.json()["message"]
    ahmad, ahmad_csrf = login(base, "ahmad")
    assert act(ahmad, base, ahmad_csrf, action="approve").status_code in (403, 409)
    bayu, bayu_csrf = login(base, "bayu")  # submitted it himself: may not check it
    assert act(bayu, base, bayu_csrf, action="return", note="x").status_code == 403
    assert (post_path(root).read_bytes(), record_path(root).read_bytes()) == before


# --- refusals: cross-site ---------------------------------------------------------------------


@pytest.mark.parametrize("headers, message", [
    ({}, "Permintaan ditolak: token keamanan sesi hilang atau salah. Muat ulang halaman."),
    ({"X-Kalender-CSRF": "salah"},
     "Permintaan ditolak: token keamanan sesi hilang atau salah. Muat ulang halaman."),
    ({"Origin": "http://evil.example", "use_csrf": True},
     "Permintaan ditolak: tidak datang dari halaman server tinjauan ini."),
    ({"Origin": None, "use_csrf": True},
     "Permintaan ditolak: tidak datang dari halaman server tinjauan ini."),
    ({"Origin": "null", "use_csrf": True},
     "Permintaan ditolak: tidak datang dari halaman server tinjauan ini."),
], ids=["no-token", "wrong-token", "foreign-origin", "no-origin", "null-origin"])
def test_cross_site_changes_are_refused(server: Any, root: Path, headers: dict[str, Any],
                                        message: str) -> None:
    base, _ = server
    before = record_path(root).read_bytes()
    client, csrf = login(base, "hendra")
    sent = {"Origin": base}
    if headers.pop("use_csrf", False):
        sent["X-Kalender-CSRF"] = csrf
    sent.update(headers)
    sent = {k: v for k, v in sent.items() if v is not None}
    answer = client.post(f"/api/posts/{POST_ID}/actions", json={"action": "initial"},
                         headers=sent)
    assert answer.status_code == 403
    assert answer.json()["message"] == message
    assert record_path(root).read_bytes() == before


def test_another_sessions_token_does_not_work(server: Any) -> None:
    base, _ = server
    hendra, _ = login(base, "hendra")
    _, sari_csrf = login(base, "sari")
    answer = act(hendra, base, sari_csrf, action="comment", text="hai")
    assert answer.status_code == 403


def test_login_from_a_foreign_origin_is_refused(server: Any) -> None:
    base, _ = server
    with httpx.Client(base_url=base) as client:
        answer = client.post("/api/login", json={"member": "hendra",
                                                 "password": PASSWORDS["hendra"]},
                             headers={"Origin": "http://evil.example"})
    assert answer.status_code == 403
    assert "kalender_sesi" not in answer.headers.get("set-cookie", "")


# --- sessions and cookies ----------------------------------------------------------------------


def test_session_cookie_flags_and_logout(server: Any) -> None:
    base, _ = server
    client = httpx.Client(base_url=base)
    answer = client.post("/api/login", json={"member": "sari", "password": PASSWORDS["sari"]},
                         headers={"Origin": base})
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=36000" in cookie
    assert "Secure" not in cookie  # plain http inside the office: see docs/review.md
    assert client.get("/api/session").json()["member"] == "sari"
    csrf = answer.json()["csrf"]
    token = client.cookies["kalender_sesi"]
    out = client.post("/api/logout", json={}, headers={"Origin": base, "X-Kalender-CSRF": csrf})
    assert out.status_code == 200
    assert "kalender_sesi=" in out.headers["set-cookie"] and "Max-Age=0" in out.headers[
        "set-cookie"]
    with httpx.Client(base_url=base, cookies={"kalender_sesi": token}) as replay:
        assert "member" not in replay.get("/api/session").json()
        assert replay.get(f"/api/posts/{POST_ID}").status_code == 401


def test_secure_cookies_when_asked(root: Path) -> None:
    app, _ = review_app(root, secure_cookies=True)
    with serving(app) as base, httpx.Client(base_url=base) as client:
        answer = client.post("/api/login", json={"member": "sari",
                                                 "password": PASSWORDS["sari"]},
                             headers={"Origin": base})
    assert "Secure" in answer.headers["set-cookie"]


def test_removed_account_loses_its_session(server: Any, root: Path) -> None:
    from kalender.review.users import UserStore, users_file

    base, _ = server
    client, csrf = login(base, "ahmad")
    UserStore(users_file(root)).remove("ahmad")
    assert act(client, base, csrf, action="comment", text="hai").status_code == 401


# --- the login limit -----------------------------------------------------------------------------


def test_failed_logins_slow_the_pair_and_lock_no_one_else(server: Any) -> None:
    base, review = server
    review.limiter.base = 600.0  # the first delay: long enough for a slow machine
    with httpx.Client(base_url=base, headers={"Origin": base}) as client:
        failures = [client.post("/api/login", json={"member": "hendra", "password": "salah"})
                    for _ in range(3)]
        assert [f.status_code for f in failures] == [401] * 3
        assert failures[0].json()["message"] == "Anggota atau kata sandi salah."
        right = client.post("/api/login", json={"member": "hendra",
                                                "password": PASSWORDS["hendra"]})
        assert right.status_code == 429  # this account from this new browser must wait
        message = right.json()["message"]
        assert message.startswith("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ")
        assert message.endswith(" detik.")
        other = client.post("/api/login", json={"member": "sari",
                                                "password": PASSWORDS["sari"]})
        assert other.status_code == 200  # the same address, another account: not locked


def test_unknown_member_counts_as_a_failure_with_the_same_message(server: Any) -> None:
    base, _ = server
    with httpx.Client(base_url=base, headers={"Origin": base}) as client:
        answer = client.post("/api/login", json={"member": "mallory", "password": "x" * 12})
    assert answer.status_code == 401
    assert answer.json()["message"] == "Anggota atau kata sandi salah."


# --- paths and sizes ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/../calendar/tim.yml",
    "/%2e%2e/calendar/tim.yml",
    "/pos/%2e%2e/%2e%2e/calendar/tim.yml",
    "/..%2fcalendar%2ftim.yml",
    "/%2e%2e%2f.kalender%2fpengguna.json",
    "/../.kalender/pengguna.json",
], ids=["dotdot", "encoded", "deep-encoded", "encoded-slash", "users-encoded", "users"])
def test_path_traversal_is_refused(server: Any, path: str) -> None:
    base, _ = server
    status, body = raw_get(base, path)
    assert status in (400, 404)
    assert b"members:" not in body and b"argon2" not in body


@pytest.mark.parametrize("post_id", [
    "..%2F..%2Fcalendar%2Ftim", "2026-12-23-abstrak-keputusan-kpu-134-2016.md",
    "%2E%2E", "2026-12-23-tidak-ada", "*",
])
def test_post_ids_from_the_client_are_checked_against_the_project(server: Any,
                                                                  post_id: str) -> None:
    base, _ = server
    client, csrf = login(base, "hendra")
    status, _ = raw_get(base, f"/api/posts/{post_id}")
    answer = client.post(f"/api/posts/{post_id}/actions", json={"action": "comment",
                                                                "text": "hai"},
                         headers={"Origin": base, "X-Kalender-CSRF": csrf})
    assert status in (401, 404)
    assert answer.status_code in (404, 405)  # 405: the decoded path is no API route


def test_static_files_come_from_site_only(server: Any) -> None:
    base, _ = server
    assert raw_get(base, "/")[0] == 200
    assert b"Beranda" in raw_get(base, "/index.html")[1]
    assert raw_get(base, "/calendar/tim.yml")[0] == 404


def test_oversized_requests_are_refused(server: Any, root: Path) -> None:
    base, _ = server
    before = record_path(root).read_bytes()
    client, csrf = login(base, "hendra")
    headers = {"Origin": base, "X-Kalender-CSRF": csrf, "Content-Type": "application/json"}
    big = b'{"action": "comment", "text": "' + b"a" * (20 * 1024) + b'"}'
    declared = client.post(f"/api/posts/{POST_ID}/actions", content=big, headers=headers)
    assert declared.status_code == 413
    assert declared.json()["message"] == "Permintaan terlalu besar: paling banyak 16 KiB."

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for start in range(0, len(big), 4096):
            yield big[start:start + 4096]

    streamed = client.post(f"/api/posts/{POST_ID}/actions", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert record_path(root).read_bytes() == before


def test_bad_fields_are_refused_without_writing(server: Any, root: Path) -> None:
    base, _ = server
    before = record_path(root).read_bytes()
    client, csrf = login(base, "hendra")
    cases = [{"action": "hapus"}, {"action": "comment", "text": 5},
             {"action": "comment", "text": "hai", "pin": [2, 0.5]},
             {"action": "comment", "text": "hai", "pin": "0.5,0.5"},
             {"action": "comment", "text": "   "},
             {"action": "comment", "text": "hai", "platform": "myspace"},
             {"action": "initial", "acknowledged": "content.partisan"},
             {"action": "initial", "acknowledged": [{"code": "content.partisan", "why": 3}]},
             {"action": "initial", "acknowledged": [{"code": "legal.jdih_link", "why": "x"}]},
             {"action": "initial", "carried": [{"comment": "1", "note": "x"}]}]
    statuses = [act(client, base, csrf, **case).status_code for case in cases]
    assert statuses == [400] * len(cases)
    assert record_path(root).read_bytes() == before


def test_other_post_is_addressed_by_its_own_id(server: Any, root: Path) -> None:
    base, _ = server
    client, csrf = login(base, "sari")
    answer = act(client, base, csrf, OTHER_ID, action="comment", text="Baik.")
    assert answer.status_code == 200
    assert answer.json()["state"]["post"] == OTHER_ID
    assert load_ledger(post_path(root, OTHER_ID)).records[-1].text == "Baik."


def test_return_submit_and_upload_through_the_api(server: Any, root: Path) -> None:
    base, _ = server
    hendra, h_csrf = login(base, "hendra")
    empty = act(hendra, base, h_csrf, action="return", note="  ")
    assert empty.status_code == 400
    assert empty.json()["message"].startswith(f"mengembalikan pos '{POST_ID}' butuh alasan")
    assert "--note" not in empty.json()["message"]  # browser words, not the command line's
    assert act(hendra, base, h_csrf, action="return", note="Judul kurang jelas.").json()[
        "state"]["state"] == "revisi"
    bayu, b_csrf = login(base, "bayu")
    moves = bayu.get(f"/api/posts/{POST_ID}").json()["state"]["moves"]
    assert [m["label"] for m in moves] == ["Ajukan"]
    assert act(bayu, base, b_csrf, action="submit").json()["state"]["state"] == "diajukan"
    assert act(hendra, base, h_csrf, action="initial").status_code == 200
    sari, s_csrf = login(base, "sari")
    assert act(sari, base, s_csrf, action="approve", carried=[
        {"comment": 1, "note": "Dibawa."}]).status_code == 200
    moves = bayu.get(f"/api/posts/{POST_ID}").json()["state"]["moves"]
    assert [(m["label"], m["platforms"]) for m in moves] == [("Unggah", ["instagram",
                                                                          "facebook"])]
    bad = act(bayu, base, b_csrf, action="uploaded", platform="instagram", url="bukan tautan")
    assert bad.status_code == 409 and "bukan tautan" in bad.json()["message"]
    good = act(bayu, base, b_csrf, action="uploaded", platform="instagram",
               url="https://www.instagram.com/p/uji123/")
    assert good.status_code == 200
    assert good.json()["state"]["moves"][0]["platforms"] == ["facebook"]
    last = load_ledger(post_path(root)).records[-1]
    assert (last.action.value, last.by, last.url) == ("uploaded", "bayu",
                                                      "https://www.instagram.com/p/uji123/")
