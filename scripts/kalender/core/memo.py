"""What ``kalender serve`` remembers between two builds of the site.

mkdocs keeps the plugin object alive from one rebuild to the next. The loader then hands
back the very same :class:`~kalender.core.model.Post` object for a post whose file, approval
records and media did not change (:class:`PostFiles`), and every value computed from that
object (its findings, approval view, previews) is kept with it (:class:`PerPost`). A rebuild
after one caption is edited reads one post and computes its views; the others are reused.

Everything is forgotten when the calendar data, the code or the day changes
(:meth:`Memory.renew`). A one-off ``kalender build`` starts with an empty memory.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from .model import Post
from .problems import Problem
from .stattable import StatTable, size_and_time

T = TypeVar("T")
Stamp = tuple[tuple[str, int, int], ...]


class _Token(weakref.ref[Post]):
    """Stands for one post object in every :class:`PerPost`: a weak reference to it,
    hashed and compared by its own identity (a post is not hashable)."""

    __slots__ = ("key",)
    __hash__ = object.__hash__

    def __init__(self, post: Post, gone: Callable[[_Token], None]) -> None:
        self.key = id(post)  # (weakref.ref.__new__ took both)

    def __eq__(self, other: object) -> bool:
        return self is other


class _Tokens:
    """One token per live post object, shared by every :class:`PerPost` of the process.

    Each memo held, per post, its own key (the post's ``id``, a new integer each time), a
    tuple and a weak reference: ten memos, 10,000 posts, some 9 MB of bookkeeping in a
    ``kalender serve`` at N = 10,000 (issue 23, branch ``memory11``). A memo now keys its
    value by the post's token, held once, here, while the post lives. A new post object
    (its id maybe a gone one's) gets a new token, so no memo hands it an old value."""

    def __init__(self) -> None:
        self._by_id: dict[int, _Token] = {}
        self._gone_once = self._gone  # one bound method for every token

    def of(self, post: Post) -> _Token:
        known = self._by_id.get(id(post))
        if known is not None and known() is post:
            return known
        token = self._by_id[id(post)] = _Token(post, self._gone_once)
        return token

    def _gone(self, token: _Token) -> None:
        """A post is gone: its entry too, unless a new post took its id since (any
        thread may let a post go: at worst a new token, a value made again)."""
        if self._by_id.get(token.key) is token:
            self._by_id.pop(token.key, None)


_TOKENS = _Tokens()


class PerPost(Generic[T]):
    """Values computed from one post object, remembered while that object lives."""

    def __init__(self) -> None:
        self._values: dict[_Token, T] = {}

    def get(self, post: Post, make: Callable[[], T]) -> T:
        """The value remembered for ``post``, else ``make()`` (then remembered)."""
        token = _TOKENS.of(post)
        known = self._values.get(token, _MISSING)
        if known is not _MISSING:
            return known  # type: ignore[return-value]
        value = self._values[token] = make()
        return value

    def put(self, post: Post, value: T) -> None:
        self._values[_TOKENS.of(post)] = value

    def clear(self) -> None:
        self._values.clear()


_MISSING = object()


def _stamp(paths: Sequence[str | Path], stats: StatTable | None = None,
           shared: dict[tuple[str, int, int], tuple[str, int, int]] | None = None) -> Stamp:
    """Size and modification time of each path ((-1, -1) for a missing one): from
    ``stats`` (this build's walk of ``posts/``) when it saw the path. ``shared``: the
    media's entries made before, an equal one used again (a picture many posts show: the
    bench's 10,000 posts share 20 photos; issue 23, branch ``memory11``)."""
    found = []
    for path in paths:
        name = os.fspath(path)
        entry = stats.stat(name) if stats is not None else size_and_time(name)
        made = (name, *entry) if entry is not None else (name, -1, -1)
        found.append(shared.setdefault(made, made) if shared is not None else made)
    return tuple(found)


def _unchanged(stamp: Stamp, stats: StatTable | None) -> bool:
    """Whether every path of ``stamp`` still has its size and time (as :func:`_stamp`
    would stamp it again, without making the new stamp: ten thousand posts per rebuild)."""
    for name, size, time in stamp:
        entry = stats.stat(name) if stats is not None else size_and_time(name)
        if (entry if entry is not None else (-1, -1)) != (size, time):
            return False
    return True


def post_inputs(path: Path, post: Post | None) -> list[Path]:
    """The files a loaded post was read from: the post, its approval records beside it,
    and its media (videos' covers included)."""
    paths = [path, path.with_name(f"{path.stem}.persetujuan.yml")]
    if post is not None:
        for media in post.media:
            paths.append(media.path)
            if media.cover is not None:
                paths.append(media.cover)
    return paths


@dataclass
class _Read:
    stamp: Stamp
    post: Post | None
    problems: list[Problem]


class PostFiles:
    """The posts read in an earlier build, by file: reused while their files are as they were."""

    def __init__(self) -> None:
        self._read: dict[Path, _Read] = {}
        self._entries: dict[tuple[str, int, int], tuple[str, int, int]] = {}  # see _stamp
        self.reused = 0
        self.stats: StatTable | None = None  # this build's walk of posts/ (set by the loader)

    def reuse(self, path: Path) -> tuple[Post | None, list[Problem]] | None:
        """The post read from ``path`` before (None inside: it did not load) and the
        problems reading it found; None when the file or its records or media changed."""
        known = self._read.get(path)
        if known is None or not _unchanged(known.stamp, self.stats):
            return None
        self.reused += 1
        return known.post, known.problems

    def keep(self, path: Path, post: Post | None, problems: list[Problem]) -> None:
        inputs = post_inputs(path, post)  # its file and records, then its media
        stamp = _stamp(inputs[:2], self.stats) + _stamp(inputs[2:], self.stats, self._entries)
        self._read[path] = _Read(stamp, post, problems)

    def __contains__(self, path: object) -> bool:
        return path in self._read

    def forget_others(self, paths: set[Path]) -> None:
        """Drop the posts whose files are gone."""
        for path in [p for p in self._read if p not in paths]:
            del self._read[path]

    def clear(self) -> None:
        self._read.clear()
        self._entries.clear()


@dataclass
class Memory:
    """Everything remembered between builds, valid for one ``generation`` (a digest of the
    calendar data, the code, the templates and the day)."""

    generation: str = ""
    files: PostFiles = field(default_factory=PostFiles)
    findings: PerPost[list[Problem]] = field(default_factory=PerPost)
    approval: PerPost[Any] = field(default_factory=PerPost)
    plans: PerPost[Any] = field(default_factory=PerPost)
    previews: PerPost[Any] = field(default_factory=PerPost)
    tiles: PerPost[Any] = field(default_factory=PerPost)
    moves: PerPost[Any] = field(default_factory=PerPost)  # who each post waits for
    views: PerPost[Any] = field(default_factory=PerPost)  # the calendar's views of a post
    digests: PerPost[Any] = field(default_factory=PerPost)  # a post's page-key digests
    keys: PerPost[str] = field(default_factory=PerPost)  # a post's inputs (postmemo.post_key)
    feed_rows: PerPost[str] = field(default_factory=PerPost)  # a post's part of the feed key
    thumbnails: dict[str, str] = field(default_factory=dict)  # site page -> cached picture
    feed: str = ""  # digest of what kalender.ics was last written from
    day: str = ""

    def renew(self, generation: str) -> None:
        """Forget everything when the generation changed (calendar data, code, templates)."""
        if generation != self.generation:
            self.generation = generation
            self.files.clear()
            self.thumbnails.clear()
            self.feed = self.day = ""
            for kept in self._derived():
                kept.clear()

    def new_day(self, day: str) -> None:
        """Forget what was computed for another day (states, waiting lists, labels)."""
        if day != self.day:
            self.day = day
            for kept in self._derived():
                kept.clear()

    def forget_posts(self) -> None:
        """Let go of every post and every value computed from one (a build that no other
        build follows in the same process: ``kalender build``); the feed's key stays."""
        self.files = PostFiles()  # and the cache of posts read behind it (postcache)
        self.thumbnails.clear()
        for kept in self._derived():
            kept.clear()

    def _derived(self) -> tuple[PerPost[Any], ...]:
        return (self.findings, self.approval, self.plans, self.previews,
                self.tiles, self.moves, self.views, self.digests, self.feed_rows)
