"""Build-time caches of the image pipeline, in ``.cache/kalender/`` of the repository.

- :class:`MediaIndex` remembers what each media file is (content hash, upright size,
  video length, or why it cannot be read), keyed by path, byte size and modification
  time, so an unchanged file is neither hashed nor decoded again.
- :class:`RenditionCache` keeps every rendered picture (preview thumbnail, poster) under
  a name made from the source's content hash and the rendering parameters, with a
  manifest. A rebuild with no change encodes nothing; what must be encoded is encoded in
  parallel on all cores. :attr:`RenditionCache.encoded` counts the encodes.
- :func:`thumbnail` makes the small thumbnails of the week view and the post page, cached
  by content hash in the same folder (once ``thumbnails.py``).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import multiprocessing
import os
import sqlite3
import threading
from collections.abc import Iterable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from ..core.atomic import clean_folder, replacing, write_bytes
from ..core.digests import DigestStore, file_sha256
from ..core.model import VIDEO_SUFFIXES
from ..core.realpaths import RealPaths
from .batches import Job, Outcome, by_source, encode_source
from .images import (
    Framing,
    MediaError,
    Size,
    image_info,
    open_image,
    probe_video,
)
from .progress import Progress

CACHE_FOLDER = Path(".cache") / "kalender"
INDEX_FILE = "media.sqlite"  # the media index, in the cache folder
FORMAT_VERSION = 1  # bump when rendering changes, so old renditions are not reused
JPEG_QUALITY = 82
PARALLEL_FROM = 4  # fewer jobs than this are encoded in this process
VERIFY_SIZE = (64, 64)  # decode this small (JPEG draft) to prove a file is whole


def cache_folder(root: Path) -> Path:
    """The cache folder of the repository ``root``."""
    return root / CACHE_FOLDER


def file_digest(path: Path, digests: DigestStore | None = None) -> str:
    """SHA-256 of the file's bytes, in hex (read once per content through ``digests``)."""
    return file_sha256(path, digests)


# --- facts about media files --------------------------------------------------------


@dataclass(frozen=True)
class MediaFacts:
    """What one media file is, or why it cannot be used (``error_key``)."""

    digest: str
    bytes: int
    kind: str  # "image" or "video"
    width: int = 0
    height: int = 0
    seconds: float | None = None
    error_key: str | None = None
    error_params: dict[str, str] = field(default_factory=dict)

    @property
    def size(self) -> Size:
        return self.width, self.height

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0

    @property
    def error(self) -> MediaError | None:
        """The problem of the file, as raised when it was read; None when it is whole."""
        if self.error_key is None:
            return None
        return MediaError(self.error_key, **self.error_params)


def inspect_media(path: Path, digests: DigestStore | None = None,
                  digest: str | None = None) -> MediaFacts:
    """Read ``path`` once: hash it (unless its ``digest`` is given), then read its size; an
    image is decoded (small) to prove it is whole, a video is probed for its length and
    upright size."""
    digest, size = digest or file_digest(path, digests), path.stat().st_size
    video = path.suffix.lower() in VIDEO_SUFFIXES
    kind = "video" if video else "image"
    try:
        if video:
            info = probe_video(path)
            return MediaFacts(digest, size, kind, info.width, info.height, info.seconds)
        header = image_info(path)
        open_image(path, VERIFY_SIZE)
        return MediaFacts(digest, size, kind, header.width, header.height)
    except MediaError as exc:
        params = {k: str(v) for k, v in exc.params.items()}
        return MediaFacts(digest, size, kind, error_key=exc.key, error_params=params)


