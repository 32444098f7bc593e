"""A worker process that ends itself when the build's process is gone (issue 23): the
picture workers and the process drawing the report charts both watch their parent."""

from __future__ import annotations

import os
import threading
import time
from typing import Protocol

PARENT_CHECK = 0.5  # seconds between two looks of a worker at the build's process


def watch_parent(parent: int) -> None:
    """In a worker: end this process when the build's process ``parent`` is gone (killed,
    or interrupted before it could end its workers)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="kalender-parent", daemon=True).start()


class Gate(Protocol):
    """What :func:`watch_parent_then_wait` waits on (a ``multiprocessing`` event)."""

    def wait(self, timeout: float | None = None) -> bool: ...


def watch_parent_then_wait(parent: int, gate: Gate | None = None) -> None:
    """:func:`watch_parent`, then wait until the build opens ``gate`` (if any) before
    taking any work: the report's process of ``kalender build`` draws while the pages
    render, not while the pictures are made (issue 23, branch cold6)."""
    watch_parent(parent)
    if gate is not None:
        gate.wait()
