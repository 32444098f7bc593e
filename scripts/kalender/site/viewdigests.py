"""A view shown on several pages, keyed once per build (issue 23, branch ``serve6``).

A week's view is on its own page and on the meeting pages of that week and the week before:
the key of each of those pages (:func:`kalender.site.incremental.page_key`) walked it for
the posts it shows and pickled it again, three times per week at every build. A
:class:`Digested` stands for the view in a page's data: the digest of the view and the
post ids it shows, in the order :func:`~kalender.site.incremental.posts_in` finds them, so
a page's key still changes exactly when the view or a post it shows does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .incremental import digest, posts_in


@dataclass(frozen=True, slots=True)
class Digested:
    """A view in a page's key: its digest and the ids of the posts it shows."""

    digest: str
    posts: tuple[str, ...]


class ViewDigests:
    """The :class:`Digested` of each view object, for one build (the views are kept alive
    here, so an id stays their own)."""

    def __init__(self, post_ids: Mapping[str, object]) -> None:
        self.post_ids = post_ids
        self.known: dict[int, tuple[object, Digested]] = {}

    def of(self, view: object) -> Digested | None:
        if view is None:
            return None
        known = self.known.get(id(view))
        if known is None or known[0] is not view:
            known = self.known[id(view)] = (
                view, Digested(digest(view), tuple(posts_in(view, self.post_ids))))
        return known[1]
