"""The content screen of SOP D on one text, without a post around it: what
``content.forbidden``, ``content.partisan``, ``content.personal_data`` and the learned layer
(``content.learned``) would report, each with its category. Used to measure the screen on the
labelled corpus (``tests/corpus/konten.yml``) and to time it (``kalender.rules.screenbench``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import Severity
from .content import _severity
from .screendecision import text_decision

PARTISAN = "partisan"
PERSONAL_DATA = "data-pribadi"


@dataclass(frozen=True)
class Flag:
    """One finding of the screen: the list (category) that found it, its level, its span."""

    category: str
    severity: Severity
    start: int
    end: int


def screen(text: str, calendar_folder: Path, official: Iterable[str] = (),
           learned: bool = True) -> list[Flag]:
    """Every finding of the SOP D screen in ``text``, in text order; ``official`` are the
    office's own numbers and addresses; ``learned``: with the learned layer's finding and its
    veto on the word rules (when ``calendar/terlarang/dipelajari/`` has one), as ``kalender
    check`` decides (:mod:`kalender.rules.screendecision`)."""
    decision = text_decision(text, calendar_folder, official, learned)
    flags = [Flag(m.phrase.category, _severity(m), m.start, m.end) for m in decision.matches]
    flags += [Flag(PARTISAN, Severity.ERROR, *hit.reference) for hit in decision.partisan]
    flags += [Flag(PERSONAL_DATA, Severity.ERROR, found.start, found.end)
              for found in decision.personal]
    said = decision.learned
    if said is not None:
        flags.append(Flag(said.category, said.severity, *said.spans[0]))
    return sorted(flags, key=lambda f: (f.start, f.end))
