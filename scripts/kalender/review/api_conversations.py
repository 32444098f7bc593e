"""The review server's conversation route: one step of an answer to a public comment.

::

    POST /api/conversations/answers   {comment, step, text, url}
    POST /api/conversations/counter   {comment}: a misinformation claim becomes an usulan

``step`` is ``draf`` (with ``text``), ``disetujui`` or ``diposting`` (with ``url``); the
logged-in member acts, through the same code as ``kalender conversations answer``,
``approve-answer`` and ``posted`` (roles, the content screen, approval before posting an
answer that states law). The step is appended to the post's ``.percakapan.yml``, committed
to git as the member, and the site is rebuilt (the answer's ``ticket``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..conversations.answers import AnswerRefused, Made, make_step
from ..conversations.answers import Request as StepRequest
from ..conversations.counter import counter_post, next_day
from ..conversations.model import STEPS, Step
from ..conversations.store import conversation_file
from ..core.errors import KalenderError
from ..core.i18n import t
from ..core.loader import load_project
from ..workflow.actions import office_now

if TYPE_CHECKING:
    from .app import Review

TEXT_LIMIT, URL_LIMIT, KEY_LIMIT = 8000, 2000, 200
WHO_ACTS = frozenset({"role", "own_draft"})


class Refused(Exception):
    def __init__(self, status: int, key: str, **params: Any) -> None:
        super().__init__(key)
        self.status, self.key, self.params = status, key, params

    def response(self) -> JSONResponse:
        return JSONResponse({"message": t(self.key, **self.params)}, status_code=self.status)


def step_request(data: dict[str, Any], member: str, zone: dt.tzinfo) -> StepRequest:
    """The step the JSON body asks for; :class:`Refused` (400) when it is malformed."""
    values = {}
    for name, limit in (("comment", KEY_LIMIT), ("step", 20), ("text", TEXT_LIMIT),
                        ("url", URL_LIMIT)):
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            raise Refused(400, "conversations.bad_field", field=name)
        values[name] = value
    if values["step"] not in STEPS or not values["comment"]:
        raise Refused(400, "conversations.bad_field", field="step" if values["comment"]
                      else "comment")
    return StepRequest(values["comment"], Step(values["step"]), member, office_now(zone),
                       values["text"], values["url"])


def answer_step(review: Review, member: str, data: dict[str, Any]) -> Made:
    """Make the step under the server's action lock; commit what it wrote as ``member``."""
    root = review.settings.root
    with review.acting:
        project = load_project(root)
        if project.calendar is None:
            raise Refused(422, "conversations.no_calendar")
        request = step_request(data, member, project.calendar.satker.timezone)
        try:
            made = make_step(root, project.posts, project.calendar, request)
        except AnswerRefused as refused:
            raise Refused(403 if refused.reason in WHO_ACTS else 409, refused.key,
                          **refused.params) from None
        except KalenderError as error:
            raise Refused(404 if error.key == "conversations.no_comment" else 409, error.key,
                          **error.params) from None
        _commit(review, member, made, [p.path for p in project.posts if p.id == made.post_id])
    return made


def _commit(review: Review, member: str, made: Made, posts: list[Path]) -> None:
    editor = getattr(review, "editor", None)
    if editor is not None and posts:
        editor.commit(member, [conversation_file(posts[0])], "conversations.commit",
                      step=t(f"conversations.step.{made.step.step}"), comment=made.step.comment,
                      post=made.post_id)


def counter(review: Review, member: str, data: dict[str, Any]) -> tuple[str, str]:
    """Make the proposal countering a claim, committed as ``member``: (post id, message)."""
    key = data.get("comment")
    if not isinstance(key, str) or not key or len(key) > KEY_LIMIT:
        raise Refused(400, "conversations.bad_field", field="comment")
    root = review.settings.root
    with review.acting:
        project = load_project(root)
        if project.calendar is None:
            raise Refused(422, "conversations.no_calendar")
        zone = project.calendar.satker.timezone
        try:
            path, problems = counter_post(root, project.posts, zone, key,
                                          next_day(office_now(zone)))
        except KalenderError as error:
            raise Refused(404 if error.key == "conversations.no_comment" else 409, error.key,
                          **error.params) from None
        if problems:
            raise Refused(409, "new.invalid", count=len(problems))
        editor = getattr(review, "editor", None)
        if editor is not None:
            editor.commit(member, [path], "conversations.commit_counter", post=path.stem,
                          comment=key)
    return path.stem, t("conversations.countered", post=path.stem)


def routes(review: Review, wrap: Callable[..., Any], read_json: Callable[..., Any]
           ) -> list[Route]:
    """The conversation routes, wrapped like the others (Origin, CSRF, errors)."""

    async def answer(_review: Review, request: Request) -> Response:
        session = review.required_session(request)
        data = await read_json(request)
        try:
            made = await run_in_threadpool(answer_step, review, session.member, data)
        except Refused as refused:
            return refused.response()
        message = t("conversations.step_written", step=t(f"conversations.step.{made.step.step}"),
                    key=made.step.comment, post=made.post_id)
        return JSONResponse({"message": message, "warnings": list(made.warnings),
                             "ticket": review.builder.request()})

    async def proposal(_review: Review, request: Request) -> Response:
        session = review.required_session(request)
        data = await read_json(request)
        try:
            post_id, message = await run_in_threadpool(counter, review, session.member, data)
        except Refused as refused:
            return refused.response()
        return JSONResponse({"message": message, "post": post_id,
                             "ticket": review.builder.request()}, status_code=201)

    return [Route("/api/conversations/answers", wrap(answer, change=True), methods=["POST"]),
            Route("/api/conversations/counter", wrap(proposal, change=True), methods=["POST"])]
