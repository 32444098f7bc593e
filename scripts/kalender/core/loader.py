"""Files -> model: read every post of ``posts/`` and the data of ``calendar/``.

Every problem of every file is reported in one run (see :class:`~kalender.core.problems.Report`);
a file with an error yields no :class:`~kalender.core.model.Post`, and nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PIL import Image, UnidentifiedImageError

from .calendar_data import CalendarData, Platform, load_calendar
from .heif import HEIF_READABLE  # noqa: F401 - importing it lets Pillow open HEIC
from .inside import in_place, outside_target
from .memo import PostFiles
from .model import (
    CATEGORIES,
    CATEGORY_TYPES,
    IMAGE_SUFFIXES,
    STATUSES,
    TYPES,
    VIDEO_SUFFIXES,
    Caption,
    LegalProduct,
    Media,
    Post,
    Status,
    Target,
    category_of,
)
from .problems import Report
from .schema import Field, Validator, found_name, suggestion
from .sharedtext import share_texts
from .source import SourceFile, split_post
from .stattable import StatTable
from .yamlsrc import Located, read_yaml

DEFAULT_TZ = "Asia/Pontianak"
FILE_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
COMMENTED_HASHTAG = re.compile(r"\s#\w")
DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def post_schema(platform_ids: Sequence[str]) -> Field:
    """The declared schema of a post's front matter."""
    platform_list = Field("list", min_items=1, items=Field("text", choices=platform_ids))
    platform_map = Field("mapping", values=Field("text"), choices=platform_ids)
    caption_map = Field("mapping", keys={"title": Field("string"),
                                         "description": Field("string")})
    return Field("mapping", keys={
        "title": Field("string", required=True),
        "date": Field("text", required=True),
        "category": Field("text", required=True, choices=CATEGORIES),
        "type": Field("text", required=True, choices=TYPES),
        "status": Field("text", choices=STATUSES),
        "platforms": Field(one_of=(platform_list, platform_map)),
        "caption": Field("string"),
        "captions": Field("mapping", choices=platform_ids,
                          values=Field(one_of=(Field("string"), caption_map))),
        "hashtags": Field("list", items=Field("string")),
        "important_day": Field("string"),  # the day a greeting is for: "10 Desember"
        "mentions": Field("list", items=Field("string")),
        "media": Field("list", items=Field("mapping", keys={
            "file": Field("text", required=True),
            "alt": Field("string", required=True),
            "focus": Field("list", items=Field("number")),
            "cover": Field("text"),
        })),
        "legal_product": Field("mapping", keys={
            "jenis": Field("text", required=True),
            "nomor": Field("text", required=True),
            "tahun": Field("integer"),
            "tentang": Field("string"),
            "tanggal_penetapan": Field("text"),
            "url": Field("text"),
        }),
        "source": Field("text"),
    })


@dataclass
class Project:
    """A repository's calendar: its data, its posts (in time order) and every problem found."""

    root: Path
    calendar: CalendarData | None
    posts: list[Post] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    files: int = 0  # post files read, whether or not they parsed

    def post(self, post_id: str) -> Post | None:
        return next((p for p in self.posts if p.id == post_id), None)

    @property
    def timezone(self) -> ZoneInfo:
        return self.calendar.satker.timezone if self.calendar else ZoneInfo(DEFAULT_TZ)


def post_files(root: Path, stats: StatTable | None = None) -> list[Path]:
    """Every post file under ``root/posts``, in a stable order (from ``stats`` when this
    build's walk listed the folder)."""
    listed = stats.markdown_files(root / "posts") if stats is not None else None
    return listed if listed is not None else sorted((root / "posts").rglob("*.md"))


def post_files_of_days(root: Path, days: Iterable[dt.date]) -> list[Path]:
    """The post files named for one of ``days`` (``YYYY-MM-DD-slug.md``): a post that loads
    always has the date of its name (``post.date_mismatch``), so these are all the posts of
    those days, and a one-week command need not read a whole year of posts."""
    prefixes = {day.isoformat() for day in days}
    return [path for path in post_files(root) if path.name[:10] in prefixes]


CalendarLoader = Callable[[Path, Report], CalendarData | None]


