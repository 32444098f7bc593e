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
KEPT_DIGEST = 32  # hex digits of each post digest kept in the manifest (128 bits)
MEMBER_FIELDS = tuple(f.name for f in fields(Entry)
                      if f.name not in ("thumbnail", "caption_start"))


@dataclass
class EditPath:
    """The one post edited since ``before`` (the last build's manifest)."""

    post: str
    before: Manifest
    check: bool = False
    member: str = ""  # the post's membership in this build (set by key_pages)
    keyed: set[str] = field(default_factory=set)  # the pages keyed again (after pages())

    def pages(self, digests: Mapping[str, Mapping[str, str]]) -> set[str] | None:
        """The pages to key again, given this build's post digests; None: the full path."""
        now = post_levels(digests)
        if now.keys() != self.before.posts.keys():
            return None
        changed = {pid for pid, levels in now.items()
                   if levels != self.before.posts[pid].get("levels")}
        if not changed <= {self.post} or self.member != self.before.posts[self.post].get("member"):
            return None
        was: list[str] = self.before.posts[self.post].get("levels", [])
        levels = {level for level, a, b in zip(LEVELS, now[self.post], was, strict=False)
                  if a != b}
        if len(was) != len(LEVELS):
            return None
        self.keyed = {page for page, (level, *shown) in _shown(self.before)
                      if level in levels and self.post in shown}
        return self.keyed


def _shown(before: Manifest) -> Iterable[tuple[str, list[str]]]:
    for page, shown in before.shown.items():
        if shown:
            yield page, shown


def candidate(incremental: Incremental, today: dt.date | None) -> EditPath | None:
    """The post whose files alone changed since the last build, if the skip path may be
    tried (see the module's text); None: the full path."""
    mode, before = os.environ.get(ENV, ""), incremental.before
    if mode == "0" or today is None:
        return None
    if not (before.good and before.posts and before.shared_stamp == incremental.shared_stamp
            and before.today == today.isoformat()
            and before.site_dir == str(incremental.site_dir)):
        return None
    changed = changed_inputs(before.inputs, incremental.stats)
    if not changed:
        return None
    owners = [pid for pid, record in before.posts.items()
              if changed <= set(record.get("files", ()))]
    if len(owners) != 1 or not incremental.outputs_present():
        return None
    return EditPath(owners[0], before, mode == "check")


def key_pages(edit: EditPath | None, incremental: Incremental, files: Files, shared: str,
              data_of: Callable[[str], tuple[object, str]],
              digests: dict[str, dict[str, str]], posts: Iterable[Post],
              views: Mapping[str, PostView]) -> None:
    """Key the site's pages (:meth:`Incremental.compare`): those ``edit`` names, else all."""
    incremental.posts = post_records(posts, digests, views, incremental.before.posts)
    if edit is not None:
        edit.member = incremental.posts.get(edit.post, {}).get("member", "")
    only = edit.pages(digests) if edit is not None else None
    incremental.checking = only is not None and edit is not None and edit.check
    stale = incremental.compare(files, shared, data_of, digests, only)
    if only is not None:
        log.info(t("site.log_editpath", pages=len(only)))
    for page in stale:
        log.warning(t("site.editpath_stale", page=page))


def changed_inputs(before: Mapping[str, list[int]], stats: StatTable) -> set[str] | None:
    """The files whose size or time changed; None when a file is new or gone."""
    now = stats.found
    if now.keys() != before.keys():
        return None
    return {path for path, entry in now.items() if list(entry) != before[path]}


def post_levels(digests: Mapping[str, Mapping[str, str]]) -> dict[str, list[str]]:
    """Each shown post's ``row``, ``card`` and ``page`` digests (shortened)."""
    return {pid: [digests[level].get(pid, "")[:KEPT_DIGEST] for level in LEVELS]
            for pid in digests["row"]}


def post_records(posts: Iterable[Post], digests: Mapping[str, Mapping[str, str]],
                 views: Mapping[str, PostView], before: Mapping[str, dict[str, Any]]
                 ) -> dict[str, dict[str, Any]]:
    """What the manifest keeps of each post shown: its files, its digests and its
    membership (the last build's when its row is the same: made for the others only)."""
    levels = post_levels(digests)
    records: dict[str, dict[str, Any]] = {}
    for post in posts:
        if post.id not in levels or post.id not in views:
            continue
        known = before.get(post.id, {})
        same = known.get("levels", [None])[0] == levels[post.id][0] and "member" in known
        records[post.id] = {"files": [os.fspath(p) for p in post_inputs(post.path, post)],
                            "levels": levels[post.id],
                            "member": known["member"] if same else membership(views[post.id])}
    return records


def membership(view: PostView) -> str:
    """The digest of a post's line on the calendar without its thumbnail (nor the start
    of its caption, which its row leaves out too)."""
    entry = view.entry
    return digest(*(getattr(entry, name) for name in MEMBER_FIELDS))[:KEPT_DIGEST]
