"""Every rendition of one source file made from one decode (issue 23, point 4).

A photo shown on three platforms and on the Instagram grid needs four renditions. Decoding a
12-megapixel JPEG is most of the cost of one rendition (about 33 ms of 47 ms at a quarter
scale, the resize and the encode the rest), so the pictures of one source are one job: the
file is decoded once per draft scale its renditions need (nearly always one), and each
rendition is cropped, scaled and encoded from that decode. A video's frame is read once.

The pixels are those of a rendition made alone: :func:`~kalender.media.images.decoded_size`
tells, from the header, the size :func:`~kalender.media.images.open_image` decodes at for a
rendition, and renditions share a decode only when that size is the same. So a rendition
is the same bytes whether a cold build makes it with its siblings or a later build makes
it alone (the site built incrementally stays byte-identical to one built from nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from .images import (
    MediaError,
    Size,
    crop_scaled,
    decoded_size,
    needed_pixels,
    open_image,
    video_poster,
)
from .textzones import cut_in_picture

if TYPE_CHECKING:
    from .mediacache import Rendition

Job = tuple["Rendition", str]  # a rendition and the file it is written to
Failure = tuple[str, dict[str, Any]]  # catalog key and parameters of a MediaError
Outcome = tuple[Failure | None, bool | None]  # the error, whether a tile's crop cuts text


def by_source(jobs: Iterable[Job]) -> list[list[Job]]:
    """The jobs grouped by source file (a video apart from its cover), in first-seen order."""
    groups: dict[tuple[Path, bool], list[Job]] = {}
    for job in jobs:
        groups.setdefault((job[0].source, job[0].video), []).append(job)
    return list(groups.values())


def encode_source(jobs: Sequence[Job]) -> list[Outcome]:
    """Make every rendition of ``jobs`` (one source file), each written atomically as JPEG
    to its path; per job, its error or None, and for a grid tile (``cuts``) whether its
    crop cuts the picture's text, measured on the same decode (else None). Runs in a worker
    process: an error is returned as (catalog key, parameters), since a
    :class:`MediaError` does not cross processes."""
    from .mediacache import jpeg_bytes, write_atomic

    decodes = _Decodes()
    results: list[Outcome] = []
    for rendition, dest in jobs:
        try:
            source = decodes.picture(rendition)
            image = crop_scaled(source, rendition.framing, rendition.out)
        except MediaError as exc:
            results.append(((exc.key, exc.params), None))
            continue
        write_atomic(Path(dest), jpeg_bytes(image))
        results.append((None, _cut(source, rendition)))
    return results


def cut_of(rendition: Rendition) -> bool:
    """Whether the crop of ``rendition`` (a grid tile) cuts its picture's text, measured on
    the decode the rendition is made from, as :func:`encode_source` does; raises the
    picture's :class:`MediaError`."""
    return bool(_cut(_Decodes().picture(rendition), rendition))


def _cut(source: Image.Image, rendition: Rendition) -> bool | None:
    if not rendition.cuts or rendition.video:
        return None
    return cut_in_picture(source, rendition.framing.source, rendition.framing.box)


class _Decodes:
    """The decodes of one source file, by the size they were decoded at (or their error)."""

    def __init__(self) -> None:
        self.made: dict[Size | None, Image.Image | MediaError] = {}

    def picture(self, rendition: Rendition) -> Image.Image:
        """The decoded picture ``rendition`` is cut from; raises its :class:`MediaError`."""
        needed = None if rendition.video else needed_pixels(rendition.framing, rendition.out)
        key = None if needed is None else decoded_size(rendition.source, needed)
        if key not in self.made:
            try:
                self.made[key] = (video_poster(rendition.source) if needed is None
                                  else open_image(rendition.source, needed))
            except MediaError as exc:
                self.made[key] = exc
        made = self.made[key]
        if isinstance(made, MediaError):
            raise made
        return made
