"""A page's HTML joined a few thousand pieces at a time.

Jinja renders a page as a stream of small strings and joins them at the end
(``Environment.concat``, ``"".join``), which first makes a list of every piece. The list of a
year of posts yields about half a million pieces for 11 MB of HTML: held all at once they
weigh several times the page, the highest point of a build's memory. Joined in batches, only
the joined text and one batch are held; the page is the same string.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

BATCH = 4096  # pieces joined at a time


def joined(pieces: Iterable[str]) -> str:
    """``"".join(pieces)``, holding at most :data:`BATCH` separate pieces at a time.

    The batches are taken by ``islice`` (in C): every macro call of a template is joined
    here too, a few million pieces per build, so a Python step per piece would cost more
    than the joining itself."""
    stream = iter(pieces)
    batch = list(islice(stream, BATCH))
    if len(batch) < BATCH:
        return "".join(batch)
    parts = ["".join(batch)]
    while batch := list(islice(stream, BATCH)):
        parts.append("".join(batch))
    return "".join(parts)
