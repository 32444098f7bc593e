"""Incremental builds: after any edit, the site a second build leaves behind is byte for
byte the site a build from nothing makes, and a build with nothing changed rewrites no page.

Each scenario edits a scratch copy of the sample the way the team does (a caption, an
approval, a deleted or a new post, the calendar data, another day), builds it again in the
same output folder, then builds it from nothing into a second folder and compares every file.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from samplecopy import sample_copy
from samplekeys import DEMO_PASSPHRASE, KEY_FOLDER

ROOT = Path(__file__).resolve().parent.parent
KALENDER = [sys.executable, "-m", "kalender"]
TODAY = "2026-12-02"
# mkdocs stamps sitemap.xml.gz with the build's date: fixed (mkdocs reads SOURCE_DATE_EPOCH),
# so two builds either side of midnight UTC compare equal.
BUILD_DATE = {"SOURCE_DATE_EPOCH": "1796090400"}  # 2026-12-01 02:00 UTC
CAPTION_POST = "2026-12-03-hak-pilih-penyandang-disabilitas"  # this week: cards, meeting
DRAFT_POST = "2026-12-29-cara-membaca-peraturan"  # a draft, with no approval records
APPROVED_POST = "2026-12-15-pengumuman-pkpu-4-2021"  # approved, not yet uploaded
OTHER_DRAFTS = ("2026-12-30-pengumuman-pkpu-14-2020", "2027-01-06-abstrak-pkpu-8-2019-rapat-pleno")
MOVED_DRAFT = ("2026-12-31-kuis-akhir-tahun-asas-pemilu", "2026-12-22")  # to the week before


def run(root: Path, *args: str, secret: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KALENDER_NOW="2026-12-01T09:00", KALENDER_KEYS=str(KEY_FOLDER),
               **BUILD_DATE)
    return subprocess.run([*KALENDER, "--root", str(root), *args], capture_output=True,
                          text=True, cwd=root, timeout=600, env=env, input=secret)


def build(root: Path, out: Path, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    result = run(root, "build", "--today", today, "--site-dir", str(out), "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def differing(one: Path, other: Path) -> list[str]:
    """The files that are not the same in both sites (missing on one side included)."""
    left, right = files_of(one), files_of(other)
    odd = sorted(left ^ right)
    odd += [name for name in sorted(left & right)
            if not filecmp.cmp(one / name, other / name, shallow=False)]
    return odd


def built_and_copied(tmp_path: Path) -> tuple[Path, Path]:
    """The sample built into its ``site/``, and a copy of it without its cache and site (for a
    second build with some mechanism turned off, compared with :func:`differing`)."""
    built = sample_copy(tmp_path)
    build(built, built / "site")
    copy = tmp_path / "plain"
    shutil.copytree(built, copy, ignore=shutil.ignore_patterns(".cache", "site"))
    return built, copy


def from_nothing(root: Path, tmp_path: Path, today: str) -> Path:
    """The site built from a copy of ``root`` without its cache (no digests, no rule
    findings, no pictures, no templates kept by earlier builds)."""
    fresh = tmp_path / "fresh"
    shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".cache", "site"))
    build(fresh, tmp_path / "clean", today)
    return tmp_path / "clean"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of the whole sample repository, built once into ``site/``."""
    root = sample_copy(tmp_path_factory.mktemp("incremental"))
    build(root, root / "site")
    return root


def post_file(root: Path, post_id: str) -> Path:
    return next((root / "posts").rglob(f"{post_id}.md"))


def add_caption_line(root: Path, post_id: str, line: str, status: str | None = None) -> None:
    """``line`` put first in the caption of ``post_id`` (whose status must be ``status``)."""
    path = post_file(root, post_id)
    text = path.read_text(encoding="utf-8")
    assert "\ncaption: |\n" in text
    assert status is None or f"\nstatus: {status}\n" in text
    path.write_text(text.replace("\ncaption: |\n", f"\ncaption: |\n  {line}\n", 1),
                    encoding="utf-8")


def edit_caption(root: Path) -> None:
    add_caption_line(root, CAPTION_POST, "Diubah untuk uji bertahap.")


def edit_a_draft_caption(root: Path) -> None:
    """A draft's caption: the half-year's report, which never shows a caption and counts
    the draft the same, is taken from the cache (report.keptreport.counted_post)."""
    add_caption_line(root, DRAFT_POST, "Draf diubah untuk uji.", status="draf")


