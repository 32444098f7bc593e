"""The weekly meeting's view model, the overlay, the quiet-period rule and the ICS feed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from icalendar import Calendar

from kalender.core.loader import load_project
from kalender.core.model import Week
from kalender.core.overlay import CUTI, LIBUR, build_overlay
from kalender.meeting.view import build_meeting
from kalender.rules import Context, check_post
from kalender.site.feed import feed, feed_stamp

TEMPLATE = """---
title: {title}
date: {date}
category: {category}
type: {type}
status: {status}
platforms: [instagram]
---
"""


def write_post(repo: Path, day: str, slug: str, type_: str = "edukasi-kepemiluan",
               status: str = "draf", time: str = " 09:00", title: str | None = None) -> None:
    category = "rutin" if type_ in ("edukasi-kepemiluan", "edukasi-non-kepemiluan",
                                     "non-edukasi") else "sewaktu-waktu"
    path = repo / "posts" / day[:4] / day[5:7] / f"{day}-{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(title=title or slug, date=day + time, category=category,
                                    type=type_, status=status))


def test_holidays_and_collective_leave_of_2026_and_2027_come_from_the_package() -> None:
    overlay = build_overlay([2026, 2027])
    christmas = overlay.on(dt.date(2026, 12, 25))
    assert [(m.kind, m.name) for m in christmas] == [(LIBUR, "Hari Raya Natal")]
    assert (CUTI, "Cuti Bersama Hari Raya Natal") in [
        (m.kind, m.name) for m in overlay.on(dt.date(2026, 12, 24))]
    assert [m.name for m in overlay.on(dt.date(2027, 1, 1))] == ["Tahun Baru Masehi"]
    assert overlay.is_day_off(dt.date(2026, 12, 24))
    assert not overlay.is_day_off(dt.date(2026, 12, 23))


def test_post_in_a_quiet_period_warns(repo: Path) -> None:
    (repo / "calendar" / "tahapan.yml").write_text(
        "stages:\n  - name: Masa Tenang Uji\n    from: 2026-12-06\n    to: 2026-12-08\n"
        "    quiet: true\n")
    write_post(repo, "2026-12-07", "tenang")
    write_post(repo, "2026-12-09", "sesudah")
    project = load_project(repo)
    assert project.calendar is not None
    context = Context(project.calendar, tuple(project.posts))
    found = {p.id: [x.message for x in check_post(p, context) if x.code ==
                    "schedule.quiet_period"] for p in project.posts}
    assert found == {
        "2026-12-07-tenang": ["dijadwalkan di Masa Tenang Uji (6 Desember 2026 sampai "
                              "8 Desember 2026): pertimbangkan memindahkan pos ke luar masa "
                              "tenang."],
        "2026-12-09-sesudah": [],
    }


def test_meeting_lists_waiting_returned_gaps_and_coming_days(repo: Path) -> None:
    # Week 2026-W50 runs Monday 7 to Sunday 13 December 2026.
    write_post(repo, "2026-12-01", "lalu-terbit", status="diunggah")
    write_post(repo, "2026-12-02", "lalu-belum", status="disetujui")
    write_post(repo, "2026-12-07", "senin", status="diajukan")
    write_post(repo, "2026-12-08", "selasa", type_="non-edukasi", status="diparaf")
    write_post(repo, "2026-12-09", "antikorupsi", type_="hari-penting", status="revisi")
    project = load_project(repo)
    assert project.calendar is not None and not project.report.errors
    important = [(dt.date(2026, 12, 9), "Hari Antikorupsi Sedunia"),
                 (dt.date(2026, 12, 10), "Hari Hak Asasi Manusia"),
                 (dt.date(2027, 2, 1), "Jauh di depan")]
    overlay = build_overlay([2026, 2027], (), important)
    meeting = build_meeting(Week(2026, 50), dt.date(2026, 12, 7), project.posts,
                            project.calendar, overlay, important)
    assert [p.id for p in meeting.last_week_planned] == ["2026-12-01-lalu-terbit",
                                                         "2026-12-02-lalu-belum"]
    assert [p.id for p in meeting.last_week_published] == ["2026-12-01-lalu-terbit"]
    waiting = {w.action: ([p.id for p in w.posts], w.members) for w in meeting.waiting}
    assert waiting["initial"] == (["2026-12-07-senin"], ("Hendra Gunawan, S.H.",))
    assert waiting["approve"] == (["2026-12-08-selasa"], ("Sari Wulandari, S.H., M.H.",))
    assert waiting["uploaded"] == (["2026-12-02-lalu-belum"],
                                   ("Rina Marlina", "Bayu Pratama"))
    assert waiting["submit"] == (["2026-12-09-antikorupsi"], ("Rina Marlina", "Bayu Pratama"))
    assert [a.action for a in meeting.waiting] == ["submit", "initial", "approve", "uploaded"]
    assert [p.id for p, _ in meeting.returned] == ["2026-12-09-antikorupsi"]
    gap_days = [g.day for g in meeting.gaps if g.kind == "weekday"]
    # W50: Thu 10 and Fri 11 have nothing; W51: every weekday is empty.
    assert gap_days == [dt.date(2026, 12, 10), dt.date(2026, 12, 11)] + [
        dt.date(2026, 12, d) for d in (14, 15, 16, 17, 18)]
    weekly = [(str(g.week), g.kind, g.found) for g in meeting.gaps if g.day is None]
    assert weekly == [("2026-W50", "edukasi", 1), ("2026-W51", "edukasi", 0),
                      ("2026-W51", "non-edukasi", 0)]
    assert [(d.name, [p.id for p in d.posts]) for d in meeting.coming_days] == [
        ("Hari Antikorupsi Sedunia", ["2026-12-09-antikorupsi"]),
        ("Hari Hak Asasi Manusia", []),  # the 9th's greeting is for Antikorupsi, not for HAM
    ]
    assert len(meeting.unannounced) == 5


def test_a_greeting_counts_for_the_day_it_is_for_its_key_or_its_date(repo: Path) -> None:
    write_post(repo, "2026-12-09", "antikorupsi", type_="hari-penting")
    write_post(repo, "2026-12-09", "ham-sehari-sebelum", type_="hari-penting")
    path = next(repo.glob("posts/2026/12/2026-12-09-ham-sehari-sebelum.md"))
    path.write_text(path.read_text().replace("platforms:", "important_day: Hari Hak Asasi "
                                             "Manusia\nplatforms:"))
    write_post(repo, "2026-12-17", "eve-of-an-unlisted-neighbour", type_="hari-penting")
    project = load_project(repo)
    assert project.calendar is not None and not project.report.errors
    important = [(dt.date(2026, 12, 9), "Hari Antikorupsi Sedunia"),
                 (dt.date(2026, 12, 10), "Hari Hak Asasi Manusia"),
                 (dt.date(2026, 12, 18), "Hari Uji")]
    overlay = build_overlay([2026, 2027], (), important)
    meeting = build_meeting(Week(2026, 50), dt.date(2026, 12, 7), project.posts,
                            project.calendar, overlay, important)
    assert [(d.name, [p.id for p in d.posts]) for d in meeting.coming_days] == [
        ("Hari Antikorupsi Sedunia", ["2026-12-09-antikorupsi"]),
        ("Hari Hak Asasi Manusia", ["2026-12-09-ham-sehari-sebelum"]),  # says so: key
        ("Hari Uji", ["2026-12-17-eve-of-an-unlisted-neighbour"]),  # the eve, no other day
    ]


def test_meeting_plh_member_waits_too_inside_the_range(repo: Path) -> None:
    write_post(repo, "2026-12-22", "plh", status="diajukan")
    project = load_project(repo)
    assert project.calendar is not None
    overlay = build_overlay([2026])
    inside = build_meeting(Week(2026, 52), dt.date(2026, 12, 22), project.posts,
                           project.calendar, overlay)
    outside = build_meeting(Week(2026, 52), dt.date(2026, 12, 20), project.posts,
                            project.calendar, overlay)
    assert inside.waiting[0].members == ("Bayu Pratama", "Hendra Gunawan, S.H.")
    assert outside.waiting[0].members == ("Hendra Gunawan, S.H.",)


def test_ics_written_event_by_event_equals_the_whole_calendar_of_icalendar(repo: Path) -> None:
    """The feed is written one event at a time (memory); the bytes are those icalendar
    writes for one calendar holding every event, time zones added."""
    from icalendar import Calendar as Whole

    from kalender.site.feed import post_event

    for day, name, time in (("2026-12-07", "pagi", " 09:00"), ("2026-12-08", "tanpa-jam", ""),
                            ("2026-12-09", "siang", " 13:30")):
        write_post(repo, day, name, time=time)
    project = load_project(repo)
    assert project.calendar is not None and len(project.posts) == 3
    stamp = feed_stamp(dt.date(2026, 12, 1))
    whole = Whole()
    for key, value in (("prodid", "-//Kalender Konten JDIH//kalender-jdih//ID"),
                       ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("x-wr-calname", "Kalender Konten JDIH KPU Kota Singkawang"),
                       ("x-wr-timezone", "Asia/Pontianak")):
        whole.add(key, value)
    for post in project.posts:
        whole.add_component(post_event(post, project.calendar, stamp))
    whole.add_missing_timezones()
    assert feed(project.posts, project.calendar, stamp) == whole.to_ical()
    assert b"BEGIN:VTIMEZONE" in whole.to_ical()


def test_ics_round_trips_with_one_event_per_post_and_stable_uids(repo: Path) -> None:
    write_post(repo, "2026-12-07", "pagi")
    write_post(repo, "2026-12-08", "tanpa-jam", time="")
    project = load_project(repo)
    assert project.calendar is not None
    first = feed(project.posts, project.calendar, feed_stamp(dt.date(2026, 12, 1)))
    second = feed(load_project(repo).posts, project.calendar, feed_stamp(dt.date(2026, 12, 1)))
    assert first == second
    events = Calendar.from_ical(first).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["2026-12-07-pagi@singkawang.kalender-jdih",
                                               "2026-12-08-tanpa-jam@singkawang.kalender-jdih"]
    start = events[0].decoded("dtstart")
    assert start.isoformat() == "2026-12-07T09:00:00+07:00"
    assert str(start.tzinfo) == "Asia/Pontianak"
    assert events[1].decoded("dtstart") == dt.date(2026, 12, 8)
    assert str(events[0]["summary"]) == "pagi [Draf]"
    assert "Platform: Instagram (feed)" in str(events[0]["description"])
    assert str(events[0]["url"]).endswith("/pos/2026-12-07-pagi/")


def test_rapat_scaffolds_the_minutes_once(repo: Path) -> None:
    from click.testing import CliRunner

    from kalender.cli.main import _register_commands, cli

    _register_commands()
    write_post(repo, "2026-12-07", "senin", status="diajukan", title="Apa itu PKPU")
    shutil_copy_days(repo)
    runner = CliRunner()
    args = ["--root", str(repo), "rapat", "--week", "2026-W50", "--today", "2026-12-07"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert first.output == "Notulen disiapkan: calendar/rapat/2026-W50.md\n"
    minutes = (repo / "calendar" / "rapat" / "2026-W50.md").read_text(encoding="utf-8")
    assert minutes.startswith("# Notulen Rapat Pengelola Akun JDIH, Minggu 2026-W50\n\n"
                              "Tanggal: Senin, 7 Desember 2026\n")
    assert ("- Menunggu Hendra Gunawan, S.H. memberi paraf atau mengembalikan untuk revisi "
            "(1 pos): Apa itu PKPU") in minutes.splitlines()
    assert ("- Keputusan KPU Nomor 134/Kpts/KPU/Tahun 2016 belum diumumkan."
            in minutes.splitlines())
    assert "- Hari Antikorupsi Sedunia (9 Desember 2026) belum punya pos." in minutes
    assert "- Belum ada pos pada Selasa, 8 Desember 2026." in minutes
    second = runner.invoke(cli, args)
    assert second.exit_code == 1
    assert second.output == ("Galat: notulen calendar/rapat/2026-W50.md sudah ada; notulen "
                             "yang sudah ditulis tidak ditimpa.\n")
    bad = runner.invoke(cli, ["--root", str(repo), "rapat", "--week", "2026-49"])
    assert bad.exit_code == 2
    assert "minggu '2026-49' tidak sah: diharapkan minggu ISO seperti 2026-W49." in bad.output


def shutil_copy_days(repo: Path) -> None:
    """The repo fixture copies calendar/, which holds hari-penting.yml: check it is there."""
    assert (repo / "calendar" / "hari-penting.yml").is_file()


def test_site_has_meeting_pages_minutes_linked_from_their_week_and_the_feed(repo: Path) -> None:
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    for folder in ("docs", "overrides"):
        shutil.copytree(root / folder, repo / folder)
    shutil.copy(root / "mkdocs.yml", repo / "mkdocs.yml")
    write_post(repo, "2026-12-07", "senin", status="diajukan", title="Apa itu PKPU")
    write_post(repo, "2026-12-09", "antikorupsi", type_="hari-penting", title="Salam Antikorupsi")
    minutes = repo / "calendar" / "rapat" / "2026-W50.md"
    minutes.parent.mkdir()
    minutes.write_text("# Notulen uji\n\nKeputusan: pos kuis hari Jumat.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kalender", "--root", str(repo), "build",
                          "--today", "2026-12-07", "--no-strict"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    site = repo / "site"
    week = (site / "minggu" / "2026-W50" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../rapat/2026-W50/notulen/index.html"' in week
    assert 'href="../../rapat/2026-W50/index.html"' in week
    notes = (site / "rapat" / "2026-W50" / "notulen" / "index.html").read_text(encoding="utf-8")
    assert "Keputusan: pos kuis hari Jumat." in notes
    current = (site / "rapat" / "index.html").read_text(encoding="utf-8")
    assert "Rapat mingguan minggu ke-50, 2026" in current
    assert "data-post=\"2026-12-07-senin\"" in current
    said = " ".join(re.sub(r"<[^>]+>", " ", current).split())
    assert ("Hari Antikorupsi Sedunia, 9 Desember 2026 — diucapkan oleh Salam Antikorupsi "
            "(Rabu, 9 Desember 2026)") in said
    assert "Hari Hak Asasi Manusia, 10 Desember 2026 — belum ada pos" in said
    assert b"UID:2026-12-07-senin@singkawang.kalender-jdih" in (site / "kalender.ics").read_bytes()


def _strip_of(page: str, week: str) -> str:
    """The week strip of ``week`` on a meeting page (its days, up to the end of its list)."""
    parts = page.split('<div class="kal-month kal-month--strip">')[1:]
    strips = [part.split("</ol>", 1)[0] for part in parts]
    found = [strip for strip in strips if f'href="../../minggu/{week}/index.html"' in strip]
    assert len(found) == 1, week
    return found[0]


def test_a_week_strip_on_two_meeting_pages_is_the_same_with_its_icons_on_each(repo: Path) -> None:
    """A week's strip is on its own meeting page and the week before's (drawn once per build,
    plugin.meeting.MeetingSite.strip): the same on both, and each page's sprite draws every
    icon the page uses, the icon of a platform only that strip shows included."""
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    for folder in ("docs", "overrides"):
        shutil.copytree(root / folder, repo / folder)
    shutil.copy(root / "mkdocs.yml", repo / "mkdocs.yml")
    write_post(repo, "2026-12-08", "selasa", title="Apa itu PKPU")
    path = repo / "posts" / "2026" / "12" / "2026-12-15-kuis-x.md"
    path.write_text(TEMPLATE.format(title="Kuis di X", date="2026-12-15 10:00", category="rutin",
                                    type="edukasi-kepemiluan", status="diunggah")
                    .replace("platforms: [instagram]", "platforms: [x]"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kalender", "--root", str(repo), "build",
                          "--today", "2026-12-07", "--no-strict"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    pages = {week: (repo / "site" / "rapat" / week / "index.html").read_text(encoding="utf-8")
             for week in ("2026-W50", "2026-W51")}
    strip = _strip_of(pages["2026-W50"], "2026-W51")
    assert 'data-post="2026-12-15-kuis-x"' in strip
    assert "kal-i-fontawesome-brands-x-twitter" in strip
    assert _strip_of(pages["2026-W51"], "2026-W51") == strip
    for week, page in pages.items():
        used = set(re.findall(r'<use href="#([^"]+)"', page))
        drawn = set(re.findall(r'<symbol id="([^"]+)"', page))
        assert "kal-i-fontawesome-brands-x-twitter" in used
        assert used <= drawn, (week, sorted(used - drawn))
