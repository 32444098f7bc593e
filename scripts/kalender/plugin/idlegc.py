"""``kalender serve``: Python's cycle collector runs while the server waits, not while an
edit is being built.

After the first build the posts, their views and findings are set aside from the collector
(:func:`gc.freeze`). A rebuild still makes a few hundred thousand objects (mkdocs' files and
pages, which point at each other, the page keys, the views): the collector then runs some
forty young collections and, every other rebuild or so, a full one (about 50 ms at N = 1,000),
all before the edited page can be served (mkdocs answers no request while it builds). Here
the collector is off from the start of a rebuild and the garbage of the last one is
collected, in full, a moment after the build ended (:data:`IDLE_SECONDS`: the edited page has
been asked for and sent by then); the collector is then on again until the next rebuild.
Files saved again and again without an idle moment: every :data:`UNCOLLECTED_MOST`-th
rebuild collects first, so the garbage of at most that many rebuilds waits.

The first build's objects are set aside once that build has returned (:meth:`IdleCollector.
serving`, from the plugin's ``on_serve``), not at its end: mkdocs' own objects of the build
(its template environment, files, nav, the contexts the pages were rendered in, which hold
the views) are still on the stack there. Set aside, they could never be collected, and the
views the next build replaces stayed to the end of the server (some 35,000 objects, 9 MB
at N = 10,000), under every rebuild (issue 23, branch ``memory10``). After each collection
the memory the C library holds free goes back to the system (``letgo.hand_back_freed``).
"""

from __future__ import annotations

import gc
import threading

from .letgo import hand_back_freed
from .serving import settle_memory

IDLE_SECONDS = 1.0  # after a rebuild: the browser has reloaded the page before this
UNCOLLECTED_MOST = 3  # rebuilds in a row without an idle moment: the next one collects first


class IdleCollector:
    """The collector of one ``kalender serve`` process (see the module's text)."""

    def __init__(self, idle: float = IDLE_SECONDS) -> None:
        self.idle = idle
        self.armed = False  # after the first build
        self.settled = False  # the first build's objects set aside
        self.building = False
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.uncollected = 0  # rebuilds whose garbage waits for a collection
        self.collected = 0  # full collections made (tests)

    def build_starts(self) -> None:
        """A rebuild starts: no cycle collection until it ended and the server is idle."""
        if not self.armed:
            return
        with self.lock:
            self.building = True
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.uncollected >= UNCOLLECTED_MOST:  # saved again and again: no idle moment
                self._collect()
            gc.disable()

    def build_ended(self) -> bool:
        """A build ended well: after the first, its objects are set aside once it returned
        (:meth:`serving`); after a rebuild, its garbage is collected once the server is
        idle. True: the first build is done."""
        if not self.armed:
            self.armed = True
            return True
        self.rebuild_ended()
        return True

    def serving(self) -> None:
        """The first build has returned and the server starts: set its objects aside
        (:func:`settle_memory`), now that mkdocs' objects of that build are let go."""
        with self.lock:
            if self.armed and not self.settled:
                self._collect()

    def rebuild_ended(self) -> None:
        """A rebuild ended (built or failed): collect once the server is idle."""
        if not self.armed:
            return
        with self.lock:
            self.building = False
            self.uncollected += 1
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.idle, self.collect)
            self.timer.daemon = True  # a stopping server does not wait for it
            self.timer.start()

    def collect(self) -> None:
        """Collect the garbage of the last rebuild and turn the collector on again, unless
        the next rebuild has started (its own end asks again)."""
        with self.lock:
            if self.building:
                return
            self.timer = None
            self._collect()
            gc.enable()

    def _collect(self) -> None:
        if self.settled:
            gc.collect()
            hand_back_freed()  # what the rebuild let go, back to the system while idle
        else:  # the first build's objects (a server without on_serve: at the first idle)
            settle_memory()
            self.settled = True
        self.uncollected = 0
        self.collected += 1

    def stop(self) -> None:
        """The server stops: the collector on, as in any process."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            self.building = False
            gc.enable()
