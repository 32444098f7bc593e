"""``kalender monitor SOURCE... --out DIR``: the roll-up of many offices (SOP F).

Sources -> :func:`kalender.monitor.rollup.build_rollup` -> :func:`kalender.monitor.render.
write_rollup`. Broken sources are listed on the roll-up and here; the command fails only
when no source at all could be read.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..core.errors import DataError, UsageError
from ..core.i18n import t
from ..core.problems import Report
from ..monitor.rollup import Rollup
from ..report.build import Period
from .main import cli, print_report
from .report import choose_period

DEFAULT_CACHE = Path(".cache") / "pantauan"


@cli.command("monitor", help=t("monitor.help"))
@click.argument("sources", nargs=-1)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help=t("monitor.help.out"))
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=t("monitor.help.config"))
@click.option("--semester", default=None, metavar="TTTT-1|2", help=t("report.help.semester"))
@click.option("--from", "start", default=None, metavar="TTTT-BB-HH", help=t("report.help.from"))
@click.option("--to", "end", default=None, metavar="TTTT-BB-HH", help=t("report.help.to"))
@click.option("--today", default=None, metavar="TTTT-BB-HH", help=t("report.help.today"))
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=t("monitor.help.cache"))
@click.option("--title", default=None, help=t("monitor.help.title"))
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help=t("monitor.help.jobs"))
@click.pass_obj
def monitor_command(root: Path, sources: tuple[str, ...], out: Path, config: Path | None,
                    semester: str | None, start: str | None, end: str | None,
                    today: str | None, cache: Path | None, title: str | None,
                    jobs: int | None) -> None:
    from ..monitor.render import write_rollup
    from ..monitor.rollup import build_rollup, default_jobs
    from ..monitor.settings import CONFIG_FILE, Settings, load_settings
    from ..monitor.sources import SourceSpec

    day = _today(today)
    period = (choose_period(semester, start, end) if semester or start or end
              else _current_semester(day))
    settings = Settings(title or "", tuple(SourceSpec(s) for s in sources))
    path = config or (root / CONFIG_FILE if not sources else None)
    if path is not None:
        problems = Report()
        loaded = load_settings(path, problems)
        if loaded is None:
            if config is None and not path.exists():
                raise UsageError("monitor.no_sources", path=CONFIG_FILE.as_posix())
            print_report(problems, root)
            raise DataError("monitor.config_bad", path=str(path), count=len(problems.errors))
        settings = Settings(title or loaded.title, (*loaded.sources, *settings.sources), path)
    if not settings.sources:
        raise UsageError("monitor.no_sources", path=CONFIG_FILE.as_posix())
    rollup = build_rollup(settings.title, settings.sources, period, day,
                          cache or root / DEFAULT_CACHE, jobs or default_jobs(),
                          lambda label: click.echo(t("monitor.read_one", label=label),
                                                   err=True))
    _attach_evaluations(rollup, root, period)
    write_rollup(rollup, out)
    for broken in rollup.broken:
        click.echo(t("monitor.broken_line", label=broken.label, where=broken.where,
                     reason=broken.reason), err=True)
    if not rollup.offices:
        click.echo(t("monitor.nothing_read", count=len(rollup.broken), out=out), err=True)
        sys.exit(1)
    click.echo(t("monitor.written", page=out / "index.html", offices=len(rollup.offices),
                 broken=len(rollup.broken), reread=rollup.reread))


def _today(text: str | None) -> dt.date:
    if text is None:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo("Asia/Pontianak")).date()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("report.bad_date", found=text, option="--today") from None


def _current_semester(day: dt.date) -> Period:
    from ..report.build import semester_period

    return semester_period(f"{day.year}-{1 if day.month <= 6 else 2}")


def _attach_evaluations(rollup: Rollup, root: Path, period: Period) -> None:
    """The monitoring office's own evaluation of each office (``kalender evaluate
    --office KEY``), shown on the office's page."""
    from zoneinfo import ZoneInfo

    from ..report.evaluation import evaluation_file, load_evaluation

    for office in rollup.offices:
        path = evaluation_file(root, period.slug, office.key)
        if not path.is_file():
            continue
        problems = Report()
        found = load_evaluation(path, period.slug, ZoneInfo("Asia/Pontianak"), problems)
        office.evaluations = [f"{e.no}. {e.text}" for e in found.findings]
        office.evaluations += [t("evaluation.follow_up_line", no=f.entry.no, text=f.entry.text,
                                 owner=f.entry.owner, due=str(f.entry.due),
                                 state=t(f"evaluation.state.{f.state(period.end)}")).strip()
                               for f in found.follow_ups]
        office.evaluations += [f"{p.where(root)}: {p.message}" for p in problems]
