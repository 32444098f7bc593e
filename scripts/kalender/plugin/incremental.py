"""The incremental part of the mkdocs plugin: render only the pages that changed.

:mod:`kalender.site.incremental` says what changed; here it is applied to an mkdocs build.
``kalender build`` and ``kalender serve`` run mkdocs' "dirty" build, in which mkdocs renders
only the pages whose :meth:`File.is_modified` says so and copies only the files newer than
their copy; this module decides that answer for every generated page, removes what the last
build wrote and this one does not, empties the output folder when everything changed
(code, templates, calendar data, hand-written pages, the day), and keeps the search index
whole (mkdocs indexes only the pages it renders).

A plain ``mkdocs build`` (not dirty) renders every page, as always.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core.stattable import StatTable
from ..site.incremental import Manifest, input_stamp, manifest_path, page_key, stale_outputs
from ..site.incremental import digest as data_digest
from ..site.keptwalk import KeptWalk
from ..site.packedsearch import PageEntries, flattened, packed
from .keptpostpages import KeptPostPages
from .sitefolder import emptied, link_cached, prune_empty

log = get_plugin_logger(__name__)
DIRTY_WARNING = "A 'dirty' build is being performed"
EXTRA_OUTPUTS = ("kalender.ics",)  # written by the plugin itself, not through mkdocs' files
PACKAGE = Path(__file__).resolve().parents[1]  # the whole kalender package


class TemplateCache(FileSystemBytecodeCache):
    """Compiled Jinja templates kept between builds: in memory for the next build of
    ``kalender serve``, in ``<cache>/kalender/jinja`` for the next ``kalender build``
    (mkdocs makes a new template environment, so compiles Material's templates again, at
    every build). Jinja checks every entry against the template's source and version."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory))
        self.memory: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        known = self.memory.get(bucket.key)
        if known is not None:
            bucket.bytecode_from_string(known)
        if bucket.code is None:
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.memory[bucket.key] = bucket.bytecode_to_string()
        with contextlib.suppress(OSError):  # read-only cache: the memory serves kalender serve
            super().dump_bytecode(bucket)


class DirtyNotice(logging.Filter):
    """Drops mkdocs' warning that a dirty build may leave stale pages: the plugin decides
    which pages changed, so the warning would be wrong (and fail a strict build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def quiet_dirty_notice() -> None:
    """Install :class:`DirtyNotice` once on mkdocs' build logger."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, DirtyNotice) for f in logger.filters):
        logger.addFilter(DirtyNotice())


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _constant(value: bool) -> Callable[[], bool]:
    """A file's ``is_modified``: one function for all files with the same answer (ten
    thousand closures, one a page, were some 2 MB of a build after one caption edited)."""
    return _changed if value else _same


def _changed() -> bool:
    return True


def _same() -> bool:
    return False


