"""Sessions, CSRF tokens and the login limit of the review server.

Sessions live in the server's memory (a restart logs everyone out): the browser holds only a
random token in an HttpOnly, SameSite=Strict cookie, Secure when served over https. Each
session has its own CSRF token, which the page sends back in a header with every change.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

Clock = Callable[[], float]
SESSION_COOKIE = "kalender_sesi"
CSRF_HEADER = "x-kalender-csrf"


@dataclass(frozen=True)
class Session:
    """A logged-in member: the cookie's token, the CSRF token, when it ends (clock seconds)."""

    token: str
    member: str
    csrf: str
    expires: float

    def csrf_matches(self, given: str | None) -> bool:
        """True when ``given`` is this session's CSRF token (compared in constant time)."""
        return given is not None and hmac.compare_digest(given.encode(), self.csrf.encode())


@dataclass
class SessionStore:
    """The open sessions, by token; each ends ``lifetime`` seconds after login."""

    lifetime: float
    clock: Clock = time.monotonic
    _sessions: dict[str, Session] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def open(self, member: str) -> Session:
        """A new session for ``member``."""
        session = Session(secrets.token_urlsafe(32), member, secrets.token_urlsafe(32),
                          self.clock() + self.lifetime)
        with self._lock:
            self._sessions[session.token] = session
        return session

    def get(self, token: str | None) -> Session | None:
        """The live session of ``token``; an expired one is forgotten."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session is not None and session.expires <= self.clock():
                del self._sessions[token]
                return None
            return session

    def close(self, token: str) -> None:
        """End a session (logout)."""
        with self._lock:
            self._sessions.pop(token, None)

    def close_member(self, member: str) -> None:
        """End every session of ``member`` (their account was removed)."""
        with self._lock:
            for token in [k for k, s in self._sessions.items() if s.member == member]:
                del self._sessions[token]


@dataclass
class LoginLimiter:
    """At most ``limit`` failed logins per key (an address, an account) in ``window`` seconds."""

    limit: int = 5
    window: float = 15 * 60
    clock: Clock = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, keys: Iterable[str]) -> float:
        """Seconds until a login may be tried again for all of ``keys`` (0: allowed now)."""
        now = self.clock()
        with self._lock:
            return max((self._wait(key, now) for key in keys), default=0.0)

    def _wait(self, key: str, now: float) -> float:
        failures = self._failures.get(key)
        if failures is None:
            return 0.0
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if len(failures) < self.limit:
            return 0.0
        return failures[0] + self.window - now

    def attempt(self, keys: Iterable[str]) -> float:
        """Count one login attempt against each key BEFORE the password is checked, in one
        step under the lock, so parallel requests cannot all pass: 0 when it may go on (the
        attempt is counted), else the seconds to wait (nothing counted)."""
        keys = tuple(keys)
        now = self.clock()
        with self._lock:
            wait = max((self._wait(key, now) for key in keys), default=0.0)
            if wait > 0:
                return wait
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)
            return 0.0

    def failed(self, keys: Iterable[str]) -> None:
        """Count one failed login against each key."""
        now = self.clock()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, keys: Iterable[str], member_key: str) -> None:
        """A login succeeded: its counted attempt is taken back from every key, and the
        account's failures are forgotten."""
        with self._lock:
            for key in keys:
                attempts = self._failures.get(key)
                if attempts:
                    attempts.pop()
            self._failures.pop(member_key, None)

    def forget(self, key: str) -> None:
        """Clear a key's failures (the account logged in)."""
        with self._lock:
            self._failures.pop(key, None)


def same_origin(origin: str | None, host: str | None) -> bool:
    """True when the request's ``Origin`` names the host the request was sent to."""
    if not origin or not host or origin == "null":
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


MAX_JSON_DEPTH = 32  # brackets; a request of the page nests two


def json_depth(body: bytes) -> int:
    """The deepest nesting of ``[`` and ``{`` in a JSON text (brackets inside strings do not
    count); read without recursion, before ``json.loads`` would recurse into it."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def is_ip_address(host: str) -> bool:
    """True for an address literal (``127.0.0.1``, ``[::1]``): no DNS name to rebind."""
    import ipaddress

    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def host_name(host_header: str | None) -> str:
    """The name of a ``Host`` header without its port, lower-case."""
    host = (host_header or "").strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