def edit_an_approved_caption(root: Path) -> None:
    """An approved post's caption: its content no longer matches its approval, so it
    leaves "approved" (Menunggu, the report and its meeting show the change)."""
    add_caption_line(root, APPROVED_POST, "Disetujui lalu diubah.", status="disetujui")


def edit_two_drafts(root: Path) -> None:
    """Two drafts' captions at once, in two months (two weeks, two post pages)."""
    for number, post_id in enumerate(OTHER_DRAFTS):
        add_caption_line(root, post_id, f"Dua draf {number}.", status="draf")


def move_a_draft(root: Path) -> None:
    """A draft moved to the week before: its file takes the new day's name (the post's id
    changes with it), its date line the new day."""
    post_id, day = MOVED_DRAFT
    path = post_file(root, post_id)
    text = path.read_text(encoding="utf-8")
    old_day = post_id[:10]
    assert f"\ndate: {old_day}" in text
    moved = path.with_name(day + path.name[10:])
    moved.write_text(text.replace(f"\ndate: {old_day}", f"\ndate: {day}", 1), encoding="utf-8")
    path.unlink()


def drop_the_source(root: Path) -> None:
    """An educational post without its source: a rule finding appears on its page."""
    path = post_file(root, CAPTION_POST)
    text = path.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith("source:")]
    assert len(kept) < len(text.splitlines())
    path.write_text("".join(kept), encoding="utf-8")


def replace_a_picture(root: Path) -> None:
    """Another picture saved over the first card of the post (same name)."""
    folder = post_file(root, CAPTION_POST).parent / CAPTION_POST
    (folder / "kartu-1.jpg").write_bytes((folder / "kartu-2.jpg").read_bytes())


def submit_a_draft(root: Path) -> None:
    drafts = [p for p in (root / "posts").rglob("*.md") if "\nstatus: draf" in p.read_text("utf-8")]
    assert drafts
    result = run(root, "submit", drafts[0].stem, "--by", "rina", "--password-stdin",
                 secret=DEMO_PASSPHRASE + "\n")  # the sample is signed: so is the move
    assert result.returncode == 0, result.stdout + result.stderr


def delete_a_post(root: Path) -> None:
    path = post_file(root, CAPTION_POST)
    path.unlink()
    sidecar = path.with_name(f"{path.stem}.persetujuan.yml")
    if sidecar.exists():
        sidecar.unlink()


def add_a_post(root: Path) -> None:
    path = root / "posts" / "2026" / "12" / "2026-12-10-pos-baru.md"
    path.write_text(
        "---\ntitle: Pos baru uji bertahap\ndate: 2026-12-10 09:00\ncategory: rutin\n"
        "type: edukasi-kepemiluan\nstatus: draf\nplatforms:\n  x: post\n"
        "caption: Mengenal daftar pemilih tetap. #JDIHKPU #KPUSingkawang\n"
        "source: \"Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum, Pasal 5\"\n"
        "---\nIsi.\n", encoding="utf-8")


def edit_calendar(root: Path) -> None:
    path = root / "calendar" / "tim.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# catatan tim\n", encoding="utf-8")


def import_comments(root: Path) -> None:
    """Comments on an uploaded post: its page, the inbox and the listening page change."""
    inputs = ROOT / "tests" / "inputs" / "percakapan"
    result = run(root, "conversations", "import", str(inputs / "youtube-commentThreads.json"),
                 str(inputs / "facebook-comments.json"))
    assert result.returncode == 0, result.stdout + result.stderr


def remove_drawn_reports(root: Path) -> None:
    """The report charts and PDFs gone from the cache: the report, kept on disk only as its
    page and charts' key (report.keptreport), is made again to draw them."""
    drawn = [p for p in (root / ".cache" / "laporan").iterdir() if p.is_dir()]
    assert drawn
    for folder in drawn:
        shutil.rmtree(folder)


SCENARIOS: list[tuple[str, Callable[[Path], None], str]] = [
    ("caption", edit_caption, TODAY),
    ("draft-caption", edit_a_draft_caption, TODAY),
    ("approved-caption", edit_an_approved_caption, TODAY),
    ("two-drafts", edit_two_drafts, TODAY),
    ("moved-week", move_a_draft, TODAY),
    ("finding", drop_the_source, TODAY),
    ("picture", replace_a_picture, TODAY),
    ("approval", submit_a_draft, TODAY),
    ("deleted", delete_a_post, TODAY),
    ("added", add_a_post, TODAY),
    ("calendar", edit_calendar, TODAY),
    ("conversation", import_comments, TODAY),
    ("charts-gone", remove_drawn_reports, TODAY),
    ("next-day", lambda root: None, "2026-12-03"),
    ("next-week", lambda root: None, "2026-12-08"),
    ("new-half-year", lambda root: None, "2027-01-05"),
    ("back-to-today", lambda root: None, TODAY),
]


