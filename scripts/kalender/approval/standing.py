"""The standing of a loaded post: its records read from beside it, replayed, and its
fingerprint now. The one place the approval flow reads files for a post; the state machine
(:mod:`kalender.approval.machine`) stays pure.
"""

from __future__ import annotations

from ..core.digests import DigestStore
from ..core.i18n import t
from ..core.memo import PerPost
from ..core.model import Post
from .fingerprint import fingerprint
from .machine import Standing, action_done, replay, standing_label
from .records import load_ledger


class Standings:
    """The standing of each loaded post, remembered while that post object lives, so a site
    build reads each record file and hashes each media file once per post. An object the
    caller makes and passes in (the site build keeps one for the life of ``kalender serve``:
    the loader hands back the same post object while its files did not change)."""

    def __init__(self, digests: DigestStore | None = None) -> None:
        self.digests = digests or DigestStore()
        self._known: PerPost[Standing] = PerPost()

    def of(self, post: Post) -> Standing:
        """The standing of a loaded post: its records (read beside it), its fingerprint now."""
        return self._known.get(post, lambda: self._read(post))

    def remember(self, post: Post, standing: Standing) -> None:
        """Take ``standing`` as the standing of ``post`` unless one is known already (one an
        earlier process kept for the same inputs, :mod:`kalender.approval.keptstandings`)."""
        self._known.get(post, lambda: standing)

    def _read(self, post: Post) -> Standing:
        ledger = load_ledger(post.path, post.when.tzinfo)
        return Standing(post.status, replay(ledger.records, post.platforms),
                        fingerprint(post, self.digests), post.platforms)


def standing_of(post: Post, standings: Standings | None = None) -> Standing:
    """The standing of a loaded post, through ``standings`` (else read now)."""
    return (standings or Standings()).of(post)


def effective_status(post: Post, standings: Standings | None = None) -> str:
    """The state a post shows on every page and badge: its recorded status, or ``berubah``.

    One of :data:`STATES`. ``berubah`` when the caption, hashtags, mentions, media, platforms
    or time changed after the paraf or approval the recorded status rests on.
    """
    return standing_of(post, standings).state


def effective_label(post: Post, standings: Standings | None = None) -> str:
    """The words for :func:`effective_status` (``berubah setelah disetujui``)."""
    return standing_label(standing_of(post, standings))


def changed_label(post: Post, standings: Standings | None = None) -> str:
    """``Berubah setelah disetujui``: the badge of a post whose content changed, or ``""``."""
    standing = standing_of(post, standings)
    bound = standing.bound
    if not standing.changed or bound is None:
        return ""
    return t("approval.badge.changed_after", step=action_done(bound.action))
