"""Text rules: every text field within its platform's limit, no forbidden characters, and not
too many accounts mentioned. One engine: :func:`target_texts` gives the previews the very
measurements that ``kalender check`` judges.

What is measured, per target (the fields are the ``text:`` rules of the format in
``calendar/platforms.yml``):

- ``caption``: :meth:`Post.text_for` (the caption, then the hashtags not yet in it), what is
  pasted. On a format that also has a title (YouTube, TikTok photo) it is the description.
- ``title``: the platform's own title (``captions.<platform>.title``), else the post's ``title``.
- ``tags`` (YouTube): the hashtags without ``#``, joined by commas (``JDIHKPU,Pemilu``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.calendar_data import Platform
from ..core.i18n import language, t
from ..core.model import MENTION, Post, Target
from ..core.problems import Problem
from ..text.counting import Measurement, field_of, forbidden_in, grouped, measure_with
from .registry import Context, Finding, rule


@dataclass(frozen=True)
class TextField:
    """One text field of a post on one target: the text, its front-matter key, its measure."""

    field: str  # caption | title | description | tags
    text: str
    key: tuple[str | int, ...]  # the front-matter key a finding points at
    measurement: Measurement
    forbidden: tuple[str, ...]  # forbidden characters found in the text


def target_texts(post: Post, target: Target, platform: Platform) -> list[TextField]:
    """Every text field of ``post`` on ``target``, measured as ``platform`` counts it."""
    fields = []
    for name, text_rule in platform.formats[target.format].text.items():
        field = field_of(name, platform, target.format)
        text, key = _field_text(post, target.platform, name)
        fields.append(TextField(
            field=field, text=text, key=key,
            measurement=measure_with(text, text_rule, target.platform, target.format, field),
            forbidden=forbidden_in(text, text_rule.forbid)))
    return fields


def _field_text(post: Post, platform_id: str, name: str) -> tuple[str, tuple[str | int, ...]]:
    if name == "title":
        own = post.captions.get(platform_id)
        if own is not None and own.title:
            return own.title, ("captions", platform_id, "title")
        return post.title, ("title",)
    if name == "tags":
        return ",".join(post.hashtags), ("hashtags",)
    return post.text_for(platform_id), _caption_key(post, platform_id)


def _caption_key(post: Post, platform_id: str) -> tuple[str | int, ...]:
    own = post.captions.get(platform_id)
    if own is not None and own.text:
        if own.title is not None or isinstance(_own_caption_meta(post, platform_id), dict):
            return ("captions", platform_id, "description")
        return ("captions", platform_id)
    return ("caption",) if post.caption.strip() else ("hashtags",)


def _own_caption_meta(post: Post, platform_id: str) -> object:
    captions = post.meta.get("captions")
    return captions.get(platform_id) if isinstance(captions, dict) else None


def mentioned(post: Post, text: str) -> list[str]:
    """The accounts ``text`` and the post's ``mentions`` name, each once (case ignored)."""
    names: dict[str, str] = {}
    for name in [*(m.rstrip(".") for m in MENTION.findall(text)), *post.mentions]:
        names.setdefault(name.lower(), name)
    return list(names.values())


def _labels(measurement: Measurement) -> dict[str, Any]:
    lang = language()
    return {
        "field": t(f"measure.field.{measurement.field}"),
        "method": t(f"measure.method.{measurement.method}"),
        "count": grouped(measurement.count, lang), "limit": grouped(measurement.limit, lang),
        "over": grouped(measurement.over_by, lang),
    }


@rule("text.limit")
def text_limit(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Each text field fits its platform's limit, counted the platform's way."""
    for target in post.targets:
        platform = context.calendar.platforms[target.platform]
        for item in target_texts(post, target, platform):
            if not item.measurement.fits:
                yield finding(item.key, "text_rule.limit", for_platform=target.platform,
                              name=platform.name, format=target.format,
                              **_labels(item.measurement))


@rule("text.forbidden_chars")
def forbidden_chars(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """No character the platform refuses (YouTube: ``<`` and ``>``)."""
    for target in post.targets:
        platform = context.calendar.platforms[target.platform]
        for item in target_texts(post, target, platform):
            if item.forbidden:
                yield finding(item.key, "text_rule.forbidden", for_platform=target.platform,
                              name=platform.name, format=target.format,
                              field=t(f"measure.field.{item.field}"),
                              chars=", ".join(f"'{ch}'" for ch in item.forbidden))


@rule("mentions.count")
def mentions_count(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Accounts mentioned (in the text and in ``mentions``) within the platform's limit."""
    for target in post.targets:
        platform = context.calendar.platforms[target.platform]
        names = mentioned(post, post.text_for(target.platform))
        if len(names) > platform.mentions_limit:
            key = ("mentions",) if post.mentions else _caption_key(post, target.platform)
            yield finding(key, "text_rule.mentions", for_platform=target.platform,
                          name=platform.name, count=len(names),
                          limit=platform.mentions_limit)
