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
from ..media.mediacache import RenditionCache, cache_folder, index_for
from ..media.picturepool import PicturePool
from ..report.keptreport import DiskReports
from ..site.previews import planned_renditions
from .report import PendingReports, start_reports
from .serving import KeptReports

THUMBNAILS = "thumbnails"  # in the cache folder, as the site plugin makes them


class BuildPictures:
    """The worker processes of one build's pictures and the rendition cache they fill."""

    def __init__(self, project: Project, cache: Path, digests: DigestStore) -> None:
        self.project, self.digests = project, digests
        self.pool = PicturePool()
        self.renditions = RenditionCache(cache_folder(project.root))
        self.pool.read(index_for(project.root, digests), media_files(project),
                       shown_images(project), cache / THUMBNAILS, digests)

    def plan(self, today: dt.date, memory: Memory | None) -> None:
        """Hand the workers every rendition of the previews, planned from the media files'
        facts (waiting for them in the order the workers make them), before the rules are
        checked: the rules then run while the renditions are made, instead of the second
        core waiting for the rules to end (issue 23, branch cold4)."""
        if self.project.calendar is None:
            return
        planned = planned_renditions(self.project.posts, self.project.calendar,
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

    def start(self, project: Project, files: Files, config: MkDocsConfig, today: dt.date,
              cache: Path, standings: Standings, kept: KeptReports | None,
              memo: DiskReports | None) -> BuildPictures:
        """Start the pictures' workers and the report charts' drawing (``kept``,
        ``memo``: as :func:`kalender.plugin.report.add_reports` takes them)."""
        self.pictures = BuildPictures(project, cache, standings.digests)
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
        self.end_pictures()
        drawing, self.drawing = self.drawing, None
        if drawing is not None:
            drawing.abandon()


def media_files(project: Project) -> Iterator[Path]:
    """Every media file and cover of the posts, and the accounts' avatars."""
    for post in project.posts:
        for media in post.media:
            yield media.path
            if media.cover is not None:
                yield media.cover
    if project.calendar is not None:
        for account in project.calendar.satker.accounts.values():
            if account.avatar is not None:
                yield account.avatar


def shown_images(project: Project) -> Iterator[Path]:
    """The pictures the week and post pages show a thumbnail of (a video's cover)."""
    for post in project.posts:
        for media in post.media:
            picture = media.cover if media.is_video else media.path
            if picture is not None:
                yield picture
