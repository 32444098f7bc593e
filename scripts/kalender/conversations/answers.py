"""Answers to public comments (SOP E.1.e): staff drafts, the kasubbag approves, staff posts.

Each step is one item appended to the post's ``<post>.percakapan.yml`` (``answer``: the
comment's key, ``step``, ``by``, ``role``, ``at``, and the ``text`` of a draft or the ``url``
of the posted answer), written atomically under the repository's lock, and signed like an
approval record when the member unlocked their key (chain: ``<post>#percakapan``).

The rules of the steps (docs/percakapan.md):

- ``draf``: a staff member (or the kasubbag) writes the answer; a new draft replaces the
  last one and voids its approval. The text goes through the content screen of captions
  (``calendar/terlarang/``): a blocked phrase refuses it.
- ``disetujui``: the kasubbag (or the Plh.) approves the last draft, not one they drafted.
  Needed before posting when the answer states law (cites a legal product).
- ``diposting``: staff records the URL of the answer as posted on the platform.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..approval.keys import MemberKey
from ..approval.records import write_lock
from ..approval.signing import head, read_items, seal_entry
from ..core.calendar_data import CalendarData
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..core.model import Post
from ..core.problems import Report, Severity
from .answerstate import AnswerState, state_of
from .classify import products
from .model import AnswerStep, Comment, Conversation, Step
from .store import Write, appended, conversations_of, current, step_text, write_all

if TYPE_CHECKING:  # the rules load when an answer is screened, not with the site
    from ..rules.content import Highlight

WRITERS = ("staf", "kasubbag")  # who may draft and record an answer as posted
APPROVERS = ("kasubbag",)


def chain_of(post_id: str) -> str:
    """The name of a post's chain of signed answer steps."""
    return f"{post_id}#percakapan"


class AnswerRefused(KalenderError):
    """A step refused; ``reason`` says why (``role`` and ``own_draft``: who acts)."""

    def __init__(self, reason: str, **params: Any) -> None:
        self.reason = reason
        super().__init__("conversations.answer_refused",
                         why=t(f"conversations.why.{reason}", **params))


def refuse(reason: str, **params: Any) -> AnswerRefused:
    return AnswerRefused(reason, **params)


def decide(state: AnswerState, step: Step, member: str, roles: Sequence[str], text: str,
           url: str) -> str:
    """The role the step is made in; KalenderError (nothing written) when it may not be."""
    if state.posted is not None:
        raise refuse("already_posted", url=state.posted.url)
    allowed = APPROVERS if step is Step.DISETUJUI else WRITERS
    role = next((r for r in roles if r in allowed), None)
    if role is None:
        raise refuse("role", step=step_name(step), roles=", ".join(allowed),
                     found=", ".join(roles) or "-")
    if step is Step.DRAF and not text.strip():
        raise refuse("empty")
    if step is not Step.DRAF and state.draft is None:
        raise refuse("no_draft")
    if step is Step.DISETUJUI:
        _check_approval(state, member)
    if step is Step.DIPOSTING:
        _check_posting(state, url)
    return role


def _check_approval(state: AnswerState, member: str) -> None:
    if state.approval is not None:
        raise refuse("already_approved")
    if state.draft is not None and state.draft.by == member:
        raise refuse("own_draft")


def _check_posting(state: AnswerState, url: str) -> None:
    if state.states_law and state.approval is None:
        raise refuse("needs_approval", products=", ".join(products(state.draft.text)
                                                           if state.draft else ()))
    if not url.startswith(("https://", "http://")):
        raise refuse("url", found=url or "-")


def step_name(step: Step) -> str:
    return t(f"conversations.step.{step.value}")


def screen(text: str, calendar: CalendarData) -> list[Highlight]:
    """The content screen of captions (SOP D) on an answer's text."""
    from ..rules.content import highlights  # the rules engine only for a screened answer

    return highlights(text, calendar.folder)


def blocked(found: Sequence[Highlight], text: str) -> list[str]:
    return [text[h.start:h.end] for h in found if h.severity is Severity.ERROR]


# -- writing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Made:
    """A step written: the step, its post, and what the screen warned about."""

    step: AnswerStep
    post_id: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Request:
    """One step asked for: which comment, which step, by whom, with what."""

    key: str
    step: Step
    member: str
    at: dt.datetime
    text: str = ""
    url: str = ""


def find_comment(conversations: Sequence[Conversation], key: str) -> tuple[Conversation,
                                                                             Comment]:
    for conversation in conversations:
        for comment in conversation.comments:
            if comment.key == key:
                return conversation, comment
    raise KalenderError("conversations.no_comment", comment=key)


def make_step(root: Path, posts: Sequence[Post], calendar: CalendarData, request: Request,
              key_of: MemberKey | None = None) -> Made:
    """Check and append one answer step (under the repository lock, the conversations read
    inside it), signed with ``key_of``; a problem in a conversation file stops it."""
    with write_lock(root):
        report = Report()
        conversations = list(conversations_of(posts, report, calendar.satker.timezone).values())
        if report.errors:
            raise DataError("conversations.files_have_errors", problems="\n".join(
                f"{p.where(root)}: {p.message}" for p in report.errors))
        conversation, _comment = find_comment(conversations, request.key)
        state = state_of(conversation, request.key)
        roles = calendar.team.roles_of(request.member, request.at.date())
        role = decide(state, request.step, request.member, roles, request.text, request.url)
        warnings = _screened(state, request, calendar)
        _check_time(conversation, request.at)
        step = AnswerStep(request.key, request.step, request.member, role, request.at,
                          request.text.strip(), request.url.strip())
        _append(conversation, step, key_of)
    return Made(step, conversation.post_id, tuple(warnings))


def _screened(state: AnswerState, request: Request, calendar: CalendarData) -> list[str]:
    """Screen the draft being written or approved; blocked words refuse it."""
    if request.step is Step.DRAF:
        text = request.text
    elif request.step is Step.DISETUJUI and state.draft is not None:
        text = state.draft.text
    else:
        return []
    found = screen(text, calendar)
    stopped = blocked(found, text)
    if stopped:
        raise refuse("blocked", words=", ".join(stopped))
    return [text[h.start:h.end] for h in found]


def _check_time(conversation: Conversation, at: dt.datetime) -> None:
    last = max((s.at for s in conversation.steps), default=None)
    if last is not None and at < last:
        raise refuse("earlier", last=last.isoformat(timespec="seconds"))


def _append(conversation: Conversation, step: AnswerStep, key: MemberKey | None) -> None:
    path = conversation.path
    old = current(path)
    entry = step_text(step)
    if key is not None:
        previous = head(chain_of(conversation.post_id),
                        [i.fields for i in read_items(path, old) if "answer" in i.fields])
        entry = seal_entry(entry, chain_of(conversation.post_id), previous, key)
    write_all([Write(path, old, appended(path, conversation.post_id, old, [entry]))])
