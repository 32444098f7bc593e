"""Canned answers for frequent questions: ``calendar/jawaban-siap.yml``.

Each answer has an ``id``, the ``question`` it answers, the ``topics`` of the comments it
fits (the classifier's topics), its ``text`` and the legal product it rests on with the
product's JDIH page (``url``; the office's ``jdih_url`` when left out). Using one
(``kalender conversations answer KEY --canned ID``) drafts its text with the link.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .classify import TOPICS

FILE = "jawaban-siap.yml"
SCHEMA = Field("mapping", keys={"answers": Field("list", items=Field("mapping", keys={
    "id": Field("text", required=True),
    "question": Field("text", required=True),
    "topics": Field("list", items=Field("text", choices=tuple(TOPICS))),
    "text": Field("text", required=True),
    "product": Field("text"),
    "url": Field("text"),
}))})


@dataclass(frozen=True)
class CannedAnswer:
    """One prepared answer and the page of the legal product it links."""

    id: str
    question: str
    topics: tuple[str, ...]
    text: str
    product: str = ""  # "PKPU 8/2019"
    url: str = ""

    @property
    def answer_text(self) -> str:
        """What is drafted: the text, then the link to the product's JDIH page."""
        return f"{self.text.strip()} {self.url}".strip()


def load_canned(calendar_folder: Path, jdih_url: str, report: Report) -> tuple[CannedAnswer,
                                                                              ...]:
    """The canned answers (none when the file is absent); problems to ``report``."""
    path = calendar_folder / FILE
    if not path.is_file():
        return ()
    located = read_data_file(path, SCHEMA, report)
    if located is None:
        return ()
    return tuple(CannedAnswer(str(raw["id"]), str(raw["question"]).strip(),
                              tuple(str(x) for x in raw.get("topics") or ()),
                              " ".join(str(raw["text"]).split()), str(raw.get("product") or ""),
                              str(raw.get("url") or jdih_url))
                 for raw in (located.value.get("answers") or ()))


def suggested(answers: Sequence[CannedAnswer], topics: Iterable[str]) -> tuple[CannedAnswer,
                                                                               ...]:
    """The canned answers sharing a topic with a comment."""
    wanted = set(topics)
    return tuple(a for a in answers if wanted & set(a.topics))


def canned_by_id(answers: Sequence[CannedAnswer], answer_id: str) -> CannedAnswer | None:
    return next((a for a in answers if a.id == answer_id), None)
