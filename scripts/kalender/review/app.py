"""The review server: the built site plus a small JSON API, on Starlette.

Routes::

    GET  /api/session                   who is logged in (and the words of the page script)
    POST /api/login   {member, password}
    POST /api/logout
    GET  /api/posts/<post-id>           the post's state, comments and the moves open to me
    POST /api/posts/<post-id>/actions   {action, ...}: one action, through workflow.perform
    GET  /api/build?after=<ticket>      waits until the site holds that action
    POST /api/conversations/answers     {comment, step, text, url}: one step of an answer
    POST /api/conversations/counter     {comment}: a misinformation claim becomes an usulan
    ...                                 writing posts: review/api_posts.py, api_editor.py
    GET  /...                           the built site (Starlette's StaticFiles, site/ only)

Every change needs a session cookie, the session's CSRF token in the ``X-Kalender-CSRF``
header and an ``Origin`` naming this server. Roles are checked by the approval code itself.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..approval.keys import Signer
from ..approval.machine import FLOW_ACTIONS, Action
from ..core.errors import DataError, KalenderError
from ..core.i18n import catalog, language, web_words
from ..core.inside import in_place
from ..workflow.actions import ActionRefused, Details, Stale, load_post, perform
from ..workflow.gates import GateRefused
from .api_conversations import routes as conversation_routes
from .api_editor import routes as editor_routes
from .api_posts import commit_action
from .api_posts import routes as post_routes
from .csp import ContentPolicy
from .holds import acknowledged_of, carried_of
from .post_edits import UPLOAD_LIMIT
from .security import (
    CSRF_HEADER,
    DEVICE_COOKIE,
    MAX_JSON_DEPTH,
    SESSION_COOKIE,
    DeviceStore,
    LoginKeys,
    LoginLimiter,
    Session,
    SessionStore,
    host_name,
    is_ip_address,
    json_depth,
    same_origin,
)
from .signkeys import KEY_COOKIE, SessionKeys, open_with_password
from .sitebuild import SiteBuilder
from .state import post_state
from .users import UserStore

BODY_LIMIT = 16 * 1024  # bytes
VERIFYING = 2  # Argon2 checks at once (each takes a core for a quarter second)
BUILD_WAIT = 180.0  # seconds a page may wait for its rebuild
POST_ID = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
FORBIDDEN_REASONS = frozenset({  # refusals about who acts (403); the rest are about the state
    "approval.why.wrong_role", "approval.why.outside_plh", "approval.why.own_draft",
    "approval.why.same_person", "approval.why.unknown_member"})
CONFLICTS = frozenset({"records.changed_since_read", "approval.comment_already_resolved",
                       "workflow.earlier_than_last"})


class ApiError(KalenderError):
    """A refused request: its HTTP status and a catalog message (plus the fresh state)."""

    def __init__(self, status: int, key: str, fresh: dict[str, Any] | None = None, /,
                 **params: Any) -> None:
        super().__init__(key, **params)
        self.status, self.state = status, fresh

    def response(self) -> JSONResponse:
        return JSONResponse({"message": self.format_message(), "state": self.state},
                            status_code=self.status)


@dataclass
class ReviewSettings:
    """How the server runs: the repository, the site folder, cookies and session length."""

    root: Path
    site_dir: Path
    secure_cookies: bool = False  # Secure cookies even over plain http
    session_hours: float = 10.0


@dataclass
class Review:
    """The server's state: accounts, sessions, the login limit, the site builder."""

    settings: ReviewSettings
    users: UserStore
    builder: SiteBuilder
    sessions: SessionStore = field(default_factory=lambda: SessionStore(10 * 3600))
    keys: SessionKeys = field(default_factory=SessionKeys)
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    devices: DeviceStore = field(default_factory=DeviceStore)
    acting: threading.Lock = field(default_factory=threading.Lock)
    verifying: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(VERIFYING))
    served_names: frozenset[str] = field(default_factory=lambda: served_names(()))

    # -- reading the request ------------------------------------------------------------

    def session_of(self, request: Request) -> Session | None:
        session = self.sessions.get(request.cookies.get(SESSION_COOKIE))
        if session is not None and not self.users.has(session.member):
            self.sessions.close_member(session.member)  # the account was removed
            return None
        return session

    def required_session(self, request: Request) -> Session:
        session = self.session_of(request)
        if session is None:
            raise ApiError(401, "review.login_needed")
        return session

    def post_path(self, post_id: str) -> Path:
        """The file of a post of the project; anything else is refused before any file use."""
        if POST_ID.match(post_id):
            for path in (self.settings.root / "posts").rglob("*.md"):
                if path.stem == post_id and path.is_file():
                    return in_place(path)
        raise ApiError(404, "review.no_post", post=post_id[:80])

    # -- acting -------------------------------------------------------------------------

    def act(self, path: Path, action: Action, member: str, details: Details,
            expect: str | None, address: str,
            signer: Signer | None = None) -> tuple[str, dict[str, Any] | None]:
        """Make one action through the approval code, signed with the member's key unlocked
        for this move (:mod:`.signkeys`); the text and the state after it."""
        with self.acting:
            try:
                outcome = perform(self.settings.root, str(path), action, member, details,
                                  expect=expect, address=address, signer=signer)
            except KalenderError as error:
                raise ApiError(_status_of(error), error.key, self.state(path, member),
                               **error.params) from None
            return outcome.text, self.state(path, member)

    def state(self, path: Path, member: str | None) -> dict[str, Any] | None:
        """The post's state as the page shows it (None when the post cannot be read)."""
        try:
            return post_state(load_post(self.settings.root, str(path)), member)
        except KalenderError:
            return None


