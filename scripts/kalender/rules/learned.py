"""The learned layer of the SOP D screen: a logistic regression over the caption's words and
what the rules saw (:mod:`kalender.rules.learnedfeatures`), trained on the labelled corpora
(:mod:`kalender.rules.learnedtrain`), its weights as data in ``calendar/terlarang/dipelajari/``.

It only adds to the rules: a caption the rules already refuse is left to them. A score at or
above ``thresholds.error`` is an error unless the caption has the structure of a lesson (a
sentence about the law, a negator, a phrase only mentioned); there the bar is
``thresholds.error_lesson``; a caption of fewer distinct words than ``thresholds.short``
needs ``thresholds.error_short``. A score at or above ``thresholds.warning`` is a warning (which
a move must acknowledge). Below ``thresholds.veto`` the layer vetoes the word rules'
findings on the text (:mod:`kalender.rules.learnedveto`). A naive Bayes over the same
features names the category, and so the SOP clause, the law and the advice of the finding.
The file's ``active: false`` turns the layer off without removing it. The office's mandatory
hashtags (``hashtags`` in ``calendar/satker.yml``), on every post whatever it says, are not
read: blanked before the layer reads a text (:meth:`Model.readable`), in training too.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..core.model import HASHTAG
from ..core.problems import Severity
from .learnedfeatures import educational

MODEL_FILE = Path("terlarang") / "dipelajari" / "bobot.json"
SATKER_FILE = Path("satker.yml")  # its ``hashtags``: the office's mandatory hashtags
ModelKey = tuple[Path, int, int, int]
# Models an earlier process parsed and kept on disk (kalender.rules.keptlists), by
# model_key: used before parsing the weights file (770 KB of JSON) again.
KEPT: dict[ModelKey, Model] = {}
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: seven times faster
WORD = "w:"  # the features of single words (kalender.rules.learnedfeatures)
# The SOP clause of each category (as in the lists of calendar/terlarang/).
SOP = {"kekerasan": "D.1", "terorisme": "D.1", "sara": "D.1", "hinaan": "D.3", "hoaks": "D.2",
       "partisan": "D.3", "data-pribadi": "D.4", "pidana-pemilu": "D.4"}


@dataclass(frozen=True)
class Thresholds:
    """The scores from which the layer reports (see the module)."""

    error: float
    error_lesson: float
    warning: float
    veto: float = 0.0  # below it, the word rules' findings are dropped (learnedveto)
    short: int = 0  # a caption of fewer distinct words than this is short ...
    error_short: float = 0.0  # ... and an error only from this score (the bias weighs more)


@dataclass(frozen=True)
class Categories:
    """Naive Bayes counts: for each feature, how many breach captions of each category had it."""

    totals: Mapping[str, int]  # breach captions of each category
    counts: Mapping[str, Mapping[str, int]]

    def best(self, found: Iterable[str]) -> str:
        """The most likely category of a breach with the features ``found``."""
        every = sum(self.totals.values())
        return max(sorted(self.totals), key=lambda c: self._log_odds(c, found, every))

    def _log_odds(self, category: str, found: Iterable[str], every: int) -> float:
        total = self.totals[category]
        odds = math.log(total / every)
        for feature in found:
            seen = self.counts.get(feature)
            if seen is not None:
                odds += math.log((seen.get(category, 0) + 0.5) / (total + 1))
        return odds


@dataclass(frozen=True)
class Model:
    """The weights of the logistic regression, the thresholds and the category counts."""

    active: bool
    bias: float
    weights: Mapping[str, float]
    thresholds: Thresholds
    categories: Categories
    office_tags: frozenset[str] = frozenset()  # mandatory hashtags, casefolded: not read

    def readable(self, text: str) -> str:
        """``text`` as the layer reads it: the office's mandatory hashtags blanked."""
        return blank_hashtags(text, self.office_tags)

    def score(self, found: Iterable[str]) -> float:
        """The probability the model gives that a caption with ``found`` is a breach."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in found)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def verdict(self, found: frozenset[str]) -> Severity | None:
        """The level the layer reports for a caption with ``found``, or None."""
        return verdict(self.score(found), educational(found), self.thresholds,
                       short(found, self.thresholds))


def short(found: frozenset[str], thresholds: Thresholds) -> bool:
    """True when a caption with ``found`` has fewer distinct words than ``thresholds.short``:
    there the model's positive bias outweighs the few words it knows."""
    return sum(f.startswith(WORD) for f in found) < thresholds.short


