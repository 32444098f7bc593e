"""``kalender export --week 2026-W49``: the upload bundle of an approved week, as one zip.

The core (:func:`build_bundle`, :func:`write_bundle`) knows nothing of click; the commands
at the bottom print what it found and turn its refusals into clean errors. What goes in
and how the files are laid out is :mod:`kalender.export.bundle`; pictures are framed by the
preview's own crop function (:mod:`kalender.media.images`) and encoded here, in parallel, as
JPEGs small enough for each platform.
"""

from __future__ import annotations

import contextlib
import io
import math
import multiprocessing
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from ..approval.standing import Standings
from ..core.atomic import replacing
from ..core.calendar_data import CalendarData
from ..core.digests import DigestStore
from ..core.errors import DataError, KalenderError, UsageError
from ..core.i18n import t
from ..core.loader import Project, load_project, post_files_of_days
from ..core.model import Week
from ..core.problems import Report, problem_counts, report_lines
from ..media.images import MediaError, Size, crop_scaled, open_image, render_framing, video_poster
from ..media.mediacache import PARALLEL_FROM
from .bundle import (
    CHECKLIST,
    CSV_SCHEDULE,
    LINKS_FILE,
    MANIFEST,
    Contents,
    HootsuiteRules,
    Layout,
    MediaJob,
    Selection,
    bundle_name,
    lay_out,
    load_settings,
    manifest,
    select_week,
    write_zip,
)
from .lists import (
    HootsuiteRow,
    checklist_html,
    hootsuite_csvs,
    hootsuite_rows,
    links_text,
    schedule_csv,
)

QUALITY_STEPS = (90, 85, 80, 75, 70, 65, 60, 50, 40)  # JPEG quality, tried in this order
Failure = tuple[str, dict[str, Any]]  # a catalog key and its parameters


# -- pictures --------------------------------------------------------------------------


def render_job(job: MediaJob) -> tuple[bytes | None, Failure | None]:
    """The JPEG of one picture, or why it cannot be made. Runs in a worker process, so it
    returns the error (catalog key and parameters) instead of raising it."""
    try:
        picture = job_picture(job)
    except MediaError as exc:
        return None, (exc.key, exc.params)
    return jpeg_within(picture, job)


def render_group(jobs: Sequence[MediaJob]) -> list[tuple[bytes | None, Failure | None]]:
    """The JPEGs of jobs that share one photo: it is decoded once, at the largest size any
    of them needs (a photo posted to three platforms was decoded three times)."""
    if len(jobs) == 1 or jobs[0].from_video:
        return [render_job(job) for job in jobs]
    try:
        photo = open_image(jobs[0].source, _largest_need(jobs))
    except MediaError as exc:
        return [(None, (exc.key, exc.params)) for _ in jobs]
    return [jpeg_within(crop_scaled(photo, job.framing, job.size), job) for job in jobs]


def _largest_need(jobs: Sequence[MediaJob]) -> Size:
    """The upright pixels the decoded photo must have for every job's crop and size."""
    needs = [(math.ceil(j.size[0] * j.framing.source[0] / (j.framing.box[2] - j.framing.box[0])),
              math.ceil(j.size[1] * j.framing.source[1] / (j.framing.box[3] - j.framing.box[1])))
             for j in jobs]
    return max(w for w, _ in needs), max(h for _, h in needs)


def job_picture(job: MediaJob) -> Image.Image:
    """The framed picture at the job's size: upright, sRGB, from the file or a video frame."""
    if job.from_video:
        return crop_scaled(video_poster(job.source), job.framing, job.size)
    return render_framing(job.source, job.framing, job.size)


def jpeg_within(picture: Image.Image, job: MediaJob) -> tuple[bytes | None, Failure | None]:
    """The picture as a JPEG no larger than ``job.max_bytes``: quality lowered step by step
    until it fits; no EXIF, ICC profile or comment (the pixels are sRGB already)."""
    clean = bare(picture)
    data = b""
    for quality in QUALITY_STEPS:
        data = jpeg_bytes(clean, quality)
        if len(data) <= job.max_bytes:
            return data, None
    return None, ("export.too_large", {"file": job.source.name, "platform": job.platform,
                                       "size": len(data), "quality": QUALITY_STEPS[-1],
                                       "limit": job.max_bytes})


