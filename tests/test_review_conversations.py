"""Answering a public comment through the review server over real HTTP on 127.0.0.1: staff
drafts, the kasubbag approves (an answer that cites a legal product may not be posted
before), staff records it posted; each step a record in the post's .percakapan.yml; refusals
say why and write nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kalender.approval.signing import read_items
from kalender.cli import cli
from kalender.cli.commands import register
from kalender.conversations.store import conversation_file
from reviewkit import login, post_path, review_app, review_repo, serving

ASKED = "2026-12-02-pengumuman-pkpu-8-2019"
KEY = "facebook:267684631782460_9004"
GRAPH = {"data": [{"id": "267684631782460_9004", "created_time": "2026-12-03T04:00:00+0000",
                   "message": "PKPU 8 tahun 2019 itu isinya tentang apa ya min?",
                   "from": {"name": "Dedi", "id": "1004"}},
                  {"id": "267684631782460_9005", "created_time": "2026-12-03T05:00:00+0000",
                   "message": "katanya PKPU 8/2019 udah dicabut, gak berlaku lagi",
                   "from": {"name": "Eko", "id": "1005"}}]}
CLAIM = "facebook:267684631782460_9005"
register()


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    review_repo(tmp_path, monkeypatch, (ASKED,))
    export = tmp_path / "fb.json"
    export.write_text(json.dumps(GRAPH), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "conversations", "import",
                                      str(export)])
    assert result.exit_code == 0, result.output
    return tmp_path


@pytest.fixture
def base(root: Path) -> Iterator[str]:
    app, _review = review_app(root)
    with serving(app) as url:
        yield url


def step(base: str, member: str, **body: Any) -> tuple[int, dict[str, Any]]:
    client, csrf = login(base, member)
    try:
        answer = client.post("/api/conversations/answers", json=body,
                             headers={"Origin": base, "X-Kalender-CSRF": csrf})
    finally:
        client.close()
    return answer.status_code, answer.json()


def steps_of(root: Path) -> list[dict[str, Any]]:
    path = conversation_file(post_path(root, ASKED))
    return [i.fields for i in read_items(path, path.read_bytes()) if "answer" in i.fields]


def test_draft_approve_post_through_the_server(root: Path, base: str) -> None:
    code, body = step(base, "rina", comment=KEY, step="draf",
                      text="Isinya tata kerja KPU, lihat Peraturan KPU Nomor 8 Tahun 2019.")
    assert code == 200, body
    assert "Draf jawaban" in body["message"] and body["ticket"]
    code, body = step(base, "rina", comment=KEY, step="diposting", url="https://fb.com/c/1")
    assert code == 409 and "Kasubbag menyetujuinya dulu" in body["message"]
    code, body = step(base, "bayu", comment=KEY, step="disetujui")
    assert code == 403 and "peran kasubbag" in body["message"]
    assert len(steps_of(root)) == 1
    code, body = step(base, "hendra", comment=KEY, step="disetujui")
    assert code == 200, body
    code, body = step(base, "rina", comment=KEY, step="diposting",
                      url="https://www.facebook.com/JDIHKPU_Singkawang/posts/1?comment_id=2")
    assert code == 200, body
    assert [(s["step"], s["by"]) for s in steps_of(root)] == [
        ("draf", "rina"), ("disetujui", "hendra"), ("diposting", "rina")]


def test_refusals_write_nothing(root: Path, base: str) -> None:
    before = conversation_file(post_path(root, ASKED)).read_bytes()
    assert step(base, "rina", comment="youtube:nope", step="draf", text="x")[0] == 404
    assert step(base, "rina", comment=KEY, step="terbang")[0] == 400
    assert step(base, "rina", comment=KEY, step="draf", text=["x"])[0] == 400
    assert step(base, "rina", comment=KEY, step="draf", text="  ")[0] == 409
    client, _csrf = login(base, "rina")
    try:
        no_token = client.post("/api/conversations/answers", json={"comment": KEY,
                               "step": "draf", "text": "x"}, headers={"Origin": base})
    finally:
        client.close()
    assert no_token.status_code == 403
    assert conversation_file(post_path(root, ASKED)).read_bytes() == before


def test_a_claim_becomes_a_proposal_in_one_click(root: Path, base: str) -> None:
    client, csrf = login(base, "bayu")
    try:
        made = client.post("/api/conversations/counter", json={"comment": CLAIM},
                           headers={"Origin": base, "X-Kalender-CSRF": csrf})
        unknown = client.post("/api/conversations/counter", json={"comment": "x:1"},
                              headers={"Origin": base, "X-Kalender-CSRF": csrf})
    finally:
        client.close()
    assert made.status_code == 201, made.text
    post_id = made.json()["post"]
    assert post_id.startswith("2026-12-19-meluruskan-kabar-katanya-pkpu-8-2019")
    text = post_path(root, post_id).read_text(encoding="utf-8")
    assert "status: usulan" in text and CLAIM in text and "> katanya PKPU 8/2019" in text
    assert unknown.status_code == 404
