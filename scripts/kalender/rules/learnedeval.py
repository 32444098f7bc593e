"""Leave-one-corpus-out figures of the SOP D screen with and without its learned layer:
``python -m kalender.rules.learnedeval``.

For each labelled corpus of ``tests/corpus/`` (the blind ``konten-buta-11.yml`` and later
are never read), the layer is trained on all the others and measured on it: recall (a
breach caught as an ERROR) and false positives (a clean caption with any finding), for the
rules alone and for the rules with the layer, then the same over all corpora, over the
five blind corpora the rules were tuned on, and over ``konten-buta-6.yml`` to
``konten-buta-10.yml``, which no round of the lists has looked at: there the rules' figures
are those of an unseen writer too. On the others the rules were written while looking at the
corpus, so only the layer's figures are honest.
Not a test: no figure is asserted.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.i18n import t
from ..core.problems import Severity
from .learned import Thresholds, model_of, short, verdict
from .learnedfeatures import educational, rules_level
from .learnedtrain import FIRST_BLIND, THRESHOLDS, Example, corpus_files, examples, train
from .learnedveto import after_veto

EARLIER_BLIND = ("konten-buta.yml", "konten-buta-2.yml", "konten-buta-3.yml",
                 "konten-buta-4.yml", "konten-buta-5.yml")
# The lists of the rules never looked at these (rounds screen-i on tuned thresholds, not lists).
UNTUNED_BLIND = ("konten-buta-6.yml", "konten-buta-7.yml", "konten-buta-8.yml",
                 "konten-buta-9.yml", "konten-buta-10.yml")


@dataclass(frozen=True)
class Scored:
    """A caption of a held-out corpus and the score of the layer trained without it."""

    example: Example
    score: float


@dataclass(frozen=True)
class Figures:
    """Breaches caught of breaches, clean captions flagged of clean captions."""

    caught: int
    breaches: int
    flagged: int
    clean: int

    def row(self) -> str:
        return f"{_share(self.caught, self.breaches)}  {_share(self.flagged, self.clean)}"


def held_out_scores(every: Sequence[Example]) -> list[Scored]:
    """Each caption scored by the layer trained on every other corpus."""
    scored = []
    for corpus in sorted({e.corpus for e in every}):
        model = model_of(train([e for e in every if e.corpus != corpus]))
        scored += [Scored(e, model.score(e.found)) for e in every if e.corpus == corpus]
    return scored


def figures(scored: Sequence[Scored], thresholds: Thresholds | None) -> Figures:
    """The figures of the rules alone (``thresholds`` None) or with the layer."""
    levels = [(s.example.breach, _level(s, thresholds)) for s in scored]
    return Figures(sum(b and lv is Severity.ERROR for b, lv in levels), sum(b for b, _ in levels),
                   sum(not b and lv is not None for b, lv in levels),
                   sum(not b for b, _ in levels))


def _level(scored: Scored, thresholds: Thresholds | None) -> Severity | None:
    found = scored.example.found
    if thresholds is not None and scored.score < thresholds.veto:
        found = after_veto(found)
    rules = rules_level(found)
    if thresholds is None or rules is Severity.ERROR:
        return rules
    learned = verdict(scored.score, educational(found), thresholds, short(found, thresholds))
    return learned if learned is Severity.ERROR else rules or learned


def table(scored: Sequence[Scored], thresholds: Thresholds) -> list[str]:
    """The rows: each corpus, then all of them, then the earlier blind corpora."""
    groups = [(c, [s for s in scored if s.example.corpus == c])
              for c in sorted({s.example.corpus for s in scored})]
    groups += [(t("learned.all"), list(scored)),
               (t("learned.earlier_blind"),
                [s for s in scored if s.example.corpus in EARLIER_BLIND]),
               (t("learned.untuned_blind"),
                [s for s in scored if s.example.corpus in UNTUNED_BLIND])]
    rows = [t("learned.table_head")]
    rows += [f"{name:24} {figures(group, None).row()}   {figures(group, thresholds).row()}"
             for name, group in groups]
    return rows


def _share(part: int, whole: int) -> str:
    return f"{part:>4}/{whole:<4} {100 * part / max(1, whole):5.1f}%"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=t("learned.eval_help", first=FIRST_BLIND))
    parser.parse_args(argv)
    for row in table(held_out_scores(examples(corpus_files())), THRESHOLDS):
        print(row)


if __name__ == "__main__":
    main()
