"""Importing comments: read the files, tie each comment to its uploaded post, store the new.

A comment belongs to the post whose recorded upload URL (the ``uploaded`` records of
``<post>.persetujuan.yml``) carries the platform id the file gives: the YouTube ``videoId``,
the X ``conversation_id``, the Graph post or media id (or permalink), the TikTok
``video_id``. A reply without one follows its parent. ``--post`` forces one post.

Idempotent: a comment already stored (same platform and id) is not added again. All or
nothing: when any file has a problem, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from ..approval.machine import Action
from ..approval.records import load_ledger, write_lock
from ..core.model import Post
from ..core.problems import Report
from .model import Comment, Incoming
from .parse import read_file
from .store import (
    Write,
    appended,
    comment_text,
    conversation_file,
    conversations_of,
    current,
    load_conversation,
    parse,
    write_all,
)


def link_ids(platform: str, link: str) -> set[str]:
    """The ids a post's URL (or a bare id) carries on ``platform``.

    ``https://www.youtube.com/watch?v=abc`` -> {abc}; ``x.com/u/status/18`` -> {18};
    ``facebook.com/Page/posts/6528`` -> {6528}; ``instagram.com/p/C64/`` -> {C64};
    ``tiktok.com/@u/video/74`` -> {74}. A Graph id ``PAGE_POST`` gives both parts too.
    """
    text = link.strip()
    if not text:
        return set()
    if "/" not in text:
        return {text, *text.split("_")[:2]} if platform == "facebook" else {text}
    parsed = urlparse(text if "://" in text else "https://" + text)
    parts = [p for p in parsed.path.split("/") if p]
    query = parse_qs(parsed.query)
    found: set[str] = set()
    for name in ("v", "story_fbid", "fbid", "id"):
        found.update(query.get(name, []))
    for marker in ("status", "video", "posts", "p", "reel", "tv", "shorts", "live", "videos",
                   "embed"):
        if marker in parts:
            index = parts.index(marker)
            if index + 1 < len(parts):
                found.add(parts[index + 1])
    if parsed.netloc.endswith("youtu.be") and parts:
        found.add(parts[0])
    if platform == "facebook" and parts and re.fullmatch(r"\d+", parts[-1]):
        found.add(parts[-1])
    return {f for f in found if f}


@dataclass(frozen=True)
class Upload:
    post: Post
    platform: str
    url: str


def uploads(posts: Iterable[Post], zone: dt.tzinfo | None = None) -> list[Upload]:
    """Every recorded upload URL of ``posts``."""
    found = []
    for post in posts:
        for record in load_ledger(post.path, zone).records:
            if record.action is Action.UPLOADED and record.platform and record.url:
                found.append(Upload(post, record.platform, record.url))
    return found


class PostIndex:
    """Which post a platform id belongs to, from the upload URLs."""

    def __init__(self, found: Sequence[Upload]) -> None:
        self.by_id: dict[tuple[str, str], Post] = {}
        for upload in found:
            for key in link_ids(upload.platform, upload.url):
                self.by_id.setdefault((upload.platform, key), upload.post)

    def find(self, platform: str, key: str) -> Post | None:
        for candidate in sorted(link_ids(platform, key), key=len, reverse=True):
            post = self.by_id.get((platform, candidate))
            if post is not None:
                return post
        return None


@dataclass
class Plan:
    """What an import would write: per post, the new comments; and what it skipped."""

    new: dict[str, list[Comment]] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    known: int = 0
    read: int = 0
    files: int = 0

    @property
    def added(self) -> int:
        return sum(len(v) for v in self.new.values())


def plan_import(paths: Sequence[Path], posts: Sequence[Post], report: Report,
                zone: dt.tzinfo, forced: Post | None = None) -> Plan:
    """Read every file and decide where each comment goes; every problem to ``report``."""
    plan = Plan()
    index = PostIndex(uploads(posts, zone))
    stored = {p.id: load_conversation(p.path, p.id, report, zone) for p in posts}
    owner: dict[str, str] = {c.key: pid for pid, conv in stored.items() for c in conv.comments}
    by_id = {p.id: p for p in posts}
    for path in paths:
        comments = read_file(path, report)
        if comments is None:
            continue
        plan.files += 1
        for incoming in comments:
            plan.read += 1
            if incoming.key in owner:
                plan.known += 1
                continue
            post = forced or _post_of(incoming, index, owner, by_id, report)
            if post is None:
                continue
            owner[incoming.key] = post.id
            plan.posts[post.id] = post
            plan.new.setdefault(post.id, []).append(_stored(incoming, post, zone))
    return plan


def _post_of(incoming: Incoming, index: PostIndex, owner: dict[str, str],
             by_id: dict[str, Post], report: Report) -> Post | None:
    if incoming.post_key:
        post = index.find(incoming.platform, incoming.post_key)
        if post is not None:
            return post
    if incoming.parent:
        parent_owner = owner.get(f"{incoming.platform}:{incoming.parent}")
        if parent_owner is not None:
            return by_id[parent_owner]
    report.error(incoming.source or Path("-"), None, "conversations.no_post",
                 where=incoming.where, platform=incoming.platform,
                 key=incoming.post_key or "-")
    return None


def _stored(incoming: Incoming, post: Post, zone: dt.tzinfo) -> Comment:
    at = (incoming.at or dt.datetime.now(dt.UTC)).astimezone(zone)
    return Comment(post.id, incoming.platform, incoming.id, incoming.text, incoming.author,
                   at, incoming.parent, incoming.author_id)


def writes_of(plan: Plan) -> list[Write]:
    """The new bytes of every conversation file the plan adds to."""
    writes = []
    for post_id, comments in plan.new.items():
        post = plan.posts[post_id]
        path = conversation_file(post.path)
        old = current(path)
        writes.append(Write(path, old, appended(path, post_id, old,
                                                (comment_text(c) for c in comments))))
    return writes


def run_import(root: Path, paths: Sequence[Path], posts: Sequence[Post], report: Report,
               zone: dt.tzinfo, forced: Post | None = None) -> Plan:
    """Plan and, when no problem was found, write the import (under the repository lock)."""
    with write_lock(root):
        plan = plan_import(paths, posts, report, zone, forced)
        if report.errors:
            plan.new.clear()
            return plan
        write_all(writes_of(plan))
    return plan


__all__ = ["parse", "plan_import", "run_import", "link_ids", "conversations_of"]
