"""The site's report of a half-year kept on disk, from one process to the next.

:func:`~kalender.report.settled.settled_report` builds the report twice (as of today's
shown day and as of the last day something changed) and renders its page text twice. Both
follow from what the report reads (:class:`~kalender.report.build.ReportInput`: the posts
with their records, the calendar data, the important days, the engagement figures, the
evaluation and the public input) and from the public input as of the last change, inside a
generation (the code, the templates, the calendar data and the language). :func:`kept_report`
keeps the report and its text under a digest of all of these, so a new process after a
caption edit outside the half-year, or a new day within the week, renders nothing again.

A post enters that digest as :func:`counted_post`: what the report reads of it. Its caption,
hashtags, body and line numbers are left out (the report counts and names posts, it never
shows their text; the public input, which reads the bodies, is in the digest on its own),
and its fingerprint only as which of its records it matches: a caption edited on a draft
then leaves the report as it was, while an approved post edited turns "changed" (its
fingerprint no longer matches the approval) and the report is made again.

What is kept under that digest is the report as a build shows it (:class:`ShownReport`: its
page text and the key of its charts), not the report: a half-year's report holds the records
of every post in it (some 35 MB of objects each at 10,000 posts), and a build whose charts
and PDF are in the cache never reads it. A build that must draw them makes it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from ..core.model import Post
from ..core.postmemo import DiskMemo, unshared_pickle
from .build import PostRecords, ReportInput, SemesterReport
from .inputs import end_of_day
from .settled import BodyOf, PublicAt, last_change, settled_report


@dataclass
class DiskReports:
    """The reports kept from one process to the next (``memo``), and each post's key
    (:func:`~kalender.core.postmemo.post_key` by post id): a post with its records, its
    fingerprint and its state (:class:`~kalender.report.build.PostRecords`) follows from its
    inputs, so the report's key names the post by the digest of what the report reads of it
    (:func:`counted_key`), kept under its key, instead of pickling it."""

    memo: DiskMemo[Any]
    post_keys: Mapping[str, str] = field(default_factory=dict)


ChartsOf = Callable[[SemesterReport], str]  # the key of what a report's charts draw


@dataclass
class ShownReport:
    """A half-year's report as a build shows it: its page text (``body``) and the key of
    its charts (``charts``); the report itself when it was made now, else made again on
    asking (:meth:`full`: only when its charts or PDF must be drawn)."""

    body: str
    charts: str
    report: SemesterReport | None = None
    remake: Callable[[], SemesterReport] | None = None

    def full(self) -> SemesterReport:
        """The report (made again when it was taken from the disk)."""
        if self.report is None:
            assert self.remake is not None
            self.report = self.remake()
        return self.report

    def let_go(self) -> None:
        """Done with drawing: the report (and what it is made from) is not held."""
        self.report = self.remake = None


def report_key(source: ReportInput, public_at: PublicAt, *extra: object,
               post_keys: Mapping[str, str] | None = None) -> str | None:
    """A digest of everything :func:`settled_report` reads for ``source``; None when it
    cannot be pickled (then the report is made, not kept)."""
    day = last_change(source)
    public = None
    if day < source.as_of.date():
        public = public_at(end_of_day(day, source.as_of.tzinfo or dt.UTC))
    keys = [(post_keys or {}).get(p.post.id) for p in source.posts]
    shown: object = source
    if None not in keys:
        shown = (replace(source, posts=()), keys)
    try:
        data = unshared_pickle((shown, public, extra))
    except (TypeError, ValueError, AttributeError, RecursionError):
        return None
    return hashlib.sha256(data).hexdigest()


def counted_post(post: PostRecords) -> PostRecords:
    """``post`` as the report reads it: without the text it never shows, and with its
    fingerprint kept only as far as the report compares it (to its records')."""
    bare = _without_text(post.post)
    matched = {r.fingerprint for r in post.records}
    return replace(post, post=bare,
                   fingerprint=post.fingerprint if post.fingerprint in matched else "")


def _without_text(post: Post) -> Post:
    return replace(post, caption="", captions={}, hashtags=(), mentions=(), body="",
                   lines={}, meta={})


def counted_key(post: PostRecords) -> str | None:
    """The digest of :func:`counted_post` (None when it cannot be pickled)."""
    try:
        return hashlib.sha256(unshared_pickle(counted_post(post))).hexdigest()
    except (TypeError, ValueError, AttributeError, RecursionError):
        return None


def kept_report(kept: DiskReports | None, source: ReportInput,
                body_of: BodyOf, public_at: PublicAt, charts_of: ChartsOf,
                *extra: object) -> ShownReport:
    """:func:`settled_report` as shown (:class:`ShownReport`), taken from ``kept`` when it
    was made from the same inputs (``extra``: what else ``body_of`` and ``charts_of`` read,
    such as the chart labels and names)."""
    if kept is None:
        return _shown(settled_report(source, body_of, public_at), charts_of)
    store = kept.memo
    key = report_key(source, public_at, *extra, post_keys=_counted_keys(kept, source))
    body = _kept_body(store, body_of, extra)
    if key is None:
        return _shown(settled_report(source, body, public_at), charts_of)
    made: list[ShownReport] = []

    def make() -> tuple[str, str]:
        made.append(_shown(settled_report(source, body, public_at), charts_of))
        return made[0].body, made[0].charts

    text, charts = store.get(f"shown-{key}", make)
    if made:
        return made[0]
    return ShownReport(text, charts, remake=partial(_remade, source, body, public_at))


def _shown(settled: tuple[SemesterReport, str], charts_of: ChartsOf) -> ShownReport:
    report, body = settled
    return ShownReport(body, charts_of(report), report)


def _remade(source: ReportInput, body_of: BodyOf, public_at: PublicAt) -> SemesterReport:
    return settled_report(source, body_of, public_at)[0]


def _counted_keys(kept: DiskReports, source: ReportInput) -> dict[str, str]:
    """Each post's :func:`counted_key`, kept in the store under the post's inputs (it
    follows from them), so only an edited post is pickled again."""
    found: dict[str, str] = {}
    for post in source.posts:
        inputs = kept.post_keys.get(post.post.id)
        if inputs is None:
            continue
        counted = kept.memo.get(f"counted-{inputs}", partial(counted_key, post))
        if counted is not None:
            found[post.post.id] = counted
    return found


def _kept_body(store: DiskMemo[Any], body_of: BodyOf, extra: tuple[object, ...]) -> BodyOf:
    """``body_of``, its text kept in ``store`` by the report it shows: a caption edited
    changes the report's inputs, seldom its numbers, and its page is the same text."""

    def body(report: SemesterReport) -> str:
        try:
            key = "body-" + hashlib.sha256(unshared_pickle((report, extra))).hexdigest()
        except (TypeError, ValueError, AttributeError, RecursionError):
            return body_of(report)
        return str(store.get(key, lambda: body_of(report)))

    return body
