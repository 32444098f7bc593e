"""``kalender new``: the file it writes, what it refuses, and that the result loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kalender.cli.main import _register_commands, cli
from kalender.core.loader import load_project
from kalender.core.new_post import parse_platforms, slugify

OPTIONS = ["--date", "2026-12-09", "--time", "08:00", "--title", "Hari Antikorupsi Sedunia",
           "--category", "sewaktu-waktu", "--type", "hari-penting"]


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def new(runner: CliRunner, repo: Path, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(cli, ["--root", str(repo), "new", *args], input=stdin)


def post_files(repo: Path) -> list[Path]:
    return sorted((repo / "posts").rglob("*.md"))


def test_writes_the_file_with_the_right_name_and_folder(runner: CliRunner, repo: Path) -> None:
    result = new(runner, repo, *OPTIONS, "--platform", "instagram:reel", "--platform", "x")
    assert result.exit_code == 0, result.output
    path = repo / "posts/2026/12/2026-12-09-hari-antikorupsi-sedunia.md"
    assert post_files(repo) == [path]
    assert result.output.splitlines()[0] == (
        "Pos baru ditulis: posts/2026/12/2026-12-09-hari-antikorupsi-sedunia.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Hari Antikorupsi Sedunia"\ndate: 2026-12-09 08:00\n'
                           "category: sewaktu-waktu\ntype: hari-penting\nstatus: usulan\n"
                           "platforms:\n  instagram: reel\n  x: post\n")
    assert "# caption: |\n#   Tulis keterangan di sini.\n" in text
    assert "hashtags: [JDIHKPU, KPUSingkawang]\n" in text
    assert "\n## Ringkasan\n" in text and "\n## Sumber\n" in text
    assert "\n## Catatan desain\n" in text


def test_written_file_loads_without_problems(runner: CliRunner, repo: Path) -> None:
    result = new(runner, repo, *OPTIONS, "--platform", "instagram", "--platform", "tiktok:photo")
    assert result.exit_code == 0, result.output
    project = load_project(repo)
    assert list(project.report) == []
    [post] = project.posts
    assert post.id == "2026-12-09-hari-antikorupsi-sedunia"
    assert post.status.value == "usulan"
    assert [(t.platform, t.format) for t in post.targets] == [("instagram", "feed"),
                                                             ("tiktok", "photo")]
    assert post.when.isoformat() == "2026-12-09T08:00:00+07:00"
    assert post.hashtags == ("JDIHKPU", "KPUSingkawang")


def test_date_without_time_means_time_not_fixed(runner: CliRunner, repo: Path) -> None:
    args = ["--date", "2027-01-05", "--title", "Kuis", "--category", "rutin",
            "--type", "non-edukasi", "--platform", "facebook"]
    result = new(runner, repo, *args)
    assert result.exit_code == 0, result.output
    [post] = load_project(repo).posts
    assert post.time_fixed is False
    assert "date: 2027-01-05\n" in post.path.read_text(encoding="utf-8")


def test_pengumuman_gets_a_legal_product_placeholder(runner: CliRunner, repo: Path) -> None:
    args = ["--date", "2026-12-15", "--time", "10:00", "--title", "Pengumuman PKPU 4/2021",
            "--category", "sewaktu-waktu", "--type", "pengumuman", "--platform", "x"]
    result = new(runner, repo, *args)
    assert result.exit_code == 0, result.output
    text = (repo / "posts/2026/12/2026-12-15-pengumuman-pkpu-4-2021.md").read_text("utf-8")
    assert "# legal_product:\n#   jenis: Peraturan KPU\n" in text
    assert "#   url: https://jdih.kpu.go.id/kalbar/singkawang\n" in text


@pytest.mark.parametrize(("category", "post_type", "message"), [
    ("rutin", "pengumuman",
     "  galat: 'type': jenis 'pengumuman' bukan bagian kategori 'rutin'; jenis kategori itu: "
     "edukasi-kepemiluan, edukasi-non-kepemiluan, non-edukasi.\n"),
    ("sewaktu-waktu", "non-edukasi",
     "  galat: 'type': jenis 'non-edukasi' bukan bagian kategori 'sewaktu-waktu'; jenis kategori "
     "itu: pengumuman, berita-kegiatan, materi-penyuluhan, hari-penting.\n"),
    ("rutinn", "non-edukasi",
     "  galat: 'category': nilai 'rutinn' tidak dikenal (maksud Anda `rutin`?); yang diizinkan: "
     "rutin, sewaktu-waktu.\n"),
], ids=["pengumuman-in-rutin", "non-edukasi-in-sewaktu-waktu", "typo-category"])
def test_refuses_bad_category_and_type(runner: CliRunner, repo: Path, category: str,
                                       post_type: str, message: str) -> None:
    args = ["--date", "2026-12-09", "--title", "Uji", "--category", category,
            "--type", post_type, "--platform", "instagram"]
    result = new(runner, repo, *args)
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.endswith("Galat: pos tidak ditulis: 1 masalah pada isian di atas.\n")
    assert post_files(repo) == []


def test_refuses_unknown_platform_and_format_all_at_once(runner: CliRunner, repo: Path) -> None:
    args = [*OPTIONS, "--platform", "instagam", "--platform", "tiktok:reel"]
    result = new(runner, repo, *args)
    assert result.exit_code == 1
    assert ("  galat: 'platforms': nilai 'instagam' tidak dikenal (maksud Anda `instagram`?); "
            "yang diizinkan: instagram, x, facebook, tiktok, youtube.\n") in result.output
    assert ("  galat: format 'reel' tidak dikenal untuk tiktok; yang diizinkan: video, photo.\n"
            in result.output)
    assert "Galat: pos tidak ditulis: 2 masalah pada isian di atas.\n" in result.output
    assert post_files(repo) == []


@pytest.mark.parametrize(("date", "message"), [
    ("2026-02-30", "Galat: 'date': tanggal '2026-02-30 08:00' tidak ada di kalender "
                   "(periksa hari dan bulannya).\n"),
    ("9 Desember", "Galat: 'date': diharapkan tanggal dan jam seperti 2026-12-02 09:00 (atau "
                   "tanggal saja, 2026-12-02), ditemukan '9 Desember 08:00'.\n"),
], ids=["impossible", "not-a-date"])
def test_refuses_bad_dates(runner: CliRunner, repo: Path, date: str, message: str) -> None:
    args = ["--date", date, "--time", "08:00", "--title", "Uji", "--category", "rutin",
            "--type", "non-edukasi", "--platform", "x"]
    result = new(runner, repo, *args)
    assert result.exit_code == 1
    assert result.output == message
    assert post_files(repo) == []


def test_refuses_to_overwrite(runner: CliRunner, repo: Path) -> None:
    assert new(runner, repo, *OPTIONS, "--platform", "x").exit_code == 0
    path = repo / "posts/2026/12/2026-12-09-hari-antikorupsi-sedunia.md"
    path.write_text(path.read_text("utf-8") + "Catatan tim yang tidak boleh hilang.\n", "utf-8")
    before = path.read_bytes()
    result = new(runner, repo, *OPTIONS, "--platform", "facebook")
    assert result.exit_code == 1
    assert result.output == (
        "Galat: berkas posts/2026/12/2026-12-09-hari-antikorupsi-sedunia.md sudah ada; pos tidak "
        "ditimpa. Pilih judul atau tanggal lain.\n")
    assert path.read_bytes() == before


def test_asks_for_what_is_missing(runner: CliRunner, repo: Path) -> None:
    answers = "2026-12-10\n07:30\nSelamat Hari HAM\nsewaktu-waktu\nhari-penting\ninstagram, x\n"
    result = new(runner, repo, stdin=answers)
    assert result.exit_code == 0, result.output
    assert "Jenis (pengumuman, berita-kegiatan, materi-penyuluhan, hari-penting): " in result.output
    [post] = load_project(repo).posts
    assert (post.id, post.title, post.platforms) == (
        "2026-12-10-selamat-hari-ham", "Selamat Hari HAM", ("instagram", "x"))
    assert post.when.strftime("%H:%M") == "07:30"


@pytest.mark.parametrize(("title", "slug"), [
    ("Hari Antikorupsi Sedunia", "hari-antikorupsi-sedunia"),
    ("Pengumuman: PKPU 8/2019 — Tata Kerja!", "pengumuman-pkpu-8-2019-tata-kerja"),
    ("Sosialisasi di Café Pemilu Naïve", "sosialisasi-di-cafe-pemilu-naive"),
    ("  --Kuis?!  ", "kuis"),
    ("⚖️📢", ""),
])
def test_slug_is_ascii_lowercase_with_hyphens(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_long_title_slug_is_cut_at_a_word() -> None:
    slug = slugify("Ringkasan Peraturan Komisi Pemilihan Umum tentang Tata Kerja Sekretariat "
                   "Jenderal dan Sekretariat Kabupaten Kota")
    assert slug == "ringkasan-peraturan-komisi-pemilihan-umum-tentang-tata-kerja"
    assert len(slug) <= 60


def test_title_without_letters_is_refused(runner: CliRunner, repo: Path) -> None:
    args = ["--date", "2026-12-09", "--title", "⚖️", "--category", "rutin",
            "--type", "non-edukasi", "--platform", "x"]
    result = new(runner, repo, *args)
    assert result.exit_code == 1
    assert result.output == ("Galat: judul '⚖️' tidak menghasilkan nama berkas: diharapkan "
                             "paling sedikit satu huruf atau angka.\n")


def test_platform_option_forms() -> None:
    assert parse_platforms(["instagram:reel", "x, facebook", " YouTube:Short "]) == (
        ("instagram", "reel"), ("x", None), ("facebook", None), ("youtube", "short"))
