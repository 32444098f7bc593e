"""Tiny posts for the content rules: one front matter written on the spot, checked with the
real engine (``kalender.rules.check.check_project``) and the repository's own calendar data."""

from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kalender.core.model import category_of
from kalender.core.problems import Severity
from kalender.rules.check import check_project
from kalender.rules.screen import screen

HEAD = """---
title: Uji
date: {date}
category: {category}
type: {type}
status: {status}
platforms: {platforms}
"""
# Line 1 is '---'; title is line 2, date 3, category 4, type 5, status 6, platforms 7, and
# the given lines start at line 8.
MANDATORY = "hashtags: [JDIHKPU, KPUSingkawang]\n"

Found = tuple[int | None, str, str, str | None]  # line, severity, message, platform


def write_post(repo: Path, lines: str, *, type: str = "non-edukasi", status: str = "draf",
               date: str = "2026-12-02 09:00", platforms: str = "[instagram]",
               hashtags: str = MANDATORY) -> Path:
    """A post in ``repo`` with the fixed head, then ``lines`` from line 8, then ``hashtags``."""
    day = date[:10]
    path = repo / "posts" / day[:4] / day[5:7] / f"{day}-uji.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    head = HEAD.format(date=date, category=category_of(type), type=type, status=status,
                       platforms=platforms)
    path.write_text(head + lines + hashtags + "---\nCatatan.\n", encoding="utf-8")
    return path


def findings(repo: Path, *codes: str) -> list[Found]:
    """The problems of rules ``codes`` on the repository, in the order they were found."""
    problems, _ = check_project(repo)
    return [(p.line, p.severity.value, p.message, p.platform)
            for p in problems if p.code in codes]


SCREEN_RULES = ("content.forbidden", "content.partisan", "content.personal_data",
                "content.learned")
LEARNED_WEIGHTS = Path("terlarang") / "dipelajari"  # in calendar/: the learned layer


def screened(repo: Path, captions: list[str], stem: str,
             learned: bool = True) -> tuple[list[set[str]], int]:
    """Each caption written as a post of ``repo`` (with this repository's calendar data,
    without the learned layer's weights unless ``learned``), ``kalender check`` run once over
    all: the severities the SOP D screen gave each caption (in order), and how many posts the
    check read."""
    shutil.copytree(Path(__file__).resolve().parent.parent / "calendar", repo / "calendar")
    if not learned:
        shutil.rmtree(repo / "calendar" / LEARNED_WEIGHTS)
    paths = []
    for index, text in enumerate(captions):
        lines = "caption: |\n" + "".join(f"  {line}\n" for line in text.splitlines())
        path = write_post(repo, lines)
        paths.append(path.rename(path.with_name(f"2026-12-02-{stem}-{index:03}.md")))
    problems, checked = check_project(repo)
    levels: dict[Path, set[str]] = defaultdict(set)
    for problem in problems:
        if problem.code in SCREEN_RULES:
            levels[problem.path].add(problem.severity.value)
    return [levels[path] for path in paths], checked.posts


@dataclass
class Tally:
    """Breaches found (an ERROR) of breaches, clean captions flagged (any finding) of clean."""

    found: int = 0
    breaches: int = 0
    flagged: int = 0
    clean: int = 0

    def count(self, label: str, severities: set[str]) -> None:
        if label == "breach":
            self.breaches += 1
            self.found += "error" in severities
        else:
            self.clean += 1
            self.flagged += bool(severities)

    def recall(self) -> float | None:
        return self.found / self.breaches if self.breaches else None

    def false_positives(self) -> float | None:
        return self.flagged / self.clean if self.clean else None


CALENDAR = Path(__file__).resolve().parent.parent / "calendar"


def screen_categories(text: str, learned: bool = True) -> set[str]:
    """The categories of every finding of the screen on ``text``, warnings included (the
    repository's lists; ``learned``: with the learned layer)."""
    return {f.category for f in screen(text, CALENDAR, learned=learned)}


def screen_errors(text: str, learned: bool = True) -> set[str]:
    """The categories of the screen's errors on ``text`` (the repository's lists; ``learned``:
    with the learned layer)."""
    return {f.category for f in screen(text, CALENDAR, learned=learned)
            if f.severity is Severity.ERROR}


def caption_findings(repo: Path, text: str, learned: bool = True) -> list[Found]:
    """The SOP D screen's findings on one post of ``repo`` whose caption is ``text`` (without
    the learned layer's weights unless ``learned``: they are removed from ``repo``)."""
    if not learned:
        shutil.rmtree(repo / "calendar" / LEARNED_WEIGHTS)
    write_post(repo, f"caption: |\n  {text}\n")
    return findings(repo, *SCREEN_RULES)


def findings_with_and_without_layer(repo: Path, alone: Path, text: str) -> list[list[Found]]:
    """:func:`caption_findings` on ``repo``, then on ``alone`` (an empty folder) with a copy of
    its calendar data but without the learned layer: the rules alone."""
    with_layer = caption_findings(repo, text)
    shutil.copytree(repo / "calendar", alone / "calendar")
    return [with_layer, caption_findings(alone, text, learned=False)]


def assert_no_finding_either_way(repo: Path, alone: Path, text: str) -> None:
    """No finding on a post whose caption is ``text``, with the learned layer or without."""
    assert findings_with_and_without_layer(repo, alone, text) == [[], []]


def assert_rules_error(repo: Path, text: str, category: str) -> None:
    """The word rules alone make ``text`` an error on its caption's line, in ``category``."""
    found = caption_findings(repo, text, learned=False)
    assert any(severity == "error" and line == 9 for line, severity, _, _ in found), found
    assert category in screen_errors(text, learned=False)


def assert_error_names(repo: Path, text: str, category: str, words: str) -> None:
    """:func:`assert_rules_error`, and an error on the caption's line names ``words`` (in any
    case) and its SOP D clause."""
    assert_rules_error(repo, text, category)
    found = caption_findings(repo, text)
    errors = [message for line, severity, message, _ in found
              if severity == "error" and line == 9]
    assert any(words.lower() in message.lower() and "SOP D." in message
               for message in errors), found
