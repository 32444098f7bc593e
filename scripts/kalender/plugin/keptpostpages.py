"""``kalender serve``: the keys of the post pages kept from one rebuild to the next while
what each is made of is the same objects.

A post page's key (:func:`kalender.site.incremental.page_key`) is made of what all pages
share, the page's path, its Markdown source, the post's id and the post's ``page`` digest
(every view of it: :meth:`kalender.plugin.site_plugin.KalenderPlugin._post_digests`). At
N = 10,000 every rebuild asked each of 10,000 post pages for its data and compared it with
the last rebuild's (:mod:`kalender.plugin.keptkeys`): about a tenth of a caption edit's
rebuild, for two or three pages that changed (issue 23, branch ``serve14``). Here a post
page's key is the last rebuild's when its site file is the same object with the same source
object (:mod:`kalender.plugin.keptfiles` keeps a file while its source and paths are the
same), its view is the same object (a post's view is the same object while the post is:
:class:`kalender.core.memo.PerPost`; the loader gives a post a new object when its file,
records or media changed), its post's ``page`` digest is equal, what all pages share is equal
and the posts are the same ids (a page's key names the posts whose ids appear in its data).
Anything else keys the page as before. ``kalender build`` keys every page anew.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.structure.files import File

from ..site.views import PostView, View

Known = tuple[File, object, PostView, str, str]  # file, source, view, post digest, key


class KeptPostPages:
    """The post pages' keys of the last rebuild, with what each was made of."""

    def __init__(self) -> None:
        self.known: dict[str, Known] = {}
        self.now: dict[str, Known] = {}
        self.shared = ""
        self.ids: frozenset[str] = frozenset()
        self.views: Mapping[str, View] = {}
        self.digests: Mapping[str, str] = {}
        self.reused = 0  # post pages of this build whose key was the last build's (tests)

    def start(self, shared: str, views: Mapping[str, View], digests: Mapping[str, str],
              ids: frozenset[str]) -> KeptPostPages:
        """A new build with the pages' ``views``, the posts' ``page`` ``digests`` and the
        post ``ids``: the keys kept are forgotten when what all pages share or the posts'
        ids changed."""
        self.known, self.now = self.now, {}
        if shared != self.shared or (ids is not self.ids and ids != self.ids):
            self.known = {}
        self.shared, self.ids, self.views, self.digests = shared, ids, views, digests
        self.reused = 0
        return self

    def key(self, file: File) -> str | None:
        """The last build's key of ``file``'s page when it is made of the same, else None."""
        known = self.known.pop(file.src_uri, None)
        if known is None or known[0] is not file or file._content is not known[1]:
            return None
        view = known[2]
        if (self.views.get(file.src_uri) is not view
                or self.digests.get(view.entry.id) != known[3]):
            return None
        self.now[file.src_uri] = known
        self.reused += 1
        return known[4]

    def keyed(self, file: File, key: str) -> None:
        """``file``'s page was keyed anew as ``key``: kept for the next build if a post's."""
        view = self.views.get(file.src_uri)
        if isinstance(view, PostView) and file._content is not None:
            digest = self.digests.get(view.entry.id)
            if digest is not None:
                self.now[file.src_uri] = (file, file._content, view, digest, key)

    def end(self) -> None:
        """The build's views and digests let go (the kept ones are in :attr:`now`)."""
        self.views, self.digests = {}, {}
