"""The team's calendar data in ``calendar/``: the office, its team and the platform rules.

Platform rules live here as data (``platforms.yml``), never in code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .datafile import read_data_file
from .problems import Report
from .schema import Field, suggestion
from .stages import ProductToAnnounce, Stage, load_products, load_stages
from .yamlsrc import Located

ROLES = ("staf", "kasubbag", "divisi", "pimpinan")
COUNTS = ("characters", "weighted", "utf16", "utf8")
MEDIA_KINDS = ("image", "video")


@dataclass(frozen=True)
class TextRule:
    """The limit of one text field of a platform, how it is counted and where it folds."""

    limit: int
    count: str = "characters"
    fold: int | None = None
    fold_mobile: int | None = None
    forbid: str = ""


@dataclass(frozen=True)
class Overlay:
    """What an app lays over a full-screen picture (Reels, TikTok, Shorts), as shares of the
    frame: the caption block along the bottom, and the rail of buttons at the right from
    ``rail_top`` down."""

    bottom: float
    right: float
    rail_top: float


@dataclass(frozen=True)
class FormatRule:
    """One format of a platform (feed, reel, ...): its media and its pixel sizes."""

    id: str
    media_min: int
    media_max: int
    kinds: tuple[str, ...]
    aspect_min: float
    aspect_max: float
    aspect_also: tuple[float, ...]
    sizes: tuple[tuple[int, int], ...]
    text: dict[str, TextRule]
    max_video: int | None = None
    min_seconds: float | None = None
    max_seconds: float | None = None
    thumbnail: tuple[int, int] | None = None
    video_cover: bool = True  # False: the platform shows a video's own frame, not a cover
    overlay: Overlay | None = None  # where the app lays its caption and buttons on the picture
    same_size: bool = False  # every item takes the first item's size (a carousel's slides)
    grid: bool = False  # the post stays on the profile grid (Instagram feed, not a story)

    @property
    def aspects(self) -> tuple[float, ...]:
        """The aspect ratios (width / height) of the recommended sizes."""
        return tuple(w / h for w, h in self.sizes)


@dataclass(frozen=True)
class Platform:
    """A social-media platform and its rules, as written in ``platforms.yml``."""

    id: str
    name: str
    icon: str  # the site's icon of the platform (``fontawesome/brands/instagram``)
    default_format: str
    fold_link: str
    formats: dict[str, FormatRule]
    hashtags_warn: int
    hashtags_limit: int
    mentions_limit: int
    image_max_bytes: int
    image_max_side: int | None = None
    image_warn_only: bool = False

    def text_rule(self, format_id: str, name: str) -> TextRule | None:
        """The rule of text field ``name`` (caption, title, ...) in ``format_id``."""
        return self.formats[format_id].text.get(name)


@dataclass(frozen=True)
class Account:
    """The office's account on one platform."""

    platform: str
    handle: str
    name: str
    avatar: Path | None


@dataclass(frozen=True)
class Satker:
    """The office (satuan kerja): name, time zone, accounts and mandatory hashtags."""

    name: str
    short_name: str
    slug: str
    timezone: ZoneInfo
    language: str
    base_url: str
    jdih_url: str
    hashtags: tuple[str, ...]
    accounts: dict[str, Account]
    banner: Path | None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def tz_name(self) -> str:
        return str(self.timezone.key)


@dataclass(frozen=True)
class Member:
    """A member of the team and their role in the SOP."""

    id: str
    name: str
    role: str
    jabatan: str = ""
    email: str = ""  # the author address of the member's commits (kalender review)


@dataclass(frozen=True)
class Acting:
    """An acting official (Plh.): ``member`` holds ``role`` from ``start`` to ``end``."""

    member: str
    role: str
    start: dt.date
    end: dt.date
    dasar: str = ""


@dataclass(frozen=True)
class Team:
    """Who is on the team, and who stands in for whom when."""

    members: dict[str, Member]
    acting: tuple[Acting, ...] = ()

    def roles_of(self, member_id: str, on: dt.date) -> tuple[str, ...]:
        """The roles ``member_id`` holds on day ``on``: their own and any Plh. role."""
        member = self.members.get(member_id)
        if member is None:
            return ()
        extra = [a.role for a in self.acting if a.member == member_id and a.start <= on <= a.end]
        return (member.role, *[r for r in extra if r != member.role])


