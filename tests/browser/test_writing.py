"""Writing in Chromium against the real ``kalender review`` in a git repository: a staf member
proposes a post from the meeting page, the Kasubbag accepts it, the staf member adds a
picture (a bad file is refused first), edits the caption watching the live counter, drags
the post to another day and submits it. Each step is one commit by that member; a second
person's save in between makes the browser's save refused, showing their change.

Uses the browser fixtures of tests/browser/conftest.py (fails under CI=true when Chromium
or Playwright is missing; every request must stay on 127.0.0.1; no console error).
"""

from __future__ import annotations

import difflib
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kalender.core.editing import PostText, edit_front_matter  # noqa: E402
from reviewkit import (  # noqa: E402
    POST_ID,
    add_accounts,
    full_repo,
    login,
    post_path,
    review_command,
)

from .conftest import Watch  # noqa: E402
from .test_review import WAIT, log_in  # noqa: E402

TITLE = "Kuis Asas Pemilu"
PROPOSED = "2026-12-22-kuis-asas-pemilu"
MOVED = "2026-12-29-kuis-asas-pemilu"
CAPTION = ("Apa saja asas Pemilu di Indonesia?\nTulis jawabanmu di kolom komentar, "
           "jawaban benar kami umumkan Jumat.")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                          check=True).stdout


def commits(root: Path) -> list[str]:
    """``author|subject`` of every commit, newest first."""
    return git(root, "log", "--format=%an|%s").strip().split("\n")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = full_repo(tmp_path_factory.mktemp("writing-repo"))
    add_accounts(root)
    (root / ".gitignore").write_text(".kalender/\nsite/\n.cache/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Awal", "-c", "user.email=awal@example.org", "commit", "-qm",
        "awal")
    return root


@pytest.fixture(scope="module")
def review(repo: Path) -> Iterator[str]:
    with review_command(repo) as url:
        yield url


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1080, 1350), (240, 120, 20)).save(out, "JPEG")
    return out.getvalue()


def refused_in_console(watch: Watch, status: int) -> None:
    """Chromium logs every refused request as a console error: this one was meant."""
    expected = f"the server responded with a status of {status} "
    found = [m for m in watch.console_errors if expected in m]
    assert len(found) == 1, watch.console_errors
    watch.console_errors.remove(found[0])


def propose(page: Any, watch: Watch, review: str) -> None:
    page.goto(f"{review}rapat/")
    log_in(page, "rina")
    page.click("[data-open-proposal]")
    form = page.locator("form[data-new-proposal]")
    assert form.locator("[name='date']").input_value() == "2026-12-21"  # the week planned
    form.locator("[name='date']").fill("2026-12-22")
    form.locator("[name='time']").fill("09:30")
    form.locator("[name='category']").select_option("rutin")
    form.locator("[name='type']").select_option("non-edukasi")
    form.locator("#kal-ed-p-instagram").check()
    form.locator("#kal-ed-p-x").check()
    form.locator("textarea[data-platform='x']").fill("Kuis: apa saja asas Pemilu?")
    form.locator("[name='caption']").fill("Apa saja asas Pemilu?")
    form.locator("[name='source']").fill("UU 7/2017 tentang Pemilihan Umum, Pasal 2")
    form.locator("[name='notes']").fill("Kartu oranye 4:5, logo KPU di pojok.")
    form.locator("[name='title']").fill("???")  # no letter to name the file by
    form.locator("[data-create]").click()
    refused = form.locator("[data-field='title'] [data-review-message][data-kind='error']")
    refused.wait_for(timeout=30_000)  # said next to the title, in the browser's words
    assert refused.inner_text() == "Wajib diisi (dengan huruf atau angka)."
    refused_in_console(watch, 400)
    form.locator("[name='title']").fill(TITLE)
    form.locator("[data-create]").click()
    page.wait_for_url(f"**/pos/{PROPOSED}/", timeout=WAIT)


