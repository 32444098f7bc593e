"""Incremental site builds: which pages changed since the last good build.

Pure data, no mkdocs (the plugin wires it in). Two questions are answered here:

* **Did any input change at all?** :func:`input_stamp` digests the size and modification
  time of every file the site is built from (posts and their media, the calendar data, the
  hand-written pages, the templates, ``mkdocs.yml``, the code). When the stamp, the day and
  the output folder are those of the last good build, every page is as it was.
* **Which pages changed?** A page's key (:func:`page_key`) digests everything its template
  reads: its view, the data of every post it shows (found by :func:`posts_in`), and what all
  pages share. A page is rendered again only when its key changed or its output is gone.

The keys, page sources, search entries and outputs of the last good build are kept in a
:class:`Manifest` in the cache folder. A build that logged a warning is not "good": its
manifest keeps no keys, so the next build renders (and warns) again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path, PosixPath, PurePosixPath
from typing import TYPE_CHECKING

from ..core.atomic import replacing
from ..core.model import Post
from ..core.stattable import StatTable
from .manifestfile import read_manifest, write_manifest
from .packedsearch import PageEntries
from .views import Day, Entry

if TYPE_CHECKING:
    from .keptwalk import KeptWalk

MANIFEST_VERSION = 2  # 2: pickled (site.manifestfile), no longer JSON
MANIFESTS_KEPT = 8
PACKAGES = ("mkdocs", "mkdocs-material", "jinja2", "markdown", "pymdown-extensions")
SKIPPED_DIRS = {".git", ".cache", "__pycache__", ".mypy_cache", ".pytest_cache",
                ".ruff_cache", ".hypothesis"}


def _post_reference(post_id: str) -> str:
    return post_id


def _as_reference(post: Post) -> tuple[object, tuple[str]]:
    """Pickle a :class:`Post` as its id: a view that holds posts (the meeting's lists)
    depends on them through the digests of the posts it shows (:func:`page_key`), which hold
    what the pages show of a post, not every byte of it."""
    return _post_reference, (post.id,)


def _entry_row(*values: object) -> tuple[object, ...]:
    return values


_ROW_FIELDS = tuple(f.name for f in fields(Entry) if f.name != "caption_start")


def _as_row(entry: Entry) -> tuple[object, tuple[object, ...]]:
    """Pickle an :class:`Entry` as a line or a chip shows it: without the start of its
    caption, which only the week's cards show (those depend on it through the posts'
    ``card`` digests, see the plugin). A caption edit then leaves the month, the list and
    the meeting pages as they were."""
    return _entry_row, tuple(getattr(entry, name) for name in _ROW_FIELDS)


@lru_cache(maxsize=1 << 16)
def _row_digest(entry: Entry) -> str:
    """The digest of ``entry`` as a line or a chip shows it, once per value: an entry is
    on its month, week, list and meeting pages, and so digested many times per build."""
    return digest(*(getattr(entry, name) for name in _ROW_FIELDS))


@lru_cache(maxsize=1 << 16)
def _same_row_digest(same: _Same) -> str:
    return _row_digest(same.value)


def _as_row_digest(entry: Entry) -> tuple[object, tuple[object, ...]]:
    try:
        return _entry_row, (_same_row_digest(_Same(entry)),)
    except TypeError:  # a field that cannot be hashed: pickled as it is
        return _as_row(entry)


def _day_row(*values: object) -> tuple[object, ...]:
    return values


class _Same:
    """A frozen view compared by identity: the same object has the same value. Hashing a
    day by value hashes every field of each of its entries, at each of the thousands of
    times a build looks a day up; its entries are the same objects on the month, the week
    and the meetings, and, under ``kalender serve``, from one rebuild to the next."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


_DAY_FIELDS = ("date", "label", "weekday", "in_period", "is_today", "entries", "marks")
if tuple(f.name for f in fields(Day)) != _DAY_FIELDS:  # a new field must be in the keys
    raise RuntimeError("kalender.site.views.Day changed: update _day_key and _day_values")


def _day_key(day: Day) -> tuple[object, ...]:
    """``day``'s fields in order, its entries by identity (kept alive by the key)."""
    return (day.date, day.label, day.weekday, day.in_period, day.is_today,
            tuple(map(_Same, day.entries)), day.marks)


def _day_values(key: tuple[object, ...]) -> list[object]:
    """The fields of the day of ``key``, as :func:`_day_key` found them."""
    entries = tuple(same.value for same in key[5])  # type: ignore[attr-defined]
    return [*key[:5], entries, *key[6:]]


