"""``kalender monitor``: a roll-up over clones of the sample repository, read as a province
reads its offices (SOP F). The figures are checked against counts made here, independently,
from the files themselves; broken sources are listed and the rest still built; git URLs are
cloned into the cache and updated; a province's output is itself a source of KPU RI's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kalender.cli.main import _register_commands, cli

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-12-04"
AS_OF = dt.datetime(2026, 12, 4, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=7)))
START, END = dt.date(2026, 7, 1), dt.date(2026, 12, 31)
OFFICES = ("kpu-sambas", "kpu-bengkayang", "kpu-landak")


def clone_sample(folder: Path, name: str = "") -> Path:
    """A copy of the sample repository's calendar and posts (committed, so it is a repo)."""
    folder.mkdir(parents=True)
    for part in ("calendar", "posts"):
        shutil.copytree(ROOT / part, folder / part)
    if name:
        satker = folder / "calendar" / "satker.yml"
        text = satker.read_text(encoding="utf-8")
        text = text.replace("short_name: KPU Kota Singkawang", f"short_name: {name}")
        satker.write_text(text, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "sample")
    return folder


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c",
                           "user.email=t@example.invalid", *args], capture_output=True,
                          text=True, check=True)
    return done.stdout


def monitor(*args: str, root: Path | None = None) -> tuple[int, str, str]:
    _register_commands()
    result = CliRunner().invoke(cli, [*(["--root", str(root)] if root else []), "monitor",
                                      "--semester", "2026-2", "--today", TODAY, *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# -- independent counts ----------------------------------------------------------------------


def posts_in_period(repo: Path) -> list[Path]:
    found = []
    for path in (repo / "posts").rglob("*.md"):
        day = dt.date.fromisoformat(path.name[:10])
        if START <= day <= END:
            found.append(path)
    return found


def uploaded(path: Path) -> bool:
    """The post has a live link recorded (up to the roll-up's moment) on one of its platforms."""
    sidecar = path.with_name(path.name[:-3] + ".persetujuan.yml")
    if not sidecar.exists():
        return False
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    platforms = front["platforms"]
    platforms = set(platforms if isinstance(platforms, list) else platforms.keys())
    for item in yaml.safe_load(sidecar.read_text(encoding="utf-8")) or []:
        at = dt.datetime.fromisoformat(str(item["at"]))
        if item["action"] == "uploaded" and item["platform"] in platforms and at <= AS_OF:
            return True
    return False


class Table(HTMLParser):
    """The offices' table of ``index.html``: rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.heads: list[str] = []
        self._in: str | None = None
        self._where = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("thead", "tbody", "tfoot"):
            self._where = tag
        elif tag == "tr" and self._where == "tbody":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._in = tag
            if self._where == "tbody":
                self.rows[-1].append("")
            elif self._where == "thead":
                self.heads.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in = None
        if tag in ("thead", "tbody", "tfoot"):
            self._where = ""

    def handle_data(self, data: str) -> None:
        if self._in and self._where == "tbody":
            self.rows[-1][-1] += data
        elif self._in and self._where == "thead":
            self.heads[-1] += data


def table_of(page: Path) -> Table:
    parser = Table()
    parser.feed(page.read_text(encoding="utf-8").split('<table class="pantauan-urut"')[1]
                .split("</table>")[0].join(['<table class="pantauan-urut"', "</table>"]))
    return parser


# -- the tests -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("kantor")
    for name in OFFICES:
        clone_sample(base / name)
    return base


def test_three_clones_each_named_with_its_figures(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "rekap"
    code, stdout, _ = monitor(*(str(three / n) for n in OFFICES), "--out", str(out),
                              "--cache", str(tmp_path / "cache"))
    assert code == 0, stdout
    assert "3 kantor" in stdout
    planned = len(posts_in_period(three / OFFICES[0]))
    done = sum(1 for p in posts_in_period(three / OFFICES[0]) if uploaded(p))
    assert planned > done > 0  # the sample has both
    table = table_of(out / "index.html")
    assert table.heads[:4] == ["Kantor", "Direncanakan", "Diunggah", "% diunggah"]
    assert len(table.rows) == 3
    for row, name in zip(table.rows, OFFICES, strict=True):
        assert name in row[0]  # same satker in all three: the source's name tells them apart
        assert row[1] == str(planned) and row[2] == str(done)
    data = json.loads((out / "pantauan.json").read_text(encoding="utf-8"))
    assert [o["label"] for o in data["offices"]] == list(OFFICES)
    assert data["totals"]["planned"] == 3 * planned
    assert data["totals"]["uploaded"] == 3 * done
    sambas = data["offices"][0]["figures"]
    by_type: dict[str, int] = {}
    for path in posts_in_period(three / OFFICES[0]):
        kind = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["type"]
        by_type[kind] = by_type.get(kind, 0) + 1
    assert {k: v[0] for k, v in sambas["by_type"].items() if v[0]} == by_type
    assert sum(sum(w["planned"].values()) for w in sambas["weeks"]) == planned
    office_page = (out / "kantor" / f"{data['offices'][0]['key']}.html").read_text("utf-8")
    assert 'href="http://kalender-jdih.kpu-singkawang.local/"' in office_page
    assert "belum ada data" in office_page  # no conversation files in the sample
    assert (out / "assets" / "kalender.css").is_file()
    assert "http" not in (out / "index.html").read_text("utf-8").replace(
        "http://kalender-jdih", "")  # no request leaves the folder


def test_meetings_and_unapproved_uploads_counted(three: Path, tmp_path: Path) -> None:
    office = tmp_path / "kpu-mempawah"
    shutil.copytree(three / OFFICES[0], office)
    minutes = office / "calendar" / "rapat"
    minutes.mkdir()
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        (minutes / f"{week}.md").write_text(f"# Rapat {week}\n", encoding="utf-8")
    post = sorted(posts_in_period(office))[0]
    sidecar = post.with_name(post.name[:-3] + ".persetujuan.yml")
    sidecar.write_text(  # an upload with no paraf and no approval before it
        "- action: submit\n  by: staf1\n  role: staf\n  at: 2026-11-01T09:00:00+07:00\n"
        f"  fingerprint: {'0' * 64}\n"
        "- action: uploaded\n  by: staf1\n  role: staf\n  at: 2026-11-02T09:00:00+07:00\n"
        f"  fingerprint: {'0' * 64}\n  platform: instagram\n  url: \"https://www.instagram.com/p/x\"\n",
        encoding="utf-8")
    text = post.read_text(encoding="utf-8")
    if "instagram" not in text.split("---")[1]:
        pytest.skip("first sample post is not on Instagram")
    out = tmp_path / "rekap"
    code, stdout, _ = monitor(str(office), "--out", str(out), "--cache", str(tmp_path / "c"))
    assert code == 0, stdout
    figures = json.loads((out / "pantauan.json").read_text("utf-8"))["offices"][0]["figures"]
    assert figures["meetings_held"] == 3
    assert figures["meeting_weeks"] == len(
        {(START + dt.timedelta(days=i)).isocalendar()[:2] for i in range((dt.date(2026, 12, 4)
                                                                           - START).days + 1)
         if (START + dt.timedelta(days=i)).weekday() == 0})
    assert [n["post"] for n in figures["unapproved"]] == [post.stem]
    page = (out / "index.html").read_text("utf-8")
    assert "1 pos diunggah tanpa rantai persetujuan lengkap" in page
    assert post.stem in page or post.name in page or "persetujuan lengkap" in page


def test_broken_sources_listed_and_the_rest_built(three: Path, tmp_path: Path) -> None:
    broken_posts = tmp_path / "kpu-rusak"
    shutil.copytree(three / OFFICES[0], broken_posts)
    bad = broken_posts / "posts" / "2026" / "12" / "2026-12-20-rusak.md"
    bad.write_text("---\ntitle: [tidak ditutup\n---\n", encoding="utf-8")
    not_calendar = tmp_path / "bukan-kalender"
    not_calendar.mkdir()
    out = tmp_path / "rekap"
    code, stdout, stderr = monitor(str(three / OFFICES[1]), str(tmp_path / "tidak-ada"),
                                   str(not_calendar), "file:///tidak/ada/repo.git",
                                   str(broken_posts), "--out", str(out),
                                   "--cache", str(tmp_path / "cache"))
    assert code == 0
    page = (out / "index.html").read_text("utf-8")
    assert "folder " + str(tmp_path / "tidak-ada") + " tidak ada" in page
    assert "bukan repositori kalender" in page and "calendar/satker.yml" in page
    assert "URL file:///tidak/ada/repo.git tidak dapat diambil" in page
    assert "1 berkas pos tidak terbaca" in page and "2026-12-20-rusak.md" in page
    assert len(table_of(out / "index.html").rows) == 2  # the good office and the broken posts'
    assert "sumber bermasalah: tidak-ada" in stderr


def test_no_readable_source_fails_in_english(tmp_path: Path) -> None:
    _register_commands()
    result = CliRunner().invoke(cli, ["--lang", "en", "monitor", str(tmp_path / "none"),
                                      "--out", str(tmp_path / "o"), "--cache",
                                      str(tmp_path / "c"), "--semester", "2026-2"])
    assert result.exit_code == 1
    assert "None of the 1 sources could be read" in result.stderr
    assert "does not exist" in (tmp_path / "o" / "index.html").read_text("utf-8")


def test_git_urls_cloned_once_then_fetched_and_cache_rereads_one(three: Path,
                                                                 tmp_path: Path) -> None:
    bare = {}
    for name in OFFICES:
        bare[name] = tmp_path / "remote" / f"{name}.git"
        subprocess.run(["git", "clone", "-q", "--bare", str(three / name), str(bare[name])],
                       check=True)
    urls = [f"file://{bare[n]}" for n in OFFICES]
    cache, out = tmp_path / "cache", tmp_path / "rekap"
    code, stdout, _ = monitor(*urls, "--out", str(out), "--cache", str(cache))
    assert code == 0 and "3 dibaca ulang" in stdout
    clones = sorted((cache / "sumber").iterdir())
    assert len(clones) == 3
    assert git(clones[0], "rev-parse", "--is-shallow-repository").strip() == "true"
    code, stdout, _ = monitor(*urls, "--out", str(out), "--cache", str(cache))
    assert "0 dibaca ulang" in stdout
    # one office adds a post upstream: only that office is read again
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(bare[OFFICES[1]]), str(work)], check=True)
    new = work / "posts" / "2026" / "12" / "2026-12-30-tambahan.md"
    new.write_text("---\ntitle: Kuis akhir tahun\ndate: 2026-12-30\ncategory: rutin\n"
                   "type: non-edukasi\nstatus: usulan\nplatforms: [instagram]\n---\n",
                   encoding="utf-8")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "kuis")
    git(work, "push", "-q", "origin", "HEAD")
    code, stdout, _ = monitor(*urls, "--out", str(out), "--cache", str(cache))
    assert code == 0 and "1 dibaca ulang" in stdout
    assert sorted((cache / "sumber").iterdir()) == clones  # updated in place, not cloned again
    data = json.loads((out / "pantauan.json").read_text("utf-8"))
    planned = [o["figures"]["planned"] for o in data["offices"]]
    assert planned[1] == planned[0] + 1 == planned[2] + 1


def test_three_levels_nest(three: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    province = tmp_path / "kalbar"
    code, _, _ = monitor(str(three / OFFICES[0]), str(three / OFFICES[1]), "--out",
                         str(province), "--cache", str(cache), "--title", "KPU Kalbar")
    assert code == 0
    other = tmp_path / "kaltim"
    code, _, _ = monitor(str(three / OFFICES[2]), str(tmp_path / "hilang"), "--out", str(other),
                         "--cache", str(cache), "--title", "KPU Kaltim")
    assert code == 0
    national = tmp_path / "ri"
    config = tmp_path / "ri-repo" / "calendar" / "pantauan.yml"
    config.parent.mkdir(parents=True)
    config.write_text("judul: Pantauan KPU RI\nkantor:\n  - sumber: ../kalbar\n"
                      "    nama: Kalimantan Barat\n  - sumber: ../kaltim\n", encoding="utf-8")
    code, stdout, _ = monitor("--out", str(national), "--cache", str(cache),
                              root=tmp_path / "ri-repo")
    assert code == 0, stdout
    data = json.loads((national / "pantauan.json").read_text("utf-8"))
    planned = len(posts_in_period(three / OFFICES[0]))
    assert data["title"] == "Pantauan KPU RI"
    assert data["totals"]["planned"] == 3 * planned
    assert [o["group"] for o in data["offices"]] == [["Kalimantan Barat"]] * 2 + [["KPU Kaltim"]]
    assert [b["group"] for b in data["broken"]] == [["KPU Kaltim"]]
    rows = table_of(national / "index.html").rows
    assert [r[0] for r in rows] == ["Kalimantan Barat2 kantor", "KPU Kaltim1 kantor"]
    assert rows[0][1] == str(2 * planned) and rows[1][1] == str(planned)
    group_page = national / "wilayah" / "kalimantan-barat.html"
    assert len(table_of(group_page).rows) == 2
    assert re.search(r"hilang", (national / "index.html").read_text("utf-8"))


def test_config_file_errors_name_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "calendar" / "pantauan.yml"
    config.parent.mkdir()
    config.write_text("judul: X\nkantor:\n  - nama: tanpa sumber\n", encoding="utf-8")
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "monitor", "--out",
                                      str(tmp_path / "o"), "--semester", "2026-2"])
    assert result.exit_code == 1
    assert "pantauan.yml" in result.stderr and "baris 3" in result.stderr


def test_province_evaluates_an_office_in_its_roll_up(three: Path, tmp_path: Path) -> None:
    province = tmp_path / "kalbar"
    for part in ("calendar",):
        shutil.copytree(ROOT / part, province / part)
    (province / "posts").mkdir()
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(province), "evaluate", "--semester",
                                      "2026-2", "--as", "ahmad", "--office", "singkawang",
                                      "--finding", "Notulen rapat belum pernah ada",
                                      "--follow-up", "Mulai notulen mingguan", "--owner",
                                      "Kasubbag Hukum KPU Sambas", "--due", "2027-01-31"])
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "rekap"
    code, _, _ = monitor(str(three / OFFICES[0]), "--out", str(out), "--cache",
                         str(tmp_path / "c"), root=province)
    assert code == 0
    page = (out / "kantor" / "singkawang.html").read_text("utf-8")
    assert "1. Notulen rapat belum pernah ada" in page
    assert "Mulai notulen mingguan" in page and "Kasubbag Hukum KPU Sambas" in page
