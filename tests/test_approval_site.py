"""The approval on the built site: the post page's timeline and threads (each platform's thread
inside its preview), badges from the recorded state ("berubah" included), and "Menunggu"."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import without_keys
from kalender.cli.main import _register_commands
from test_approval_flow import POST, POST_ID, ok, write_post

ROOT = Path(__file__).resolve().parent.parent
CHANGED_ID = "2026-12-10-hari-ham"
WAITING_ID = "2026-12-11-rapat-jdih"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small calendar: one approved post with comments, one changed after approval, one
    waiting for the Kasubbag; built once for the module."""
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "calendar", repo / "calendar")
    without_keys(repo / "calendar")  # a team before signatures: moves need no passphrase
    for item in ("overrides", "docs"):
        shutil.copytree(ROOT / item, repo / item)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    _register_commands()
    runner = CliRunner()
    write_post(repo)
    changed = write_post(repo, POST.replace("2026-12-09 08:00", "2026-12-10 07:00")
                         .replace(POST_ID, CHANGED_ID), CHANGED_ID)
    write_post(repo, POST.replace("2026-12-09 08:00", "2026-12-11 14:00")
               .replace("title: Hari Antikorupsi Sedunia", "title: Rapat JDIH")
               .replace(POST_ID, WAITING_ID), WAITING_ID)
    for post in (POST_ID, CHANGED_ID):
        ok(runner, repo, "submit", post, "--by", "rina")
        ok(runner, repo, "initial", post, "--by", "hendra", at="2026-12-01T10:30")
        ok(runner, repo, "approve", post, "--by", "sari", at="2026-12-02T14:15")
    ok(runner, repo, "submit", WAITING_ID, "--by", "bayu")
    ok(runner, repo, "comment", POST_ID, "--platform", "x", "Apakah <b>tagar</b> cukup?",
       "--by", "hendra", at="2026-12-02T15:00")
    ok(runner, repo, "comment", POST_ID, "Sumber sudah jelas.", "--by", "ahmad",
       at="2026-12-02T15:10")
    ok(runner, repo, "comment", POST_ID, "--resolve", "2", "--by", "rina", at="2026-12-02T16:00")
    changed.write_text(changed.read_text(encoding="utf-8").replace("hal kecil", "hal besar"),
                       encoding="utf-8")
    out = repo / "site"
    result = subprocess.run(
        [sys.executable, "-m", "kalender", "--root", str(repo), "build", "--today",
         "2026-12-03", "--site-dir", str(out)],
        capture_output=True, text=True, cwd=repo, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text(fragment: str) -> str:
    """What a reader sees: tags removed, entities decoded, white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def test_post_page_shows_the_timeline(site: Path) -> None:
    shown = text(page(site, f"pos/{POST_ID}/index.html"))
    assert ("Riwayat persetujuan Senin, 30 November 2026 pukul 09.00 WIB diajukan · Rina "
            "Marlina (Staf Subbagian Hukum)") in shown
    assert ("Selasa, 1 Desember 2026 pukul 10.30 WIB diparaf · Hendra Gunawan, S.H. "
            "(Kepala Subbagian Hukum dan SDM)") in shown
    assert ("Rabu, 2 Desember 2026 pukul 14.15 WIB disetujui · Sari Wulandari, S.H., M.H. "
            "(Anggota KPU Divisi Hukum dan Pengawasan)") in shown
    # Words for people: names without member ids, the move without the command that makes it
    assert ("Berikutnya: Rina Marlina, Bayu Pratama sebagai Staf Subbagian Hukum: mengunggah di "
            "Instagram, X lalu mencatat tautannya") in shown
    assert "(rina)" not in shown and "kalender uploaded" not in shown and "--url" not in shown


def test_each_platform_thread_sits_inside_its_preview(site: Path) -> None:
    source = page(site, f"pos/{POST_ID}/index.html")
    x_preview = re.search(r'<figure class="kk-preview" data-preview="x".*?</figure>', source,
                          re.S)
    assert x_preview is not None
    thread = text(x_preview.group(0))
    assert ("Komentar X 1 terbuka dari 1 #1 Hendra Gunawan, S.H. Kepala Subbagian Hukum dan "
            "SDM Rabu, 2 Desember 2026 pukul 15.00 WIB terbuka Apakah <b>tagar</b> cukup?"
            ) in thread
    assert "&lt;b&gt;tagar&lt;/b&gt;" in x_preview.group(0)  # escaped, not bold
    instagram = re.search(r'<figure class="kk-preview" data-preview="instagram".*?</figure>',
                          source, re.S)
    assert instagram is not None
    assert "Komentar Instagram 0 terbuka dari 0 Belum ada komentar." in text(instagram.group(0))


def test_comments_on_the_whole_post_show_who_resolved_them(site: Path) -> None:
    shown = text(page(site, f"pos/{POST_ID}/index.html"))
    assert ("Komentar pada pos 0 terbuka dari 1 #2 Ahmad Fauzi Pimpinan KPU Rabu, 2 Desember "
            "2026 pukul 15.10 WIB selesai Sumber sudah jelas. selesai: Rina Marlina, Rabu, "
            "2 Desember 2026 pukul 16.00 WIB") in shown


def test_a_post_changed_after_approval_shows_it_everywhere(site: Path) -> None:
    post_page = page(site, f"pos/{CHANGED_ID}/index.html")
    assert 'data-status="berubah"' in post_page
    assert "Berubah setelah disetujui" in text(post_page)
    assert "Isi berubah setelah disetujui: sidik saat disetujui" in text(post_page)
    week = page(site, "minggu/2026-W50/index.html")
    chip = re.search(rf'<li class="kal-card" data-post="{CHANGED_ID}" data-status="(\w+)"', week)
    assert chip is not None and chip.group(1) == "berubah"
    approved = re.search(rf'<li class="kal-card" data-post="{POST_ID}" data-status="(\w+)"', week)
    assert approved is not None and approved.group(1) == "disetujui"


def test_menunggu_lists_each_post_once_under_its_step_with_who_holds_it(site: Path) -> None:
    source = page(site, "menunggu/index.html")

    def step(action: str) -> tuple[str, list[str]]:
        found = re.search(rf'<section[^>]*data-step="{action}".*?</section>', source, re.S)
        assert found is not None, f"no list for the step {action}"
        return text(found.group(0)), re.findall(r'data-post="([\w-]+)"', found.group(0))

    submit, submit_posts = step("submit")
    assert submit.startswith("mengajukan 1 pos")
    assert submit_posts == [CHANGED_ID]  # changed after approval: to submit again (or return)
    assert "dipegang Rina Marlina, Hendra Gunawan, S.H., Sari Wulandari, S.H., M.H." in submit
    initial, initial_posts = step("initial")
    assert initial.startswith("memberi paraf atau mengembalikan untuk revisi 1 pos")
    assert initial_posts == [WAITING_ID] and "dipegang Hendra Gunawan, S.H." in initial
    uploaded, uploaded_posts = step("uploaded")
    assert uploaded_posts == [POST_ID] and "dipegang Rina Marlina" in uploaded
    every = re.findall(r'<li class="kal-row" data-post="([\w-]+)"', source)
    assert sorted(every) == sorted({POST_ID, CHANGED_ID, WAITING_ID})  # each post once
    side = text(re.search(r'<nav class="kal-waiting__side.*?</nav>', source, re.S).group(0))
    assert "Langkah mengajukan 1 memberi paraf atau mengembalikan untuk revisi 1" in side
    assert "Bayu Pratama Staf Subbagian Hukum 0" in side  # his post waits for the Kasubbag
    assert "Rina Marlina Staf Subbagian Hukum 2" in side
