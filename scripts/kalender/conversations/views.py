"""What the site shows of the conversations: the inbox, the listening page, each post's thread.

Pure data (frozen dataclasses of text and numbers, no mkdocs): the plugin adds the pages, the
templates escape every word. Commenters' names are shown pseudonymised (UU 27/2022) unless
``calendar/satker.yml`` says ``conversations: {pseudonymise: false}``; the files keep them as
the platform gave them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..core.dates import clock, full_date
from ..core.i18n import t
from ..core.model import Week
from .answerstate import AnswerState, state_of
from .canned import CannedAnswer, suggested
from .classify import Reading, read
from .model import NEEDS_ANSWER, SENTIMENTS, Comment, Conversation, Kind

DEFAULT_TARGET_DAYS = 2
TOP = 10


@dataclass(frozen=True)
class Settings:
    """From ``calendar/satker.yml``: names pseudonymised, the answer target in working days,
    the office's own account names (their replies are the office's answers)."""

    pseudonymise: bool = True
    target_days: int = DEFAULT_TARGET_DAYS
    salt: str = ""
    own_names: frozenset[str] = frozenset()


def settings_of(extra: Mapping[str, object], slug: str,
                own_names: Iterable[str] = ()) -> Settings:
    raw = extra.get("conversations")
    given = raw if isinstance(raw, dict) else {}
    target = given.get("answer_within_working_days", DEFAULT_TARGET_DAYS)
    return Settings(bool(given.get("pseudonymise", True)),
                    target if isinstance(target, int) and target > 0 else DEFAULT_TARGET_DAYS,
                    slug, frozenset(n.lower().lstrip("@") for n in own_names if n))


def pseudonym(comment: Comment, salt: str) -> str:
    """``Warganet 3F2A9C``: the same person (platform and account) the same name everywhere."""
    who = comment.author_id or comment.author
    code = hashlib.sha256(f"{salt}\0{comment.platform}\0{who}".encode()).hexdigest()[:6]
    return t("conversations.pseudonym", code=code.upper())


def working_days_between(start: dt.date, end: dt.date,
                         day_off: Callable[[dt.date], bool]) -> int:
    """Working days after ``start`` up to and including ``end`` (0 the same day)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += not day_off(day)
    return count


@dataclass(frozen=True)
class ShownComment:
    """One comment as a page shows it."""

    key: str
    post_id: str
    platform: str
    platform_label: str
    author: str
    at_label: str
    week: str
    text: str
    kind: str
    kind_label: str
    sentiment: str
    sentiment_label: str
    topics: tuple[str, ...]
    topic_labels: tuple[str, ...]
    products: tuple[str, ...]
    reply: bool
    ours: bool
    needs_answer: bool
    age_days: int  # working days since it was written; 0 when it needs no answer
    overdue: bool
    answer: ShownAnswer
    canned: tuple[tuple[str, str], ...] = ()  # (id, question) of canned answers that fit
    sort_key: str = ""  # ISO time, oldest first


@dataclass(frozen=True)
class ShownAnswer:
    """Where a comment's answer stands."""

    step: str = ""  # "", draf, disetujui, diposting
    label: str = ""
    text: str = ""
    url: str = ""
    by: str = ""
    states_law: bool = False


def _answer(state: AnswerState, names: Mapping[str, str]) -> ShownAnswer:
    step = state.step
    if step is None:
        return ShownAnswer(label=t("conversations.step.none"))
    last = state.steps[-1]
    draft = state.draft
    return ShownAnswer(step.value, t(f"conversations.step.{step.value}"),
                       draft.text if draft else "", state.posted.url if state.posted else "",
                       names.get(last.by, last.by), state.states_law)


@dataclass(frozen=True)
class Context:
    """What showing a comment needs besides the comment."""

    today: dt.date
    settings: Settings
    day_off: Callable[[dt.date], bool]
    members: Mapping[str, str]  # member id -> name
    canned: Sequence[CannedAnswer] = ()
    platform_names: Mapping[str, str] = field(default_factory=dict)


def is_ours(author: str, own_names: frozenset[str]) -> bool:
    """The office's own account: its name or handle, also as X writes it, ``Name (@handle)``."""
    text = author.strip().lower()
    handle = re.search(r"\(@([^)]+)\)$", text)
    return text.lstrip("@") in own_names or (handle is not None and handle.group(1) in own_names)


def answered_on_platform(conversation: Conversation, own_names: frozenset[str]) -> set[str]:
    """The ids of the comments the office's account replied to on the platform."""
    return {c.parent for c in conversation.comments
            if c.parent is not None and is_ours(c.author, own_names)}


def shown(comment: Comment, conversation: Conversation, context: Context,
          replied: frozenset[str] = frozenset()) -> ShownComment:
    reading = read(comment.text)
    settings = context.settings
    ours = is_ours(comment.author, settings.own_names)
    answer = _answer(state_of(conversation, comment.key), context.members)
    if not answer.step and comment.id in replied:
        answer = ShownAnswer("diposting", t("conversations.step.on_platform"))
    needs = reading.kind in NEEDS_ANSWER and not ours and answer.step != "diposting"
    # only a comment that waits for an answer shows its age: the others do not depend on
    # the day, so a post page with answered comments is not built again every day
    age = working_days_between(comment.at.date(), context.today, context.day_off) \
        if needs else 0
    return ShownComment(
        key=comment.key, post_id=comment.post_id, platform=comment.platform,
        platform_label=context.platform_names.get(comment.platform, comment.platform),
        author=pseudonym(comment, settings.salt) if settings.pseudonymise and not ours
        else comment.author,
        at_label=f"{full_date(comment.at.date())} {clock(comment.at)}",
        week=Week.of(comment.at.date()).label, text=comment.text, kind=reading.kind.value,
        kind_label=t(f"conversations.kind.{reading.kind.value}"), sentiment=reading.sentiment,
        sentiment_label=t(f"conversations.sentiment.{reading.sentiment}"),
        topics=reading.topics, topic_labels=tuple(_topic(x) for x in reading.topics),
        products=reading.products, reply=comment.parent is not None, ours=ours,
        needs_answer=needs, age_days=age, overdue=needs and age > settings.target_days,
        answer=answer, canned=_canned(reading, context.canned) if needs else (),
        sort_key=comment.at.isoformat())


