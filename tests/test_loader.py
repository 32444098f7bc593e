"""The post loader: one tiny input file per problem, each with its exact message and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from kalender.core.loader import load_project
from kalender.core.model import Status

INPUTS = Path(__file__).parent / "inputs" / "posts"
POST = Path("posts/2026/12/2026-12-02-uji.md")

CASES = [
    ("no_front_matter", 1, "tidak ada front matter: diharapkan baris pertama '---', ditemukan "
     "'Judul tanpa front matter'."),
    ("unclosed", 3, "front matter tidak ditutup: diharapkan baris '---' penutup, ditemukan "
     "akhir berkas."),
    ("yaml_syntax", 3, "YAML tidak sah (bagian yang dimulai di baris 2): saat membaca daftar "
     "dalam [ ]; tanda ',' atau ']' yang diharapkan tidak ditemukan."),
    ("tab", 7, "tab dipakai untuk indentasi: diharapkan spasi, ditemukan karakter tab."),
    ("duplicate_key", 7, "kunci 'title' ditulis dua kali (pertama di baris 2): hapus salah "
     "satunya."),
    ("list_for_mapping", 7, "'legal_product': diharapkan pemetaan (kunci: nilai), ditemukan "
     "daftar ['Peraturan KPU', 8]."),
    ("scalar_for_list", 7, "'media': diharapkan daftar, ditemukan teks 'kartu.jpg'."),
    ("mapping_for_list", 7, "'hashtags': diharapkan daftar, ditemukan pemetaan (kunci: nilai) "
     "{'JDIHKPU': 1}."),
    ("list_front_matter", 2, "front matter: diharapkan pemetaan (kunci: nilai), ditemukan "
     "daftar [{'title': 'Uji'}, {'date': '2026-12-02…."),
    ("impossible_date", 3, "'date': tanggal '2026-02-30 09:00' tidak ada di kalender (periksa "
     "hari dan bulannya)."),
    ("bad_date", 3, "'date': diharapkan tanggal dan jam seperti 2026-12-02 09:00 (atau tanggal "
     "saja, 2026-12-02), ditemukan 'besok pagi'."),
    ("date_mismatch", 3, "'date': tanggal 2026-12-03 tidak sama dengan tanggal di nama berkas "
     "(2026-12-02, dari 2026-12-02-uji.md); samakan keduanya."),
    ("unknown_category", 4, "'category': nilai 'rutinan' tidak dikenal (maksud Anda `rutin`?); "
     "yang diizinkan: rutin, sewaktu-waktu."),
    ("unknown_type", 5, "'type': nilai 'edukasi' tidak dikenal (maksud Anda `non-edukasi`?); "
     "yang diizinkan: edukasi-kepemiluan, edukasi-non-kepemiluan, non-edukasi, pengumuman, "
     "berita-kegiatan, materi-penyuluhan, hari-penting."),
    ("type_of_other_category", 5, "'type': jenis 'pengumuman' bukan bagian kategori 'rutin'; "
     "jenis kategori itu: edukasi-kepemiluan, edukasi-non-kepemiluan, non-edukasi."),
    ("unknown_platform", 6, "'platforms.1': nilai 'twitter' tidak dikenal (maksud Anda `x`?); "
     "yang diizinkan: instagram, x, facebook, tiktok, youtube."),
    ("unknown_format", 7, "format 'reels' tidak dikenal untuk instagram (maksud Anda `reel`?); "
     "yang diizinkan: feed, carousel, reel, story."),
    ("unknown_status", 7, "'status': nilai 'selesai' tidak dikenal; yang diizinkan: usulan, "
     "draf, diajukan, diparaf, disetujui, diunggah, revisi."),
    ("unknown_key", 7, "kunci 'catagory' tidak dikenal (maksud Anda `category`?); kunci yang "
     "dikenal: title, date, category, type, status, platforms, caption, captions, hashtags, "
     "important_day, mentions, media, legal_product, source."),
    ("media_missing", 8, "media 'tidak-ada.jpg' tidak ditemukan (jalur dihitung dari folder "
     "berkas pos)."),
    ("media_not_a_file", 8, "media 'folder' bukan berkas (mungkin folder)."),
    ("media_not_an_image", 8, "media 'bukan-gambar.jpg' bukan gambar atau video yang dapat "
     "dibaca (JPEG, PNG, WebP, HEIC, MP4, MOV)."),
    ("media_outside", 8, "media '../../../../../../etc/passwd' berada di luar repositori: "
     "simpan media di samping berkas pos."),
    ("alt_missing", 8, "kunci wajib 'media.0.alt' tidak ada atau kosong."),
    ("bad_focus", 10, "'focus': diharapkan dua angka 0 sampai 1, misalnya [0.5, 0.3], "
     "ditemukan [0.5, 2]."),
    ("empty", 1, "berkas kosong: diharapkan front matter di antara dua baris '---', ditemukan "
     "tidak ada isi."),
    ("not_utf8", 2, "berkas bukan teks UTF-8: ditemukan byte 0xE9. Simpan ulang berkas sebagai "
     "UTF-8."),
    ("control_char", 2, "karakter kendali U+0008 tidak boleh ada di front matter: hapus "
     "karakter itu."),
    ("alias_bomb", 3, "alias YAML '*a' tidak diizinkan: tulis nilainya langsung."),
]


def place(repo: Path, case: str, target: Path = POST) -> Path:
    """Copy input ``case`` into the repo as a post, with the media the inputs refer to."""
    path = repo / target
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(INPUTS / f"{case}.md", path)
    Image.new("RGB", (10, 10), "orange").save(path.parent / "kartu.png")
    (path.parent / "folder").mkdir(exist_ok=True)
    (path.parent / "bukan-gambar.jpg").write_text("ini teks, bukan gambar")
    return path


@pytest.mark.parametrize(("case", "line", "message"), CASES, ids=[c[0] for c in CASES])
def test_each_broken_post_gives_its_own_message(repo: Path, case: str, line: int,
                                                message: str) -> None:
    path = place(repo, case)
    project = load_project(repo)
    assert project.posts == []
    assert [(p.path, p.line, p.message) for p in project.report.errors] == [(path, line, message)]


def test_valid_post_loads(repo: Path) -> None:
    place(repo, "valid")
    project = load_project(repo)
    assert list(project.report) == []
    (post,) = project.posts
    assert post.id == "2026-12-02-uji"
    assert post.when.isoformat() == "2026-12-02T09:00:00+07:00"
    assert post.status is Status.USULAN
    assert [(t.platform, t.format) for t in post.targets] == [("instagram", "feed")]


def test_windows_file_with_bom_and_crlf_loads(repo: Path) -> None:
    place(repo, "bom_crlf")
    project = load_project(repo)
    assert list(project.report) == []
    (post,) = project.posts
    assert post.title == "Uji Windows"
    assert post.caption == "Baris satu\nBaris dua\n"
    assert post.body == "Isi dari Windows.\n"


def test_every_problem_of_every_file_is_reported_in_one_run(repo: Path) -> None:
    place(repo, "unknown_key", Path("posts/2026/12/2026-12-02-satu.md"))
    place(repo, "date_mismatch", Path("posts/2026/12/2026-12-02-dua.md"))
    place(repo, "empty", Path("posts/2026/12/2026-12-02-tiga.md"))
    project = load_project(repo)
    assert sorted(p.path.name for p in project.report.errors) == [
        "2026-12-02-dua.md", "2026-12-02-satu.md", "2026-12-02-tiga.md"]


def test_two_posts_with_the_same_id(repo: Path) -> None:
    place(repo, "valid")
    second = place(repo, "valid", Path("posts/2026/12/lain/2026-12-02-uji.md"))
    project = load_project(repo)
    messages = [(p.path, p.message) for p in project.report.errors]
    assert messages == [(second, "id pos '2026-12-02-uji' sudah dipakai oleh "
                         "posts/2026/12/2026-12-02-uji.md: id (nama berkas tanpa .md) harus "
                         "unik.")]
    assert len(project.posts) == 1


def test_date_alone_means_time_not_fixed(repo: Path) -> None:
    path = place(repo, "valid")
    path.write_text(path.read_text().replace("2026-12-02 09:00", "2026-12-02"))
    (post,) = load_project(repo).posts
    assert not post.time_fixed
    assert post.date.isoformat() == "2026-12-02"


def test_iso_date_with_offset_is_converted_to_office_time(repo: Path) -> None:
    path = place(repo, "valid")
    path.write_text(path.read_text().replace("2026-12-02 09:00", "2026-12-02T01:30:00Z"))
    (post,) = load_project(repo).posts
    assert post.when.isoformat() == "2026-12-02T08:30:00+07:00"


def test_messages_in_english(repo: Path) -> None:
    from kalender.core.i18n import set_language

    place(repo, "unknown_key")
    set_language("en")
    try:
        (problem,) = load_project(repo).report.errors
    finally:
        set_language(None)
    assert problem.message.startswith("unknown key 'catagory' (did you mean `category`?)")


VALID = (INPUTS / "valid.md").read_text()
LINES = VALID.split("\n")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(min_value=0, max_value=len(VALID)),
    insert=st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    line=st.integers(min_value=0, max_value=len(LINES)),
    extra=st.sampled_from(["", ":", "- ", "  ", "\t", "&a", "*a", "[", "{", "'", '"', "---",
                           "!!python/object:os.system", "? ", "%YAML 1.1"]),
)
def test_garbled_front_matter_gives_a_post_or_a_clear_error(
    repo: Path, cut: int, insert: str, line: int, extra: str
) -> None:
    garbled = VALID[:cut] + insert + VALID[cut:]
    lines = garbled.split("\n")
    lines.insert(min(line, len(lines)), extra)
    path = repo / POST
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    project = load_project(repo)
    if project.posts:
        assert project.posts[0].id == "2026-12-02-uji"
    else:
        errors = project.report.errors
        assert errors, "no post and no error"
        for error in errors:
            assert error.path == path
            assert error.line is not None and 1 <= error.line <= len(lines) + 1
            assert error.message and "Traceback" not in error.message


def test_hashtag_lost_as_a_yaml_comment_warns(repo: Path) -> None:
    path = place(repo, "hashtag_comment")
    project = load_project(repo)
    assert [p.caption for p in project.posts] == ["Ayo memilih"]
    assert [(p.path, p.line, p.message) for p in project.report.warnings] == [
        (path, 7, "'caption': teks setelah ' #' dibaca YAML sebagai komentar dan hilang; tulis "
         "keterangan sebagai blok (|) atau dalam tanda kutip.")]


def test_quoted_or_block_caption_with_hashtags_does_not_warn(repo: Path) -> None:
    path = place(repo, "hashtag_comment")
    path.write_text(path.read_text().replace("caption: Ayo memilih #Pemilu2029",
                                             "caption: \"Ayo memilih #Pemilu2029\""))
    project = load_project(repo)
    assert list(project.report) == []
    assert project.posts[0].caption == "Ayo memilih #Pemilu2029"
