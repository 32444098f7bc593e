"""Platform rules: text limits, hashtags, mentions and media counts, read from platforms.yml."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.model import Post
from ..core.problems import Problem, Severity
from .registry import Context, Finding, rule


@rule("media.count")
def media_count(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """The number of media fits the format (e.g. X: at most 4 images)."""
    for target in post.targets:
        fmt = context.calendar.platforms[target.platform].formats[target.format]
        count = len(post.media)
        if post.status.value in ("usulan", "draf") and count == 0:
            continue
        if count < fmt.media_min or count > fmt.media_max:
            # no media at all: point at the platforms line, where the format was chosen
            where = ("media",) if post.media else ("platforms",)
            yield finding(where, "rule.media_count", for_platform=target.platform,
                          name=context.calendar.platforms[target.platform].name,
                          format=target.format, count=count, min=fmt.media_min,
                          max=fmt.media_max)


@rule("hashtags.count", Severity.WARNING)
def hashtag_count(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Hashtags: a warning above the platform's advice, an error above its limit."""
    from ..core.model import HASHTAG

    for target in post.targets:
        platform = context.calendar.platforms[target.platform]
        count = len({h.lower() for h in HASHTAG.findall(post.text_for(target.platform))})
        if count > platform.hashtags_limit:
            yield finding(("hashtags",), "rule.hashtags_limit", for_platform=target.platform,
                          severity=Severity.ERROR, name=platform.name, count=count,
                          limit=platform.hashtags_limit)
        elif count > platform.hashtags_warn:
            yield finding(("hashtags",), "rule.hashtags_warn", for_platform=target.platform,
                          name=platform.name, count=count, limit=platform.hashtags_warn)
