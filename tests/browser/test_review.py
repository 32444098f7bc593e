"""Review in Chromium against the real ``kalender review`` (a subprocess on 127.0.0.1):
the Kasubbag comments on the Instagram preview (pinned) and initials, the Divisi member
approves, the page changes without a reload, the calendar badge follows, the records hold
both steps with the fingerprint. XSS payloads in a caption and in a comment never run.

Uses the browser fixtures of tests/browser/conftest.py (fails under CI=true when Chromium
or Playwright is missing; every request must stay on 127.0.0.1; no console error).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from reviewkit import (  # noqa: E402
    OTHER_ID,
    PASSWORDS,
    POST_ID,
    act,
    add_accounts,
    full_repo,
    login,
    post_path,
    record_path,
    review_command,
)

PAYLOAD = "<img src=x onerror=window.__xss=1>"
SCRIPT_PAYLOAD = "<script>window.__xss=2</script>"
WAIT = 240_000  # ms: a rebuild of the whole site on a busy machine


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = full_repo(tmp_path_factory.mktemp("review-repo"))
    add_accounts(root)
    other = post_path(root, OTHER_ID)
    text = other.read_text(encoding="utf-8")
    caption = re.search(r"^caption: \|\n(?:  .*\n)+", text, re.MULTILINE)
    assert caption is not None, "the second post's caption is a block to tamper with"
    tampered = json.dumps(f"Awas {PAYLOAD} dan {SCRIPT_PAYLOAD} di takarir")
    other.write_text(text.replace(caption.group(0), f"caption: {tampered}\n"),
                     encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def review(repo: Path) -> Iterator[str]:
    with review_command(repo) as url:
        yield url


def log_in(page: Any, member: str) -> None:
    bar = page.locator("[data-review-bar]")
    bar.wait_for(timeout=30_000)
    if bar.locator("[data-review-logout]").count():
        bar.locator("[data-review-logout]").click()
    page.select_option("#kal-review-member", member)
    page.fill("#kal-review-password", PASSWORDS[member])
    page.click("[data-review-login] button[type=submit]")
    page.wait_for_selector(f"[data-review-who='{member}']")


def test_initial_and_approval_from_the_preview_pages(page: Any, review: str,
                                                     repo: Path) -> None:
    post_url = f"{review}pos/{POST_ID}/"
    page.goto(post_url)
    page.locator("[data-review-bar]").wait_for(timeout=30_000)
    assert page.locator("[data-review-notice]").is_hidden()
    log_in(page, "hendra")
    moves = page.locator("[data-review-moves]")
    moves.locator("button[data-action]").first.wait_for(timeout=30_000)  # drawn after login
    assert moves.locator("button[data-action]").all_inner_texts() == ["Paraf", "Kembalikan"]

    instagram = page.locator("figure.kk-preview[data-preview='instagram']").first
    picture = instagram.locator("img.kk-pic").first
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.5})
    assert instagram.locator("[data-pin-info]").inner_text().startswith(
        "Titik ditandai: 25% dari kiri, 50% dari atas.")
    instagram.locator("textarea").fill("Logo KPU terlalu kecil di sini.")
    instagram.locator("form[data-review-comment] button[type=submit]").click()
    thread = instagram.locator(".kal-thread .kal-comment[data-comment='2']")
    thread.wait_for(timeout=WAIT)  # the fragment came from the rebuilt page, no reload
    assert "Logo KPU terlalu kecil di sini." in thread.inner_text()
    pin = instagram.locator(".kal-review-pin[data-pin='2']")
    assert pin.count() == 1
    pin_box, picture_box = pin.bounding_box(), picture.bounding_box()
    centre = (pin_box["x"] + pin_box["width"] / 2 - picture_box["x"]) / picture_box["width"]
    assert abs(centre - 0.25) < 0.03

    page.evaluate("window.__same_page = true")
    moves.locator("button[data-action='initial']").click()
    page.wait_for_selector(".kal-post__head .kal-badge[data-status='diparaf']", timeout=WAIT)
    assert page.evaluate("window.__same_page") is True  # patched in place, not reloaded
    assert page.locator("[data-review-moves] [data-review-state]").get_attribute(
        "data-review-state") == "diparaf"

    log_in(page, "sari")
    page.wait_for_selector("[data-review-moves] button[data-action='approve']")
    # the open comments hold the approval (issue 16): Sari carries both with a note
    for number in ("1", "2"):
        item = page.locator(f"[data-move='approve'] [data-carry-item='{number}']")
        item.locator(f"input[data-carry='{number}']").check()
        item.locator("input[data-why]").fill(f"Komentar {number} ditangani saat unggah.")
    page.locator("[data-review-moves] button[data-action='approve']").click()
    page.wait_for_selector(".kal-post__head .kal-badge[data-status='disetujui']", timeout=WAIT)
    assert page.evaluate("window.__same_page") is True
    assert "disetujui" in page.locator("[data-review-status]").inner_text()

    page.goto(f"{review}kalender/2026-12/")
    badge = page.locator(f"[data-post='{POST_ID}'] .kal-badge").first
    assert badge.get_attribute("data-status") == "disetujui"

    records = yaml.safe_load(record_path(repo).read_text(encoding="utf-8"))
    submitted = records[0]["fingerprint"]
    steps = [(r["action"], r["by"], r["fingerprint"], r.get("address")) for r in records
             if r["action"] in ("initial", "approve")]
    assert steps == [("initial", "hendra", submitted, "127.0.0.1"),
                     ("approve", "sari", submitted, "127.0.0.1")]
    assert records[-1]["carried"] == [
        {"comment": n, "note": f"Komentar {n} ditangani saat unggah."} for n in (1, 2)]
    comment = next(r for r in records if r.get("comment") == 2)
    assert (comment["by"], comment["platform"]) == ("hendra", "instagram")
    assert abs(comment["pin"][0] - 0.25) < 0.02 and abs(comment["pin"][1] - 0.5) < 0.02
    assert "status: disetujui" in post_path(repo).read_text(encoding="utf-8")


def test_payloads_in_caption_and_comments_never_run(page: Any, review: str) -> None:
    client, csrf = login(review.rstrip("/"), "rina")
    answer = act(client, review.rstrip("/"), csrf, OTHER_ID, action="comment",
                 text=f"Lihat {PAYLOAD} {SCRIPT_PAYLOAD}", platform="instagram")
    assert answer.status_code == 200, answer.text
    ticket = answer.json()["ticket"]
    assert client.get(f"/api/build?after={ticket}").json()["ready"] is True
    page.goto(f"{review}pos/{OTHER_ID}/")
    log_in(page, "hendra")  # the review script draws the comments and pins too
    page.wait_for_selector("[data-review-moves]")
    comment = page.locator(".kal-comment__text", has_text="Lihat <img").first
    assert comment.inner_text() == f"Lihat {PAYLOAD} {SCRIPT_PAYLOAD}"
    caption = page.locator(".kal-caption__text").first.inner_text()
    assert PAYLOAD in caption and SCRIPT_PAYLOAD in caption  # shown as text
    assert page.locator(".kal-post img[src='x']").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_the_static_site_stays_read_only_and_says_how_to_comment(page: Any,
                                                                  server: str) -> None:
    page.goto(f"{server}pos/{POST_ID}/")
    notice = page.locator("[data-review-notice]")
    assert notice.is_visible()
    assert notice.inner_text().startswith("Halaman ini hanya untuk dibaca.")
    assert "kalender review" in notice.inner_text()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-review-bar]").count() == 0
    assert page.locator("form[data-review-comment]").count() == 0