@lru_cache(maxsize=1 << 15)
def _key_digest(key: tuple[object, ...]) -> str:
    return digest(*_day_values(key))


def _day_digest(day: Day) -> str:
    """The digest of a day of a month or week (its entries as rows), once per value."""
    return _key_digest(_day_key(day))


def _as_day(day: Day) -> tuple[object, tuple[object, ...]]:
    try:
        return _day_row, (_day_digest(day),)
    except TypeError:
        return _day_row, tuple(getattr(day, f.name) for f in fields(Day))


_REDUCERS = {Post: _as_reference, Entry: _as_row_digest, Day: _as_day}


def digest(*parts: object) -> str:
    """A SHA-256 of ``parts`` (views, tuples of strings, ...), the same for equal data.

    Pickled without memo: the views are frozen dataclasses of strings, numbers, dates and
    tuples (no cycles), whose pickles are then equal exactly when their data are. Data
    that cannot be pickled gets a digest of its ``repr``, which at worst renders a page
    that did not change.
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = _REDUCERS  # type: ignore[assignment]
    # No memo: the bytes then depend on the values only, not on which objects happen to
    # be shared (a post reused by kalender serve shares its strings with its new views).
    pickler.fast = True
    try:
        pickler.dump(parts)
        data = buffer.getvalue()
    except (pickle.PicklingError, TypeError, AttributeError):
        data = repr(parts).encode("utf-8", "replace")
    return hashlib.sha256(data).hexdigest()


def posts_in(data: object, post_ids: Mapping[str, object]) -> list[str]:
    """Every post id that appears as a string anywhere in ``data``, in order of first
    appearance: the posts a page shows, whose other data its template may read."""
    found: dict[str, None] = {}
    seen: set[int] = set()
    stack: list[object] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item in post_ids:
                found[item] = None
            continue
        if type(item) in _LEAVES:  # most of what is walked: nothing inside to look at
            continue
        if isinstance(item, (Post, Entry)):  # a post, or a post as a line, chip or card
            if item.id in post_ids:
                found[item.id] = None
            continue
        if isinstance(item, Day):  # on a month, a week and two meetings: walked once
            for text in _day_strings(item):
                if text in post_ids:
                    found[text] = None
            continue
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, (tuple, list)):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif hasattr(item, "__dict__") and not isinstance(item, type):
            stack.extend(reversed(list(vars(item).values())))
        elif is_dataclass(item) and not isinstance(item, type):  # slots: no __dict__
            stack.extend(reversed([getattr(item, f.name) for f in fields(item)]))
    return list(found)


# What posts_in never looks into (no __dict__, not a dataclass, not a container): said at
# once instead of after every other test. Exact types: a subclass is walked as before.
_LEAVES = frozenset({int, float, bool, type(None), bytes, dt.date, dt.datetime, dt.time,
                     dt.timedelta, PosixPath, PurePosixPath})


def _day_strings(day: Day) -> tuple[str, ...]:
    """What :func:`posts_in` finds in ``day``, in its order: its strings and its entries'
    ids (once per value of the day)."""
    try:
        return _strings_of_key(_day_key(day))
    except TypeError:  # a field that cannot be hashed
        return _strings_of_day(_day_values(_day_key(day)))


@lru_cache(maxsize=1 << 15)
def _strings_of_key(key: tuple[object, ...]) -> tuple[str, ...]:
    return _strings_of_day(_day_values(key))


def _strings_of_day(values: list[object]) -> tuple[str, ...]:
    texts: list[str] = []
    for value in values:  # the day's fields in order, as posts_in walks
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple):
            texts += [entry.id for entry in value if isinstance(entry, Entry)]
            texts += posts_in([v for v in value if not isinstance(v, Entry)], _ANY)
    return tuple(texts)


class _Everything(dict[str, object]):
    """Every string is a post id (what :func:`posts_in` would look at)."""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str)


_ANY = _Everything()


def page_key(shared: str, page: str, data: object, post_digests: Mapping[str, str]) -> str:
    """The key of one page: what all pages share, the page's own data and the digests of
    the posts it shows."""
    shown = posts_in(data, post_digests)
    return digest(shared, page, data, [post_digests[i] for i in shown])


def _stat_lines(folder: Path, root: Path, table: StatTable | None = None) -> Iterator[str]:
    whole = True  # no folder left out: the *.md entries seen are all of rglob's
    markdown: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        kept = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        if table is not None:
            table.walked.add(dirpath)
            whole = whole and len(kept) == len(dirnames)
            markdown.extend(os.path.join(dirpath, name)
                            for name in (*dirnames, *filenames) if name.endswith(".md"))
        dirnames[:] = kept
        for path, stat, line in folder_files(dirpath, filenames, root):
            if table is not None:
                table.add(path, stat)
            yield line
    if table is not None and whole:
        table.listed(os.fspath(folder), markdown)


def folder_files(dirpath: str, filenames: list[str], root: Path | str
                 ) -> Iterator[tuple[str, os.stat_result, str]]:
    """Each file of one folder, by name, that can be stat-ed: its path, its size and time,
    and its line of the stamp (the path relative to ``root``, size, time)."""
    within = os.path.relpath(dirpath, root)  # once per folder, not per file
    prefix = "" if within == os.curdir else within + os.sep
    for name in sorted(filenames):
        path = os.path.join(dirpath, name)
        try:
            stat = os.stat(path)
        except OSError:
            continue
        yield path, stat, f"{prefix}{name}|{stat.st_size}|{stat.st_mtime_ns}"


def input_stamp(root: Path, paths: Iterable[Path], table: StatTable | None = None,
                kept: KeptWalk | None = None) -> str:
    """A digest of the size and modification time of every file under ``paths`` (folders
    walked, missing ones skipped), with the versions of the packages the site is built by.
    ``table``: filled with what the walk saw, for the loader (each file stat-ed once).
    ``kept``: ``kalender serve``'s last walk of one of the folders (site.keptwalk)."""
    lines: list[str] = [f"{name}={package_version(name)}" for name in PACKAGES]
    for path in paths:
        if kept is not None and os.fspath(path) == kept.top and path.is_dir():
            lines.extend(kept.lines(root, table))
        elif path.is_dir():
            lines.extend(_stat_lines(path, root, table))
        elif path.is_file():
            stat = path.stat()
            if table is not None:
                table.add(os.fspath(path), stat)
            lines.append(f"{path}|{stat.st_size}|{stat.st_mtime_ns}")
        else:
            lines.append(f"{path}|-")
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


