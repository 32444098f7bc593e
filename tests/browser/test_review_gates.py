"""The gates in Chromium against the real ``kalender review`` (issue 16): a move the post's
rules refuse shows its findings next to its button and writes nothing; a warning ticked and
given a reason lets the move through, and the record file holds who acknowledged what, why.

The repository is the sample calendar with only two draft posts of its own (a small site
builds fast). Uses the browser fixtures of tests/browser/conftest.py.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from reviewkit import PASSWORDS, add_accounts, full_repo, review_command  # noqa: E402

WAIT = 240_000  # ms: a rebuild on a busy machine
NO_SOURCE = "2026-12-21-asas-tanpa-sumber"
TYPO = "2026-12-22-kutipan-beda-nomor"
MISMATCH = "legal.citation_mismatch"


def draft(root: Path, post_id: str, caption: str, extra: str = "") -> Path:
    path = root / "posts" / "2026" / "12" / f"{post_id}.md"
    path.write_text(f"""---
title: Uji gerbang {post_id[11:]}
date: {post_id[:10]} 09:00
category: rutin
type: edukasi-kepemiluan
status: draf
platforms: [facebook]
hashtags: [JDIHKPU, KPUSingkawang]
caption: "{caption}"
{extra}---
Catatan.
""", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = full_repo(tmp_path_factory.mktemp("gates-repo"))
    for path in sorted((root / "posts").iterdir()):  # only this test's posts: a quick build
        if path.is_dir():
            shutil.rmtree(path)
    (root / "posts" / "2026" / "12").mkdir(parents=True)
    draft(root, NO_SOURCE, "Asas Pemilu: langsung, umum, bebas, rahasia, jujur dan adil.")
    draft(root, TYPO, "Baca PKPU Nomor 9 Tahun 2019 tentang tata kerja KPU.", """legal_product:
  jenis: Peraturan KPU
  nomor: "8"
  tahun: 2019
  tentang: Tata Kerja Komisi Pemilihan Umum
  url: https://jdih.kpu.go.id/peraturan-kpu-8-2019
""")
    add_accounts(root)
    return root


@pytest.fixture(scope="module")
def review(repo: Path) -> Iterator[str]:
    with review_command(repo) as url:
        yield url


def log_in(page: Any, member: str) -> None:
    bar = page.locator("[data-review-bar]")
    bar.wait_for(timeout=30_000)
    page.select_option("#kal-review-member", member)
    page.fill("#kal-review-password", PASSWORDS[member])
    page.click("[data-review-login] button[type=submit]")
    page.wait_for_selector(f"[data-review-who='{member}']")


def expected_refusals(watch: Any, count: int) -> None:
    """Take the browser's own log line of each refused move (the 409 answer) out of the
    console errors the page fixture fails on; any other error still fails the test."""
    line = "Failed to load resource: the server responded with a status of 409 (Conflict)"
    assert watch.console_errors.count(line) == count, watch.console_errors
    watch.console_errors[:] = [e for e in watch.console_errors if e != line]


def test_a_refused_move_shows_its_findings_next_to_its_button(page: Any, review: str,
                                                               repo: Path, watch: Any) -> None:
    path = repo / "posts" / "2026" / "12" / f"{NO_SOURCE}.md"
    before = path.read_bytes()
    page.goto(f"{review}pos/{NO_SOURCE}/")
    log_in(page, "rina")
    move = page.locator("[data-review-moves] [data-move='submit']")
    move.locator("button[data-action='submit']").wait_for(timeout=30_000)
    listed = move.locator("[data-holds] li[data-severity='error']")
    assert listed.count() == 1 and "[sources.required]" in listed.inner_text()
    move.locator("button[data-action='submit']").click()
    refused = page.locator("[data-move='submit'] [data-review-refused]")
    refused.wait_for(timeout=WAIT)
    text = refused.inner_text()
    assert text.startswith(f"langkah 'mengajukan' pada pos '{NO_SOURCE}' ditolak")
    assert f"posts/2026/12/{NO_SOURCE}.md:5 [sources.required]" in text
    assert "kalender check" not in text  # browser words
    assert path.read_bytes() == before
    assert not path.with_name(f"{NO_SOURCE}.persetujuan.yml").exists()
    expected_refusals(watch, 1)


def test_a_warning_acknowledged_by_its_checkbox_lets_the_move_through(
        page: Any, review: str, repo: Path, watch: Any) -> None:
    page.goto(f"{review}pos/{TYPO}/")
    log_in(page, "rina")
    item = page.locator(f"[data-move='submit'] [data-acknowledge-item='{MISMATCH}']")
    item.wait_for(timeout=30_000)
    assert "“PKPU Nomor 9 Tahun 2019” berbeda dengan produk hukum" in item.inner_text()
    button = page.locator("[data-review-moves] button[data-action='submit']")
    button.click()  # not ticked: refused
    refused = page.locator("[data-move='submit'] [data-review-refused]")
    refused.wait_for(timeout=WAIT)
    assert "belum diakui oleh Rina Marlina" in refused.inner_text()
    assert "--acknowledge" not in refused.inner_text()
    item = page.locator(f"[data-move='submit'] [data-acknowledge-item='{MISMATCH}']")
    item.locator(f"input[data-acknowledge='{MISMATCH}']").check()
    item.locator("input[data-why]").fill("Nomor 9 sengaja: uji kutipan.")
    page.locator("[data-review-moves] button[data-action='submit']").click()
    page.wait_for_selector(".kal-post__head .kal-badge[data-status='diajukan']", timeout=WAIT)
    assert page.locator("[data-review-refused]").count() == 0
    holds = page.locator(".kal-timeline__step[data-action='submit'] .kal-timeline__holds li")
    assert holds.all_inner_texts() == [
        f"mengakui peringatan {MISMATCH}: “Nomor 9 sengaja: uji kutipan.”"]
    records = yaml.safe_load((repo / "posts" / "2026" / "12" / f"{TYPO}.persetujuan.yml")
                             .read_text(encoding="utf-8"))
    assert [(r["action"], r["by"], r["acknowledged"]) for r in records] == [
        ("submit", "rina", [{"code": MISMATCH, "why": "Nomor 9 sengaja: uji kutipan."}])]
    expected_refusals(watch, 1)
