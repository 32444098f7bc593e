"""``kalender serve``: the idle collection's wait (:mod:`kalender.plugin.idlegc`) starts when
a build's own work is done, the search index written included (issue 23, branch
``serve12``). Started before it, a rebuild whose last steps took more than the wait (a busy
machine, N = 10,000) had a full collection of its garbage running inside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kalender.plugin import idlegc, searchwrite
from test_serve_memory import EDITED, serve_build
from test_serve_memory import sample as sample  # the served sample fixture


def test_the_idle_wait_starts_after_the_search_index_is_written(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[str] = []
    write_index = searchwrite._write_index  # noqa: SLF001
    build_ended = idlegc.IdleCollector.build_ended

    def written(index: Any, outs: Any) -> None:
        write_index(index, outs)
        steps.append("index")

    def ended(collector: idlegc.IdleCollector) -> bool:
        steps.append("ended")
        return build_ended(collector)

    monkeypatch.setattr(searchwrite, "_write_index", written)
    monkeypatch.setattr(idlegc.IdleCollector, "build_ended", ended)
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    assert plugin.frozen and plugin.collector.armed  # the first build's objects set aside
    edited = next((sample / "posts").rglob(f"{EDITED}.md"))
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "caption: |\n", "caption: |\n  Keterangan disunting saat serve.\n", 1),
        encoding="utf-8")
    serve_build(sample, served)
    plugin.collector.stop()
    assert steps == ["index", "ended", "index", "ended"]
    assert "Keterangan disunting saat serve." in \
        (served / "pos" / EDITED / "index.html").read_text(encoding="utf-8")
