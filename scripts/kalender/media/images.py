"""The image pipeline: open any photo the team has, frame it for a platform, render it.

Pure core: nothing here knows mkdocs. The preview (site) and the export (upload bundle)
both frame media through :func:`media_for` / :func:`post_framings`, so the crop seen in the
preview is, to the pixel, the crop that is uploaded.

Opening a photo applies its EXIF orientation, reads HEIC/HEIF through pillow-heif,
converts CMYK, palette, grey and alpha images to RGB in sRGB (through the embedded ICC
profile when there is one; transparency is flattened on white) and, for JPEG, decodes
in draft mode at the smallest scale that still covers the size needed. A corrupt file
or a decompression bomb raises :class:`MediaError`, whose message names the file.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageOps, UnidentifiedImageError

from ..core.errors import KalenderError
from ..core.heif import HEIF_READABLE  # noqa: F401 - importing it lets Pillow open HEIC

if TYPE_CHECKING:
    from ..core.calendar_data import FormatRule, Platform
    from ..core.model import Media, Post, Target

# Pillow warns (on stderr, in its own English) when a picture has more pixels than
# MAX_IMAGE_PIXELS; the media rules report that picture themselves, in the catalog's words
# and with its file and line (images.bomb, through _reading below), so the raw warning is off.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

Box = tuple[int, int, int, int]
Size = tuple[int, int]

ORIENTATION_TAG = 0x0112
TRANSPOSED_ORIENTATIONS = frozenset({5, 6, 7, 8})  # these swap width and height
CENTRE = (0.5, 0.5)
WHITE = (255, 255, 255)
ASPECT_TOLERANCE = 0.01  # 1 %: 1080x1350 is 4:5 even after rounding


class MediaError(KalenderError):
    """A media file that cannot be used; the message (from the catalog) names the file."""


# --- framing: one crop function for preview and export -------------------------------


@dataclass(frozen=True)
class Framing:
    """How one media file is framed for one platform format.

    ``source`` is the upright (EXIF-oriented) size of the file, ``box`` the crop in those
    pixels, ``size`` the recommended size (from ``platforms.yml``) the crop is scaled to.
    """

    source: Size
    box: Box
    size: Size
    focus: tuple[float, float] = CENTRE

    @property
    def aspect(self) -> float:
        return self.size[0] / self.size[1]

    def output_size(self, limit: Size | None = None) -> Size:
        """The pixel size of the rendered image: ``size``, never upscaled past the crop,
        then shrunk (aspect kept) to fit inside ``limit``."""
        crop_w, crop_h = self.box[2] - self.box[0], self.box[3] - self.box[1]
        scale = min(1.0, crop_w / self.size[0], crop_h / self.size[1])
        if limit is not None:
            scale = min(scale, limit[0] / self.size[0], limit[1] / self.size[1])
        return fit_size(self.size, scale)


def fit_size(size: Size, scale: float) -> Size:
    """``size`` times ``scale``, rounded, at least 1x1."""
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def crop_box(width: int, height: int, target_aspect: float,
             focus: tuple[float, float] | None = None) -> Box:
    """The largest box of ``target_aspect`` (width / height) inside a ``width`` x ``height``
    image, centred on ``focus`` (x, y in 0..1 of the upright image) as far as the image
    allows: a focal point near an edge pulls the box to that edge, never past it."""
    fx, fy = focus or CENTRE
    if width / height > target_aspect:
        box_w, box_h = max(1, min(width, round(height * target_aspect))), height
    else:
        box_w, box_h = width, max(1, min(height, round(width / target_aspect)))
    left = _clamp(round(fx * width - box_w / 2), 0, width - box_w)
    top = _clamp(round(fy * height - box_h / 2), 0, height - box_h)
    return left, top, left + box_w, top + box_h


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def choose_size(format_rule: FormatRule, width: int, height: int) -> Size:
    """The recommended size of ``format_rule`` whose aspect is nearest the source's.

    Nearness is measured on the log of the aspect ratio, so 2:1 and 1:2 are equally far
    from 1:1 (a portrait photo is not favoured over a landscape one). On a tie the size
    listed first in ``platforms.yml`` wins: the team lists its preferred size first.
    """
    source = math.log(width / height)
    return min(format_rule.sizes, key=lambda s: abs(math.log(s[0] / s[1]) - source))


def frame(format_rule: FormatRule, source: Size, focus: tuple[float, float] | None = None,
          size: Size | None = None) -> Framing:
    """Frame an upright ``source`` size for ``format_rule``: choose the size (or take
    ``size``, e.g. the first item's size in a carousel) and crop around ``focus``."""
    chosen = size or choose_size(format_rule, *source)
    box = crop_box(source[0], source[1], chosen[0] / chosen[1], focus)
    return Framing(source, box, chosen, focus or CENTRE)


def media_for(target: Target, media: Media, platforms: Mapping[str, Platform],
              size: Size | None = None) -> Framing:
    """How ``media`` is framed on ``target``: the one entry point of preview and export.

    Reads only the file's header (or a video's first frame) for its upright size; the
    poster of a video is its ``cover`` when given, else a frame of the video.
    """
    format_rule = platforms[target.platform].formats[target.format]
    return frame(format_rule, visual_size(media), media.focus, size)


def post_framings(post: Post, target: Target, platforms: Mapping[str, Platform],
                  sizes: Callable[[Media], Size] | None = None) -> tuple[Framing, ...]:
    """The framing of every media of ``post`` on ``target``, in order.

    Where a platform shows several items at one shape (an Instagram carousel, a TikTok
    photo post), every item takes the size chosen for the first one. ``sizes`` tells the
    upright size of a media (default: read from the file, :func:`visual_size`).
    """
    format_rule = platforms[target.platform].formats[target.format]
    size_of = sizes or visual_size
    framings: list[Framing] = []
    shared = format_rule.same_size  # a carousel's slides: platforms.yml says so
    for media in post.media:
        size = framings[0].size if shared and framings else None
        framings.append(frame(format_rule, size_of(media), media.focus, size))
    return tuple(framings)


def aspect_allowed(aspect: float, format_rule: FormatRule) -> bool:
    """Whether ``aspect`` is inside the format's range or one of its extra aspects."""
    low = format_rule.aspect_min * (1 - ASPECT_TOLERANCE)
    high = format_rule.aspect_max * (1 + ASPECT_TOLERANCE)
    if low <= aspect <= high:
        return True
    return any(abs(aspect / also - 1) <= ASPECT_TOLERANCE for also in format_rule.aspect_also)


COMMON_RATIOS = ((1, 1), (4, 5), (3, 4), (2, 3), (9, 16), (1, 2), (1, 3),
                 (5, 4), (4, 3), (3, 2), (16, 9), (2, 1), (3, 1))


def ratio_text(aspect: float) -> str:
    """``0.8`` -> ``"4:5"``, ``1.7777`` -> ``"16:9"``, ``1.91`` -> ``"1.91:1"``: a common
    ratio when the aspect is within 0.5 % of one, else the number against 1."""
    for width, height in COMMON_RATIOS:
        if abs(aspect / (width / height) - 1) < 0.005:
            return f"{width}:{height}"
    return f"{aspect:.2f}:1" if aspect >= 1 else f"1:{1 / aspect:.2f}"


# --- opening images ------------------------------------------------------------------


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an image says: upright size, format and EXIF orientation."""

    width: int
    height: int
    format: str
    orientation: int = 1

    @property
    def size(self) -> Size:
        return self.width, self.height


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn everything Pillow can raise on a bad file into a :class:`MediaError`."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise MediaError("images.bomb", file=path.name, limit=_megapixels(
                Image.MAX_IMAGE_PIXELS), detail=_pixels_of(exc)) from None
        except FileNotFoundError:
            raise MediaError("images.missing", file=path.name) from None
        except UnidentifiedImageError:
            raise MediaError("images.unknown_format", file=path.name) from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise MediaError("images.corrupt", file=path.name, detail=_detail(exc)) from None


def _megapixels(pixels: int | None) -> str:
    return f"{(pixels or 0) / 1_000_000:.0f}"


def _pixels_of(exc: BaseException) -> str:
    words = [w.strip("()") for w in str(exc).split()]
    return next((_megapixels(int(w)) for w in words if w.isdigit()), "?")


def _detail(exc: BaseException) -> str:
    return str(exc).strip() or type(exc).__name__


def image_info(path: Path) -> ImageInfo:
    """Read an image's header only: its upright size after the EXIF orientation."""
    with _reading(path), Image.open(path) as image:
        orientation = _orientation(image)
        width, height = image.size
        if orientation in TRANSPOSED_ORIENTATIONS:
            width, height = height, width
        return ImageInfo(width, height, str(image.format or ""), orientation)


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(ORIENTATION_TAG, 1)
    except (OSError, SyntaxError, ValueError):  # broken EXIF: show the pixels as stored
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def open_image(path: Path, needed: Size | None = None) -> Image.Image:
    """Open ``path`` upright and in RGB (sRGB); JPEGs decoded at the smallest draft scale
    that still gives at least ``needed`` (upright width, height) pixels."""
    with _reading(path), Image.open(path) as image:
        orientation = _orientation(image)
        if needed is not None and image.format == "JPEG":
            raw = needed[::-1] if orientation in TRANSPOSED_ORIENTATIONS else needed
            image.draft(None, (max(1, raw[0]), max(1, raw[1])))
        return upright_srgb(path, image)


def upright_srgb(path: Path, image: Image.Image) -> Image.Image:
    """``image`` (opened from ``path``, at a draft scale or not) decoded, upright and in
    sRGB as :func:`open_image` makes it, which raises the same :class:`MediaError`; the
    decode stays in ``image`` for other uses (a thumbnail at the same scale)."""
    with _reading(path):
        image.load()
        icc = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        return to_srgb(upright, icc)


def to_srgb(image: Image.Image, icc: bytes | None = None) -> Image.Image:
    """``image`` as RGB in sRGB: ICC profile converted, alpha flattened on white,
    CMYK, palette, grey and 16-bit images converted."""
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        return _flatten(image.convert("RGBA"))
    if icc:
        converted = _from_profile(image, icc)
        if converted is not None:
            return converted
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256).convert("L")  # 16-bit grey to 8-bit
    return image if image.mode == "RGB" else image.convert("RGB")


