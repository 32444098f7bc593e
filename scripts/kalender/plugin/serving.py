"""What ``kalender serve`` keeps from one rebuild to the next, besides the posts' memory.

mkdocs builds the whole site again after every saved file, with a new configuration and a
new template environment. Some of that work gives the same answer every time while the
server runs; the plugin keeps those answers here, each with what it depends on, so that a
caption edit costs the work of that post and not of the whole site (issue 23,
docs/performance.md). A build in a new process (``kalender build``) keeps none of this.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import os
import pickle
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from ..core.calendar_data import CalendarData, load_calendar
from ..core.i18n import language
from ..core.loader import CalendarLoader
from ..core.model import Post
from ..core.postmemo import DiskMemo
from ..core.problems import Problem, Report
from ..core.stattable import size_and_time
from ..report.build import PostRecords, ReportInput, SemesterReport
from ..report.inputs import end_of_day
from ..report.settled import BodyOf, PublicAt, settled_report
from ..site.incremental import SKIPPED_DIRS
from ..site.keptwalk import KeptWalk
from .keptchanges import KeptChangeDays
from .letgo import hand_back_freed
from .watching import FileEvents

Listing = Callable[..., list[str]]


class ThemeFiles:
    """The theme's static files (assets, icons) listed once, not at every rebuild.

    mkdocs lists every file of every theme folder at each build (some 14,500 for Material,
    most of them icons) and filters the names one by one. The folders of an installed
    theme do not change while the server runs; the custom folder (``overrides/``) may,
    so the list is kept per the names in the custom folder: adding or removing a file there
    lists everything again."""

    def __init__(self) -> None:
        self.known: dict[tuple[object, ...], list[str]] = {}
        self.listed = 0  # times the theme folders were walked (tests)

    def install(self, config: MkDocsConfig) -> None:
        """Have the environments of ``config``'s theme list their files through here."""
        theme = config.theme
        make_env: Callable[[], Environment] = theme.get_env

        def get_env() -> Environment:
            env = make_env()
            env.list_templates = self._listing(  # type: ignore[method-assign]
                env.list_templates, theme.dirs, theme.custom_dir,
                sorted(theme.static_templates))
            return env

        theme.get_env = get_env  # type: ignore[method-assign]
        keep_search_words(config)

    def _listing(self, original: Listing, dirs: Iterable[str], custom: str | None,
                 static: list[str]) -> Listing:
        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None:
                return original(extensions=extensions, filter_func=filter_func)
            key = (tuple(dirs), tuple(static), _names_under(custom))
            known = self.known.get(key)
            if known is None:
                self.listed += 1
                known = list(original(filter_func=filter_func))
                self.known = {key: known}  # the last listing only
            return list(known)

        return list_templates

    @staticmethod
    def keep_pages(config: MkDocsConfig, before: str, shared: str) -> None:
        """Leave the theme's static pages (``404.html``) as the last build wrote them when
        what every page shares is the same (``before`` and ``shared``: the last build's and
        this build's digest of the code, templates, ``mkdocs.yml``, ``calendar/``,
        hand-written pages and the list of every page; ``before`` is empty after a build
        made of other inputs). Such a page is drawn from the configuration, the nav and the
        theme alone, never from the calendar's data, so it would come out the same; mkdocs
        otherwise renders it at every rebuild (about 15 ms of a caption edit's)."""
        if not before or before != shared:
            return
        for name in sorted(config.theme.static_templates):
            if os.path.isfile(os.path.join(config.site_dir, name)):
                config.theme.static_templates.discard(name)


LANGUAGE_TEMPLATES = ("partials/language.html", "partials/languages/{language}.html",
                      "partials/languages/en.html")


