"""One string object for each short text that many posts repeat.

Ten thousand posts name the same few platforms, formats, hashtags, categories, types,
statuses and legal sources; the YAML parser gives every post its own copy of each, and the
posts' cache (``posts.pickle``, one pickle of every post) keeps them apart. At N = 10,000
those copies were some 10 MB held for the whole build (issue 23, docs/performance.md,
"memory4"). :func:`share_texts` makes a front matter's short strings the interpreter's
interned ones, so every post holds the same object, and the posts' cache (whose pickle
memo writes a shared object once) reads them back shared. The keys of a post's line
numbers (``platforms.instagram``, ``media.0.alt``) are the same few for every post too.
"""

from __future__ import annotations

import sys
from typing import Any

LONGEST = 160  # longer texts (captions, bodies) are each post's own: not shared


def share_texts(value: Any) -> Any:
    """``value`` (a front matter as YAML reads it) with each short string in its
    mappings (keys too: ``platforms: {instagram: feed}``) and lists replaced, in place,
    by the interned string of the same text."""
    if isinstance(value, dict):
        shared = {share_texts(key): share_texts(item) for key, item in value.items()}
        value.clear()
        value.update(shared)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            value[index] = share_texts(item)
    elif type(value) is str and len(value) <= LONGEST:
        return sys.intern(value)
    return value
