"""The edit skip path (plugin.editpath): after one post's caption or picture was edited, a
new process keys again only the pages that show that post, and says so; any other change
takes the full path. Every page key it keeps is checked against the key the full path makes
(``KALENDER_EDITPATH=check``: a difference is a warning), and the site stays the one a
build from nothing makes (tests/test_incremental.py has the same edits among its scenarios).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from samplecopy import sample_copy
from test_incremental import (
    TODAY,
    add_a_post,
    build,
    delete_a_post,
    differing,
    edit_a_draft_caption,
    edit_an_approved_caption,
    edit_calendar,
    from_nothing,
    move_a_draft,
    replace_a_picture,
)

TAKEN = "Jalan pintas suntingan: 1 pos berubah"


def replace_a_draft_picture(root: Path) -> None:
    """Another picture saved over the first card of a draft (same name). A draft: an
    approved post whose media changed leaves "approved" (its badge, the legend, Menunggu)."""
    for path in sorted((root / "posts").rglob("*.md")):
        cards = path.with_suffix("")
        if "\nstatus: draf\n" in path.read_text(encoding="utf-8") and \
                (cards / "kartu-2.jpg").is_file() and (cards / "kartu-1.jpg").is_file():
            (cards / "kartu-1.jpg").write_bytes((cards / "kartu-2.jpg").read_bytes())
            return
    raise AssertionError("the sample has no draft with two cards")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = sample_copy(tmp_path_factory.mktemp("editpath"))
    build(root, root / "site")
    return root


def verbose_build(root: Path, mode: str = "check") -> str:
    """mkdocs itself, dirty like ``kalender build`` and verbose (the plugin's log), with
    every kept page key checked (``mode``); no warning but mkdocs' own about dirty builds."""
    env = dict(os.environ, KALENDER_NOW="2026-12-01T09:00", KALENDER_TODAY=TODAY,
               KALENDER_EDITPATH=mode, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict",
                             "-v", "-d", str(root / "site")], capture_output=True, text=True,
                            cwd=root, timeout=600, env=env)
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
    assert [line for line in warnings if "'dirty' build" not in line] == []
    return log


# In this order: the first two keep every post where it was; the others move, add or
# remove one (or change calendar/), each settled by a build before the next.
CASES: list[tuple[str, Callable[[Path], None], bool]] = [
    ("draft-caption", edit_a_draft_caption, True),
    ("draft-picture", replace_a_draft_picture, True),
    ("approved-caption", edit_an_approved_caption, False),
    ("uploaded-picture", replace_a_picture, False),  # leaves "uploaded": the legend changes
    ("calendar", edit_calendar, False),
    ("moved-week", move_a_draft, False),
    ("added", add_a_post, False),
    ("deleted", delete_a_post, False),
]


@pytest.mark.parametrize(("name", "edit", "taken"), CASES, ids=[c[0] for c in CASES])
def test_the_skip_path_is_taken_only_for_one_post_kept_in_place(
        repo: Path, tmp_path: Path, name: str, edit: Callable[[Path], None],
        taken: bool) -> None:
    build(repo, repo / "site")  # what the case before left: settled
    edit(repo)
    log = verbose_build(repo)
    assert (TAKEN in log) is taken, log
    if taken:  # its own page and its week at least; far fewer than the site's pages
        line = next(line for line in log.splitlines() if TAKEN in line)
        pages = int(line.split("berubah, ")[1].split(" ")[0])
        assert 2 <= pages < 10
        assert differing(repo / "site", from_nothing(repo, tmp_path, TODAY)) == []


def test_the_skip_path_can_be_turned_off(repo: Path) -> None:
    build(repo, repo / "site")
    edit_a_draft_caption(repo)
    assert TAKEN not in verbose_build(repo, "0")
