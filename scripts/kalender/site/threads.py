"""A comment thread without comments, rendered once per build instead of once per page.

Every post page shows a comment thread per platform preview and one on the whole post
(``approval_macros.html``, macro ``thread``). Most threads have no comment yet, and then the
macro writes the same HTML on every page: a heading with the platform's name, a count of
nought and the "no comments" line; it does not write the post or anything of the page. At a
thousand posts that is about two and a half thousand macro calls per build, each asking the
catalog three times with parameters. :class:`KeptThreads` keeps that HTML by the platform
and its name for one build (the words do not change within a build); a thread with
comments is rendered by the macro every time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from markupsafe import Markup

Thread = Callable[..., Any]  # approval_macros.html's thread(comments, post, platform, name)


class KeptThreads:
    """``kept_threads(ka.thread)`` in the templates: the page's ``thread`` macro, with the
    empty threads of this build kept (a new object per build)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], Markup] = {}

    def __call__(self, macro: Thread) -> Thread:
        return partial(self.thread, macro)

    def thread(self, macro: Thread, comments: Any, post_id: str, platform: str = "",
               platform_name: str = "") -> Any:
        """``macro(comments, post_id, platform, platform_name)``, kept when there is no
        comment (a list or tuple, as the approval views give them)."""
        if not isinstance(comments, (list, tuple)) or comments:
            return macro(comments, post_id, platform, platform_name)
        key = (platform, platform_name)
        kept = self.kept.get(key)
        if kept is None:
            kept = self.kept[key] = Markup(macro(comments, post_id, platform, platform_name))
        return kept