def bare(picture: Image.Image) -> Image.Image:
    """An RGB copy of ``picture`` that carries no metadata to the encoder."""
    clean = picture.convert("RGB") if picture.mode != "RGB" else picture.copy()
    clean.info = {}
    return clean


def jpeg_bytes(picture: Image.Image, quality: int) -> bytes:
    """``picture`` as an optimised progressive JPEG at ``quality``."""
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


@dataclass(frozen=True)
class MediaFailure:
    """A picture that could not be made, for the message naming post, platform and file."""

    job: MediaJob
    key: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        """``posts/…/x.md:14 (x): <what is wrong>``: the file and line of the media."""
        return t("export.media_problem", where=self.job.where, platform=self.job.platform,
                 message=t(self.key, **self.params))


def render_all(jobs: Sequence[MediaJob], workers: int,
               done: Callable[[int], None]) -> tuple[dict[str, bytes], list[MediaFailure]]:
    """Render every job, in parallel processes when there are enough; ``done(1)`` after each."""
    results: dict[str, bytes] = {}
    failures: list[MediaFailure] = []

    def keep(job: MediaJob, result: tuple[bytes | None, Failure | None]) -> None:
        data, failure = result
        if data is not None:
            results[job.name] = data
        elif failure is not None:
            failures.append(MediaFailure(job, *failure))
        done(1)

    groups: dict[tuple[Path, bool], list[MediaJob]] = {}
    for job in jobs:
        groups.setdefault((job.source, job.from_video), []).append(job)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        for group in groups.values():
            for job, result in zip(group, render_group(group), strict=True):
                keep(job, result)
        failures.sort(key=lambda f: f.job.name)
        return results, failures
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(groups)), mp_context=context) as pool:
        # the largest groups first, so no worker is left with a long one at the end
        ordered = sorted(groups.values(), key=len, reverse=True)
        futures = {pool.submit(render_group, group): group for group in ordered}
        for future in as_completed(futures):
            for job, result in zip(futures[future], future.result(), strict=True):
                keep(job, result)
    failures.sort(key=lambda f: f.job.name)
    return results, failures


# -- the approval sheet ----------------------------------------------------------------


SHEET_NAME = "lembar-persetujuan-{week}.pdf"


def approval_sheet(root: Path, week: Week,
                   digests: DigestStore | None = None) -> tuple[bytes | None, str]:
    """The week's Lembar Persetujuan PDF from the approval sheet maker, or why there is none."""
    try:
        from ..workflow.sheet import write_sheet  # the approval engineer's maker (kalender sheet)
    except ImportError:
        return None, t("export.sheet.unavailable")
    with tempfile.TemporaryDirectory(prefix="kalender-ekspor-") as folder:
        output = Path(folder) / SHEET_NAME.format(week=week.label)
        try:
            written = write_sheet(root, week=week, post_ref=None, output=output,
                                  digests=digests)
        except KalenderError as exc:
            return None, t("export.sheet.failed", detail=exc.format_message())
        return Path(written).read_bytes(), ""


# -- the whole bundle ------------------------------------------------------------------


@dataclass
class Bundle:
    """What an export found and made: the selection, the files, what was left out and why."""

    project: Project
    calendar: CalendarData
    selection: Selection
    rules: HootsuiteRules
    contents: Contents = field(default_factory=Contents)
    hootsuite: list[HootsuiteRow] = field(default_factory=list)
    sheet_reason: str = ""
    failures: list[str] = field(default_factory=list)  # media that could not be made
    digests: DigestStore = field(default_factory=DigestStore)  # media hashed once per content

    @property
    def name(self) -> str:
        """The zip's file name."""
        return bundle_name(self.calendar, self.selection.week)


def load_for_export(root: Path, week: Week | None = None) -> tuple[
        Project, CalendarData, HootsuiteRules]:
    """Read the repository (only the posts of ``week`` when given); stop with every problem
    when the calendar data is wrong."""
    project = load_project(root, None if week is None else post_files_of_days(root, week.days))
    report = Report()
    rules = load_settings(project.calendar, report) if project.calendar else None
    calendar_errors = [p for p in [*project.report, *report] if p.is_error
                       and p.path.resolve().is_relative_to((root / "calendar").resolve())]
    if project.calendar is None or rules is None or calendar_errors:
        problems = [*project.report.errors, *report.errors]
        errors, _ = problem_counts(problems)
        raise DataError("export.calendar_errors", errors=errors).with_details(
            report_lines(problems, root))
    return project, project.calendar, rules