@dataclass(frozen=True)
class CalendarData:
    """Everything in ``calendar/``."""

    root: Path  # the repository
    satker: Satker
    team: Team
    platforms: dict[str, Platform]
    stages: tuple[Stage, ...] = ()  # election stages (tahapan.yml)
    products: tuple[ProductToAnnounce, ...] = ()  # legal products to announce (produk-hukum.yml)

    @property
    def folder(self) -> Path:
        return self.root / "calendar"


_TEXT_RULE = Field("mapping", keys={
    "limit": Field("integer", required=True),
    "count": Field("text", choices=COUNTS),
    "fold": Field("integer"),
    "fold_mobile": Field("integer"),
    "forbid": Field("text"),
})
_TEXT_RULES = Field("mapping", values=_TEXT_RULE, choices=("caption", "title", "description",
                                                           "tags"))
_FORMAT = Field("mapping", keys={
    "media": Field("mapping", required=True, keys={
        "min": Field("integer", required=False), "max": Field("integer", required=True),
        "kinds": Field("list", items=Field("text", choices=MEDIA_KINDS)),
        "max_video": Field("integer"),
    }),
    "aspect": Field("mapping", required=True, keys={
        "min": Field("text", required=True), "max": Field("text", required=True),
        "also": Field("list", items=Field("text")),
    }),
    "sizes": Field("list", required=True, items=Field("text"), min_items=1),
    "video": Field("mapping", keys={"min_seconds": Field("number"),
                                    "max_seconds": Field("number"), "cover": Field("bool")}),
    "thumbnail": Field("mapping", keys={"size": Field("text"), "min_width": Field("integer")}),
    "overlay": Field("mapping", keys={"bottom": Field("number"), "right": Field("number"),
                                      "rail_top": Field("number")}),
    "same_size": Field("bool"),
    "grid": Field("bool"),
    "text": _TEXT_RULES,
})
_PLATFORM = Field("mapping", keys={
    "name": Field("text", required=True),
    "icon": Field("text", required=True),
    "default_format": Field("text", required=True),
    "fold_link": Field("text"),
    "text": Field("mapping", required=True, values=_TEXT_RULE,
                  choices=("caption", "title", "description", "tags")),
    "hashtags": Field("mapping", required=True, keys={
        "warn": Field("integer"), "limit": Field("integer", required=True)}),
    "mentions": Field("mapping", required=True, keys={"limit": Field("integer", required=True)}),
    "image": Field("mapping", required=True, keys={
        "max_bytes": Field("integer", required=True), "max_side": Field("integer"),
        "warn_only": Field("bool")}),
    "formats": Field("mapping", required=True, values=_FORMAT),
})
PLATFORMS_SCHEMA = Field("mapping", values=_PLATFORM)  # the platforms are the ones written

_ACCOUNT = Field("mapping", keys={
    "handle": Field("text", required=True), "name": Field("text", required=True),
    "avatar": Field("text"),
})
SATKER_SCHEMA = Field("mapping", keys={
    "name": Field("text", required=True),
    "short_name": Field("text"),
    "slug": Field("text", required=True),
    "timezone": Field("text", required=True),
    "language": Field("text", choices=("id", "en")),
    "base_url": Field("text"),
    "jdih_url": Field("text"),
    "hashtags": Field("list", items=Field("text")),
    "accounts": Field("mapping", values=_ACCOUNT),  # platforms of platforms.yml (load_calendar)
    "banner": Field("text"),
    "cadence": Field("mapping", keys={
        "every_weekday": Field("bool"),
        "per_week": Field("mapping", values=Field("integer")),
    }),
    "known_mentions": Field("list", items=Field("text")),
    "report": Field("mapping", keys={"on_time_hours": Field("integer")}),
    # public conversations (docs/percakapan.md): names shown pseudonymised, answer target
    "conversations": Field("mapping", keys={"pseudonymise": Field("bool"),
                                            "answer_within_working_days": Field("integer")}),
    # the office's own numbers and addresses: not personal data (personal_data.py)
    "contact": Field("mapping", keys={"phones": Field("list", items=Field("text")),
                                      "addresses": Field("list", items=Field("text"))}),
})
TEAM_SCHEMA = Field("mapping", keys={
    "members": Field("list", required=True, min_items=1, items=Field("mapping", keys={
        "id": Field("text", required=True), "name": Field("text", required=True),
        "role": Field("text", required=True, choices=ROLES), "jabatan": Field("text"),
        # the member's public signing keys (read and checked by signing.py)
        "keys": Field("list", items=Field("mapping", keys={
            "public": Field("text", required=True), "valid_from": Field("text", required=True),
            "revoked": Field("text")})),
        "email": Field("text"),
    })),
    "plh": Field("list", items=Field("mapping", keys={
        "member": Field("text", required=True), "role": Field("text", required=True,
                                                              choices=ROLES),
        "from": Field("text", required=True), "to": Field("text", required=True),
        "dasar": Field("text"),
    })),
})