def _topic(name: str) -> str:
    return t(f"conversations.topic.{name}")


def _canned(reading: Reading, canned: Sequence[CannedAnswer]) -> tuple[tuple[str, str], ...]:
    return tuple((a.id, a.question) for a in suggested(canned, reading.topics))


# -- the pages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class PostThread:
    """One post's conversation, in file order, with counts per class."""

    post_id: str
    comments: tuple[ShownComment, ...]
    counts: tuple[tuple[str, int], ...]  # (class label, count)
    waiting: int


@dataclass(frozen=True)
class Inbox:
    """The comments waiting for an answer, oldest first, and the filters' choices."""

    items: tuple[ShownComment, ...]
    platforms: tuple[Choice, ...]
    kinds: tuple[Choice, ...]
    posts: tuple[Choice, ...]
    target_days: int
    today_label: str
    overdue: int
    total_comments: int


@dataclass(frozen=True)
class WeekVolume:
    week: str
    total: int
    sentiments: tuple[int, ...]  # in SENTIMENTS order


@dataclass(frozen=True)
class Listening:
    """Volume and sentiment per week, top topics, questions, claims, most-asked posts."""

    weeks: tuple[WeekVolume, ...]
    sentiment_labels: tuple[str, ...]
    topics: tuple[tuple[str, int], ...]
    questions: tuple[ShownComment, ...]
    claims: tuple[ShownComment, ...]
    asked: tuple[tuple[str, int], ...]  # (post id, questions)
    total: int


@dataclass(frozen=True)
class ConversationViews:
    """Everything the site shows of the conversations."""

    threads: dict[str, PostThread]
    inbox: Inbox
    listening: Listening

    def of(self, post_id: str) -> PostThread | None:
        """A post's thread (templates: ``conversations.of(view.entry.id)``)."""
        return self.threads.get(post_id)


def build_views(conversations: Mapping[str, Conversation], titles: Mapping[str, str],
                platform_names: Mapping[str, str], context: Context) -> ConversationViews:
    """The threads, the inbox and the listening page of every stored conversation."""
    threads = {pid: _thread(conv, context) for pid, conv in sorted(conversations.items())}
    every = [c for thread in threads.values() for c in thread.comments]
    return ConversationViews(threads, _inbox(every, titles, platform_names, context),
                             _listening(every))


def _thread(conversation: Conversation, context: Context) -> PostThread:
    replied = frozenset(answered_on_platform(conversation, context.settings.own_names))
    comments = tuple(shown(c, conversation, context, replied) for c in conversation.comments)
    counts = Counter(c.kind for c in comments)
    return PostThread(conversation.post_id, comments,
                      tuple((t(f"conversations.kind.{k.value}"), counts[k.value]) for k in Kind
                            if counts[k.value]),
                      sum(c.needs_answer for c in comments))


def _inbox(every: Sequence[ShownComment], titles: Mapping[str, str],
           platform_names: Mapping[str, str], context: Context) -> Inbox:
    items = tuple(sorted((c for c in every if c.needs_answer), key=lambda c: c.sort_key))
    return Inbox(
        items=items,
        platforms=tuple(Choice(p, platform_names.get(p, p))
                        for p in sorted({c.platform for c in items})),
        kinds=tuple(Choice(k.value, t(f"conversations.kind.{k.value}")) for k in Kind
                    if any(c.kind == k.value for c in items)),
        posts=tuple(Choice(p, titles.get(p, p)) for p in sorted({c.post_id for c in items})),
        target_days=context.settings.target_days, today_label=full_date(context.today),
        overdue=sum(c.overdue for c in items), total_comments=len(every))


def _listening(every: Sequence[ShownComment]) -> Listening:
    weeks: dict[str, Counter[str]] = {}
    for comment in every:
        weeks.setdefault(comment.week, Counter())[comment.sentiment] += 1
    topics = Counter(x for c in every for x in c.topic_labels)
    questions = [c for c in every if c.kind == Kind.PERTANYAAN.value]
    asked = Counter(c.post_id for c in questions)
    return Listening(
        weeks=tuple(WeekVolume(w, sum(n.values()), tuple(n[s] for s in SENTIMENTS))
                    for w, n in sorted(weeks.items())),
        sentiment_labels=tuple(t(f"conversations.sentiment.{s}") for s in SENTIMENTS),
        topics=tuple(topics.most_common(TOP)),
        questions=tuple(sorted(questions, key=lambda c: c.sort_key, reverse=True)[:TOP]),
        claims=tuple(sorted((c for c in every if c.kind == Kind.MISINFORMASI.value),
                            key=lambda c: c.sort_key, reverse=True)),
        asked=tuple(sorted(asked.items(), key=lambda x: (-x[1], x[0]))[:TOP]),
        total=len(every))
