"""The learned layer's model parsed once and kept with the content lists (issue 23, branch
edit13): a new process that checks a post unpickles it from ``lists.pickle`` instead of
parsing ``terlarang/dipelajari/bobot.json`` (770 KB of JSON) again, and reads the file again
as soon as it or ``satker.yml`` changes."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kalender.core.postmemo import DiskMemo
from kalender.rules import learned
from kalender.rules.keptlists import keep_lists, remember_lists
from kalender.rules.learned import MODEL_FILE, load_model

CALENDAR = Path(__file__).resolve().parent.parent / "calendar"


@pytest.fixture()
def folder(tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "calendar"
    shutil.copytree(CALENDAR, copy)
    learned.KEPT.clear()
    learned._read.cache_clear()
    yield copy
    learned.KEPT.clear()
    learned._read.cache_clear()


def _new_process(store: Path) -> DiskMemo[Any]:
    """What a new process has: the store read from disk, nothing parsed yet."""
    learned.KEPT.clear()
    learned._read.cache_clear()
    return DiskMemo(store, "gen")


def _no_json(*args: object, **kwargs: object) -> object:
    raise AssertionError("the weights file was parsed again")


def test_a_new_process_uses_the_kept_model_without_parsing_the_weights(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = load_model(folder)
    assert parsed is not None and parsed.weights and parsed.office_tags
    store = tmp_path / "lists.pickle"
    keep_lists(DiskMemo(store, "gen"), folder)
    kept = _new_process(store)
    remember_lists(kept, folder)
    monkeypatch.setattr(learned.json, "loads", _no_json)
    model = load_model(folder)
    assert model == parsed
    assert model is not None and model.score(["w:pemilu"]) == parsed.score(["w:pemilu"])


def test_a_changed_weights_file_is_read_again(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "lists.pickle"
    keep_lists(DiskMemo(store, "gen"), folder)
    weights = folder / MODEL_FILE
    data = json.loads(weights.read_text(encoding="utf-8"))
    data["bias"] = 123.0
    weights.write_text(json.dumps(data), encoding="utf-8")
    remember_lists(_new_process(store), folder)
    model = load_model(folder)
    assert model is not None and model.bias == 123.0


def test_a_changed_office_hashtag_list_is_read_again(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "lists.pickle"
    keep_lists(DiskMemo(store, "gen"), folder)
    satker = folder / "satker.yml"
    satker.write_text(satker.read_text(encoding="utf-8").replace(
        "hashtags:", "hashtags: [\"#TagBaruKantor\"]\nold_hashtags:", 1), encoding="utf-8")
    stamp = satker.stat()
    os.utime(satker, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
    remember_lists(_new_process(store), folder)
    model = load_model(folder)
    assert model is not None and model.office_tags == frozenset({"tagbarukantor"})


def test_an_inactive_model_kept_stays_off(folder: Path, tmp_path: Path) -> None:
    weights = folder / MODEL_FILE
    data = json.loads(weights.read_text(encoding="utf-8"))
    weights.write_text(json.dumps({**data, "active": False}), encoding="utf-8")
    store = tmp_path / "lists.pickle"
    keep_lists(DiskMemo(store, "gen"), folder)
    remember_lists(_new_process(store), folder)
    assert load_model(folder) is None

