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
from collections.abc import Callable
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
    """Slows a password guesser without locking the real member out.

    Failed logins are counted per *account and source*: the source is the member's known
    device (the ``kalender_perangkat`` cookie a successful login on that browser left) or else
    the address. The first ``free`` failures of a pair cost nothing; after them each new try
    must wait twice as long as the one before (1 s, 2 s, 4 s ... at most ``cap``). Nobody can
    lock an account: a guesser only slows their own pair, and the member on a known device,
    or from another address, has a counter of their own. One address without a known device
    may try at most ``spray`` logins across all accounts in ``window`` seconds (a guesser
    trying every name). Attempts are counted BEFORE the password is checked, in one step
    under the lock, so parallel requests cannot all pass. Failures older than ``window`` are
    forgotten; a success clears its pair. Counts live in the server's memory: a restart of
    ``kalender review`` clears them.
    """

    free: int = 3
    base: float = 1.0
    cap: float = 15 * 60
    spray: int = 30
    window: float = 15 * 60
    clock: Clock = time.monotonic
    _tries: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, keys: LoginKeys) -> float:
        """Seconds until a login may be tried again for ``keys`` (0: allowed now)."""
        now = self.clock()
        with self._lock:
            return self._wait(keys, now)

    def _wait(self, keys: LoginKeys, now: float) -> float:
        tries = self._recent(keys.pair, now)
        wait = 0.0
        if len(tries) >= self.free:
            delay = min(self.base * 2 ** (len(tries) - self.free), self.cap)
            wait = tries[-1] + delay - now
        if keys.spray is not None:
            sprayed = self._recent(keys.spray, now)
            if len(sprayed) >= self.spray:
                wait = max(wait, sprayed[0] + self.window - now)
        return max(wait, 0.0)

    def _recent(self, key: str, now: float) -> deque[float]:
        tries = self._tries.get(key)
        if tries is None:
            return deque()
        while tries and tries[0] <= now - self.window:
            tries.popleft()
        if not tries:
            del self._tries[key]
        return tries

    def attempt(self, keys: LoginKeys) -> float:
        """Count one login attempt before the password is checked: 0 when it may go on (the
        attempt is counted), else the seconds to wait (nothing counted)."""
        now = self.clock()
        with self._lock:
            wait = self._wait(keys, now)
            if wait > 0:
                return wait
            for key in keys.counted():
                self._tries.setdefault(key, deque()).append(now)
            return 0.0

    def failed(self, keys: LoginKeys) -> None:
        """Count one failed login (without the check of ``attempt``)."""
        now = self.clock()
        with self._lock:
            for key in keys.counted():
                self._tries.setdefault(key, deque()).append(now)

    def succeeded(self, keys: LoginKeys) -> None:
        """A login succeeded: its pair is cleared and its counted try taken back from the
        address's spray count."""
        with self._lock:
            self._tries.pop(keys.pair, None)
            if keys.spray is not None:
                sprayed = self._tries.get(keys.spray)
                if sprayed:
                    sprayed.pop()


@dataclass(frozen=True)
class LoginKeys:
    """What a login attempt is counted against: the account with its source, and (for an
    unknown device) the address across all accounts."""

    pair: str
    spray: str | None

    @classmethod
    def of(cls, member: str, address: str, device: str | None) -> LoginKeys:
        if device is not None:
            return cls(f"member:{member}|device:{device}", None)
        return cls(f"member:{member}|address:{address}", f"address:{address}")

    def counted(self) -> tuple[str, ...]:
        return (self.pair,) if self.spray is None else (self.pair, self.spray)


DEVICE_COOKIE = "kalender_perangkat"


@dataclass
class DeviceStore:
    """Browsers a member has logged in with: a random token (a long-lived HttpOnly cookie)
    naming the member, so the member's own tries are not slowed by a guesser's."""

    lifetime: float = 90 * 24 * 3600
    clock: Clock = time.monotonic
    _devices: dict[str, tuple[str, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def remember(self, member: str, token: str | None) -> str:
        """The device token of this browser for ``member`` (its own when known, else new)."""
        with self._lock:
            if token is not None and self._member(token) == member:
                return token
            token = secrets.token_urlsafe(32)
            self._devices[token] = (member, self.clock() + self.lifetime)
            return token

    def device_of(self, member: str, token: str | None) -> str | None:
        """The token when it is a known device of ``member``, else None."""
        if not token:
            return None
        with self._lock:
            return token if self._member(token) == member else None

    def _member(self, token: str) -> str | None:
        known = self._devices.get(token)
        if known is None:
            return None
        if known[1] <= self.clock():
            del self._devices[token]
            return None
        return known[0]


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
