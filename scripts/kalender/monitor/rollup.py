"""The roll-up: every source read (or listed as broken), each office's figures, the totals.

One office at a time is loaded with the calendar's own loader, reduced to its
:class:`~kalender.monitor.figures.Figures` and let go, so memory holds one office's posts at
most per worker. Figures are cached per office under the cache folder, keyed by the office's
content version (git commit or file stats), the period, the day and the language: a second
run re-reads only the offices that changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..core.atomic import write_bytes
from ..core.i18n import language, set_language, t
from ..core.loader import load_project
from ..core.problems import Report
from ..report.build import Period, build_report
from ..report.inputs import project_report_input
from .figures import Figures, office_figures
from .sources import ROLLUP_FILE, Broken, Readable, SourceSpec, resolve

FORMAT = "kalender-pantauan"
FORMAT_VERSION = 1  # of pantauan.json and of the cache entries; bump when Figures change
PROBLEM_LINES = 3  # load errors quoted when an office cannot be read at all


@dataclass
class Office:
    """One office in the roll-up: who it is, where it came from, and its figures."""

    key: str  # unique in the roll-up: the satker slug, or slug-label when two share it
    name: str
    short_name: str
    base_url: str
    jdih_url: str
    source: str
    label: str
    version: str
    figures: Figures
    group: list[str] = field(default_factory=list)  # the roll-ups above it, outermost first
    warning: str = ""
    shown: str = ""  # the name shown: the short name, with the source's when two share it
    evaluations: list[str] = field(default_factory=list)  # the monitoring office's

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["figures"] = self.figures.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Office:
        values = dict(data)
        values["figures"] = Figures.from_json(values.get("figures") or {})
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in values.items() if k in known})


@dataclass
class BrokenSource:
    """A source the roll-up could not read: its name, where it points, and why."""

    label: str
    where: str
    reason: str
    group: list[str] = field(default_factory=list)


@dataclass
class Rollup:
    """The roll-up over one period: its offices, the broken sources, and warnings."""

    title: str
    period: Period
    as_of: dt.datetime
    offices: list[Office] = field(default_factory=list)
    broken: list[BrokenSource] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reread: int = 0  # offices read this run (the others came from the cache)


@dataclass(frozen=True)
class Job:
    """What a worker needs to read one office (plain values: it crosses processes)."""

    folder: str
    label: str
    where: str
    version: str
    period: Period
    today: dt.date
    lang: str


# -- reading ---------------------------------------------------------------------------------


def build_rollup(title: str, specs: Sequence[SourceSpec], period: Period, today: dt.date,
                 cache: Path, jobs: int = 1,
                 progress: Callable[[str], None] | None = None) -> Rollup:
    """Resolve every source, read every office (from the cache when unchanged)."""
    rollup = Rollup(title, period, _end_of_day(today))
    pending: list[tuple[int, Readable]] = []
    slots: list[list[Office] | BrokenSource] = []
    for spec in specs:
        found = resolve(spec, cache)
        if isinstance(found, Broken):
            slots.append(BrokenSource(found.label, spec.where, found.reason))
            continue
        if found.warning:
            rollup.warnings.append(found.warning)
        if found.kind == "rollup":
            slots.append(_nested(found, period, rollup))
            continue
        slots.append([])
        pending.append((len(slots) - 1, found))
    results = _read_all([_job(r, period, today) for _, r in pending], cache, jobs, progress,
                        rollup)
    for (index, readable), result in zip(pending, results, strict=True):
        if isinstance(result, str):
            slots[index] = BrokenSource(readable.label, readable.spec.where, result)
        else:
            result.warning = readable.warning
            slots[index] = [result]
    for slot in slots:
        if isinstance(slot, BrokenSource):
            rollup.broken.append(slot)
        else:
            rollup.offices.extend(slot)
    _unique_keys(rollup.offices)
    return rollup


def _job(readable: Readable, period: Period, today: dt.date) -> Job:
    return Job(str(readable.folder), readable.label, readable.spec.where, readable.version,
               period, today, language())


def _read_all(work: list[Job], cache: Path, jobs: int,
              progress: Callable[[str], None] | None, rollup: Rollup) -> list[Office | str]:
    results: list[Office | str | None] = [cached(cache, job) for job in work]
    todo = [i for i, r in enumerate(results) if r is None]
    rollup.reread = len(todo)
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
            for i, result in zip(todo, pool.map(read_office, [work[i] for i in todo]),
                                 strict=True):
                results[i] = _keep(cache, work[i], result, progress)
    else:
        for i in todo:
            results[i] = _keep(cache, work[i], read_office(work[i]), progress)
    return [r for r in results if r is not None]


def _keep(cache: Path, job: Job, result: Office | str,
          progress: Callable[[str], None] | None) -> Office | str:
    if isinstance(result, Office):
        store(cache, job, result)
    if progress is not None:
        progress(job.label)
    return result


def read_office(job: Job) -> Office | str:
    """One office's figures, or the reason it cannot be read (a string)."""
    set_language(job.lang)
    project = load_project(Path(job.folder))
    if project.calendar is None:
        shown = [f"{p.where(project.root)}: {p.message}" for p in project.report.errors]
        return t("monitor.source.no_calendar", problems="; ".join(shown[:PROBLEM_LINES]))
    problems = Report()
    source = project_report_input(project, job.period, job.today, None, problems)
    assert source is not None
    report = build_report(source)
    satker = project.calendar.satker
    figures = office_figures(project, source.posts, report, None)
    return Office(key=satker.slug, name=satker.name, short_name=satker.short_name,
                  base_url=satker.base_url, jdih_url=satker.jdih_url, source=job.where,
                  label=job.label, version=job.version, figures=figures)


