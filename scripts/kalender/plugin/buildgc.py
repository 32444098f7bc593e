"""A one-off ``kalender build``: Python's cycle collector is off while the plugin reads the
posts and prepares the site's data (``on_files``), and on again before any page renders.

Preparing the data of a thousand posts from the cache makes a few hundred thousand small
objects (posts, views, previews, page keys). The collector then runs tens of young
collections and a few full ones, each walking every object alive (the imported modules,
mkdocs' configuration, the stores already read): about 0.15 s of CPU in a build after one
caption edit at N = 1,000 (docs/performance.md, section "edit4"), more than the work of the
edited post itself. What ``on_files`` makes is almost all plain data without cycles, freed
by reference counting as before; the peak memory of that build is the same with the
collector off. The render (Jinja, Markdown) makes cycles: the collector is on for it, and a
build that renders many pages still collects in full before (``letgo.collect_freed``).

``kalender serve`` has its own rule (:mod:`kalender.plugin.idlegc`): nothing changes there.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(pause: bool) -> Iterator[None]:
    """No cycle collection inside the block when ``pause`` (and the collector was on);
    after it, every object then alive is set aside from the collector (:func:`gc.freeze`):
    the collections of the render walk only what the render makes. Set aside is not kept:
    an object no longer referenced is still freed at once (reference counting); only a
    cycle among them would wait for the process to end, and a build that renders many
    pages collects in full before this (``letgo.collect_freed``, inside the block)."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what is alive now (modules, the site's data) is not walked again
        gc.enable()
