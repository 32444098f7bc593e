"""Media rules: each file readable, of a kind the format takes, at an aspect, size, byte
size and length the platform accepts (numbers from ``platforms.yml``).

The facts about each file (size, length, damage) come from the media index, so a file
is read once and then remembered until it changes.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.calendar_data import FormatRule, Platform
from ..core.model import Media, Post, Target
from ..core.problems import Problem, Severity
from ..media.images import Framing, aspect_allowed, post_framings, ratio_text
from ..media.mediacache import MediaFacts, MediaIndex, index_for
from .registry import Context, Finding, rule


def _index(context: Context) -> MediaIndex:
    return index_for(context.calendar.root, context.standings.digests)


def _targets(post: Post, context: Context) -> Iterator[tuple[Target, Platform, FormatRule]]:
    for target in post.targets:
        platform = context.calendar.platforms[target.platform]
        yield target, platform, platform.formats[target.format]


def _readable(post: Post, index: MediaIndex) -> dict[int, MediaFacts]:
    """The facts of every media of ``post`` that can be read (by position)."""
    found = {}
    for position, media in enumerate(post.media):
        facts = index.facts(media.path)
        cover = index.facts(media.cover) if media.cover is not None else None
        if facts.error is None and (cover is None or cover.error is None):
            found[position] = facts
    return found


@rule("media.unreadable")
def unreadable(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Every media file (and video cover) can be read whole: not damaged, not a bomb."""
    index = _index(context)
    for position, media in enumerate(post.media):
        for key, path in (("file", media.path), ("cover", media.cover)):
            if path is None:
                continue
            error = index.facts(path).error
            if error is not None:
                yield finding(("media", position, key), "media_rule.unreadable",
                              detail=error.message)


@rule("media.kind")
def kind(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Each format takes only its kinds of media (a reel takes a video, X one video)."""
    for target, platform, fmt in _targets(post, context):
        for position, media in enumerate(post.media):
            found = "video" if media.is_video else "image"
            if found not in fmt.kinds:
                yield finding(("media", position, "file"), "media_rule.kind",
                              for_platform=target.platform, name=platform.name,
                              format=target.format, file=media.file, found=_kind(found),
                              expected=", ".join(_kind(k) for k in fmt.kinds))
        videos = sum(1 for m in post.media if m.is_video)
        if fmt.max_video is not None and videos and len(post.media) > fmt.max_video:
            yield finding(("media",), "media_rule.video_alone", for_platform=target.platform,
                          name=platform.name, format=target.format, max=fmt.max_video,
                          count=len(post.media))


def _kind(kind: str) -> str:
    from ..core.i18n import t

    return t(f"media_rule.kind_{kind}")


@rule("media.aspect")
def aspect(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Aspect inside the format's range: a video outside it is an error (it cannot be
    cropped here); an image outside it is cropped, a warning shows to what."""
    readable = _readable(post, _index(context))
    for target, platform, fmt in _targets(post, context):
        for position, facts in readable.items():
            media = post.media[position]
            if ("video" if media.is_video else "image") not in fmt.kinds:
                continue  # reported by media.kind
            if aspect_allowed(facts.aspect, fmt):
                continue
            video = media.is_video
            yield finding(("media", position, "file"),
                          "media_rule.aspect_video" if video else "media_rule.aspect_image",
                          for_platform=target.platform,
                          severity=Severity.ERROR if video else Severity.WARNING,
                          name=platform.name, format=target.format, file=media.file,
                          found=ratio_text(facts.aspect), width=facts.width,
                          height=facts.height, allowed=_allowed(fmt))


def _allowed(fmt: FormatRule) -> str:
    low, high = ratio_text(fmt.aspect_min), ratio_text(fmt.aspect_max)
    shown = low if low == high else f"{low} – {high}"
    extra = [ratio_text(a) for a in fmt.aspect_also]
    return ", ".join([shown, *extra])


@rule("media.too_small", Severity.WARNING)
def too_small(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A picture whose crop is narrower than the recommended size will look blurred; a
    video smaller than the recommended size on both sides too."""
    index = _index(context)
    readable = _readable(post, index)
    if len(readable) != len(post.media):
        return
    for target, platform, _ in _targets(post, context):
        framings = post_framings(post, target, context.calendar.platforms,
                                 lambda m: _facts_for_poster(m, index).size)
        for position, framing in enumerate(framings):
            media = post.media[position]
            found = _small(framing, readable[position] if media.is_video else None)
            if found is not None:
                yield finding(("media", position, "file"),
                              "media_rule.video_small" if media.is_video
                              else "media_rule.too_small",
                              for_platform=target.platform, name=platform.name,
                              format=target.format, file=media.file, found=found,
                              expected=f"{framing.size[0]}x{framing.size[1]}")


def _small(framing: Framing, video: MediaFacts | None) -> str | None:
    """The size shown in the finding when the media is too small, else None. A video is
    not cropped: its own size counts; a picture's crop counts."""
    if video is not None:
        big_enough = video.width >= framing.size[0] or video.height >= framing.size[1]
        return None if big_enough else f"{video.width}x{video.height}"
    crop_w = framing.box[2] - framing.box[0]
    crop_h = framing.box[3] - framing.box[1]
    return None if crop_w >= framing.size[0] else f"{crop_w}x{crop_h}"


def _facts_for_poster(media: Media, index: MediaIndex) -> MediaFacts:
    return index.facts(media.cover if media.is_video and media.cover else media.path)


@rule("media.bytes")
def image_bytes(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """An image file within the platform's byte limit (YouTube: a warning only)."""
    index = _index(context)
    for target, platform, _ in _targets(post, context):
        for position, media in enumerate(post.media):
            if media.is_video:
                continue
            size = index.facts(media.path).bytes
            if size > platform.image_max_bytes:
                yield finding(("media", position, "file"), "media_rule.bytes",
                              for_platform=target.platform,
                              severity=Severity.WARNING if platform.image_warn_only else None,
                              name=platform.name, file=media.file, found=_megabytes(size),
                              limit=_megabytes(platform.image_max_bytes))


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",")


@rule("media.video_length")
def video_length(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A video within the format's shortest and longest length."""
    readable = _readable(post, _index(context))
    for target, platform, fmt in _targets(post, context):
        for position, facts in readable.items():
            if facts.kind != "video" or facts.seconds is None:
                continue
            too_long = fmt.max_seconds is not None and facts.seconds > fmt.max_seconds
            too_short = fmt.min_seconds is not None and facts.seconds < fmt.min_seconds
            if too_long or too_short:
                yield finding(("media", position, "file"),
                              "media_rule.too_long" if too_long else "media_rule.too_short",
                              for_platform=target.platform, name=platform.name,
                              format=target.format, file=post.media[position].file,
                              found=_seconds(facts.seconds),
                              limit=_seconds((fmt.max_seconds if too_long
                                              else fmt.min_seconds) or 0))


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")
