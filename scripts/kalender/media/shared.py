"""One rendition object for the same picture planned for many posts.

A post's previews plan, per platform and picture, a :class:`~kalender.media.images.Framing`
and a :class:`~kalender.media.mediacache.Rendition` (the picture to make), and ``kalender
serve`` keeps every post's plans from one build to the next. Posts that show the same
picture the same way (a logo, a banner, the same photo in a series; the bench's 10,000
posts share 20 photos) planned equal objects each: some 6 MB at N = 10,000 of sizes, crop
boxes and renditions, each with its own tuples and integers (issue 23, branch
``memory11``). A build now hands back the rendition it planned first when the new one is
:func:`alike`, and the post's plan holds that rendition's framing.
"""

from __future__ import annotations

from .images import Framing
from .mediacache import Rendition


def alike(one: Rendition, other: Rendition) -> bool:
    """Whether ``one`` can stand for ``other``: equal in every field, and each number of
    their framings of the same type (``(0, 1)`` and ``(0.0, 1.0)`` are equal, but a page
    may print them apart)."""
    return one == other and _numbers(one.framing) == _numbers(other.framing)


def _numbers(framing: Framing) -> tuple[type, ...]:
    return tuple(type(n) for n in (*framing.source, *framing.box, *framing.size, *framing.focus))
