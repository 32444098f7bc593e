"""``kalender serve`` keeps each post's front matter as read and its line numbers packed
between builds (issue 23, branch ``memory12``): one ``bytes`` object per post instead of
some ten small dicts, lists and strings. The rules still read them (a finding names its
file and line as before), a post's key is the same bytes, and a rebuild after an edit and a
new post still serves the site a build from nothing makes."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.approval.standing import Standings
from kalender.core.loader import load_project
from kalender.core.model import Post
from kalender.core.packed import Packed, pack_front_matter
from kalender.core.postmemo import post_key
from kalender.plugin.postchecks import findings_of
from kalender.plugin.site_plugin import KalenderPlugin
from samplecopy import data_copy, served_sample
from test_serve_memory import clean_build, differing, serve_build

EDITED = "2026-12-03-hak-pilih-penyandang-disabilitas"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, "2026-12-02")


def kept_posts(plugin: KalenderPlugin) -> dict[str, Post]:
    return {read.post.id: read.post for read in plugin.memory.files._read.values()
            if read.post is not None}


def test_the_rules_find_the_same_on_packed_posts_naming_file_and_line(tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    path = next((root / "posts").rglob(f"{EDITED}.md"))
    text = path.read_text(encoding="utf-8")  # the office's hashtags missing: a finding
    path.write_text(text.replace("hashtags: [JDIHKPU, KPUSingkawang]", "hashtags: [Pemilu]"),
                    encoding="utf-8")
    fresh = load_project(root)
    packed = load_project(root)
    assert pack_front_matter(packed.posts) == len(packed.posts) > 10
    assert all(type(p.meta) is Packed and type(p.lines) is Packed for p in packed.posts)
    expected = findings_of(fresh, Standings())
    found = findings_of(packed, Standings())
    assert found == expected
    named = [(p.path, p.line) for p in found[EDITED]]
    assert (path, text.splitlines().index("hashtags: [JDIHKPU, KPUSingkawang]") + 1) in named
    for one, other in zip(fresh.posts, packed.posts, strict=True):
        assert post_key(one) == post_key(other)  # the same bytes: the kept findings hold
        assert other.meta == one.meta and dict(other.lines) == one.lines
        assert other.line("caption") == one.line("caption")
        assert other.meta.get("captions") == one.meta.get("captions")
    with_captions = [p for p in packed.posts if p.meta.get("captions")]
    assert with_captions  # what the rules read of the front matter (rules.text, .wording)
    again = pickle.loads(pickle.dumps(packed.posts))  # the posts' cache: dicts, as before
    assert all(type(p.meta) is dict for p in again)
    assert [p.meta for p in again] == [p.meta for p in fresh.posts]


def test_serve_packs_the_posts_it_keeps_and_serves_an_edit_and_a_new_post_right(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    posts = kept_posts(plugin)
    assert len(posts) > 10
    assert all(type(p.meta) is Packed and type(p.lines) is Packed for p in posts.values())

    edited = next((sample / "posts").rglob(f"{EDITED}.md"))
    text = edited.read_text(encoding="utf-8")
    assert "Pemilu untuk semua." in text and "date: 2026-12-03 09:00" in text
    edited.write_text(text.replace("Pemilu untuk semua.", "Pemilu untuk semua pemilih."),
                      encoding="utf-8")
    new = edited.with_name("2026-12-04-pos-baru-dikemas.md")
    new.write_text(text.replace("date: 2026-12-03 09:00", "date: 2026-12-04 10:00")
                   .replace("title: ", "title: Pos Baru ", 1), encoding="utf-8")
    again = serve_build(sample, served)
    assert again is plugin
    posts = kept_posts(plugin)
    for name in (EDITED, new.stem):  # read by the rebuild, packed at its end
        assert type(posts[name].meta) is Packed and type(posts[name].lines) is Packed
    assert "Pemilu untuk semua pemilih." in str(posts[EDITED].meta.get("caption"))
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
