"""How much the SOP D content screen costs: ``python -m kalender.rules.screenbench --n 1000``.

Not a test (no timing is asserted): it screens ``--n`` captions made from the development
split of the labelled corpus (``tests/corpus/konten.yml``; the held-out part is not read)
and prints the time to read the lists, the first pass (every word's inflections computed,
PySastrawi included) and a second pass over the same captions (inflections cached), each
in total and per caption.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import yaml

from ..core.i18n import t
from ..text.wordforms import word_forms
from .lists import content_lists
from .screen import screen

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "tests" / "corpus" / "konten.yml"
SEED = 2026


def captions(n: int, seed: int = SEED) -> list[str]:
    """``n`` captions: development texts of the corpus, each with a distinct tail so no
    cache of whole texts helps."""
    items = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    texts = [str(i["text"]) for i in items if i["split"] == "dev"]
    pick = random.Random(seed)
    return [f"{pick.choice(texts)} #Pos{index}" for index in range(n)]


def timed_pass(texts: list[str], folder: Path) -> float:
    start = time.perf_counter()
    for text in texts:
        screen(text, folder)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=t("screenbench.help"))
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args(argv)
    folder, texts = REPO / "calendar", captions(args.n)
    start = time.perf_counter()
    content_lists(folder)
    lists = time.perf_counter() - start
    word_forms.cache_clear()
    for name, seconds in (("lists", lists), ("cold", timed_pass(texts, folder)),
                          ("warm", timed_pass(texts, folder))):
        print(t(f"screenbench.{name}", n=args.n, seconds=f"{seconds:.2f}",
                each=f"{1000 * seconds / max(1, args.n):.2f}"))


if __name__ == "__main__":
    main()
