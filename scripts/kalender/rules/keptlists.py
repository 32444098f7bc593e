"""The content lists compiled once and kept in the cache, for the next process.

Reading ``calendar/terlarang/*.yml``, the partisanship lists, the important days and the
lesson structure (YAML parsed, every phrase's pattern built) costs a new process more than
checking the one post that changed. :func:`remember_lists` puts the lists an earlier process
kept (in a :class:`~kalender.core.postmemo.DiskMemo` of the cache, whose generation is the
stamp of ``calendar/`` and the code, and the language) where
:func:`~kalender.rules.lists.content_lists` finds them; :func:`keep_lists` writes them there
after a build read them.
"""

from __future__ import annotations

from pathlib import Path

from ..core.postmemo import DiskMemo
from .lists import KEPT, ContentLists, content_lists, lists_key


def _name(folder: Path) -> str:
    """The key of the lists in the memo: their folder, files' times and sizes, language."""
    return repr(lists_key(folder))


def remember_lists(store: DiskMemo[ContentLists] | None, folder: Path) -> None:
    """Use the lists of ``folder`` kept in ``store``, when they were kept for these files."""
    kept = store.values.get(_name(folder)) if store is not None else None
    if isinstance(kept, ContentLists):
        KEPT.clear()  # one set of lists at a time (``kalender serve`` after a list edit)
        KEPT[lists_key(folder)] = kept


def keep_lists(store: DiskMemo[ContentLists] | None, folder: Path) -> None:
    """Keep the lists of ``folder`` in ``store`` (read now when no post needed them)."""
    if store is None:
        return
    store.get(_name(folder), lambda: content_lists(folder))
    store.save()