class MediaIndex:
    """Facts about media files, kept across runs in a small SQLite table.

    A file is looked up by (path, byte size, modification time): a file changed in any
    way is read again. ``folder=None`` keeps the facts in memory only.
    """

    def __init__(self, folder: Path | None) -> None:
        self.memory: dict[tuple[str, int, int], MediaFacts] = {}
        self.resolved: dict[Path, str] = {}
        self.paths = RealPaths()  # each folder resolved once
        self.db: sqlite3.Connection | None = None
        self.inspected = 0  # files actually read (not found in the index)
        self.lock = threading.Lock()
        self.digests: DigestStore | None = None  # the build's, so a photo is hashed once
        self.coming: dict[Path, Future[MediaFacts]] = {}  # being read in a worker process
        if folder is not None:
            self.db = _open_index(folder / INDEX_FILE)

    def facts(self, path: Path) -> MediaFacts:
        """The facts of ``path``, read from the file only when it is new or changed."""
        key = self._key(path)
        known = self.memory.get(key) or self._stored(key)
        if known is None:
            known = _outcome(self.coming.pop(path, None)) or inspect_media(path, self.digests)
            self.inspected += 1
            self._store(key, known)
        self.memory[key] = known
        return known

    def knows(self, path: Path) -> bool:
        """Whether the facts of ``path`` (as it is now) are known without reading it."""
        key = self._key(path)
        known = self.memory.get(key) or self._stored(key)
        if known is not None:
            self.memory[key] = known
        return known is not None

    def _key(self, path: Path) -> tuple[str, int, int]:
        stat = path.stat()
        name = self.resolved.get(path)
        if name is None:  # resolving costs more than the rest of a known file's lookup
            name = self.resolved[path] = self.paths.of(path)
        return name, stat.st_size, stat.st_mtime_ns

    def expect(self, path: Path, facts: Future[MediaFacts]) -> None:
        """``path`` is being read in a worker process: :meth:`facts` waits for ``facts``
        instead of reading it again."""
        self.coming[path] = facts

    def _stored(self, key: tuple[str, int, int]) -> MediaFacts | None:
        if self.db is None:
            return None
        with self.lock:
            row = self.db.execute("SELECT facts FROM media WHERE path=? AND size=? AND mtime=?",
                                  key).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return MediaFacts(**data) if data.pop("version", None) == FORMAT_VERSION else None

    def _store(self, key: tuple[str, int, int], facts: MediaFacts) -> None:
        if self.db is None:
            return
        data = {"version": FORMAT_VERSION, **facts.__dict__}
        with self.lock, self.db:
            self.db.execute("INSERT OR REPLACE INTO media VALUES (?, ?, ?, ?)",
                            (*key, json.dumps(data)))

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def _outcome(future: Future[Any] | None) -> Any:
    """The result of work handed to a worker process; None when there was none, or when
    the worker is gone (the caller then does the work itself)."""
    if future is None:
        return None
    try:
        return future.result()
    except (BrokenProcessPool, CancelledError, OSError):
        return None


def _open_index(path: Path) -> sqlite3.Connection | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # mkdocs serve rebuilds in another thread than the first build: allow that, and
        # serialise the (tiny) queries with the index's lock.
        db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE IF NOT EXISTS media (path TEXT PRIMARY KEY, size INTEGER, "
                   "mtime INTEGER, facts TEXT)")
    except (OSError, sqlite3.Error):
        return None  # a read-only checkout still works, only slower
    return db


_INDEXES: dict[Path, MediaIndex] = {}


def index_for(root: Path, digests: DigestStore | None = None) -> MediaIndex:
    """The media index of the repository ``root`` (one per process), reading new files
    through ``digests`` when given (the store of the run asking)."""
    root = root.resolve()
    if root not in _INDEXES:
        _INDEXES[root] = MediaIndex(cache_folder(root))
    if digests is not None:
        _INDEXES[root].digests = digests
    return _INDEXES[root]


# --- rendered pictures ---------------------------------------------------------------


@dataclass(frozen=True)
class Rendition:
    """One picture to make: ``framing`` of ``source`` scaled to ``out`` pixels.

    ``video`` marks a video file whose poster is a frame of the video itself.
    """

    source: Path
    digest: str  # content hash of ``source``
    framing: Framing
    out: Size
    video: bool = False
    cuts: bool = False  # also measure whether the crop cuts the picture's text (grid tile)

    @cached_property  # kalender serve reuses renditions from build to build
    def key(self) -> str:
        params = [FORMAT_VERSION, JPEG_QUALITY, self.digest, self.framing.source,
                  self.framing.box, self.out, self.video]
        return hashlib.sha256(json.dumps(params).encode()).hexdigest()[:24]

    @property
    def name(self) -> str:
        return f"{self.key}.jpg"


@dataclass
class MakeReport:
    """What one :meth:`RenditionCache.make` did: the file of every rendition made or
    reused, the error of every one that could not be made, and how many were encoded."""

    files: dict[str, Path] = field(default_factory=dict)  # rendition key -> cached file
    errors: dict[str, MediaError] = field(default_factory=dict)
    encoded: int = 0
    reused: int = 0


