"""The upload bundle of one week: which posts go in, which files they give, and the zip.

Pure core, no click and no mkdocs: :mod:`kalender.export.week` is the command around it.

Only a post whose recorded approval still matches its content goes in: its effective state
(:func:`kalender.approval.machine.effective_status`) is ``disetujui`` and an approval record binds
it to the fingerprint it has now. Every other post of the week is left out with its reason.

Everything is deterministic: the same posts, media and records give the same bytes (zip
entries sorted, dated 1980-01-01, fixed compression; JSON and CSV written in a fixed order).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..approval.fingerprint import short
from ..approval.machine import CHANGED, FLOW_ACTIONS, Record, Standing, action_done
from ..approval.records import load_ledger, record_file
from ..approval.standing import Standings
from ..approval.standing import standing_of as approval_standing
from ..core.calendar_data import CalendarData, Platform
from ..core.datafile import read_data_file
from ..core.i18n import t
from ..core.loader import Project
from ..core.model import Post, Status, Target, Week
from ..core.problems import Report
from ..core.schema import Field
from ..media.images import Framing, MediaError, Size, frame, post_framings, poster_path, visual_size
from ..workflow.gates import approval_holds, held_reason

FORMAT = "kalender-ekspor-1"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold: no clock in the bytes
STORED = frozenset({".jpg", ".jpeg", ".png", ".mp4", ".mov", ".m4v", ".webm"})  # compressed
DEFLATE_LEVEL = 9
FILE_ATTR = 0o100644 << 16  # a regular file, rw-r--r--
CSV_SCHEDULE = "jadwal.csv"
LINKS_FILE = "tautan.txt"
CHECKLIST = "checklist.html"
MANIFEST = "manifest.json"
SETTINGS_FILE = "ekspor.yml"
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                              *(f"lpt{i}" for i in range(1, 10))})
NAME_LIMIT = 60


# -- settings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HootsuiteRules:
    """What Hootsuite's bulk composer accepts, as written in ``calendar/ekspor.yml``."""

    formats: dict[str, tuple[str, ...]]
    datetime: str
    minute_step: int
    lead_minutes: int


SETTINGS_SCHEMA = Field("mapping", keys={
    "hootsuite": Field("mapping", required=True, keys={
        "formats": Field("mapping", required=True, values=Field("list", items=Field("text"))),
        "datetime": Field("text", required=True),
        "minute_step": Field("integer", required=True),
        "lead_minutes": Field("integer", required=True),
    }),
})


def load_settings(calendar: CalendarData, report: Report) -> HootsuiteRules | None:
    """Read ``calendar/ekspor.yml``; None (with the problems in ``report``) when it is wrong."""
    located = read_data_file(calendar.folder / SETTINGS_FILE, SETTINGS_SCHEMA, report)
    if located is None:
        return None
    raw = located.value["hootsuite"]
    return HootsuiteRules(
        formats={str(p): tuple(str(f) for f in fmts) for p, fmts in raw["formats"].items()},
        datetime=str(raw["datetime"]), minute_step=max(1, int(raw["minute_step"])),
        lead_minutes=int(raw["lead_minutes"]))


# -- which posts go in ------------------------------------------------------------------


@dataclass(frozen=True)
class LeftOut:
    """A post of the week that stays out of the bundle, and why (in the reader's language)."""

    post_id: str
    title: str
    state: str
    reason: str
    path: Path


@dataclass(frozen=True)
class Approved:
    """A post whose approval matches its content, with the platforms still to upload."""

    post: Post
    standing: Standing
    records: tuple[Record, ...]
    targets: tuple[Target, ...]

    @property
    def uploaded(self) -> dict[str, Record]:
        """The platforms whose live link is already recorded."""
        return self.standing.history.uploads


@dataclass
class Selection:
    """The posts of one week: those that go in and those left out."""

    week: Week
    approved: list[Approved] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)


def select_week(project: Project, week: Week, standings: Standings | None = None) -> Selection:
    """Judge every post of ``week``, including post files that could not be read."""
    selection = Selection(week)
    standings = standings or Standings()
    for post in project.posts:
        if post.week != week:
            continue
        judged = judge(post, project.calendar, standings)
        if isinstance(judged, Approved):
            selection.approved.append(judged)
        else:
            selection.left_out.append(judged)
    selection.left_out.extend(broken_posts(project, week))
    selection.left_out.sort(key=lambda item: item.post_id)
    return selection


