"""``kalender serve``: which file events start a rebuild, and how they are seen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the live-reload server (and watchdog) are for kalender serve only
    from mkdocs.livereload import LiveReloadServer


def watch_with_events(server: LiveReloadServer) -> None:
    """Watch with the operating system's file events (inotify on Linux) instead of mkdocs'
    polling every half second: a saved post is seen at once, and no CPU goes to listing a
    year of posts twice a second. Where the system has no events, watchdog polls."""
    from watchdog import events
    from watchdog.observers import Observer

    writes = [events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent,
              events.FileMovedEvent, events.FileClosedEvent]

    class Writes(Observer):  # type: ignore[misc,valid-type]
        """Reports files written, created, moved or deleted; not files merely read (the
        build reads posts: with inotify that alone would start the next build)."""

        def schedule(self, handler: Any, path: str, *, recursive: bool = False,
                     event_filter: Any = None) -> Any:
            return super().schedule(handler, path, recursive=recursive, event_filter=writes)

    counts = dict(server._watched_paths)  # noqa: SLF001  (the observer has not started yet)
    server._watched_paths.clear()  # noqa: SLF001
    server._watch_refs.clear()  # noqa: SLF001
    server.observer = Writes()
    for path, count in counts.items():
        server.watch(path)
        server._watched_paths[path] = count  # noqa: SLF001