def verdict(score: float, lesson: bool, thresholds: Thresholds,
            is_short: bool = False) -> Severity | None:
    """The level of a caption with ``score``; ``lesson``: it has the structure of a lesson;
    ``is_short``: it has few words (:func:`short`)."""
    bar = thresholds.error_lesson if lesson else thresholds.error
    if score >= (max(bar, thresholds.error_short) if is_short else bar):
        return Severity.ERROR
    return Severity.WARNING if score >= thresholds.warning else None


def blank_hashtags(text: str, tags: frozenset[str]) -> str:
    """``text`` with each hashtag of ``tags`` (casefolded, without ``#``) blanked: spaces in
    its place, so every other character keeps its offset (a finding's line and words)."""
    if not tags or "#" not in text:
        return text
    return HASHTAG.sub(lambda m: " " * len(m[0]) if m[1].casefold() in tags else m[0], text)


def load_model(calendar_folder: Path) -> Model | None:
    """The model of ``calendar_folder`` (``calendar/``), with the office's mandatory hashtags,
    or None when there is none or it is turned off (``active: false``). Read again only when
    a file changes."""
    key = model_key(calendar_folder)
    if key is None:
        return None
    model = KEPT.get(key) or _read(*key)
    return model if model.active else None


def model_key(calendar_folder: Path) -> ModelKey | None:
    """What the model of ``calendar_folder`` is read from: the folder, the weights file's
    time and size, the time of ``satker.yml`` (None: there is no weights file)."""
    try:
        stamp = (calendar_folder / MODEL_FILE).stat()
    except OSError:
        return None
    return (calendar_folder, stamp.st_mtime_ns, stamp.st_size,
            _stamp(calendar_folder / SATKER_FILE))


def read_model(key: ModelKey) -> Model:
    """The model read from the files of ``key`` (:func:`model_key`), active or not."""
    return _read(*key)


def office_hashtags(calendar_folder: Path) -> frozenset[str]:
    """The mandatory hashtags of ``calendar/satker.yml``, casefolded, without ``#`` (none when
    the file cannot be read: ``kalender check`` reports it)."""
    return _office_hashtags(calendar_folder / SATKER_FILE,
                            _stamp(calendar_folder / SATKER_FILE))


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@lru_cache(maxsize=4)
def _office_hashtags(path: Path, mtime: int) -> frozenset[str]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML)
    except (OSError, yaml.YAMLError):
        return frozenset()
    tags = data.get("hashtags") if isinstance(data, dict) else None
    return frozenset(str(t).lstrip("#").casefold() for t in tags or ())


@lru_cache(maxsize=4)
def _read(calendar_folder: Path, mtime: int, size: int, satker: int) -> Model:
    model = model_of(json.loads((calendar_folder / MODEL_FILE).read_text(encoding="utf-8")))
    return replace(model, office_tags=office_hashtags(calendar_folder))


def model_of(data: Mapping[str, Any]) -> Model:
    """The model written as ``data`` (the mapping of the weights file)."""
    limits = data["thresholds"]
    categories = data["categories"]
    return Model(active=bool(data.get("active", True)), bias=float(data["bias"]),
                 weights={str(k): float(v) for k, v in data["weights"].items()},
                 thresholds=Thresholds(float(limits["error"]), float(limits["error_lesson"]),
                                       float(limits["warning"]), float(limits.get("veto", 0.0)),
                                       int(limits.get("short", 0)),
                                       float(limits.get("error_short", 0.0))),
                 categories=Categories(dict(categories["totals"]), categories["counts"]))
