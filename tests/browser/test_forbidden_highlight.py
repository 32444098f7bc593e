"""SOP D in a real browser: a caption with a hoax marker shows the rule's warning on its
preview, with the matched words highlighted in the caption as the audience would read it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from previewposts import ROOT, build, images, write_post

from .conftest import Watch, open_page

POST = "2026-12-02-kabar-viral"
CAPTION = ("Hari pemungutan suara diundur ke bulan depan. VIRALKAN!! "
           "#JDIHKPU #KPUSingkawang")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("terlarang")
    for folder in ("calendar", "overrides", "docs"):
        shutil.copytree(ROOT / folder, repo / folder)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    write_post(repo, POST, {"platforms": {"instagram": "feed"}, "caption": CAPTION,
                            "source": "https://jdih.kpu.go.id/",
                            "media": images(repo, POST, [(1080, 1350)])})
    result = build(repo, "--no-strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return repo / "site"


def test_preview_warns_and_highlights_the_matched_words(site: Path, browser: Any) -> None:
    watch = Watch()
    page = open_page(browser, {"width": 1366, "height": 900}, watch)
    page.goto((site / "pos" / POST / "index.html").as_uri())
    card = page.locator('[data-preview="instagram"]').first
    finding = card.locator('[data-rule="content.forbidden"]').filter(has_text="viralkan")
    assert finding.count() >= 1
    assert finding.first.is_visible()
    marks = card.locator('mark[data-rule="content.forbidden"]')  # also "pemungutan suara"
    mark = marks.filter(has_text="VIRALKAN").first             # ... diundur: a hoax claim
    mark.scroll_into_view_if_needed()
    assert mark.inner_text() == "VIRALKAN"
    assert mark.is_visible()
    page.context.close()
    assert not watch.outside and not watch.console_errors
