"""The mkdocs plugin: wires the calendar (load -> rules -> view) into an mkdocs build.

Thin on purpose: the views come from :mod:`kalender.site.calendar_view`, the pages are rendered
by the templates in ``overrides/kalender/``. Pages are generated in memory
(``File.generated``); a hand-written page at the same path in ``docs/`` wins.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from ..approval.standing import Standings
from ..conversations.views import ConversationViews
from ..core.dates import parse_day, today_in
from ..core.digests import DigestStore
from ..core.i18n import DEFAULT_LANGUAGE, language, page_words, t
from ..core.loader import Project, load_project
from ..core.memo import Memory
from ..core.postcache import KeptPosts
from ..core.postmemo import DiskMemo
from ..core.problems import report_blocks
from ..media.mediacache import thumbnail
from ..site.calendar_view import ROWS_SHOWN, build_site, week_page
from ..site.icons import IconSprite
from ..site.incremental import Manifest, digest, package_version
from ..site.preview_html import PreviewFigures
from ..site.previews import KeptPreviews, Previews
from ..site.threads import KeptThreads
from ..site.viewdigests import ViewDigests
from ..site.views import PostView, SiteInput, SiteView, View, WeekView
from .approval import WAITING_PAGE, ApprovalSite, add_approval, waiting_key
from .buildgc import collector_paused
from .buildonce import once_per_build
from .conversations import add_conversations, page_data
from .filelookup import quick_lookups
from .frames import install_frames
from .idlegc import IdleCollector
from .incremental import Incremental, TemplateCache
from .keptdigests import kept_digests
from .keptfiles import KeptFiles, PictureFile, picture_file
from .keptkeys import KeptPageKeys
from .keptstores import NewProcessStores
from .letgo import collect_freed, hand_back_freed, let_go_before_render, settle_front_matter
from .meeting import MeetingSite, add_meetings, overlay_for, write_feed
from .nav_words import said_nav, said_palette
from .pagework import PageWords
from .pictures import BuildWorkers
from .postchecks import findings_of, warm_rules
from .postkeys import post_keys
from .previews import GRID_PAGE, MEASURES_STORE, PREVIEWS_STORE, add_previews
from .searchwrite import write_search_index
from .serving import KeptCalendar, KeptReports, PostsWalk, ThemeFiles, store_kind
from .shared_parts import SharedParts
from .streaming import StreamedPages
from .themelist import keep_theme_list
from .watching import watch_with_events
from .written import WrittenPages

if TYPE_CHECKING:  # the live-reload server (and watchdog) are for kalender serve only
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)
TODAY_ENV = "KALENDER_TODAY"
THUMBNAIL_FOLDER = "kalender/gambar"
DIGEST_STORE = Path("kalender") / "digests.json"  # media digests kept across builds
FINDINGS_STORE = Path("kalender") / "findings.pickle"  # rule findings per post's inputs
FEED_KEY = Path("kalender") / "feed.key"  # what kalender.ics was last written from
POSTS_STORE = Path("kalender") / "posts.pickle"  # the posts as read, by their files' bytes
HOLIDAYS_STORE = Path("kalender") / "holidays.pickle"  # national days, by years
COLLECT_PAGES = 200  # a full garbage collection before rendering at least this many pages
SETTLE_SECONDS = 0.03  # kalender serve: quiet after a file event before the rebuild starts


class KalenderConfig(base.Config):
    """``plugins: - kalender: {root: ., today: 2026-12-02, cache_dir: .cache}``."""

    root = c.Optional(c.Dir(exists=True))  # the repository; default: mkdocs.yml's folder
    today = c.Optional(c.Type(str))  # YYYY-MM-DD; default: $KALENDER_TODAY, else today
    cache_dir = c.Type(str, default=".cache")  # relative to root


class KalenderPlugin(BasePlugin[KalenderConfig]):
    """Generates the calendar's month, week, list, post and home pages."""

    def __init__(self) -> None:
        self.site: SiteView | None = None
        self.views: dict[str, View] = {}
        self.files: Files | None = None
        self.targets: tuple[Files | None, dict[str, str]] = (None, {})  # see _targets
        self.approval: ApprovalSite | None = None
        self.previews: Previews | None = None
        self.meetings: MeetingSite | None = None
        self.conversations: ConversationViews | None = None
        self.project: Project | None = None
        self.incremental: Incremental | None = None
        self.memory = Memory()  # kept between the builds of kalender serve
        self.standings = Standings()  # so are the posts' approval standing, media digests
        self.command = "build"
        self.templates: TemplateCache | None = None
        self.env: Environment | None = None
        self.icons: dict[str, str] = {}  # icon name -> SVG text
        self.shared = ""
        self.built_today: dt.date | None = None
        self.root = Path.cwd()
        self.words: AbstractContextManager[None] | None = None
        self.theme_files = ThemeFiles()  # kalender serve: listed once (plugin.serving)
        self.reports = KeptReports()  # kalender serve: the reports, while their data hold
        self.manifests: dict[Path, Manifest] = {}  # kalender serve: the last build's, in memory
        self.calendar = KeptCalendar()  # calendar/, while the site's shared inputs hold
        self.posts_walk = PostsWalk()  # kalender serve: the watcher's paths, posts/ walked
        self.frozen = False  # kalender serve: the first build's objects set aside (serving)
        self.collector = IdleCollector()  # kalender serve: no cycle collection in a rebuild
        self.page_files = KeptFiles()  # kalender serve: the calendar pages' files
        self.page_keys = KeptPageKeys()  # kalender serve: what the pages' keys were made of
        self.saved_posts: KeptPosts | None = None  # kalender serve: the posts saved at start
        self.workers = BuildWorkers()  # the pictures' and report charts' processes
        self.streamed = StreamedPages()  # the largest pages, written as rendered
        self.written = WrittenPages()  # what mkdocs keeps of a written page, let go
        self.view_digests: ViewDigests | None = None  # while the pages are keyed

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Declared so that mkdocs keeps this plugin object from one build of ``kalender
        serve`` to the next (mkdocs keeps only plugins with ``on_startup``): its
        :attr:`memory` then spares the rebuild every post that did not change."""
        self.command = command

    def on_shutdown(self) -> None:
        """``kalender serve`` stops: its posts kept for the next process, its watcher gone."""
        self.collector.stop()
        self.posts_walk = PostsWalk()  # a next session's builds walk until its watcher runs
        if isinstance(self.memory.files, KeptPosts):
            self.memory.files.save()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.command == "serve":
            # Nobody crawls the preview server: no sitemap of every page at every rebuild.
            config.theme.static_templates.discard("sitemap.xml")
            self.theme_files.install(config)
            self.collector.build_starts()
        folder = Path(config.config_file_path or ".").resolve().parent
        self.root = Path(self.config.root).resolve() if self.config.root else folder
        self.written.start(config)  # calendar pages converted as rendered (laterpages)
        if self.command != "serve":  # listed from the cache (serve: in memory, above)
            keep_theme_list(config, self.root / self.config.cache_dir)
        store = self.root / self.config.cache_dir / DIGEST_STORE
        if self.standings.digests.path != store:
            self.standings = Standings(DigestStore(store))
        config.theme["language"] = language()  # <html lang>, Material's own words
        if language() != DEFAULT_LANGUAGE:
            config.nav = said_nav(config.nav)
            config.theme["palette"] = said_palette(config.theme.get("palette"))
        self._page_words()
        return config

    def _page_words(self) -> None:
        """Every word of this build in the page wording (no commands): until post_build."""
        self._plain_words()
        self.words = page_words()
        self.words.__enter__()

    def _plain_words(self) -> None:
        if self.words is not None:
            self.words.__exit__(None, None, None)
            self.words = None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        with collector_paused(self.command != "serve"), once_per_build():
            return self._site_files(files, config)

    def _site_files(self, files: Files, config: MkDocsConfig) -> Files:
        template = quick_lookups(files).get_file_from_path("sitemap.xml")
        if self.command == "serve" and template is not None:
            files.remove(template)  # not rendered (on_config), so not copied as it is either
        self._forget()
        incremental = self.incremental = Incremental(
            self.root, self.root / self.config.cache_dir, config,
            self.manifests if self.command == "serve" else None,
            self.posts_walk.of(self.root, self.command))
        hint = self.today_hint(incremental.before.timezone)
        if hint is not None and incremental.unchanged(hint):
            # Nothing the site is built from changed: every page stays as it was written.
            incremental.reuse(files, config)
            self.built_today, self.shared = hint, incremental.before.shared
            self.files = files
            log.info(t("site.log_unchanged"))
            return files
        self.memory.renew(incremental.shared_stamp)
        self.workers.start_early(self.root)  # a build without cache: the workers start now
        posts = self._kept_posts(incremental.shared_stamp)
        project = load_project(self.root, memory=posts,
                               calendar_of=self.calendar.loader(incremental.shared_stamp),
                               stats=incremental.stats)
        log.info(t("site.log_read", count=posts.read, total=project.files))
        keys = post_keys(project, self.memory.keys, self.standings.digests, posts)
        if self.command == "serve" and posts is self.saved_posts:
            posts.read = 0  # kalender serve: written when the server stops (on_shutdown)
        else:
            posts.save()
            self.saved_posts = posts if self.command == "serve" else None  # (build: let go)
        _log_problems(project, self.root)
        today = self.today(project)
        self.memory.new_day(today.isoformat())
        checked = store_kind(self.frozen)(  # kalender serve: in memory, not on disk
            self.root / self.config.cache_dir / FINDINGS_STORE,
            digest(incremental.shared_stamp, language()))
        cache = self.root / self.config.cache_dir
        stores = NewProcessStores(cache, checked.generation, keys, self.command != "serve")
        stores.remember_standings(project, self.standings)
        pictures = self.workers.start(project, files, config, today, cache, self.standings,
                                      self.reports if self.command == "serve" else None,
                                      stores.reports())
        stores.let_go("reports")  # done with now
        stores.remember(project, self.memory)
        pictures.plan(today, self.memory)  # the renditions made while the rules are checked
        findings = findings_of(project, self.standings, self.memory.findings, checked, keys,
                               partial(stores.remember_lists, project))
        log.info(t("site.log_checked", count=checked.added, total=len(project.posts)))
        checked.save()
        holidays = DiskMemo[Any](cache / HOLIDAYS_STORE, package_version("holidays"))
        overlay = overlay_for(project, _years(project, today), holidays)
        holidays.save()
        page_file = self.page_files.start(self.command == "serve")  # plugin.keptfiles
        thumbnails = _Thumbnails(files, config, cache, self.memory.thumbnails,
                                 self.standings.digests, pictures.wait_thumbnail,
                                 self.page_files.picture_maker())
        self.site = build_site(SiteInput(
            posts=project.posts, today=today, root=self.root,
            platform_names=_platform_names(project), findings=findings,
            platform_icons=_platform_icons(project), standings=self.standings,
            thumbnail=thumbnails, marks=overlay.on, memo=self.memory.views,
        ))
        thumbnails.add_shown(self.site)
        self.views = self.site.pages()
        for page, view in self.views.items():
            if files.get_file_from_path(page) is None:
                files.append(page_file(config, page, view))
        measured = DiskMemo[Any](cache / MEASURES_STORE, digest(incremental.shared_stamp))
        kept = KeptPreviews(store_kind(self.frozen)(cache / PREVIEWS_STORE,
                                     digest(incremental.shared_stamp, language())), keys)
        self.previews = add_previews(project, findings, files, config, self.site.today,
                                     self.memory, measured, kept, pictures.renditions,
                                     self.page_files.picture_maker())
        self.workers.end_pictures()
        stores.done_with_plans(project, self.memory)
        settle_front_matter(project.posts, self.command == "serve")  # let go, or packed
        self.approval = add_approval(project.posts, project.calendar, files, config,
                                     self.site.today, self.memory, self.standings)
        self.workers.finish_reports()
        weeks = [view.week for view in self.site.weeks.values()]
        self.meetings = add_meetings(project, weeks, today, overlay, files, config, self.memory,
                                     self.standings, self.page_keys.meetings(self.command))
        self.conversations = add_conversations(project, files, config, today, overlay)
        self.project = project
        self.files = files
        self.built_today = today
        self.shared = digest(incremental.shared(), self._common(files))
        digests = self._post_digests(stores.digests())
        self.view_digests = ViewDigests(digests["row"])  # a week: on three pages' keys
        keying = self.page_keys.for_build(self.command == "serve", digests, self.views, self.shared)
        incremental.compare(files, self.shared, self._page_data, digests, *keying)
        self.view_digests = None
        if self.command == "serve":  # 404.html: as the last build wrote it, if it holds
            self.theme_files.keep_pages(config, incremental.before.shared, self.shared)
        if (made := stores.keep(project, self.standings, self.memory, self.site)) >= 0:
            log.info(t("site.log_views", count=made, total=len(project.posts)))
        log.info(t("site.log_changed", count=incremental.modified, total=len(incremental.keys)))
        if self.command != "serve":  # no next build in this process remembers anything
            let_go_before_render(self.memory, project.posts)
        if incremental.modified >= COLLECT_PAGES:
            collect_freed()  # the loaders' and stores' leftovers, before many pages render
        return files

    def _kept_posts(self, generation: str) -> KeptPosts:
        """The loader's memory, kept in the cache for the next process (saved at once: a
        post read is the same whatever the build does next)."""
        posts = self.memory.files
        if not isinstance(posts, KeptPosts) or posts.generation != generation:
            posts = self.memory.files = KeptPosts(
                self.root / self.config.cache_dir / POSTS_STORE, generation)
        return posts

    def _forget(self) -> None:
        """Drop the last build's views (``kalender serve`` keeps the plugin between builds)."""
        self.site = self.approval = self.previews = self.meetings = self.project = None
        self.conversations, self.views, self.files = None, {}, None

    def _common(self, files: Files) -> object:
        """What the templates of every page read besides the page's own data. Not the day
        (nor this week and this month): only the pages that show them have them in their
        data (:meth:`_page_data`)."""
        assert self.site is not None
        site = self.site
        return (site.weekdays, site.weekdays_short, site.legend, site.filters,
                sorted(f.src_uri for f in files.documentation_pages()))

    def _toolbar(self) -> tuple[str, str]:
        """Where the toolbar of the home, list, month and week pages links "this month"
        and "this week" to: those pages change when the week or the month turns."""
        assert self.site is not None and self.site.home is not None
        home = self.site.home
        return home.this_month.page, home.this_week.page

    def _post_digests(self, kept: tuple[DiskMemo[Any], dict[str, str]] | None
                      ) -> dict[str, dict[str, str]]:
        """Per post and per way a page shows it, the digest of what the template reads:
        ``row`` (a line or a chip: the entry without its caption), ``card`` (the week's
        cards: the entry, its caption's start and its previews), ``page`` (its own page:
        every view of it). Kept with views that ``kalender serve`` reused; ``kept``: the
        digests kept on disk and the posts' keys (``kalender build``; see _digests_of)."""
        assert self.site is not None
        levels: dict[str, dict[str, str]] = {"row": {}, "card": {}, "page": {}}
        for post in self.project.posts if self.project else ():
            view = self.site.posts.get(post.id)
            if view is None:
                continue
            parts = (view, self.approval.of(post.id) if self.approval else None,
                     self.previews.packed(post.id) if self.previews else None,
                     self.conversations.of(post.id) if self.conversations else None)
            known = self.memory.digests.get(post, lambda: None)
            if known is None or any(a is not b for a, b in zip(known[0], parts, strict=True)):
                known = (parts, kept_digests(kept, post.id, parts, _digests_of))
                self.memory.digests.put(post, known)
            for level, value in known[1].items():
                levels[level][post.id] = value
        return levels

    def _page_data(self, page: str) -> tuple[object, str]:
        """The data the template of ``page`` reads (None for a page made of its text), and
        how it shows the posts it names (a key of :meth:`_post_digests`)."""
        assert self.site is not None
        view = self.views.get(page)
        if view is not None:
            if isinstance(view, PostView):  # all of it is in the post's own digest
                return ("post", view.entry.id), "page"
            if isinstance(view, WeekView) and self.meetings is not None:
                meeting = self.meetings.of_week(view.week)
                return (self._digested(view), self._toolbar(),
                        meeting and (meeting.page, meeting.title, meeting.minutes)), "card"
            return (view, self._toolbar()), "card" if view.kind == "home" else "row"
        if self.meetings is not None and page in self.meetings.pages:
            week = (shown := self.meetings.pages[page]).meeting.week
            return (self._digested(shown) if shown.today_label else shown,  # live: rapat/ too
                    self._digested(self.site.weeks.get(week_page(week))),
                    self._digested(self.site.weeks.get(week_page(week.shifted(1))))), "row"
        if page == WAITING_PAGE and self.approval is not None:
            return waiting_key(self.approval), "row"
        if page == GRID_PAGE and self.previews is not None:
            return self.previews.grid, "row"
        conversations = page_data(self.conversations, page)
        if conversations is not None:
            return conversations, "row"
        return None, "row"

    def _digested(self, view: object) -> object:
        """A view in pages' keys (a week's, a live meeting's), digested once per build."""
        return self.view_digests.of(view) if self.view_digests is not None else view

    @event_priority(100)  # before the search plugin writes its index (see Incremental)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._plain_words()
        self.streamed.settle()
        self.standings.digests.save()
        if self.project is not None and self.site is not None:
            generation = self.incremental.shared_stamp if self.incremental else ""
            write_feed(self.project, Path(config.site_dir), self.site.today, self.memory,
                       self.root / self.config.cache_dir / FEED_KEY, generation)
        if self.incremental is not None and self.files is not None and self.built_today:
            media = _outside_media(self.project, self.root) if self.project else []
            timezone = str(self.project.timezone) if self.project else \
                self.incremental.before.timezone
            self.incremental.finish(self.files, config, self.built_today, self.shared,
                                    timezone, media)
            self.incremental = None
        if self.command != "serve":  # the pages are written; the search index comes next
            self._forget()
            hand_back_freed()
        write_search_index(config)  # a piece at a time, serve too (its index is whole)
        if self.command == "serve":  # last: the idle collection waits from here (idlegc)
            if not self.frozen and self.project is not None:  # the rules, before an edit
                warm_rules(self.project, self.standings)
            self.page_files.renew_rendered(config)  # for the next build (keptfiles)
            self.frozen = self.collector.build_ended()

    def on_build_error(self, *, error: Exception) -> None:
        self._plain_words()
        self.collector.rebuild_ended()
        self.workers.abandon()
        self.streamed.abandon()
        if self.incremental is not None:
            self.incremental.abandon()
            self.incremental = None

    def today_hint(self, timezone: str) -> dt.date | None:
        """Today without loading the posts: the plugin's ``today``, $KALENDER_TODAY, else
        today in the time zone of the last build (None when there was none)."""
        text = self.config.today or os.environ.get(TODAY_ENV, "")
        if text:
            try:
                return parse_day(text)
            except ValueError:
                return None
        try:
            return today_in(ZoneInfo(timezone)) if timezone else None
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def today(self, project: Project) -> dt.date:
        """The plugin's ``today``, else $KALENDER_TODAY, else today in the office."""
        text = self.config.today or os.environ.get(TODAY_ENV, "")
        if not text:
            return today_in(project.timezone)
        try:
            return parse_day(text)
        except ValueError:
            raise PluginError(t("site.bad_today", found=text)) from None

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        words = PageWords()  # plugin.pagework; the previews: site.preview_html
        env.globals.update(t=words, row_limit=ROWS_SHOWN,
                           preview_figure=PreviewFigures(words, self._icon_svg),
                           kept_threads=KeptThreads())  # site.threads
        env.globals["shared"] = shared = SharedParts(config)  # once per folder (main.html)
        env.concat = self.streamed.ready(config.plugins.events["post_page"], self)  # type: ignore[method-assign]
        self.env = env
        if self.templates is None:
            self.templates = TemplateCache(self.root / self.config.cache_dir / "kalender" /
                                           "jinja")
        env.bytecode_cache = self.templates
        install_frames(env, shared)  # base.html once per kind and folder of pages
        return env

    def on_page_context(self, context: TemplateContext, /, *, page: Page,
                        config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        if self.incremental is not None:
            self.incremental.page_rendered(page)
        self.streamed.expect(page.file.abs_dest_path)
        if self.site is None or self.files is None:
            return context
        extra: dict[str, Any] = {
            "kalender": self.site,
            "view": self.views.get(page.file.src_uri),
            "href": _Links(self.files, page, self._targets()),
            "approval": self.approval,
            "previews": self.previews, "meetings": self.meetings,
            "conversations": self.conversations, "icons": IconSprite(self._icon_svg),
        }
        context.update(extra)  # type: ignore[typeddict-item]
        return context

    @event_priority(-100)  # after every other plugin saw the page
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Let go of what mkdocs keeps of a page once it is written (plugin.written)."""
        self.written.let_go(page)
        return output

    def _targets(self) -> dict[str, str]:
        """The URLs of the pages ``href`` has looked up in this build's files."""
        if self.targets[0] is not self.files:
            self.targets = (self.files, {})
        return self.targets[1]

    def _icon_svg(self, name: str) -> str:
        """The SVG text of one of the theme's icons (``material/pencil``), read once."""
        known = self.icons.get(name)
        if known is None and self.env is not None and self.env.loader is not None:
            known = self.icons[name] = self.env.loader.get_source(
                self.env, f".icons/{name}.svg")[0]
        return known or ""

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        for folder in ("posts", "calendar"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        watch_with_events(server, self.posts_walk.events)
        # mkdocs waits 0.1 s without file events; a saved post comes as one write and one
        # close, microseconds apart (inotify), so a shorter wait shows the edit sooner
        server.build_delay = SETTLE_SECONDS
        self.env = None  # the first build's templates hold, in their contexts, its views
        self.collector.serving()  # then its objects are set aside (idlegc)
        return server


class _Links:
    """``href(page_path)`` in templates: the URL of a site page relative to the current one.

    ``targets`` (page path -> its URL) is shared by every page of a build: a page's URL
    does not change once the page is among the site's files."""

    def __init__(self, files: Files, page: Page, targets: dict[str, str]) -> None:
        self.files, self.page, self.targets = files, page, targets

    def __call__(self, path: str) -> str:
        url = self.targets.get(path)
        if url is None:
            target = self.files.get_file_from_path(path)
            if target is None:
                raise PluginError(t("site.missing_page", page=path,
                                    source=self.page.file.src_uri))
            url = self.targets[path] = target.url
        return get_relative_url(url, self.page.url)


class _Thumbnails:
    """Makes a post image's thumbnail and adds it to the site; returns its page path.

    ``made`` (page -> cached picture) outlives the build in ``kalender serve``, whose views
    of an unchanged post are reused without asking for their thumbnails again:
    :meth:`add_shown` then adds the thumbnails those views show."""

    def __init__(self, files: Files, config: MkDocsConfig, cache: Path, made: dict[str, str],
                 digests: DigestStore, coming: Callable[[Path], None],
                 file_of: PictureFile = picture_file) -> None:
        self.files, self.config, self.cache = files, config, cache / "thumbnails"
        self.made, self.digests, self.coming = made, digests, coming
        self.file_of = file_of

    def __call__(self, image: Path) -> str | None:
        self.coming(image)  # a worker may be making it
        made = thumbnail(image, self.cache, digests=self.digests)
        if made is None:
            return None
        page = f"{THUMBNAIL_FOLDER}/{made.name}"
        self.made[page] = str(made)
        self._add(page)
        return page

    def _add(self, page: str) -> None:
        if self.files.get_file_from_path(page) is None and page in self.made:
            self.files.append(self.file_of(self.config, page, self.made[page]))

    def add_shown(self, site: SiteView) -> None:
        """Add every thumbnail the post views show (reused views included)."""
        for view in site.posts.values():
            if view.entry.thumbnail is not None:
                self._add(view.entry.thumbnail.page)
            for image in view.images:
                self._add(image.page)


def _log_problems(project: Project, root: Path) -> None:
    """A post with an error is left out of the site: say so (a warning fails --strict),
    a block per file worded as ``kalender check`` prints it."""
    for block in report_blocks(project.report.errors, root):
        log.warning("%s", "\n".join(block))
    for block in report_blocks(project.report.warnings, root):
        log.info("%s", "\n".join(block))


def _years(project: Project, today: dt.date) -> range:
    """The years the calendar shows: from the first post (or today) to a week after the last."""
    days = [p.date for p in project.posts] + [today, today + dt.timedelta(days=14)]
    return range(min(days).year, max(days).year + 1)


def _platform_icons(project: Project) -> dict[str, str]:
    platforms = project.calendar.platforms if project.calendar is not None else {}
    return {pid: platform.icon for pid, platform in platforms.items()}


def _platform_names(project: Project) -> dict[str, str]:
    platforms = project.calendar.platforms if project.calendar is not None else {}
    return {pid: platform.name for pid, platform in platforms.items()}


def _digests_of(view: PostView, approval: object, previews: object,
                conversation: object = None) -> dict[str, str]:
    """The ``row``, ``card`` and ``page`` digests of one post (see ``_post_digests``)."""
    entry = view.entry
    return {"row": digest(entry), "card": digest(entry, entry.caption_start, previews),
            "page": digest(view, entry.caption_start, approval, previews, conversation)}


def _outside_media(project: Project, root: Path) -> list[str]:
    """Media files of the posts that lie outside ``posts/`` (their times are stamped too)."""
    inside = str((root / "posts").resolve()) + os.sep  # the loader resolves media paths
    return [str(path) for post in project.posts for media in post.media
            for path in (media.path, media.cover)
            if path is not None and not str(path).startswith(inside)]