def test_a_proposal_becomes_a_submitted_post_one_commit_per_step(
        page: Any, watch: Watch, review: str, repo: Path, tmp_path: Path) -> None:
    start = len(commits(repo))
    propose(page, watch, review)
    assert commits(repo)[0] == f"Rina Marlina|Usulan baru {PROPOSED}: {TITLE}"
    text = post_path(repo, PROPOSED).read_text(encoding="utf-8")
    assert "status: usulan" in text and "## Catatan desain\nKartu oranye 4:5" in text
    assert "platforms:\n  instagram: feed\n  x: post\n" in text
    assert 'captions:\n  x: "Kuis: apa saja asas Pemilu?"\n' in text

    # the Kasubbag accepts it (SOP E.1.c 3-4)
    log_in(page, "hendra")
    page.locator("[data-review-moves] button[data-action='accept']").click()
    page.wait_for_selector(".kal-post__head .kal-badge[data-status='draf']", timeout=WAIT)
    assert page.locator(".kal-post__head .kal-badge[data-status='draf'] svg use").count() == 1
    badge_icon = page.locator(".kal-post__head .kal-badge use").get_attribute("href")
    assert page.locator(f"svg.kal-sprite symbol{badge_icon}").count() == 1  # drawn, not empty
    assert page.locator("[data-review-notice]").is_hidden()
    assert commits(repo)[0] == f"Hendra Gunawan, S.H|Persetujuan {PROPOSED}: menerima usulan"

    # the staf member adds a picture; a file that is not one is refused first
    log_in(page, "rina")
    drop = page.locator("[data-drop]")
    drop.wait_for(timeout=30_000)
    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"GIF89a, bukan foto sama sekali")
    page.set_input_files("[data-upload-file]", str(fake))
    assert "teks alternatif" in drop.locator("[data-review-message]").inner_text().lower()
    page.fill("[data-upload-alt]", "Kartu kuis oranye bertuliskan Asas Pemilu")
    page.set_input_files("[data-upload-file]", str(fake))
    refused = drop.locator("[data-review-message][data-kind='error']")
    refused.wait_for(timeout=30_000)
    message = refused.inner_text()
    assert "bukan gambar" in message and "Tidak ada yang disimpan" in message
    refused_in_console(watch, 415)
    assert not (post_path(repo, PROPOSED).with_suffix("") / "foto.jpg").exists()
    good = tmp_path / "Kartu Kuis.jpg"
    good.write_bytes(jpeg())
    page.fill("[data-upload-alt]", "Kartu kuis oranye bertuliskan Asas Pemilu")
    page.set_input_files("[data-upload-file]", str(good))
    item = page.locator(f"[data-media-list] li[data-file='{PROPOSED}/kartu-kuis.jpg']")
    item.wait_for(timeout=WAIT)
    assert commits(repo)[0] == f"Rina Marlina|Tambah media kartu-kuis.jpg pada {PROPOSED}"
    picture = item.locator("img")
    picture.wait_for()
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert item.locator("[data-focus-info]").inner_text().startswith("Titik fokus: 25% dari kiri")
    page.click("[data-save-media]")
    page.locator("[data-media] .kal-ed-actions [data-review-message][data-kind='ok']").wait_for(
        timeout=WAIT)
    assert "focus: [0.25, 0.75]" in post_path(repo, PROPOSED).read_text(encoding="utf-8")

    # the caption, with the live counter of the same Python code as the build
    caption = page.locator("[data-review-editor] [name='caption']")
    counter = page.locator("[data-live] [data-platform='instagram'] [data-live-count='caption']")
    counter.wait_for(timeout=30_000)
    before = counter.inner_text()
    caption.fill(CAPTION)
    page.wait_for_function(
        "old => document.querySelector(\"[data-live] [data-platform='instagram'] "
        "[data-live-count='caption']\").textContent !== old", arg=before, timeout=30_000)
    client, csrf = login(review.rstrip("/"), "rina")
    asked = client.post("/api/preview", json={"id": PROPOSED, "fields": {"caption": CAPTION}},
                        headers={"Origin": review.rstrip("/"), "X-Kalender-CSRF": csrf}).json()
    expected = next(c for c in asked["previews"][0]["counts"] if c["kind"] == "caption")
    assert counter.inner_text() == f"{expected['label']}: {expected['shown']}"
    page.click("[data-review-editor] [data-save]")
    saved = page.locator("[data-save-box] [data-review-message][data-kind='ok']")
    saved.wait_for(timeout=WAIT)
    assert commits(repo)[0] == f"Rina Marlina|Ubah {PROPOSED}: caption"
    text = post_path(repo, PROPOSED).read_text(encoding="utf-8")
    assert "caption: |\n  Apa saja asas Pemilu di Indonesia?\n  Tulis jawabanmu" in text
    assert "## Catatan desain\nKartu oranye 4:5" in text  # what the edit did not touch stays

    # someone else saves meanwhile: the browser's next save is refused, their change shown
    bayu, bayu_csrf = login(review.rstrip("/"), "bayu")
    version = bayu.get(f"/api/posts/{PROPOSED}/source").json()["version"]
    other = bayu.post(f"/api/posts/{PROPOSED}/edit", json={
        "version": version, "fields": {"title": "Kuis Asas Pemilu Jujur dan Adil"}},
        headers={"Origin": review.rstrip("/"), "X-Kalender-CSRF": bayu_csrf})
    assert other.status_code == 200, other.text
    written = post_path(repo, PROPOSED).read_bytes()
    caption.fill(CAPTION + "\nSelamat menjawab!")
    page.click("[data-review-editor] [data-save]")
    refusal = page.locator("[data-save-box] [data-review-message][data-kind='error']")
    refusal.wait_for(timeout=30_000)
    assert "diubah oleh Bayu Pratama" in refusal.inner_text()
    assert "+ title: Kuis Asas Pemilu Jujur dan Adil" in page.locator(
        "[data-other-change]").inner_text()
    assert post_path(repo, PROPOSED).read_bytes() == written
    refused_in_console(watch, 409)
    assert commits(repo)[0] == f"Bayu Pratama|Ubah {PROPOSED}: title"

    # dragged to another day in the month view
    page.goto(f"{review}kalender/2026-12/")
    chip = page.locator(f".kal-month li[data-post='{PROPOSED}']")
    chip.wait_for(timeout=30_000)
    page.locator(".kal-ed-hint").wait_for(timeout=30_000)  # logged in: dragging is on
    chip.drag_to(page.locator(".kal-month li.kal-day[data-date='2026-12-29']"))
    page.locator(f".kal-month li.kal-day[data-date='2026-12-29'] li[data-post='{MOVED}']"
                 ).wait_for(timeout=WAIT)
    assert commits(repo)[0].startswith(f"Rina Marlina|Pindah jadwal {PROPOSED} ke 2026-12-29")
    assert not post_path(repo, MOVED).with_suffix("").joinpath("foto.jpg").exists()
    assert post_path(repo, MOVED).with_suffix("").joinpath("kartu-kuis.jpg").is_file()

    # submitted from its page
    page.goto(f"{review}pos/{MOVED}/")
    page.locator("[data-review-moves] button[data-action='submit']").click()
    page.wait_for_selector(".kal-post__head .kal-badge[data-status='diajukan']", timeout=WAIT)
    assert commits(repo)[0] == f"Rina Marlina|Persetujuan {MOVED}: mengajukan"

    steps = commits(repo)[:len(commits(repo)) - start]
    assert [s.split("|")[0] for s in steps] == [
        "Rina Marlina", "Rina Marlina", "Bayu Pratama", "Rina Marlina", "Rina Marlina",
        "Rina Marlina", "Hendra Gunawan, S.H", "Rina Marlina"]
    assert git(repo, "status", "--porcelain", "posts") == ""
    final = post_path(repo, MOVED).read_text(encoding="utf-8")
    assert edit_front_matter(final, {}) == final  # the file the browser wrote round-trips
    assert PostText.parse(final).values()["captions"] == {"x": "Kuis: apa saja asas Pemilu?"}


