"""``kalender export``: the upload bundle of an approved week, read back from the zip."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from PIL import Image

from conftest import ROOT, without_keys
from kalender.cli.main import _register_commands, cli
from mediafiles import BLUE, RED, grid_photo, photo, video

WEEK = "2026-W49"
ZIP = "jdih-singkawang-2026-W49.zip"
CAMERA_CAPTION = "Kenali JDIH KPU Kota Singkawang 📚 — produk hukum; satu tempat."
CAMERA_TEXT = f"{CAMERA_CAPTION}\n\n#JDIHKPU #KPUSingkawang"
X_TEXT = "Versi singkat untuk X: JDIH KPU Kota Singkawang.\n\n#JDIHKPU #KPUSingkawang"


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def run(runner: CliRunner, repo: Path, *args: str) -> Result:
    return runner.invoke(cli, ["--root", str(repo), *args])


def write_post(repo: Path, post_id: str, front: str, media: dict[str, Path] | None = None) -> Path:
    """A post file ``posts/2026/MM/<id>.md``; ``front`` is its front matter."""
    folder = repo / "posts" / post_id[:4] / post_id[5:7]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{post_id}.md"
    path.write_text(f"---\n{front.strip()}\n---\nCatatan.\n", encoding="utf-8")
    return path


def approve(runner: CliRunner, repo: Path, post_id: str, *, until: str = "approve") -> None:
    """Take a post through the SOP with the approval commands: staf submits, kasubbag
    initials, divisi approves (stopping after ``until``)."""
    for command, member in (("submit", "rina"), ("initial", "hendra"), ("approve", "sari")):
        result = run(runner, repo, command, post_id, "--by", member)
        assert result.exit_code == 0, result.output
        if command == until:
            return


def media_folder(repo: Path, post_id: str) -> Path:
    folder = repo / "posts" / post_id[:4] / post_id[5:7] / post_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def approved_week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Week 2026-W49 with three approved posts, and three that must stay out (made once;
    tests that change files work on a copy, :func:`week`)."""
    _register_commands()
    runner = CliRunner()
    repo = tmp_path_factory.mktemp("approved") / "repo"
    shutil.copytree(ROOT / "calendar", repo / "calendar")
    without_keys(repo / "calendar")  # a team before signatures: moves need no passphrase
    (repo / "posts").mkdir()
    camera = media_folder(repo, "2026-12-01-foto-kamera")
    photo(camera / "hp.jpg", (4000, 3000), orientation=6)
    write_post(repo, "2026-12-01-foto-kamera", f"""
title: Mengenal JDIH dari foto kamera
date: 2026-12-01 09:00
category: rutin
type: edukasi-kepemiluan
status: draf
platforms: [instagram, x]
caption: "{CAMERA_CAPTION}"
captions:
  x: "Versi singkat untuk X: JDIH KPU Kota Singkawang."
hashtags: [JDIHKPU, KPUSingkawang]
media:
  - file: 2026-12-01-foto-kamera/hp.jpg
    alt: Foto kantor JDIH dari kamera ponsel.
source: https://jdih.kpu.go.id/kalbar/singkawang
""")
    clip = media_folder(repo, "2026-12-02-video-youtube")
    video(clip / "video.mp4", (320, 180), seconds=1.5)
    grid_photo(clip / "sampul.png", (1600, 900))
    write_post(repo, "2026-12-02-video-youtube", """
title: Video tata naskah dinas
date: 2026-12-02 14:30
category: rutin
type: edukasi-non-kepemiluan
status: draf
platforms: [youtube]
caption: Penjelasan singkat tata naskah dinas.
captions:
  youtube:
    title: Tata Naskah Dinas dalam 2 Menit
    description: "Penjelasan singkat tata naskah dinas di lingkungan KPU."
hashtags: [JDIHKPU, TataNaskah]
media:
  - file: 2026-12-02-video-youtube/video.mp4
    alt: Video penjelasan tata naskah dinas.
    cover: 2026-12-02-video-youtube/sampul.png
source: https://jdih.kpu.go.id/kalbar/singkawang
""")
    slides = media_folder(repo, "2026-12-03-carousel")
    grid_photo(slides / "1.png", (1200, 1500))
    grid_photo(slides / "2.png", (1500, 1500))
    write_post(repo, "2026-12-03-carousel", """
title: Kuis carousel
date: 2026-12-03 10:03
category: rutin
type: non-edukasi
status: draf
platforms:
  instagram: carousel
caption: Jawab di kolom komentar!
hashtags: [JDIHKPU, KPUSingkawang]
media:
  - file: 2026-12-03-carousel/1.png
    alt: Soal kuis.
  - file: 2026-12-03-carousel/2.png
    alt: Pilihan jawaban.
""")
    for post_id, title in (("2026-12-04-belum-disetujui", "Belum disetujui"),
                           ("2026-12-05-berubah", "Berubah setelah disetujui")):
        write_post(repo, post_id, f"""
title: {title}
date: 2026-12-04 08:00
category: rutin
type: non-edukasi
status: draf
platforms: [facebook]
caption: Teks yang disetujui.
""".replace("2026-12-04 08:00", f"{post_id[:10]} 08:00"))
    write_post(repo, "2026-12-06-tanpa-catatan", """
title: Status ditulis tangan
date: 2026-12-06 08:00
category: rutin
type: non-edukasi
status: disetujui
platforms: [facebook]
caption: Tidak pernah diperiksa.
""")
    write_post(repo, "2026-12-08-minggu-depan", """
title: Minggu depan
date: 2026-12-08 08:00
category: rutin
type: non-edukasi
status: draf
platforms: [facebook]
caption: Minggu berikutnya.
""")
    for post_id in ("2026-12-01-foto-kamera", "2026-12-02-video-youtube", "2026-12-03-carousel",
                    "2026-12-05-berubah", "2026-12-08-minggu-depan"):
        approve(runner, repo, post_id)
    approve(runner, repo, "2026-12-04-belum-disetujui", until="initial")
    changed = repo / "posts" / "2026" / "12" / "2026-12-05-berubah.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "Teks yang disetujui.", "Teks yang diubah sesudahnya."), encoding="utf-8")
    return repo


