"""The view model of a post's previews: what the preview templates draw, as plain data
(built by :mod:`kalender.site.previews`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..core.i18n import language
from ..media.images import Framing, Size
from ..media.mediacache import MakeReport
from ..text.counting import Measurement, grouped
from .packing import unpack

# --- the view model -------------------------------------------------------------------


@dataclass(frozen=True)
class AccountView:
    """The office's account as a preview shows it: handle, name and profile picture."""

    handle: str
    name: str
    avatar: str | None  # site page of the profile picture
    initials: str


@dataclass(frozen=True)
class Picture:
    """One media of a preview: the rendered picture (site page) and how it was framed."""

    page: str | None  # None when the file could not be read (the finding says why)
    alt: str
    width: int
    height: int
    framing: Framing
    is_video: bool = False
    duration: str = ""  # "0:42" for a video
    slot: Size | None = None  # a video shown whole, letterboxed in a frame of this size

    @property
    def letterboxed(self) -> bool:
        return self.slot is not None

    @property
    def crop(self) -> str:
        """``left,top,right,bottom`` in source pixels (``data-crop``)."""
        return ",".join(str(v) for v in self.framing.box)

    @property
    def aspect(self) -> str:
        """The CSS ``aspect-ratio`` of the picture, from the recommended size (of the frame
        a letterboxed video sits in)."""
        width, height = self.slot or self.framing.size
        return f"{width} / {height}"

    @property
    def position(self) -> str:
        """CSS ``object-position`` that keeps the focal point in view when a layout crops
        the picture further (X and Facebook grids)."""
        box, (fx, fy) = self.framing.box, self.framing.focus
        sx, sy = self.framing.source
        x = _share(fx * sx - box[0], box[2] - box[0])
        y = _share(fy * sy - box[1], box[3] - box[1])
        return f"{x:.0f}% {y:.0f}%"


def _share(offset: float, length: int) -> float:
    return max(0.0, min(100.0, 100 * offset / length)) if length else 50.0


@dataclass(frozen=True)
class Text:
    """A text field as the platform shows it: the part before the fold, the rest behind
    the fold link, both escaped HTML with hashtags, mentions and marks styled."""

    field: str
    label: str
    head: Markup
    rest: Markup
    measurement: Measurement

    @property
    def folded(self) -> bool:
        return bool(self.rest)


@dataclass(frozen=True)
class Count:
    """One count on a preview against its limit (``data-count``)."""

    kind: str  # caption | title | description | tags | hashtags | mentions | media
    label: str
    used: int
    limit: int
    unit: str
    over: bool
    warn: bool = False

    @property
    def shown(self) -> str:
        lang = language()
        return f"{grouped(self.used, lang)}/{grouped(self.limit, lang)}"


@dataclass(frozen=True)
class FindingView:
    """A finding of the rule engine on this post and platform (``data-rule``)."""

    rule: str
    severity: str
    severity_label: str
    message: str


@dataclass(frozen=True)
class Preview:
    """One platform target of a post, shaped like that platform's post in that format."""

    post_id: str
    platform: str
    platform_name: str
    format: str
    format_label: str
    layout: str  # the CSS shape: instagram-feed, x-post, tiktok-video, ...
    account: AccountView
    texts: tuple[Text, ...]
    fold_link: str
    pictures: tuple[Picture, ...]
    counts: tuple[Count, ...]
    findings: tuple[FindingView, ...]
    date_label: str
    broken: bool = False  # the post has media, but a file cannot be read (see findings)

    @property
    def caption(self) -> Text | None:
        return next((x for x in self.texts if x.field in ("caption", "description")), None)

    @property
    def title(self) -> Text | None:
        return next((x for x in self.texts if x.field == "title"), None)

    @property
    def warning(self) -> bool:
        """Show the warning badge: a finding, or a count past its limit."""
        return bool(self.findings) or any(c.over for c in self.counts)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def grid(self) -> str:
        """``1`` to ``4``, or ``many``: which multi-picture layout the platform uses."""
        count = len(self.pictures)
        return str(count) if count <= 4 else "many"

    @property
    def hidden_pictures(self) -> int:
        """Pictures past the fourth (a Facebook grid shows "+N")."""
        return max(0, len(self.pictures) - 4)


@dataclass(frozen=True)
class GridTile:
    """One tile of the Instagram profile grid."""

    post_id: str
    post: str  # the post's page in the site
    page: str | None  # picture
    alt: str
    title: str
    date_label: str
    published: bool
    format: str
    cut: bool = False  # the 3:4 tile cuts through the picture's own text


@dataclass(frozen=True)
class GridView:
    """The Instagram profile grid: coming posts first (newest first), then published."""

    account: AccountView | None
    coming: tuple[GridTile, ...]
    published: tuple[GridTile, ...]


@dataclass
class Previews:
    """Every preview of a site, the pictures to add to it and what the cache did."""

    # post id -> its previews, packed (kalender.site.packing): unpacked when a page shows them
    by_post: dict[str, bytes] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # site page -> cached picture
    grid: GridView | None = None
    made: MakeReport = field(default_factory=MakeReport)
    _last: tuple[str, tuple[Preview, ...]] = field(  # a post page asks twice in a row
        default=("", ()), repr=False, compare=False)

    def of(self, post_id: str) -> tuple[Preview, ...]:
        """The previews of one post (none for an unknown post)."""
        if self._last[0] == post_id:
            return self._last[1]
        packed = self.by_post.get(post_id)
        shown: tuple[Preview, ...] = unpack(packed) if packed else ()
        self._last = (post_id, shown)
        return shown

    def packed(self, post_id: str) -> bytes:
        """The previews of one post as packed bytes (b"" for none): the same object from
        one build of ``kalender serve`` to the next while the previews are the same."""
        return self.by_post.get(post_id, b"")
