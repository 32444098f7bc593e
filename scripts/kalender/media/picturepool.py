"""The worker processes that make a build's pictures from its first moment (issue 23, point 4).

A cold build of a year of posts spends most of its CPU on pictures: reading each photo once
to prove it whole (media index), its thumbnail for the week and post pages, and the
renditions of the previews. Made in the order the build asks for them, the pictures came
one after another in the build's own process (facts, thumbnails) and the renditions were
spread over the cores only once the rules and the calendar views were done.

A :class:`PicturePool` starts the workers as soon as the posts are read and hands them the
work in the order the build will need it: the facts of every media file the index does not
know, every missing thumbnail, then (planned from those facts) every rendition.
The build goes on meanwhile; where it needs a result it waits for that one
(:meth:`MediaIndex.expect`, :meth:`RenditionCache.expect`, :meth:`wait_thumbnail`). The work
is the same functions the build calls alone, so every file is the same bytes.

The workers are ended when the build no longer needs them (:meth:`close`), when the build
fails, and on their own when the build's process is gone (killed or interrupted): no process
is left behind.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TextIO

from PIL import Image

from ..core.digests import DigestStore
from ..core.model import VIDEO_SUFFIXES
from ..core.parentwatch import watch_parent
from .batches import Job, encode_source
from .images import MediaError, decoded_size, image_info, upright_srgb
from .mediacache import (
    VERIFY_SIZE,
    MediaFacts,
    MediaIndex,
    Rendition,
    RenditionCache,
    inspect_media,
    make_thumbnail,
    thumbnail_file,
    thumbnail_of,
    thumbnail_scale,
    write_thumbnail,
)
from .progress import Progress


class PicturePool:
    """Worker processes for one build's pictures, started at the first piece of work."""

    def __init__(self, workers: int | None = None, stream: TextIO | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None
        self.progress = Progress(0, stream)  # pictures (thumbnails, renditions) made
        self.thumbnails: dict[Path, Future[bool]] = {}
        self.lock = threading.Lock()

    def start(self) -> None:
        """Start every worker now, before any work: each starts an interpreter and imports
        what the work needs (Pillow, the media modules) while the build does other things."""
        for _ in range(self.workers):  # a process is started per submit while none is idle
            self._submit(ready)

    def read(self, index: MediaIndex, paths: Iterable[Path], shown: Iterable[Path],
             folder: Path, digests: DigestStore) -> None:
        """Read in the workers every file of ``paths`` ``index`` does not know yet, and
        make every thumbnail of ``shown`` missing from ``folder``, both from one decode
        where they can (:func:`facts_and_thumbnail`); each file is hashed through
        ``digests`` here first (the build needs its digest anyway)."""
        wanted = set(shown)
        for path in dict.fromkeys([*paths, *wanted]):
            if not path.is_file():
                continue
            unknown = path not in index.coming and not index.knows(path)
            target = None
            if path in wanted and path not in self.thumbnails:
                target = thumbnail_file(path, folder, digests=digests)
                target = None if target.is_file() else target
            if unknown:
                work = self._picture(facts_and_thumbnail, path, digests.sha256(path), target,
                                     count=int(target is not None))
                index.expect(path, work)
            elif target is not None:
                work = self._picture(make_thumbnail, path, target)
            else:
                continue
            if target is not None:
                self.thumbnails[path] = work

    def wait_thumbnail(self, image: Path) -> None:
        """Wait until the thumbnail of ``image`` is written, if a worker is making it."""
        future = self.thumbnails.pop(image, None)
        if future is not None:
            future.exception()  # an unreadable image, or a worker gone: made (or not) again

    def renditions(self, cache: RenditionCache, renditions: Iterable[Rendition]) -> None:
        """Make in the workers every rendition of ``renditions`` ``cache`` does not have,
        one job per source file (one decode per draft scale: :mod:`.batches`), the largest
        files first: the build waits for all of them, and a large photo or a video left
        for last would keep one worker busy while the others have nothing to do."""
        for jobs in largest_first(cache.jobs(renditions)):
            cache.folder.mkdir(parents=True, exist_ok=True)
            cache.expect(jobs, self._picture(encode_source, jobs, count=len(jobs)))

    def close(self) -> None:
        """End the workers (what was not asked for is not made)."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self.thumbnails.clear()
        self.progress.end()

    def _picture(self, work: Any, *args: Any, count: int = 1) -> Future[Any]:
        """Submit ``work`` making ``count`` pictures, counted on the progress line."""
        with self.lock:
            self.progress.add(count)
        future = self._submit(work, *args)
        future.add_done_callback(lambda _: self._made(count))
        return future

    def _made(self, count: int) -> None:
        with self.lock:
            for _ in range(count):
                self.progress.step()

    def _submit(self, work: Any, *args: Any) -> Future[Any]:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=watch_parent, initargs=(os.getpid(),))
        try:
            return self.pool.submit(work, *args)
        except BrokenProcessPool as exc:  # a worker died: the build does the work itself
            gone: Future[Any] = Future()
            gone.set_exception(exc)
            return gone


def ready() -> None:
    """Nothing: the work that starts a worker (:meth:`PicturePool.start`)."""


def largest_first(jobs: list[list[Job]]) -> list[list[Job]]:
    """The jobs (one source file each) by the size of their file, largest first (the order
    they are listed in among files of one size; a file that cannot be read: last)."""
    def size(group: list[Job]) -> int:
        try:
            return group[0][0].source.stat().st_size
        except OSError:
            return -1

    return sorted(jobs, key=size, reverse=True)


def facts_and_thumbnail(path: Path, digest: str, target: Path | None) -> MediaFacts:
    """What :func:`inspect_media` reads of ``path`` and, when ``target`` is given, its
    thumbnail written there as :func:`make_thumbnail` writes it: from one decode when
    both decode at the same draft scale (a photo of a few megapixels: an eighth), else
    one after the other. The bytes are those of each made alone."""
    if target is not None and path.suffix.lower() not in VIDEO_SUFFIXES:
        shared = _one_decode(path, digest, target)
        if shared is not None:
            return shared
    facts = inspect_media(path, digest=digest)
    if target is not None:
        make_thumbnail(path, target)
    return facts


def _one_decode(path: Path, digest: str, target: Path) -> MediaFacts | None:
    """:func:`facts_and_thumbnail` from one decode; None when it takes two (other draft
    scales) or the file is not whole (then read as alone, for the same error)."""
    try:
        whole = decoded_size(path, VERIFY_SIZE)
        header = image_info(path)
        with Image.open(path) as opened:
            if thumbnail_scale(opened) != whole:
                return None
            upright_srgb(path, opened)  # proves the file whole, as inspect_media does
            picture = thumbnail_of(opened)
    except (MediaError, OSError, ValueError, SyntaxError, EOFError,
            Image.DecompressionBombError):
        return None
    write_thumbnail(picture, target)
    return MediaFacts(digest, path.stat().st_size, "image", header.width, header.height)