def keep_search_words(config: MkDocsConfig) -> None:
    """Have the search plugin (kept by mkdocs from one build to the next) look its words
    (separator, pipeline) up once, not at every rebuild: each look-up makes a template
    environment and compiles Material's language templates (about 25 ms of a caption
    edit's rebuild at N = 1,000). Kept per word, theme language, theme folders and the
    size and time of the language templates there, so an edited template is read again."""
    search = next((plugin for plugin in config.plugins.values()
                   if callable(getattr(plugin, "_translate", None))
                   and hasattr(plugin, "search_index")), None)
    if search is None or getattr(search, "kalender_kept_words", None) is not None:
        return
    translate = search._translate  # noqa: SLF001  (Material's own look-up, wrapped)
    known: dict[tuple[object, ...], str] = {}

    def kept_translate(config: MkDocsConfig, value: str) -> str:
        language = str(config.theme["language"])
        templates = tuple(size_and_time(os.path.join(folder, name.format(language=language)))
                          for folder in config.theme.dirs for name in LANGUAGE_TEMPLATES)
        key = (value, language, tuple(config.theme.dirs), templates)
        if key not in known:
            known[key] = translate(config, value)
        return known[key]

    search._translate = kept_translate  # noqa: SLF001
    search.kalender_kept_words = known


def _names_under(folder: str | None) -> tuple[str, ...]:
    """Every file path under ``folder`` (its names, not their contents), sorted."""
    if not folder or not os.path.isdir(folder):
        return ()
    names: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in SKIPPED_DIRS]
        names.extend(os.path.join(dirpath, name) for name in filenames)
    return tuple(sorted(names))


