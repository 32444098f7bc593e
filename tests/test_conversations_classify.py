"""The comment classifier, measured on the labelled set (tests/data/percakapan_berlabel.tsv)."""

from __future__ import annotations

from pathlib import Path

from kalender.conversations.classify import classify, confusion, products, read
from kalender.conversations.model import KINDS

DATA = Path(__file__).parent / "data" / "percakapan_berlabel.tsv"
DRIVING = ("pertanyaan", "keluhan", "misinformasi")


def lines() -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in DATA.read_text(encoding="utf-8")
            .splitlines() if line and not line.startswith("#")][1:]


def rows(part: str) -> list[tuple[str, str]]:
    return [(label, text) for split, label, _sentiment, text in lines() if split == part]


def test_the_labelled_set_is_big_and_covers_every_class() -> None:
    every = rows("latih") + rows("uji")
    assert len(every) >= 200
    assert {label for label, _ in every} == set(KINDS)
    assert len(rows("uji")) >= 60


def test_held_out_accuracy_on_the_classes_that_drive_work() -> None:
    held = [(label, classify(text).value) for label, text in rows("uji")]
    table = confusion(held)
    print("\n" + "expected \\ predicted".ljust(22) + " ".join(k[:6].rjust(6) for k in KINDS))
    for label in KINDS:
        print(label.ljust(22) + " ".join(str(table[label][k]).rjust(6) for k in KINDS))
    driving = [(e, p) for e, p in held if e in DRIVING]
    right = sum(e == p for e, p in driving)
    print(f"pertanyaan/keluhan/misinformasi: {right}/{len(driving)}")
    assert right / len(driving) >= 0.85
    assert sum(e == p for e, p in held) / len(held) >= 0.80


def test_held_out_sentiment() -> None:
    held = [(mood, read(text).sentiment) for split, _label, mood, text in lines()
            if split == "uji"]
    right = sum(expected == found for expected, found in held)
    print(f"\nsentimen: {right}/{len(held)}")
    assert right / len(held) >= 0.85


def test_legal_products_are_read_by_the_citation_code() -> None:
    assert products("min PKPU 8/2019 itu ttg apa") == ("PKPU 8/2019",)
    assert products("mantap min") == ()
