"""The conversations inbox in Chromium, from file://: the filters by platform, class and post
(kept in the URL), and the public's words shown as text, never run as markup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from samplecopy import sample_copy

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "tests" / "inputs" / "percakapan"
POST = "2026-12-09-hari-antikorupsi-sedunia"


def kalender(root: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "kalender", "--root", str(root), *args],
                            capture_output=True, text=True, cwd=root, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with the YouTube and Graph responses imported, built; the inbox page."""
    root = sample_copy(tmp_path_factory.mktemp("percakapan"))
    kalender(root, "conversations", "import", str(INPUTS / "youtube-commentThreads.json"),
             str(INPUTS / "facebook-comments.json"))
    kalender(root, "build", "--today", "2026-12-11", "--site-dir", str(root / "site"))
    return root / "site" / "percakapan" / "index.html"


def shown(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "[data-kal-conv-list] [data-comment]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.comment)")


def test_filters_by_class_platform_and_post_stay_in_the_url(page: Any, inbox: Path) -> None:
    page.goto(inbox.as_uri())
    every = shown(page)
    assert every == ["facebook:267684631782460_9004", "youtube:UgzDpt01",
                     "facebook:65282612143439_9001", "facebook:65282612143439_9002",
                     "youtube:UgzHoax02"]  # oldest first
    page.select_option("select[name=kind]", "keluhan")
    assert shown(page) == ["facebook:65282612143439_9001", "facebook:65282612143439_9002"]
    assert page.url.endswith("#kind=keluhan")
    assert page.locator(".kal-filters__count").inner_text() == "2 dari 5 komentar ditampilkan."
    page.reload()
    assert page.locator("select[name=kind]").input_value() == "keluhan"
    assert len(shown(page)) == 2
    page.select_option("select[name=kind]", "")
    page.select_option("select[name=platform]", "youtube")
    assert shown(page) == ["youtube:UgzDpt01", "youtube:UgzHoax02"]
    page.select_option("select[name=post]", POST)
    assert page.url.endswith(f"#platform=youtube&post={POST}")
    link = page.locator("a[data-keep-conv-filter]").get_attribute("href")
    assert link.endswith(f"#platform=youtube&post={POST}")
    page.click(".kal-filters__reset")
    assert shown(page) == every and "#" not in page.url


def test_the_publics_words_are_text_not_markup(page: Any, inbox: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(inbox.as_uri())
    question = page.locator("[data-comment='youtube:UgzDpt01'] .kal-conv__text")
    assert question.inner_text() == "min cara cek terdaftar di DPT gmn? <script>alert('x')</script>"
    reply = page.locator("[data-comment='facebook:65282612143439_9002'] .kal-conv__text")
    assert "<img src=x onerror=alert(1)>" in reply.inner_text()
    assert page.locator(".kal-conv img, .kal-conv script, .kal-conv b").count() == 0
    assert dialogs == []
    author = page.locator("[data-comment='youtube:UgzHoax02'] .kal-conv__author").inner_text()
    assert author.startswith("Warganet ") and "Andi" not in author
