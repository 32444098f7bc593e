"""A page too large to hold, written to disk while Jinja renders it.

mkdocs renders a page into one string, hands it to the ``post_page`` plugins and then writes
``output.encode()``: the list of a year of posts (11 MB of HTML at 10,000 posts, 22 MB as a
Python string once one character is beyond Latin-1) was held two or three times over at that
moment, the highest point of a build's memory (issue 23). Past :data:`SPILL_AT` characters,
the outermost render of a page (``Environment.concat``) writes what it has and the rest of the
stream to a temporary file beside the page, encoded as mkdocs encodes it, and returns a short
stand-in. mkdocs writes the stand-in; the temporary file then replaces it (:meth:`settle`,
from the next page's ``page_context`` and from ``post_build``). The bytes are the same.

Only when no other plugin reads or changes a page's output (``post_page``) besides the
calendar's own: a page written before they see it could not carry their change.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import IO

from ..core.atomic import default_mode
from .joining import joined

SPILL_AT = 1 << 20  # characters of one page held before the rest of it goes to disk
PIECES = 256  # pieces joined (and, once the page is on disk, written) at a time
STAND_IN = "<!-- kalender: halaman ini ditulis bertahap (plugin/streaming.py) -->\n"


class StreamedPages:
    """``Environment.concat`` that joins every render, except the outermost render of the
    page named by :meth:`expect`, which goes to disk once it is large."""

    def __init__(self) -> None:
        self.enabled = True
        self.depth = 0  # renders inside the page's own (macros, blocks): joined as before
        self.expected: Path | None = None
        self.pending: list[tuple[str, Path]] = []  # (temporary file, page) after mkdocs wrote

    def ready(self, post_page: Iterable[object], plugin: object) -> StreamedPages:
        """This object as the environment's ``concat``; pages go to disk only when
        ``plugin`` is the only one of ``post_page`` (the build's ``post_page`` events)."""
        self.enabled = _only_reader(post_page, plugin)
        return self

    def expect(self, destination: str) -> None:
        """The next outermost render is the page written to ``destination``."""
        self.settle()
        self.expected = Path(destination) if self.enabled else None

    def __call__(self, pieces: Iterable[str]) -> str:
        destination = None
        if self.depth == 0:
            destination, self.expected = self.expected, None
        self.depth += 1
        try:
            return joined(pieces) if destination is None else self._written(pieces, destination)
        finally:
            self.depth -= 1

    def _written(self, pieces: Iterable[str], destination: Path) -> str:
        """The page's text, or :data:`STAND_IN` once the page is written beside it.

        The pieces are taken :data:`PIECES` at a time by ``islice`` (in C) and joined: a
        Python step per piece (about a thousand per post page) cost more than the joining."""
        held: list[str] = []  # joined batches, until the page passes SPILL_AT characters
        held_size = 0
        out: IO[bytes] | None = None
        temporary = ""
        stream = iter(pieces)
        try:
            while batch := list(islice(stream, PIECES)):
                text = "".join(batch)
                if out is None:
                    held.append(text)
                    held_size += len(text)
                    if held_size < SPILL_AT:
                        continue
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    handle, temporary = tempfile.mkstemp(
                        dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp")
                    out = os.fdopen(handle, "wb")
                    text = "".join(held)
                    held.clear()
                out.write(_encoded(text))
            if out is None:
                return "".join(held)
            out.close()
        except BaseException:
            if out is not None:
                out.close()
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
            raise
        os.chmod(temporary, default_mode())
        self.pending.append((temporary, destination))
        return STAND_IN

    def settle(self) -> None:
        """Put the pages written beside their stand-ins in their places."""
        while self.pending:
            temporary, destination = self.pending.pop()
            os.replace(temporary, destination)

    def abandon(self) -> None:
        """A build that failed: remove the temporary files not yet in place."""
        self.expected = None
        while self.pending:
            temporary, _ = self.pending.pop()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _encoded(text: str) -> bytes:
    """``text`` as mkdocs writes a page (``mkdocs.commands.build._build_page``)."""
    return text.encode("utf-8", errors="xmlcharrefreplace")


def _only_reader(events: Iterable[object], own: object) -> bool:
    """Whether ``own`` (the calendar plugin) is the only ``post_page`` plugin."""
    return all(getattr(event, "__self__", None) is own for event in events)
