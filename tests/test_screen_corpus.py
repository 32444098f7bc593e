"""The SOP D screen measured on the labelled corpus ``tests/corpus/konten.yml`` (issue 16,
point 5), through the real engine: every caption is written as a post and ``kalender check``
(``check_project``) runs once over all of them.

A breach counts as found when the screen reports an ERROR on its post (the gates then refuse
its moves); a clean caption counts as a false positive when it gets any screen finding.
Figures are printed per category for the development split and the held-out split; the
targets (recall >= 95 %, false positives <= 3 %) are asserted on the development split only.
The held-out figures are written down, whatever they are, in docs/riwayat/aturan-isi.md.
Run with ``-s`` to see the table.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from contentposts import Tally, screened

CORPUS = Path(__file__).parent / "corpus" / "konten.yml"
RECALL_TARGET = 0.95
FALSE_POSITIVE_TARGET = 0.03


def corpus() -> list[dict[str, str]]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict[str, str], set[str]]]:
    """Each corpus item with the severities the screen gave its post."""
    items = corpus()
    levels, posts = screened(tmp_path_factory.mktemp("korpus"), [i["text"] for i in items],
                             "korpus")
    assert posts == len(items)
    return list(zip(items, levels, strict=True))


def tally(verdicts: list[tuple[dict[str, str], set[str]]], split: str) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for item, levels in verdicts:
        if item["split"] != split:
            continue
        for name in (item["category"], "semua"):
            figures = tallies[name]
            figures.count(item["label"], levels)
    return dict(tallies)


def table(split: str, tallies: dict[str, Tally]) -> str:
    rows = [f"{split}: category          recall           false positives"]
    for name in sorted(tallies, key=lambda n: (n == "semua", n)):
        figures = tallies[name]
        recall = f"{figures.found}/{figures.breaches}" if figures.breaches else "-"
        fp = f"{figures.flagged}/{figures.clean}" if figures.clean else "-"
        rows.append(f"  {name:24} {recall:>7} {_percent(figures.recall()):>7}"
                    f"   {fp:>7} {_percent(figures.false_positives()):>7}")
    return "\n".join(rows)


def _percent(share: float | None) -> str:
    return "" if share is None else f"{100 * share:.1f}%"


def test_the_corpus_is_labelled_and_split_as_written() -> None:
    items = corpus()
    assert len(items) >= 150
    assert {i["label"] for i in items} == {"breach", "clean"}
    assert {i["split"] for i in items} == {"dev", "holdout"}
    assert len({i["category"] for i in items if i["label"] == "breach"}) == 8


def test_targets_on_the_development_split(
        verdicts: list[tuple[dict[str, str], set[str]]],
        capsys: pytest.CaptureFixture[str]) -> None:
    tallies = tally(verdicts, "dev")
    with capsys.disabled():
        print("\n" + table("dev", tallies))
    for name, figures in tallies.items():
        recall, fp = figures.recall(), figures.false_positives()
        assert recall is None or recall >= RECALL_TARGET, (name, table("dev", tallies))
        assert fp is None or fp <= FALSE_POSITIVE_TARGET, (name, table("dev", tallies))


def test_the_held_out_figures_are_reported(
        verdicts: list[tuple[dict[str, str], set[str]]],
        capsys: pytest.CaptureFixture[str]) -> None:
    tallies = tally(verdicts, "holdout")
    with capsys.disabled():
        print("\n" + table("holdout", tallies))
    assert tallies["semua"].breaches + tallies["semua"].clean == sum(
        1 for i in corpus() if i["split"] == "holdout")


EXTRAS = sorted((Path(__file__).parent / "corpus").glob("konten-tambahan*.yml"))


@pytest.mark.parametrize("extra", EXTRAS, ids=[p.stem for p in EXTRAS])
def test_the_extra_captions_written_during_development_keep_their_verdicts(
        extra: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A regression check, not a blind measure: captions written by the screen's developers
    after its first version (tests/corpus/konten-tambahan*.yml), per file and category."""
    items = yaml.safe_load(extra.read_text(encoding="utf-8"))
    levels, _ = screened(tmp_path, [item["text"] for item in items], "tambahan")
    tallies: dict[str, Tally] = defaultdict(Tally)
    for item, found in zip(items, levels, strict=True):
        for name in (item.get("category", "campuran"), "semua"):
            figures = tallies[name]
            figures.count(item["label"], found)
    with capsys.disabled():
        print("\n" + table(extra.stem, tallies))
    assert (tallies["semua"].recall() or 0) >= RECALL_TARGET, table(extra.stem, tallies)
    assert (tallies["semua"].false_positives() or 0) <= FALSE_POSITIVE_TARGET, table(
        extra.stem, tallies)
