"""click's own words (help headings, usage errors) and the commands' help in the user's
language.

click marks its texts with :func:`gettext.gettext`; this module points click's modules at
the message catalog instead (``messages/click.yml``, whose English entries are click's
texts exactly), so ``kalender --help`` and a mistyped option read in Indonesian too.

The commands' own help texts are written once, in Indonesian, when their module is imported
(before ``--lang`` is read). Each is a catalog entry's Indonesian text; help is said in the
language in force when it is printed (:func:`said`): every command description and option
of ``kalender --lang en --help`` reads in English.
"""

from __future__ import annotations

import copy
import importlib
import re
import string
from functools import cache
from typing import Any

import click

from ..core.i18n import DEFAULT_LANGUAGE, catalog, language

EXTRAS = "  ["  # click appends "  [default: ...]", "  [required]" to an option's help

CLICK_MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting",
                 "click.parser", "click.types", "click.termui", "click.utils")


@cache
def _keys() -> dict[str, str]:
    """click's English text -> catalog key."""
    return {texts["en"]: key for key, texts in catalog().items() if key.startswith("click.")}


def gettext(message: str) -> str:
    """click's ``message`` in the current language (itself when not in the catalog)."""
    key = _keys().get(message)
    return catalog()[key][language()] if key else message


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


def _words(text: str) -> str:
    return " ".join(text.split())


@cache
def _help_keys() -> dict[str, str]:
    """Indonesian text (white space collapsed) -> catalog key, for the commands' help."""
    return {_words(texts[DEFAULT_LANGUAGE]): key for key, texts in catalog().items()
            if "{" not in texts[DEFAULT_LANGUAGE]}


@cache
def _help_patterns() -> list[tuple[re.Pattern[str], str]]:
    """For the catalog's texts with fields (``Sama dengan '{name}'.``): a pattern that reads
    the fields back out of the Indonesian text, and the key."""
    found = []
    for key, texts in catalog().items():
        source = _words(texts[DEFAULT_LANGUAGE])
        if "{" not in source:
            continue
        pattern = _pattern(source)
        if pattern is not None:
            found.append((re.compile(pattern), key))
    return found


def _pattern(source: str) -> str | None:
    r"""``Sama dengan '(?P<name>.+?)'\.`` for ``Sama dengan '{name}'.``; None when a field is
    not a plain name."""
    pattern, named = "", set()
    for literal, field, _, _ in string.Formatter().parse(source):
        pattern += re.escape(literal)
        if field is None:
            continue
        if not field.isidentifier():
            return None
        pattern += f"(?P={field})" if field in named else f"(?P<{field}>.+?)"
        named.add(field)
    return pattern


def in_language(text: str) -> str | None:
    """A catalog text said in Indonesian, in the language in force; None when the catalog
    does not hold it."""
    text = _words(text)
    key = _help_keys().get(text)
    if key:
        return catalog()[key][language()]
    for pattern, key in _help_patterns():
        match = pattern.fullmatch(text)
        if match:
            return catalog()[key][language()].format(**match.groupdict())
    return None


def said(text: str) -> str:
    """A help text written in Indonesian, in the language in force (itself when the catalog
    does not hold it). The extras click appends (``[default: ...]``) stay as they are."""
    if language() == DEFAULT_LANGUAGE or not text:
        return text
    head, extras, tail = text.partition(EXTRAS)
    shown = in_language(head)
    return shown + extras + tail if shown is not None else text


def said_names(text: str) -> str:
    """``--by ANGGOTA`` as ``--by MEMBER`` in English: the names of the values to give."""
    if language() == DEFAULT_LANGUAGE:
        return text
    return re.sub(r"\[?[A-Z][A-Za-z0-9|-]*\]?", _metavar, text)


def _metavar(match: re.Match[str]) -> str:
    word = match.group(0)
    bare = word.strip("[]")
    key = f"metavar.{bare}"
    return word.replace(bare, catalog()[key][language()]) if key in catalog() else word


class HelpFormatter(click.HelpFormatter):
    """click's formatter, saying each help text in the language in force."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, said_names(args), prefix)

    def write_text(self, text: str) -> None:
        super().write_text(said(text))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(said_names(first), said(second)) for first, second in rows],
                         col_max, col_spacing)


_click_short_help = click.Command.get_short_help_str


def _short_help(self: click.Command, limit: int = 45) -> str:
    """A command's line in its group's list, shortened after it is said in the language."""
    if language() == DEFAULT_LANGUAGE:
        return _click_short_help(self, limit)
    shown = copy.copy(self)
    shown.help = said(self.help or "")
    shown.short_help = said(self.short_help) if self.short_help else None
    return _click_short_help(shown, limit)


def install() -> None:
    """Make click's modules translate through the catalog."""
    click.Context.formatter_class = HelpFormatter
    click.Command.get_short_help_str = _short_help  # type: ignore[method-assign]
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
