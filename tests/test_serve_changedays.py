"""``kalender serve`` keeps each post's last change day of a half-year's report by the
report input's object (``kalender.plugin.keptchanges``) and the "Menunggu" page's items by
their moves (``kalender.plugin.keptwaiting``), and works out who waits for whom once per
build (``kalender.core.perbuild``): each gives what working everything out again gives."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from kalender.approval.machine import Action, Record
from kalender.approval.standing import Standings
from kalender.approval.timeline import waiting
from kalender.core.loader import load_project
from kalender.core.memo import PerPost
from kalender.core.perbuild import once, per_build
from kalender.core.problems import Report
from kalender.plugin.approval import ITEMS, KEYS
from kalender.plugin.keptchanges import KeptChangeDays
from kalender.plugin.report import half_years
from kalender.report.build import ReportInput
from kalender.report.inputs import project_report_input
from kalender.report.settled import last_change
from kalender.workflow.actions import perform
from samplecopy import sample_copy, served_sample
from samplekeys import sample_signer
from test_serve_kept import DRAFT, edit_caption
from test_serve_memory import TODAY as SERVED_TODAY
from test_serve_memory import clean_build, differing, serve_build

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[ReportInput]:
    project = load_project(sample_copy(tmp_path_factory.mktemp("days")))
    made = [project_report_input(project, period, TODAY, None, Report())
            for period in half_years(project, TODAY)]
    found = [source for source in made if source is not None]
    assert found
    return found


def with_record(source: ReportInput, index: int, at: dt.datetime) -> ReportInput:
    """``source`` with a new object for its ``index``-th post, one record more (at ``at``)."""
    item = source.posts[index]
    record = Record(Action.SUBMIT, "rina", "staf", at, item.fingerprint)
    posts = list(source.posts)
    posts[index] = replace(item, records=(*item.records, record))
    return replace(source, posts=posts)


def test_kept_days_are_the_days_worked_out_anew_and_follow_a_changed_post(
        sources: list[ReportInput]) -> None:
    for source in sources:
        kept = KeptChangeDays()
        assert kept.last_change(source) == last_change(source)
        assert kept.worked == len(source.posts)
        assert kept.last_change(source) == last_change(source)
        assert kept.worked == 0  # the same objects: nothing worked out again
        zone = source.as_of.tzinfo
        for at in (dt.datetime(2026, 12, 1, 10, tzinfo=zone),  # later: the last change
                   dt.datetime(2026, 12, 5, 10, tzinfo=zone)):  # after the report's day
            changed = with_record(source, len(source.posts) // 2, at)
            assert kept.last_change(changed) == last_change(changed)
            assert kept.worked == 1
        later = replace(source, as_of=source.as_of + dt.timedelta(days=3))
        assert kept.last_change(later) == last_change(later)
        assert kept.worked == len(source.posts)  # another day: all again


def test_the_waiting_lists_are_worked_out_once_per_build_for_the_same_posts(
        tmp_path: Path) -> None:
    project = load_project(sample_copy(tmp_path))
    assert project.calendar is not None
    team, standings, memo = project.calendar.team, Standings(), PerPost[object]()
    alone = waiting(project.posts, team, TODAY, memo, standings)
    with per_build():
        first = waiting(project.posts, team, TODAY, memo, standings)
        assert first == alone and any(first.values())
        again = waiting(project.posts, team, TODAY, memo, standings)
        assert all(again[m] is first[m] for m in first)  # the same lists: not worked out
        other = waiting(list(project.posts), team, TODAY, memo, standings)
        assert other == first and all(other[m] is not first[m] for m in first if first[m])
    with per_build():  # another day: worked out again
        made = [once("w", (project.posts,), day, lambda: object())
                for day in (TODAY, TODAY, TODAY + dt.timedelta(days=1))]
    assert made[0] is made[1] and made[2] is not made[0]


def test_the_waiting_page_keeps_the_items_of_moves_a_caption_edit_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = served_sample(tmp_path, monkeypatch, SERVED_TODAY)
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    waiting_page = served / "menunggu" / "index.html"
    assert DRAFT in waiting_page.read_text(encoding="utf-8")
    edit_caption(sample, "Diubah saat serve, antrean tetap.")
    assert serve_build(sample, served) is plugin
    assert 1 <= ITEMS.made <= 2 and KEYS.made == ITEMS.made  # the edited draft's moves only
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []

    draft = next(p for p in load_project(sample).posts if p.id == DRAFT)
    perform(sample, draft.id, Action.SUBMIT, "rina", signer=sample_signer("rina"))
    before = waiting_page.read_text(encoding="utf-8")
    serve_build(sample, served)
    assert waiting_page.read_text(encoding="utf-8") != before  # now it waits for another
    clean_build(sample, tmp_path / "clean2")
    assert differing(served, tmp_path / "clean2") == []
