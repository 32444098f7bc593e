"""The one message catalog: every user-facing word, in Indonesian and English.

Messages live in ``messages/*.yml`` beside this module, one file per area, each key
mapping to ``{id: ..., en: ...}``. Keys are unique across all files.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_current: str | None = None
# libyaml when PyYAML was built with it: the catalog is read by every command and build
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def catalog() -> dict[str, dict[str, str]]:
    """All messages, merged from every file of the catalog (kept compiled beside it:
    :mod:`kalender.core.catalogcache`)."""
    from .catalogcache import compiled_catalog

    return compiled_catalog(Path(__file__).parent / "messages", read_catalog)


def read_catalog(folder: Path) -> dict[str, dict[str, str]]:
    """The messages of every ``*.yml`` in ``folder``; a key defined twice, or lacking a
    language or its text, stops the program at once (a developer's mistake, named)."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        for key, texts in data.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice ({path.name})")
            missing = [lang for lang in LANGUAGES
                       if not isinstance(texts.get(lang), str) or not texts[lang].strip()]
            if missing:
                raise RuntimeError(f"message {key!r} in {path.name} lacks {missing}")
            merged[key] = texts
    return merged


def language() -> str:
    """The language in force: set_language(), else $KALENDER_LANG, else Indonesian."""
    lang = _current or os.environ.get("KALENDER_LANG", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Choose the language of every message from now on (None: back to default)."""
    global _current
    _current = lang


# (wording suffix, language pinned for the block: "" when none; see page_words)
_STYLE: contextvars.ContextVar[tuple[str, str]] = contextvars.ContextVar(
    "kalender_word_style", default=("", ""))
WEB_SUFFIX = ".web"
PAGE_SUFFIX = ".page"


@contextmanager
def _style(suffix: str, pinned: str = "") -> Iterator[None]:
    token = _STYLE.set((suffix, pinned))
    try:
        yield
    finally:
        _STYLE.reset(token)


def web_words() -> contextlib.AbstractContextManager[None]:
    """Within: a message with a browser wording (``<key>.web``: buttons and fields, not
    command-line options) is said that way. The review server answers in it."""
    return _style(WEB_SUFFIX)


def page_words() -> contextlib.AbstractContextManager[None]:
    """Within: a message with a page wording (``<key>.page``: what a reader of the built site
    is told, without commands or options) is said that way. The site build writes in it."""
    return _pinned_style(PAGE_SUFFIX)


@contextmanager
def _pinned_style(suffix: str) -> Iterator[None]:
    """The wording ``suffix``, in the language in force when the block is entered: a site
    build says some twelve thousand messages, and looking the language up in the
    environment was over half of each (issue 23, branch ``edit9``)."""
    with _style(suffix, language()):
        yield


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    suffix, pinned = _STYLE.get()
    if suffix and key + suffix in catalog():
        key += suffix
    if not params:
        return _plain(key, lang or pinned or language())
    texts = catalog()[key]
    return texts[lang or pinned or language()].format(**params)


@functools.lru_cache(maxsize=4096)
def _plain(key: str, lang: str) -> str:
    """A message without parameters: one string object however often it is shown (a year
    of posts repeats the same labels tens of thousands of times)."""
    return catalog()[key][lang].format()
