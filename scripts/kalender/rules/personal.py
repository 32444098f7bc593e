"""Personal data of a private person in a caption (SOP D.4; UU 27/2022): rule
``content.personal_data``, an error wherever it stands, even in an educational post (a real
NIK is never an example). Found by shape: :mod:`kalender.text.personal_data`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.calendar_data import SATKER_SCHEMA
from ..core.datafile import read_data_file
from ..core.i18n import t
from ..core.model import Post
from ..core.problems import Problem, Report, Severity
from ..text.personal_data import PersonalData, find_personal_data
from .registry import Context, Finding, rule
from .wording import line_in_text, wordings

RULE = "content.personal_data"
SOP_CLAUSE = "D.4"


def official_contacts(context: Context) -> list[str]:
    """The office's own numbers and addresses (``contact`` in ``calendar/satker.yml``)."""
    return _contacts(context.calendar.satker.extra.get("contact") or {})


def official_in(calendar_folder: Path) -> list[str]:
    """The same, read from ``calendar/satker.yml`` for a preview (its problems are
    reported by ``kalender check``; a file that cannot be read gives none)."""
    path = calendar_folder / "satker.yml"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return []
    return list(_read_contacts(path, stamp))


@lru_cache(maxsize=4)
def _read_contacts(path: Path, stamp: int) -> tuple[str, ...]:
    located = read_data_file(path, SATKER_SCHEMA, Report())
    return tuple(_contacts(located.value.get("contact") or {})) if located else ()


def _contacts(contact: dict[str, Any]) -> list[str]:
    return [str(v) for key in ("phones", "addresses") for v in contact.get(key) or ()]


@rule(RULE, Severity.ERROR)
def personal_data(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Each NIK, KK number, private mobile number or home address in each platform's text."""
    official = official_contacts(context)
    for wording in wordings(post, context):
        for found in find_personal_data(wording.text, official):
            kind, dasar, advice = describe(found)
            problem = finding(wording.caption_key, "content.personal_data",
                              for_platform=wording.platform, where=wording.where,
                              found=found.text, kind=kind, sop=SOP_CLAUSE, dasar=dasar,
                              advice=advice)
            yield replace(problem, line=line_in_text(post, wording, found.start))


def describe(found: PersonalData) -> tuple[str, str, str]:
    """The words of a finding: what the data is, its law, and what to write instead."""
    return (t(f"content.pd_{found.kind}"), t(f"content.pd_{found.kind}_dasar"),
            t(f"content.pd_{found.kind}_advice"))