def prepare(root: Path, week: Week, digests: DigestStore | None = None) -> Bundle:
    """Read the repository and judge every post of ``week``: nothing made yet (media hashed
    through ``digests``, such as the store the site build keeps)."""
    project, calendar, rules = load_for_export(root, week)
    digests = digests or DigestStore()
    selection = select_week(project, week, Standings(digests))
    return Bundle(project, calendar, selection, rules, digests=digests)


def build_bundle(bundle: Bundle, workers: int,
                 progress: Callable[[int], contextlib.AbstractContextManager[Any]]) -> None:
    """Make every file of the bundle of the approved posts (in memory, except videos,
    which are copied when the zip is written); media that cannot be made go in
    ``bundle.failures``."""
    layout = lay_out(bundle.selection, bundle.calendar)
    bundle.failures = list(layout.errors)
    if bundle.failures:
        return
    # The approval sheet (Python, in this process) is drawn while the worker processes
    # render the pictures, instead of after them: the export of a week is faster by it.
    with ThreadPoolExecutor(max_workers=1) as aside:
        sheet = aside.submit(approval_sheet, bundle.project.root, bundle.selection.week,
                             bundle.digests)
        with progress(len(layout.jobs)) as bar:
            pictures, failures = render_all(layout.jobs, workers, bar.update)
        bundle.failures = [failure.message for failure in failures]
        if not bundle.failures:
            assemble(bundle, layout, pictures, sheet.result())


def assemble(bundle: Bundle, layout: Layout, pictures: dict[str, bytes],
             sheet_made: tuple[bytes | None, str] | None = None) -> None:
    """Put every file in ``bundle.contents``: texts, pictures, videos, the schedules, the
    link file, the checklist, the approval sheet (``sheet_made`` when already drawn by
    :func:`approval_sheet`) and, last, the manifest of them all."""
    root, calendar, week = bundle.project.root, bundle.calendar, bundle.selection.week
    contents = bundle.contents
    for name, data in {**layout.texts, **pictures}.items():
        contents.add(name, data)
    for name, source in layout.copies.items():
        contents.add_copy(name, source, bundle.digests.sha256(source))
    bundle.hootsuite = hootsuite_rows(layout.placed, bundle.rules)
    for name, data in hootsuite_csvs(bundle.hootsuite).items():
        contents.add(name, data)
    contents.add(CSV_SCHEDULE, schedule_csv(layout.placed, calendar))
    contents.add(LINKS_FILE, links_text(layout.placed, week).encode("utf-8"))
    contents.add(CHECKLIST, checklist_html(layout.placed, week, calendar,
                                           bundle.selection.left_out))
    sheet, bundle.sheet_reason = sheet_made or approval_sheet(root, week, bundle.digests)
    if sheet is not None:
        contents.add(SHEET_NAME.format(week=week.label), sheet)
    contents.add(MANIFEST, manifest(bundle.selection, layout, calendar, contents,
                                    _extra(bundle)))


def _extra(bundle: Bundle) -> dict[str, Any]:
    rules = bundle.rules
    sheet_name = SHEET_NAME.format(week=bundle.selection.week.label)
    return {
        "approval_sheet": ({"included": True, "file": sheet_name} if not bundle.sheet_reason
                           else {"included": False, "reason": bundle.sheet_reason}),
        "hootsuite": {
            "datetime_format": rules.datetime, "minute_step": rules.minute_step,
            "rows": [{"post": r.item.post.id, "platform": r.item.target.platform,
                      "when": r.when} for r in bundle.hootsuite if r.when],
            "left_out": [{"post": r.item.post.id, "platform": r.item.target.platform,
                          "reason": r.reason} for r in bundle.hootsuite if r.reason],
        },
    }


def write_bundle(contents: Contents, path: Path) -> int:
    """Write the zip atomically; nothing is left behind when writing fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, 0o644) as out:
        return write_zip(out, contents)


# -- the command -----------------------------------------------------------------------


def parse_week(text: str) -> Week:
    """``2026-W49`` as a :class:`Week`; a usage error naming the text otherwise."""
    try:
        return Week.parse(text)
    except ValueError:
        raise UsageError("export.bad_week", found=text) from None


# -- reading the live links back (kalender uploaded --from-file) -------------------------


