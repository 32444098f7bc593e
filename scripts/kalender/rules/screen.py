"""The content screen of SOP D on one text, without a post around it: what
``content.forbidden``, ``content.partisan`` and ``content.personal_data`` would report, each
with its category. Used to measure the screen on the labelled corpus
(``tests/corpus/konten.yml``) and to time it (``kalender.rules.screenbench``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import Severity
from ..text.personal_data import find_personal_data
from .content import _reported, _severity, forbidden_matches, partisan_hits
from .lists import content_lists

PARTISAN = "partisan"
PERSONAL_DATA = "data-pribadi"


@dataclass(frozen=True)
class Flag:
    """One finding of the screen: the list (category) that found it, its level, its span."""

    category: str
    severity: Severity
    start: int
    end: int


def screen(text: str, calendar_folder: Path, official: Iterable[str] = ()) -> list[Flag]:
    """Every finding of the SOP D screen in ``text``, in text order; ``official`` are the
    office's own numbers and addresses."""
    lists = content_lists(calendar_folder)
    flags = [Flag(m.phrase.category, _severity(m), m.start, m.end)
             for m in forbidden_matches(text, lists) if _reported(m)]
    flags += [Flag(PARTISAN, Severity.ERROR, *hit.reference) for hit in partisan_hits(text, lists)]
    flags += [Flag(PERSONAL_DATA, Severity.ERROR, found.start, found.end)
              for found in find_personal_data(text, official)]
    return sorted(flags, key=lambda f: (f.start, f.end))
