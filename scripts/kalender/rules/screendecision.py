"""What the SOP D screen decides on one text: the word rules' findings it reports, those the
learned layer vetoes (:mod:`kalender.rules.learnedveto`, per finding, on the finding's own
sentence), personal data, and the layer's own verdict (:mod:`kalender.rules.learnedverdict`).

The one decision path: the rules of ``kalender check`` (``content.forbidden``,
``content.partisan``, ``content.learned``), the preview's marks
(:func:`kalender.rules.content.highlights`), :func:`kalender.rules.screen.screen`, the notes
on vetoed findings and the leave-one-corpus-out harness (:mod:`kalender.rules.learnedeval`,
with a model trained without the held-out corpus) all read :func:`decide`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..core.buildscope import found_in_build
from ..core.problems import Severity
from ..text.partisan import PartisanHit
from ..text.personal_data import PersonalData
from ..text.phrases import Match
from .content import _reported, _severity
from .learned import Model, load_model
from .learnedfeatures import Reading, read_caption
from .learnedverdict import Verdict, learned_verdict
from .learnedveto import vetoes
from .lists import ContentLists, content_lists


@dataclass(frozen=True)
class Decision:
    """The screen's findings on one text, and the word rules' findings the layer vetoed."""

    matches: tuple[Match, ...]  # listed phrases and stances reported
    partisan: tuple[PartisanHit, ...]  # partisan calls reported
    personal: tuple[PersonalData, ...]  # personal data (never vetoed)
    learned: Verdict | None  # the layer's own finding
    vetoed: tuple[Match, ...] = ()  # listed phrases the layer read as clean
    vetoed_partisan: tuple[PartisanHit, ...] = ()  # partisan calls the layer read as clean

    def level(self) -> Severity | None:
        """The highest level the screen reports on the text, or None."""
        levels = {_severity(m) for m in self.matches}
        if self.partisan or self.personal:
            levels.add(Severity.ERROR)
        if self.learned is not None:
            levels.add(self.learned.severity)
        if Severity.ERROR in levels:
            return Severity.ERROR
        return Severity.WARNING if levels else None


def decide(text: str, lists: ContentLists, reading: Reading, model: Model | None) -> Decision:
    """What the screen reports on ``text``, given the rules' ``reading`` of it and the learned
    layer's ``model`` (None: the rules alone). A listed phrase or partisan call is dropped
    when the layer vetoes it (a blocked entry's never is); the layer then reads the text with
    what the rules kept."""
    reported = [m for m in reading.matches if _reported(m)]
    if model is None:
        return Decision(tuple(reported), reading.partisan, reading.personal, None)
    vetoed = tuple(m for m in reported
                   if not m.phrase.blocked and vetoes(model, lists, text, m.start))
    vetoed_partisan = tuple(hit for hit in reading.partisan
                            if vetoes(model, lists, text, hit.reference[0]))
    kept = tuple(m for m in reported if m not in vetoed)
    partisan = tuple(hit for hit in reading.partisan if hit not in vetoed_partisan)
    after = Reading(tuple(m for m in reading.matches if m not in vetoed), partisan,
                    reading.personal)
    return Decision(kept, partisan, reading.personal,
                    learned_verdict(text, lists, after, model), vetoed, vetoed_partisan)


_BUILD_KEY = "screendecision.text_decision"  # its decisions in found_in_build()
_KEPT: dict[tuple[str, tuple[str, ...], bool], tuple[object, object, Decision]] = {}


def text_decision(text: str, calendar_folder: Path, official: Iterable[str] = (),
                  learned: bool = True) -> Decision:
    """:func:`decide` with the lists and the layer of ``calendar_folder`` (``official``: the
    office's own numbers and addresses; ``learned`` False: the rules alone). Kept for the
    last texts: three rules and the notes of ``kalender check`` ask for the same caption;
    and for the whole build while one runs (:func:`_build_memo`)."""
    lists = content_lists(calendar_folder)
    model = load_model(calendar_folder) if learned else None
    key = (text, tuple(official), learned)
    memo = _build_memo()
    kept = _KEPT.get(key) or memo.get(key)
    if kept is not None and kept[0] is lists and kept[1] is model:
        return kept[2]
    if len(_KEPT) >= 512:
        _KEPT.clear()
    decision = decide(text, lists, read_caption(text, lists, key[1]), model)
    _KEPT[key] = memo[key] = (lists, model, decision)
    return decision


def _build_memo() -> dict[object, tuple[object, object, Decision]]:
    """The decisions remembered while one build runs (:func:`found_in_build`; a scratch
    dict outside a build): the previews' marks of a caption come after the rules of a
    thousand others, too far apart for :data:`_KEPT`, and deciding again cost a cold build
    of 1,000 posts about a second of CPU (issue 23, branch cold7)."""
    found = found_in_build()
    if found is None:
        return {}
    return cast("dict[object, tuple[object, object, Decision]]",
                found.setdefault(_BUILD_KEY, {}))