def load_calendar(root: Path, report: Report) -> CalendarData | None:
    """Read ``calendar/`` under the repository ``root``; None when anything is wrong."""
    folder = root / "calendar"
    platforms = _load_platforms(folder / "platforms.yml", report)
    satker = _load_satker(folder / "satker.yml", report, tuple(platforms or ()))
    team = _load_team(folder / "tim.yml", report)
    stages = load_stages(folder, report)
    products = load_products(folder, report)
    if platforms is None or satker is None or team is None:
        return None
    return CalendarData(root=root, satker=satker, team=team, platforms=platforms,
                        stages=stages, products=products)


def parse_ratio(text: str) -> float:
    """``"4:5"`` -> 0.8; ``"1.91:1"`` -> 1.91. ValueError otherwise."""
    width, sep, height = str(text).partition(":")
    if not sep:
        raise ValueError(text)
    return float(width) / float(height)


def parse_size(text: str) -> tuple[int, int]:
    """``"1080x1350"`` -> (1080, 1350). ValueError otherwise."""
    width, sep, height = str(text).lower().partition("x")
    if not sep:
        raise ValueError(text)
    return int(width), int(height)


def _load_platforms(path: Path, report: Report) -> dict[str, Platform] | None:
    located = read_data_file(path, PLATFORMS_SCHEMA, report)
    if located is None:
        return None
    before = len(report.errors)
    platforms = {pid: _platform(pid, data, located, path, report)
                 for pid, data in located.value.items()}
    return platforms if len(report.errors) == before else None


def _platform(pid: str, data: dict[str, Any], located: Located, path: Path,
              report: Report) -> Platform:
    text = {name: _text_rule(rule) for name, rule in data["text"].items()}
    formats = {}
    for fid, fmt in data["formats"].items():
        formats[fid] = _format(fid, fmt, text, located, (pid, "formats", fid), path, report)
    if data["default_format"] not in formats:
        report.error(path, located.line(pid, "default_format"), "schema.not_a_choice",
                     key=f"{pid}.default_format", found=data["default_format"],
                     allowed=", ".join(formats), hint="")
    hashtags, image = data["hashtags"], data["image"]
    return Platform(
        id=pid, name=str(data["name"]), icon=str(data["icon"]),
        default_format=str(data["default_format"]),
        fold_link=str(data.get("fold_link") or ""), formats=formats,
        hashtags_warn=int(hashtags.get("warn", hashtags["limit"])),
        hashtags_limit=int(hashtags["limit"]),
        mentions_limit=int(data["mentions"]["limit"]),
        image_max_bytes=int(image["max_bytes"]),
        image_max_side=image.get("max_side"),
        image_warn_only=bool(image.get("warn_only", False)),
    )


def _text_rule(rule: dict[str, Any]) -> TextRule:
    return TextRule(limit=int(rule["limit"]), count=str(rule.get("count", "characters")),
                    fold=rule.get("fold"), fold_mobile=rule.get("fold_mobile"),
                    forbid=str(rule.get("forbid") or ""))


def _overlay(data: dict[str, Any] | None) -> Overlay | None:
    if not data:
        return None
    return Overlay(float(data.get("bottom", 0)), float(data.get("right", 0)),
                   float(data.get("rail_top", 0.5)))


