"""Writing posts through the review server's JSON API, over real HTTP on 127.0.0.1: create,
edit, move, media, the live preview, history, and every refusal (bad fields named, stale
saves, bad uploads, no login, no CSRF token). Each change is one git commit by the member.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from kalender.core.editing import PostText
from reviewkit import (
    NOW,
    POST_ID,
    add_accounts,
    login,
    post_path,
    review_app,
    review_repo,
    serving,
    small_repo,
)

PROPOSAL = {"title": "Kuis Asas Pemilu", "date": "2026-12-22", "time": "", "category": "rutin",
            "type": "non-edukasi", "platforms": {"instagram": "feed", "x": "post"},
            "caption": "Apa saja asas Pemilu?\nJawab di kolom komentar.",
            "hashtags": ["JDIHKPU"], "notes": "Kartu oranye 4:5."}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    review_repo(tmp_path, monkeypatch)
    (tmp_path / ".gitignore").write_text(".kalender/\nsite/\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=Awal", "-c", "user.email=awal@example.org", "commit", "-qm",
        "awal")
    return tmp_path


@pytest.fixture
def server(root: Path) -> Iterator[str]:
    app, _review = review_app(root)
    with serving(app) as base:
        yield base


class Member:
    """A logged-in member's client: JSON calls with the session's CSRF token and Origin."""

    def __init__(self, base: str, member: str) -> None:
        self.client, self.csrf = login(base, member)
        self.headers = {"Origin": base, "X-Kalender-CSRF": self.csrf}

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.post(path, headers=self.headers, **kw)

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, **kw)

    def version(self, post_id: str) -> str:
        return str(self.get(f"/api/posts/{post_id}/source").json()["version"])


def jpeg(size: tuple[int, int] = (1080, 1350)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (240, 120, 20)).save(out, "JPEG")
    return out.getvalue()


def log(root: Path) -> list[str]:
    return git(root, "log", "--format=%an <%ae>|%s").strip().split("\n")


def test_a_proposal_is_created_written_like_a_person_and_committed(root: Path,
                                                                   server: str) -> None:
    rina = Member(server, "rina")
    answer = rina.post("/api/posts", json=PROPOSAL)
    assert answer.status_code == 201, answer.text
    post_id = answer.json()["id"]
    assert post_id == "2026-12-22-kuis-asas-pemilu"
    text = post_path(root, post_id).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Kuis Asas Pemilu\ndate: 2026-12-22\ncategory: rutin\n"
                           "type: non-edukasi\nstatus: usulan\nplatforms:\n  instagram: feed\n"
                           "  x: post\ncaption: |\n  Apa saja asas Pemilu?\n"
                           "  Jawab di kolom komentar.\nhashtags: [JDIHKPU]\n---\n")
    assert "## Catatan desain\nKartu oranye 4:5.\n" in text
    assert log(root)[0] == ("Rina Marlina <rina@jdih-singkawang.example>|"
                            "Usulan baru 2026-12-22-kuis-asas-pemilu: Kuis Asas Pemilu")
    assert git(root, "status", "--porcelain", "posts") == ""


@pytest.mark.parametrize(("change", "status", "field"), [
    ({"title": ""}, 400, "title"),
    ({"date": "22-12-2026"}, 400, "date"),
    ({"time": "25:00"}, 400, "time"),
    ({"type": "pengumuman"}, 422, "type"),
    ({"hashtags": "JDIHKPU"}, 400, "hashtags"),
    ({"platforms": {"instagram": "bioskop"}}, 422, "platforms"),
])
def test_bad_fields_are_refused_naming_the_field(root: Path, server: str, change: dict[str, Any],
                                                 status: int, field: str) -> None:
    answer = Member(server, "rina").post("/api/posts", json={**PROPOSAL, **change})
    assert answer.status_code == status, answer.text
    assert answer.json()["field"] == field
    assert answer.json()["message"]
    assert not list((root / "posts").rglob("*kuis-asas-pemilu*"))
    assert len(log(root)) == 1


def test_the_kasubbag_accepts_a_proposal_and_each_step_is_a_commit(root: Path,
                                                                   server: str) -> None:
    rina, hendra = Member(server, "rina"), Member(server, "hendra")
    post_id = rina.post("/api/posts", json=PROPOSAL).json()["id"]
    state = hendra.get(f"/api/posts/{post_id}").json()["state"]
    assert [m["action"] for m in state["moves"]] == ["accept"]
    refused = rina.post(f"/api/posts/{post_id}/actions",
                        json={"action": "submit", "version": state["version"]})
    assert refused.status_code == 409
    assert "Terima usulan" in refused.json()["message"]
    assert "kalender" not in refused.json()["message"] and "--" not in refused.json()["message"]
    done = hendra.post(f"/api/posts/{post_id}/actions",
                       json={"action": "accept", "version": state["version"]})
    assert done.status_code == 200, done.text
    assert "status: draf" in post_path(root, post_id).read_text(encoding="utf-8")
    assert log(root)[0] == ("Hendra Gunawan, S.H <hendra@jdih-singkawang.example>|"
                            f"Persetujuan {post_id}: menerima usulan")


def test_an_edit_changes_only_its_lines_and_a_stale_save_is_refused(root: Path,
                                                                    server: str) -> None:
    rina, bayu = Member(server, "rina"), Member(server, "bayu")
    path = post_path(root)
    before = path.read_text(encoding="utf-8")
    seen = rina.version(POST_ID)
    assert bayu.version(POST_ID) == seen
    saved = bayu.post(f"/api/posts/{POST_ID}/edit",
                      json={"version": seen, "fields": {"title": "Abstrak JDIH KPU"}})
    assert saved.status_code == 200, saved.text
    after = path.read_text(encoding="utf-8")
    old_lines, new_lines = before.splitlines(), after.splitlines()
    assert [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b] == [1]
    assert new_lines[1] == "title: Abstrak JDIH KPU"
    stale = rina.post(f"/api/posts/{POST_ID}/edit",
                      json={"version": seen, "fields": {"caption": "Punya Rina"}})
    assert stale.status_code == 409
    body = stale.json()
    assert "Bayu Pratama" in body["message"]
    assert {"kind": "added", "text": "title: Abstrak JDIH KPU"} in body["diff"]
    assert path.read_text(encoding="utf-8") == after
    assert log(root)[0] == (f"Bayu Pratama <bayu@jdih-singkawang.example>|Ubah {POST_ID}: title")
    unchanged = bayu.post(f"/api/posts/{POST_ID}/edit",
                          json={"version": saved.json()["version"],
                                "fields": {"title": "Abstrak JDIH KPU"}})
    assert unchanged.json()["commit"] is None


def test_media_upload_checks_content_and_lands_beside_the_post(root: Path, server: str) -> None:
    rina = Member(server, "rina")
    folder = post_path(root).with_suffix("")
    count = len(list(folder.iterdir()))
    url = f"/api/posts/{POST_ID}/media"
    version = rina.version(POST_ID)
    refused = [
        rina.post(url, params={"alt": "Kartu", "name": "foto.jpg", "version": version},
                  content=b"GIF89a bukan foto"),
        rina.post(url, params={"alt": "", "name": "foto.jpg", "version": version},
                  content=jpeg()),
        rina.post(url, params={"alt": "Kartu", "name": "rusak.jpg", "version": version},
                  content=jpeg()[:400]),
    ]
    assert [(r.status_code, r.json()["field"]) for r in refused] == [
        (415, "file"), (400, "alt"), (422, "file")]
    assert "menurut isinya" in refused[0].json()["message"]
    assert "rusak.jpg" in refused[2].json()["message"]
    assert len(list(folder.iterdir())) == count
    added = rina.post(url, params={"alt": "Kartu oranye kelima", "name": "Kartu 5.PNG",
                                   "version": version}, content=jpeg())
    assert added.status_code == 201, added.text
    assert (folder / "kartu-5.jpg").is_file()
    media = PostText.parse(post_path(root).read_text(encoding="utf-8")).values()["media"]
    assert media[-1] == {"file": f"{POST_ID}/kartu-5.jpg", "alt": "Kartu oranye kelima"}
    assert git(root, "show", "--name-only", "--format=%an|%s", "HEAD").split("\n")[:4] == [
        f"Rina Marlina|Tambah media kartu-5.jpg pada {POST_ID}", "",
        f"posts/2026/12/{POST_ID}.md", f"posts/2026/12/{POST_ID}/kartu-5.jpg"]
    arranged = rina.post(f"{url}/arrange", json={"version": added.json()["version"], "media": [
        {"file": media[-1]["file"], "focus": [0.25, 0.75]}, *media[:-1]]})
    assert arranged.status_code == 200, arranged.text
    again = PostText.parse(post_path(root).read_text(encoding="utf-8")).values()["media"]
    assert again[0] == {**media[-1], "focus": [0.25, 0.75]}
    assert again[1:] == media[:-1]


def test_a_decompression_bomb_is_refused(root: Path, server: str) -> None:
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, "PNG")
    rina = Member(server, "rina")
    answer = rina.post(f"/api/posts/{POST_ID}/media", content=out.getvalue(), params={
        "alt": "Besar", "name": "bom.png", "version": rina.version(POST_ID)})
    assert answer.status_code == 422
    assert "bom.png" in answer.json()["message"]


def test_moving_renames_file_folder_and_records(root: Path, server: str) -> None:
    rina = Member(server, "rina")
    old = post_path(root)
    moved = rina.post(f"/api/posts/{POST_ID}/move",
                      json={"version": rina.version(POST_ID), "date": "2027-01-04"})
    assert moved.status_code == 200, moved.text
    new_id = "2027-01-04-abstrak-keputusan-kpu-134-2016"
    assert moved.json()["id"] == new_id
    new = root / "posts" / "2027" / "01" / f"{new_id}.md"
    assert not old.exists() and not old.with_suffix("").exists()
    assert new.is_file() and (new.parent / f"{new_id}.persetujuan.yml").is_file()
    assert (new.parent / new_id / "kartu-1.jpg").is_file()
    values = PostText.parse(new.read_text(encoding="utf-8")).values()
    assert values["date"] == "2027-01-04 10:00"
    assert all(m["file"].startswith(new_id + "/") for m in values["media"])
    state = rina.get(f"/api/posts/{new_id}").json()["state"]
    assert state["state"] == "diajukan"
    assert git(root, "status", "--porcelain", "posts") == ""
    assert log(root)[0].startswith("Rina Marlina <rina@jdih-singkawang.example>|Pindah jadwal")
    history = rina.get(f"/api/posts/{new_id}/history").json()["versions"]
    assert [v["author"] for v in history] == ["Rina Marlina", "Awal"]
    diff = rina.get(f"/api/posts/{new_id}/diff",
                    params={"from": history[1]["commit"], "to": history[0]["commit"]}).json()
    assert {"kind": "added", "text": "date: 2027-01-04 10:00"} in diff["lines"]


def test_the_preview_is_the_builds_counting(root: Path, server: str) -> None:
    rina = Member(server, "rina")
    answer = rina.post("/api/preview", json={"id": POST_ID, "fields": {"caption": "x" * 2300}})
    assert answer.status_code == 200, answer.text
    instagram = next(p for p in answer.json()["previews"] if p["platform"] == "instagram")
    count = next(c for c in instagram["counts"] if c["kind"] == "caption")
    used, limit = count["shown"].split("/")
    assert int(used.replace(".", "")) >= 2300 and limit == "2.200" and count["over"]
    limit = next(f for f in instagram["findings"] if f["rule"] == "text.limit")
    assert limit["text"] == f"galat baris {limit['line']}: {limit['message']}"  # as check prints
    short = rina.post("/api/preview", json={"id": POST_ID, "fields": {"caption": "Halo"}}).json()
    count = next(c for c in short["previews"][0]["counts"] if c["kind"] == "caption")
    assert int(count["shown"].split("/")[0].replace(".", "")) < 100 and not count["over"]


def test_changes_need_a_login_and_the_csrf_token(root: Path, server: str) -> None:
    anonymous = httpx.post(f"{server}/api/posts", json=PROPOSAL, headers={"Origin": server})
    assert anonymous.status_code == 401
    rina = Member(server, "rina")
    no_token = rina.client.post("/api/posts", json=PROPOSAL, headers={"Origin": server})
    assert no_token.status_code == 403
    other_site = rina.client.post("/api/posts", json=PROPOSAL, headers={
        "Origin": "http://evil.example", "X-Kalender-CSRF": rina.csrf})
    assert other_site.status_code == 403
    assert not list((root / "posts").rglob("*kuis-asas-pemilu*"))


def test_without_git_the_server_writes_without_commits(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALENDER_NOW", NOW)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.delenv("KALENDER_USERS", raising=False)
    small_repo(tmp_path)
    add_accounts(tmp_path)
    app, _review = review_app(tmp_path)
    with serving(app) as base:
        rina = Member(base, "rina")
        answer = rina.post("/api/posts", json=PROPOSAL)
        assert answer.status_code == 201 and answer.json()["commit"] is None
        history = rina.get(f"/api/posts/{answer.json()['id']}/history").json()
        assert history["git"] is False and "bukan repositori git" in history["message"]
