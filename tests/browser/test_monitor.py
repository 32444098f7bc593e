"""The roll-up page in Chromium, opened from file://: sorting the offices' table by a column."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_monitor import clone_sample, monitor  # noqa: E402


@pytest.fixture(scope="module")
def rollup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("rekap")
    offices = []
    for index, name in enumerate(("kpu-a", "kpu-b", "kpu-c")):
        folder = clone_sample(base / name, f"KPU Uji {name[-1].upper()}")
        for extra in range(index * 2):  # a: 0, b: 2, c: 4 more planned posts
            post = folder / "posts" / "2026" / "12" / f"2026-12-2{extra}-tambahan-{extra}.md"
            post.write_text(f"---\ntitle: Tambahan {extra}\ndate: 2026-12-2{extra}\n"
                            "category: rutin\ntype: non-edukasi\nstatus: usulan\n"
                            "platforms: [instagram]\n---\n", encoding="utf-8")
        offices.append(str(folder))
    out = base / "keluaran"
    code, stdout, _ = monitor(*offices, "--out", str(out), "--cache", str(base / "c"))
    assert code == 0, stdout
    return out


def names(page: Any) -> list[str]:
    return [t.split("\n")[0] for t in
            page.locator("table.pantauan-urut tbody tr td:first-child a").all_inner_texts()]


def test_sort_by_planned_from_file_url(page: Any, rollup: Path) -> None:
    page.goto((rollup / "index.html").as_uri())
    assert names(page) == ["KPU Uji A", "KPU Uji B", "KPU Uji C"]
    header = page.get_by_role("button", name="Direncanakan")
    header.click()
    assert names(page) == ["KPU Uji C", "KPU Uji B", "KPU Uji A"]
    assert page.locator("th", has=header).get_attribute("aria-sort") == "descending"
    header.click()
    assert names(page) == ["KPU Uji A", "KPU Uji B", "KPU Uji C"]
    page.get_by_role("button", name="Kantor").click()
    assert names(page)[0] == "KPU Uji C"  # text column, descending first
    background = page.evaluate(
        "getComputedStyle(document.querySelector('.pantauan-kepala')).backgroundColor")
    assert background == "rgb(194, 65, 12)"  # the calendar's orange, from kalender.css
    page.screenshot(path=str(rollup / "rekap.png"), full_page=True)
