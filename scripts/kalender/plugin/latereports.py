"""The report's charts and PDFs drawn while the pages render (issue 23, branch cold6).

A cold build used to wait for the report's process at the end of ``on_files``: it drew
(some 5 s of CPU at 1,000 posts) while the two picture workers already kept both cores busy,
and the pages were then rendered on one core while the other idled. ``kalender build`` now
starts the report's process gated (:func:`kalender.plugin.report.start_reports`), opens the
gate once the pictures are collected, adds the charts and PDFs to the site under the names
they are drawn under, and copies them into the site only in ``on_post_build``, after the
drawing ended: the same files, the same bytes, drawn beside the page render.
``kalender serve`` keeps waiting in ``on_files`` (its reports are rarely drawn again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.structure.files import File

from .report import PendingReports

Copy = Callable[..., None]


@dataclass
class LateReports:
    """The drawing of one build's reports and the copies of its files held back."""

    pending: PendingReports
    held: list[tuple[File, Copy, bool]] = field(default_factory=list)  # file, copy, dirty

    def hold_copies(self) -> None:
        """Let mkdocs' copy of every report chart and PDF added wait for :meth:`settle`
        (called last: ``Incremental.compare`` sets the files' copy too)."""
        for file in self.pending.drawn:
            self._hold(file)

    def _hold(self, file: File) -> None:
        copy = file.copy_file

        def held(dirty: bool = False) -> None:
            self.held.append((file, copy, dirty))

        file.copy_file = held  # type: ignore[method-assign]

    def settle(self) -> None:
        """Wait for the drawing (its error is raised here), then copy the held files."""
        self.pending.close()
        held, self.held = self.held, []
        for file, copy, dirty in held:
            file.copy_file = copy  # type: ignore[method-assign]
            copy(dirty)

    def abandon(self) -> None:
        """End the drawing without copying (the build failed)."""
        self.held = []
        self.pending.abandon()