@pytest.mark.parametrize(("name", "edit", "today"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_a_second_build_equals_a_build_from_nothing(sample: Path, tmp_path: Path, name: str,
                                                      edit: Callable[[Path], None],
                                                      today: str) -> None:
    edit(sample)
    build(sample, sample / "site", today)
    assert differing(sample / "site", from_nothing(sample, tmp_path, today)) == []


def test_nothing_changed_rewrites_no_page(sample: Path) -> None:
    build(sample, sample / "site")  # whatever the scenarios left: now settled
    site = sample / "site"
    before = {name: (site / name).stat().st_mtime_ns for name in files_of(site)
              if name.endswith(".html")}
    kept = sample / ".cache" / "kalender"
    stores = {p.name: p.stat().st_mtime_ns for p in kept.glob("*.*") if p.is_file()}
    result = build(sample, site)
    after = {name: (site / name).stat().st_mtime_ns for name in files_of(site)
             if name.endswith(".html")}
    assert len(before) > 50
    rewritten = sorted(n for n in before if after.get(n) != before[n])
    # Material's own templates (404 page) are rendered by mkdocs at every build
    assert rewritten == ["404.html"]
    assert "Situs kalender dibangun di" in result.stdout
    # the manifest, the digests and the rule findings are not written again either
    assert {"digests.json", "findings.pickle"} <= set(stores)
    assert any(name.startswith("site-") for name in stores)
    assert {p.name: p.stat().st_mtime_ns for p in kept.glob("*.*") if p.is_file()} == stores


def test_clean_builds_every_page_again_from_an_empty_folder(sample: Path) -> None:
    site = sample / "site"
    build(sample, site)
    stray = site / "catatan-lama.html"
    stray.write_text("dari pembangunan lama", encoding="utf-8")
    page = site / "daftar" / "index.html"
    before = page.stat().st_mtime_ns
    build(sample, site)  # only what changed: nothing, so the page and the stray stay
    assert stray.exists() and page.stat().st_mtime_ns == before
    result = run(sample, "build", "--today", TODAY, "--site-dir", str(site), "--clean")
    assert result.returncode == 0, result.stderr
    assert not stray.exists()
    assert page.stat().st_mtime_ns != before
    assert "Daftar pos" in page.read_text(encoding="utf-8")


def test_a_clean_build_writes_the_feed_of_the_posts_as_they_are(sample: Path,
                                                                tmp_path: Path) -> None:
    """``--clean`` empties the site folder; the feed (copied from the cache while its posts
    are the same) is still the feed a build from nothing writes, before and after an edit."""
    site = sample / "site"

    def clean() -> bytes:
        result = run(sample, "build", "--today", TODAY, "--site-dir", str(site), "--clean")
        assert result.returncode == 0, result.stderr
        return (site / "kalender.ics").read_bytes()

    build(sample, site)
    feed = (site / "kalender.ics").read_bytes()
    assert clean() == feed
    # a post the feed lists (the scenarios above may have deleted CAPTION_POST)
    path, text, title = next(
        (p, text, line[len("title: "):]) for p in sorted((sample / "posts").rglob("*.md"))
        for text in [p.read_text(encoding="utf-8")] for line in text.splitlines()
        if line.startswith("title: ") and f"SUMMARY:{line[len('title: '):]}".encode() in feed)
    path.write_text(text.replace(f"\ntitle: {title}", f"\ntitle: Baru {title}", 1),
                    encoding="utf-8")
    try:
        edited = clean()
        assert f"SUMMARY:Baru {title}".encode() in edited.replace(b"\r\n ", b"")
        assert edited == (from_nothing(sample, tmp_path, TODAY) / "kalender.ics").read_bytes()
    finally:
        path.write_text(text, encoding="utf-8")
    assert clean() == feed


def test_a_clean_build_indexes_the_pages_as_a_build_from_nothing(sample: Path,
                                                                 tmp_path: Path) -> None:
    """``--clean`` renders every page again but takes the search entries of a page whose
    inputs did not change from the last build: the index is still the one a build from
    nothing writes, and a post edited since is indexed with its new title."""
    site, index = sample / "site", Path("search") / "search_index.json"

    def clean() -> str:
        result = run(sample, "build", "--today", TODAY, "--site-dir", str(site), "--clean")
        assert result.returncode == 0, result.stderr
        return (site / index).read_text(encoding="utf-8")

    build(sample, site)
    whole = clean()
    assert whole == (from_nothing(sample, tmp_path, TODAY) / index).read_text("utf-8")
    path, text, title = next(
        (p, text, line[len("title: "):]) for p in sorted((sample / "posts").rglob("*.md"))
        for text in [p.read_text(encoding="utf-8")] for line in text.splitlines()
        if line.startswith("title: ") and line[len("title: "):] in whole
        and line[len("title: "):].replace(" ", "").isalnum())  # plain YAML, not quoted
    path.write_text(text.replace(f"\ntitle: {title}", f"\ntitle: Zamrud {title}", 1),
                    encoding="utf-8")
    try:
        edited = clean()
        assert f"Zamrud {title}" in edited
        assert edited == (from_nothing(sample, tmp_path / "edited", TODAY) / index).read_text(
            "utf-8")
    finally:
        path.write_text(text, encoding="utf-8")
    assert clean() == whole


def rewritten_pages(site: Path, before: dict[str, int]) -> list[str]:
    return sorted(name for name, stamp in before.items()
                  if (site / name).stat().st_mtime_ns != stamp)


def test_a_new_day_renders_only_the_pages_that_show_today(sample: Path) -> None:
    site = sample / "site"
    # Friday, then Saturday of the same week: no approval record of the sample is made on
    # Saturday, so the report's numbers (and charts) stay; its date line changes
    build(sample, site, "2026-12-04")
    before = {name: (site / name).stat().st_mtime_ns for name in files_of(site)
              if name.endswith((".html", ".png", ".pdf"))}
    posts = {name: (site / name).read_bytes() for name in before if name.startswith("pos/")}
    feed = (site / "kalender.ics").stat().st_mtime_ns
    build(sample, site, "2026-12-05")
    # the feed is stamped with the week's Monday: not written again within the week
    assert (site / "kalender.ics").stat().st_mtime_ns == feed
    assert b"DTSTAMP:20261130T000000Z" in (site / "kalender.ics").read_bytes()
    rewritten = rewritten_pages(site, before)
    assert len(posts) > 20
    # a post page is written again only when what it shows changed (nothing says "today"
    # on it), and most stay as they were
    again = [name for name in rewritten if name in posts]
    assert [name for name in again if (site / name).read_bytes() == posts[name]] == []
    assert len(again) < len(posts) / 2
    # and only a post with a comment waiting for an answer, whose age in days it shows
    assert [name for name in again
            if 'class="kal-conv__age"' not in (site / name).read_text(encoding="utf-8")] == []
    assert not [name for name in rewritten if name.endswith(".png")]  # charts: same numbers
    assert "index.html" in rewritten  # "Hari ini: Sabtu, 5 Desember 2026"
    assert "minggu/2026-W49/index.html" in rewritten  # the day marked today moved
    assert "minggu/2026-W48/index.html" not in rewritten
    assert "bulan/2026-11/index.html" not in rewritten
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "5 Desember 2026" in home
    # the site's report is as of last week's end: the same on both days, its PDF not
    # written again (no child process)
    assert not [name for name in rewritten if name.startswith("laporan/")]
    kept = sample / ".cache" / "laporan"
    assert len(list(kept.glob("2026-2-pdf-*"))) == 1
    assert len(list(kept.glob("2026-2-grafik-*"))) == 1
    # this week's and next week's meetings follow today; a later one does not
    assert {"rapat/index.html", "rapat/2026-W49/index.html",
            "rapat/2026-W50/index.html"} <= set(rewritten)
    assert "rapat/2026-W51/index.html" in before
    assert "rapat/2026-W51/index.html" not in rewritten
    later = (site / "rapat/2026-W51/index.html").read_text(encoding="utf-8")
    assert 'data-part="waiting"' not in later and 'data-part="coming"' not in later
    assert 'data-part="returned"' not in later  # today's returns are not that week's
    assert "antrean persetujuan, pos yang dikembalikan dan hari penting mendatang ada di" in later
    current = (site / "rapat/index.html").read_text(encoding="utf-8")
    assert 'data-part="waiting"' in current and "Keadaan per Sabtu, 5 Desember 2026" in current
    assert 'data-part="returned"' in current


def test_a_new_process_checks_again_only_the_edited_post(sample: Path) -> None:
    build(sample, sample / "site")
    posts = sorted((sample / "posts").rglob("*.md"))
    path = next(p for p in posts if "\ncaption: |\n" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")  # the scenarios may have deleted CAPTION_POST
    path.write_text(text.replace("caption: |\n", "caption: |\n  Diubah sekali lagi.\n", 1),
                    encoding="utf-8")
    # mkdocs itself, verbose: the plugin's log says how many posts the rules checked
    env = dict(os.environ, KALENDER_NOW="2026-12-01T09:00", KALENDER_TODAY=TODAY, **BUILD_DATE)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-v", "-d",
                             str(sample / "site-mkdocs")], capture_output=True, text=True,
                            cwd=sample, timeout=600, env=env)
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert f"Aturan diperiksa untuk 1 dari {len(posts)} pos" in log
    # the calendar's view of the other posts comes from the cache (views.pickle)
    assert f"Tampilan kalender disusun untuk 1 dari {len(posts)} pos" in log


def test_a_new_code_version_keeps_no_post_from_the_old_one(sample: Path, tmp_path: Path) -> None:
    """The per-post caches (posts read, findings, previews, pictures' measures) are kept
    inside the stamp of the code: a changed module reads and checks every post again, and
    the site stays the one a build from nothing makes."""
    code = tmp_path / "code"
    shutil.copytree(ROOT / "scripts" / "kalender", code / "kalender",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, PYTHONPATH=str(code), KALENDER_NOW="2026-12-01T09:00",
               KALENDER_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", **BUILD_DATE)
    # mkdocs itself (its log says what the plugin read), dirty like kalender build; not
    # strict, since mkdocs warns about every dirty build: any other warning fails the test
    verbose = [sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict", "-v", "-d",
               str(sample / "site")]

    def build_with_code() -> str:
        result = subprocess.run(verbose, capture_output=True, text=True, cwd=sample,
                                timeout=600, env=env)
        assert result.returncode == 0, result.stderr
        log = result.stdout + result.stderr
        warnings = [line for line in log.splitlines() if line.startswith("WARNING")]
        assert [line for line in warnings if "'dirty' build" not in line] == []
        return log

    build_with_code()
    posts = len(list((sample / "posts").rglob("*.md")))
    module = code / "kalender" / "site" / "previews.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# versi baru\n", encoding="utf-8")
    log = build_with_code()
    assert f"{posts} dari {posts} berkas pos dibaca" in log
    assert f"Aturan diperiksa untuk {posts} dari {posts} pos" in log
    assert f"Pratinjau disusun untuk {posts} dari {posts} pos" in log
    assert differing(sample / "site", from_nothing(sample, tmp_path, TODAY)) == []


def test_an_edited_forbidden_list_checks_the_posts_again(sample: Path, tmp_path: Path) -> None:
    """The content lists are kept compiled in the cache (``lists.pickle``): a phrase added
    to a list shows on the page of a post that uses it, in a new process, and the site is
    the one a build from nothing makes."""
    path = sample / "posts" / "2026" / "12" / "2026-12-11-uji-daftar.md"
    path.write_text(
        "---\ntitle: Uji daftar terlarang\ndate: 2026-12-11 09:00\ncategory: rutin\n"
        "type: edukasi-kepemiluan\nstatus: draf\nplatforms:\n  x: post\n"
        "caption: Cara memeriksa nama di daftar sementara. #JDIHKPU #KPUSingkawang\n"
        "source: \"Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum, Pasal 5\"\n"
        "---\nIsi.\n", encoding="utf-8")
    build(sample, sample / "site")
    page = sample / "site" / "pos" / "2026-12-11-uji-daftar" / "index.html"
    label = "Data pribadi yang disebarkan atau diminta"
    assert label not in page.read_text(encoding="utf-8")
    assert (sample / ".cache" / "kalender" / "lists.pickle").is_file()
    listed = sample / "calendar" / "terlarang" / "data-pribadi.yml"
    listed.write_text(listed.read_text(encoding="utf-8") + "  - {text: daftar sementara, "
                      "dasar: UU 27/2022 Pasal 65 ayat (2), severity: warning}\n",
                      encoding="utf-8")
    build(sample, sample / "site")
    assert label in page.read_text(encoding="utf-8")
    assert differing(sample / "site", from_nothing(sample, tmp_path, TODAY)) == []