APPROVED = "2026-12-15-pengumuman-pkpu-4-2021"  # disetujui in the sample
DRAFT = "2026-12-31-kuis-akhir-tahun-asas-pemilu"  # draf, in week 2026-W53
DRAFT_JAN = "2027-01-01-kuis-akhir-tahun-asas-pemilu"  # the same, dragged to 1 January
READING = "2026-12-29-cara-membaca-peraturan"  # draf


def test_editing_an_approved_post_warns_first_and_its_history_shows_the_change(
        page: Any, review: str, repo: Path) -> None:
    page.goto(f"{review}pos/{APPROVED}/")
    log_in(page, "bayu")
    warning = page.locator("[data-review-editor] [data-void-warning]")
    caption = page.locator("[data-review-editor] [name='caption']")
    caption.wait_for(timeout=30_000)
    assert warning.is_hidden()
    page.fill("[data-review-editor] [name='notes']", "Catatan desain baru.")
    assert warning.is_hidden()  # the notes are not published: the approval stands
    caption.fill(caption.input_value().rstrip("\n") + "\nInfo lengkap di JDIH.")
    assert warning.is_visible()
    assert "disetujui" in warning.inner_text() and "tidak berlaku lagi" in warning.inner_text()
    save = page.locator("[data-review-editor] [data-save]")
    assert save.inner_text() == "Simpan (persetujuan tidak berlaku lagi)"
    before = post_path(repo, APPROVED).read_text(encoding="utf-8").splitlines()
    save.click()
    page.locator(".kal-approval__changed").wait_for(timeout=WAIT)  # the page says it, too
    assert commits(repo)[0] == f"Bayu Pratama|Ubah {APPROVED}: caption, notes"
    after = post_path(repo, APPROVED).read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
    assert changed[0] == "+   Info lengkap di JDIH."  # one line added to the caption block
    assert [line for line in changed if line.startswith("- ")] == []  # nothing else rewritten
    assert after[-2:] == ["## Catatan desain", "Catatan desain baru."]

    page.locator("[data-history] summary").click()
    versions = page.locator("[data-history] li[data-commit]")
    versions.first.wait_for(timeout=30_000)
    assert versions.count() == 2
    assert "Bayu Pratama" in versions.first.inner_text()
    page.click("[data-show-diff]")
    diff = page.locator("[data-diff] li[data-kind='added']")
    diff.first.wait_for(timeout=30_000)
    assert "+   Info lengkap di JDIH." in diff.all_inner_texts()


