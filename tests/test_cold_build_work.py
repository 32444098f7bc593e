"""Work a cold build does once instead of on every call (issue 23, branch cold4): the content
lists' files looked at once per build, the picture cache cleaned of leftovers once per
folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kalender.core.buildscope import forget_found, one_build
from kalender.core.i18n import set_language
from kalender.media.mediacache import write_atomic
from kalender.rules.content import highlights
from kalender.rules.learned import MODEL_FILE
from kalender.rules.lists import content_lists
from killkit import killed_mid_write

LIST = "label: Uji\nsop: D.2\nphrases:\n  - text: {phrase}\n    dasar: dasar uji\n"


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def marked(text: str, folder: Path) -> list[str]:
    return [text[h.start:h.end] for h in highlights(text, folder)
            if h.rule == "content.forbidden"]


def test_one_build_reads_one_state_of_the_lists_and_the_next_build_sees_an_edit(
        repo: Path) -> None:
    folder = repo / "calendar"
    # The learned layer's veto (a caption it scores near certain clean loses the lists'
    # findings) depends on the training; this test is about when the lists are read.
    (folder / MODEL_FILE).unlink()
    listed = folder / "terlarang" / "uji.yml"
    listed.write_text(LIST.format(phrase="burung hantu"), encoding="utf-8")
    text = "Ada burung hantu dan kucing hutan liar."
    with one_build():
        assert marked(text, folder) == ["burung hantu"]
        listed.write_text(LIST.format(phrase="kucing hutan liar"), encoding="utf-8")
        assert marked(text, folder) == ["burung hantu"]  # within the build: as it began
    assert marked(text, folder) == ["kucing hutan liar"]  # no build running: looked at each call
    with one_build():
        assert marked(text, folder) == ["kucing hutan liar"]
        assert content_lists(folder) is content_lists(folder)


def test_a_killed_pictures_leftover_is_cleaned_by_the_next_picture_written_there(
        tmp_path: Path) -> None:
    folder = tmp_path / "renditions"
    folder.mkdir()
    killed = folder / "aaaa.jpg"
    (left,) = killed_mid_write(killed)
    write_atomic(folder / "bbbb.jpg", b"jpeg")  # another picture of the same folder
    assert not left.exists()
    write_atomic(folder / "cccc.jpg", b"jpeg")
    assert sorted(p.name for p in folder.iterdir()) == ["bbbb.jpg", "cccc.jpg"]
    assert (folder / "bbbb.jpg").read_bytes() == b"jpeg"


def test_the_previews_highlights_reuse_what_the_rules_found_in_the_same_build(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kalender.rules import content, screendecision

    def forget_last_texts() -> None:  # what the caches of the last texts hold
        content._forbidden_matches.cache_clear()
        screendecision._KEPT.clear()

    folder = repo / "calendar"
    (folder / "terlarang" / "uji.yml").write_text(LIST.format(phrase="burung hantu"),
                                                  encoding="utf-8")
    text = "Ada burung hantu di sini."
    searched: list[str] = []
    real = content.find_phrases

    def counted(*args: object, **kwargs: object) -> object:
        searched.append(str(args[0]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(content, "find_phrases", counted)
    forget_last_texts()
    alone = marked(text, folder)
    with one_build():
        forget_last_texts()
        rules = [m.text for m in content.forbidden_matches(text, content_lists(folder))]
        forget_last_texts()  # a thousand captions later
        assert marked(text, folder) == alone == rules == ["burung hantu"]
        assert searched == [text, text]  # once alone, once in the build
        forget_found()
        forget_last_texts()
        assert marked(text, folder) == ["burung hantu"]
        assert searched == [text, text, text]
