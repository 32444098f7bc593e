"""The calendar's view model (no browser): month grids, ISO weeks, Indonesian dates, what
each page shows, and the thumbnail cache."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from PIL import Image

from kalender.core.dates import full_date, week_range
from kalender.core.i18n import set_language
from kalender.core.loader import load_project
from kalender.core.model import Week
from kalender.media.mediacache import thumbnail
from kalender.site import calendar_view
from kalender.site.calendar_view import (
    build_site,
    caption_start,
    legend,
    month_grid,
    month_page,
    page_source,
    post_page,
    week_page,
    weeks_between,
)
from kalender.site.views import SiteInput

TODAY = dt.date(2026, 12, 2)


def write_post(repo: Path, name: str, front: str, body: str = "") -> Path:
    """Write ``posts/YYYY/MM/<name>.md`` with ``front`` as its front matter."""
    path = repo / "posts" / name[:4] / name[5:7] / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def post_front(title: str, date: str, status: str = "draf", platforms: str = "[instagram]",
               post_type: str = "edukasi-kepemiluan", category: str = "rutin",
               caption: str = "") -> str:
    caption = caption or f"Keterangan {title}."
    return (f"title: {title}\ndate: {date}\ncategory: {category}\ntype: {post_type}\n"
            f"status: {status}\nplatforms: {platforms}\ncaption: {caption}\n")


@pytest.fixture
def sample(repo: Path) -> Path:
    """Five posts across November, December (two on one day) and January."""
    write_post(repo, "2026-11-20-awal", post_front("Awal", "2026-11-20 09:00", "diunggah"))
    write_post(repo, "2026-12-09-sore", post_front("Sore", "2026-12-09 15:00", "usulan",
                                                   "[x, facebook]", "hari-penting",
                                                   "sewaktu-waktu"))
    write_post(repo, "2026-12-09-pagi", post_front("Pagi", "2026-12-09 08:00", "revisi"))
    write_post(repo, "2026-12-31-akhir", post_front("Akhir", "2026-12-31", "disetujui"))
    write_post(repo, "2027-01-02-baru", post_front("Baru", "2027-01-02 10:00", "diparaf"))
    return repo


def site_of(repo: Path, today: dt.date = TODAY, **extra: object) -> calendar_view.SiteView:
    project = load_project(repo)
    assert not project.report.errors, [p.message for p in project.report.errors]
    names = {pid: p.name for pid, p in project.calendar.platforms.items()}
    icons = {pid: p.icon for pid, p in project.calendar.platforms.items()}
    return build_site(SiteInput(posts=project.posts, today=today, root=repo,
                                platform_names=names, platform_icons=icons,
                                **extra))  # type: ignore[arg-type]


# --- the calendar's shape -------------------------------------------------------------


def test_december_2026_grid_starts_monday_30_november_and_ends_sunday_3_january() -> None:
    grid = month_grid(2026, 12)
    assert grid[0][0] == dt.date(2026, 11, 30)
    assert grid[0][0].isoweekday() == 1
    assert grid[-1][-1] == dt.date(2027, 1, 3)
    assert len(grid) == 5
    assert all(len(week) == 7 for week in grid)


def test_month_starting_on_monday_has_no_leading_days() -> None:
    assert month_grid(2027, 2)[0][0] == dt.date(2027, 2, 1)  # 1 February 2027 is a Monday


@pytest.mark.parametrize(("day", "label"), [
    (dt.date(2026, 12, 28), "2026-W53"),
    (dt.date(2027, 1, 3), "2026-W53"),
    (dt.date(2027, 1, 4), "2027-W01"),
    (dt.date(2026, 1, 1), "2026-W01"),
    (dt.date(2025, 12, 29), "2026-W01"),
], ids=["w53-monday", "w53-sunday-next-year", "2027-w01", "new-year-2026", "2026-w01-in-2025"])
def test_iso_week_of_a_day(day: dt.date, label: str) -> None:
    assert Week.of(day).label == label


def test_week_53_of_2026_runs_from_28_december_to_3_january() -> None:
    week = Week.parse("2026-W53")
    assert week.days[0] == dt.date(2026, 12, 28)
    assert week.days[-1] == dt.date(2027, 1, 3)
    assert week_page(week) == "minggu/2026-W53/index.md"


def test_weeks_across_the_year_boundary() -> None:
    weeks = weeks_between(dt.date(2026, 12, 21), dt.date(2027, 1, 4))
    assert [w.label for w in weeks] == ["2026-W52", "2026-W53", "2027-W01"]


# --- Indonesian dates -----------------------------------------------------------------


@pytest.mark.parametrize(("day", "text"), [
    (dt.date(2026, 12, 1), "Selasa, 1 Desember 2026"),
    (dt.date(2026, 12, 6), "Minggu, 6 Desember 2026"),
    (dt.date(2027, 1, 4), "Senin, 4 Januari 2027"),
    (dt.date(2026, 8, 17), "Senin, 17 Agustus 2026"),
], ids=["selasa", "minggu", "senin-januari", "agustus"])
def test_full_date_in_indonesian(day: dt.date, text: str) -> None:
    assert full_date(day) == text


def test_full_date_in_english_when_asked() -> None:
    set_language("en")
    try:
        assert full_date(dt.date(2026, 12, 1)) == "Tuesday, 1 December 2026"
    finally:
        set_language(None)


@pytest.mark.parametrize(("week", "text"), [
    ("2026-W49", "30 November – 6 Desember 2026"),
    ("2026-W51", "14 – 20 Desember 2026"),
    ("2026-W53", "28 Desember 2026 – 3 Januari 2027"),
], ids=["two-months", "one-month", "two-years"])
def test_week_range(week: str, text: str) -> None:
    assert week_range(Week.parse(week)) == text


# --- what the pages show --------------------------------------------------------------


def test_months_run_from_first_to_last_post(sample: Path) -> None:
    site = site_of(sample)
    assert list(site.months) == [month_page(2026, 11), month_page(2026, 12),
                                 month_page(2027, 1)]


def test_current_month_is_added_when_no_post_is_in_it(sample: Path) -> None:
    site = site_of(sample, today=dt.date(2027, 3, 10))
    assert list(site.months)[-1] == month_page(2027, 3)
    assert month_page(2027, 2) in site.months  # no gap: previous/next always works


def test_month_shows_only_its_own_posts_in_time_order(sample: Path) -> None:
    december = site_of(sample).months[month_page(2026, 12)]
    shown = [(d.date.day, [e.id for e in d.entries]) for r in december.rows for d in r.days
             if d.entries]
    assert shown == [(9, ["2026-12-09-pagi", "2026-12-09-sore"]), (31, ["2026-12-31-akhir"])]
    assert december.count == 3
    january_2 = december.rows[-1].days[5]
    assert january_2.date == dt.date(2027, 1, 2) and not january_2.in_period
    assert january_2.entries == ()  # shown greyed, its post belongs to January


def test_month_links_previous_and_next(sample: Path) -> None:
    site = site_of(sample)
    november, december, january = site.months.values()
    assert november.previous is None
    assert december.previous is not None and december.previous.label == "November 2026"
    assert december.next is not None and december.next.page == "kalender/2027-01/index.md"
    assert january.next is None


def test_today_is_marked_once(sample: Path) -> None:
    december = site_of(sample).months[month_page(2026, 12)]
    today = [d for r in december.rows for d in r.days if d.is_today]
    assert [d.label for d in today] == ["Rabu, 2 Desember 2026"]


def test_entry_carries_time_platforms_type_and_badge(sample: Path) -> None:
    site = site_of(sample)
    entry = site.posts["2026-12-09-sore"].entry
    assert entry.time == "15.00"
    assert entry.platform_ids == "x facebook"
    assert [p.label for p in entry.platforms] == ["X", "Facebook"]
    assert (entry.type.value, entry.type.label) == ("hari-penting", "Hari penting")
    assert (entry.badge.status, entry.badge.label) == ("usulan", "Usulan")
    assert site.posts["2026-12-31-akhir"].entry.time == ""  # a date without a time


def test_week_view_lists_each_day_in_time_order_and_links_neighbours(sample: Path) -> None:
    site = site_of(sample)
    week = site.weeks[week_page(Week.parse("2026-W50"))]
    assert week.range_label == "7 – 13 Desember 2026"
    assert [[e.time for e in d.entries] for d in week.days] == [
        [], [], ["08.00", "15.00"], [], [], [], []]
    assert week.previous is not None and week.previous.page == "minggu/2026-W49/index.md"
    assert week.next is not None and week.next.page == "minggu/2026-W51/index.md"


def test_week_53_is_generated_and_shows_posts_of_both_years(sample: Path) -> None:
    week = site_of(sample).weeks[week_page(Week.parse("2026-W53"))]
    assert [e.id for d in week.days for e in d.entries] == ["2026-12-31-akhir",
                                                             "2027-01-02-baru"]
    assert [m.label for m in week.months] == ["Desember 2026", "Januari 2027"]


def test_list_groups_every_post_by_week_in_date_order(sample: Path) -> None:
    groups = site_of(sample).list.groups  # type: ignore[union-attr]
    assert [(g.week.label, [e.id for e in g.entries]) for g in groups] == [
        ("Minggu ke-47, 2026", ["2026-11-20-awal"]),
        ("Minggu ke-50, 2026", ["2026-12-09-pagi", "2026-12-09-sore"]),
        ("Minggu ke-53, 2026", ["2026-12-31-akhir", "2027-01-02-baru"]),
    ]


def test_home_counts_posts_per_status_and_shows_this_and_next_week(sample: Path) -> None:
    home = site_of(sample, today=dt.date(2026, 12, 8)).home
    assert home is not None
    assert {c.badge.status: c.count for c in home.counts} == {
        "usulan": 1, "draf": 0, "diajukan": 0, "diparaf": 1, "disetujui": 1, "diunggah": 1,
        "revisi": 1}
    assert home.this_week.week.label == "2026-W50"
    assert home.next_week.week.label == "2026-W51"
    assert home.this_month.label == "Desember 2026"


def test_every_status_display_goes_through_display_status(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The approval work swaps in the recorded state; every page must follow."""
    monkeypatch.setattr(calendar_view, "display_status",
                        lambda post, standings=None: calendar_view.badge(calendar_view.CHANGED))
    site = site_of(sample)
    entries = [e for m in site.months.values() for r in m.rows for d in r.days
               for e in d.entries]
    assert {e.badge.status for e in entries} == {"berubah"}
    assert site.legend[-1].label == "Berubah setelah disetujui"
    assert {c.badge.status: c.count for c in site.home.counts}["berubah"] == 5  # type: ignore[union-attr]


