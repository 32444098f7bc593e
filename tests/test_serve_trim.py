"""What ``kalender serve`` lets go of once a build ended (issue 23, branch ``memory10``): the
memory the C library holds free goes back to the system once the first build has settled
and after each idle collection (the render of every page lets go of its pages' HTML, but
freed memory in the middle of the heap otherwise stays part of the process); and the
first build's objects are set aside from the collector only once that build has returned
(``on_serve``), with its template environment let go: mkdocs' objects of the build and the
templates' contexts hold the views the pages were rendered from, so set aside with them
they could never be collected, and the next build's views came on top of them."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from test_serve_memory import EDITED, clean_build, differing, serve_build
from test_serve_memory import sample as sample  # the served sample fixture

# A child process frees some 100 MB of C-heap blocks (``bytes`` above Python's small-object
# size) behind one block still alive, so the heap cannot shrink from its top; it prints its
# resident size in KB before and after the step named on its command line.
FREED_BEHIND_A_PIN = textwrap.dedent("""
    import gc, sys
    from kalender.plugin.idlegc import IdleCollector
    from kalender.plugin.serving import settle_memory

    def resident():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS"):
                return int(line.split()[1])

    blocks = [bytes(600) + bytes([i % 256]) for i in range(170_000)]
    pin = bytes(600) + b"pin"
    del blocks
    before = resident()
    if sys.argv[1] == "settle":
        settle_memory()
    else:
        collector = IdleCollector()
        collector.armed = True
        collector.rebuild_ended()
        collector.collect()
        collector.stop()
        gc.unfreeze()
    print(before, resident())
""")


def resident_before_and_after(step: str) -> tuple[int, int]:
    done = subprocess.run([sys.executable, "-c", FREED_BEHIND_A_PIN, step], check=True,
                          capture_output=True, text=True)
    before, after = done.stdout.split()
    return int(before), int(after)


@pytest.mark.parametrize("step", ["settle", "idle"], ids=["first-build-settled", "idle"])
def test_memory_freed_behind_live_blocks_goes_back_to_the_system(step: str) -> None:
    before, after = resident_before_and_after(step)
    assert before - after > 50_000, (before, after)  # KB: most of the ~100 MB freed


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """The first serve build sets this process's objects aside (``gc.freeze``): undone after."""
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_rebuild_lets_the_first_build_s_views_go_and_serves_the_same(
        sample: Path, tmp_path: Path, unfrozen: None) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(served))
    try:  # as mkdocs' serve does once the first build returned
        plugin.on_serve(server, config=load_config(str(sample / "mkdocs.yml")), builder=None)
    finally:
        server.server_close()
    assert gc.get_freeze_count() > 0 and plugin.env is None  # its objects are set aside
    first_views = [weakref.ref(plugin.approval), weakref.ref(plugin.site)]
    assert all(view() is not None for view in first_views)  # until the next build
    edited = next((sample / "posts").rglob(f"{EDITED}.md"))
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "caption: |\n", "caption: |\n  Keterangan disunting, pandangan dilepas.\n", 1),
        encoding="utf-8")
    serve_build(sample, served)
    gc.collect()  # a cycle another test left may hold them; set aside, they would stay
    assert [view() for view in first_views] == [None, None]  # gone: not set aside
    assert "Keterangan disunting, pandangan dilepas." in \
        (served / "pos" / EDITED / "index.html").read_text(encoding="utf-8")
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
