"""``kalender serve``: the site files of the calendar's post, week and month pages kept from
one rebuild to the next.

Every build adds a generated mkdocs ``File`` for each of those pages (about 1,070 at N =
1,000) and works out its destination, URL and output path again: about 20 ms of a caption
edit's rebuild, for files that come out the same. Here a page's file is the last build's
when its Markdown source and everything its paths are made of (output folder, directory
URLs, site URL, docs folder) are the same; its inclusion is worked out again (by mkdocs,
from ``mkdocs.yml``), and it gets a new page object, so nothing of the last render (its
HTML, title, anchors, links) is carried over. Whether the page is rendered again is still
decided by its key (:mod:`kalender.plugin.incremental`). ``kalender build`` makes every file
anew (:func:`kalender.plugin.pagework.generated_page`).

The same for the files of the cached pictures (previews, thumbnails: some 3,000 at N =
1,000, about 15 ms of a rebuild, issue 23, branch ``serve8``): kept while the cached file
and the paths are the same; what a build sets on such a file (whether it is copied again,
how: :mod:`kalender.plugin.incremental`) is set again by the next.

At N = 10,000 (branch ``serve10k``) two more things are kept: a page's Markdown source, by
the view object it was made from (a post's view is the same object while the post is:
:class:`kalender.core.memo.PerPost`), so the front matter is not written again for every
page; and the page object of a page no build has read (mkdocs reads a page's Markdown before it
renders it, and a dirty build only the pages marked modified): nothing is on it but what
it was made with, from the same paths, the same edit-URL settings and the same day. A page that
was rendered gets a new page object, as before, made at the end of the build that rendered it
(:meth:`KeptFiles.renew_rendered`), not in the next.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_build_date

from ..site.calendar_view import page_source
from ..site.views import View
from .pagework import OUTSIDE_NAV, OneParserPage, generated_page

MakeFile = Callable[[MkDocsConfig, str, View], File]
PictureFile = Callable[[MkDocsConfig, str, str], File]
Kept = dict[str, tuple[tuple[object, ...], File]]
BUILD_SET = ("is_modified", "copy_file")  # set on a picture's file by a build (incremental)


def picture_file(config: MkDocsConfig, page: str, source: str) -> File:
    """The site file ``page`` of the cached picture ``source``."""
    return File.generated(config, page, abs_src_path=source)


class KeptFiles:
    """The calendar pages' files of the last build, by page path (see the module's text)."""

    def __init__(self) -> None:
        self.known: Kept = {}
        self.now: Kept = {}
        self.reused = 0  # files of this build taken from the last (tests)
        self.serving = False
        self.pictures: Kept = {}
        self.pictures_now: Kept = {}
        self.sources: dict[str, tuple[View, str]] = {}  # page -> the view, its source
        self.sources_now: dict[str, tuple[View, str]] = {}
        self.day = ""  # the build's day, as mkdocs dates a page object
        self.pages_kept = 0  # page objects of this build taken from the last (tests)
        self.settings: tuple[MkDocsConfig | None, tuple[object, ...]] = (None, ())

    def start(self, serving: bool) -> MakeFile:
        """How this build makes a calendar page's file: kept under ``kalender serve``, made
        anew otherwise. The files of the last build not asked for again are let go."""
        if self.now:
            self.known, self.now = self.now, {}
        if self.pictures_now:
            self.pictures, self.pictures_now = self.pictures_now, {}
        if self.sources_now:
            self.sources, self.sources_now = self.sources_now, {}
        self.reused, self.pages_kept, self.serving = 0, 0, serving
        self.day = get_build_date() if serving else ""
        self.settings = (None, ())
        return self.file if serving else generated_page

    def picture_maker(self) -> PictureFile:
        """How this build makes a cached picture's file (after :meth:`start`)."""
        return self.picture if self.serving else picture_file

    def picture(self, config: MkDocsConfig, page: str, source: str) -> File:
        file = self._kept(self.pictures, self.pictures_now, config, page, source)
        if file is None:
            file = picture_file(config, page, source)
            self.pictures_now[page] = (self._made_of(config, source), file)
        else:
            for name in BUILD_SET:
                file.__dict__.pop(name, None)
        return file

    def file(self, config: MkDocsConfig, path: str, view: View) -> File:
        if view.kind not in OUTSIDE_NAV:  # a page of the nav: mkdocs makes its page object
            return generated_page(config, path, view)
        source = self._source(path, view)
        file = self._kept(self.known, self.now, config, path, source)
        if file is None:
            file = generated_page(config, path, view)
            self.now[path] = (self._made_of(config, source), file)
        elif self._unrendered(file):
            self.pages_kept += 1
        else:
            OneParserPage(None, file, config)  # a new page object, as generated_page gives
        return file

    def _source(self, path: str, view: View) -> str:
        """The Markdown source of ``view``'s page: the last build's when made from the
        same view object (:func:`page_source` reads nothing but the view)."""
        last = self.sources.pop(path, None)
        source = last[1] if last is not None and last[0] is view else page_source(view)
        self.sources_now[path] = (view, source)
        return source

    def renew_rendered(self, config: MkDocsConfig) -> int:
        """At the end of a ``kalender serve`` build: a new page object for each kept page
        file this build rendered (how many), made now instead of when the next build asks
        for the file. After the first build that is every page: some 50 ms of the first
        caption edit's rebuild at N = 10,000, paid while the edit waits (issue 23, branch
        ``serve12``). The next build keeps it as a page no build has read
        (:meth:`_unrendered`) when made of the same and on the same day, else makes another."""
        renewed, self.settings = 0, (None, ())  # the build's configuration let go
        for _, file in self.now.values():
            if not self._unrendered(file):
                OneParserPage(None, file, config)
                renewed += 1
        return renewed

    def _unrendered(self, file: File) -> bool:
        """Whether the page object of a kept ``file`` is as it was made: mkdocs never read
        its Markdown (so never rendered it: a dirty build reads only the pages marked
        modified), and it was made on this build's day (mkdocs dates a page object)."""
        page = file.page
        return (isinstance(page, OneParserPage) and page.markdown is None
                and page.update_date == self.day)

    def _kept(self, known: Kept, now: Kept, config: MkDocsConfig, path: str,
              source: str) -> File | None:
        """The last build's file of ``path`` when made of the same (moved to ``now``)."""
        made_of = self._made_of(config, source)
        last = known.pop(path, None)
        if last is None or last[0] != made_of:
            return None
        file = last[1]
        file.inclusion = InclusionLevel.UNDEFINED  # mkdocs works it out (set_exclusions)
        self.reused += 1
        now[path] = (made_of, file)
        return file


    def _made_of(self, config: MkDocsConfig, source: str) -> tuple[object, ...]:
        """What a kept file's paths are made of, with its source (text or cached file).
        The settings are read once per configuration (a build's): reading seven of them
        through mkdocs' config for each of 10,000 pages was some 3 % of a caption edit's
        rebuild at N = 10,000 (issue 23, branch ``serve13``)."""
        if self.settings[0] is not config:
            self.settings = (config, _settings(config))
        return (source, *self.settings[1])


def _settings(config: MkDocsConfig) -> tuple[object, ...]:
    """The settings a file's paths and page object are made from."""
    return (config.site_dir, config.use_directory_urls, config.site_url, config.docs_dir,
            config.repo_url, config.edit_uri, config.edit_uri_template)
