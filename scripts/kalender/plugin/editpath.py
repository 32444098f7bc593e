"""The edit skip path (issue 23): after one post's files were edited, key again only the
pages that show that post; every other page keeps the key the last build gave it.

Decided in two steps, each falling back to the full path (every page keyed, as before):

* **Before the posts are read** (:func:`candidate`): the last build was good, on the same day
  and into the same folder; what every page shares (the code, the templates, ``calendar/``,
  the hand-written pages, ``mkdocs.yml``) is unchanged; every output is there; and every file
  of ``posts/`` that changed is a file of one post the manifest knows (its ``.md``, its
  approval records, its media): no file new, gone or renamed, none shared with another post.
* **After the site's data is made** (:meth:`EditPath.pages`): no other post's digests changed
  (a rule finding that compares posts, for one), and the post's "membership" did not
  change: its line on the calendar without its thumbnail (:func:`membership`), which holds
  what moves a post to other pages or into other counts: its day (so its week and month),
  its title and time, its approval standing (an approved post whose caption changed is
  "changed", on Menunggu and in the reports), its category, type and platforms.

Then the pages keyed are those that show the post at a level (``row``, ``card``, ``page``)
whose digest changed: a caption, its own page, its week, the home page when it is this week
or the next; a new thumbnail, also its month, the list and the meetings of its week.
The manifest (:class:`~kalender.site.incremental.Manifest`) keeps what both steps read.
``KALENDER_EDITPATH=0`` turns the path off; ``check`` keys every page as well and warns
(failing ``--strict``) when a kept key differs from the key the full path makes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from ..core.i18n import t
from ..core.memo import post_inputs
from ..core.model import Post
from ..core.stattable import StatTable
from ..site.incremental import Manifest, digest
from ..site.views import Entry, PostView
from .incremental import Incremental

log = get_plugin_logger(__name__)

ENV = "KALENDER_EDITPATH"
LEVELS = ("row", "card", "page")
KEPT_DIGEST = 16  # hex digits of each post digest kept in the manifest (64 bits)
MEMBER_FIELDS = tuple(f.name for f in fields(Entry)
                      if f.name not in ("thumbnail", "caption_start"))


@dataclass
class EditPath:
    """The one post edited since ``before`` (the last build's manifest)."""

    post: str
    before: Manifest
    check: bool = False
    keyed: set[str] = field(default_factory=set)  # the pages keyed again (after pages())

    def pages(self, now: Mapping[str, list[Any]]) -> set[str] | None:
        """The pages to key again, given this build's post records (:func:`post_records`,
        in the same order as the manifest's); None: the full path."""
        before = self.before.posts
        if list(now) != list(before):
            return None
        changed = {pid for pid, record in now.items() if record[:4] != before[pid][:4]}
        if not changed <= {self.post} or now[self.post][3] != before[self.post][3]:
            return None
        levels = {level for level, a, b in zip(LEVELS, now[self.post], before[self.post],
                                               strict=False) if a != b}
        index = list(before).index(self.post)
        self.keyed = {page for page, (level, *shown) in self.before.shown.items()
                      if level in levels and index in shown}
        return self.keyed


def candidate(incremental: Incremental, today: dt.date | None) -> EditPath | None:
    """The post whose files alone changed since the last build, if the skip path may be
    tried (see the module's text); None: the full path."""
    mode, before = os.environ.get(ENV, ""), incremental.before
    if mode == "0" or today is None:
        return None
    if not (before.good and _well_formed(before)
            and before.shared_stamp == incremental.shared_stamp
            and before.today == today.isoformat()
            and before.site_dir == str(incremental.site_dir)):
        return None
    changed = changed_inputs(before.inputs, incremental.stats)
    if not changed:
        return None
    paths = list(before.inputs)
    owners = [pid for pid, record in before.posts.items()
              if changed <= {paths[i] for i in record[4:] if 0 <= i < len(paths)}]
    return EditPath(owners[0], before, mode == "check") if len(owners) == 1 else None


def key_pages(edit: EditPath | None, incremental: Incremental, files: Files, shared: str,
              data_of: Callable[[str], tuple[object, str]],
              digests: dict[str, dict[str, str]], posts: Iterable[Post],
              views: Mapping[str, PostView]) -> None:
    """Key the site's pages (:meth:`Incremental.compare`): those ``edit`` names, else all."""
    records = incremental.posts = post_records(posts, digests, views, incremental.before.posts,
                                               list(incremental.stats.found))
    incremental.post_index = {pid: index for index, pid in enumerate(records)}
    only = edit.pages(records) if edit is not None else None
    incremental.checking = only is not None and edit is not None and edit.check
    stale = incremental.compare(files, shared, data_of, digests, only)
    if only is not None:
        log.info(t("site.log_editpath", pages=len(only)))
    for page in stale:
        log.warning(t("site.editpath_stale", page=page))


def _well_formed(before: Manifest) -> bool:
    """The manifest's post records and pages are in this module's shape (an older one's
    are not: the full path)."""
    return bool(before.posts) and all(
        isinstance(r, list) and len(r) > len(LEVELS) for r in before.posts.values()) and all(
        isinstance(shown, list) and shown and shown[0] in LEVELS
        for shown in before.shown.values())


def changed_inputs(before: Mapping[str, list[int]], stats: StatTable) -> set[str] | None:
    """The files whose size or time changed; None when a file is new or gone."""
    now = stats.found
    if now.keys() != before.keys():
        return None
    return {path for path, entry in now.items() if list(entry) != before[path]}


def post_records(posts: Iterable[Post], digests: Mapping[str, Mapping[str, str]],
                 views: Mapping[str, PostView], before: Mapping[str, list[Any]],
                 inputs: list[str]) -> dict[str, list[Any]]:
    """What the manifest keeps of each post shown: its ``row``, ``card`` and ``page``
    digests (shortened), its membership (the last build's when its row is the same: made
    for the others only), then the places of its files among ``inputs`` (the walk of
    ``posts/``; a file not there, records not yet written, is left out)."""
    place = {path: index for index, path in enumerate(inputs)}
    records: dict[str, list[Any]] = {}
    for post in posts:
        if post.id not in digests["row"] or post.id not in views:
            continue
        levels = [digests[level].get(post.id, "")[:KEPT_DIGEST] for level in LEVELS]
        known = before.get(post.id)
        known = known if isinstance(known, list) else []
        member = known[3] if known[:1] == levels[:1] and len(known) > 3 else \
            membership(views[post.id])
        files = [place[name] for path in post_inputs(post.path, post)
                 if (name := os.fspath(path)) in place]
        records[post.id] = [*levels, member, *files]
    return records


def membership(view: PostView) -> str:
    """The digest of a post's line on the calendar without its thumbnail (nor the start
    of its caption, which its row leaves out too)."""
    entry = view.entry
    return digest(*(getattr(entry, name) for name in MEMBER_FIELDS))[:KEPT_DIGEST]
