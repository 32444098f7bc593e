"""The weekly meeting page and the national-calendar overlay in a real browser, checked
against counts made here from the post files, their record files, the important days and
the ``holidays`` package (not through the package's own loader)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import holidays
import yaml

from .conftest import ROOT, TODAY, PostFile

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
# Which step a post in a status waits at (SOP flow, DOMAIN.md).
STEP_OF_STATUS = {"draf": "submit", "revisi": "submit", "diajukan": "initial",
                  "diparaf": "approve", "disetujui": "uploaded"}


def this_and_next_week(today: dt.date) -> list[dt.date]:
    monday = today - dt.timedelta(days=today.weekday())
    return [monday + dt.timedelta(days=i) for i in range(14)]


def records(post: PostFile) -> list[dict[str, Any]]:
    folder = ROOT / "posts" / post.id[:4] / post.id[5:7]
    path = folder / f"{post.id}.persetujuan.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []


def test_meeting_page_shows_waiting_returned_gaps_and_coming_days(
        page: Any, server: str, post_files: list[PostFile]) -> None:
    page.goto(server + "rapat/index.html")
    assert page.locator("h1").inner_text().startswith("Rapat mingguan minggu ke-49, 2026")

    # Waiting: every post at each step, counted from the front matter's status.
    expected: dict[str, set[str]] = {}
    end_of_next_week = this_and_next_week(TODAY)[-1]
    for post in post_files:
        if post.status in STEP_OF_STATUS and post.day <= end_of_next_week:
            expected.setdefault(STEP_OF_STATUS[post.status], set()).add(post.id)
    shown = {step: set(page.eval_on_selector_all(
        f"[data-part=waiting] [data-step={step}] [data-post]",
        "els => els.map(e => e.dataset.post)")) for step in expected}
    assert shown == expected
    assert expected, "the sample has no post waiting up to the end of next week"
    staff = ("Rina Marlina", "Bayu Pratama")  # the staff who submitted it, else all staff
    who = {"initial": ("Hendra Gunawan, S.H.",), "approve": ("Sari Wulandari, S.H., M.H.",),
           "submit": staff, "uploaded": staff}
    for step in expected:
        heading = page.locator(f"[data-step={step}] h3").inner_text()
        assert any(name in heading for name in who[step]), heading
    # A post due after next week waits for a later meeting, not this one.
    later = [p.id for p in post_files if p.status in STEP_OF_STATUS
             and p.day > end_of_next_week]
    assert later and not set(later) & set().union(*shown.values())

    # Returned: the posts in revisi, each with the note of its last return record.
    returned = [p for p in post_files if p.status == "revisi"]
    assert returned
    for post in returned:
        note = [r for r in records(post) if r["action"] == "return"][-1]["note"]
        block = page.locator(f"[data-returned='{post.id}']")
        assert note in block.inner_text()
    assert page.locator("[data-returned]").count() == len(returned)

    # Gaps: working days of this week and next with no post (weekends, national holidays
    # and collective leave excepted).
    days_off = holidays.country_holidays("ID", years=[2026, 2027]) | holidays.country_holidays(
        "ID", years=[2026, 2027], categories=("government",))
    planned = {p.day for p in post_files}
    empty = [d.isoformat() for d in this_and_next_week(TODAY)
             if d.weekday() < 5 and d not in days_off and d not in planned]
    shown_gaps = page.eval_on_selector_all("[data-gap=weekday]",
                                           "els => els.map(e => e.dataset.day)")
    assert shown_gaps == empty

    # Coming days: the important days of the next 21 days, and whether a post covers them.
    days = yaml.safe_load((ROOT / "calendar" / "hari-penting.yml").read_text())["days"]
    coming = []
    for item in days:
        number, month = item["date"].split()
        day = dt.date(TODAY.year, MONTHS.index(month) + 1, int(number))
        if TODAY <= day <= TODAY + dt.timedelta(days=21):
            coming.append(day.isoformat())
    assert page.eval_on_selector_all("[data-coming]", "els => els.map(e => e.dataset.coming)") \
        == sorted(coming)
    antikorupsi = page.locator("[data-coming='2026-12-09']")
    assert antikorupsi.get_attribute("data-covered") == "ya"
    assert "Hari Antikorupsi Sedunia" in antikorupsi.inner_text()


def test_holidays_of_the_package_are_on_the_month_views(page: Any, server: str) -> None:
    for year, month in ((2026, 12), (2027, 1)):
        page.goto(server + f"kalender/{year}-{month:02d}/index.html")
        public = holidays.country_holidays("ID", years=year, language="id")
        leave = holidays.country_holidays("ID", years=year, language="id",
                                          categories=("government",))
        for kind, names in (("libur", public), ("cuti-bersama", leave)):
            expected = {day.isoformat(): name for day, name in names.items()
                        if day.month == month}
            shown = page.eval_on_selector_all(
                f".kal-month .kal-day[data-date] [data-mark={kind}]",
                "els => els.map(e => [e.closest('[data-date]').dataset.date,"
                " e.lastChild.textContent.trim()])")
            assert dict(shown) == expected


def test_feed_is_published_with_the_site(built_site: Path, post_files: list[PostFile]) -> None:
    from icalendar import Calendar

    events = Calendar.from_ical((built_site / "kalender.ics").read_bytes()).walk("VEVENT")
    assert sorted(str(e["uid"]).split("@")[0] for e in events) == sorted(p.id for p in post_files)