def export(runner: CliRunner, repo: Path, out: Path, *more: str) -> Result:
    return run(runner, repo, "export", "--week", WEEK, "--out", str(out), *more)


@pytest.fixture
def week(approved_week: Path, tmp_path: Path) -> Path:
    """A copy of the approved week to change files in."""
    return Path(shutil.copytree(approved_week, tmp_path / "repo"))


@pytest.fixture(scope="module")
def exported(approved_week: Path, tmp_path_factory: pytest.TempPathFactory) -> Result:
    """The export of the approved week, made once: what the command printed."""
    out = tmp_path_factory.mktemp("bundle")
    result = export(CliRunner(), approved_week, out)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def bundle(exported: Result, approved_week: Path) -> zipfile.ZipFile:
    out = Path(exported.stdout.splitlines()[-1].split(": ", 1)[1].split(" (")[0])
    return zipfile.ZipFile(out)


def platform_rules(repo: Path) -> dict[str, dict]:
    return yaml.safe_load((repo / "calendar" / "platforms.yml").read_text(encoding="utf-8"))


def sizes_of(rules: dict, platform: str, fmt: str) -> set[tuple[int, int]]:
    sizes = rules[platform]["formats"][fmt]["sizes"]
    return {tuple(int(n) for n in size.split("x")) for size in sizes}


# -- what goes in -------------------------------------------------------------------------


def test_only_posts_whose_approval_matches_go_in(bundle: zipfile.ZipFile) -> None:
    folders = sorted({"/".join(n.split("/")[:2]) for n in bundle.namelist() if n.count("/") == 2})
    assert folders == [
        "instagram/2026-12-01_0900_foto-kamera",
        "instagram/2026-12-03_1003_carousel",
        "x/2026-12-01_0900_foto-kamera",
        "youtube/2026-12-02_1430_video-youtube",
    ]
    assert not [n for n in bundle.namelist() if "berubah" in n or "belum" in n
                or "tanpa-catatan" in n or "minggu-depan" in n]


