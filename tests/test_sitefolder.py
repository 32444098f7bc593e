"""The output folder of a full render (plugin/sitefolder.py): emptied of its files with its
folders kept, the folders no page went into removed afterwards, cached pictures linked into
the site with the same bytes (copied where a link cannot be made)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from kalender.plugin import sitefolder
from kalender.plugin.sitefolder import emptied, link_cached, prune_empty


def tree(root: Path) -> list[str]:
    """Every file and folder under ``root``, folders ending with a slash."""
    return sorted(f"{p.relative_to(root).as_posix()}{'/' if p.is_dir() else ''}"
                  for p in root.rglob("*"))


def test_emptying_removes_every_file_keeps_folders_and_the_dot_entries(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("index.html", "pos/a/index.html", "pos/b/index.html", ".git/HEAD",
                 "pos/.hidden", "assets/x.css"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "keep.txt").write_text("keep")
    (site / "link").symlink_to(tmp_path / "elsewhere")
    (site / "pos" / "link").symlink_to(tmp_path / "elsewhere")
    emptied(site)
    assert tree(site) == [".git/", ".git/HEAD", "assets/", "pos/", "pos/a/", "pos/b/"]
    assert (tmp_path / "elsewhere" / "keep.txt").read_text() == "keep"  # links, not targets


def test_pruning_removes_the_folders_no_page_went_into(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for folder in ("pos/a", "pos/b", "minggu/w1/deep", ".git/objects", "assets/empty"):
        (site / folder).mkdir(parents=True)
    (site / "pos" / "a" / "index.html").write_text("a")
    prune_empty(site)
    assert tree(site) == [".git/", ".git/objects/", "pos/", "pos/a/", "pos/a/index.html"]


def cached_file(tmp_path: Path, cache: Path) -> File:
    """A picture of ``cache`` given to the site as ``kalender/gambar/abc.jpg``."""
    picture = cache / "thumbnails" / "abc.jpg"
    picture.parent.mkdir(parents=True)
    picture.write_bytes(b"\xff\xd8 picture bytes")
    file = File("kalender/gambar/abc.jpg", src_dir=None, dest_dir=str(tmp_path / "site"),
                use_directory_urls=False)
    file.abs_src_path = str(picture)
    return file


def test_a_cached_picture_is_linked_into_the_site_with_its_bytes(tmp_path: Path) -> None:
    cache = tmp_path / ".cache" / "kalender"
    file = cached_file(tmp_path, cache)
    out = tmp_path / "site" / "kalender" / "gambar" / "abc.jpg"
    out.parent.mkdir(parents=True)
    out.write_bytes(b"an older copy")  # replaced, not written through
    link_cached(file, cache)
    file.copy_file()
    assert out.read_bytes() == b"\xff\xd8 picture bytes"
    assert os.path.samefile(out, str(file.abs_src_path))


def test_a_picture_is_copied_where_no_link_can_be_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / ".cache" / "kalender"
    file = cached_file(tmp_path, cache)

    def no_link(source: str, target: str) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(sitefolder.os, "link", no_link)
    link_cached(file, cache)
    file.copy_file()
    out = tmp_path / "site" / "kalender" / "gambar" / "abc.jpg"
    assert out.read_bytes() == b"\xff\xd8 picture bytes"
    assert not os.path.samefile(out, str(file.abs_src_path))


def test_a_file_outside_the_cache_is_copied_as_mkdocs_does(tmp_path: Path) -> None:
    file = cached_file(tmp_path, tmp_path / "elsewhere")
    link_cached(file, tmp_path / ".cache" / "kalender")
    file.copy_file()
    out = tmp_path / "site" / "kalender" / "gambar" / "abc.jpg"
    assert out.read_bytes() == b"\xff\xd8 picture bytes"
    assert not os.path.samefile(out, str(file.abs_src_path))
