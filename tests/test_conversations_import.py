"""Reading the platforms' comment responses and tying them to the sample's uploaded posts."""

from __future__ import annotations

import json
from pathlib import Path

from kalender.conversations.importer import plan_import
from kalender.core.loader import load_project
from kalender.core.problems import Report

ROOT = Path(__file__).resolve().parents[1]
YOUTUBE = {"kind": "youtube#commentThreadListResponse", "items": [{
    "kind": "youtube#commentThread", "id": "UgzT1", "snippet": {
        "videoId": "J8738290130", "topLevelComment": {"kind": "youtube#comment", "id": "UgzT1",
        "snippet": {"videoId": "J8738290130", "textOriginal": "min cara cek dpt gmn? <script>",
                    "authorDisplayName": "Budi", "publishedAt": "2026-12-10T01:15:30Z"}}},
    "replies": {"comments": [{"kind": "youtube#comment", "id": "UgzT1.r1", "snippet": {
        "parentId": "UgzT1", "textOriginal": "makasih", "authorDisplayName": "Sari",
        "publishedAt": "2026-12-10T02:00:00Z"}}]}}]}
GRAPH = {"data": [{"id": "65282612143439_901", "message": "katanya pemilu diundur?",
                   "created_time": "2026-12-10T03:00:00+0000",
                   "from": {"name": "Andi", "id": "77"}}], "paging": {"cursors": {}}}


def test_youtube_and_graph_comments_find_their_posts(tmp_path: Path) -> None:
    files = [tmp_path / "yt.json", tmp_path / "fb.json"]
    files[0].write_text(json.dumps(YOUTUBE), encoding="utf-8")
    files[1].write_text(json.dumps(GRAPH), encoding="utf-8")
    project = load_project(ROOT)
    report = Report()
    plan = plan_import(files, project.posts, report, project.timezone)
    assert not report.errors, [p.message for p in report.errors]
    assert plan.added == 3
    assert list(plan.new) == ["2026-12-09-hari-antikorupsi-sedunia"]
    texts = [c.text for c in plan.new["2026-12-09-hari-antikorupsi-sedunia"]]
    assert "min cara cek dpt gmn? <script>" in texts


def test_a_wrong_field_names_the_file_and_the_json_path(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(YOUTUBE))
    del broken["items"][0]["snippet"]["topLevelComment"]["snippet"]["publishedAt"]
    path = tmp_path / "yt.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    project = load_project(ROOT)
    report = Report()
    plan_import([path], project.posts, report, project.timezone)
    assert report.errors[0].path == path
    assert "$.items[0].snippet.topLevelComment.snippet.publishedAt" in report.errors[0].message
