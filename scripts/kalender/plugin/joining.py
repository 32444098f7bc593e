"""A page's HTML joined a few thousand pieces at a time.

Jinja renders a page as a stream of small strings and joins them at the end
(``Environment.concat``, ``"".join``), which first makes a list of every piece. The list of a
year of posts yields about half a million pieces for 11 MB of HTML: held all at once they
weigh several times the page, the highest point of a build's memory. Joined in batches, only
the joined text and one batch are held; the page is the same string.
"""

from __future__ import annotations

from collections.abc import Iterable

BATCH = 4096  # pieces joined at a time


def joined(pieces: Iterable[str]) -> str:
    """``"".join(pieces)``, holding at most :data:`BATCH` separate pieces at a time."""
    parts: list[str] = []
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= BATCH:
            parts.append("".join(batch))
            batch.clear()
    if not parts:
        return "".join(batch)
    parts.append("".join(batch))
    return "".join(parts)