def judge(post: Post, calendar: CalendarData | None = None,
          standings: Standings | None = None) -> Approved | LeftOut:
    """Whether ``post`` goes in: approved, an approval record, the content unchanged and,
    with ``calendar``, nothing its gates hold (gates.py: no error of SOP A/D, no warning the
    approver's record does not acknowledge)."""
    ledger = load_ledger(post.path)
    errors = [p for p in ledger.problems if p.is_error]
    if errors:
        return _left(post, "-", "export.reason.bad_records", file=ledger.path.name,
                     errors=len(errors))
    standing = approval_standing(post, standings)
    state = standing.state
    if state == CHANGED:
        bound = standing.bound
        assert bound is not None
        return _left(post, state, "export.reason.changed", step=action_done(bound.action),
                     was=short(bound.fingerprint), now=short(standing.fingerprint))
    if state == Status.DIUNGGAH:
        return _left(post, state, "export.reason.uploaded")
    if state != Status.DISETUJUI:
        return _left(post, state, "export.reason.not_approved", state=state)
    if standing.history.approval is None:
        return _left(post, state, "export.reason.no_record", file=record_file(post.path).name)
    if calendar is not None:
        holds = approval_holds(post, calendar, standing.history.approval, Status.DISETUJUI)
        if holds.errors or holds.unacknowledged:
            return _left(post, state, "export.reason.held", why=held_reason(holds))
    pending = tuple(x for x in post.targets if x.platform not in standing.history.uploads)
    return Approved(post, standing, ledger.records, pending)


def _left(post: Post, shown: str, key: str, /, **params: Any) -> LeftOut:
    return LeftOut(post.id, post.title, shown, t(key, **params), post.path)


def broken_posts(project: Project, week: Week) -> list[LeftOut]:
    """Post files of ``week`` (by the date in their name) that could not be read."""
    read = {post.path.resolve() for post in project.posts}
    counts: dict[Path, int] = {}
    for problem in project.report.errors:
        path = problem.path.resolve()
        if path.suffix == ".md" and path not in read and _named_in(path, week):
            counts[path] = counts.get(path, 0) + 1
    shown = {path: _relative(path, project.root) for path in counts}
    return [LeftOut(path.stem, path.stem, "-", t("export.reason.bad_post", errors=count,
                                                 file=shown[path]), path)
            for path, count in sorted(counts.items())]


def _named_in(path: Path, week: Week) -> bool:
    try:
        return Week.of(dt.date.fromisoformat(path.stem[:10])) == week
    except ValueError:
        return False


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# -- names ------------------------------------------------------------------------------


