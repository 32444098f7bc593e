"""The content lists of ``calendar/`` (forbidden phrases, partisanship, important days), read
once per run and reused by every post's rules.

The lists are read again only when one of their files changes. Problems in the lists are
reported once, by the project rule ``content.lists``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..core.buildscope import Signature, steady_signatures
from ..core.i18n import language
from ..core.important_days import FILE_NAME as DAYS_FILE
from ..core.important_days import ImportantDay, load_important_days
from ..core.problems import Problem, Report, Severity
from ..text.education import Lesson
from ..text.emoji import EmojiList, emoji_files, load_emoji
from ..text.literal_lists import LITERAL_FILE, SENSES_FILE
from ..text.partisan import PARTISAN_FILE, PartisanLists, load_partisan
from ..text.phrase_lists import FORBIDDEN_FOLDER, LESSON_FILE, load_lesson, load_phrases
from ..text.phrases import Phrase
from ..text.regional import regional_files
from ..text.stances import StanceList, load_stances, stance_files
from ..text.threats import ThreatList, load_threats, threat_files
from .registry import Context, project_finding, project_rule


@dataclass(frozen=True)
class ContentLists:
    """Everything the content rules compare a post with."""

    phrases: tuple[Phrase, ...]
    partisan: PartisanLists | None
    days: tuple[ImportantDay, ...]
    lesson: Lesson
    problems: tuple[Problem, ...]
    stances: tuple[StanceList, ...] = ()  # targets with a hostile call (text.stances)
    threats: tuple[ThreatList, ...] = ()  # an attack, a target and a when (text.threats)
    emoji: tuple[EmojiList, ...] = ()  # an emoji standing for an insult, aimed (text.emoji)


def content_lists(folder: Path) -> ContentLists:
    """The lists of the ``calendar/`` folder ``folder`` (cached while the files are unchanged)."""
    key = lists_key(folder)
    return KEPT.get(key) or _read(*key)


def lists_key(folder: Path) -> tuple[Path, tuple[tuple[str, int, int], ...], str]:
    """What the lists of ``folder`` are read from: the folder, its list files' times and
    sizes, and the language of their problems."""
    return (folder, _signature(folder), language())


# Lists an earlier process compiled and kept on disk (:mod:`kalender.rules.keptlists`),
# by :func:`lists_key`: used before reading the files again.
KEPT: dict[tuple[Path, tuple[tuple[str, int, int], ...], str], ContentLists] = {}


def _signature(folder: Path) -> Signature:
    steady = steady_signatures()
    if steady is None:
        return _looked_at(folder)
    known = steady.get(folder)
    if known is None:
        known = steady[folder] = _looked_at(folder)
    return known


def _looked_at(folder: Path) -> Signature:
    files = [*sorted((folder / FORBIDDEN_FOLDER).glob("*.yml")), folder / PARTISAN_FILE,
             folder / DAYS_FILE, folder / LESSON_FILE, folder / LITERAL_FILE, folder / SENSES_FILE,
             *stance_files(folder),
             *threat_files(folder), *regional_files(folder), *emoji_files(folder)]
    return tuple((str(p.relative_to(folder)), *_stamp(p)) for p in files)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _read(folder: Path, signature: tuple[tuple[str, int, int], ...],
          lang: str) -> ContentLists:
    report = Report()
    phrases = load_phrases(folder, report)
    partisan = load_partisan(folder, report)
    days = load_important_days(folder, report)
    lesson = load_lesson(folder, report)
    stances = load_stances(folder, report)
    threats = load_threats(folder, report)
    emoji = load_emoji(folder, report)
    return ContentLists(phrases, partisan, days, lesson, tuple(report), stances, threats,
                        emoji)


@project_rule("content.lists")
def list_problems(context: Context) -> Iterator[Problem]:
    """Problems in the lists themselves (a phrase without basis, a date that is not a date),
    and a warning when a list is missing: its checks would silently not run."""
    folder = context.calendar.folder
    yield from content_lists(folder).problems
    if not any((folder / FORBIDDEN_FOLDER).glob("*.yml")):
        yield project_finding("content.lists", folder / FORBIDDEN_FOLDER, None,
                              "content.list_missing", severity=Severity.WARNING,
                              file=f"calendar/{FORBIDDEN_FOLDER}/*.yml")
    if not (folder / LESSON_FILE).exists():
        yield project_finding("content.lists", folder / LESSON_FILE, None,
                              "content.list_missing", severity=Severity.WARNING,
                              file=f"calendar/{LESSON_FILE}")
    if not (folder / PARTISAN_FILE).exists():
        yield project_finding("content.lists", folder / PARTISAN_FILE, None,
                              "content.list_missing", severity=Severity.WARNING,
                              file=f"calendar/{PARTISAN_FILE}")
