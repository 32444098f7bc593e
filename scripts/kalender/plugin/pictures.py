"""The pictures' part of a build that must read or make some: handed to worker processes as
soon as the posts are read (:class:`kalender.media.picturepool.PicturePool`), while the
build checks the rules and makes the calendar's views. A build that has every picture in its
cache starts no process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..approval.standing import Standings
from ..core.digests import DigestStore
from ..core.loader import Project
from ..core.memo import Memory
from ..core.model import Post
from ..media.mediacache import INDEX_FILE, RenditionCache, cache_folder, index_for
from ..media.picturepool import PicturePool
from ..report.keptreport import DiskReports
from ..site.previews import planned_renditions
from .report import PendingReports, start_reports
from .serving import KeptReports

THUMBNAILS = "thumbnails"  # in the cache folder, as the site plugin makes them


class BuildPictures:
    """The worker processes of one build's pictures and the rendition cache they fill."""

    def __init__(self, project: Project, cache: Path, digests: DigestStore,
                 posts: list[Post] | None = None, avatars: bool = True,
                 pool: PicturePool | None = None) -> None:
        """``posts``: the posts whose pictures to hand the workers (default: all);
        ``avatars``: the accounts' avatars too; ``pool``: workers already started."""
        self.project, self.digests = project, digests
        self.posts = project.posts if posts is None else posts
        self.pool = PicturePool() if pool is None else pool
        self.renditions = RenditionCache(cache_folder(project.root))
        self.pool.read(index_for(project.root, digests),
                       media_files(self.posts, project if avatars else None),
                       shown_images(self.posts), cache / THUMBNAILS, digests)

    def plan(self, today: dt.date, memory: Memory | None) -> None:
        """Hand the workers every rendition of the previews, planned from the media files'
        facts (waiting for them in the order the workers make them), before the rules are
        checked: the rules then run while the renditions are made, instead of the second
        core waiting for the rules to end (issue 23, branch cold4)."""
        if self.project.calendar is None or not self.posts:
            return
        planned = planned_renditions(self.posts, self.project.calendar,
                                     index_for(self.project.root, self.digests),
                                     self.renditions, today, memory)
        self.pool.renditions(self.renditions, planned)

    def wait_thumbnail(self, image: Path) -> None:
        """Wait for the thumbnail of ``image`` if a worker is making it."""
        self.pool.wait_thumbnail(image)

    def close(self) -> None:
        """End the workers (every picture the build asked for has been collected)."""
        self.pool.close()


class BuildWorkers:
    """The worker processes of the site plugin's build: its pictures' workers and the
    process drawing its report charts, both started as soon as the posts are read (kept
    here so that :mod:`kalender.plugin.site_plugin` stays a wiring of steps)."""

    def __init__(self) -> None:
        self.pictures: BuildPictures | None = None  # while on_files runs
        self.drawing: PendingReports | None = None  # report charts being drawn, likewise
        self.handed = HandedPosts()  # kalender serve: whose pictures earlier rebuilds handed
        self.early: PicturePool | None = None  # started before the posts were read

    def start_early(self, root: Path) -> None:
        """Start the pictures' workers now, before the posts are read, when ``root`` has
        no pictures' cache yet (a first build, or one without cache: every picture is to be
        made). Their start (an interpreter, Pillow and the media modules imported in each)
        then runs on the other core while this process reads the posts, not after (issue
        23). A build with a cache may need no worker and starts none here."""
        if self.early is None and not has_picture_cache(root):
            self.early = PicturePool()
            self.early.start()

    def start(self, project: Project, files: Files, config: MkDocsConfig, today: dt.date,
              cache: Path, standings: Standings, kept: KeptReports | None,
              memo: DiskReports | None) -> BuildPictures:
        """Start the pictures' workers and the report charts' drawing (``kept``,
        ``memo``: as :func:`kalender.plugin.report.add_reports` takes them; ``kept`` is
        given by ``kalender serve`` only, whose rebuilds hand the workers the pictures of
        the posts read again, see :class:`HandedPosts`)."""
        early, self.early = self.early, None
        if kept is None:
            self.pictures = BuildPictures(project, cache, standings.digests, pool=early)
        else:
            posts, avatars = self.handed.new(project, today)
            self.pictures = BuildPictures(project, cache, standings.digests, posts, avatars,
                                          early)
        self.drawing = start_reports(project, files, config, today, cache, standings, kept,
                                     memo)
        return self.pictures

    def end_pictures(self) -> None:
        """End the picture workers (every picture the build asked for is collected)."""
        if self.pictures is not None:
            self.pictures.close()
            self.pictures = None

    def finish_reports(self) -> None:
        """Wait for the report charts and add the reports to the site's files."""
        drawing, self.drawing = self.drawing, None
        if drawing is not None:
            drawing.finish()

    def abandon(self) -> None:
        """End both without their queued work (the build failed or was interrupted)."""
        self.handed.forget()  # their queued pictures were not made: hand them again
        self.end_pictures()
        early, self.early = self.early, None
        if early is not None:
            early.close()
        drawing, self.drawing = self.drawing, None
        if drawing is not None:
            drawing.abandon()


def has_picture_cache(root: Path) -> bool:
    """Whether the repository ``root`` has its media index (made by the first build that
    reads the posts, photos or not; gone with the cache)."""
    return (cache_folder(root) / INDEX_FILE).is_file()


class HandedPosts:
    """``kalender serve``: the post objects whose pictures an earlier rebuild handed the
    workers, on the same day and with the same calendar data.

    The loader gives a rebuild the same post object only while the post's file, approval
    records and media files are unchanged (:class:`kalender.core.memo.PostFiles`), so the
    pictures of such a post were handed before: facts read, thumbnails and renditions made
    or being made. A rebuild hands only the posts read again (one, after a caption edit),
    instead of stating every media file and planning every preview again. The workers only
    make early what the build would make itself: a picture they did not make (a cache file
    removed meanwhile, a rebuild that failed) is made by the build, the same bytes."""

    def __init__(self) -> None:
        self.posts: dict[int, Post] = {}  # id -> the post (held: its id stays its own)
        self.day: dt.date | None = None
        self.calendar: object = None

    def new(self, project: Project, today: dt.date) -> tuple[list[Post], bool]:
        """The posts of ``project`` not handed before, and whether the accounts' avatars
        are to be handed (new calendar data, or another day: everything again)."""
        again = self.day != today or self.calendar is not project.calendar
        before = {} if again else self.posts
        self.day, self.calendar = today, project.calendar
        self.posts = {id(post): post for post in project.posts}
        return [post for post in project.posts if before.get(id(post)) is not post], again

    def forget(self) -> None:
        """Hand every post again at the next rebuild."""
        self.posts, self.day, self.calendar = {}, None, None


def media_files(posts: list[Post], project: Project | None = None) -> Iterator[Path]:
    """Every media file and cover of ``posts``, and the accounts' avatars of ``project``."""
    for post in posts:
        for media in post.media:
            yield media.path
            if media.cover is not None:
                yield media.cover
    if project is not None and project.calendar is not None:
        for account in project.calendar.satker.accounts.values():
            if account.avatar is not None:
                yield account.avatar


def shown_images(posts: list[Post]) -> Iterator[Path]:
    """The pictures the week and post pages show a thumbnail of (a video's cover)."""
    for post in posts:
        for media in post.media:
            picture = media.cover if media.is_video else media.path
            if picture is not None:
                yield picture