def load_project(root: Path, paths: Iterable[Path] | None = None,
                 memory: PostFiles | None = None,
                 calendar_of: CalendarLoader = load_calendar,
                 stats: StatTable | None = None) -> Project:
    """Read ``calendar/`` and the posts (all, or only ``paths``) of the repository ``root``.

    With ``memory`` (``kalender serve``), a post whose files did not change since the last
    call is not read again: the same object comes back, with the problems found reading it.
    ``calendar_of``: how ``calendar/`` is read (``kalender serve`` keeps it while its files
    are unchanged). ``stats``: the build's walk of ``posts/`` (each file stat-ed once).
    """
    root = root.resolve()
    report = Report()
    calendar = calendar_of(root, report)
    project = Project(root=root, calendar=calendar, report=report)
    reader = PostReader(root, calendar, report)
    if memory is not None:
        memory.stats = stats  # this call's walk only: never an older build's
    files = post_files(root, stats) if paths is None else [in_place(Path(p)) for p in paths]
    project.files = len(files)
    seen: dict[str, Path] = {}
    for path in files:
        post = _read(reader, path, memory)
        if post is None:
            continue
        if post.id in seen:
            report.error(path, 1, "post.duplicate_id", id=post.id,
                         other=_shown(seen[post.id], root))
            continue
        seen[post.id] = path
        project.posts.append(post)
    if memory is not None and paths is None:
        memory.forget_others(set(files))  # posts deleted since: their objects go
    project.posts.sort(key=lambda p: (p.when, p.id))
    return project


def _read(reader: PostReader, path: Path, memory: PostFiles | None) -> Post | None:
    """One post, from ``memory`` when its files did not change."""
    known = memory.reuse(path) if memory is not None else None
    if known is not None:
        reader.report.extend(known[1])
        return known[0]
    before = len(reader.report)
    post = reader.read(path)
    if memory is not None:
        memory.keep(path, post, list(reader.report)[before:])
    return post


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


class PostReader:
    """Reads one post file into a :class:`Post`, reporting every problem it finds."""

    def __init__(self, root: Path, calendar: CalendarData | None, report: Report) -> None:
        self.root = root
        self.report = report
        self.platforms: dict[str, Platform] | None = calendar.platforms if calendar else None
        self.timezone = calendar.satker.timezone if calendar else ZoneInfo(DEFAULT_TZ)
        # without calendar data (its problems are reported) any platform name passes here
        self.schema = post_schema(tuple(self.platforms) if self.platforms else ())
        # one path object per media file, however many posts show it (kalender serve
        # keeps every post: issue 23, branch memory11)
        self.media_paths: dict[Path, Path] = {}
        self.lines: dict[tuple[tuple[str, ...], tuple[int, ...]], dict[str, int]] = {}

    def shared_lines(self, lines: dict[str, int]) -> dict[str, int]:
        """One object for the same line numbers of the same keys (posts written from one
        template; nothing changes a post's ``lines`` in place): some 5 MB at 10,000 posts."""
        return self.lines.setdefault((tuple(lines), tuple(lines.values())), lines)

    def read(self, path: Path, given: bytes | None = None) -> Post | None:
        """The post in ``path`` (or in ``given``, bytes about to be written there)."""
        outside = outside_target(path, self.root)
        if outside is not None:
            self.report.error(path, 1, "repo.outside", target=outside)
            return None
        source = split_post(path, self.report, given)
        if source is None:
            return None
        located = read_yaml(source.front_matter, path, self.report, source.front_line)
        if located is None:
            return None
        if not isinstance(located.value, dict):
            self.report.error(path, source.front_line, "post.front_matter_not_mapping",
                              found=found_name(located.value))
            return None
        try:
            return _PostBuilder(self, source, located).build()
        except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as exc:
            # A shape of value no check above foresaw: the file is named, the run goes on
            # (the property tests in tests/test_properties.py look for this message).
            self.report.error(path, source.front_line, "post.unreadable",
                              detail=type(exc).__name__)
            return None


