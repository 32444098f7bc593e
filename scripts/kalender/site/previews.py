"""Platform-shaped previews of every post: the view model the preview templates draw.

Pure core, no mkdocs: :func:`build_previews` takes loaded posts, the calendar data and the
rule engine's findings, makes every picture through the image pipeline (one crop function,
cached, in parallel) and returns, per post, one :class:`Preview` per platform target, plus
the Instagram profile grid. The plugin adds the pictures to the site and hands the views
to ``overrides/partials/kalender/previews.html``.

Captions are cut where the platform folds (``fold`` in ``platforms.yml``) and marked past
the limit exactly where :mod:`kalender.text.counting` says; every character is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from markupsafe import Markup, escape

from ..core.calendar_data import Account, CalendarData, Platform
from ..core.dates import full_date
from ..core.i18n import t
from ..core.memo import Memory, PerPost
from ..core.model import HASHTAG, MENTION, Media, Post, Status, Target
from ..core.postmemo import DiskMemo
from ..core.problems import Problem
from ..media.batches import cut_of
from ..media.images import Framing, MediaError, Size, crop_box, frame, post_framings
from ..media.mediacache import MakeReport, MediaFacts, MediaIndex, Rendition, RenditionCache
from ..media.shared import alike
from ..media.textzones import covered_in_file
from ..text.counting import Measurement
from .calendar_view import post_page
from .incremental import digest
from .packing import pack
from .preview_model import (  # the view model, named here as before
    AccountView,
    Count,
    FindingView,
    GridTile,
    GridView,
    Picture,
    Preview,
    Previews,
    Text,
)

if TYPE_CHECKING:  # the rules load when a preview is made, not with every build
    from ..rules.text import TextField

T = TypeVar("T")

MEDIA_FOLDER = "assets/kalender/media"  # site path of every rendered picture
PREVIEW_MAX: Size = (720, 720)  # preview pictures fit in this box (2x a 360 px wide card)
AVATAR_SIZE: Size = (96, 96)
GRID_TILE: Size = (360, 480)  # Instagram profile grid: 3:4 tiles
GRID_ASPECT = 3 / 4
GRID_PUBLISHED = 12  # published posts shown below the coming ones
UNDER_OVERLAY = "preview.under_overlay"  # a preview's own finding (it needs the picture made)


# --- caption text as HTML --------------------------------------------------------------

Span = tuple[int, int, str, str]  # start, end, CSS class, rule id ("" for plain styling)


def text_spans(text: str, measurement: Measurement,
               phrases: Iterable[tuple[int, int, str]] = ()) -> list[Span]:
    """Where ``text`` is styled: hashtags, mentions, phrases a content rule objects to
    (with the rule's id), and the part past the platform's limit."""
    spans = [(m.start(), m.end(), "kk-tag", "") for m in HASHTAG.finditer(text)]
    spans += [(m.start(), m.end(), "kk-mention", "") for m in MENTION.finditer(text)]
    spans += [(start, end, "kk-phrase", rule) for start, end, rule in phrases]
    if measurement.over_index is not None:
        spans.append((measurement.over_index, len(text), "kk-over", "text.limit"))
    return spans


def styled_html(text: str, spans: Sequence[Span], start: int, end: int) -> Markup:
    """``text[start:end]`` as escaped HTML, each styled stretch in a ``<span>``
    (``<mark>`` past the limit or on a phrase a rule objects to, with ``data-rule``).
    Line breaks stay in the text (the stylesheet keeps them)."""
    cuts = sorted({start, end, *(p for s, e, _, _ in spans for p in (s, e) if start < p < end)})
    pieces: list[tuple[tuple[str, str], str]] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [(c, r) for s, e, c, r in spans if s <= left and right <= e]
        style = (" ".join(sorted({c for c, _ in covering})),
                 " ".join(sorted({r for _, r in covering if r})))
        if pieces and pieces[-1][0] == style:  # overlapping phrases: one mark, not two
            pieces[-1] = (style, pieces[-1][1] + text[left:right])
        else:
            pieces.append((style, text[left:right]))
    return Markup("").join(_styled(classes, rules, piece) for (classes, rules), piece in pieces)


def _styled(classes: str, rules: str, piece: str) -> Markup:
    if not classes:
        return escape(piece)
    if rules:
        return Markup('<mark class="{}" data-rule="{}">{}</mark>').format(classes, rules, piece)
    return Markup('<span class="{}">{}</span>').format(classes, piece)


def text_view(item: TextField, phrases: Iterable[tuple[int, int, str]] = (),
              phone: bool = False) -> Text:
    """A text field split at its fold, styled; ``phone``: where a phone folds it (the
    previews are phone-sized; see :func:`folds_on_phone`)."""
    text = item.text.rstrip()
    spans = text_spans(text, item.measurement, phrases)
    fold = item.measurement.fold_mobile if phone else item.measurement.fold
    cut = fold if fold is not None and fold < len(text) else len(text)
    return Text(item.field, t(f"measure.field.{item.field}"),
                styled_html(text, spans, 0, cut), styled_html(text, spans, cut, len(text)),
                item.measurement)


def folds_on_phone(platform: Platform, format_id: str) -> bool:
    """Whether ``platforms.yml`` gives the caption a fold of its own on a phone
    (``fold_mobile``: Facebook folds at 125 characters there, at 477 on a computer)."""
    rule = platform.text_rule(format_id, "caption")
    return rule is not None and rule.fold_mobile is not None


def phrase_spans(text: str, calendar_folder: Path) -> list[tuple[int, int, str]]:
    """Spans of ``text`` the content rules object to, with the rule's id: from
    ``kalender.rules.content.highlights`` (the same lists ``kalender check`` reads)."""
    try:
        content = importlib.import_module("kalender.rules.content")
    except ImportError:  # the content rules are optional to the previews
        return []
    highlights = getattr(content, "highlights", None)
    if highlights is None:
        return []
    return [(int(h.start), int(h.end), str(h.rule)) for h in highlights(text, calendar_folder)]


# --- counts ---------------------------------------------------------------------------


def counts_for(post: Post, target: Target, platform: Platform,
               texts: Sequence[TextField]) -> tuple[Count, ...]:
    """Every count of one preview: each text field, hashtags, mentions, media."""
    counts = [Count(x.field, t(f"measure.field.{x.field}"), x.measurement.count,
                    x.measurement.limit, t(f"measure.method.{x.measurement.method}"),
                    not x.measurement.fits) for x in texts if x.field != "tags"]
    pasted = post.text_for(target.platform)
    tags = len({h.lower() for h in HASHTAG.findall(pasted)})
    counts.append(Count("hashtags", t("preview.count_hashtags"), tags, platform.hashtags_limit,
                        "", tags > platform.hashtags_limit, tags > platform.hashtags_warn))
    from ..rules.text import mentioned  # the rules engine only for a preview made now

    names = len(mentioned(post, pasted))
    counts.append(Count("mentions", t("preview.count_mentions"), names,
                        platform.mentions_limit, "", names > platform.mentions_limit))
    fmt = platform.formats[target.format]
    media = len(post.media)
    counts.append(Count("media", t("preview.count_media"), media, fmt.media_max, "",
                        media > fmt.media_max or (0 < media < fmt.media_min)))
    return tuple(counts)


# --- building ------------------------------------------------------------------------


def layout_of(target: Target) -> str:
    """The CSS shape of a target: ``<platform>-<format>``."""
    return f"{target.platform}-{target.format}"


def initials(name: str) -> str:
    """``JDIH KPU Kota Singkawang`` -> ``JK``."""
    letters = [w[0] for w in name.split() if w[:1].isalpha()]
    return "".join(letters[:2]).upper() or "?"


def duration_label(seconds: float | None) -> str:
    """``42.3`` -> ``0:42``; ``185`` -> ``3:05``."""
    if seconds is None:
        return ""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class PreviewBuilder:
    """Builds the previews of many posts: plans every picture, makes them all at once
    (cached, in parallel), then builds the views."""

    def __init__(self, calendar: CalendarData, index: MediaIndex,
                 cache: RenditionCache, measured: DiskMemo[Any] | None = None) -> None:
        self.calendar, self.index, self.cache = calendar, index, cache
        self.renditions: dict[str, Rendition] = {}
        self.made = MakeReport()
        self.measured = measured

    def measure(self, key: str, make: Callable[[], T]) -> T:
        """What ``make`` finds in a picture, kept under ``key`` (named by the picture's
        content) in :attr:`measured` from one build to the next."""
        return self.measured.get(key, make) if self.measured is not None else make()

    # planning -----------------------------------------------------------------------

    def facts(self, path: Path) -> MediaFacts:
        return self.index.facts(path)

    def _poster_facts(self, media: Media) -> MediaFacts:
        return self.facts(_poster(media))

    def framings(self, post: Post, target: Target) -> tuple[Framing, ...] | None:
        """The framing of each media (None when one cannot be read: no pictures then)."""
        if any(self._poster_facts(m).error or self.facts(m.path).error for m in post.media):
            return None
        return post_framings(post, target, self.calendar.platforms,
                             lambda m: self._poster_facts(m).size)

    def rendition(self, media: Media, framing: Framing, out: Size,
                  cuts: bool = False) -> Rendition:
        """Plan one picture of ``media``; the same picture is planned once. ``cuts``: a
        grid tile, whose crop is also measured for cut text when it is made."""
        poster = _poster(media)
        video = media.is_video and media.cover is None
        made = Rendition(poster, self.facts(poster).digest, framing, out, video, cuts)
        known = self.renditions.setdefault(made.key, made)
        return known if known is made or alike(known, made) else made

    def keep(self, plan: _Plan) -> None:
        """Plan again the pictures of a plan made in an earlier build (``kalender serve``)."""
        for _, _, rendition in plan.pictures:
            self.renditions.setdefault(rendition.key, rendition)

    def avatar(self, account: Account | None) -> Rendition | None:
        if account is None or account.avatar is None or not account.avatar.is_file():
            return None
        facts = self.facts(account.avatar)
        if facts.error is not None:
            return None
        box = crop_box(facts.width, facts.height, 1.0)
        framing = Framing(facts.size, box, AVATAR_SIZE)
        made = Rendition(account.avatar, facts.digest, framing, framing.output_size())
        self.renditions.setdefault(made.key, made)
        return made

    def grid_tile(self, post: Post) -> Rendition | None:
        media = post.media[0] if post.media else None
        if media is None or self._poster_facts(media).error:
            return None
        facts = self._poster_facts(media)
        box = crop_box(facts.width, facts.height, GRID_ASPECT, media.focus)
        framing = Framing(facts.size, box, GRID_TILE, media.focus or (0.5, 0.5))
        return self.rendition(media, framing, framing.output_size(), cuts=True)

    def make(self) -> MakeReport:
        """Make every planned picture (only those not cached yet are encoded)."""
        self.made = self.cache.make(self.renditions.values())
        return self.made

    def page(self, rendition: Rendition | None) -> str | None:
        if rendition is None or rendition.key not in self.made.files:
            return None
        return f"{MEDIA_FOLDER}/{rendition.name}"

    def files(self) -> dict[str, Path]:
        return {f"{MEDIA_FOLDER}/{path.name}": path for path in self.made.files.values()}


def _poster(media: Media) -> Path:
    return media.cover if media.is_video and media.cover is not None else media.path


@dataclass
class _Plan:
    """The pictures planned for one target of one post."""

    post: Post
    target: Target
    pictures: list[tuple[Media, Framing, Rendition]]
    slots: dict[int, Size] = field(default_factory=dict)  # picture index -> letterbox frame


def build_previews(posts: Sequence[Post], calendar: CalendarData,
                   findings: Mapping[str, Sequence[Problem]], index: MediaIndex,
                   cache: RenditionCache, today: dt.date,
                   memory: Memory | None = None,
                   measured: DiskMemo[Any] | None = None,
                   kept: KeptPreviews | None = None) -> Previews:
    """Every post's previews and the Instagram grid, with every picture made.

    ``memory`` (``kalender serve``) keeps each post's planned pictures and previews for the
    next build with the same post object, findings and calendar data; ``measured`` keeps
    what was found in each picture (text under an app's overlay, text cut by the grid's
    crop) for the next process, ``kept`` each post's previews."""
    builder = PreviewBuilder(calendar, index, cache, measured)
    planned, accounts, (coming, published), tiles = _plan_all(builder, posts, today, memory)
    made = builder.make()
    result = Previews(made=made, files=builder.files())
    account_views = {pid: _account_view(calendar, pid, builder.page(r))
                     for pid, r in accounts.items()}
    accounts_key = digest(account_views) if kept is not None else ""
    for post in posts:
        make = partial(_packed_previews_of, planned[post.id], calendar, builder,
                       account_views, findings)
        if kept is not None and post.id in kept.post_keys:
            # keyed only when made: under kalender serve the post object's previews are
            # in memory and the key would be worked out for nothing
            make = partial(_kept_previews_of, kept, post.id, findings, accounts_key,
                           builder, planned[post.id], make)
        shown = _remembered(memory.previews if memory else None, post, make)
        if shown:
            result.by_post[post.id] = shown
    result.grid = GridView(
        account_views.get("instagram"),
        tuple(_tile(p, builder.page(tiles[p.id]), False, _cuts(builder, p, tiles[p.id]))
              for p in coming),
        tuple(_tile(p, builder.page(tiles[p.id]), True, _cuts(builder, p, tiles[p.id]))
              for p in published),
    )
    return result


def _packed_previews_of(plans: Sequence[_Plan], calendar: CalendarData,
                        builder: PreviewBuilder, accounts: Mapping[str, AccountView],
                        findings: Mapping[str, Sequence[Problem]]) -> bytes:
    """A post's previews packed (:mod:`kalender.site.packing`; b"" for none): ten thousand
    posts' previews held as objects until their pages render weigh about 70 MB."""
    shown = _previews_of(plans, calendar, builder, accounts, findings)
    return pack(shown) if shown else b""


def planned_renditions(posts: Sequence[Post], calendar: CalendarData, index: MediaIndex,
                       cache: RenditionCache, today: dt.date,
                       memory: Memory | None = None) -> list[Rendition]:
    """Every picture :func:`build_previews` makes for ``posts``, planned as it plans them
    (and kept in ``memory`` for it): what a cold build hands its workers early."""
    builder = PreviewBuilder(calendar, index, cache)
    _plan_all(builder, posts, today, memory)
    return list(builder.renditions.values())


def _plan_all(builder: PreviewBuilder, posts: Sequence[Post], today: dt.date,
              memory: Memory | None) -> tuple[dict[str, list[_Plan]],
                                               dict[str, Rendition | None],
                                               tuple[list[Post], list[Post]],
                                               dict[str, Rendition | None]]:
    """Plan the pictures of every post, account and grid tile: the posts' plans, the
    accounts' avatars, the grid's coming and published posts, and their tiles."""
    planned: dict[str, list[_Plan]] = {}
    for post in posts:
        plans = _remembered(memory.plans if memory else None, post,
                            partial(_plans, builder, post))
        for plan in plans:
            builder.keep(plan)
        planned[post.id] = plans
    calendar = builder.calendar
    accounts = {pid: builder.avatar(a) for pid, a in calendar.satker.accounts.items()}
    coming, published = _grid_posts(posts, today, calendar)
    tiles = {p.id: _remembered(memory.tiles if memory else None, p,
                               partial(builder.grid_tile, p)) for p in (*coming, *published)}
    for tile in tiles.values():
        if tile is not None:
            builder.renditions.setdefault(tile.key, tile)
    return planned, accounts, (coming, published), tiles


@dataclass
class KeptPreviews:
    """Each post's previews kept from one process to the next, under a key made of the
    post's inputs (``post_keys``: :func:`kalender.core.postmemo.post_key` by post id), its
    findings, the accounts shown and the pictures made for it."""

    memo: DiskMemo[bytes]  # packed previews (kalender.site.packing)
    post_keys: Mapping[str, str]


def _kept_previews_of(kept: KeptPreviews, post_id: str,
                      findings: Mapping[str, Sequence[Problem]], accounts_key: str,
                      builder: PreviewBuilder, plans: Sequence[_Plan],
                      make: Callable[[], bytes]) -> bytes:
    """The previews of ``post_id``'s inputs kept by an earlier process, else made."""
    key = digest(kept.post_keys[post_id], findings.get(post_id, ()), accounts_key,
                 [builder.page(r) for plan in plans for _, _, r in plan.pictures])
    return kept.memo.get(key, make)


def _remembered(memo: PerPost[Any] | None, post: Post, make: Callable[[], T]) -> T:
    return memo.get(post, make) if memo is not None else make()


def _plans(builder: PreviewBuilder, post: Post) -> list[_Plan]:
    return [_plan(builder, post, target) for target in post.targets]


def _previews_of(plans: Sequence[_Plan], calendar: CalendarData, builder: PreviewBuilder,
                 accounts: Mapping[str, AccountView], findings: Mapping[str, Sequence[Problem]],
                 ) -> tuple[Preview, ...]:
    return tuple(_preview(plan, calendar, builder, accounts, findings) for plan in plans)


def _plan(builder: PreviewBuilder, post: Post, target: Target) -> _Plan:
    framings = builder.framings(post, target) or ()
    rule = builder.calendar.platforms[target.platform].formats[target.format]
    pictures, slots = [], {}
    for index, (shown, framed) in enumerate(zip(post.media, framings, strict=False)):
        media = shown
        if media.is_video and media.cover is not None and not rule.video_cover:
            media = replace(media, cover=None)  # X shows the video's own frame
            framed = frame(rule, builder.facts(media.path).size, media.focus)
        framing = whole_video(media, framed)
        if framing is not framed:
            slots[index] = framed.size
        rendition = builder.rendition(media, framing, out=framing.output_size(PREVIEW_MAX))
        pictures.append((media, rendition.framing, rendition))  # shared: media.shared
    return _Plan(post, target, pictures, slots)


def whole_video(media: Media, framing: Framing) -> Framing:
    """A video is shown whole: where its shape is not the frame's (a 9:16 video in X's 16:9
    post), the platform letterboxes it, it does not cut it. The framing of the whole frame,
    at the frame's height; ``framing`` itself for a picture or a video of the frame's shape."""
    width, height = framing.source
    if not media.is_video or media.cover is not None or not height \
            or abs(width / height / framing.aspect - 1) < 0.01:
        return framing
    tall = framing.size[1]
    return replace(framing, box=(0, 0, width, height),
                   size=(max(1, round(tall * width / height)), tall))


def _account_view(calendar: CalendarData, pid: str, avatar: str | None) -> AccountView:
    account = calendar.satker.accounts.get(pid)
    if account is None:
        name = calendar.satker.short_name
        return AccountView(calendar.satker.slug, name, None, initials(name))
    return AccountView(account.handle, account.name, avatar, initials(account.name))


def _preview(plan: _Plan, calendar: CalendarData, builder: PreviewBuilder,
             accounts: Mapping[str, AccountView], findings: Mapping[str, Sequence[Problem]],
             ) -> Preview:
    from ..rules.text import target_texts  # the rules engine only for a preview made now

    post, target = plan.post, plan.target
    platform = calendar.platforms[target.platform]
    texts = [x for x in target_texts(post, target, platform) if x.field != "tags"]
    phone = folds_on_phone(platform, target.format)
    shown = tuple(text_view(x, phrase_spans(x.text, calendar.folder), phone) for x in texts)
    own = [p for p in findings.get(post.id, ()) if concerns(p, target.platform)]
    covered = _under_overlay(plan, platform, builder)
    return Preview(
        post_id=post.id, platform=target.platform, platform_name=platform.name,
        format=target.format, format_label=t(f"preview.format.{target.format}"),
        layout=layout_of(target),
        account=accounts.get(target.platform) or _account_view(calendar, target.platform, None),
        texts=shown, fold_link=platform.fold_link,
        pictures=tuple(_picture(builder, m, f, r, plan.slots.get(i))
                       for i, (m, f, r) in enumerate(plan.pictures)),
        counts=counts_for(post, target, platform, texts),
        findings=(*(_finding(p) for p in own), *covered), date_label=_short_date(post),
        broken=bool(post.media) and not plan.pictures,
    )


def _under_overlay(plan: _Plan, platform: Platform,
                   builder: PreviewBuilder) -> tuple[FindingView, ...]:
    """A warning when the first picture has text where the app lays its caption or its
    buttons (the format's ``overlay`` in platforms.yml; kalender.textzones finds the text)."""
    overlay = platform.formats[plan.target.format].overlay
    if overlay is None or not plan.pictures:
        return ()
    path = builder.made.files.get(plan.pictures[0][2].key)
    covered = (builder.measure(f"covered {path.name} {overlay!r}",
                               partial(covered_in_file, path, overlay))
               if path is not None else None)
    if not covered:
        return ()
    zones = t("approval.or").join(t(f"preview.zone.{z}") for z in covered.zones)
    return (FindingView(UNDER_OVERLAY, "warning", t("check.warning"),
                        t("preview.under_overlay", name=platform.name, zones=zones,
                          format=t(f"preview.format.{plan.target.format}"))),)


def concerns(problem: Problem, platform: str) -> bool:
    """Whether a finding belongs on ``platform``'s preview: it names that platform, or it
    is about the post's media (a damaged file leaves every preview without its picture)."""
    if problem.platform is not None:
        return problem.platform == platform
    return problem.code.startswith("media.")


def _picture(builder: PreviewBuilder, media: Media, framing: Framing,
             rendition: Rendition, slot: Size | None = None) -> Picture:
    facts = builder.facts(media.path)
    return Picture(builder.page(rendition), media.alt, rendition.out[0], rendition.out[1],
                   framing, media.is_video,
                   duration_label(facts.seconds) if media.is_video else "", slot)


def _finding(problem: Problem) -> FindingView:
    return FindingView(problem.code, problem.severity.value,
                       t(f"check.{problem.severity.value}"), problem.message)


def _short_date(post: Post) -> str:
    return full_date(post.date)


def _grid_posts(posts: Sequence[Post], today: dt.date,
                calendar: CalendarData) -> tuple[list[Post], list[Post]]:
    """Instagram posts still to come (not uploaded, today or later) and the latest
    uploaded ones, each newest first (only formats that stay on the grid: ``grid: true``
    in ``platforms.yml``)."""
    instagram = calendar.platforms.get("instagram")
    grid = {f.id for f in instagram.formats.values() if f.grid} if instagram else set()
    on_grid = [p for p in posts
               if (ig := p.target("instagram")) is not None and ig.format in grid]
    coming = [p for p in on_grid if p.status is not Status.DIUNGGAH and p.date >= today]
    published = [p for p in on_grid if p.status is Status.DIUNGGAH]
    newest = sorted(published, key=lambda p: p.when, reverse=True)[:GRID_PUBLISHED]
    return sorted(coming, key=lambda p: p.when, reverse=True), newest


def _tile(post: Post, page: str | None, published: bool, cut: bool = False) -> GridTile:
    media = post.media[0] if post.media else None
    target = post.target("instagram")
    return GridTile(post.id, post_page(post.id), page, media.alt if media else post.title,
                    post.title, _short_date(post), published,
                    target.format if target else "feed", cut)


def _cuts(builder: PreviewBuilder, post: Post, tile: Rendition | None) -> bool:
    """Whether the grid's 3:4 crop around the focus cuts through the picture's text (a
    picture, or a video's cover; a video's own frame is not measured)."""
    if tile is None or tile.video:
        return False
    known = builder.cache.cut(tile)  # measured in the worker when the tile was made
    if known is not None:
        return known
    return builder.measure(f"cut {tile.key}", partial(_cut_of, tile))


def _cut_of(tile: Rendition) -> bool:
    """A tile made by an older build: measured now, on the decode the tile is made from."""
    try:
        return cut_of(tile)
    except MediaError:
        return False

