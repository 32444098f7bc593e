"""``kalender serve`` (issue 23, branch serve8): the part of a page's key made from its own
data is kept while that data is the same (``kalender.plugin.keptkeys``), and the rules are
loaded at the end of the first build, not by the first edit (``warm_rules``). A change to
what either keeps is seen on the next rebuild, and the served site stays byte for byte the
site a build from nothing makes."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.approval.machine import Action
from kalender.approval.standing import Standings
from kalender.core.loader import load_project
from kalender.plugin.keptkeys import KeptPageKeys, same
from kalender.plugin.postchecks import warm_rules
from kalender.site.incremental import page_key
from kalender.site.viewdigests import Digested
from kalender.workflow.actions import perform
from samplecopy import served_sample
from samplekeys import sample_signer
from test_serve_handed import OTHER_PICTURE, PICTURED
from test_serve_kept import DRAFT, edit_caption
from test_serve_memory import TODAY, clean_build, differing, serve_build

# blocked: an error wherever it stands, so the learned layer's veto (which may read a plain
# sentence as clean) does not decide whether the list was seen
LIST = ("label: Uji serve\nsop: D.2\nphrases:\n  - text: {phrase}\n    dasar: dasar uji\n"
        "    blocked: true\n")


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield served_sample(tmp_path, monkeypatch, TODAY)


class Box:  # a view made again: the same only as itself
    def __init__(self, text: str) -> None:
        self.text = text


@pytest.mark.parametrize(("one", "other", "expected"), [
    (("a", ("post", "x")), ("a", ("post", "x")), True),
    ([1, {"k": dt.date(2026, 12, 2)}], [1, {"k": dt.date(2026, 12, 2)}], True),
    (Digested("d", ("p",)), Digested("d", ("p",)), True),
    (("a",), ("b",), False),
    ((1,), (True,), False),  # equal, but pickled (and shown) otherwise
    ((1,), (1.0,), False),
    ((0.0,), (-0.0,), False),
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),  # another order, another pickle
    (("a", "b"), ("a",), False),
    (Digested("d", ("p",)), Digested("d", ("q",)), False),
    (Box("a"), Box("a"), False),
], ids=["strings", "containers", "digested", "other-string", "int-bool", "int-float",
        "signed-zero", "dict-order", "shorter", "digested-posts", "other-object"])
def test_same_is_true_only_when_the_pickle_would_be(one: object, other: object,
                                                     expected: bool) -> None:
    assert same(one, other) is expected


def test_a_kept_key_changes_with_the_data_and_with_the_digest_of_a_post_shown() -> None:
    keys = KeptPageKeys()
    ids = {"pos-a": "1", "pos-b": "2"}
    box = Box("minggu")
    key_of = keys.start(True, ids)
    first = key_of("s", "minggu/x.md", ("src", (box, "pos-a")), ids)
    key_of = keys.start(True, ids)
    assert key_of("s", "minggu/x.md", ("src", (box, "pos-a")), ids) == first
    assert keys.reused == 1
    key_of = keys.start(True, ids)
    assert key_of("s", "minggu/x.md", ("src", (box, "pos-a")), {**ids, "pos-a": "9"}) != first
    assert key_of("s", "minggu/y.md", ("src", (box, "pos-a")), ids) != first  # another page
    key_of = keys.start(True, ids)
    assert key_of("s", "minggu/x.md", ("src", (Box("minggu"), "pos-a")), ids) == first
    assert keys.reused == 0  # an object made again: walked and pickled again (same value)
    key_of = keys.start(True, ids)
    assert key_of("s", "minggu/x.md", ("src", (box, "pos-b")), ids) != first
    assert key_of("t", "minggu/x.md", ("src", (box, "pos-a")), ids) != first  # shared
    assert keys.start(False, ids) is page_key  # kalender build: every key anew


def test_a_string_that_becomes_a_post_id_is_looked_for_again() -> None:
    keys = KeptPageKeys()
    before = {"pos-a": "1"}
    keys.start(True, before)("s", "p.md", ("src", "pos-b"), before)
    after = {"pos-a": "1", "pos-b": "2"}
    key = keys.start(True, after)("s", "p.md", ("src", "pos-b"), after)
    assert keys.reused == 0
    assert keys.now["p.md"][3] == ("pos-b",)
    assert key != keys.start(True, after)("s", "p.md", ("src", "pos-b"), {**after, "pos-b": "3"})


def test_serve_keeps_the_keys_of_pages_a_caption_edit_left_and_sees_an_approval(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    edit_caption(sample, "Diubah saat serve, kunci tetap.")
    serve_build(sample, served)
    assert plugin.page_keys.reused > len(plugin.page_keys.now) // 2
    assert "Diubah saat serve, kunci tetap." in \
        (served / "pos" / DRAFT / "index.html").read_text(encoding="utf-8")
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []

    # an approval step changes the waiting page's data (plain values, kept): seen
    waiting = (served / "menunggu" / "index.html").read_text(encoding="utf-8")
    draft = next(p for p in load_project(sample).posts if p.status.value == "draf")
    perform(sample, draft.id, Action.SUBMIT, "rina", signer=sample_signer("rina"))
    serve_build(sample, served)
    assert (served / "menunggu" / "index.html").read_text(encoding="utf-8") != waiting
    clean_build(sample, tmp_path / "clean2")
    assert differing(served, tmp_path / "clean2") == []


def test_warm_rules_checks_one_post_of_each_platform(sample: Path) -> None:
    project = load_project(sample)
    platforms = {t.platform for p in project.posts for t in p.targets}
    checked = warm_rules(project, Standings())
    assert 1 <= checked <= len(platforms)


def test_a_list_written_after_the_first_serve_build_is_seen_by_the_next_rebuild(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    serve_build(sample, served)  # the rules and their lists loaded at its end
    (sample / "calendar" / "terlarang" / "uji-serve.yml").write_text(
        LIST.format(phrase="burung hantu"), encoding="utf-8")
    edit_caption(sample, "Ada burung hantu di kantor.")
    serve_build(sample, served)
    page = (served / "pos" / DRAFT / "index.html").read_text(encoding="utf-8")
    assert "Uji serve" in page
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []


def test_picture_files_are_kept_until_their_cached_picture_is_another(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    before = dict(plugin.page_files.pictures_now)
    assert before  # previews and thumbnails
    edit_caption(sample, "Diubah saat serve, gambar tetap.")
    serve_build(sample, served)
    now = plugin.page_files.pictures_now
    assert all(now[page][1] is file for page, (_, file) in before.items() if page in now)
    assert all("is_modified" not in file.__dict__ or file.is_modified() is False
               for _, file in now.values())  # what the last build set is set again

    photo = next((sample / "posts").rglob(f"{PICTURED}/kartu-1.jpg"))
    other = next((sample / "posts").rglob(f"{OTHER_PICTURE}/kartu-1.jpg"))
    shutil.copyfile(other, photo)  # the same name, another picture: other cached files
    serve_build(sample, served)
    assert set(plugin.page_files.pictures_now) != set(now)
    clean_build(sample, tmp_path / "clean")
    assert differing(served, tmp_path / "clean") == []
