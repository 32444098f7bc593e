"""The report kept on disk is keyed by what it reads of each post (report.keptreport):
a caption edited on a draft keeps the key, an approved post edited changes it; what is kept
is the report as shown (its page and charts' key), the report made again when asked."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from kalender.conversations.summary import PublicInput
from kalender.core.loader import load_project
from kalender.core.postmemo import DiskMemo, unshared_pickle
from kalender.core.problems import Report
from kalender.report.build import ReportInput, SemesterReport, semester_period
from kalender.report.inputs import project_report_input, public_input_of
from kalender.report.keptreport import DiskReports, counted_key, counted_post, kept_report

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


def test_a_report_kept_on_disk_is_its_page_and_charts_key_and_made_again_on_asking(
        tmp_path: Path) -> None:
    project = load_project(ROOT)
    period = semester_period("2026-2")
    found = project_report_input(project, period, dt.date(2026, 12, 2), None, Report())
    assert found is not None

    def public_at(moment: dt.datetime) -> PublicInput:
        return public_input_of(project, period, moment, Report())

    def body_of(report: SemesterReport) -> str:
        return f"Laporan {report.period.slug}: {report.planned} direncanakan"

    def charts_of(report: SemesterReport) -> str:
        return repr(report.by_month)

    def kept() -> DiskReports:
        return DiskReports(DiskMemo(tmp_path / "reports.pickle", "generasi"))

    first = kept()
    made = kept_report(first, found, body_of, public_at, charts_of)
    first.memo.save()
    assert made.report is not None
    again = kept_report(kept(), found, body_of, public_at, charts_of)
    # taken from the disk: the page's text and the charts' key, not the report
    assert again.report is None
    assert (again.body, again.charts) == (made.body, made.charts)
    assert made.body.startswith("Laporan 2026-2: ")
    # asked for (its charts must be drawn): the same report, made again
    assert unshared_pickle(again.full()) == unshared_pickle(made.report)
    again.let_go()
    assert again.report is None and again.remake is None