class _PostBuilder:
    """Checks one front matter beyond its schema and builds the Post."""

    def __init__(self, reader: PostReader, source: SourceFile, located: Located) -> None:
        self.reader, self.source, self.located = reader, source, located
        self.path, self.report = source.path, reader.report
        self.data: dict[str, Any] = share_texts(located.value)  # one copy for all posts
        self.ok = True

    def fail(self, key: tuple[str | int, ...], message: str, /, **params: Any) -> None:
        self.report.error(self.path, self.located.line(*key), message, **params)
        self.ok = False

    def build(self) -> Post | None:
        validator = Validator(self.located, self.path, self.report)
        self.ok = validator.check(self.reader.schema, self.data, ()) and self.located.ok
        match = self._file_name()
        when = self._when(match)
        self._category()
        targets = self._targets()
        media = self._media()
        legal = self._legal_product()
        self._hashtags_in_comments()
        if not self.ok or when is None:
            return None
        data = self.data
        return Post(
            id=self.path.stem, path=self.path, title=str(data["title"]), when=when[0],
            time_fixed=when[1], category=str(data["category"]), type=str(data["type"]),
            status=Status(data.get("status") or Status.USULAN.value), targets=targets,
            caption=str(data.get("caption") or ""), captions=self._captions(),
            hashtags=tuple(str(h).strip().lstrip("#") for h in data.get("hashtags") or ()),
            mentions=tuple(str(m).strip().lstrip("@") for m in data.get("mentions") or ()),
            media=media, legal_product=legal,
            important_day=str(data.get("important_day") or "").strip() or None,
            source=str(data["source"]) if data.get("source") else None,
            body=self.source.body, body_line=self.source.body_line,
            lines=self.reader.shared_lines(share_texts(dict(self.located.lines))), meta=data,
        )

    def _hashtags_in_comments(self) -> None:
        """``caption: Ayo memilih #Pemilu`` on one line: YAML reads ``#Pemilu`` as a comment."""
        captions = self.data.get("captions")
        texts = [("caption",)] + [("captions", p) for p in (
            captions if isinstance(captions, dict) else {}) if isinstance(p, str)]
        lines = self.source.front_matter.split("\n")
        for key in texts:
            line = self.located.lines.get(".".join(key))
            if line is None:
                continue
            raw = lines[line - self.source.front_line] if line >= self.source.front_line else ""
            value = raw.partition(":")[2].strip()
            if value[:1] not in ("|", ">", "'", '"', "") and COMMENTED_HASHTAG.search(raw):
                self.report.warning(self.path, line, "post.hashtag_as_comment",
                                    key=".".join(key))

    def _file_name(self) -> re.Match[str] | None:
        match = FILE_NAME.match(self.path.stem)
        if match is None:
            self.fail((), "post.bad_file_name", found=self.path.name)
        return match

    def _when(self, name: re.Match[str] | None) -> tuple[dt.datetime, bool] | None:
        raw = self.data.get("date")
        if not isinstance(raw, str | int | float) or isinstance(raw, bool):
            return None
        parsed = parse_when(str(raw), self.reader.timezone)
        if parsed is None:
            self.fail(("date",), "post.bad_date", found=str(raw))
            return None
        if isinstance(parsed, str):
            self.fail(("date",), "post.impossible_date", found=str(raw), detail=parsed)
            return None
        if name is not None:
            file_day = "-".join(name.group(1, 2, 3))
            if parsed[0].date().isoformat() != file_day:
                self.fail(("date",), "post.date_mismatch", found=parsed[0].date().isoformat(),
                          expected=file_day, file=self.path.name)
            self._folder(parsed[0].date())
        return parsed

    def _folder(self, day: dt.date) -> None:
        posts = self.reader.root / "posts"
        try:
            parts = self.path.parent.relative_to(posts).parts
        except ValueError:
            return
        expected = (f"{day.year:04d}", f"{day.month:02d}")
        if parts != expected:
            self.report.warning(self.path, 1, "post.wrong_folder",
                                expected=f"posts/{expected[0]}/{expected[1]}/")

    def _category(self) -> None:
        category, post_type = self.data.get("category"), self.data.get("type")
        if not isinstance(category, str) or not isinstance(post_type, str):
            return  # a list or a mapping: the schema said what was expected
        if category not in CATEGORY_TYPES or post_type not in TYPES:
            return
        if category_of(str(post_type)) != category:
            self.fail(("type",), "post.type_of_other_category", type=post_type,
                      category=category, expected=", ".join(CATEGORY_TYPES[str(category)]))

    def _targets(self) -> tuple[Target, ...]:
        raw = self.data.get("platforms")
        status = self.data.get("status") or Status.USULAN.value
        if raw is None:
            if status not in (Status.USULAN.value,):
                self.fail((), "post.no_platforms", status=status)
            return ()
        if not isinstance(raw, list | dict):
            return ()  # the schema said what was expected
        items = raw.items() if isinstance(raw, dict) else ((p, None) for p in raw)
        targets: list[Target] = []
        for pid, fmt in items:
            target = self._target(str(pid), fmt, isinstance(raw, dict))
            if target is not None:
                if target.platform in {t.platform for t in targets}:
                    self.fail(("platforms",), "post.duplicate_platform", platform=pid)
                targets.append(target)
        return tuple(targets)

    def _target(self, pid: str, fmt: Any, mapped: bool) -> Target | None:
        platforms = self.reader.platforms
        if platforms is None or pid not in platforms:
            return None
        platform = platforms[pid]
        chosen = str(fmt) if fmt is not None else platform.default_format
        if chosen not in platform.formats:
            key = ("platforms", pid) if mapped else ("platforms",)
            self.fail(key, "post.unknown_format", platform=pid, found=chosen,
                      allowed=", ".join(platform.formats),
                      hint=suggestion(chosen, list(platform.formats)))
            return None
        return Target(pid, chosen)

    def _captions(self) -> dict[str, Caption]:
        captions: dict[str, Caption] = {}
        for pid, value in (self.data.get("captions") or {}).items():
            if isinstance(value, dict):
                captions[pid] = Caption(str(value.get("description") or ""),
                                        str(value["title"]) if value.get("title") else None)
            elif value is not None:
                captions[pid] = Caption(str(value))
        return captions

    def _media(self) -> tuple[Media, ...]:
        media = []
        items = self.data.get("media")
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if not isinstance(item, dict) or not isinstance(item.get("file"), str | int):
                continue
            if not str(item["file"]) or not isinstance(item.get("cover") or "", str):
                continue
            path = self._media_path(("media", index, "file"), str(item["file"]))
            cover = None
            if item.get("cover"):
                cover = self._media_path(("media", index, "cover"), str(item["cover"]),
                                         image_only=True)
            focus = self._focus(index, item.get("focus"))
            if path is not None:
                media.append(Media(str(item["file"]), path, str(item.get("alt") or ""), focus,
                                   cover))
        return tuple(media)

    def _media_path(self, key: tuple[str | int, ...], file: str,
                    image_only: bool = False) -> Path | None:
        path = (self.path.parent / file).resolve()
        if not path.is_relative_to(self.reader.root):
            self.fail(key, "media.outside_repo", file=file)
            return None
        if not path.exists():
            self.fail(key, "media.missing", file=file)
            return None
        if not path.is_file():
            self.fail(key, "media.not_a_file", file=file)
            return None
        suffix = path.suffix.lower()
        video = suffix in VIDEO_SUFFIXES and not image_only
        if not video and (suffix not in IMAGE_SUFFIXES or not _is_image(path)):
            kind = "media.not_an_image" if image_only else "media.not_media"
            self.fail(key, kind, file=file)
            return None
        return self.reader.media_paths.setdefault(path, path)

    def _focus(self, index: int, focus: Any) -> tuple[float, float] | None:
        if focus is None:
            return None
        valid = (isinstance(focus, list) and len(focus) == 2
                 and all(isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1
                         for v in focus))
        if not valid:
            self.fail(("media", index, "focus"), "media.bad_focus", found=repr(focus))
            return None
        return float(focus[0]), float(focus[1])

    def _legal_product(self) -> LegalProduct | None:
        raw = self.data.get("legal_product")
        if not isinstance(raw, dict) or not raw.get("jenis") or not raw.get("nomor"):
            return None
        enacted = None
        if raw.get("tanggal_penetapan"):
            try:
                enacted = dt.date.fromisoformat(str(raw["tanggal_penetapan"]))
            except ValueError:
                self.fail(("legal_product", "tanggal_penetapan"), "post.bad_plain_date",
                          found=str(raw["tanggal_penetapan"]))
        tahun = raw.get("tahun")
        return LegalProduct(
            jenis=str(raw["jenis"]), nomor=str(raw["nomor"]),
            tahun=tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
            tentang=str(raw.get("tentang") or ""), tanggal_penetapan=enacted,
            url=str(raw["url"]) if raw.get("url") else None,
        )