def _nested(readable: Readable, period: Period, rollup: Rollup) -> list[Office] | BrokenSource:
    """The offices of another roll-up's ``pantauan.json``, grouped under its title."""
    path = readable.folder / ROLLUP_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return BrokenSource(readable.label, readable.spec.where,
                            t("monitor.source.bad_json", file=str(path), reason=str(error)))
    if not isinstance(data, dict) or data.get("format") != FORMAT \
            or data.get("version") != FORMAT_VERSION:
        return BrokenSource(readable.label, readable.spec.where,
                            t("monitor.source.bad_format", file=str(path), expected=FORMAT,
                              version=FORMAT_VERSION))
    name = readable.spec.name or str(data.get("title") or readable.label)
    theirs = data.get("period") or {}
    if (theirs.get("start"), theirs.get("end")) != (period.start.isoformat(),
                                                     period.end.isoformat()):
        rollup.warnings.append(t("monitor.source.other_period", name=name,
                                 start=str(theirs.get("start")), end=str(theirs.get("end"))))
    for item in data.get("broken") or []:
        rollup.broken.append(BrokenSource(str(item["label"]), str(item["where"]),
                                          str(item["reason"]), [name, *item.get("group", [])]))
    offices = []
    for item in data.get("offices") or []:
        office = Office.from_json(item)
        office.group = [name, *office.group]
        offices.append(office)
    return offices


def _unique_keys(offices: Iterable[Office]) -> None:
    """Two offices sharing a slug (two clones of one repository) get their labels added."""
    seen: dict[str, int] = {}
    listed = list(offices)
    for office in listed:
        seen[office.key] = seen.get(office.key, 0) + 1
    taken: set[str] = set()
    for office in listed:
        key = office.key if seen[office.key] == 1 else f"{office.key}-{office.label}"
        base, number = key, 2
        while key in taken:
            key, number = f"{base}-{number}", number + 1
        taken.add(key)
        office.key = key
    names: dict[str, int] = {}
    for office in listed:
        names[office.short_name] = names.get(office.short_name, 0) + 1
    for office in listed:
        office.shown = (office.short_name if names[office.short_name] == 1
                        else f"{office.short_name} ({office.label})")


def _end_of_day(day: dt.date) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day, dt.time(23, 59, 59), ZoneInfo("Asia/Pontianak"))


# -- the cache -------------------------------------------------------------------------------


def cache_file(cache: Path, job: Job) -> Path:
    name = hashlib.sha256(job.where.encode("utf-8")).hexdigest()[:16]
    return cache / "angka" / f"{name}.json"


def cache_key(job: Job) -> str:
    """What the figures depend on: the content, the period, the day and the language."""
    words = [str(FORMAT_VERSION), job.version, job.period.start.isoformat(),
             job.period.end.isoformat(), job.today.isoformat(), job.lang]
    return hashlib.sha256("\0".join(words).encode("utf-8")).hexdigest()


def cached(cache: Path, job: Job) -> Office | None:
    """The office as stored by an earlier run, when nothing it depends on changed."""
    try:
        data = json.loads(cache_file(cache, job).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != cache_key(job):
        return None
    try:
        office = Office.from_json(data["office"])
    except (KeyError, TypeError):
        return None
    office.label = job.label  # the name may differ between runs, the figures do not
    return office


def store(cache: Path, job: Job, office: Office) -> None:
    path = cache_file(cache, job)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"key": cache_key(job), "office": office.to_json()}
    write_bytes(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))
