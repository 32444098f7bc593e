"""The bundle's files besides the media: the schedule (``jadwal.csv``), the Hootsuite CSVs, the
link file (``tautan.txt``) and the checklist page; each made from the placed posts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..core.calendar_data import CalendarData
from ..core.dates import clock, day_name, full_date, week_range
from ..core.i18n import language, t
from ..core.model import Post, Week
from ..core.problems import Report
from .bundle import LINKS_FILE, HootsuiteRules, LeftOut, Placed


class ScheduleDialect(csv.Dialect):
    """``jadwal.csv``: semicolons (the list separator of Excel in an Indonesian locale),
    every text field quoted when needed, CRLF line ends. Written as UTF-8 with a BOM."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    escapechar = None
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    skipinitialspace = False
    strict = True


SCHEDULE_COLUMNS = ("date", "day", "time", "zone", "platform", "format", "account", "title",
                    "folder", "caption", "media")


def schedule_csv(placed: Sequence[Placed], calendar: CalendarData) -> bytes:
    """``jadwal.csv``: a header and one row per post per platform, UTF-8 with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, dialect=ScheduleDialect)
    writer.writerow([t(f"export.csv.{column}") for column in SCHEDULE_COLUMNS])
    for item in placed:
        writer.writerow(schedule_row(item, calendar))
    return out.getvalue().encode("utf-8-sig")


def schedule_row(item: Placed, calendar: CalendarData) -> list[str]:
    """One row of ``jadwal.csv``."""
    post, platform = item.post, calendar.platforms[item.target.platform]
    time = f"{post.when:%H:%M}" if post.time_fixed else t("export.csv.no_time")
    return [post.date.isoformat(), day_name(post.date), time, zone_text(post.when),
            platform.name, item.target.format, account_of(calendar, platform.id), post.title,
            item.folder, item.caption_file, ", ".join(item.media)]


def zone_text(moment: dt.datetime) -> str:
    """``WIB (+07:00)``."""
    offset = moment.strftime("%z")
    return f"{moment.tzname()} ({offset[:3]}:{offset[3:]})"


def account_of(calendar: CalendarData, platform: str) -> str:
    """The office's handle on ``platform`` (``satker.yml``), or ``-`` when it has none."""
    account = calendar.satker.accounts.get(platform)
    return account.handle if account else "-"


@dataclass(frozen=True)
class HootsuiteRow:
    """A row of a Hootsuite bulk CSV, or why a post on a platform has none."""

    item: Placed
    when: str = ""
    reason: str = ""


def hootsuite_rows(placed: Sequence[Placed], rules: HootsuiteRules) -> list[HootsuiteRow]:
    """Every placed post on a platform Hootsuite serves, with its row or its reason."""
    rows = []
    for item in placed:
        formats = rules.formats.get(item.target.platform)
        if formats is None:
            continue
        rows.append(HootsuiteRow(item, *_hootsuite_when(item, formats, rules)))
    return rows


def _hootsuite_when(item: Placed, formats: Sequence[str],
                    rules: HootsuiteRules) -> tuple[str, str]:
    post, target = item.post, item.target
    if target.format not in formats:
        return "", t("export.hootsuite.not_served", format=target.format,
                     platform=target.platform)
    if not post.time_fixed:
        return "", t("export.hootsuite.no_time")
    if post.when.minute % rules.minute_step:
        return "", t("export.hootsuite.not_step", clock=clock(post.when),
                     step=rules.minute_step)
    return post.when.strftime(rules.datetime), ""


def hootsuite_csvs(rows: Sequence[HootsuiteRow]) -> dict[str, bytes]:
    """``hootsuite/<platform>.csv``: no header; date-time, the exact text; UTF-8, no BOM."""
    tables: dict[str, list[list[str]]] = {}
    for row in rows:
        if row.when:
            tables.setdefault(row.item.target.platform, []).append(
                [row.when, row.item.post.text_for(row.item.target.platform)])
    files = {}
    for platform, table in tables.items():
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(table)
        files[f"hootsuite/{platform}.csv"] = out.getvalue().encode("utf-8")
    return files


def links_text(placed: Sequence[Placed], week: Week, file: str = LINKS_FILE) -> str:
    """``tautan.txt``: notes, then one line ``POST-ID PLATFORM`` per post and platform, for
    staff to add the URL of the live post (read back by ``kalender uploaded --from-file``)."""
    lines = [f"# {line}".rstrip() for line in links_header(week, file).split("\n")]
    lines += [f"{item.post.id} {item.target.platform} " for item in placed]
    return "\r\n".join(lines) + "\r\n"


def links_header(week: Week, file: str) -> str:
    """The notes at the top of a link file (and of the checklist's download)."""
    return t("export.links.header", week=week.label, range=week_range(week), file=file)


@dataclass(frozen=True)
class LinkLine:
    """One filled-in line of a link file."""

    line: int
    post: str
    platform: str
    url: str


def parse_links(text: str, path: Path, report: Report) -> list[LinkLine]:
    """The lines with a URL; a line that cannot be read is a problem in ``report``."""
    found: list[LinkLine] = []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        words = raw.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) == 2:
            continue  # no URL yet
        if len(words) != 3:
            report.error(path, number, "export.links.bad_line", found=raw.strip())
            continue
        found.append(LinkLine(number, words[0].removesuffix(".md"), words[1].lower(), words[2]))
    return found


@dataclass(frozen=True)
class ChecklistRow:
    """One post on one platform in the checklist."""

    time: str
    platform: str
    platform_name: str
    handle: str
    title: str
    post: str
    folder: str


def checklist_html(placed: Sequence[Placed], week: Week, calendar: CalendarData,
                   left_out: Sequence[LeftOut] = ()) -> bytes:
    """``checklist.html``: per day, each post and platform with a box to tick and a field for
    the live URL; its "Simpan tautan" button downloads the same format as ``tautan.txt``.
    At the end, each post of the week left out of the bundle and why (not to be uploaded)."""
    days: dict[dt.date, list[ChecklistRow]] = {}
    for item in placed:
        days.setdefault(item.post.date, []).append(checklist_row(item, calendar))
    download = f"tautan-{week.label}.txt"
    html = _templates().get_template("ekspor/checklist.html.j2").render(
        t=t, lang=language(), week=week.label, range=week_range(week),
        office=calendar.satker.short_name, download=download,
        store=f"{calendar.satker.slug}-{week.label}", header=links_header(week, download),
        days=[{"label": full_date(day), "rows": rows} for day, rows in sorted(days.items())],
        left_out=left_out)
    return html.encode("utf-8")


def checklist_row(item: Placed, calendar: CalendarData) -> ChecklistRow:
    """What the checklist shows of one post on one platform."""
    post, platform = item.post, calendar.platforms[item.target.platform]
    time = clock(post.when) if post.time_fixed else t("export.csv.no_time")
    return ChecklistRow(time, platform.id, platform.name, account_of(calendar, platform.id),
                        post.title, post.id, item.folder)


@cache
def _templates() -> Environment:
    folder = Path(__file__).parent / "templates"
    return Environment(loader=FileSystemLoader(folder), autoescape=True,
                       keep_trailing_newline=True, undefined=StrictUndefined)


def moment_words(post: Post) -> str:
    """``Rabu, 9 Desember 2026 08.00 WIB``, or the day alone when the time is not fixed."""
    if not post.time_fixed:
        return full_date(post.date)
    return f"{full_date(post.date)} {clock(post.when)} {post.when.tzname()}"