def test_left_out_posts_are_listed_on_screen_and_in_the_manifest(
        exported: Result, bundle: zipfile.ZipFile) -> None:
    assert exported.stderr.startswith("Mengolah media")  # the progress bar, kept off stdout
    lines = exported.stdout.splitlines()
    assert lines[0] == ("Minggu 2026-W49 (30 November – 6 Desember 2026): 3 pos masuk paket, "
                        "3 pos tidak.")
    assert "  2026-12-04-belum-disetujui: belum disetujui: status diparaf" in lines
    changed = next(line for line in lines if line.startswith("  2026-12-05-berubah: "))
    assert changed.startswith("  2026-12-05-berubah: berubah setelah disetujui: sidik saat "
                              "disetujui ")
    assert changed.endswith("; ajukan ulang")
    assert ("  2026-12-06-tanpa-catatan: status 'disetujui' tertulis di front matter, tetapi "
            "tidak ada catatan persetujuan di 2026-12-06-tanpa-catatan.persetujuan.yml") in lines
    manifest = json.loads(bundle.read("manifest.json"))
    assert [(x["id"], x["state"]) for x in manifest["left_out"]] == [
        ("2026-12-04-belum-disetujui", "diparaf"), ("2026-12-05-berubah", "berubah"),
        ("2026-12-06-tanpa-catatan", "disetujui")]
    assert manifest["left_out"][0]["reason"] == "belum disetujui: status diparaf"
    assert [p["id"] for p in manifest["posts"]] == [
        "2026-12-01-foto-kamera", "2026-12-02-video-youtube", "2026-12-03-carousel"]


# -- the media --------------------------------------------------------------------------


def test_every_picture_has_its_platforms_size_no_exif_and_fits_the_byte_limit(
        bundle: zipfile.ZipFile, approved_week: Path) -> None:
    rules = platform_rules(approved_week)
    manifest = json.loads(bundle.read("manifest.json"))
    pictures = 0
    for post in manifest["posts"]:
        for target in post["platforms"]:
            platform, fmt = target["platform"], target["format"]
            limit = rules[platform]["image"]["max_bytes"]
            for entry in target["files"]:
                if not entry["path"].endswith(".jpg"):
                    continue
                data = bundle.read(entry["path"])
                image = Image.open(io.BytesIO(data))
                expected = sizes_of(rules, platform, fmt)
                if entry["path"].endswith("thumbnail.jpg"):
                    expected = {(1280, 720)}
                assert image.size in expected, entry["path"]
                assert image.format == "JPEG" and image.mode == "RGB"
                assert len(data) <= limit
                assert not image.getexif() and "exif" not in image.info
                assert "icc_profile" not in image.info
                pictures += 1
    assert pictures == 5  # instagram, x, youtube thumbnail, two carousel slides


def test_camera_photo_is_upright_at_the_recommended_size(bundle: zipfile.ZipFile) -> None:
    feed = Image.open(io.BytesIO(bundle.read("instagram/2026-12-01_0900_foto-kamera/01.jpg")))
    # 4000x3000 stored with orientation 6 is 3000x4000 upright: 3:4, so 1080x1440.
    assert feed.size == (1080, 1440)
    # The band the camera stored across the top is on the right once the photo is upright.
    assert max(abs(a - b) for a, b in zip(feed.getpixel((1075, 720)), RED, strict=True)) < 40
    assert max(abs(a - b) for a, b in zip(feed.getpixel((5, 720)), BLUE, strict=True)) < 40
    wide = Image.open(io.BytesIO(bundle.read("x/2026-12-01_0900_foto-kamera/01.jpg")))
    assert wide.size == (1200, 675)


def test_youtube_gets_the_video_as_it_is_a_thumbnail_title_description_and_tags(
        bundle: zipfile.ZipFile, approved_week: Path) -> None:
    folder = "youtube/2026-12-02_1430_video-youtube"
    source = approved_week / "posts/2026/12/2026-12-02-video-youtube/video.mp4"
    assert bundle.read(f"{folder}/01.mp4") == source.read_bytes()
    thumb = Image.open(io.BytesIO(bundle.read(f"{folder}/thumbnail.jpg")))
    assert thumb.size == (1280, 720)
    assert bundle.read(f"{folder}/title.txt").decode() == "Tata Naskah Dinas dalam 2 Menit\n"
    description = "Penjelasan singkat tata naskah dinas di lingkungan KPU.\n\n#JDIHKPU #TataNaskah"
    assert bundle.read(f"{folder}/description.txt").decode() == description
    assert bundle.read(f"{folder}/caption.txt").decode() == description
    assert bundle.read(f"{folder}/tags.txt").decode() == "JDIHKPU, TataNaskah\n"