def test_platform_icons_come_from_platforms_yml(sample: Path) -> None:
    rules = sample / "calendar" / "platforms.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "icon: fontawesome/brands/x-twitter", "icon: material/alpha-x-box"), encoding="utf-8")
    site = site_of(sample)
    chips = {c.value: c.icon for m in site.months.values() for r in m.rows for d in r.days
             for e in d.entries for c in e.platforms}
    assert chips["x"] == "material/alpha-x-box"
    assert chips["facebook"] == "fontawesome/brands/facebook"
    assert {c.value: c.icon for c in site.filters.platforms}["x"] == "material/alpha-x-box"


def test_legend_has_every_status_with_its_own_icon() -> None:
    badges = legend()
    assert [b.status for b in badges] == ["usulan", "draf", "diajukan", "diparaf", "disetujui",
                                          "diunggah", "revisi"]
    assert len({b.icon for b in badges}) == 7
    assert [b.label for b in badges] == ["Usulan", "Draf", "Diajukan", "Diparaf", "Disetujui",
                                         "Diunggah", "Revisi"]


def test_post_view_has_captions_per_platform_and_findings(sample: Path) -> None:
    project = load_project(sample)
    from kalender.rules import Context, check_post

    post = project.post("2026-12-09-sore")
    assert post is not None and project.calendar is not None
    findings = {post.id: check_post(post, Context(project.calendar, tuple(project.posts)))}
    site = site_of(sample, findings=findings)
    view = site.posts[post.id]
    assert view.when_label == "Rabu, 9 Desember 2026, pukul 15.00 WIB"
    assert [c.platform.label for c in view.captions] == ["X", "Facebook"]
    assert view.captions[0].text.startswith("Keterangan Sore.")
    assert view.file == "posts/2026/12/2026-12-09-sore.md"
    assert [f.rule for f in view.findings] == [p.code for p in findings[post.id]]


