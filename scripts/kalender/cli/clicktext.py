"""click's own words (help headings, usage errors) in the user's language.

click marks its texts with :func:`gettext.gettext`; this module points click's modules at
the message catalog instead (``messages/click.yml``, whose English entries are click's
texts exactly), so ``kalender --help`` and a mistyped option read in Indonesian too.
"""

from __future__ import annotations

import importlib
from functools import cache

from ..core.i18n import catalog, language

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


def install() -> None:
    """Make click's modules translate through the catalog."""
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