def _flatten(image: Image.Image) -> Image.Image:
    background = Image.new("RGB", image.size, WHITE)
    background.paste(image, mask=image.getchannel("A"))
    return background


def _from_profile(image: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert through the embedded profile; None when the profile is unusable."""
    if image.mode not in ("RGB", "CMYK", "L"):
        return None
    # here, not at the top: the colour engine takes ~5 ms of CPU to import, and a build
    # after a caption edit converts no photo (issue 23, branch edit15)
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.createProfile("sRGB")
        converted = ImageCms.profileToProfile(image, source, srgb, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None
    return converted


# --- rendering ---------------------------------------------------------------------


def render_framing(path: Path, framing: Framing, out: Size) -> Image.Image:
    """Crop ``framing.box`` of the image at ``path`` and scale it to ``out`` pixels."""
    image = open_image(path, needed_pixels(framing, out))
    return crop_scaled(image, framing, out)


def needed_pixels(framing: Framing, out: Size) -> Size:
    """The upright size the whole picture must be decoded at so that ``framing.box``
    still gives ``out`` pixels (a JPEG then decodes at the smallest draft scale that does)."""
    box_w = framing.box[2] - framing.box[0]
    box_h = framing.box[3] - framing.box[1]
    return (math.ceil(out[0] * framing.source[0] / box_w),
            math.ceil(out[1] * framing.source[1] / box_h))


def decoded_size(path: Path, needed: Size | None) -> Size:
    """The stored size :func:`open_image` decodes ``path`` at for ``needed``, read from the
    header only: two requests with the same answer decode to the same pixels."""
    with _reading(path), Image.open(path) as image:
        if needed is not None and image.format == "JPEG":
            turned = _orientation(image) in TRANSPOSED_ORIENTATIONS
            raw = needed[::-1] if turned else needed
            image.draft(None, (max(1, raw[0]), max(1, raw[1])))
        return image.size


def crop_scaled(image: Image.Image, framing: Framing, out: Size) -> Image.Image:
    """Crop an upright ``image`` (possibly decoded smaller than ``framing.source``) at
    ``framing.box`` and resize to ``out``, in one resampling step."""
    sx = image.width / framing.source[0]
    sy = image.height / framing.source[1]
    left, top, right, bottom = framing.box
    box = (left * sx, top * sy, right * sx, bottom * sy)
    return image.resize(out, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)


def render(media: Media, format_rule: FormatRule, max_size: Size | None = None,
           size: Size | None = None) -> Image.Image:
    """The picture of ``media`` as ``format_rule`` shows it: framed around its focal
    point, scaled to the recommended size (never upscaled), fitted inside ``max_size``.
    A video yields its poster (cover image, else a frame of the video)."""
    framing = frame(format_rule, visual_size(media), media.focus, size)
    out = framing.output_size(max_size)
    if media.is_video and media.cover is None:
        return crop_scaled(video_poster(media.path), framing, out)
    return render_framing(poster_path(media), framing, out)


def poster_path(media: Media) -> Path:
    """The image file that stands for ``media``: itself, or a video's cover."""
    return media.cover if media.is_video and media.cover is not None else media.path


def visual_size(media: Media) -> Size:
    """The upright pixel size of what a preview shows for ``media``."""
    if media.is_video and media.cover is None:
        return probe_video(media.path).size
    return image_info(poster_path(media)).size


# --- video -------------------------------------------------------------------------


@dataclass(frozen=True)
class VideoInfo:
    """What a video file says about itself: length and displayed (upright) size."""

    seconds: float
    width: int
    height: int
    rotation: int = 0

    @property
    def size(self) -> Size:
        return self.width, self.height

    @property
    def aspect(self) -> float:
        return self.width / self.height


def probe_video(path: Path) -> VideoInfo:
    """Duration and upright size of a video, read with PyAV (FFmpeg)."""
    with _opening_video(path) as container:
        stream = container.streams.video[0]
        frame = _first_frame(container, path)
        rotation = int(frame.rotation or 0) % 360
        width, height = frame.width, frame.height
        if rotation in (90, 270):
            width, height = height, width
        return VideoInfo(_seconds(container, stream), width, height, rotation)


def video_poster(path: Path) -> Image.Image:
    """A frame of the video, upright and in RGB: the first key frame after one second
    (the opening frame is often black), else the first frame."""
    with _opening_video(path) as container:
        frame = _first_frame(container, path)
        try:
            container.seek(1_000_000)  # microseconds
            frame = _first_frame(container, path)
        except Exception:  # noqa: BLE001 - a video too short to seek keeps its first frame
            pass
        image = frame.to_image()
        rotation = int(frame.rotation or 0) % 360
        return (image.rotate(rotation, expand=True) if rotation else image).convert("RGB")


@contextmanager
def _opening_video(path: Path) -> Iterator[Any]:
    import av

    try:
        container = av.open(str(path))
    except FileNotFoundError:
        raise MediaError("images.missing", file=path.name) from None
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise MediaError("video.corrupt", file=path.name, detail=_detail(exc)) from None
    try:
        if not container.streams.video:
            raise MediaError("video.no_stream", file=path.name)
        yield container
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError("video.corrupt", file=path.name, detail=_detail(exc)) from None
    finally:
        container.close()


def _first_frame(container: Any, path: Path) -> Any:
    for frame in container.decode(video=0):
        return frame
    raise MediaError("video.no_frames", file=path.name)


def _seconds(container: Any, stream: Any) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return float(container.duration) / 1_000_000
    return 0.0