def test_post_page_source_names_its_template_and_carries_the_body(repo: Path) -> None:
    write_post(repo, "2026-12-03-isi", post_front("'Isi: \"kutip\" & <b>'", "2026-12-03 09:00",
                                                     caption="Keterangan isi."),
               "## Ringkasan\n\nMateri **tebal**.\n")
    site = site_of(repo)
    source = page_source(site.posts["2026-12-03-isi"])
    front, body = source.split("---\n", 2)[1:]
    meta = yaml.safe_load(front)
    assert meta["template"] == "kalender/post.html"
    assert meta["title"] == 'Isi: "kutip" &amp; &lt;b&gt;'  # Material does not escape it
    assert "search" not in meta  # post pages stay searchable
    assert body.strip() == "## Ringkasan\n\nMateri **tebal**."
    month_meta = yaml.safe_load(page_source(site.months[month_page(2026, 12)]).split("---")[1])
    assert month_meta == {"title": "Desember 2026", "template": "kalender/month.html",
                          "hide": ["navigation", "toc"], "search": {"exclude": True}}
    assert post_page("2026-12-03-isi") in site.pages()


def test_caption_start_cuts_at_a_word() -> None:
    class Shaped:
        caption = "Kata " * 40
        captions: dict[str, object] = {}

    text = caption_start(Shaped(), limit=22)  # type: ignore[arg-type]
    assert text == "Kata Kata Kata Kata…"


# --- thumbnails -----------------------------------------------------------------------


def test_thumbnail_is_small_and_made_once_per_content(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "foto.png"
    Image.new("RGBA", (1080, 1350), (200, 80, 20, 255)).save(image)
    made = thumbnail(image, tmp_path / "cache")
    assert made is not None
    with Image.open(made) as small:
        assert small.format == "JPEG"
        assert small.size == (360, 450)

    def must_not_redo(*args: object) -> None:
        raise AssertionError("thumbnail made again for unchanged content")

    monkeypatch.setattr("kalender.media.mediacache._scaled", must_not_redo)
    assert thumbnail(image, tmp_path / "cache") == made
    copy = tmp_path / "salinan.png"
    copy.write_bytes(image.read_bytes())
    assert thumbnail(copy, tmp_path / "cache") == made  # same content, same thumbnail


def test_unreadable_image_gets_no_thumbnail(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(b"\xff\xd8 bukan jpeg")
    assert thumbnail(broken, tmp_path / "cache") is None
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())