def safe_name(text: str, limit: int = NAME_LIMIT) -> str:
    """``text`` as a file name safe on Windows, macOS and Linux: ASCII letters, digits, ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    if not name or name in WINDOWS_RESERVED:
        name = f"x-{name}" if name else "x"
    return name


def post_folder(post: Post) -> str:
    """``2026-12-09_0800_hari-antikorupsi``; without the time when it is not fixed yet."""
    day = post.date.isoformat()
    slug = safe_name(post.slug)
    if not post.time_fixed:
        return f"{day}_{slug}"
    return f"{day}_{post.when.hour:02d}{post.when.minute:02d}_{slug}"


def bundle_name(calendar: CalendarData, week: Week) -> str:
    """``jdih-singkawang-2026-W49.zip``."""
    return f"jdih-{safe_name(calendar.satker.slug)}-{week.label}.zip"


# -- what each post and platform gives ---------------------------------------------------


@dataclass(frozen=True)
class MediaJob:
    """One picture to make: ``framing`` of ``source`` at ``size`` pixels, as a JPEG no larger
    than ``max_bytes``. ``from_video``: the source is a video and the picture one of its frames."""

    name: str  # path inside the zip
    source: Path
    framing: Framing
    size: Size
    max_bytes: int
    from_video: bool = False
    platform: str = ""
    where: str = ""  # the post file and the line of the media, for messages


@dataclass(frozen=True)
class Placed:
    """One post on one platform in the bundle: its folder and the files in it."""

    post: Post
    target: Target
    folder: str
    caption_file: str
    media: tuple[str, ...]  # names inside the zip, in order
    texts: tuple[str, ...]


@dataclass
class Layout:
    """Everything the bundle holds before media are rendered."""

    texts: dict[str, bytes] = field(default_factory=dict)
    jobs: list[MediaJob] = field(default_factory=list)
    copies: dict[str, Path] = field(default_factory=dict)  # name in zip -> video file
    placed: list[Placed] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # media that cannot be read


def lay_out(selection: Selection, calendar: CalendarData) -> Layout:
    """The folders and files of every approved post on every platform still to upload.

    Reads media headers (sizes); a file that cannot be read is a message in ``errors``.
    """
    layout = Layout()
    for approved in selection.approved:
        for target in approved.targets:
            try:
                layout.placed.append(place(approved.post, target, calendar, layout))
            except MediaError as exc:
                layout.errors.append(t("export.media_problem", platform=target.platform,
                                       where=where(approved.post, calendar, "media"),
                                       message=exc.message))
    layout.placed.sort(key=lambda p: (p.post.when, p.post.id, _order(p.target, calendar)))
    return layout


def _order(target: Target, calendar: CalendarData) -> int:
    return list(calendar.platforms).index(target.platform)


def place(post: Post, target: Target, calendar: CalendarData, layout: Layout) -> Placed:
    """Add the files of ``post`` on ``target`` to ``layout``."""
    platform = calendar.platforms[target.platform]
    folder = f"{target.platform}/{post_folder(post)}"
    texts = caption_texts(post, target, platform)
    for name, text in texts.items():
        layout.texts[f"{folder}/{name}"] = text.encode("utf-8")
    media = media_files(post, target, calendar, folder, layout)
    return Placed(post, target, folder, f"{folder}/caption.txt", media,
                  tuple(f"{folder}/{n}" for n in texts))


def caption_texts(post: Post, target: Target, platform: Platform) -> dict[str, str]:
    """``caption.txt`` (exactly the text to paste), and the title, description and tags
    where the platform's format has such fields (title and tags: one line each, ending with a
    newline as a text file does)."""
    text = post.text_for(target.platform)
    texts = {"caption.txt": text}
    rules = platform.formats[target.format].text
    if "title" in rules:
        texts["title.txt"] = (post.caption_for(target.platform).title or post.title) + "\n"
    if "tags" in rules:
        texts["description.txt"] = text
        texts["tags.txt"] = ", ".join(post.hashtags) + "\n"
    return texts


def media_files(post: Post, target: Target, calendar: CalendarData, folder: str,
                layout: Layout) -> tuple[str, ...]:
    """The media of ``post`` on ``target``: pictures framed by the preview's own function
    (:func:`kalender.media.images.post_framings`), videos as they are, and a video's cover or
    the format's thumbnail."""
    platform = calendar.platforms[target.platform]
    rule = platform.formats[target.format]
    names: list[str] = []
    framings = post_framings(post, target, calendar.platforms)
    for number, (media, framing) in enumerate(zip(post.media, framings, strict=True), 1):
        stem = f"{folder}/{number:02d}"
        file_at = where(post, calendar, "media", number - 1, "file")
        if not media.is_video:
            names.append(_job(layout, f"{stem}.jpg", media.path, framing, platform, file_at))
            continue
        names.append(f"{stem}{media.path.suffix.lower()}")
        layout.copies[names[-1]] = media.path
        cover_at = where(post, calendar, "media", number - 1, "cover")
        if rule.thumbnail is not None:
            thumb = frame(rule, visual_size(media), media.focus, rule.thumbnail)
            names.append(_job(layout, f"{folder}/thumbnail.jpg", poster_path(media), thumb,
                              platform, cover_at, media.cover is None))
        elif media.cover is not None:
            names.append(_job(layout, f"{stem}-sampul.jpg", media.cover, framing, platform,
                              cover_at))
    return tuple(names)


def _job(layout: Layout, name: str, source: Path, framing: Framing, platform: Platform,
         at: str, from_video: bool = False) -> str:
    layout.jobs.append(MediaJob(name, source, framing, framing.size, platform.image_max_bytes,
                                from_video, platform.id, at))
    return name


def where(post: Post, calendar: CalendarData, *key: str | int) -> str:
    """``posts/2026/12/x.md:14``: the post file and the line of a front-matter key."""
    return f"{_relative(post.path, calendar.root)}:{post.line(*key)}"


# -- the manifest ----------------------------------------------------------------------