def _is_image(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            return bool(image.format)
    except Image.DecompressionBombError:
        return True  # a picture, too big: the media rule says so with its size
    except (UnidentifiedImageError, OSError, ValueError):
        return False


def parse_when(text: str, zone: ZoneInfo) -> tuple[dt.datetime, bool] | str | None:
    """Parse a post's ``date``: (aware datetime, time fixed?), or an error detail.

    ``2026-12-02 09:00`` is local time; ``2026-12-02`` means the time is not fixed yet;
    ``2026-12-02T09:00:00+07:00`` is converted to ``zone``. Returns None when the text
    has no date shape, and a string (what is wrong) for an impossible date.
    """
    match = DATE_TIME.match(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        day_value = dt.date(int(year), int(month), int(day))
        if hour is None:
            return dt.datetime.combine(day_value, dt.time(0, 0), zone), False
        clock = dt.time(int(hour), int(minute), int(second or 0))
    except ValueError as exc:
        return str(exc)
    if offset is None:
        return dt.datetime.combine(day_value, clock, zone), True
    tzinfo = dt.UTC if offset == "Z" else _fixed_offset(offset)
    return dt.datetime.combine(day_value, clock, tzinfo).astimezone(zone), True


def _fixed_offset(text: str) -> dt.timezone:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