class KeptReports:
    """Each half-year's report and page text, kept while what they are made of is the same.

    The report counts posts, records, deadlines, important days and the public's comments,
    not captions; building it (twice: as of the last change and as of the Sunday, see
    :mod:`kalender.report.settled`) and writing its page is then the same work after every
    caption edit. Its key is the pickle of what the report is made of (:func:`report_key`):
    equal pickles are equal data, so a kept report is the one a build from nothing makes."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, tuple[SemesterReport, str]]] = {}
        self.made = 0  # reports built (tests)
        self.items: dict[str, dict[int, tuple[PostRecords, str | None]]] = {}
        self.changes: dict[str, KeptChangeDays] = {}  # each post's last change day, kept

    def settled(self, slug: str, source: ReportInput, body_of: BodyOf,
                public_at: PublicAt) -> tuple[SemesterReport, str]:
        """:func:`settled_report`, or the one kept for the same ``source``."""
        day = self.changes.setdefault(slug, KeptChangeDays()).last_change(source)
        then = None
        if day < source.as_of.date():
            then = public_at(end_of_day(day, source.as_of.tzinfo or dt.UTC))
        key = report_key(source, then, self.items.setdefault(slug, {}))
        kept = self.known.get(slug)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        self.made += 1
        made = settled_report(source, body_of, lambda moment: then)
        if key is not None:
            self.known[slug] = (key, made)
        return made


OTHER_CONTENT = "\0other content than any record's"


def report_key(source: ReportInput, public_then: object,
               items: dict[int, tuple[PostRecords, str | None]] | None = None) -> str | None:
    """The digest of everything a report of ``source`` is made of: the whole input but for
    the posts' texts (:func:`without_texts`), and the post's content fingerprint only as far
    as the report compares it (equal to the fingerprint of which record: see
    ``kalender.report.build.voided``); the public input as of the day it may be shown as of;
    the language. None (not kept) when a post's state is not known (the report would read
    it from the post's content). ``items``: the digest of each post with its records, by
    object (the report's inputs keep one object per post object); refilled here."""
    known = dict(items) if items is not None else {}
    if items is not None:
        items.clear()
    posts = []
    for item in source.posts:
        kept = known.get(id(item))
        value = kept[1] if kept is not None and kept[0] is item else _item_key(item)
        if value is None:
            return None
        posts.append(value)
        if items is not None:
            items[id(item)] = (item, value)
    return _pickled(replace(source, posts=()), posts, public_then, language())


def _item_key(item: PostRecords) -> str | None:
    """The digest of one post with its records, as far as the report reads them."""
    if not item.state:
        return None
    recorded = {record.fingerprint for record in item.records}
    content = item.fingerprint if item.fingerprint in recorded else OTHER_CONTENT
    return _pickled(without_texts(item.post), item.records, content, item.state)


def without_texts(post: Post) -> Post:
    """``post`` without what the report never reads of it (``kalender.report``: build,
    wording, page, pdf): its texts as typed (the comment counters are in the public input)
    and where they are in the file. A report that starts to read one of them must keep it
    here."""
    return replace(post, caption="", captions={}, hashtags=(), mentions=(), body="",
                   body_line=1, lines={}, meta={})


def _pickled(*parts: object) -> str | None:
    """The SHA-256 of ``parts`` pickled without memo, so that the bytes follow the values,
    not which objects happen to be shared (posts from the loader's cache share parts of
    their paths); None when they cannot be pickled."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(parts)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(buffer.getvalue()).hexdigest()


class KeptCalendar:
    """The calendar data (``calendar/``), read again only when the files the whole site is
    built from changed (``stamp``: :attr:`kalender.plugin.incremental.Incremental.
    shared_stamp`, which covers ``calendar/`` and the code): parsing ``platforms.yml`` with
    every value's line is a good part of a caption edit's rebuild. The problems found
    reading it are told again at every build, as a new read would."""

    def __init__(self) -> None:
        self.stamp = ""
        self.kept: tuple[CalendarData | None, list[Problem]] | None = None
        self.read = 0  # times calendar/ was read (tests)

    def loader(self, stamp: str) -> CalendarLoader:
        """A ``calendar_of`` for :func:`kalender.core.loader.load_project`."""

        def calendar_of(root: Path, report: Report) -> CalendarData | None:
            if self.kept is None or self.stamp != stamp:
                self.read += 1
                found = Report()
                self.kept = (load_calendar(root, found), list(found))
                self.stamp = stamp
            report.extend(self.kept[1])
            return self.kept[0]

        return calendar_of


class NotKept(DiskMemo[Any]):
    """A :class:`DiskMemo` neither read nor written: under ``kalender serve`` after the
    first build, the rules' findings and the previews of every post are in the plugin's
    memory (per post object); the files keep what the first build wrote, for the next
    process. Reading them and writing the edited post's values (with an ``fsync`` each)
    was part of every rebuild; the values are made from the post's inputs alone, so
    making the edited post's again gives the same."""

    def _read(self) -> dict[str, Any]:
        return {}

    def save(self) -> None:
        return None


def store_kind(serving_again: bool) -> type[DiskMemo[Any]]:
    """:class:`NotKept` for a rebuild of ``kalender serve``, else :class:`DiskMemo`."""
    return NotKept if serving_again else DiskMemo


def settle_memory() -> None:
    """After the first build of ``kalender serve``: collect its garbage, then set every
    object still alive (the posts, their views and findings, kept for the next rebuilds)
    aside from the cycle collector (:func:`gc.freeze`). Python otherwise walks those
    million objects again in a full collection every other rebuild or so; objects freed
    later are still freed (by their reference count). Then the memory the C library holds
    free is handed back to the system (:func:`~kalender.plugin.letgo.hand_back_freed`):
    what the render of every page used and let go (pages' HTML, the search index) stays
    in the process otherwise, under the rebuilds that follow (issue 23, branch
    ``memory10``)."""
    gc.collect()
    gc.freeze()
    hand_back_freed()


class PostsWalk:
    """``kalender serve``: the files the watcher reported, and the last walk of ``posts/``
    (site.keptwalk), so that a rebuild lists and stats only the folders that changed."""

    def __init__(self) -> None:
        self.events = FileEvents()
        self.walk: KeptWalk | None = None

    def of(self, root: Path, command: str) -> KeptWalk | None:
        """The walk of ``root/posts`` for this build, told what changed since the last
        one (None for ``kalender build``: one walk per process)."""
        if command != "serve":
            return None
        folder = root / "posts"
        if self.walk is None or self.walk.top != os.fspath(folder):
            self.walk = KeptWalk(folder)
        self.walk.tell(self.events.take())
        return self.walk
