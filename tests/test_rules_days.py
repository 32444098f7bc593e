"""Important days: calendar/hari-penting.yml read strictly (file and line in every problem),
and days.important on hari-penting posts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from contentposts import findings, write_post
from kalender.core.i18n import set_language
from kalender.core.important_days import (
    days_in,
    load_important_days,
    matching_days,
    nearest_days,
    parse_day_month,
)
from kalender.core.problems import Report
from kalender.rules.check import check_project

ROOT = Path(__file__).resolve().parent.parent
GREETING = "caption: Selamat memperingati hari ini.\n"


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def shipped() -> list[tuple[str, int, int]]:
    report = Report()
    days = load_important_days(ROOT / "calendar", report)
    assert list(report) == []
    return [(d.name, d.month, d.day) for d in days]


def test_the_shipped_list_has_the_days_the_issue_names_each_with_a_basis() -> None:
    days = shipped()
    for wanted in [("Hari Lahir Pancasila", 6, 1), ("Hari Keadilan Internasional", 7, 17),
                   ("Hari Bhakti Adhyaksa", 7, 22), ("Hari Lahir Mahkamah Konstitusi", 8, 13),
                   ("Hari Konstitusi", 8, 18), ("Hari Demokrasi Internasional", 9, 15),
                   ("Hari Antikorupsi Sedunia", 12, 9), ("Hari Hak Asasi Manusia", 12, 10)]:
        assert wanted in days
    report = Report()
    assert all(d.dasar for d in load_important_days(ROOT / "calendar", report))


@pytest.mark.parametrize(("text", "parsed"), [
    ("1 Juni", (6, 1)), ("17 juli", (7, 17)), ("9 DESEMBER", (12, 9)), ("29 Februari", (2, 29)),
    ("10 December", (12, 10)), ("31 Juni", None), ("Juni 1", None), ("06-01", None),
    ("1 Juney", None), ("0 Mei", None),
])
def test_day_and_month(text: str, parsed: tuple[int, int] | None) -> None:
    assert parse_day_month(text) == parsed


def test_problems_in_the_list_name_the_file_and_line(repo: Path) -> None:
    (repo / "calendar" / "hari-penting.yml").write_text(
        "days:\n"
        "  - name: Hari Konstitusi\n    date: 18 Agustus\n    dasar: Keppres 18/2008\n"
        "  - name: Hari Salah\n    date: 31 Juni\n    dasar: uji\n"
        "  - name: hari konstitusi\n    date: 18 Agustus\n    dasar: uji\n"
        "  - name: Tanpa Dasar\n    date: 1 Mei\n", encoding="utf-8")
    problems, _ = check_project(repo)
    assert [(p.where(repo), p.message) for p in problems] == [
        ("calendar/hari-penting.yml:11",
         "kunci wajib 'days.3.dasar' tidak ada atau kosong."),
    ]
    (repo / "calendar" / "hari-penting.yml").write_text(
        "days:\n"
        "  - name: Hari Konstitusi\n    date: 18 Agustus\n    dasar: Keppres 18/2008\n"
        "  - name: Hari Salah\n    date: 31 Juni\n    dasar: uji\n"
        "  - name: hari konstitusi\n    date: 18 Agustus\n    dasar: uji\n", encoding="utf-8")
    problems, _ = check_project(repo)
    assert [(p.where(repo), p.message) for p in problems] == [
        ("calendar/hari-penting.yml:6",
         "'date': diharapkan tanggal dan nama bulan, mis. '1 Juni', ditemukan '31 Juni'."),
        ("calendar/hari-penting.yml:8",
         "hari 'hari konstitusi' ditulis dua kali (pertama di baris 2): hapus salah satunya."),
    ]


def test_days_for_the_overlay() -> None:
    report = Report()
    days = load_important_days(ROOT / "calendar", report)
    december = [(d, n) for d, n in days_in(days, [2026]) if d.month == 12]
    assert december == [(dt.date(2026, 12, 9), "Hari Antikorupsi Sedunia"),
                        (dt.date(2026, 12, 10), "Hari Hak Asasi Manusia")]


def test_matching_and_nearest_days() -> None:
    days = load_important_days(ROOT / "calendar", Report())
    assert [d.name for d in matching_days(days, dt.date(2026, 12, 9))] == [
        "Hari Antikorupsi Sedunia", "Hari Hak Asasi Manusia"]
    assert [d.name for d in nearest_days(days, dt.date(2027, 1, 2))] == [
        "Hari Hak Asasi Manusia", "Hari Antikorupsi Sedunia"]


# --- days.important ---------------------------------------------------------------------------

@pytest.mark.parametrize("date", ["2026-12-09 08:00", "2026-12-08 19:00", "2026-08-18 07:00"],
                         ids=["on-the-day", "day-before", "konstitusi"])
def test_a_greeting_on_a_listed_day_keeps_the_rule(repo: Path, date: str) -> None:
    write_post(repo, GREETING, type="hari-penting", date=date)
    assert findings(repo, "days.important") == []


def test_a_greeting_on_another_day_names_the_nearest(repo: Path) -> None:
    write_post(repo, GREETING, type="hari-penting", date="2026-12-05 08:00")
    assert findings(repo, "days.important") == [(
        3, "warning",
        "5 Desember 2026 bukan hari penting yang terdaftar (atau sehari sebelumnya); hari "
        "terdekat: Hari Antikorupsi Sedunia (9 Desember), Hari Hak Asasi Manusia (10 Desember). "
        "Pindahkan tanggal pos, atau tambahkan harinya beserta dasarnya ke "
        "calendar/hari-penting.yml.", None)]


def test_a_day_added_to_the_list_is_accepted(repo: Path) -> None:
    listed = repo / "calendar" / "hari-penting.yml"
    listed.write_text(listed.read_text(encoding="utf-8")
                      + "  - name: Hari Uji\n    date: 5 Desember\n    dasar: uji\n",
                      encoding="utf-8")
    write_post(repo, GREETING, type="hari-penting", date="2026-12-05 08:00")
    assert findings(repo, "days.important") == []


def test_other_kinds_are_not_held_to_the_list(repo: Path) -> None:
    write_post(repo, GREETING, type="non-edukasi", date="2026-12-05 08:00")
    assert findings(repo, "days.important") == []


def test_without_a_list_the_post_is_told_so(repo: Path) -> None:
    (repo / "calendar" / "hari-penting.yml").unlink()
    write_post(repo, GREETING, type="hari-penting", date="2026-12-09 08:00")
    assert findings(repo, "days.important") == [(
        5, "warning", "daftar hari penting kosong atau tidak ada: isi calendar/hari-penting.yml "
        "dengan hari yang berkaitan dengan hukum.", None)]


def test_english(repo: Path) -> None:
    set_language("en")
    write_post(repo, GREETING, type="hari-penting", date="2026-06-03 08:00")
    assert [f[2] for f in findings(repo, "days.important")] == [
        "3 June 2026 is not a listed important day (or the day before it); nearest: Hari Lahir "
        "Pancasila (1 June), Hari Keterbukaan Informasi Nasional (30 April). Move the post, or "
        "add the day with its basis to calendar/hari-penting.yml."]