def test_a_post_is_dragged_to_another_day_of_the_week(page: Any, review: str,
                                                      repo: Path) -> None:
    page.goto(f"{review}minggu/2026-W53/")
    log_in(page, "rina")
    page.locator(".kal-ed-hint").wait_for(timeout=30_000)
    page.click("[data-add-on='2026-12-30']")  # the "+" of a day: a proposal for that day
    assert page.locator("form[data-new-proposal] [name='date']").input_value() == "2026-12-30"
    page.locator(f".kal-weekgrid li[data-post='{DRAFT}']").drag_to(
        page.locator(".kal-weekgrid li[data-date='2027-01-01']"))
    moved = DRAFT_JAN
    page.locator(f".kal-weekgrid li[data-date='2027-01-01'] li[data-post='{moved}']").wait_for(
        timeout=WAIT)
    assert "Dipindah ke 2027-01-01" in page.locator(
        ".kal-weekgrid li[data-date='2027-01-01'] [data-review-message]").inner_text()
    assert (repo / "posts" / "2027" / "01" / f"{moved}.md").is_file()
    assert commits(repo)[0].startswith(f"Rina Marlina|Pindah jadwal {DRAFT} ke 2027-01-01")


def test_media_are_reordered_by_dragging_and_saved_in_that_order(page: Any, review: str,
                                                                repo: Path) -> None:
    page.goto(f"{review}pos/{POST_ID}/")
    log_in(page, "rina")
    items = page.locator("[data-media-list] li[data-file]")
    items.first.wait_for(timeout=30_000)
    before = [items.nth(i).get_attribute("data-file") for i in range(items.count())]
    assert [f.rsplit("/", 1)[1] for f in before] == [
        "kartu-1.jpg", "kartu-2.jpg", "kartu-3.jpg", "kartu-4.jpg"]
    page.set_viewport_size({"width": 1366, "height": 1600})  # the whole list in view:
    page.locator("[data-media-list]").scroll_into_view_if_needed()  # no scroll mid-drag
    items.nth(2).drag_to(items.nth(0))
    items.nth(3).locator("[data-up]").click()
    after = [items.nth(i).get_attribute("data-file") for i in range(items.count())]
    assert after == [before[2], before[0], before[3], before[1]]
    page.click("[data-save-media]")
    page.locator("[data-media] .kal-ed-actions [data-review-message][data-kind='ok']").wait_for(
        timeout=WAIT)
    written = PostText.parse(post_path(repo, POST_ID).read_text(encoding="utf-8")).values()
    assert [m["file"] for m in written["media"]] == after
    assert commits(repo)[0] == (f"Rina Marlina|Atur media {POST_ID} (urutan, teks alternatif, "
                                "titik fokus)")


def test_a_picture_dropped_on_the_box_is_stored_once_it_has_alt_text(
        page: Any, review: str, repo: Path) -> None:
    page.goto(f"{review}pos/{READING}/")
    log_in(page, "rina")
    drop = page.locator("[data-drop]")
    drop.wait_for(timeout=30_000)
    picture = io.BytesIO()
    Image.new("RGB", (1080, 1080), (20, 90, 200)).save(picture, "PNG")
    dropping = """([bytes, name]) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: "image/png" }));
        const box = document.querySelector("[data-drop]");
        box.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true }));
        box.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true }));
    }"""
    count = len(commits(repo))
    page.evaluate(dropping, [list(picture.getvalue()), "Kartu Biru.png"])
    assert "teks alternatif" in drop.locator("[data-review-message]").inner_text().lower()
    assert len(commits(repo)) == count  # nothing stored
    page.fill("[data-upload-alt]", "Kartu biru bertuliskan Kuis Akhir Tahun")
    page.evaluate(dropping, [list(picture.getvalue()), "Kartu Biru.png"])
    page.locator(f"[data-media-list] li[data-file='{READING}/kartu-biru.png']").wait_for(
        timeout=WAIT)
    assert commits(repo)[0] == f"Rina Marlina|Tambah media kartu-biru.png pada {READING}"
    written = PostText.parse(post_path(repo, READING).read_text(encoding="utf-8")).values()
    assert written["media"][-1] == {"file": f"{READING}/kartu-biru.png",
                                    "alt": "Kartu biru bertuliskan Kuis Akhir Tahun"}
