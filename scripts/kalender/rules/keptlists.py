"""The content lists compiled once and kept in the cache, for the next process.

Reading ``calendar/terlarang/*.yml``, the partisanship lists, the important days and the
lesson structure (YAML parsed, every phrase's pattern built) costs a new process more than
checking the one post that changed. :func:`remember_lists` puts the lists an earlier process
kept (in a :class:`~kalender.core.postmemo.DiskMemo` of the cache, whose generation is the
stamp of ``calendar/`` and the code, and the language) where
:func:`~kalender.rules.lists.content_lists` finds them; :func:`keep_lists` writes them there
after a build read them. The learned layer's model (``terlarang/dipelajari/bobot.json``, 770 KB
of JSON: about 0.01 s CPU to parse, three times what unpickling it costs) is kept in the same
store, under the key of its files (:func:`~kalender.rules.learned.model_key`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.postmemo import DiskMemo
from . import learned
from .lists import KEPT, ContentLists, content_lists, lists_key


def _name(folder: Path) -> str:
    """The key of the lists in the memo: their folder, files' times and sizes, language."""
    return repr(lists_key(folder))


def _model_name(key: learned.ModelKey) -> str:
    return "learned " + repr(key)


def remember_lists(store: DiskMemo[Any] | None, folder: Path) -> None:
    """Use the lists and the model of ``folder`` kept in ``store``, when they were kept for
    these files."""
    kept = store.values.get(_name(folder)) if store is not None else None
    if isinstance(kept, ContentLists):
        KEPT.clear()  # one set of lists at a time (``kalender serve`` after a list edit)
        KEPT[lists_key(folder)] = kept
    key = learned.model_key(folder)
    model = store.values.get(_model_name(key)) if store is not None and key else None
    if isinstance(model, learned.Model) and key is not None:
        learned.KEPT.clear()
        learned.KEPT[key] = model


def keep_lists(store: DiskMemo[Any] | None, folder: Path) -> None:
    """Keep the lists and the model of ``folder`` in ``store`` (read now when no post
    needed them)."""
    if store is None:
        return
    store.get(_name(folder), lambda: content_lists(folder))
    key = learned.model_key(folder)
    if key is not None:
        store.get(_model_name(key), lambda: learned.read_model(key))
    store.save()
