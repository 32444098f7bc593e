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

    def failed(self, keys: Iterable[str]) -> None:
        """Count one failed login against each key."""
        now = self.clock()
        with self._lock:
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)

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