def _status_of(error: KalenderError) -> int:
    if isinstance(error, GateRefused):
        return 409  # the post's content holds the move: the fresh state lists why
    if isinstance(error, ActionRefused):
        return 403 if error.reason in FORBIDDEN_REASONS else 409
    if isinstance(error, Stale) or error.key in CONFLICTS:
        return 409
    if isinstance(error, DataError):
        return 422
    if error.key.startswith("signing."):
        return 403
    if error.key == "records.locked":
        return 503
    return 400


# -- endpoints ----------------------------------------------------------------------------

Endpoint = Callable[[Request], Awaitable[Response]]


def endpoint(review: Review, handler: Callable[[Review, Request], Awaitable[Response]],
             change: bool = False, login: bool = False) -> Endpoint:
    """Wrap a handler: the Origin and CSRF checks of a change, and ApiError as JSON."""

    async def run(request: Request) -> Response:
        with web_words():  # messages in the browser's words, not the command line's
            try:
                if change or login:
                    check_origin(request)
                if change:
                    check_csrf(review.required_session(request), request)
                return await handler(review, request)
            except ApiError as error:
                return error.response()

    return run


def check_origin(request: Request) -> None:
    if not same_origin(request.headers.get("origin"), request.headers.get("host")):
        raise ApiError(403, "review.bad_origin")


def check_csrf(session: Session, request: Request) -> None:
    if not session.csrf_matches(request.headers.get(CSRF_HEADER)):
        raise ApiError(403, "review.bad_csrf")


async def read_json(request: Request) -> dict[str, Any]:
    """The request's JSON object (the size limit is enforced by :class:`BodyLimit`)."""
    body = await request.body()
    if json_depth(body) > MAX_JSON_DEPTH:
        raise ApiError(400, "review.bad_json")
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise ApiError(400, "review.bad_json") from None
    if not isinstance(data, dict):
        raise ApiError(400, "review.bad_json")
    return data


async def session_info(review: Review, request: Request) -> Response:
    return JSONResponse(_session_body(review, review.session_of(request)))


def _session_body(review: Review, session: Session | None) -> dict[str, Any]:
    team = _team(review)
    body: dict[str, Any] = {
        "review": True, "words": page_words(),
        "members": [{"id": m, "name": team[m]} for m in team],
    }
    if session is not None:
        body.update(member=session.member, name=team.get(session.member, session.member),
                    csrf=session.csrf)
    return body


def _team(review: Review) -> dict[str, str]:
    from ..core.calendar_data import load_calendar
    from ..core.problems import Report

    calendar = load_calendar(review.settings.root, Report())
    if calendar is None:
        return {}
    return {m: member.name for m, member in calendar.team.members.items()}


def page_words() -> dict[str, str]:
    """Every word the page script shows (``review.js.*``), in the current language."""
    lang = language()
    return {key.removeprefix("review.js."): texts[lang] for key, texts in catalog().items()
            if key.startswith("review.js.")}


