"""What ``kalender serve`` keeps between builds: the same plugin object builds the site again
after an edit, reusing every post that did not change, and leaves exactly the site a build
from nothing makes. Also the pieces: page digests, the template cache, the file watcher."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from kalender.approval.machine import Action
from kalender.core.loader import load_project
from kalender.plugin.incremental import TemplateCache
from kalender.plugin.site_plugin import KalenderPlugin
from kalender.plugin.watching import watch_with_events
from kalender.site.incremental import digest, posts_in
from kalender.site.views import Badge, Choice, Entry
from kalender.workflow.actions import perform
from samplecopy import served_sample
from samplekeys import sample_signer

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-02"
EDITED = "2026-12-03-hak-pilih-penyandang-disabilitas"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, TODAY)


def serve_build(root: Path, site: Path) -> KalenderPlugin:
    """One build as ``kalender serve`` runs it: dirty, the plugin object kept by mkdocs."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    plugin = config.plugins["kalender"]
    assert isinstance(plugin, KalenderPlugin)
    return plugin


def clean_build(root: Path, site: Path) -> None:
    """A build from nothing in a process of its own (mkdocs would hand this process the
    same plugin object, memory included)."""
    today = os.environ["KALENDER_TODAY"]
    result = subprocess.run([sys.executable, "-m", "kalender", "--root", str(root), "build",
                             "--today", today, "--site-dir", str(site)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


SITEMAP = {"sitemap.xml", "sitemap.xml.gz"}  # not drawn by the preview server


def differing(one: Path, other: Path) -> list[str]:
    def names(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*")
                if p.is_file()} - SITEMAP

    left, right = names(one), names(other)
    odd = sorted(left ^ right)
    odd += [n for n in sorted(left & right) if not filecmp.cmp(one / n, other / n, shallow=False)]
    return odd


def test_a_serve_rebuild_reuses_posts_and_equals_a_build_from_nothing(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served = tmp_path / "served"
    first = serve_build(sample, served)
    posts = len(load_project(sample).posts)
    path = next((sample / "posts").rglob(f"{EDITED}.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("caption: |\n", "caption: |\n  Diubah saat serve.\n", 1),
                    encoding="utf-8")
    second = serve_build(sample, served)
    assert second is first  # mkdocs kept the plugin, so its memory
    assert second.memory.files.reused == posts - 1  # only the edited post was read again
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
    html = (served / "pos" / EDITED / "index.html").read_text(encoding="utf-8")
    assert "Diubah saat serve." in html
    assert not (served / "sitemap.xml").exists() and (tmp_path / "clean" / "sitemap.xml").exists()

    # an approval step changes the post's records, not its file: read again too
    drafts = [p for p in load_project(sample).posts if p.status.value == "draf"]
    perform(sample, drafts[0].id, Action.SUBMIT, "rina", signer=sample_signer("rina"))
    serve_build(sample, served)
    clean_build(sample, tmp_path / "clean2")
    assert differing(served, tmp_path / "clean2") == []

    # a deleted post leaves nothing behind, a new day changes what "today" shows
    path.unlink()
    path.with_name(f"{EDITED}.persetujuan.yml").unlink(missing_ok=True)
    monkeypatch.setenv("KALENDER_TODAY", "2026-12-03")
    third = serve_build(sample, served)
    assert path.resolve() not in third.memory.files  # the deleted post is not kept either
    assert next((sample / "posts").rglob("*.md")).resolve() in third.memory.files
    clean_build(sample, tmp_path / "clean3")
    assert differing(served, tmp_path / "clean3") == []
    assert not (served / "pos" / EDITED).exists()


def entry(caption: str, title: str = "Judul") -> Entry:
    return Entry(id="2026-12-03-a", page="pos/2026-12-03-a/index.md", title=title,
                 day=dt.date(2026, 12, 3), date_label="Kamis, 3 Desember 2026", time="08.00",
                 category=Choice("rutin", "Rutin"), type=Choice("edukasi", "Edukasi"),
                 platforms=(Choice("x", "X"),), badge=Badge("draf", "Draf", "pencil"),
                 caption_start=caption, thumbnail=None)


def test_a_page_digest_follows_values_not_shared_objects() -> None:
    words = "".join(["kata", " sama"])
    shared = (words, words)
    apart = ("kata sama", "".join(["kata", " ", "sama"]))
    assert digest(shared) == digest(apart)
    assert digest(entry("awal")) != digest(replace(entry("awal"), title="Lain"))


def test_a_row_does_not_depend_on_the_caption_but_names_its_post() -> None:
    """Lines and chips do not show the caption: a caption edit leaves the list, month and
    meeting pages alone (the week's cards depend on it through the post's card digest)."""
    assert digest(entry("awal")) == digest(entry("diubah"))
    view = {"groups": [(entry("awal"),)]}
    assert posts_in(view, {"2026-12-03-a": "x", "lain": "y"}) == ["2026-12-03-a"]


def test_compiled_templates_are_reused_by_the_next_environment(tmp_path: Path) -> None:
    cache = TemplateCache(tmp_path / "jinja")
    loader = DictLoader({"page.html": "{% for i in range(3) %}{{ i }}{% endfor %}"})
    first = Environment(loader=loader, bytecode_cache=cache)
    assert first.get_template("page.html").render() == "012"
    assert len(cache.memory) == 1
    assert list((tmp_path / "jinja").iterdir())  # on disk for the next kalender build

    compiled = []
    second = Environment(loader=loader, bytecode_cache=cache)
    original = second.compile
    second.compile = lambda *a, **k: compiled.append(1) or original(*a, **k)  # type: ignore[method-assign]
    assert second.get_template("page.html").render() == "012"
    assert compiled == []  # loaded, not compiled again


def test_serve_watches_with_file_events_and_ignores_reads(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(tmp_path))
    (tmp_path / "posts").mkdir()
    server.watch(str(tmp_path / "posts"))
    server.watch(str(tmp_path / "posts"))
    watch_with_events(server)
    assert type(server.observer).__name__ == "Writes"
    assert server._watched_paths == {str(tmp_path / "posts"): 2}
    server.observer.start()
    try:
        post = tmp_path / "posts" / "a.md"
        post.write_text("satu", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server._want_rebuild  # the write was reported
        time.sleep(0.5)  # the write's last events (close after write) arrive too
        server._want_rebuild = False
        post.read_text(encoding="utf-8")  # the build reads posts: no rebuild for that
        time.sleep(0.5)
        assert not server._want_rebuild
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()
