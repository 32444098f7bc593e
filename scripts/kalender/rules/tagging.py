"""Tagging (SOP E.1, step c: upload content *with tagging*): the office's mandatory hashtags
(``hashtags`` in ``calendar/satker.yml``) appear on every platform, within its limit.

Every platform the SOP names shows hashtags. On YouTube they are read from the description
(YouTube shows the first three above the title); the separate ``tags`` field is not shown
to viewers, so it does not count.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.i18n import t
from ..core.model import HASHTAG, Post
from ..core.problems import Problem, Severity
from .registry import Context, Finding, project_finding, project_rule, rule
from .wording import Key, Wording, satker_line, stage_severity, wordings


@rule("tagging.mandatory", Severity.ERROR)
def mandatory_hashtags(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Each mandatory hashtag is in each platform's text (or in the post's ``hashtags``)."""
    severity = stage_severity(post.status)
    mandatory = context.calendar.satker.hashtags
    if severity is None or not mandatory:
        return
    for wording in wordings(post, context):
        if wording.platform is None:
            continue
        present = {tag.casefold() for tag in HASHTAG.findall(wording.text)}
        missing = [tag for tag in mandatory if tag.casefold() not in present]
        if missing:
            yield finding(_key(post, wording), "content.hashtags_missing", severity=severity,
                          for_platform=wording.platform, where=wording.where,
                          missing=" ".join(f"#{tag}" for tag in missing),
                          room=_room(context, wording.platform, len(present), len(missing)))


def _key(post: Post, wording: Wording) -> Key:
    """Where to add them: ``hashtags`` when written, else the caption, else ``platforms``."""
    for key in (("hashtags",), wording.caption_key):
        if ".".join(map(str, key)) in post.lines:
            return key
    return ("platforms",)


def _room(context: Context, platform_id: str, present: int, missing: int) -> str:
    """A hint when adding the missing tags would pass the platform's limit."""
    limit = context.calendar.platforms[platform_id].hashtags_limit
    if present + missing <= limit:
        return ""
    return t("content.hashtags_make_room", limit=limit)


@project_rule("tagging.budget")
def hashtag_budget(context: Context) -> Iterator[Problem]:
    """The mandatory hashtags alone fit every platform: within its limit (else an error) and
    within its advice (else a warning)."""
    count = len(context.calendar.satker.hashtags)
    if not count:
        return
    path, line = satker_line(context, "hashtags")
    for platform in context.calendar.platforms.values():
        if count > platform.hashtags_limit:
            yield project_finding("tagging.budget", path, line, "content.hashtags_over_limit",
                                  name=platform.name, count=count,
                                  limit=platform.hashtags_limit)
        elif count > platform.hashtags_warn:
            yield project_finding("tagging.budget", path, line, "content.hashtags_over_advice",
                                  severity=Severity.WARNING, name=platform.name, count=count,
                                  limit=platform.hashtags_warn)