class RenditionCache:
    """Rendered pictures by content hash, with a manifest (``manifest.json``)."""

    def __init__(self, folder: Path, workers: int | None = None) -> None:
        self.folder = folder / "renditions"
        self.manifest_path = folder / "manifest.json"
        self.workers = workers or os.cpu_count() or 1
        self.encoded = 0  # every encode this cache has done, over all calls to make()
        self.manifest: dict[str, dict[str, Any]] = _read_manifest(self.manifest_path)
        # rendition key -> the outcomes of the worker job making it, and its place there
        self.coming: dict[str, tuple[Future[list[Outcome]], int]] = {}

    def make(self, renditions: Iterable[Rendition]) -> MakeReport:
        """Make every rendition not yet in the cache (waiting for those being made in a
        worker process, :meth:`expect`); reuse the others."""
        report = MakeReport()
        todo: dict[str, Rendition] = {}
        for rendition in renditions:
            path = self.folder / rendition.name
            if self.cached(rendition):
                report.files[rendition.key] = path
                report.reused += 1
            else:
                todo[rendition.key] = rendition
        if todo:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._collect(todo, report)
            if todo:
                self._encode_all(list(todo.values()), report)
            self._write_manifest()
        return report

    def cached(self, rendition: Rendition) -> bool:
        """Whether ``rendition`` was made by an earlier build (it is in the manifest)."""
        return rendition.key in self.manifest and (self.folder / rendition.name).is_file()

    def jobs(self, renditions: Iterable[Rendition]) -> list[list[Job]]:
        """The renditions to make that are neither cached nor being made, one job per
        source file (:func:`batches.by_source`), each with the file it is written to."""
        return by_source((r, str(self.folder / r.name)) for r in renditions
                         if r.key not in self.coming and not self.cached(r))

    def expect(self, jobs: list[Job], outcomes: Future[list[Outcome]]) -> None:
        """``jobs`` (one source file) are being made in a worker process: :meth:`make`
        waits for their ``outcomes`` instead of making them again."""
        for place, (rendition, _) in enumerate(jobs):
            self.coming[rendition.key] = (outcomes, place)

    def _collect(self, todo: dict[str, Rendition], report: MakeReport) -> None:
        """Take the renditions of ``todo`` made in worker processes out of it."""
        jobs, results = [], []
        for key in [k for k in todo if k in self.coming]:
            future, place = self.coming.pop(key)
            outcomes = _outcome(future)
            if outcomes is not None:  # else (the worker is gone) made below, here
                rendition = todo.pop(key)
                jobs.append((rendition, str(self.folder / rendition.name)))
                results.append(outcomes[place])
        self._record(jobs, results, report)

    def _encode_all(self, todo: list[Rendition], report: MakeReport) -> None:
        # one job per source file: it is decoded once for all its renditions (batches)
        groups = by_source((r, str(self.folder / r.name)) for r in todo)
        progress = Progress(len(todo))  # a progress line on a terminal, for many pictures
        jobs, results = [], []
        if len(todo) < PARALLEL_FROM or len(groups) < 2 or self.workers < 2:
            outcomes: Iterable[list[Any]] = map(encode_source, groups)
            pool = None
        else:
            context = multiprocessing.get_context("spawn")  # safe under mkdocs serve threads
            pool = ProcessPoolExecutor(max_workers=min(self.workers, len(groups)),
                                       mp_context=context)
            outcomes = pool.map(encode_source, groups, chunksize=1)
        try:
            for group, outcome in zip(groups, outcomes, strict=True):
                jobs.extend(group)
                results.extend(outcome)
                for _ in group:
                    progress.step()
        finally:
            if pool is not None:
                pool.shutdown()
        self._record(jobs, results, report)

    def _record(self, jobs: list[Job], results: list[Outcome], report: MakeReport) -> None:
        for (rendition, dest), (error, cut) in zip(jobs, results, strict=True):
            if error is not None:
                report.errors[rendition.key] = MediaError(error[0], **error[1])
                continue
            report.files[rendition.key] = Path(dest)
            report.encoded += 1
            self.encoded += 1
            self.manifest[rendition.key] = {
                "source": str(rendition.source), "digest": rendition.digest,
                "box": list(rendition.framing.box), "size": list(rendition.out),
                **({"cut": cut} if cut is not None else {}),
            }

    def cut(self, rendition: Rendition) -> bool | None:
        """Whether the crop of ``rendition`` cuts its picture's text, as measured when it
        was made (None when it was made without measuring)."""
        cut = self.manifest.get(rendition.key, {}).get("cut")
        return cut if isinstance(cut, bool) else None

    def _write_manifest(self) -> None:
        data = {"version": FORMAT_VERSION, "renditions": self.manifest}
        write_atomic(self.manifest_path, json.dumps(data, indent=1, sort_keys=True).encode())


