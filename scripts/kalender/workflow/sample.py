"""The sample calendar moved to today: a plausible past, present and future whatever the day.

The repository's own sample (``posts/``) is written for one day, :data:`PINNED`, and the tests
build it on that day. Opened on another day it lies: on 4 December it showed next week as
already uploaded. :func:`write_sample` copies it to another folder with every post moved by
whole weeks (a Friday quiz stays on a Friday) so that the pinned day falls in this week; a
greeting for an important day stays on its day; an approval record dated after ``now`` is left
out and the post's status is what the records kept give. The fixed sample is never touched.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..approval.fingerprint import fingerprint
from ..approval.machine import Action, replay
from ..approval.records import load_ledger, record_file
from ..core.loader import load_project
from ..core.model import Post, Status

PINNED = dt.date(2026, 12, 2)  # the day posts/ is written for (tests build it on that day)
COPIED = ("calendar", "docs", "overrides", "mkdocs.yml")
DATE_LINE = re.compile(r"^date: (\d{4}-\d{2}-\d{2})", re.M)
STATUS_LINE = re.compile(r"^status: \S+", re.M)
AT_LINE = re.compile(r"^  at: (\S+)$", re.M)
SEAL_LINE = re.compile(r"^  (?:prev|key|signature): .*\n", re.M)  # a record's signature
KEYS_BLOCK = re.compile(r"^    keys:\n(?:      .*\n)+", re.M)  # a member's keys in tim.yml
KEY_RECORDS = "kunci.persetujuan.yml"  # the kasubbag's signed acceptance of the keys
ENTRY = re.compile(r"(?m)^- action: ")
GREETING = "hari-penting"
DRAFTED = (Status.USULAN, Status.DRAF)


@dataclass
class Written:
    """What :func:`write_sample` wrote: posts, the shift, the records left out."""

    folder: Path
    days: int
    posts: int = 0
    left_out: int = 0
    ids: dict[str, str] = field(default_factory=dict)  # old post id -> new post id


def weeks_shift(today: dt.date) -> int:
    """Days to move the sample by: whole weeks, so that :data:`PINNED` falls in ``today``'s
    week (Monday to Sunday)."""
    monday = today - dt.timedelta(days=today.weekday())
    pinned_monday = PINNED - dt.timedelta(days=PINNED.weekday())
    return (monday - pinned_monday).days


def moved_day(post: Post, days: int) -> dt.date:
    """The post's new day: ``days`` later, or, for a greeting, its own day of the year
    nearest to that (Hari Antikorupsi stays on 9 December)."""
    target = post.date + dt.timedelta(days=days)
    if post.type != GREETING:
        return target
    options = [_same_day(post.date, year) for year in (target.year - 1, target.year,
                                                       target.year + 1)]
    return min((d for d in options if d is not None), key=lambda d: abs((d - target).days),
               default=target)


def _same_day(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def write_sample(root: Path, out: Path, now: dt.datetime) -> Written:
    """Copy the sample of ``root`` to ``out`` moved to ``now`` (see the module)."""
    project = load_project(root)
    days = weeks_shift(now.date())
    written = Written(out, days)
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, out / name)
        elif source.is_file():
            shutil.copy2(source, out / name)
    unsigned_team(out / "calendar")
    prints: dict[str, str] = {}
    for post in project.posts:
        new_id = _move_post(root, out, post, moved_day(post, days), now, written)
        prints[new_id] = fingerprint(post)
    _refresh_prints(out, prints)
    return written


def unsigned_team(calendar: Path) -> None:
    """The copy's team without keys: a moved record no longer matches its signature (the
    time is in what was signed), so the moved sample is a team from before signatures. It
    is for looking at, not a proof of any approval."""
    team = calendar / "tim.yml"
    if team.is_file():
        team.write_text(KEYS_BLOCK.sub("", team.read_text(encoding="utf-8")), encoding="utf-8")
    (calendar / KEY_RECORDS).unlink(missing_ok=True)


def _move_post(root: Path, out: Path, post: Post, day: dt.date, now: dt.datetime,
               written: Written) -> str:
    """Write one post, its media folder and its records at ``day``; its new id."""
    delta = dt.timedelta(days=(day - post.date).days)
    new_id = day.isoformat() + post.id[10:]
    folder = out / "posts" / f"{day.year:04d}" / f"{day.month:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    media = post.path.parent / post.id
    if media.is_dir():
        shutil.copytree(media, folder / new_id)
    kept = _kept_records(post, delta, now, written)
    text = post.path.read_text(encoding="utf-8")
    text = DATE_LINE.sub(f"date: {day.isoformat()}", text, count=1)
    text = text.replace(f"{post.id}/", f"{new_id}/")
    text = STATUS_LINE.sub(f"status: {_status(post, kept)}", text, count=1)
    (folder / f"{new_id}.md").write_text(text, encoding="utf-8")
    if kept is not None:
        record_file(folder / f"{new_id}.md").write_text(kept[1], encoding="utf-8")
    written.posts += 1
    written.ids[post.id] = new_id
    return new_id


def _kept_records(post: Post, delta: dt.timedelta, now: dt.datetime,
                  written: Written) -> tuple[list[Action], str] | None:
    """The actions kept and the record file's new text (None: the post has none)."""
    path = record_file(post.path)
    if not path.is_file():
        return None
    head, *entries = ENTRY.split(path.read_text(encoding="utf-8"))
    kept_text, actions = [head], []
    for entry in entries:
        match = AT_LINE.search("- action: " + entry)
        moved = dt.datetime.fromisoformat(match.group(1)) + delta if match else None
        if moved is None or moved > now:
            written.left_out += 1
            continue
        unsealed = SEAL_LINE.sub("", "- action: " + entry)
        kept_text.append(AT_LINE.sub(f"  at: {moved.isoformat(timespec='seconds')}",
                                     unsealed, count=1))
        actions.append(Action(entry.split("\n", 1)[0].strip()))
    return actions, "".join(kept_text).rstrip("\n") + "\n"


def _status(post: Post, kept: tuple[list[Action], str] | None) -> str:
    """The status the kept records give; a post whose records all lie ahead is a draft."""
    records = load_ledger(post.path, post.when.tzinfo).records
    actions = kept[0] if kept is not None else []
    remaining = list(records)[: len(actions)]  # records are in time order: a prefix is kept
    history = replay(remaining, post.platforms)
    if history.status is not None:
        return history.status.value
    return post.status.value if post.status in DRAFTED else Status.DRAF.value


def _refresh_prints(out: Path, before: dict[str, str]) -> None:
    """Each record that fingerprinted the content as it was now fingerprints it as it is
    moved (the time is part of the content); a record of older content stays older."""
    for post in load_project(out).posts:
        path = record_file(post.path)
        old = before.get(post.id)
        if old and path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(old, fingerprint(post)), encoding="utf-8")
