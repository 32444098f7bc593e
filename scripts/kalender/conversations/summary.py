"""Public input over a period, for the half-yearly report (SOP E.1.f, E.4).

A comment counts in the period of the day it was written (office time). It *needs an answer*
when the classifier reads a question, complaint or misinformation claim; it is *answered*
when an answer to it was recorded as posted by the report's moment; the answer time runs
from the comment to that record.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..core.i18n import t
from .answerstate import state_of
from .classify import read
from .model import NEEDS_ANSWER, PLATFORMS, Conversation, Kind

TOP_TOPICS = 8


@dataclass(frozen=True)
class PublicInput:
    """What the public said in a period and how the team answered."""

    comments: int
    by_platform: tuple[tuple[str, int], ...]  # (platform id, count)
    by_kind: tuple[tuple[str, int], ...]  # (class, count), every class
    topics: tuple[tuple[str, int], ...]  # (topic label, count), the most frequent
    needing: int
    answered: int
    answer_hours: tuple[float, ...]
    counter_posts: int = 0  # proposals made from misinformation claims

    @property
    def unanswered(self) -> int:
        return self.needing - self.answered

    @property
    def median_hours(self) -> float | None:
        return statistics.median(self.answer_hours) if self.answer_hours else None


def public_input(conversations: Mapping[str, Conversation], start: dt.date, end: dt.date,
                 as_of: dt.datetime, counter_posts: int = 0) -> PublicInput:
    """The public input of the comments written from ``start`` to ``end`` (both included)."""
    platforms: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    needing = answered = 0
    waits: list[float] = []
    for conversation in conversations.values():
        for comment in conversation.comments:
            day = comment.at.astimezone(as_of.tzinfo).date()
            if not start <= day <= end or comment.at > as_of:
                continue
            reading = read(comment.text)
            platforms[comment.platform] += 1
            kinds[reading.kind.value] += 1
            topics.update(t(f"conversations.topic.{x}") for x in reading.topics)
            if reading.kind not in NEEDS_ANSWER:
                continue
            needing += 1
            posted = state_of(conversation, comment.key).posted
            if posted is not None and posted.at <= as_of:
                answered += 1
                waits.append((posted.at - comment.at).total_seconds() / 3600)
    return PublicInput(sum(platforms.values()),
                       tuple((p, platforms[p]) for p in PLATFORMS if platforms[p]),
                       tuple((k.value, kinds[k.value]) for k in Kind),
                       tuple(topics.most_common(TOP_TOPICS)), needing, answered, tuple(waits),
                       counter_posts)
