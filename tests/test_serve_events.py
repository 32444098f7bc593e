"""``kalender serve`` learns from the file watcher which files changed under ``posts/``
(issue 23, branch ``serve13``): :class:`kalender.plugin.watching.FileEvents` keeps the
reported paths, :class:`kalender.site.keptwalk.KeptWalk` lists again only the folders that
hold one. The stamp lines and the stat table are those of a new walk after every kind of
change; a change the watcher did not report in full (a folder's, lost events) walks
everything; files outside ``posts/`` are still walked at every build."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from kalender.core.stattable import StatTable
from kalender.plugin.site_plugin import KalenderPlugin
from kalender.plugin.watching import FileEvents, watch_with_events
from kalender.site.incremental import _stat_lines
from kalender.site.keptwalk import KeptWalk
from test_serve_memory import EDITED, clean_build, differing, serve_build
from test_serve_memory import sample as sample  # the served sample fixture


def walk_anew(root: Path) -> tuple[list[str], StatTable]:
    table = StatTable()
    return list(_stat_lines(root / "posts", root, table)), table


def same_as_anew(kept: KeptWalk, root: Path) -> None:
    table = StatTable()
    lines = kept.lines(root, table)
    expected, walked = walk_anew(root)
    assert lines == expected
    assert table.found == walked.found
    assert table.walked == walked.walked
    assert table.markdown_files(root / "posts") == walked.markdown_files(root / "posts")


def post_of(root: Path, stem: str) -> Path:
    return next((root / "posts").rglob(f"{stem}.md"))


def later(path: Path) -> None:
    """Move ``path``'s time on, whatever the clock's grain."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_the_kept_walk_lists_only_the_changed_folders_and_equals_a_new_walk(
        sample: Path) -> None:
    kept = KeptWalk(sample / "posts")
    same_as_anew(kept, sample)  # nothing known: everything walked
    walked_all = kept.listed

    edited = post_of(sample, EDITED)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    later(edited)
    kept.changed = {str(edited)}
    same_as_anew(kept, sample)
    assert kept.listed == walked_all + 1  # its folder only

    new = edited.with_name("2026-12-30-baru.md")  # created, then one deleted, one renamed
    shutil.copy(edited, new)
    gone = next(p for p in (sample / "posts").rglob("*.md") if p.parent != edited.parent)
    gone.unlink()
    renamed = edited.with_name("2026-12-31-dipindah.md")
    edited.rename(renamed)
    kept.changed = {str(new), str(gone), str(edited), str(renamed)}
    same_as_anew(kept, sample)
    assert kept.listed == walked_all + 3

    kept.changed = set()  # nothing reported: nothing listed
    same_as_anew(kept, sample)
    assert kept.listed == walked_all + 3


def test_a_file_in_a_folder_not_walked_walks_everything(sample: Path) -> None:
    kept = KeptWalk(sample / "posts")
    kept.lines(sample)
    folder = sample / "posts" / "2028" / "02"
    folder.mkdir(parents=True)
    post = folder / "2028-02-04-baru.md"
    shutil.copy(post_of(sample, EDITED), post)
    kept.changed = {str(post)}  # the folders' own events are not needed to see it
    same_as_anew(kept, sample)
    shutil.rmtree(sample / "posts" / "2028")
    kept.changed = {str(folder)}  # a folder's path: walked again
    same_as_anew(kept, sample)


def walked_then_edited(sample: Path) -> tuple[KeptWalk, Path]:
    """``posts/`` walked, then a post edited (no build has walked it since)."""
    kept = KeptWalk(sample / "posts")
    kept.lines(sample)
    edited = post_of(sample, EDITED)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    later(edited)
    return kept, edited


def test_without_the_watchers_report_a_change_is_seen_by_the_walk(sample: Path) -> None:
    kept, edited = walked_then_edited(sample)
    kept.changed = None  # not known (first build, lost events)
    same_as_anew(kept, sample)


def test_what_a_build_did_not_walk_is_walked_by_the_next(sample: Path) -> None:
    kept, edited = walked_then_edited(sample)
    kept.tell({str(edited)})  # a build that did not walk posts/ (it was missing)
    kept.tell(set())  # the next build's report
    same_as_anew(kept, sample)
    kept.tell(set())
    kept.tell(None)
    assert kept.changed is None


