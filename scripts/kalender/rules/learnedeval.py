"""Leave-one-corpus-out figures of the SOP D screen with and without its learned layer:
``python -m kalender.rules.learnedeval``.

For each labelled corpus of ``tests/corpus/`` (the blind ``konten-buta-36.yml`` and later
are never read), the layer is trained on all the others and measured on it: recall (a
breach caught as an ERROR) and false positives (a clean caption with any finding), for the
rules alone and for the rules with the layer, each decided as ``kalender check`` decides it
(:func:`kalender.rules.screendecision.decide`: the veto per finding on its own sentence, the
layer's verdict on the caption and on each sentence), then the same over all corpora, over the
five blind corpora the rules were tuned on, and over ``konten-buta-6.yml`` to
``konten-buta-11.yml``, which no round of the lists has looked at: there the rules' figures
are those of an unseen writer too. On the others the rules were written while looking at the
corpus, so only the layer's figures are honest.
Not a test: no figure is asserted.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.i18n import t
from ..core.problems import Severity
from .learned import Model, Thresholds, model_of, office_hashtags
from .learnedtrain import CALENDAR, FIRST_BLIND, THRESHOLDS, Example, corpus_files, examples, train
from .lists import ContentLists, content_lists
from .screendecision import decide

EARLIER_BLIND = ("konten-buta.yml", "konten-buta-2.yml", "konten-buta-3.yml",
                 "konten-buta-4.yml", "konten-buta-5.yml")
# The lists of the rules never looked at these (rounds screen-i on tuned thresholds, not lists).
UNTUNED_BLIND = tuple(f"konten-buta-{n}.yml" for n in range(6, FIRST_BLIND))


@dataclass(frozen=True)
class Judged:
    """A caption of a held-out corpus and the level the screen reports on it: the rules
    alone, and the rules with the layer trained without the caption's corpus."""

    example: Example
    rules: Severity | None
    screen: Severity | None


@dataclass(frozen=True)
class Figures:
    """Breaches caught of breaches, clean captions flagged of clean captions."""

    caught: int
    breaches: int
    flagged: int
    clean: int

    def row(self) -> str:
        return f"{_share(self.caught, self.breaches)}  {_share(self.flagged, self.clean)}"


def held_out(every: Sequence[Example], thresholds: Thresholds = THRESHOLDS,
             calendar: Path = CALENDAR) -> list[Judged]:
    """Each caption judged by the screen with the layer trained on every other corpus."""
    lists, tags = content_lists(calendar), office_hashtags(calendar)
    judged = []
    for corpus in sorted({e.corpus for e in every}):
        model = replace(model_of(train([e for e in every if e.corpus != corpus], thresholds)),
                        office_tags=tags)
        judged += [judge(e, lists, model) for e in every if e.corpus == corpus]
    return judged


def judge(example: Example, lists: ContentLists, model: Model) -> Judged:
    """The levels of ``example`` as ``kalender check`` decides them (the same function:
    :func:`kalender.rules.screendecision.decide`), without and with ``model``."""
    return Judged(example, decide(example.text, lists, example.reading, None).level(),
                  decide(example.text, lists, example.reading, model).level())


def figures(judged: Sequence[Judged], layer: bool) -> Figures:
    """The figures of the rules alone or (``layer``) with the layer."""
    levels = [(j.example.breach, j.screen if layer else j.rules) for j in judged]
    return Figures(sum(b and lv is Severity.ERROR for b, lv in levels), sum(b for b, _ in levels),
                   sum(not b and lv is not None for b, lv in levels),
                   sum(not b for b, _ in levels))


def table(judged: Sequence[Judged]) -> list[str]:
    """The rows: each corpus, then all of them, then the earlier blind corpora."""
    groups = [(c, [j for j in judged if j.example.corpus == c])
              for c in sorted({j.example.corpus for j in judged})]
    groups += [(t("learned.all"), list(judged)),
               (t("learned.earlier_blind"),
                [j for j in judged if j.example.corpus in EARLIER_BLIND]),
               (t("learned.untuned_blind", last=FIRST_BLIND - 1),
                [j for j in judged if j.example.corpus in UNTUNED_BLIND])]
    rows = [t("learned.table_head")]
    rows += [f"{name:24} {figures(group, False).row()}   {figures(group, True).row()}"
             for name, group in groups]
    return rows


def _share(part: int, whole: int) -> str:
    return f"{part:>4}/{whole:<4} {100 * part / max(1, whole):5.1f}%"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=t("learned.eval_help", first=FIRST_BLIND))
    parser.parse_args(argv)
    for row in table(held_out(examples(corpus_files()))):
        print(row)


if __name__ == "__main__":
    main()
