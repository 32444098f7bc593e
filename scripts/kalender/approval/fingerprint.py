"""The fingerprint of a post: a SHA-256 over exactly what gets published.

An approval binds to this fingerprint. What counts (docs/persetujuan.md):

- for every platform target, in platform order: the platform, its format, the exact text to
  paste (:meth:`~kalender.core.model.Post.text_for`, hashtags included) and the title where the
  platform has one (YouTube, TikTok);
- the hashtags and the mentions;
- every media file in order: the SHA-256 of its bytes, its alt text (published as alt text)
  and the bytes of its cover;
- the scheduled time (with its offset), or the day alone when the time is not fixed.

The serialisation is canonical JSON (sorted keys, no spaces, UTF-8), prefixed with a version,
so the same content always gives the same fingerprint on every machine. A file's name, its
line endings, its comments, its body (the notes under the front matter) and its ``status``
do not count: changing them does not void an approval.

A media file's digest comes from :func:`kalender.core.digests.file_sha256`: read again whenever the
file's size, inode, modification or change time differ, and remembered only for a file whose
times are settled, so a one-pixel edit saved in the same clock tick is never missed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..core.digests import DigestStore, file_sha256
from ..core.model import Media, Post

__all__ = ["canonical", "file_sha256", "fingerprint", "short"]

VERSION = "kalender-sidik-1"
SHORT = 12  # hex digits shown on pages and on the approval sheet


def fingerprint(post: Post, digests: DigestStore | None = None) -> str:
    """The SHA-256 (64 hex digits) of what ``post`` publishes (media hashed through
    ``digests``, else read now)."""
    return hashlib.sha256(canonical(post, digests)).hexdigest()


def short(value: str) -> str:
    """The first digits of a fingerprint, as shown to people (``3f2a91c07b1e``)."""
    return value[:SHORT]


def canonical(post: Post, digests: DigestStore | None = None) -> bytes:
    """The canonical serialisation the fingerprint is taken over."""
    content = {
        "version": VERSION,
        "targets": [_target(post, t.platform, t.format) for t in post.targets],
        "hashtags": list(post.hashtags),
        "mentions": list(post.mentions),
        "media": [_media(m, digests or DigestStore()) for m in post.media],
        "when": post.when.isoformat() if post.time_fixed else post.date.isoformat(),
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _target(post: Post, platform: str, fmt: str) -> dict[str, Any]:
    return {"platform": platform, "format": fmt, "text": post.text_for(platform),
            "title": post.caption_for(platform).title}


def _media(media: Media, digests: DigestStore) -> dict[str, Any]:
    return {"sha256": digests.sha256(media.path), "alt": media.alt,
            "cover": digests.sha256(media.cover) if media.cover else None}