async def login(review: Review, request: Request) -> Response:
    data = await read_json(request)
    member, password = data.get("member"), data.get("password")
    if not isinstance(member, str) or not isinstance(password, str) or len(member) > 64:
        raise ApiError(400, "review.bad_login")
    address = request.client.host if request.client else "-"
    device = review.devices.device_of(member, request.cookies.get(DEVICE_COOKIE))
    keys = LoginKeys.of(member, address, device)
    wait = review.limiter.attempt(keys)  # counted now: parallel requests meet the limit
    if wait > 0:
        raise ApiError(429, "review.login_limited", seconds=max(1, math.ceil(wait)))
    if not review.verifying.acquire(blocking=False):  # at most VERIFYING Argon2 at once
        raise ApiError(429, "review.login_busy")
    try:
        ok = await run_in_threadpool(review.users.verify, member, password)
        key = await run_in_threadpool(open_with_password, review.settings.root, member,
                                      password) if ok else None
    finally:
        review.verifying.release()
    if not ok or member not in _team(review):
        raise ApiError(401, "review.login_failed")
    review.limiter.succeeded(keys)
    session = review.sessions.open(member)
    response = JSONResponse(_session_body(review, session))
    response.set_cookie(DEVICE_COOKIE, review.devices.remember(member, device),
                        max_age=int(review.devices.lifetime), httponly=True,
                        samesite="strict", secure=_secure(review, request), path="/api/login")
    for name, value in ((SESSION_COOKIE, session.token),
                        (KEY_COOKIE, review.keys.keep(session.token, key) if key else None)):
        if value is not None:
            response.set_cookie(name, value, max_age=int(review.sessions.lifetime),
                                httponly=True, samesite="strict",
                                secure=_secure(review, request), path="/")
    return response


def _secure(review: Review, request: Request) -> bool:
    return review.settings.secure_cookies or request.url.scheme == "https"


async def logout(review: Review, request: Request) -> Response:
    session = review.required_session(request)
    review.sessions.close(session.token)
    review.keys.forget(session.token)
    response = JSONResponse(_session_body(review, None))
    for name in (SESSION_COOKIE, KEY_COOKIE):
        response.delete_cookie(name, path="/", httponly=True, samesite="strict",
                               secure=_secure(review, request))
    return response


async def post_info(review: Review, request: Request) -> Response:
    session = review.required_session(request)
    path = review.post_path(request.path_params["post_id"])
    state = await run_in_threadpool(review.state, path, session.member)
    if state is None:
        raise ApiError(422, "review.post_unreadable", post=path.stem)
    return JSONResponse({"state": state})


async def post_action(review: Review, request: Request) -> Response:
    session = review.required_session(request)
    path = review.post_path(request.path_params["post_id"])
    data = await read_json(request)
    action = _action(data.get("action"))
    details = action_details(data)
    expect = _text(data, "version", 64) if action in FLOW_ACTIONS else None
    address = request.client.host if request.client else ""
    signer = review.keys.signer(session.token, session.member, request.cookies.get(KEY_COOKIE))
    text, state = await run_in_threadpool(review.act, path, action, session.member, details,
                                          expect or None, address, signer)
    await run_in_threadpool(commit_action, review, session.member, path.stem, action.value)
    ticket = review.builder.request()
    return JSONResponse({"message": text, "state": state, "ticket": ticket})


def _action(value: Any) -> Action:
    try:
        return Action(value)
    except ValueError:
        raise ApiError(400, "review.bad_action", action=str(value)[:40],
                       known=", ".join(a.value for a in Action)) from None


def action_details(data: dict[str, Any]) -> Details:
    """The details of an action from the request, each checked for its kind and length."""
    return Details(note=_text(data, "note", 4000), platform=_text(data, "platform", 40) or None,
                   url=_text(data, "url", 2000) or None, text=_text(data, "text", 8000),
                   comment=_number(data.get("comment")), pin=_pin(data.get("pin")),
                   acknowledged=_checked(acknowledged_of, data, "acknowledged"),
                   carried=_checked(carried_of, data, "carried"))


def _checked(read: Callable[[Any], Any], data: dict[str, Any], key: str) -> Any:
    """The acknowledgements or carried comments of a request (holds.py), or a 400."""
    try:
        return read(data.get(key))
    except ValueError:
        raise ApiError(400, "review.bad_field", field=key, limit=0) from None


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise ApiError(400, "review.bad_field", field=key, limit=limit)
    return value


