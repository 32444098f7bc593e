"""The calendar site in a real browser: what a reader sees on the month, week, list, post and
home pages; filters kept in the URL; previous/next; offline and from file://."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .conftest import PostFile, Watch, open_page

DECEMBER = "kalender/2026-12/index.html"
STATUS_LABELS = {"usulan": "Usulan", "draf": "Draf", "diajukan": "Diajukan",
                 "diparaf": "Diparaf", "disetujui": "Disetujui", "diunggah": "Diunggah",
                 "revisi": "Revisi", "berubah": "Berubah setelah disetujui"}


def in_month(posts: list[PostFile], year: int, month: int) -> dict[str, PostFile]:
    return {p.id: p for p in posts if (p.day.year, p.day.month) == (year, month)}


def follow(page: Any, selector: str) -> None:
    """Click a link and wait until the next page has loaded (and its scripts have run)."""
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_load_state("load")


def visible_posts(page: Any, scope: str = "[data-kal-filterable]") -> list[str]:
    return page.eval_on_selector_all(
        f"{scope} [data-post]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.post)")


def test_month_shows_exactly_that_months_posts_with_their_badges(
        page: Any, server: str, post_files: list[PostFile]) -> None:
    expected = in_month(post_files, 2026, 12)
    assert expected, "the sample has no post in December 2026"
    page.goto(server + DECEMBER)
    assert page.locator("h1").inner_text() == "Desember 2026"
    chips = page.locator(".kal-month [data-post]")
    assert sorted(chips.evaluate_all("els => els.map(e => e.dataset.post)")) == sorted(expected)
    for chip in chips.all():
        post = expected[chip.get_attribute("data-post")]
        badge = chip.locator(".kal-badge")
        shown = badge.get_attribute("data-status")
        assert shown == chip.get_attribute("data-status")
        assert shown in (post.status, "berubah"), post.id
        assert badge.inner_text().strip() == STATUS_LABELS[shown]
        assert badge.locator("svg").count() == 1  # an icon, never colour alone
        assert chip.get_attribute("data-platforms") == " ".join(post.platforms)
        assert post.title in chip.inner_text()


def test_month_marks_today_and_shows_monday_first_indonesian_days(page: Any,
                                                                   server: str) -> None:
    page.goto(server + DECEMBER)
    heads = page.locator(".kal-month > .kal-weekdays .kal-long").all_inner_texts()
    assert heads == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    today = page.locator(".kal-month [aria-current=date]")
    assert today.count() == 1
    assert "Rabu, 2 Desember 2026" in today.inner_text()
    assert "Hari ini" in today.inner_text()
    first = page.locator(".kal-month .kal-day").first
    assert "Senin, 30 November 2026" in first.inner_text()


def test_legend_lists_every_status_once(page: Any, server: str) -> None:
    page.goto(server + "minggu/2026-W49/index.html")
    legend = page.locator(".kal-legend__list").first.locator(".kal-badge")
    assert legend.evaluate_all("els => els.map(e => e.dataset.status)") == [
        "usulan", "draf", "diajukan", "diparaf", "disetujui", "diunggah", "revisi"]


def test_filter_by_platform_hides_the_others_and_survives_reload(
        page: Any, server: str, post_files: list[PostFile]) -> None:
    december = in_month(post_files, 2026, 12)
    platform = "tiktok"
    wanted = sorted(p.id for p in december.values() if platform in p.platforms)
    assert wanted and len(wanted) < len(december), "pick a platform some posts do not use"
    page.goto(server + DECEMBER)
    page.select_option("select[name=platform]", platform)
    assert sorted(visible_posts(page)) == wanted
    assert page.url.endswith(f"#platform={platform}")
    assert page.locator(".kal-filters__count").inner_text() == (
        f"{len(wanted)} dari {len(december)} pos ditampilkan.")
    page.reload()
    assert page.locator("select[name=platform]").input_value() == platform
    assert sorted(visible_posts(page)) == wanted
    page.click(".kal-filters__reset")
    assert sorted(visible_posts(page)) == sorted(december)
    assert "#" not in page.url


def test_filters_combine_and_travel_with_next_month(
        page: Any, server: str, post_files: list[PostFile]) -> None:
    page.goto(server + DECEMBER + "#platform=instagram&status=draf")
    december = in_month(post_files, 2026, 12)
    wanted = sorted(p.id for p in december.values()
                    if "instagram" in p.platforms and p.status == "draf")
    assert sorted(visible_posts(page)) == wanted
    follow(page, ".kal-pager__next")
    assert page.url.endswith("kalender/2027-01/index.html#platform=instagram&status=draf")
    january = in_month(post_files, 2027, 1)
    assert sorted(visible_posts(page)) == sorted(
        p.id for p in january.values() if "instagram" in p.platforms and p.status == "draf")


def test_previous_and_next_month(page: Any, server: str) -> None:
    page.goto(server + DECEMBER)
    follow(page, ".kal-pager__next")
    assert page.locator("h1").inner_text() == "Januari 2027"
    follow(page, ".kal-pager__prev")
    follow(page, ".kal-pager__prev")
    assert page.locator("h1").inner_text() == "November 2026"
    assert page.url.endswith("kalender/2026-11/index.html")


def test_previous_and_next_week_across_the_year(page: Any, server: str) -> None:
    page.goto(server + "minggu/2026-W52/index.html")
    follow(page, ".kal-pager__next")
    assert re.sub(r"\s+", " ", page.locator("h1").inner_text()) == (
        "Minggu ke-53, 2026 28 Desember 2026 – 3 Januari 2027")
    follow(page, ".kal-pager__next")
    assert page.url.endswith("minggu/2027-W01/index.html")
    follow(page, ".kal-pager__prev")
    follow(page, ".kal-pager__prev")
    assert page.url.endswith("minggu/2026-W52/index.html")


def test_week_shows_each_days_posts_in_time_order_with_thumbnails(
        page: Any, server: str, post_files: list[PostFile]) -> None:
    page.goto(server + "minggu/2026-W49/index.html")
    days = page.locator(".kal-weekday")
    assert days.count() == 7
    expected = [p.id for p in post_files if "2026-11-30" <= p.id[:10] <= "2026-12-06"]
    assert page.locator(".kal-weekgrid [data-post]").evaluate_all(
        "els => els.map(e => e.dataset.post)") == sorted(expected, key=lambda i: i[:10])
    for card in page.locator(".kal-card").all():
        times = card.locator(".kal-time").inner_text()
        assert re.fullmatch(r"\d\d\.\d\d|jam belum ada", times)
    thumbs = page.locator(".kal-card__thumb")
    assert thumbs.count(), "no thumbnail in week 49 of the sample"
    for thumb in thumbs.all():
        thumb.scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('.kal-card__thumb')]"
                           ".every(i => i.complete)")
    for width, height, alt in thumbs.evaluate_all(
            "imgs => imgs.map(i => [i.naturalWidth, i.naturalHeight, i.alt])"):
        assert 0 < width <= 360 and 0 < height <= 450 and alt  # a small thumbnail, not the file


def test_list_groups_by_week_and_home_links_to_it_filtered(
        page: Any, server: str, post_files: list[PostFile]) -> None:
    page.goto(server + "index.html")
    drafts = sum(1 for p in post_files if p.status == "draf")
    count = page.locator(".kal-counts__list a[data-status=draf]")
    assert count.locator(".kal-counts__number").inner_text() == str(drafts)
    with page.expect_navigation():
        count.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("daftar/index.html#status=draf")
    shown = visible_posts(page)
    assert len(shown) == drafts
    groups = page.locator(".kal-group:not([hidden]) .kal-group__title a").all_inner_texts()
    assert groups and all(g.startswith("Minggu ke-") for g in groups)


def test_home_shows_this_week_and_next(page: Any, server: str) -> None:
    page.goto(server + "index.html")
    assert "Hari ini: Rabu, 2 Desember 2026." in page.locator(".kal-home__today").inner_text()
    titles = page.locator(".kal-glance h2").all_inner_texts()
    assert [re.sub(r"\s+", " ", t) for t in titles] == [
        "Minggu ini 30 November – 6 Desember 2026", "Minggu depan 7 – 13 Desember 2026"]
    follow(page, "text=Bulan ini")
    assert page.locator("h1").inner_text() == "Desember 2026"


def test_post_page_has_details_captions_findings_and_slots(
        page: Any, server: str, post_files: list[PostFile]) -> None:
    post = next(p for p in post_files if p.id == "2026-12-09-hari-antikorupsi-sedunia")
    page.goto(server + DECEMBER)
    follow(page, f'[data-post="{post.id}"] a')
    assert page.url.endswith(f"pos/{post.id}/index.html")
    assert page.locator("h1").inner_text() == post.title
    assert "Rabu, 9 Desember 2026, pukul" in page.locator(".kal-details").inner_text()
    captions = page.locator(".kal-caption").evaluate_all("els => els.map(e => e.dataset.platform)")
    assert captions == list(post.platforms)
    for finding in page.locator(".kal-findings__list li").all():
        assert finding.get_attribute("data-rule")
    assert page.locator("section[data-slot=previews]").count() == 1
    assert page.locator("section[data-slot=approval]").count() == 1


def test_posts_are_not_in_the_site_navigation(page: Any, server: str) -> None:
    page.goto(server + "index.html")
    links = page.locator("nav.md-nav--primary a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    assert links
    assert not [href for href in links if "pos/" in href]


def test_no_console_error_and_no_request_leaves_localhost(
        page: Any, server: str, watch: Watch) -> None:
    page.evaluate("() => {}")  # the guard itself: a request to the internet is caught
    page.goto(server + "index.html")
    page.evaluate("() => fetch('https://fonts.googleapis.com/css').catch(() => null)")
    assert watch.outside == ["https://fonts.googleapis.com/css"]
    watch.clear()
    for path in ("index.html", DECEMBER, "minggu/2026-W49/index.html", "daftar/index.html",
                 "pos/2026-12-09-hari-antikorupsi-sedunia/index.html", "kalender.html"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("antikorupsi")
    page.wait_for_selector(".md-search-result__item")
    assert watch.outside == []
    assert watch.console_errors == []


def test_site_works_opened_from_its_folder(browser: Any, built_site: Path, watch: Watch,
                                           post_files: list[PostFile]) -> None:
    page = open_page(browser, {"width": 1366, "height": 768}, watch)
    try:
        page.goto((built_site / DECEMBER).as_uri())
        december = in_month(post_files, 2026, 12)
        assert sorted(visible_posts(page)) == sorted(december)
        page.select_option("select[name=status]", "draf")
        page.reload()
        assert sorted(visible_posts(page)) == sorted(
            p.id for p in december.values() if p.status == "draf")
        follow(page, ".kal-pager__next")
        assert page.url.startswith("file://")
        assert page.locator("h1").inner_text() == "Januari 2027"
        page.keyboard.press("/")
        page.keyboard.type("antikorupsi")
        page.wait_for_selector(".md-search-result__item")  # search runs from file:// too
        assert watch.outside == [] and watch.console_errors == []
    finally:
        page.context.close()
