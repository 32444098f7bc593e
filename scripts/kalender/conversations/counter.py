"""A misinformation claim becomes a proposal (``usulan``) for the weekly meeting.

The new post is a ``materi-penyuluhan`` on the claim's platform, dated ``day`` (the next day
by default); its body quotes the claim and names the comment's key, which is how the
half-yearly report counts the posts the public's input led to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..core.atomic import write_bytes
from ..core.i18n import t
from ..core.model import Post
from ..core.new_post import NewPost, write_new_post
from ..core.problems import Problem, Report
from .answers import find_comment
from .store import conversations_of

CATEGORY, TYPE = "sewaktu-waktu", "materi-penyuluhan"


def short(text: str, limit: int = 50) -> str:
    """The claim for a title: its first words, at most ``limit`` characters."""
    words = " ".join(text.split())
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + "…"


def counter_post(root: Path, posts: Sequence[Post], zone: dt.tzinfo, key: str,
                 day: dt.date) -> tuple[Path, list[Problem]]:
    """Write the proposal countering comment ``key``; its path, or the problems (nothing
    written)."""
    conversations = list(conversations_of(posts, Report(), zone).values())
    _conversation, comment = find_comment(conversations, key)
    new = NewPost(t("conversations.counter_title", claim=short(comment.text)), day.isoformat(),
                  CATEGORY, TYPE, ((comment.platform, None),))
    path, problems = write_new_post(root, new)
    if problems:
        return path, problems
    quoted = "\n".join(f"> {line}" for line in comment.text.splitlines() or [""])
    body = t("conversations.counter_body", key=key, post=comment.post_id, claim=quoted)
    write_bytes(path, path.read_bytes() + ("\n" + body + "\n").encode("utf-8"))
    return path, []


def next_day(now: dt.datetime) -> dt.date:
    return now.date() + dt.timedelta(days=1)
