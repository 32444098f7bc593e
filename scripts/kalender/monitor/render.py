"""The roll-up's files: ``index.html``, a page per office and per group, the stylesheet of
the calendar, and ``pantauan.json`` that the next level up reads as a source.

Only summaries are drawn, never a post's page; every link is relative, so the folder works
served and from ``file://``, with no request leaving it.
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..core.atomic import write_bytes
from ..core.i18n import language, t
from ..core.model import TYPES
from ..report.wording import hours, moment, number, percent, period_label
from .figures import Figures
from .rollup import FORMAT, FORMAT_VERSION, Office, Rollup
from .sources import ROLLUP_FILE
from .view import (
    Group,
    Row,
    cells,
    combine,
    display_name,
    follow_ups,
    groups,
    headings,
    office_follow_ups,
    office_row,
    top_rows,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
OWN_ASSETS = ("pantauan.css", "pantauan.js")


@functools.cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        default=True, default_for_string=True), keep_trailing_newline=True)
    env.globals["t"] = t
    return env


def calendar_css() -> Path | None:
    """The calendar site's stylesheet (``overrides/assets/kalender/kalender.css``)."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "overrides" / "assets" / "kalender" / "kalender.css"
        if candidate.is_file():
            return candidate
    return None


def write_rollup(rollup: Rollup, out: Path) -> list[Path]:
    """Write every page, the assets and ``pantauan.json`` into ``out``; the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = [_assets(out / "assets")]
    common = _common(rollup)
    rows = top_rows(rollup)
    total = Row(t("monitor.total"), "", cells(combine([o.figures for o in rollup.offices])))
    written.append(_page(out / "index.html", "index.html", common, up="",
                         page_title=t("monitor.offices"), rows=rows, total=total,
                         headings=headings(), broken=rollup.broken, warnings=rollup.warnings,
                         follow=follow_ups(rollup), office_count=len(rollup.offices),
                         source_count=len(rows) + len(rollup.broken)))
    for group in groups(rollup.offices):
        written.append(_group_page(out, group, common))
    for office in rollup.offices:
        written.append(_office_page(out, office, common))
    json_path = out / ROLLUP_FILE
    write_bytes(json_path, json.dumps(rollup_json(rollup), ensure_ascii=False,
                                      indent=1).encode("utf-8"))
    written.append(json_path)
    return written


def _assets(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    css = calendar_css()
    if css is not None:
        shutil.copyfile(css, folder / "kalender.css")
    for name in OWN_ASSETS:
        shutil.copyfile(TEMPLATES / name, folder / name)
    return folder


def _common(rollup: Rollup) -> dict[str, Any]:
    return {"lang": language(), "title": rollup.title or t("monitor.default_title"),
            "period": period_label(rollup.period), "as_of": moment(rollup.as_of)}


def _page(path: Path, template: str, common: dict[str, Any], **context: Any) -> Path:
    html = _environment().get_template(template).render(**common, **context)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, html.encode("utf-8"))
    return path


def _group_page(out: Path, group: Group, common: dict[str, Any]) -> Path:
    rows = [office_row(o, "../") for o in group.offices]
    total = Row(t("monitor.total"), "", cells(combine([o.figures for o in group.offices])))
    follow = [f for o in group.offices for f in office_follow_ups(o)]
    return _page(out / "wilayah" / f"{group.slug}.html", "group.html", common, up="../",
                 page_title=group.name, rows=rows, total=total, headings=headings(),
                 follow=follow)


def _office_page(out: Path, office: Office, common: dict[str, Any]) -> Path:
    f = office.figures
    labels = headings()
    figures = list(zip(labels, cells(f), strict=True))
    return _page(out / "kantor" / f"{office.key}.html", "office.html", common, up="../",
                 page_title=display_name(office), office=office, figures=figures,
                 report_lines=report_lines(f), type_labels=[t(f"site.type.{k}") for k in TYPES],
                 weeks=week_rows(f), identity=identity_rows(f), answers=answers_text(f),
                 evaluations=office.evaluations, follow=office_follow_ups(office))


def week_rows(f: Figures) -> list[dict[str, Any]]:
    """Per week: ``uploaded/planned`` for each type, and the week's total."""
    rows = []
    for week in f.weeks:
        shown = [f"{week.uploaded.get(k, 0)}/{week.planned.get(k, 0)}"
                 if week.planned.get(k) else "–" for k in TYPES]
        shown.append(f"{sum(week.uploaded.values())}/{sum(week.planned.values())}")
        rows.append({"week": week.week, "cells": shown})
    return rows


def identity_rows(f: Figures) -> list[tuple[str, bool]]:
    return [(t(f"monitor.identity.{key}"), f.identity.get(key, False))
            for key in ("handle", "logo", "banner")]


def answers_text(f: Figures) -> str:
    if not f.answers:
        return t("monitor.no_data")
    a = f.answers
    return t("monitor.answers_text", comments=number(int(a.get("comments", 0))),
             answered=number(int(a.get("answered", 0))),
             unanswered=number(int(a.get("unanswered", 0))),
             median=hours(a.get("median_hours")))


def report_lines(f: Figures) -> list[str]:
    """The half-yearly report's key figures in sentences (the numbers of its summary)."""
    r = f.report

    def n(key: str) -> str:
        value = r.get(key)
        return number(int(value)) if isinstance(value, int | float) else "–"

    rate = r.get("rate")
    on_time = r.get("on_time_rate")
    median = r.get("approval_median_hours")
    return [
        t("monitor.report.published", planned=n("planned"), published=n("published"),
          rate=percent(float(rate) if rate is not None else None)),
        t("monitor.report.on_time", rate=percent(float(on_time) if on_time is not None
                                                  else None),
          on_time=n("on_time"), due=n("due"), late=n("late"), missed=n("missed")),
        t("monitor.report.approval", count=n("approval_count"),
          median=hours(float(median) if median is not None else None)),
        t("monitor.report.returns", posts=n("returned_posts"), returns=n("returns"),
          voided=n("voided_posts")),
        t("monitor.report.legal", announced=n("announced"), unannounced=n("unannounced"),
          covered=n("days_covered"), missed=n("days_missed")),
    ]


def rollup_json(rollup: Rollup) -> dict[str, Any]:
    """The machine-readable summary a higher level reads (docs/pantauan.md)."""
    return {
        "format": FORMAT, "version": FORMAT_VERSION, "title": rollup.title,
        "period": {"start": rollup.period.start.isoformat(),
                   "end": rollup.period.end.isoformat(), "slug": rollup.period.slug},
        "as_of": rollup.as_of.isoformat(),
        "offices": [o.to_json() for o in rollup.offices],
        "broken": [{"label": b.label, "where": b.where, "reason": b.reason, "group": b.group}
                   for b in rollup.broken],
        "warnings": rollup.warnings,
        "totals": combine([o.figures for o in rollup.offices]).to_json(),
    }