def _read_manifest(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        return {}
    renditions = data.get("renditions")
    return renditions if isinstance(renditions, dict) else {}


def encode_rendition(job: tuple[Rendition, str]) -> tuple[str, dict[str, Any]] | None:
    """Render one picture and write it as JPEG to the given path (atomically); the error
    (catalog key, parameters) instead of raising it, as :func:`batches.encode_source`."""
    return encode_source([job])[0][0]


def jpeg_bytes(image: Any) -> bytes:
    """A rendition's JPEG file, as bytes."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by the web server (0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _cleaned(path.parent)
    write_bytes(path, data, 0o644, clean=False)


_CLEANED: set[Path] = set()  # the cache folders this process has cleaned of leftovers


def _cleaned(folder: Path) -> None:
    """What killed writers left in the cache ``folder`` is removed once per process (before
    its first write), not at every write: a cold build writes some 950 pictures into two
    folders, and looking through a folder at each write grows with the square of its files."""
    if folder not in _CLEANED:
        clean_folder(folder)
        _CLEANED.add(folder)


# --- thumbnails of post images for the week view and the post page ---------------------
# Cached by content hash beside the renditions: an unchanged image is not redone.

THUMBNAIL_WIDTH = 360  # pixels; a week card is about 170 CSS pixels wide (2x for sharpness)
THUMBNAIL_MAX_HEIGHT = 450  # a 4:5 portrait at THUMBNAIL_WIDTH
THUMBNAIL_QUALITY = 80
EXIF_ORIENTATION = 0x0112
TURNED_ORIENTATIONS = (5, 6, 7, 8)  # stored on its side: width and height swap upright


def content_hash(path: Path, digests: DigestStore | None = None) -> str:
    """The first 16 hex digits of the file's SHA-256 (through ``digests``, else read now)."""
    return file_sha256(path, digests)[:16]


def thumbnail(image: Path, cache: Path, width: int = THUMBNAIL_WIDTH,
              digests: DigestStore | None = None) -> Path | None:
    """A JPEG thumbnail of ``image`` in ``cache``, made once per content; None if unreadable.

    The loader has already reported images it cannot read; such an image gets no thumbnail.
    """
    target = thumbnail_file(image, cache, width, digests)
    if target.is_file() or make_thumbnail(image, target, width):
        return target
    return None


def thumbnail_file(image: Path, cache: Path, width: int = THUMBNAIL_WIDTH,
                   digests: DigestStore | None = None) -> Path:
    """Where the thumbnail of ``image`` is kept in ``cache`` (named by its content)."""
    return cache / f"{content_hash(image, digests)}-{width}.jpg"


def make_thumbnail(image: Path, target: Path, width: int = THUMBNAIL_WIDTH) -> bool:
    """Write the thumbnail of ``image`` to ``target``; False when ``image`` is unreadable."""
    try:
        picture = _scaled(image, width)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return False
    _write_jpeg(picture, target)
    return True


def _scaled(image: Path, width: int) -> Image.Image:
    with Image.open(image) as opened:
        _decode_small(opened, thumbnail_bound(width))
        return thumbnail_of(opened, width)


def thumbnail_bound(width: int = THUMBNAIL_WIDTH) -> tuple[int, int]:
    """The box a thumbnail of ``width`` fits in."""
    return width, round(width * THUMBNAIL_MAX_HEIGHT / THUMBNAIL_WIDTH)


def thumbnail_of(opened: Image.Image, width: int = THUMBNAIL_WIDTH) -> Image.Image:
    """The thumbnail of an opened image, decoded at the scale :func:`thumbnail_scale`
    tells (decoded now, unless it already is)."""
    upright = ImageOps.exif_transpose(opened)
    picture = _flatten(upright)
    picture.thumbnail(thumbnail_bound(width), Image.Resampling.LANCZOS)
    return picture


def thumbnail_scale(opened: Image.Image, width: int = THUMBNAIL_WIDTH) -> tuple[int, int]:
    """Set the draft scale a thumbnail of ``opened`` (not decoded yet) is decoded at;
    the size it will decode to."""
    _decode_small(opened, thumbnail_bound(width))
    return opened.size


def _decode_small(opened: Image.Image, bound: tuple[int, int]) -> None:
    """Let libjpeg decode a JPEG at 1/2, 1/4 or 1/8 scale when that still covers the
    thumbnail: a 12-megapixel photo is then never decoded whole (about 4x faster)."""
    if opened.format != "JPEG":
        return
    raw_w, raw_h = opened.size
    turned = opened.getexif().get(EXIF_ORIENTATION, 1) in TURNED_ORIENTATIONS
    upright_w, upright_h = (raw_h, raw_w) if turned else (raw_w, raw_h)
    scale = min(bound[0] / upright_w, bound[1] / upright_h, 1.0)
    need_w, need_h = math.ceil(upright_w * scale), math.ceil(upright_h * scale)
    opened.draft(None, (need_h, need_w) if turned else (need_w, need_h))


def _flatten(picture: Image.Image) -> Image.Image:
    """RGB on white: JPEG has no transparency."""
    if picture.mode in ("RGBA", "LA", "P"):
        rgba = picture.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return picture.convert("RGB")


def write_thumbnail(picture: Image.Image, target: Path) -> None:
    """Write a thumbnail made by :func:`thumbnail_of` to ``target`` as :func:`thumbnail` does."""
    _write_jpeg(picture, target)


def _write_jpeg(picture: Image.Image, target: Path) -> None:
    """Write atomically: a half-written thumbnail is never left in the cache."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _cleaned(target.parent)
    with replacing(target, 0o644, clean=False) as out:
        picture.save(out, "JPEG", quality=THUMBNAIL_QUALITY, optimize=True)
