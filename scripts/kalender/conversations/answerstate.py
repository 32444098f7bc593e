"""Where the answer to a public comment stands (what the site and the reports read).

Apart from :mod:`kalender.conversations.answers`, which writes and signs the steps: reading
an answer's state needs neither the keys (``cryptography``) nor the repository's lock, so a
build of the site does not import them (issue 23, branch ``edit9``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .classify import products
from .model import AnswerStep, Conversation, Step


@dataclass(frozen=True)
class AnswerState:
    """Where the answer to one comment stands, from its steps in file order."""

    comment: str
    steps: tuple[AnswerStep, ...] = ()

    @property
    def draft(self) -> AnswerStep | None:
        drafts = [s for s in self.steps if s.step is Step.DRAF]
        return drafts[-1] if drafts else None

    @property
    def approval(self) -> AnswerStep | None:
        """The approval of the last draft (an earlier draft's approval does not count)."""
        draft = self.draft
        if draft is None:
            return None
        after = self.steps[self.steps.index(draft) + 1:]
        return next((s for s in after if s.step is Step.DISETUJUI), None)

    @property
    def posted(self) -> AnswerStep | None:
        return next((s for s in reversed(self.steps) if s.step is Step.DIPOSTING), None)

    @property
    def step(self) -> Step | None:
        if self.posted is not None:
            return Step.DIPOSTING
        if self.approval is not None:
            return Step.DISETUJUI
        return Step.DRAF if self.draft is not None else None

    @property
    def states_law(self) -> bool:
        """The draft cites a legal product: the kasubbag approves it before it is posted."""
        return self.draft is not None and states_law(self.draft.text)


def states_law(text: str) -> bool:
    return bool(products(text))


def state_of(conversation: Conversation, key: str) -> AnswerState:
    return AnswerState(key, conversation.steps_of(key))
