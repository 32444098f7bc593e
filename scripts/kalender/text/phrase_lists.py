"""Reading the forbidden-content lists of ``calendar/terlarang/*.yml`` (one file per
category: every entry with its SOP clause, law, advice, cue words and exceptions) and the
structure of a lesson, ``calendar/konteks-edukasi.yml`` (:mod:`kalender.text.education`).
Problems in a list are reported with its file and line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .activity import Games
from .asked import Asking
from .attributed import Attributing
from .declined import Declining
from .disowned import Disowning
from .education import Lesson
from .everyday import Everyday
from .figurative import FIGURATIVE_KEYS, Figurative
from .literal_lists import load_literal
from .phrases import Pattern, Phrase, normalise_word
from .rebuked import Rebuking
from .regional import Category, regional_entries, regional_refusals
from .reported import Reporting

FORBIDDEN_FOLDER = "terlarang"
SEVERITIES = ("error", "warning")
SOP_CLAUSE = re.compile(r"^D\.[1-4]$")
CUE_AT_START = "^"  # in a cue list: the phrase opening a clause, unprefixed, is enough
CUE_ALONE = "!"  # in a cue list: the phrase being a clause by itself is enough
CUE_MARKS = (CUE_AT_START, CUE_ALONE)

PHRASES_SCHEMA = Field("mapping", keys={
    "label": Field("text", required=True),
    "sop": Field("text"),
    "severity": Field("text", choices=SEVERITIES),
    "advice": Field("text"),
    "refutable": Field("bool"),
    "abbreviations": Field("bool"),
    "by_law": Field("bool"),
    "lesson_words": Field("list", items=Field("text")),
    "mention_before": Field("list", items=Field("text")),
    "self_before": Field("list", items=Field("text")),
    "self_linking": Field("list", items=Field("text")),
    "cues": Field("mapping", values=Field("list", min_items=1, items=Field("text"))),
    "phrases": Field("list", required=True, items=Field("mapping", keys={
        "text": Field("text", required=True),
        "dasar": Field("text", required=True),
        "sop": Field("text"),
        "severity": Field("text", choices=SEVERITIES),
        "blocked": Field("bool"),
        "advice": Field("text"),
        "with": Field("text"),
        "window": Field("integer"),
        "except": Field("list", items=Field("text")),
    })),
})

LESSON_FILE = "konteks-edukasi.yml"
LESSON_SCHEMA = Field("mapping", keys={
    "window": Field("integer", required=True),
    "negators": Field("list", required=True, items=Field("text")),
    "close_negators": Field("list", items=Field("text")),
    "close_window": Field("integer"),
    "idioms": Field("list", items=Field("text")),
    "legal": Field("list", required=True, items=Field("text")),
    "cited": Field("list", items=Field("text")),
    "refutation": Field("list", items=Field("text")),
    "not_refuting": Field("list", items=Field("text")),
    "answers": Field("list", items=Field("text")),
    "refusals": Field("list", items=Field("text")),
    "writers": Field("list", items=Field("text")),
    "declines": Field("list", items=Field("text")),
    "declined": Field("list", items=Field("text")),
    "unmade": Field("list", items=Field("text")),
    "rebukes": Field("list", items=Field("text")),
    "naming": Field("list", items=Field("text")),
    "pointing": Field("list", items=Field("text")),
    "meaning": Field("list", items=Field("text")),
    "asking": Field("list", items=Field("text")),
    "answering": Field("list", items=Field("text")),
    "hearsay": Field("list", items=Field("text")),
    "messages": Field("list", items=Field("text")),
    "moderation": Field("list", items=Field("text")),
    "defining": Field("list", items=Field("text")),
    "defined_linking": Field("list", items=Field("text")),
    "means": Field("list", items=Field("text")),
    "senses": Field("mapping", values=Field("list", min_items=1, items=Field("text"))),
    "owned": Field("list", items=Field("text")),
    "owned_not": Field("list", items=Field("text")),
    "tellers": Field("list", items=Field("text")),
    "intents": Field("list", items=Field("text")),
    "past": Field("list", items=Field("text")),
    "past_not": Field("list", items=Field("text")),
    "played": Field("list", items=Field("text")),
    "games": Field("list", items=Field("text")),
    "not_games": Field("list", items=Field("text")),
    "not_played": Field("list", items=Field("text")),
    "crimes": Field("list", items=Field("text")),
    "enforcing": Field("list", items=Field("text")),
    "urging": Field("list", items=Field("text")),
    "claimers": Field("list", items=Field("text")),
    "stopping": Field("list", items=Field("text")),
    "condemning": Field("list", items=Field("text")),
    "speaking": Field("list", items=Field("text")),
    **{key: Field("list", items=Field("text")) for key in FIGURATIVE_KEYS},
})


def load_phrases(folder: Path, report: Report) -> tuple[Phrase, ...]:
    """Every phrase of ``calendar/terlarang/*.yml`` (``folder`` is ``calendar/``), then the
    regional and added entries of :mod:`kalender.text.regional`, read as their category's."""
    phrases: list[Phrase] = []
    categories: dict[str, Category] = {}
    for path in sorted((folder / FORBIDDEN_FOLDER).glob("*.yml")):
        phrases += _phrase_file(path, report, categories)
    # without category files the regional entries have nothing to join (the missing lists
    # are reported as such by kalender.rules.lists)
    for entry in regional_entries(folder, categories, report) if categories else ():
        cues = {name: _cue_list(words) for name, words in entry.cues.items()}
        phrase = _phrase(entry.path, entry.line, dict(entry.data), entry.raw, cues, report,
                         entry.category)
        phrases += [phrase] if phrase is not None else []
    return tuple(phrases)


def _phrase_file(path: Path, report: Report, categories: dict[str, Category]) -> list[Phrase]:
    located = read_data_file(path, PHRASES_SCHEMA, report)
    if located is None:
        return []
    data = located.value
    raw_cues = {str(name): list(words) for name, words in (data.get("cues") or {}).items()}
    categories[path.stem] = Category(data, raw_cues)
    cues = {name: _cue_list(words) for name, words in raw_cues.items()}
    phrases = []
    for index, raw in enumerate(data["phrases"]):
        line = located.line("phrases", index, "text")
        phrase = _phrase(path, line, data, raw, cues, report, path.stem)
        if phrase is not None:
            phrases.append(phrase)
    return phrases


def _phrase(path: Path, line: int, data: dict[str, Any], raw: dict[str, Any],
            cues: dict[str, tuple[tuple[Pattern, ...], bool, bool]],
            report: Report, category: str) -> Phrase | None:
    """One entry of ``category``, its file's defaults filled in; None (reported) when it
    cannot be used."""
    pattern = Pattern.parse(str(raw["text"]), inflected=True,
                            shortened=bool(data.get("abbreviations")))
    sop = str(raw.get("sop") or data.get("sop") or "")
    cue_name = str(raw.get("with") or "")
    if not pattern.parts:
        report.error(path, line, "content.list_empty_phrase", found=str(raw["text"]))
    elif not SOP_CLAUSE.match(sop):
        report.error(path, line, "content.list_bad_sop", found=sop or "-")
    elif cue_name and cue_name not in cues:
        report.error(path, line, "content.list_unknown_cue", found=cue_name,
                     known=", ".join(sorted(cues)) or "-")
    else:
        cue_patterns, at_start, alone = cues.get(cue_name, ((), False, False))
        return Phrase(
            text=str(raw["text"]), category=category, label=str(data["label"]),
            dasar=str(raw["dasar"]), blocked=bool(raw.get("blocked")),
            advice=str(raw.get("advice") or data.get("advice") or ""), path=path, line=line,
            pattern=pattern, mention_before=_normalised(data.get("mention_before")), sop=sop,
            error=(raw.get("severity") or data.get("severity")) == "error",
            cues=cue_patterns, cue_at_start=at_start, cue_alone=alone,
            cue_window=raw.get("window"),
            refutable=bool(data.get("refutable")), exceptions=_patterns(raw.get("except")),
            by_law=data.get("by_law", True) is not False,
            lesson_words=_phrase_words(data.get("lesson_words")),
            self_before=_normalised(data.get("self_before")),
            self_linking=_normalised(data.get("self_linking")))
    return None


def _cue_list(words: list[Any]) -> tuple[tuple[Pattern, ...], bool, bool]:
    texts = [str(w) for w in words]
    patterns = tuple(Pattern.parse(w, inflected=True) for w in texts if w not in CUE_MARKS)
    return tuple(p for p in patterns if p.parts), CUE_AT_START in texts, CUE_ALONE in texts


def _patterns(listed: Any) -> tuple[Pattern, ...]:
    """Exceptions: matched as written (not through inflections): ``berubah`` is not
    ``ubah``."""
    parsed = (Pattern.parse(str(w)) for w in listed or ())
    return tuple(p for p in parsed if p.parts)


def _normalised(listed: Any) -> frozenset[str]:
    return frozenset(normalise_word(str(w)) for w in listed or ())


def load_lesson(folder: Path, report: Report) -> Lesson:
    """The words of ``calendar/konteks-edukasi.yml`` that mark a lesson about the law
    (:mod:`kalender.text.education`); an empty lesson when the file is absent or wrong."""
    path = folder / LESSON_FILE
    if not path.exists():
        return Lesson()
    located = read_data_file(path, LESSON_SCHEMA, report)
    if located is None:
        return Lesson()
    data = located.value
    return Lesson(
        negators=_normalised(data["negators"]),
        close_negators=_normalised(data.get("close_negators")),
        close_window=int(data.get("close_window") or 2), idioms=_normalised(data.get("idioms")),
        legal=_phrase_words(data["legal"]), cited=_phrase_words(data.get("cited")),
        refutation=_phrase_words(data.get("refutation")),
        not_refuting=_normalised(data.get("not_refuting")), window=int(data["window"]),
        answers=_phrase_words(data.get("answers")),
        refusals=_phrase_words([*(data.get("refusals") or ()), *regional_refusals(folder)]),
        declining=Declining(writers=_normalised(data.get("writers")),
                            declines=_phrase_words(data.get("declines")),
                            declined=_normalised(data.get("declined")),
                            unmade=_normalised(data.get("unmade"))),
        asking=Asking(meaning=_phrase_words(data.get("meaning")),
                      asking=_normalised(data.get("asking")),
                      answering=_normalised(data.get("answering")),
                      hearsay=_normalised(data.get("hearsay"))),
        rebuking=Rebuking(rebukes=_phrase_words(data.get("rebukes")),
                          naming=_normalised(data.get("naming")),
                          pointing=_normalised(data.get("pointing"))),
        messages=_normalised(data.get("messages")),
        moderation=_phrase_words(data.get("moderation")),
        defining=_phrase_words(data.get("defining")),
        defined_linking=_normalised(data.get("defined_linking")),
        means=_normalised(data.get("means")),
        everyday=replace(_everyday(data), literal=load_literal(folder, report)))


def _everyday(data: dict[str, Any]) -> Everyday:
    """The words of :mod:`kalender.text.everyday`."""
    senses = tuple((normalise_word(str(word)), _phrase_words(neighbours))
                   for word, neighbours in (data.get("senses") or {}).items())
    return Everyday(senses=senses, owned=_normalised(data.get("owned")),
                    owned_not=_normalised(data.get("owned_not")),
                    writers=_normalised(data.get("writers")),
                    hearsay=_normalised(data.get("hearsay")),
                    tellers=_normalised(data.get("tellers")),
                    intents=_normalised(data.get("intents")), past=_normalised(data.get("past")),
                    past_not=_normalised(data.get("past_not")),
                    games=Games(played=_phrase_words(data.get("played")),
                                games=_phrase_words(data.get("games")),
                                not_games=_normalised(data.get("not_games")),
                                not_played=_phrase_words(data.get("not_played"))),
                    reporting=Reporting(crimes=_normalised(data.get("crimes")),
                                        enforcing=_phrase_words(data.get("enforcing")),
                                        urging=_normalised(data.get("urging"))),
                    disowning=Disowning(naming=_normalised(data.get("naming")),
                                        claimers=_normalised(data.get("claimers")),
                                        stopping=_normalised(data.get("stopping")),
                                        condemning=_phrase_words(data.get("condemning"))),
                    attributing=Attributing(hearsay=_normalised(data.get("hearsay")),
                                            speaking=_phrase_words(data.get("speaking")),
                                            tellers=_normalised(data.get("tellers"))),
                    figurative=_figurative(data))


def _figurative(data: dict[str, Any]) -> Figurative:
    """The words of :mod:`kalender.text.figurative`."""
    return Figurative(forceful=_normalised(data.get("forceful")),
                      market=_phrase_words(data.get("market")),
                      feelings=_normalised(data.get("feelings")),
                      exclaimed=_normalised(data.get("exclaimed")),
                      addressed=_normalised(data.get("addressed")),
                      calls=_normalised(data.get("calls")),
                      requests=_normalised(data.get("requests")),
                      hearsay=_normalised(data.get("hearsay")),
                      found_out=_normalised(data.get("found_out")),
                      denials=_normalised(data.get("denials")),
                      works=_normalised(data.get("works")))


def _phrase_words(listed: Any) -> tuple[tuple[str, ...], ...]:
    parsed = (Pattern.parse(str(w)).parts for w in listed or ())
    return tuple(tuple(norm for norm, _ in parts) for parts in parsed if parts)
