"""What ``kalender serve`` keeps besides the posts (``kalender.plugin.serving``): the
theme's file list, the calendar data, each half-year's report, the last manifest. After
each edit the served site is byte for byte the site a build from nothing makes, and what
the edit touched is made again while the rest is not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.approval.machine import Action
from kalender.core.loader import load_project
from kalender.workflow.actions import perform
from samplecopy import served_sample
from samplekeys import sample_signer
from test_serve_memory import TODAY, clean_build, differing, serve_build

ASSET = Path("assets") / "kalender" / "catatan-serve.txt"
DRAFT = "2026-12-29-cara-membaca-peraturan"  # a draft: its caption is not in any count


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, TODAY)


def edit_caption(root: Path, words: str) -> None:
    path = next((root / "posts").rglob(f"{DRAFT}.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("caption: |\n", f"caption: |\n  {words}\n", 1),
                    encoding="utf-8")


def test_a_caption_edit_under_serve_makes_no_report_calendar_or_theme_list_again(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)  # mkdocs may hand over an earlier test's plugin
    reports, manifests = plugin.reports.made, len(list(sample.glob(".cache/kalender/site-*")))
    calendars, listed = plugin.calendar.read, plugin.theme_files.listed
    kept_posts = sample / ".cache" / "kalender" / "posts.pickle"
    assert kept_posts.is_file()  # the first build keeps the posts for the next process
    kept_posts.unlink()

    edit_caption(sample, "Diubah saat serve, laporan tetap.")
    assert serve_build(sample, served) is plugin
    assert plugin.reports.made == reports  # the reports do not count a draft's caption
    assert (plugin.calendar.read, plugin.theme_files.listed) == (calendars, listed)
    assert not kept_posts.exists()  # not written at every rebuild...
    assert len(list(sample.glob(".cache/kalender/site-*"))) == manifests  # kept in memory
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
    assert "Diubah saat serve, laporan tetap." in \
        (served / "pos" / DRAFT / "index.html").read_text(encoding="utf-8")
    plugin.on_shutdown()
    assert kept_posts.is_file()  # ...but when the server stops


def test_calendar_theme_and_approval_edits_under_serve_are_made_again(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    calendars, listed = plugin.calendar.read, plugin.theme_files.listed

    # the calendar data and a new file in the theme folder: read and listed again
    team = sample / "calendar" / "tim.yml"
    team.write_text(team.read_text(encoding="utf-8") + "\n# catatan tim\n", encoding="utf-8")
    (sample / "overrides" / ASSET).write_text("catatan\n", encoding="utf-8")
    serve_build(sample, served)
    assert (plugin.calendar.read, plugin.theme_files.listed) == (calendars + 1, listed + 1)
    assert (served / ASSET).read_text(encoding="utf-8") == "catatan\n"
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []

    # an approval step changes what the reports count: they are made again
    after_calendar = plugin.reports.made
    draft = next(p for p in load_project(sample).posts if p.status.value == "draf")
    perform(sample, draft.id, Action.SUBMIT, "rina", signer=sample_signer("rina"))
    serve_build(sample, served)
    assert plugin.reports.made > after_calendar
    clean_build(sample, tmp_path / "clean2")
    assert differing(served, tmp_path / "clean2") == []
