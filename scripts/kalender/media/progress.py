"""A progress line for long picture work on a terminal: count, rate and time left.

A cold build of a year of posts makes thousands of pictures (minutes of work); on a
terminal the person waiting sees how far it is, e.g. ``Gambar: 120/740 (12,3 per detik,
sisa ± 50 detik)``, rewritten in place at most every half second. Nothing is written when
the output is not a terminal (logs, tests, CI) or for a handful of pictures.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ..core.i18n import language, t

SHOWN_FROM = 20  # fewer pictures than this finish too fast for a progress line
EVERY = 0.5  # seconds between two updates of the line


class Progress:
    """Counts finished pictures out of ``total`` and shows it on ``stream`` if a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.done = total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.shown = total >= SHOWN_FROM and _is_terminal(self.stream)
        self.started = self.last = time.monotonic()

    def step(self) -> None:
        """One more picture finished."""
        self.done += 1
        now = time.monotonic()
        if self.shown and (now - self.last >= EVERY or self.done == self.total):
            self.last = now
            self.stream.write("\r" + self.line(now - self.started))
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        """``Gambar: 120/740 (12,3 per detik, sisa ± 50 detik)``."""
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        shown = f"{rate:.1f}"
        return t("media.progress", done=self.done, total=self.total, left=f"{left:.0f}",
                 rate=shown.replace(".", ",") if language() == "id" else shown)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
