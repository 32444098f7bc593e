"""A waiting list of thousands of posts is cut after ROWS_SHOWN rows on the Menunggu and
meeting pages, with the number of the others and a link to the list of every post."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from kalender.site.calendar_view import ROWS_SHOWN

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROWS_SHOWN + 7


def test_long_waiting_lists_show_a_count_of_the_rest(repo: Path, tmp_path: Path) -> None:
    for name in ("overrides", "docs"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    for index in range(DRAFTS):
        day = f"2026-11-{1 + index % 28:02d}"
        path = repo / "posts" / "2026" / "11" / f"{day}-draf-{index:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: Draf {index}\ndate: {day} 09:00\ncategory: rutin\n"
            "type: edukasi-kepemiluan\nstatus: draf\nplatforms:\n  x: post\n"
            f"caption: Materi {index}. #JDIHKPU #KPUSingkawang\n---\nIsi.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kalender", "--root", str(repo), "build",
                             "--today", "2026-12-02", "--site-dir", str(tmp_path / "site")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    waiting = (tmp_path / "site" / "menunggu" / "index.html").read_text(encoding="utf-8")
    staff = re.search(r'data-step="submit".*?</section>', waiting, re.DOTALL)
    assert staff is not None
    assert staff.group(0).count('class="kal-row"') == ROWS_SHOWN
    assert "… dan 7 pos lagi; semuanya ada di" in staff.group(0)
    assert 'href="../daftar/index.html"' in staff.group(0)
    meeting = (tmp_path / "site" / "rapat" / "2026-W49" / "index.html").read_text("utf-8")
    assert 'data-more="7"' in meeting
    listed = (tmp_path / "site" / "daftar" / "index.html").read_text(encoding="utf-8")
    assert listed.count('class="kal-row"') == DRAFTS  # the list page keeps every post
