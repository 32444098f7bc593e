"""The live preview of the editor: what the build shows for a post, from text not yet saved.

Each platform's texts are measured, folded and styled by :mod:`kalender.site.previews` (the
functions the site's previews use: :func:`~kalender.site.previews.text_view`,
:func:`~kalender.site.previews.counts_for`), and the findings come from the same rules as
``kalender check`` (:func:`kalender.rules.check_post`). The styled texts are the build's own
escaped HTML; the page puts them in as the site's preview pages do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.calendar_data import CalendarData
from ..core.model import Post
from ..core.problems import Problem
from ..rules import Context, check_post
from ..rules.text import target_texts
from ..site.previews import concerns, counts_for, folds_on_phone, phrase_spans, text_view
from .post_edits import finding_fields


def preview_of(post: Post, calendar: CalendarData, others: Sequence[Post],
               loading: Sequence[Problem], text: str) -> dict[str, Any]:
    """Per platform: the texts as shown, the counts against their limits, the findings."""
    problems = [*loading, *check_post(post, Context(calendar, (*others, post)))]
    previews = []
    for target in post.targets:
        platform = calendar.platforms[target.platform]
        texts = [x for x in target_texts(post, target, platform) if x.field != "tags"]
        phone = folds_on_phone(platform, target.format)
        shown = [text_view(x, phrase_spans(x.text, calendar.folder), phone) for x in texts]
        previews.append({
            "platform": target.platform, "name": platform.name, "format": target.format,
            "texts": [{"field": s.field, "label": s.label, "head": str(s.head),
                       "rest": str(s.rest)} for s in shown],
            "counts": [{"kind": c.kind, "label": c.label, "shown": c.shown, "over": c.over,
                        "warn": c.warn} for c in counts_for(post, target, platform, texts)],
            "findings": [finding_fields(p, text) for p in problems if concerns(p, target.platform)],
        })
    general = [finding_fields(p, text) for p in problems if p.platform is None
               and not p.code.startswith("media.")]
    return {"previews": previews, "findings": general}

