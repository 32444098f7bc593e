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
        self.terminal = _is_terminal(self.stream)
        self.shown = total >= SHOWN_FROM and self.terminal
        self.started = self.last = time.monotonic()
        self.open = False  # a line is on the screen, not ended yet

    def add(self, count: int) -> None:
        """``count`` more pictures to make (work handed out while the build goes on)."""
        self.total += count
        self.shown = self.total >= SHOWN_FROM and self.terminal

    def step(self) -> None:
        """One more picture finished."""
        self.done += 1
        now = time.monotonic()
        if self.shown and (now - self.last >= EVERY or self.done == self.total):
            self.last = now
            self.stream.write("\r" + self.line(now - self.started))
            self.open = True
            if self.done == self.total:
                self.end()
            self.stream.flush()

    def end(self) -> None:
        """End the line on the screen (the pictures are done, or no longer wanted)."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False

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