def test_pictures_too_heavy_for_the_limit_are_encoded_at_lower_quality(
        week: Path, runner: CliRunner, tmp_path: Path) -> None:
    noise = Image.effect_noise((1080, 1440), 120).convert("RGB")
    noise.save(week / "posts/2026/12/2026-12-01-foto-kamera/hp.jpg", quality=95)
    first = io.BytesIO()
    noise.save(first, "JPEG", quality=90, optimize=True, progressive=True)
    limit = len(first.getvalue()) * 2 // 3
    rules_path = week / "calendar" / "platforms.yml"
    text = rules_path.read_text(encoding="utf-8")
    rules_path.write_text(text.replace("image: {max_bytes: 8000000}",
                                       f"image: {{max_bytes: {limit}}}"), encoding="utf-8")
    for command, member in (("submit", "rina"), ("initial", "hendra"), ("approve", "sari")):
        # the photo changed: the post is submitted and approved again
        assert run(runner, week, command, "2026-12-01-foto-kamera", "--by", member).exit_code == 0
    result = export(runner, week, tmp_path / "out")
    assert result.exit_code == 0, result.output
    data = zipfile.ZipFile(tmp_path / "out" / ZIP).read(
        "instagram/2026-12-01_0900_foto-kamera/01.jpg")
    assert len(data) <= limit
    assert Image.open(io.BytesIO(data)).size == (1080, 1440)


# -- the texts, schedules and checksums -------------------------------------------------


def test_captions_are_the_exact_text_to_paste(bundle: zipfile.ZipFile) -> None:
    assert bundle.read("instagram/2026-12-01_0900_foto-kamera/caption.txt") == \
        CAMERA_TEXT.encode("utf-8")
    assert bundle.read("x/2026-12-01_0900_foto-kamera/caption.txt") == X_TEXT.encode("utf-8")


def test_every_checksum_in_the_manifest_matches(bundle: zipfile.ZipFile) -> None:
    manifest = json.loads(bundle.read("manifest.json"))
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(bundle.namelist()) - {"manifest.json"}
    for name, entry in listed.items():
        data = bundle.read(name)
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
        assert len(data) == entry["bytes"]


def test_manifest_holds_time_offset_account_fingerprint_and_records(
        bundle: zipfile.ZipFile) -> None:
    post = json.loads(bundle.read("manifest.json"))["posts"][0]
    assert post["scheduled"] == "2026-12-01T09:00:00+07:00"
    assert post["offset"] == "+0700"
    assert len(post["fingerprint"]) == 64
    assert [(r["action"], r["by"], r["role"]) for r in post["approval"]] == [
        ("submit", "rina", "staf"), ("initial", "hendra", "kasubbag"),
        ("approve", "sari", "divisi")]
    assert all(r["fingerprint"] == post["fingerprint"] for r in post["approval"])
    assert post["platforms"][0]["account"] == {"handle": "JDIHKPU_Singkawang",
                                               "name": "JDIH KPU Kota Singkawang"}


def test_schedule_csv_opens_with_semicolons_and_a_bom(bundle: zipfile.ZipFile) -> None:
    raw = bundle.read("jadwal.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Tanggal", "Hari", "Jam", "Zona waktu", "Platform", "Format", "Akun",
                       "Judul", "Folder", "Berkas keterangan", "Berkas media"]
    assert rows[1] == [
        "2026-12-01", "Selasa", "09:00", "WIB (+07:00)", "Instagram", "feed",
        "JDIHKPU_Singkawang", "Mengenal JDIH dari foto kamera",
        "instagram/2026-12-01_0900_foto-kamera",
        "instagram/2026-12-01_0900_foto-kamera/caption.txt",
        "instagram/2026-12-01_0900_foto-kamera/01.jpg"]
    assert [row[4] for row in rows[1:]] == ["Instagram", "X", "YouTube", "Instagram"]
    assert rows[4][10] == ("instagram/2026-12-03_1003_carousel/01.jpg, "
                           "instagram/2026-12-03_1003_carousel/02.jpg")