@cache
def package_version(name: str) -> str:
    """The installed version of ``name`` ("-" when not installed), read once per process:
    the code a process runs is the code it imported, whatever is installed since (and the
    look-up costs up to 3 ms, several times per build of ``kalender serve``)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@dataclass
class Manifest:
    """What the last build wrote, for the next one to compare against.

    ``pages``: page path -> key; ``sources``: page path -> the Markdown source mkdocs read
    (generated pages only); ``statics``: page path -> the cached file copied there;
    ``search``: page path -> its search-index entries; ``outputs``: every file written
    (relative to the site folder). ``good``: the build logged no warning.
    """

    site_dir: str = ""
    shared: str = ""  # digest of what every page shares (code, templates, config, today)
    stamp: str = ""  # input_stamp of everything, posts included
    today: str = ""
    timezone: str = ""
    good: bool = False
    media: list[str] = field(default_factory=list)  # media files outside the stamped folders
    pages: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    statics: dict[str, str] = field(default_factory=dict)
    search: dict[str, PageEntries] = field(default_factory=dict)  # serve: packed
    outputs: list[str] = field(default_factory=list)
    version: int = MANIFEST_VERSION

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """The manifest at ``path``; an empty one when missing, unreadable or old."""
        try:
            with path.open("rb") as handle:
                data = read_manifest(handle)
        except OSError:
            return cls()
        if data is None or data.get("version") != MANIFEST_VERSION:
            return cls()
        try:
            return cls(**data)
        except TypeError:
            return cls()

    def save(self, path: Path) -> None:
        """Write the manifest atomically, and forget the oldest ones beyond
        :data:`MANIFESTS_KEPT` (every ``kalender serve`` builds into a new folder; the
        JSON ones of older code go the same way)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as out:
            # its fields as they are (plain data): asdict would copy them all first
            write_manifest(out, {f.name: getattr(self, f.name) for f in fields(self)})
        others = sorted(path.parent.glob("site-*"), key=_age)
        for old in others[:-MANIFESTS_KEPT]:
            if old != path:
                old.unlink(missing_ok=True)


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def manifest_path(cache: Path, site_dir: str) -> Path:
    """``<cache>/kalender/site-<digest of the output folder>.pickle``: one manifest per
    output folder (``kalender build`` and ``kalender serve`` write to different ones)."""
    name = hashlib.sha256(os.path.realpath(site_dir).encode()).hexdigest()[:16]
    return cache / "kalender" / f"site-{name}.pickle"


def stale_outputs(before: Iterable[str], now: Iterable[str]) -> list[str]:
    """The outputs of the last build that this build does not write (deleted posts)."""
    kept = set(now)
    return sorted(path for path in before if path not in kept)