@dataclass
class Contents:
    """The files of the bundle by name, and what the manifest says beside them."""

    files: dict[str, bytes] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, data: bytes) -> None:
        """Add a file made in memory."""
        self.files[name] = data
        self.hashes[name] = hashlib.sha256(data).hexdigest()
        self.sizes[name] = len(data)

    def add_copy(self, name: str, source: Path, digest: str) -> None:
        """Add a file copied from ``source`` as it is when the zip is written."""
        self.copies[name] = source
        self.hashes[name] = digest
        self.sizes[name] = source.stat().st_size

    @property
    def names(self) -> list[str]:
        """Every file name, sorted: the order of the zip."""
        return sorted({*self.files, *self.copies})


def manifest(selection: Selection, layout: Layout, calendar: CalendarData, contents: Contents,
             extra: dict[str, Any]) -> bytes:
    """``manifest.json``: the week, every post and platform with its time, account, files
    (SHA-256), fingerprint and approval records; the posts left out and why; every file."""
    satker = calendar.satker
    data = {
        "format": FORMAT,
        "satker": {"name": satker.name, "slug": satker.slug, "timezone": satker.tz_name},
        "week": {"label": selection.week.label, "monday": selection.week.monday.isoformat(),
                 "sunday": selection.week.days[-1].isoformat()},
        "posts": [_post_entry(a, layout, calendar, contents) for a in selection.approved],
        "left_out": [{"id": x.post_id, "title": x.title, "state": x.state,
                      "reason": x.reason} for x in selection.left_out],
        **extra,
        "files": [{"path": name, "sha256": contents.hashes[name], "bytes": contents.sizes[name]}
                  for name in contents.names],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _post_entry(approved: Approved, layout: Layout, calendar: CalendarData,
                contents: Contents) -> dict[str, Any]:
    post = approved.post
    placed = [p for p in layout.placed if p.post is post]
    return {
        "id": post.id, "title": post.title, "file": _relative(post.path, calendar.root),
        "scheduled": post.when.isoformat() if post.time_fixed else None,
        "date": post.date.isoformat(), "offset": post.when.strftime("%z"),
        "time_fixed": post.time_fixed, "fingerprint": approved.standing.fingerprint,
        "approval": [record_entry(r) for r in approved.records if r.action in FLOW_ACTIONS],
        "platforms": [_target_entry(p, calendar, contents) for p in placed],
        "already_uploaded": {name: r.url for name, r in sorted(approved.uploaded.items())},
    }


def _target_entry(item: Placed, calendar: CalendarData, contents: Contents) -> dict[str, Any]:
    account = calendar.satker.accounts.get(item.target.platform)
    names = [*item.texts, *item.media]
    return {
        "platform": item.target.platform, "format": item.target.format,
        "account": {"handle": account.handle, "name": account.name} if account else None,
        "folder": item.folder,
        "files": [{"path": n, "sha256": contents.hashes[n], "bytes": contents.sizes[n]}
                  for n in names],
    }


def record_entry(record: Record) -> dict[str, Any]:
    """One approval record as the manifest holds it."""
    entry: dict[str, Any] = {"action": record.action.value, "by": record.by,
                             "role": record.role, "acting": record.acting,
                             "at": record.at.isoformat(timespec="seconds"),
                             "fingerprint": record.fingerprint}
    for key in ("note", "platform", "url"):
        value = getattr(record, key)
        if value:
            entry[key] = value
    return entry


# -- the zip ---------------------------------------------------------------------------


def entry_info(name: str) -> zipfile.ZipInfo:
    """A zip entry with no clock, owner or machine in it: the same bytes on every run."""
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.create_system = 3  # Unix, so the file mode below is read
    info.external_attr = FILE_ATTR
    stored = Path(name).suffix.lower() in STORED
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def write_zip(handle: IO[bytes], contents: Contents) -> int:
    """Write every file of ``contents`` to ``handle`` in name order; the number written."""
    with zipfile.ZipFile(handle, "w") as archive:
        for name in contents.names:
            info = entry_info(name)
            if name in contents.files:
                archive.writestr(info, contents.files[name], compresslevel=DEFLATE_LEVEL)
            else:
                _copy_into(archive, info, contents.copies[name])
    return len(contents.names)


def _copy_into(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: Path) -> None:
    size = source.stat().st_size
    with source.open("rb") as src, archive.open(info, "w", force_zip64=size > 2**31) as dest:
        for block in iter(lambda: src.read(1 << 20), b""):
            dest.write(block)