def test_hootsuite_csv_has_no_header_day_first_dates_and_the_exact_text(
        bundle: zipfile.ZipFile) -> None:
    assert sorted(n for n in bundle.namelist() if n.startswith("hootsuite/")) == [
        "hootsuite/instagram.csv", "hootsuite/x.csv"]
    raw = bundle.read("hootsuite/instagram.csv")
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    # The carousel at 10.03 is not a multiple of 5 minutes: Hootsuite would refuse it.
    assert rows == [["01/12/2026 09:00", CAMERA_TEXT]]
    manifest = json.loads(bundle.read("manifest.json"))
    assert manifest["hootsuite"]["left_out"] == [{
        "post": "2026-12-03-carousel", "platform": "instagram",
        "reason": "jam 10.03 bukan kelipatan 5 menit (syarat Hootsuite)"}]


def test_checklist_lists_each_day_and_platform_with_a_box_and_a_url_field(
        bundle: zipfile.ZipFile) -> None:
    html = bundle.read("checklist.html").decode("utf-8")
    assert "<h2>Selasa, 1 Desember 2026</h2>" in html
    assert "<h2>Rabu, 2 Desember 2026</h2>" in html
    assert "<h2>Kamis, 3 Desember 2026</h2>" in html
    assert html.count('type="checkbox"') == 4
    assert html.count('type="url"') == 4
    assert 'data-post="2026-12-01-foto-kamera" data-platform="x"' in html
    assert "size: A4" in html
    assert "http" not in html.replace('type="url"', "")  # nothing fetched from the internet


def test_links_file_lists_every_post_and_platform_to_fill_in(bundle: zipfile.ZipFile) -> None:
    text = bundle.read("tautan.txt").decode("utf-8")
    lines = [line for line in text.split("\r\n") if line and not line.startswith("#")]
    assert lines == ["2026-12-01-foto-kamera instagram ", "2026-12-01-foto-kamera x ",
                     "2026-12-02-video-youtube youtube ", "2026-12-03-carousel instagram "]


def test_file_names_are_ascii_and_safe_on_windows(bundle: zipfile.ZipFile) -> None:
    for name in bundle.namelist():
        assert name.isascii()
        assert not set(name) & set('<>:"\\|?*')
        assert all(part and not part.endswith((" ", ".")) for part in name.split("/"))


# -- the same inputs, the same bytes ----------------------------------------------------


def test_two_exports_are_byte_identical(bundle: zipfile.ZipFile, week: Path,
                                        runner: CliRunner, tmp_path: Path) -> None:
    # Later, from a copy of the repository elsewhere, in one process instead of several.
    assert export(runner, week, tmp_path / "b", "--workers", "1").exit_code == 0
    first = Path(str(bundle.filename)).read_bytes()
    assert first == (tmp_path / "b" / ZIP).read_bytes()
    infos = bundle.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


# -- refusing -----------------------------------------------------------------------------


