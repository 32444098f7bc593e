"""The SOP D screen measured on every blind corpus ``tests/corpus/konten-buta*.yml`` (issue 16,
point 5): captions written by someone who never saw the screen's code, lists or other corpora.
``konten-buta.yml`` and ``konten-buta-2.yml`` were written by two different helpers; a new blind
corpus is measured as soon as it is dropped in ``tests/corpus/`` under that name.

For each file, every caption is written as a post (``contentposts.write_post``) in a copy of
``calendar/`` and ``kalender check`` (``check_project``) runs once over all of them. A breach
counts as found when the screen reports an ERROR on its post (rules content.forbidden,
content.partisan or content.personal_data); a clean caption counts as a false positive when it
gets any finding of those rules.

Each file is measured twice: with the learned layer (rule content.learned, its weights in
``calendar/terlarang/dipelajari/``) and without it (the weights removed from the copy).

This is a measurement, not a target: the tests assert only that every caption was checked and
that the labels are valid. The table of recall and false positives per category, one per file,
is printed only when pytest runs with ``-s`` (output capture off); the coordinator writes the
figures in docs/aturan-isi.md.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from contentposts import SCREEN_RULES, Tally, screened

CORPORA = sorted((Path(__file__).parent / "corpus").glob("konten-buta*.yml"))
LABELS = {"breach", "clean"}
BREACH_CATEGORIES = {"kekerasan", "terorisme", "sara", "hinaan", "hoaks", "keberpihakan",
                     "data-pribadi", "pidana-pemilu"}
CATEGORIES = BREACH_CATEGORIES | {"umum"}

Item = dict[str, str]
Verdict = tuple[Item, set[str]]
Checked = tuple[Path, list[Verdict], int, list[Verdict]]  # the last: without the layer


def corpus(path: Path) -> list[Item]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_blind_corpora_are_there() -> None:
    names = {path.name for path in CORPORA}
    assert {"konten-buta.yml", "konten-buta-2.yml"} <= names


@pytest.fixture(scope="module", params=CORPORA, ids=[path.stem for path in CORPORA])
def checked(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Checked:
    """The corpus file, each item with the severities the screen gave its post, posts checked."""
    source: Path = request.param
    items = corpus(source)
    texts = [item["text"] for item in items]
    levels, posts = screened(tmp_path_factory.mktemp(source.stem), texts, "buta")
    rules_only, _ = screened(tmp_path_factory.mktemp(f"{source.stem}-aturan"), texts, "buta",
                             learned=False)
    return (source, list(zip(items, levels, strict=True)), posts,
            list(zip(items, rules_only, strict=True)))


def tally(verdicts: list[Verdict]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for item, severities in verdicts:
        tallies[item["category"]].count(item["label"], severities)
        tallies["semua"].count(item["label"], severities)
    return dict(tallies)


def table(name: str, tallies: dict[str, Tally]) -> str:
    rows = [f"{name}: category     recall            false positives"]
    for category in sorted(tallies, key=lambda n: (n == "semua", n)):
        t = tallies[category]
        rows.append(f"  {category:22} {_share(t.found, t.breaches)}   "
                    f"{_share(t.flagged, t.clean)}")
    return "\n".join(rows)


def _share(part: int, whole: int) -> str:
    if not whole:
        return f"{'-':>15}"
    return f"{part:>3}/{whole:<3} {100 * part / whole:5.1f}%"


@pytest.mark.parametrize("source", CORPORA, ids=[path.stem for path in CORPORA])
def test_the_blind_corpus_is_labelled(source: Path) -> None:
    items = corpus(source)
    assert len(items) >= 150  # issue 16, point 5: at least 150 captions
    assert all(set(i) == {"text", "label", "category"} for i in items)
    assert {i["label"] for i in items} == LABELS
    assert {i["category"] for i in items} == CATEGORIES
    assert {i["category"] for i in items if i["label"] == "breach"} == BREACH_CATEGORIES
    assert len({i["text"] for i in items}) == len(items)


def test_every_blind_caption_is_checked_and_measured(
        checked: Checked, request: pytest.FixtureRequest) -> None:
    source, verdicts, posts, rules_only = checked
    assert posts == len(verdicts) == len(rules_only) == len(corpus(source))
    assert any(severities for _, severities in verdicts), f"no finding of {SCREEN_RULES} at all"
    tallies = tally(verdicts)
    assert tallies["semua"].breaches + tallies["semua"].clean == len(verdicts)
    if request.config.getoption("capture") == "no":
        print("\n" + table(f"{source.name} (aturan saja)", tally(rules_only)))
        print("\n" + table(f"{source.name} (aturan + lapisan yang dipelajari)", tallies))
