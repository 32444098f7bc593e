"""Answering a public comment in Chromium against the real ``kalender review``: staff drafts
an answer citing a legal product on the inbox page, the Kasubbag approves it, staff records
it posted with its link; after each step the rebuilt page shows it, and the comment leaves
the inbox once answered. The records hold the three steps. On the listening page a
misinformation claim becomes a proposed post in one click."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kalender.approval.signing import read_items  # noqa: E402
from kalender.conversations.store import conversation_file  # noqa: E402
from reviewkit import PASSWORDS, add_accounts, full_repo, review_command  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GRAPH = ROOT / "tests" / "inputs" / "percakapan" / "facebook-comments.json"
YOUTUBE = GRAPH.with_name("youtube-commentThreads.json")
CLAIM = "youtube:UgzHoax02"
ASKED = "2026-12-02-pengumuman-pkpu-8-2019"
KEY = "facebook:267684631782460_9004"
WAIT = 240_000  # ms: a rebuild on a busy machine


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = full_repo(tmp_path_factory.mktemp("review-answers"))
    add_accounts(root)
    done = subprocess.run([sys.executable, "-m", "kalender", "--root", str(root),
                           "conversations", "import", str(GRAPH), str(YOUTUBE)],
                          capture_output=True, text=True, cwd=root, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
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


def form(page: Any) -> Any:
    found = page.locator(f"li.kal-conv[data-comment='{KEY}'] [data-answer-form]")
    found.wait_for(timeout=30_000)  # drawn once the session is known
    return found


def test_draft_approve_and_post_an_answer_from_the_inbox(page: Any, review: str,
                                                         repo: Path) -> None:
    page.goto(f"{review}percakapan/")
    log_in(page, "rina")
    draft = form(page)
    draft.locator("textarea").fill("Isinya tata kerja KPU: Peraturan KPU Nomor 8 Tahun 2019.")
    draft.locator("button[data-answer-step='draf']").click()
    page.wait_for_selector(f"li[data-comment='{KEY}'] .kal-conv__answer[data-step='draf']",
                           timeout=WAIT)
    assert "menunggu persetujuan Kasubbag" in page.locator(
        f"li[data-comment='{KEY}'] .kal-conv__answer").inner_text()

    log_in(page, "hendra")
    form(page).locator("button[data-answer-step='disetujui']").click()
    page.wait_for_selector(
        f"li[data-comment='{KEY}'] .kal-conv__answer[data-step='disetujui']", timeout=WAIT)

    log_in(page, "rina")
    posted = form(page)
    posted.locator("input[type=url]").fill(
        "https://www.facebook.com/JDIHKPU_Singkawang/posts/267684631782460?comment_id=77")
    posted.locator("button[data-answer-step='diposting']").click()
    page.wait_for_selector(f"li[data-comment='{KEY}']", state="detached", timeout=WAIT)

    path = conversation_file(next((repo / "posts").rglob(f"{ASKED}.md")))
    steps = [(i.fields["step"], i.fields["by"]) for i in read_items(path, path.read_bytes())
             if "answer" in i.fields]
    assert steps == [("draf", "rina"), ("disetujui", "hendra"), ("diposting", "rina")]


def test_a_claim_becomes_a_proposal_from_the_listening_page(page: Any, review: str,
                                                             repo: Path) -> None:
    page.goto(f"{review}percakapan/pantauan/")
    log_in(page, "bayu")
    claim = page.locator(f"[data-kal-claims] li.kal-conv[data-comment='{CLAIM}']")
    claim.locator("button[data-answer-step='counter']").click()
    link = claim.locator("[data-counter] a")
    link.wait_for(timeout=WAIT)
    assert link.inner_text().startswith("Usulan pos ")
    made = sorted((repo / "posts").rglob("*-meluruskan-kabar-katanya-pkpu-8-2019-*.md"))
    assert len(made) == 1 and CLAIM in made[0].read_text(encoding="utf-8")
    page.goto(link.get_attribute("href"))
    assert "Meluruskan kabar" in page.locator("h1").inner_text()
