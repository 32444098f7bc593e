"""Notes on the word rules' findings the learned layer vetoed (``kalender check --verbose``).

A vetoed finding (:mod:`kalender.rules.learnedveto`) is not reported: it blocks no move and
counts as neither error nor warning. The reviewer can still see it here, a note per finding
under its post, with the words and the list that found them, so a wrong veto can be
reworded or reported for the corpus. The decision is the screen's own
(:func:`kalender.rules.screendecision.text_decision`), so a note is exactly a finding
``kalender check`` left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.i18n import t
from ..core.loader import load_project
from ..core.model import Post
from ..core.problems import _relative
from .learned import load_model
from .personal import official_contacts
from .registry import Context
from .screendecision import text_decision
from .wording import line_in_text, line_in_value, wordings


@dataclass(frozen=True)
class Note:
    """A vetoed finding: the post file, the line of its words, and what was vetoed."""

    path: Path
    line: int | None
    message: str


def vetoed_notes(root: Path, files: Sequence[Path] | None = None) -> list[Note]:
    """A note for each finding the layer vetoed in the posts (all, or ``files``) of ``root``."""
    project = load_project(root, files)
    if project.calendar is None or load_model(project.calendar.folder) is None:
        return []
    context = Context(project.calendar, tuple(project.posts))
    return [note for post in project.posts for note in post_notes(post, context)]


def post_notes(post: Post, context: Context) -> Iterator[Note]:
    """The notes of ``post``: each platform's caption, then its title."""
    folder, official = context.calendar.folder, official_contacts(context)
    for wording in wordings(post, context):
        decision = text_decision(wording.text, folder, official)
        for match in decision.vetoed:
            yield Note(post.path, line_in_text(post, wording, match.start),
                       t("learned.vetoed", where=wording.where, found=match.text,
                         label=match.phrase.label, sop=match.phrase.sop or "D"))
        for hit in decision.vetoed_partisan:
            yield Note(post.path, line_in_text(post, wording, hit.reference[0]),
                       t("learned.vetoed_partisan", where=wording.where,
                         found=wording.text[slice(*hit.reference)]))
        if wording.title:
            for match in text_decision(wording.title, folder, official).vetoed:
                yield Note(post.path, line_in_value(post, wording.title_key, wording.title,
                                                    match.start),
                           t("learned.vetoed", where=wording.where, found=match.text,
                             label=match.phrase.label, sop=match.phrase.sop or "D"))


def note_lines(notes: Sequence[Note], root: Path) -> list[str]:
    """The notes grouped by file, as the findings are printed (``catatan baris 9: ...``)."""
    by_file: dict[str, list[Note]] = {}
    for note in dict.fromkeys(notes):  # a shared caption's note once, not per platform
        by_file.setdefault(_relative(note.path, root), []).append(note)
    lines = []
    for shown, items in sorted(by_file.items()):
        lines.append(shown)
        lines += [f"  {t('check.note')}{t('check.line', line=n.line) if n.line else ''}: "
                  f"{n.message}" for n in sorted(items, key=lambda n: n.line or 0)]
    return lines
