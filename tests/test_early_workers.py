"""A build without a pictures' cache starts its picture workers before it reads the posts
(issue 23): their start overlaps reading the posts on a machine with two cores. A build with
a cache starts none then, and no worker outlives a build."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest

from kalender.media.mediacache import INDEX_FILE, cache_folder
from kalender.plugin import site_plugin
from kalender.plugin.pictures import BuildWorkers
from samplecopy import served_sample, site_built

TODAY = "2026-12-02"


def test_workers_run_while_the_posts_of_a_build_without_cache_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = served_sample(tmp_path, monkeypatch, TODAY)
    running: list[int] = []
    real = site_plugin.load_project

    def counted(*args: Any, **kwargs: Any) -> Any:
        running.append(len(multiprocessing.active_children()))
        return real(*args, **kwargs)

    monkeypatch.setattr(site_plugin, "load_project", counted)
    site_built(root, tmp_path / "first")
    assert multiprocessing.active_children() == []
    assert (cache_folder(root) / INDEX_FILE).is_file()
    site_built(root, tmp_path / "again")  # the pictures' cache is there now
    assert multiprocessing.active_children() == []
    assert running == [os.cpu_count() or 1, 0]
    first, again = tmp_path / "first" / "pos", tmp_path / "again" / "pos"
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in again.iterdir())


def test_workers_started_early_end_with_a_build_that_fails_before_using_them(
        tmp_path: Path) -> None:
    workers = BuildWorkers()
    workers.start_early(tmp_path)
    assert workers.early is not None
    assert len(multiprocessing.active_children()) == (os.cpu_count() or 1)
    workers.abandon()
    assert workers.early is None and multiprocessing.active_children() == []


def test_a_repository_with_a_pictures_cache_starts_no_worker_early(tmp_path: Path) -> None:
    cache_folder(tmp_path).mkdir(parents=True)
    (cache_folder(tmp_path) / INDEX_FILE).write_bytes(b"")
    workers = BuildWorkers()
    workers.start_early(tmp_path)
    assert workers.early is None and multiprocessing.active_children() == []