def test_file_events_are_known_only_after_a_whole_walk_since_the_watcher_started() -> None:
    events = FileEvents()
    events.seen("/x/posts/a.md")
    assert events.take() is None  # no watcher
    events.started()
    events.seen("/x/posts/a.md")
    assert events.take() is None  # the first build after it starts walks everything
    events.seen("/x/posts/a.md", "/x/posts/b.md")
    assert events.take() == {"/x/posts/a.md", "/x/posts/b.md"}
    assert events.take() == set()
    events.seen("/x/posts/c.md")
    events.lost()
    assert events.take() is None


class _Server:
    """What :func:`watch_with_events` uses of mkdocs' LiveReloadServer."""

    def __init__(self) -> None:
        self._watched_paths: dict[str, int] = {}
        self._watch_refs: dict[str, Any] = {}
        self.observer: Any = None
        self.builds: list[Any] = []

    def watch(self, path: str) -> None:
        self._watched_paths[path] = 1
        handler = _Handler(self.builds)
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=True)


class _Handler:
    def __init__(self, builds: list[Any]) -> None:
        self.builds = builds

    def dispatch(self, event: Any) -> None:
        if not event.is_directory:  # as mkdocs' callback
            self.builds.append(event)


def wait_until(check: Any) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_the_watcher_tells_the_paths_written_and_a_new_folder_walks_everything(
        tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    (posts / "2026").mkdir(parents=True)
    server = _Server()
    server._watched_paths[str(posts)] = 1  # watched before (on_serve), scheduled anew
    events = FileEvents()
    watch_with_events(server, events)  # type: ignore[arg-type]
    server.observer.start()
    try:
        assert events.take() is None
        post = posts / "2026" / "2026-12-01-a.md"
        post.write_text("a", encoding="utf-8")
        assert wait_until(lambda: server.builds)  # a write starts a build, as before
        assert wait_until(lambda: str(post) in (events.take() or set()))
        (posts / "2027").mkdir()
        assert wait_until(lambda: events.take() is None)  # a folder: walk everything
        builds = len(server.builds)
        post.read_text(encoding="utf-8")  # read only: no build, nothing told
        time.sleep(0.3)
        assert len(server.builds) == builds and events.take() == set()
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_served_caption_edit_told_by_the_watcher_equals_a_build_from_nothing(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    assert isinstance(plugin, KalenderPlugin)
    plugin.posts_walk.events.started()  # as on_serve does
    serve_build(sample, served)  # the first build after: walks everything
    walk = plugin.posts_walk.walk
    assert walk is not None
    edited = post_of(sample, EDITED)
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "caption: |\n", "caption: |\n  Diubah lewat pengamat.\n", 1), encoding="utf-8")
    later(edited)
    plugin.posts_walk.events.seen(str(edited))
    listed = walk.listed
    serve_build(sample, served)
    assert walk.listed == listed + 1
    assert "Diubah lewat pengamat." in \
        (served / "pos" / EDITED / "index.html").read_text(encoding="utf-8")

    # the calendar data changed and nobody told: walked at every build, seen
    platforms = sample / "calendar" / "platforms.yml"
    platforms.write_text(platforms.read_text(encoding="utf-8").replace(
        "name: Instagram", "name: Instagram KPU", 1), encoding="utf-8")
    serve_build(sample, served)
    assert walk.listed == listed + 1
    assert "Instagram KPU" in (served / "pos" / EDITED / "index.html").read_text(
        encoding="utf-8")
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
    plugin.on_shutdown()  # the server stops: mkdocs may hand this plugin to the next test


def test_a_new_serve_session_walks_until_its_own_watcher_runs(sample: Path,
                                                              tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    plugin.posts_walk.events.started()  # the first session's watcher (on_serve)
    serve_build(sample, served)
    plugin.on_shutdown()  # that server stops; the same process serves again, no watcher yet
    assert serve_build(sample, served) is plugin
    edited = post_of(sample, EDITED)
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "caption: |\n", "caption: |\n  Diubah tanpa pengamat.\n", 1), encoding="utf-8")
    later(edited)
    serve_build(sample, served)
    assert "Diubah tanpa pengamat." in \
        (served / "pos" / EDITED / "index.html").read_text(encoding="utf-8")
    plugin.on_shutdown()


def test_file_events_are_trusted_only_while_the_watchers_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    events = FileEvents()
    events.started(thread)
    assert events.take() is None  # the first build walks everything
    assert events.take() is None  # not running yet (on_serve comes before the server)
    thread.start()
    try:
        assert events.take() == set()  # running: nothing reported, nothing changed
        events.seen("/x/posts/a.md")
        assert events.take() == {"/x/posts/a.md"}
    finally:
        stop.set()
        thread.join()
    events.seen("/x/posts/b.md")
    assert events.take() is None  # stopped with its server: walk everything again
