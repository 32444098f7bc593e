"""``kalender serve``: which file events start a rebuild, and how they are seen."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the live-reload server (and watchdog) are for kalender serve only
    from mkdocs.livereload import LiveReloadServer


class FileEvents:
    """The paths the watcher reported since the last build took them (``kalender serve``).

    A build takes them (:meth:`take`) before it walks its inputs, so a file written while
    it runs is reported to the next build. None (walk everything) until the watcher runs
    and one build walked everything after it started, and again after a report that does
    not name every file (events lost, a folder created, moved or deleted). Filled from the
    watcher's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._whole = True  # the next build walks everything
        self.watching = False
        self._observer: Any = None  # the watcher's thread, once it is known

    def started(self, observer: Any = None) -> None:
        """The watcher (``observer``: its thread, not yet running) is about to start: the
        next build walks everything once more, and so does every build while that thread
        does not run (not started yet, or stopped with its server)."""
        with self._lock:
            self.watching, self._whole, self._observer = True, True, observer
            self._paths.clear()

    def seen(self, *paths: str) -> None:
        with self._lock:
            self._paths.update(paths)

    def lost(self) -> None:
        with self._lock:
            self._whole = True

    def take(self) -> set[str] | None:
        """The paths reported since the last call; None: not known, walk everything."""
        with self._lock:
            paths, whole = self._paths, self._whole or not self.watching or (
                self._observer is not None and not self._observer.is_alive())
            self._paths, self._whole = set(), False
        return None if whole else paths


def watch_with_events(server: LiveReloadServer, seen: FileEvents | None = None) -> None:
    """Watch with the operating system's file events (inotify on Linux) instead of mkdocs'
    polling every half second: a saved post is seen at once, and no CPU goes to listing a
    year of posts twice a second. Where the system has no events, watchdog polls.
    ``seen``: told every path reported (site.keptwalk)."""
    from watchdog import events
    from watchdog.observers import Observer

    writes = [events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent,
              events.FileMovedEvent, events.FileClosedEvent]
    # told to ``seen`` only, never start a build (mkdocs ignores folders' events)
    others = [events.FileAttribEvent, events.DirCreatedEvent, events.DirDeletedEvent,
              events.DirMovedEvent, events.EventsLostEvent]

    class Writes(Observer):  # type: ignore[misc,valid-type]
        """Reports files written, created, moved or deleted; not files merely read (the
        build reads posts: with inotify that alone would start the next build)."""

        def schedule(self, handler: Any, path: str, *, recursive: bool = False,
                     event_filter: Any = None) -> Any:
            if seen is None:
                return super().schedule(handler, path, recursive=recursive,
                                        event_filter=writes)
            return super().schedule(_Telling(handler, seen, tuple(writes)), path,
                                    recursive=recursive, event_filter=writes + others)

    counts = dict(server._watched_paths)  # noqa: SLF001  (the observer has not started yet)
    server._watched_paths.clear()  # noqa: SLF001
    server._watch_refs.clear()  # noqa: SLF001
    server.observer = Writes()
    for path, count in counts.items():
        server.watch(path)
        server._watched_paths[path] = count  # noqa: SLF001
    if seen is not None:
        seen.started(server.observer)


class _Telling:
    """A watchdog handler that tells ``seen`` the path of every file event (a folder's
    event or lost events: everything), then hands the events that start a build
    (``writes``) on to mkdocs' handler."""

    def __init__(self, handler: Any, seen: FileEvents, writes: tuple[type, ...]) -> None:
        self.handler, self.seen, self.writes = handler, seen, writes

    def dispatch(self, event: Any) -> None:
        if event.is_directory or type(event).__name__ == "EventsLostEvent":
            self.seen.lost()
        else:
            self.seen.seen(*(os.fsdecode(path) for path in
                             (event.src_path, getattr(event, "dest_path", "")) if path))
        if isinstance(event, self.writes):
            self.handler.dispatch(event)