def test_a_week_with_nothing_approved_writes_nothing(
        week: Path, runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run(runner, week, "export", "--week", "2026-W51", "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        "Galat: tidak ada pos yang disetujui untuk minggu 2026-W51 (14 – 20 Desember 2026): "
        "paket tidak ditulis. Minggu ini tidak punya pos satu pun.\n")
    assert list(out.iterdir()) == []


def test_nothing_approved_lists_the_posts_left_out(
        week: Path, runner: CliRunner, tmp_path: Path) -> None:
    for post_id in ("2026-12-01-foto-kamera", "2026-12-02-video-youtube", "2026-12-03-carousel"):
        path = week / "posts/2026/12" / f"{post_id}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("hashtags: [", "hashtags: [Baru, "), encoding="utf-8")
    out = tmp_path / "out"
    result = export(runner, week, out)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Minggu 2026-W49 (30 November – 6 Desember 2026): 0 pos masuk paket, "
                         "6 pos tidak.", "Tidak masuk paket:"]
    assert [line.split(":")[0] for line in lines[2:]] == [
        "  2026-12-01-foto-kamera", "  2026-12-02-video-youtube", "  2026-12-03-carousel",
        "  2026-12-04-belum-disetujui", "  2026-12-05-berubah", "  2026-12-06-tanpa-catatan"]
    assert result.stderr == (
        "Galat: tidak ada pos yang disetujui untuk minggu 2026-W49 (30 November – 6 Desember "
        "2026): paket tidak ditulis. 6 pos minggu ini tidak masuk (alasan di atas).\n")
    assert not out.exists() or list(out.iterdir()) == []


def test_strict_refuses_a_week_with_posts_left_out(
        week: Path, runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = export(runner, week, out, "--strict")
    assert result.exit_code == 1
    assert result.stderr == ("Galat: --strict: 3 pos minggu 2026-W49 tidak masuk paket (alasan "
                             "di atas): paket tidak ditulis.\n")
    assert not out.exists() or list(out.iterdir()) == []


def test_a_bad_week_is_a_usage_error(repo: Path, runner: CliRunner) -> None:
    result = run(runner, repo, "export", "--week", "2026-49")
    assert result.exit_code == 2
    assert result.stderr == ("Galat: minggu '2026-49' tidak dikenal: diharapkan minggu ISO "
                             "seperti 2026-W49.\n")


# -- the live links flow back into the calendar -----------------------------------------


def filled_links(bundle: zipfile.ZipFile, urls: dict[str, str]) -> str:
    """``tautan.txt`` from the bundle with a URL written after some of its lines."""
    lines = bundle.read("tautan.txt").decode("utf-8").split("\r\n")
    return "\r\n".join(f"{line}{urls.get(line.strip(), '')}" for line in lines)


def test_links_written_in_the_bundles_file_are_recorded(
        bundle: zipfile.ZipFile, week: Path, runner: CliRunner, tmp_path: Path) -> None:
    links = week / "tautan.txt"
    links.write_text(filled_links(bundle, {
        "2026-12-01-foto-kamera instagram": "https://www.instagram.com/p/AbC123/",
        "2026-12-02-video-youtube youtube": "https://youtu.be/xyz789"}), encoding="utf-8")
    result = run(runner, week, "uploaded", "--from-file", str(links), "--by", "rina")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "2 tautan dicatat, 0 sudah tercatat sebelumnya."
    records = (week / "posts/2026/12/2026-12-01-foto-kamera.persetujuan.yml").read_text()
    assert 'url: "https://www.instagram.com/p/AbC123/"' in records
    post = (week / "posts/2026/12/2026-12-02-video-youtube.md").read_text(encoding="utf-8")
    assert "status: diunggah" in post  # its only platform is live
    again = run(runner, week, "uploaded", "--from-file", str(links), "--by", "rina")
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == "0 tautan dicatat, 2 sudah tercatat sebelumnya."
    after = export(runner, week, tmp_path / "after")
    assert after.exit_code == 0, after.output
    assert "    sudah diunggah di instagram: https://www.instagram.com/p/AbC123/" in \
        after.stdout.splitlines()
    assert ("  2026-12-02-video-youtube: sudah diunggah di semua platformnya"
            in after.stdout.splitlines())
    names = zipfile.ZipFile(tmp_path / "after" / ZIP).namelist()
    assert "x/2026-12-01_0900_foto-kamera/01.jpg" in names
    assert not [n for n in names if n.startswith(("instagram/2026-12-01", "youtube/"))]


def test_a_link_file_with_mistakes_records_nothing_and_names_each_line(
        bundle: zipfile.ZipFile, week: Path, runner: CliRunner, tmp_path: Path) -> None:
    links = week / "tautan.txt"
    links.write_text(filled_links(bundle, {
        "2026-12-01-foto-kamera instagram": "https://www.instagram.com/p/AbC123/",
        "2026-12-01-foto-kamera x": "x.com/jdih/status/1",
        "2026-12-03-carousel instagram": "https://instagram.com/p/1 dua"})
        + "2026-12-09-tidak-ada facebook https://facebook.com/1\r\n"
        + "2026-12-02-video-youtube tiktok https://tiktok.com/@jdih/1\r\n", encoding="utf-8")
    result = run(runner, week, "uploaded", "--from-file", str(links), "--by", "rina")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "tautan.txt",  # relative to the repository
        "  galat baris 7: URL tidak sah: diharapkan alamat http:// atau https://, ditemukan "
        "'x.com/jdih/status/1'.",
        "  galat baris 9: baris tidak dapat dibaca: diharapkan 'ID-POS PLATFORM URL', "
        "ditemukan '2026-12-03-carousel instagram https://instagram.com/p/1 dua'.",
        "  galat baris 10: pos '2026-12-09-tidak-ada' tidak ditemukan di posts/.",
        "  galat baris 11: pos '2026-12-02-video-youtube' tidak diunggah ke 'tiktok': "
        "platformnya youtube.",
        "Galat: berkas tautan tautan.txt mengandung 4 galat (lihat di atas): tidak ada yang "
        "dicatat.",
    ]
    records = (week / "posts/2026/12/2026-12-01-foto-kamera.persetujuan.yml").read_text()
    assert "action: uploaded" not in records


def test_uploaded_without_a_post_or_a_file_says_what_it_needs(
        repo: Path, runner: CliRunner) -> None:
    result = run(runner, repo, "uploaded", "--by", "rina")
    assert result.exit_code == 2
    assert result.stderr == ("Galat: sebutkan POS, --platform dan --url, atau --from-file "
                             "BERKAS.\n")


def test_checklist_save_button_downloads_links_that_are_recorded(
        bundle: zipfile.ZipFile, week: Path, runner: CliRunner, tmp_path: Path) -> None:
    chromium = playwright_chromium()
    page_path = tmp_path / "checklist.html"
    page_path.write_bytes(bundle.read("checklist.html"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        page = browser.new_page(accept_downloads=True)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_path.as_uri())
        page.get_by_label("URL 2026-12-01-foto-kamera di X").fill("https://x.com/jdih/status/42")
        page.get_by_label("tayang: 2026-12-01-foto-kamera di X").check()
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Simpan tautan").click()
        download = download_info.value
        assert download.suggested_filename == "tautan-2026-W49.txt"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        page.reload()  # typed links survive closing the page (kept in the browser)
        assert page.get_by_label("URL 2026-12-01-foto-kamera di X").input_value() == \
            "https://x.com/jdih/status/42"
        browser.close()
    assert [url for url in requests if not url.startswith(("file:", "blob:"))] == []
    text = saved.read_text(encoding="utf-8")
    assert text.splitlines()[-1] == "2026-12-01-foto-kamera x https://x.com/jdih/status/42"
    result = run(runner, week, "uploaded", "--from-file", str(saved), "--by", "rina")
    assert result.exit_code == 0, result.output
    records = (week / "posts/2026/12/2026-12-01-foto-kamera.persetujuan.yml").read_text()
    assert 'platform: x\n  url: "https://x.com/jdih/status/42"' in records


def playwright_chromium() -> str:
    """The path of the system Chromium (tests/browserkit.py: skipped when it is missing,
    except on CI, where a missing browser fails the test)."""
    from browserkit import require_chromium

    return require_chromium()


# -- the crop, the limits, the writing ----------------------------------------------------


def test_pictures_are_cut_by_the_previews_own_crop(
        bundle: zipfile.ZipFile, approved_week: Path) -> None:
    from kalender.core.loader import load_project
    from kalender.media.images import post_framings, render_framing

    project = load_project(approved_week)
    assert project.calendar is not None
    post = project.post("2026-12-03-carousel")
    assert post is not None
    framings = post_framings(post, post.targets[0], project.calendar.platforms)
    assert [f.size for f in framings] == [(1080, 1350), (1080, 1350)]  # the first one's shape
    square = framings[1]
    assert square.box == (150, 0, 1350, 1500)  # the middle of the square slide
    preview = render_framing(post.media[1].path, square, square.size)
    exported = Image.open(io.BytesIO(bundle.read("instagram/2026-12-03_1003_carousel/02.jpg")))
    assert exported.size == preview.size
    difference = [abs(a - b) for a, b in zip(exported.convert("RGB").tobytes(),
                                             preview.tobytes(), strict=True)]
    assert sum(difference) / len(difference) < 3  # the same pixels, give or take JPEG


def test_a_picture_that_cannot_fit_the_limit_stops_the_export(
        week: Path, runner: CliRunner, tmp_path: Path) -> None:
    rules_path = week / "calendar" / "platforms.yml"
    rules_path.write_text(rules_path.read_text(encoding="utf-8").replace(
        "image: {max_bytes: 5000000}", "image: {max_bytes: 2000}"), encoding="utf-8")
    out = tmp_path / "out"
    result = export(runner, week, out)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("galat")]
    assert len(errors) == 1
    assert errors[0].startswith("galat: posts/2026/12/2026-12-01-foto-kamera.md:13 (x): gambar "
                                "hp.jpg untuk x tetap ")
    assert errors[0].endswith(" byte pada mutu JPEG terendah (40); batas platform 2000 byte. "
                              "Perkecil atau sederhanakan gambar sumbernya.")
    assert result.stderr.splitlines()[-1] == ("Galat: 1 berkas media tidak dapat dibuat (lihat "
                                              "di atas): paket tidak ditulis.")
    assert not out.exists() or list(out.iterdir()) == []


def test_a_failed_write_keeps_the_old_bundle_and_leaves_no_temporary_file(
        tmp_path: Path) -> None:
    from kalender.export.bundle import Contents
    from kalender.export.week import write_bundle

    target = tmp_path / ZIP
    target.write_bytes(b"the bundle of last week")
    contents = Contents()
    contents.add("caption.txt", b"teks")
    video_file = tmp_path / "video.mp4"
    video_file.write_bytes(b"\0" * 10)
    contents.add_copy("x/01.mp4", video_file, "0" * 64)
    video_file.unlink()  # gone while the zip is written
    with pytest.raises(FileNotFoundError):
        write_bundle(contents, target)
    assert target.read_bytes() == b"the bundle of last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == [ZIP]


def test_a_broken_post_file_of_the_week_is_listed_with_its_reason(
        week: Path, runner: CliRunner, tmp_path: Path) -> None:
    write_post(week, "2026-12-02-rusak", "title: Rusak\ndate: 2026-12-02 09:00\n")
    result = export(runner, week, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert ("  2026-12-02-rusak: berkas pos mengandung 2 galat (jalankan kalender check "
            "posts/2026/12/2026-12-02-rusak.md)") in result.stdout.splitlines()


def test_a_time_already_past_is_flagged_for_hootsuite(
        repo: Path, runner: CliRunner, tmp_path: Path) -> None:
    write_post(repo, "2025-12-02-lampau", """
title: Sudah lewat
date: 2025-12-02 09:00
category: rutin
type: non-edukasi
status: draf
platforms: [x]
caption: Pos lama.
""")
    approve(runner, repo, "2025-12-02-lampau")
    result = run(runner, repo, "export", "--week", "2025-W49", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert ("Perhatian: 2025-12-02-lampau (x) dijadwalkan Selasa, 2 Desember 2025 09.00 WIB, "
            "kurang dari 10 menit dari sekarang atau sudah lewat; Hootsuite akan menolak baris "
            "itu.") in result.stdout.splitlines()
    rows = zipfile.ZipFile(tmp_path / "out" / "jdih-singkawang-2025-W49.zip").read(
        "hootsuite/x.csv").decode("utf-8")
    assert rows == "02/12/2025 09:00,Pos lama.\r\n"


def test_a_refused_link_is_named_and_the_others_are_still_recorded(
        bundle: zipfile.ZipFile, week: Path, runner: CliRunner) -> None:
    links = week / "tautan.txt"
    links.write_text(filled_links(bundle, {
        "2026-12-01-foto-kamera x": "https://x.com/jdih/status/7"})
        + "2026-12-05-berubah facebook https://facebook.com/jdih/posts/9\r\n", encoding="utf-8")
    result = run(runner, week, "uploaded", "--from-file", str(links), "--by", "rina")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors[0].startswith("Galat: tautan.txt baris 10: langkah ")
    assert "2026-12-05-berubah" in errors[0]
    assert errors[-1] == ("Galat: 1 tautan tidak dapat dicatat (lihat di atas); 1 tautan "
                          "lainnya tercatat.")
    records = (week / "posts/2026/12/2026-12-01-foto-kamera.persetujuan.yml").read_text()
    assert 'url: "https://x.com/jdih/status/7"' in records
    changed = (week / "posts/2026/12/2026-12-05-berubah.persetujuan.yml").read_text()
    assert "action: uploaded" not in changed


def test_the_weeks_approval_sheet_is_in_the_bundle(bundle: zipfile.ZipFile) -> None:
    from pypdf import PdfReader

    sheet = bundle.read("lembar-persetujuan-2026-W49.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet)).pages)
    assert "Mengenal JDIH dari foto kamera" in text
    manifest = json.loads(bundle.read("manifest.json"))
    assert manifest["approval_sheet"] == {"included": True,
                                          "file": "lembar-persetujuan-2026-W49.pdf"}
