"""A scratch copy of the repository's sample (calendar, posts, docs, overrides, mkdocs.yml),
for tests that build the whole site and then change something in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kalender.plugin.incremental import quiet_dirty_notice
from kalender.workflow.actions import NOW_ENV

ROOT = Path(__file__).resolve().parent.parent


def data_copy(parent: Path) -> Path:
    """``parent/repo``: the sample's data only (``calendar/`` and ``posts/``), resolved."""
    root = parent / "repo"
    root.mkdir()
    for name in ("calendar", "posts"):
        shutil.copytree(ROOT / name, root / name)
    return root.resolve()


def sample_copy(parent: Path) -> Path:
    """``parent/repo``: the sample repository copied, not built."""
    root = parent / "repo"
    root.mkdir()
    for name in ("calendar", "posts", "docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def served_sample(parent: Path, monkeypatch: pytest.MonkeyPatch, today: str) -> Path:
    """A sample copy for builds run as ``kalender serve`` runs them, on ``today``, with the
    office clock at 1 December 2026 09:00 and mkdocs' notices quiet."""
    root = sample_copy(parent)
    monkeypatch.setenv("KALENDER_TODAY", today)
    monkeypatch.setenv(NOW_ENV, "2026-12-01T09:00")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    quiet_dirty_notice()
    return root


def site_built(root: Path, site: Path) -> None:
    """Build the site of ``root`` into ``site`` in this process, as ``kalender build``."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=False)
    config.plugins.on_startup(command="build", dirty=True)
    build(config, dirty=True)
