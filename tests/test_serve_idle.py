"""What a ``kalender serve`` rebuild no longer does while the edited page waits: the cycle
collector runs when the server is idle (``kalender.plugin.idlegc``), ``404.html`` is left as
the last build wrote it while what every page shares holds, and a page's canonical URL is
worked out once per site URL. The served site stays the site a build from nothing makes."""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from kalender.approval.machine import Action
from kalender.plugin.approval import ApprovalSite, MemberWaiting, WaitingItem, waiting_key
from kalender.plugin.idlegc import UNCOLLECTED_MOST, IdleCollector
from kalender.plugin.pagework import OneParserPage
from kalender.site.incremental import digest, posts_in
from samplecopy import served_sample
from test_serve_kept import edit_caption
from test_serve_memory import TODAY, clean_build, differing, serve_build


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, TODAY)


@pytest.fixture
def collector() -> Iterator[IdleCollector]:
    made = IdleCollector(idle=0.05)
    made.armed = True  # as after the first build (without setting this process's objects aside)
    made.settled = True
    try:
        yield made
    finally:
        made.stop()
        gc.enable()


def wait_until(check: object, seconds: float = 5.0) -> bool:
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


def test_no_cycle_collection_during_a_rebuild_and_one_when_idle(
        collector: IdleCollector) -> None:
    collector.build_starts()
    assert not gc.isenabled()
    collector.rebuild_ended()
    assert not gc.isenabled()  # the edited page is being served
    assert wait_until(lambda: collector.collected == 1 and gc.isenabled())


def test_a_rebuild_started_before_the_idle_moment_keeps_the_collector_off(
        collector: IdleCollector) -> None:
    collector.idle = 30.0
    for _ in range(UNCOLLECTED_MOST):
        collector.build_starts()
        collector.rebuild_ended()
    assert (collector.collected, gc.isenabled()) == (0, False)
    collector.build_starts()  # files saved again and again: this one collects first
    assert (collector.collected, gc.isenabled()) == (1, False)
    collector.rebuild_ended()
    collector.stop()
    assert gc.isenabled()


def test_a_collector_before_the_first_build_does_nothing() -> None:
    fresh = IdleCollector(idle=0.01)
    fresh.build_starts()
    fresh.rebuild_ended()
    assert gc.isenabled() and fresh.timer is None


def test_canonical_urls_are_mkdocs_own(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\n", encoding="utf-8")
    for site_url in ("http://127.0.0.1:8000/", "https://contoh.go.id/kalender", ""):
        config = load_config(str(tmp_path / "mkdocs.yml"), site_url=site_url or None)
        config.plugins._current_plugin = "kalender"  # noqa: SLF001  (as during on_files)
        for path in ("pos/2026-12-03-satu.md", "minggu/2026-W49.md", "index.md", "a b.md"):
            for _ in range(2):  # the second from what was kept
                ours = OneParserPage(None, File.generated(config, path, content="x"), config)
                theirs = Page(None, File.generated(config, path, content="x"), config)
                assert (ours.canonical_url, ours.abs_url) == \
                    (theirs.canonical_url, theirs.abs_url)


def test_the_404_page_and_the_pages_files_are_kept_while_the_shared_inputs_hold(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    serve_build(sample, served)
    missing = served / "404.html"
    written = missing.stat().st_mtime_ns

    edit_caption(sample, "Diubah saat serve, halaman 404 tetap.")
    plugin = serve_build(sample, served)
    assert missing.stat().st_mtime_ns == written  # not rendered again
    posts = [f for f in plugin.files.documentation_pages() if f.src_uri.startswith("pos/")]
    assert plugin.page_files.reused >= len(posts) > 0  # the calendar pages' files are kept
    assert all(f.page is not None and f.page.file is f for f in posts)
    assert "halaman 404 tetap" in \
        (served / "pos" / "2026-12-29-cara-membaca-peraturan" / "index.html").read_text(
            encoding="utf-8")
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []

    team = sample / "calendar" / "tim.yml"  # what every page shares: rendered again
    team.write_text(team.read_text(encoding="utf-8") + "\n# catatan tim\n", encoding="utf-8")
    serve_build(sample, served)
    assert missing.stat().st_mtime_ns != written
    clean_build(sample, tmp_path / "clean2")
    assert differing(served, tmp_path / "clean2") == []


def test_the_waiting_page_key_follows_every_field_of_its_members() -> None:
    item = WaitingItem("2026-12-03-satu", "memberi paraf", ("instagram",), Action.INITIAL)
    member = MemberWaiting("rina", "Rina", "Kasubbag", (item,))
    site = ApprovalSite(dt.date(2026, 12, 2), members=(member,))
    same = ApprovalSite(dt.date(2026, 12, 2), members=(replace(member, items=(replace(item),)),))
    assert waiting_key(site) == waiting_key(same)
    assert posts_in(waiting_key(site), {"2026-12-03-satu": None}) == ["2026-12-03-satu"]
    others = [replace(site, today=dt.date(2026, 12, 3)),
              replace(site, members=(replace(member, name="Rina W."),)),
              replace(site, members=(replace(member, role="Kepala"),)),
              replace(site, members=(replace(member, member="budi"),)),
              replace(site, members=(replace(member, items=(replace(item, what="menyetujui"),)),)),
              replace(site, members=(replace(member, items=(replace(item, platforms=()),)),)),
              replace(site, members=(replace(member, items=(
                  replace(item, action=Action.APPROVE),)),)),
              replace(site, members=(replace(member, items=(
                  replace(item, post_id="2026-12-04-dua"),)),))]
    keys = {digest(waiting_key(other)) for other in others}
    assert len(keys) == len(others) and digest(waiting_key(site)) not in keys
