"""The report kept on disk is keyed by what it reads of each post (report.keptreport):
a caption edited on a draft keeps the key, an approved post edited changes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from kalender.core.loader import load_project
from kalender.core.problems import Report
from kalender.report.build import ReportInput, semester_period
from kalender.report.inputs import project_report_input
from kalender.report.keptreport import counted_key, counted_post

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "2026-12-29-cara-membaca-peraturan"
UPLOADED = "2026-12-03-hak-pilih-penyandang-disabilitas"


def source() -> ReportInput:
    project = load_project(ROOT)
    found = project_report_input(project, semester_period("2026-2"), dt.date(2026, 12, 2),
                                 None, Report())
    assert found is not None
    return found


def test_a_draft_caption_edited_keeps_what_the_report_counts() -> None:
    post = next(p for p in source().posts if p.post.id == DRAFT)
    assert not post.records
    edited = replace(post, post=replace(post.post, caption=post.post.caption + " Diubah."),
                     fingerprint="sidik-isi-baru")
    assert counted_key(edited) == counted_key(post)
    assert counted_post(edited).post.title == post.post.title


def test_an_approved_post_edited_changes_what_the_report_counts() -> None:
    post = next(p for p in source().posts if p.post.id == UPLOADED)
    assert post.fingerprint in {r.fingerprint for r in post.records}
    edited = replace(post, post=replace(post.post, caption=post.post.caption + " Diubah."),
                     fingerprint="sidik-isi-baru")
    assert counted_key(edited) != counted_key(post)
    assert counted_post(edited).fingerprint == ""


def test_a_title_edited_changes_what_the_report_counts() -> None:
    post = next(p for p in source().posts if p.post.id == DRAFT)
    edited = replace(post, post=replace(post.post, title="Judul lain"))
    assert counted_key(edited) != counted_key(post)