class Incremental:
    """One build's view of the last one: reuse it whole, or compare page by page."""

    def __init__(self, root: Path, cache: Path, config: MkDocsConfig,
                 kept: dict[Path, Manifest] | None = None, walk: KeptWalk | None = None) -> None:
        self.root, self.config = root, config
        self.cache = Path(os.path.abspath(cache))
        self.emptied = False  # the output folder was emptied: its empty folders go at the end
        self.site_dir = Path(config.site_dir)
        self.path = manifest_path(cache, config.site_dir)
        # kalender serve keeps its manifest in memory (``kept``): its output folder is a
        # new temporary one at every start, so no later process reads the file
        self.kept = kept
        known = kept.get(self.path) if kept is not None else None
        self.before = known if known is not None else Manifest.load(self.path)
        self.shared_stamp = input_stamp(root, self._shared_inputs())
        self.stats = StatTable()  # what the walk of posts/ saw, for the loader
        self.posts_stamp = input_stamp(root, [root / "posts", root / "laporan",
                                              *(Path(m) for m in self.before.media)],
                                       self.stats, walk)  # walk: serve's (site.keptwalk)
        self.stamp = data_digest(self.shared_stamp, self.posts_stamp)
        self.rendered: set[str] = set()
        self.indexed_before: set[str] = set()  # rendered again, search entries as before
        self.reused = False
        self.keys: dict[str, str] = {}
        self.modified = 0  # generated pages to render in this build
        self.warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def _shared_inputs(self) -> list[Path]:
        theme_dir = self.config.theme.custom_dir
        paths = [self.root / "calendar", Path(self.config.docs_dir), PACKAGE]
        if theme_dir:
            paths.append(Path(theme_dir))
        if self.config.config_file_path:
            paths.append(Path(self.config.config_file_path))
        return paths

    def shared(self) -> str:
        """What every page shares: the stamp of code, templates, calendar data and
        hand-written pages, and the settings that change every URL. Not the day: a page
        that shows "today" has it in its own data (see the plugin's ``_page_data``), so
        the first build of a new day renders only those pages."""
        return data_digest(self.shared_stamp, self.config.site_url,
                           self.config.use_directory_urls, str(self.site_dir))

    # --- all as before ------------------------------------------------------------------

    def unchanged(self, today: dt.date) -> bool:
        """True when nothing the site is built from changed since the last good build, on
        the same day, and every file that build wrote is still there."""
        before = self.before
        if not (before.good and before.stamp == self.stamp and before.today == today.isoformat()
                and before.site_dir == str(self.site_dir)):
            return False
        if not all(os.path.isfile(path) for path in before.statics.values()):
            return False
        return all(os.path.isfile(self.site_dir / out) for out in before.outputs)

    def reuse(self, files: Files, config: MkDocsConfig) -> None:
        """Add the last build's generated pages and files, none of them to be rendered."""
        self.reused = True
        added: list[File] = []
        for page, source in self.before.sources.items():
            if files.get_file_from_path(page) is None:
                file = File.generated(config, page, content=source)
                file.is_modified = _constant(False)  # type: ignore[method-assign]
                added.append(file)
        for page, path in self.before.statics.items():
            if files.get_file_from_path(page) is None:
                added.append(File.generated(config, page, abs_src_path=path))
        for file in added:
            files.append(file)
        self.keys = dict(self.before.pages)

    # --- page by page -------------------------------------------------------------------

    def compare(self, files: Files, shared: str,
                data_of: Callable[[str], tuple[object, str]],
                post_digests: dict[str, dict[str, str]],
                key_of: Callable[[str, str, object, Mapping[str, str]], str] = page_key,
                kept: KeptPostPages | None = None) -> None:
        """Key every generated page (``key_of``: as :func:`page_key`; a post page's key the
        last build's when ``kept`` has it); mark it modified when its key changed or its
        output is gone. When what all pages share changed, the output folder is emptied
        first."""
        if self.before.shared != shared or self.before.site_dir != str(self.site_dir):
            emptied(self.site_dir)
            self.emptied = True
            self.before = Manifest()
        for file in files.documentation_pages():
            key = kept.key(file) if kept is not None else None
            if key is None:
                # hand-written pages too: the home page is one, and its template reads the views
                source = _source_of(file) or _text_on_disk(file)
                if source is None:
                    continue
                data, level = data_of(file.src_uri)
                key = key_of(shared, file.src_uri, (source, data), post_digests[level])
                if kept is not None:
                    kept.keyed(file, key)
            self.keys[file.src_uri] = key
            same = (self.before.pages.get(file.src_uri) == key
                    and os.path.isfile(_dest_path(file)))
            file.is_modified = _constant(not same)  # type: ignore[method-assign]
            self.modified += not same
            if not same and self.before.pages.get(file.src_uri) == key:
                self.indexed_before.add(file.src_uri)  # its output is gone (``--clean``)
            elif not same:
                log.debug("changed: %s", file.src_uri)
                self._forget_before(file.src_uri)
        if kept is not None:
            kept.end()
        _index_only_new(_search_plugin(self.config), self.indexed_before)
        for file in files:
            if file.generated_by and not file.is_documentation_page() and _backed_by_file(file):
                link_cached(file, self.cache)  # a hard link, not a copy (plugin.sitefolder)
                # a picture or PDF from the cache: copied again when it comes from another
                # cached file than last time (its time says nothing: an older folder may
                # be used again), as mkdocs does when the cached file is newer
                moved = self.before.statics.get(file.src_uri) != str(file.abs_src_path)
                if moved:
                    file.is_modified = _constant(True)  # type: ignore[method-assign]

    def _forget_before(self, page: str) -> None:
        """Let go of the last build's source and search entries of a page rendered again:
        only an unchanged page is taken from them (ten thousand of them weigh ~10 MB)."""
        self.before.sources.pop(page, None)
        self.before.search.pop(page, None)

    def page_rendered(self, page: Page) -> None:
        self.rendered.add(page.file.src_uri)

    # --- after the build ----------------------------------------------------------------

    def finish(self, files: Files, config: MkDocsConfig, today: dt.date, shared: str,
               timezone: str, media: Iterable[str]) -> None:
        """Complete the search index, remove stale outputs, keep the manifest."""
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        search = self._complete_search(files, config)
        outputs = [f.dest_uri for f in files if f.inclusion.is_included()]
        outputs += [name for name in EXTRA_OUTPUTS if (self.site_dir / name).is_file()]
        for stale in stale_outputs(self.before.outputs, outputs):
            _remove(self.site_dir, stale)
        if self.emptied:
            prune_empty(self.site_dir)
        good = self.warnings.count == 0
        after = Manifest(
            site_dir=str(self.site_dir), shared=shared, stamp=self.stamp,
            today=today.isoformat(), timezone=timezone, good=good,
            media=sorted(set(media)) if not self.reused else self.before.media,
            pages=self.keys if good else {},
            sources={f.src_uri: s for f in files.documentation_pages()
                     if f.generated_by and (s := _source_of(f)) is not None},
            statics={f.src_uri: str(f.abs_src_path) for f in files
                     if f.generated_by and not f.is_documentation_page()
                     and _backed_by_file(f)},
            # serve keeps it in memory: each page's entries packed (site.packedsearch)
            search=packed(search) if self.kept is not None else search,
            outputs=sorted(outputs),  # sorted: the same set, the same file
        )
        if self.kept is not None:
            self.kept.clear()
            self.kept[self.path] = after
        elif after != self.before:  # a build with nothing changed leaves the file alone
            after.save(self.path)

    def abandon(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def _complete_search(self, files: Files, config: MkDocsConfig) -> dict[str, PageEntries]:
        """The search entries of every page: the rendered pages' new ones, the others' (and
        those of :attr:`indexed_before`) from the last build, in the order of a full build."""
        plugin = _search_plugin(config)
        if plugin is None:
            return {}
        index = plugin.search_index
        by_url: dict[str, list[dict[str, Any]]] = {}
        for entry in index.entries:
            by_url.setdefault(str(entry["location"]).split("#", 1)[0], []).append(entry)
        kept: dict[str, PageEntries] = {}
        for file in files.documentation_pages():
            uri = file.src_uri
            entries: PageEntries
            if uri in self.rendered and uri not in self.indexed_before:
                entries = by_url.get(file.url, [])
            else:
                entries = self.before.search.get(uri, [])
            if entries:
                kept[uri] = entries
        index.entries = flattened(kept.values())  # a packed page: one item (plugin.searchwrite)
        plugin.search_index_prev = None  # the index is whole: no merging with an older one
        return kept


def _source_of(file: File) -> str | None:
    """The Markdown source of a page generated in memory (None for files on disk)."""
    if not file.generated_by or not file.is_documentation_page():
        return None
    content = file._content  # None: a generated file backed by a path on disk
    if content is None:
        return None
    return content.decode("utf-8") if isinstance(content, bytes) else content


def _text_on_disk(file: File) -> str | None:
    if file.generated_by or file.abs_src_path is None:
        return None
    try:
        return Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _dest_path(file: File) -> str:
    """``file.abs_dest_path`` without keeping it in the file (mkdocs' cached property): an
    unchanged page's is asked once, here, and a string a page held to the end of the build."""
    known = file.__dict__.get("abs_dest_path")
    return known if known is not None else os.path.normpath(
        os.path.join(file.dest_dir, file.dest_uri))


def _backed_by_file(file: File) -> bool:
    return file._content is None and file.abs_src_path is not None


def _search_plugin(config: MkDocsConfig) -> Any:
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index") and hasattr(plugin, "search_index_prev"):
            return plugin
    return None


def _index_only_new(search: Any, kept: set[str]) -> None:
    """Have the search plugin (or None) index no page of ``kept`` (source paths): a page
    rendered again with the key it had in the last build (its output gone: ``--clean``) has
    the same text, so the same entries, and :meth:`Incremental._complete_search` takes them
    from the manifest. Parsing every page's HTML again was some 0.26 s of a ``--clean``
    build at N = 1,000 (0.12 s of it the handbook's 16 pages; issue 23, branch clean10)."""
    index = getattr(search, "search_index", None)
    if index is None or not kept:
        return
    add = index.add_entry_from_context

    def add_new(page: Page) -> None:
        if page.file.src_uri not in kept:
            add(page)

    index.add_entry_from_context = add_new


def _remove(site_dir: Path, relative: str) -> None:
    path = site_dir / relative
    if path.is_file():
        path.unlink()
    parent = path.parent
    while parent != site_dir and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent

