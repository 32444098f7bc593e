"""Human words for the identifiers in the data: ``instagram`` is "Instagram", ``diparaf`` is
"Diparaf". Every page, PDF and message that names a platform or a state takes it from here,
so no raw identifier reaches a reader (issue 22)."""

from __future__ import annotations

from collections.abc import Iterable

from .i18n import catalog, t


def platform_label(platform: str) -> str:
    """``Instagram`` for ``instagram``; an identifier the catalog does not know stays as is."""
    key = f"platform.name.{platform}"
    return t(key) if key in catalog() else platform


def platforms_text(platforms: Iterable[str]) -> str:
    """``Instagram, X, TikTok`` for ``("instagram", "x", "tiktok")``."""
    return ", ".join(platform_label(p) for p in platforms)


def status_label(state: str) -> str:
    """``Diparaf`` for ``diparaf``: the name the badges show, in the language in force."""
    key = f"status.{state}"
    return t(key) if key in catalog() else state


def kind_label(key: str) -> str:
    """The words for a kind of post as the cadence names it: a type (``non-edukasi`` is
    "Non-edukasi (penyegar)"), a category, or a type prefix (``edukasi``)."""
    for prefix in ("site.type.", "site.category.", "cadence.kind."):
        if prefix + key in catalog():
            return t(prefix + key)
    return key