def _format(fid: str, fmt: dict[str, Any], platform_text: dict[str, TextRule], located: Located,
            key: tuple[str, ...], path: Path, report: Report) -> FormatRule:
    media, aspect, video = fmt["media"], fmt["aspect"], fmt.get("video") or {}
    text = {**platform_text, **{n: _text_rule(r) for n, r in (fmt.get("text") or {}).items()}}
    thumb = (fmt.get("thumbnail") or {}).get("size")
    try:
        return FormatRule(
            id=fid, media_min=int(media.get("min", 0)), media_max=int(media["max"]),
            kinds=tuple(media.get("kinds") or MEDIA_KINDS),
            aspect_min=parse_ratio(aspect["min"]), aspect_max=parse_ratio(aspect["max"]),
            aspect_also=tuple(parse_ratio(a) for a in aspect.get("also") or ()),
            sizes=tuple(parse_size(s) for s in fmt["sizes"]), text=text,
            max_video=media.get("max_video"), min_seconds=video.get("min_seconds"),
            max_seconds=video.get("max_seconds"),
            thumbnail=parse_size(thumb) if thumb else None,
            video_cover=bool(video.get("cover", True)),
            overlay=_overlay(fmt.get("overlay")),
            same_size=bool(fmt.get("same_size", False)), grid=bool(fmt.get("grid", False)),
        )
    except (ValueError, ZeroDivisionError) as exc:
        report.error(path, located.line(*key), "config.bad_ratio", found=str(exc))
        return FormatRule(fid, 0, 0, (), 1, 1, (), ((1, 1),), text)


def _load_satker(path: Path, report: Report, platform_ids: tuple[str, ...]) -> Satker | None:
    located = read_data_file(path, SATKER_SCHEMA, report)
    if located is None:
        return None
    data = located.value
    for pid in (data.get("accounts") or {}) if platform_ids else ():
        if pid not in platform_ids:  # an account on a platform platforms.yml does not name
            report.error(path, located.line("accounts", pid), "schema.not_a_choice",
                         key="accounts", found=pid, allowed=", ".join(platform_ids),
                         hint=suggestion(pid, platform_ids))
    try:
        zone = ZoneInfo(str(data["timezone"]))
    except (ZoneInfoNotFoundError, ValueError):
        report.error(path, located.line("timezone"), "config.bad_timezone",
                     found=data["timezone"])
        return None
    folder = path.parent
    accounts = {
        pid: Account(pid, str(a["handle"]), str(a["name"]),
                     folder / a["avatar"] if a.get("avatar") else None)
        for pid, a in (data.get("accounts") or {}).items()
    }
    return Satker(
        name=str(data["name"]), short_name=str(data.get("short_name") or data["name"]),
        slug=str(data["slug"]), timezone=zone, language=str(data.get("language") or "id"),
        base_url=str(data.get("base_url") or ""), jdih_url=str(data.get("jdih_url") or ""),
        hashtags=tuple(str(h).lstrip("#") for h in data.get("hashtags") or ()),
        accounts=accounts, banner=folder / data["banner"] if data.get("banner") else None,
        extra={k: v for k, v in data.items() if k in ("cadence", "known_mentions", "report",
                                                         "conversations", "contact")},
    )


def _load_team(path: Path, report: Report) -> Team | None:
    located = read_data_file(path, TEAM_SCHEMA, report)
    if located is None:
        return None
    members: dict[str, Member] = {}
    for index, raw in enumerate(located.value["members"]):
        member = Member(str(raw["id"]), str(raw["name"]), str(raw["role"]),
                        str(raw.get("jabatan") or ""), str(raw.get("email") or ""))
        if member.id in members:
            report.error(path, located.line("members", index, "id"), "config.duplicate_member",
                         member=member.id)
        members[member.id] = member
    acting = []
    for index, raw in enumerate(located.value.get("plh") or ()):
        item = _acting(raw, members, located, ("plh", str(index)), path, report)
        if item is not None:
            acting.append(item)
    return Team(members, tuple(acting))


def _acting(raw: dict[str, Any], members: dict[str, Member], located: Located,
            key: tuple[str, ...], path: Path, report: Report) -> Acting | None:
    if raw["member"] not in members:
        report.error(path, located.line(*key, "member"), "config.unknown_member",
                     member=raw["member"], known=", ".join(members))
        return None
    try:
        start = dt.date.fromisoformat(str(raw["from"]))
        end = dt.date.fromisoformat(str(raw["to"]))
    except ValueError as exc:
        report.error(path, located.line(*key), "config.bad_date", found=str(exc))
        return None
    return Acting(str(raw["member"]), str(raw["role"]), start, end, str(raw.get("dasar") or ""))