def _number(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ApiError(400, "review.bad_field", field="comment", limit=0)
    return value


def _pin(value: Any) -> tuple[float, float] | None:
    if value is None:
        return None
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        raise ApiError(400, "review.bad_field", field="pin", limit=2)
    return float(value[0]), float(value[1])


async def build_status(review: Review, request: Request) -> Response:
    review.required_session(request)
    try:
        after = int(request.query_params.get("after", "0"))
    except ValueError:
        raise ApiError(400, "review.bad_field", field="after", limit=0) from None
    waited = 0.0
    while review.builder.done < after and waited < BUILD_WAIT:
        await asyncio.sleep(0.2)
        waited += 0.2
    last = review.builder.last
    return JSONResponse({"done": review.builder.done, "ready": review.builder.done >= after,
                         "error": last.error, "seconds": round(last.seconds, 2),
                         "changed": len(last.changed)})


# -- the application ----------------------------------------------------------------------


class BodyLimit:
    """Refuses a request body over ``limit`` bytes, whether announced or streamed (413)."""

    def __init__(self, app: ASGIApp, limit: int = BODY_LIMIT) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = UPLOAD_LIMIT if scope["path"].endswith("/media") else self.limit
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise ApiError(413, "review.too_large", limit=limit // 1024)
            return message

        await self.app(scope, counted, send)


def _too_large(limit: int) -> Response:
    return ApiError(413, "review.too_large", limit=limit // 1024).response()


def served_names(extra: tuple[str, ...]) -> frozenset[str]:
    """The names this server answers to besides any address literal: localhost, this
    computer's name (also with .local) and the names given with ``--allow-host``."""
    import socket

    name = socket.gethostname().lower()
    return frozenset({"localhost", name, f"{name}.local", *(e.lower() for e in extra)})


class HostCheck:
    """Refuses (421) a request whose ``Host`` is a DNS name this server is not served under:
    a page of another site whose name was made to resolve to this computer (DNS rebinding)
    must not read the calendar. Address literals (127.0.0.1, 192.168.1.20) are fine."""

    def __init__(self, app: ASGIApp, names: frozenset[str]) -> None:
        self.app, self.names = app, names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = host_name(dict(scope["headers"]).get(b"host", b"").decode("latin-1"))
            if host and not is_ip_address(host) and host not in self.names:
                answer = ApiError(421, "review.bad_host", host=host[:80]).response()
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)


class Headers:
    """Headers on every response: no sniffing, no framing by others, always revalidate, the
    Content-Security-Policy (review/csp.py: only the site's own scripts run), and the mark
    that this page is served by the review server (so the static site never sends a request
    that fails)."""

    def __init__(self, app: ASGIApp, policy: ContentPolicy) -> None:
        self.app, self.policy = app, policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS,
                                      (b"content-security-policy", self.policy.header())]
            await send(message)

        await self.app(scope, receive, with_headers)


REVIEW_MARK = "kalender_review"  # a harmless cookie telling review.js to ask /api/session
SECURITY_HEADERS = [
    (b"set-cookie", f"{REVIEW_MARK}=1; Path=/; SameSite=Strict".encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-cache"),
]


def create_app(review: Review) -> Starlette:
    """The ASGI application of the review server."""
    review.sessions.lifetime = review.settings.session_hours * 3600

    def api(handler: Callable[[Review, Request], Awaitable[Response]], **kind: bool) -> Endpoint:
        return endpoint(review, handler, **kind)

    routes = [
        Route("/api/session", api(session_info), methods=["GET"]),
        Route("/api/login", api(login, login=True), methods=["POST"]),
        Route("/api/logout", api(logout, change=True), methods=["POST"]),
        Route("/api/posts/{post_id}", api(post_info), methods=["GET"]),
        Route("/api/posts/{post_id}/actions", api(post_action, change=True), methods=["POST"]),
        Route("/api/build", api(build_status), methods=["GET"]),
        *post_routes(review, api, read_json),
        *conversation_routes(review, api, read_json),
        *editor_routes(review, api),
        Mount("/", app=StaticFiles(directory=review.settings.site_dir, html=True), name="site"),
    ]
    return Starlette(routes=routes, middleware=[
        Middleware(HostCheck, names=review.served_names),
        Middleware(Headers, policy=ContentPolicy(review.settings.site_dir)),
        Middleware(BodyLimit)],
                     exception_handlers={ApiError: _api_error})


async def _api_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    return error.response()
