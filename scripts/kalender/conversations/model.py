"""What a public comment and an answer to it are, once read from a conversation file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

PLATFORMS = ("youtube", "facebook", "instagram", "x", "tiktok")


class Kind(StrEnum):
    """The classes of a comment (docs/percakapan.md)."""

    PERTANYAAN = "pertanyaan"  # question
    KELUHAN = "keluhan"  # complaint
    SARAN = "saran"  # suggestion
    PUJIAN = "pujian"  # praise
    MISINFORMASI = "misinformasi"  # a misinformation claim to counter
    KASAR = "kasar"  # abuse
    LAINNYA = "lainnya"  # other


KINDS: tuple[str, ...] = tuple(k.value for k in Kind)
NEEDS_ANSWER = frozenset({Kind.PERTANYAAN, Kind.KELUHAN, Kind.MISINFORMASI})
SENTIMENTS = ("positif", "netral", "negatif")


class Step(StrEnum):
    """The steps of an answer: staff drafts, the kasubbag approves, staff posts it."""

    DRAF = "draf"
    DISETUJUI = "disetujui"
    DIPOSTING = "diposting"


STEPS: tuple[str, ...] = tuple(s.value for s in Step)


@dataclass(frozen=True)
class Incoming:
    """One comment as a platform's file gives it, before it is stored."""

    platform: str
    id: str
    text: str
    author: str
    at: dt.datetime | None
    parent: str | None = None  # the comment it replies to (same platform)
    post_key: str | None = None  # the post's id on the platform, when the file says it
    author_id: str = ""
    source: Path | None = None
    where: str = ""  # JSON path or CSV line, for messages

    @property
    def key(self) -> str:
        return comment_key(self.platform, self.id)


def comment_key(platform: str, comment_id: str) -> str:
    """The id of a comment everywhere in the tool: ``youtube:UgzX...``."""
    return f"{platform}:{comment_id}"


@dataclass(frozen=True)
class Comment:
    """A stored comment on a post."""

    post_id: str
    platform: str
    id: str
    text: str
    author: str
    at: dt.datetime
    parent: str | None = None
    author_id: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        return comment_key(self.platform, self.id)


@dataclass(frozen=True)
class AnswerStep:
    """One step of an answer to a comment: who, when, and the text or the posted URL."""

    comment: str  # comment key
    step: Step
    by: str
    role: str
    at: dt.datetime
    text: str = ""
    url: str = ""
    line: int = 0


@dataclass(frozen=True)
class Conversation:
    """A post's stored comments and answer steps, in file order."""

    post_id: str
    path: Path
    comments: tuple[Comment, ...] = ()
    steps: tuple[AnswerStep, ...] = ()

    def keys(self) -> set[str]:
        return {c.key for c in self.comments}

    def steps_of(self, key: str) -> tuple[AnswerStep, ...]:
        return tuple(s for s in self.steps if s.comment == key)
