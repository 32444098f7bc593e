"""``posts/`` walked once per build (:class:`kalender.core.stattable.StatTable`): the loader
lists the post files and compares each post's file times from the walk that stamps the
inputs, finds the posts ``rglob`` finds, and a file written after the walk is still read
by the next build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kalender.core.loader import load_project, post_files
from kalender.core.memo import PostFiles
from kalender.core.stattable import StatTable
from kalender.site.incremental import input_stamp
from samplecopy import data_copy

EDITED = "2026-12-03-hak-pilih-penyandang-disabilitas"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return data_copy(tmp_path)


def walked(root: Path) -> StatTable:
    """One build's walk of the posts folder (as the plugin's ``Incremental`` does)."""
    table = StatTable()
    input_stamp(root, [root / "posts", root / "laporan"], table)
    return table


def caption(root: Path, memory: PostFiles, table: StatTable) -> str:
    project = load_project(root, memory=memory, stats=table)
    post = next(p for p in project.posts if p.id == EDITED)
    return post.caption_for("instagram").text


def edit(root: Path, words: str) -> None:
    path = next((root / "posts").rglob(f"{EDITED}.md"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("caption: |\n", f"caption: |\n  {words}\n", 1),
                    encoding="utf-8")
    stat = path.stat()  # a later time, whatever the clock's grain
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_the_walk_lists_the_posts_rglob_lists(sample: Path) -> None:
    odd = sample / "posts" / "arsip" / "lama.md"  # a folder named like a post, nested files
    odd.mkdir(parents=True)
    shutil.copy(next((sample / "posts").rglob("*.md")), odd.parent / "2026-01-05-x.md")
    assert post_files(sample, walked(sample)) == sorted((sample / "posts").rglob("*.md"))
    assert walked(sample).markdown_files(sample / "posts") is not None


def test_a_folder_the_walk_leaves_out_is_listed_by_rglob(sample: Path) -> None:
    hidden = sample / "posts" / ".cache"  # the stamp skips it; rglob does not
    hidden.mkdir()
    shutil.copy(next((sample / "posts").rglob("*.md")), hidden / "2026-01-05-x.md")
    table = walked(sample)
    assert table.markdown_files(sample / "posts") is None
    assert hidden / "2026-01-05-x.md" in post_files(sample, table)


def test_a_post_written_after_the_walk_is_read_by_the_next_build(sample: Path) -> None:
    memory = PostFiles()
    assert "Diubah" not in caption(sample, memory, walked(sample))
    table = walked(sample)  # the walk of the next build, then the file is written
    edit(sample, "Diubah sesudah jalan folder.")
    caption(sample, memory, table)  # this build may show the old caption
    assert "Diubah sesudah jalan folder." in caption(sample, memory, walked(sample))


def test_a_post_read_after_the_walk_is_read_again_by_the_next_build(sample: Path) -> None:
    table = walked(sample)
    edit(sample, "Ditulis sebelum dibaca.")  # after the walk, before the loader reads it
    memory = PostFiles()
    assert "Ditulis sebelum dibaca." in caption(sample, memory, table)
    edit(sample, "Ditulis lagi.")
    assert "Ditulis lagi." in caption(sample, memory, walked(sample))


def test_an_unchanged_post_is_reused_from_the_walk(sample: Path) -> None:
    memory = PostFiles()
    first = load_project(sample, memory=memory, stats=walked(sample))
    again = load_project(sample, memory=memory, stats=walked(sample))
    assert memory.reused == len(first.posts)
    assert [id(p) for p in again.posts] == [id(p) for p in first.posts]
