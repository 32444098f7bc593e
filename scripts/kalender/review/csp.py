"""The Content-Security-Policy of the review server: only the site's own scripts run.

Every script of the site is a file under ``assets/`` except three small inline ones that the
Material theme writes into each page (the colour palette, the tab anchor, the page's scope).
Those are allowed by their SHA-256 hash, taken from the built ``404.html``, a page that shows
no post data. The scope script differs from page to page only by the relative address of the
site's root (``"../.."``), so each depth's variant is hashed too. Any other inline script,
say one slipped into a caption past the escaping, does not run; neither do inline event
handlers (``onclick=``), ``eval`` or scripts from another site.

Styles may be inline (``style="..."``): the templates set widths and colours that way, and a
style cannot run code. The policy is computed once per build of the site (the mtime of
``404.html``).
"""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

THEME_PAGE = "404.html"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
SCOPE = re.compile(r'new URL\("[^"]*",location\)')
DEPTHS = 12  # folders below the site's root that a page may sit in
ROOTS = (".", "/", *("/".join([".."] * depth) for depth in range(1, DEPTHS + 1)))


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script without attributes (a JSON block is not run)."""
    return INLINE_SCRIPT.findall(page)


def variants(script: str) -> list[str]:
    """The script as it is written at every depth of the site (only the scope script varies)."""
    if not SCOPE.search(script):
        return [script]
    return [SCOPE.sub(f'new URL("{root}",location)', script) for root in ROOTS]


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def theme_hashes(page: str) -> list[str]:
    """Hashes of the theme's inline scripts found in ``page``, in every variant, sorted."""
    return sorted({script_hash(v) for s in inline_scripts(page) for v in variants(s)})


def policy(hashes: list[str]) -> str:
    """The header's value: the site's own files, plus the theme's inline scripts."""
    scripts = " ".join(["'self'", *hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


@dataclass
class ContentPolicy:
    """The policy of a site folder, read again when the site was rebuilt."""

    site_dir: Path
    _seen: tuple[float, bytes] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def header(self) -> bytes:
        page = self.site_dir / THEME_PAGE
        try:
            mtime = page.stat().st_mtime
        except OSError:
            return policy([]).encode("ascii")  # no theme page yet: no inline script runs
        with self._lock:
            if self._seen is None or self._seen[0] != mtime:
                text = page.read_text(encoding="utf-8", errors="replace")
                self._seen = (mtime, policy(theme_hashes(text)).encode("ascii"))
            return self._seen[1]
