"""An approval binds to exactly what gets published: one character or one pixel voids it,
restoring the content restores it, and what is not published never voids it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from kalender.approval.fingerprint import canonical, fingerprint
from kalender.approval.standing import changed_label, effective_label, effective_status
from kalender.cli.main import _register_commands, cli
from kalender.core.loader import load_project
from kalender.rules.check import check_project
from test_approval_flow import POST, POST_ID, ok, run, write_post


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


@pytest.fixture
def approved(runner: CliRunner, repo: Path) -> Path:
    path = write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    ok(runner, repo, "approve", POST_ID, "--by", "sari")
    return path


def state(repo: Path) -> tuple[str, str]:
    post = load_project(repo).post(POST_ID)
    assert post is not None
    return effective_status(post), effective_label(post)


def approval_problems(repo: Path) -> list[str]:
    problems, _ = check_project(repo)
    return [p.message for p in problems if p.code.startswith("approval.")]


def test_one_character_of_the_caption_voids_the_approval(runner: CliRunner, repo: Path,
                                                          approved: Path) -> None:
    assert state(repo) == ("disetujui", "disetujui")
    assert approval_problems(repo) == []
    original = approved.read_bytes()
    approved.write_bytes(original.replace(b"hal kecil.", b"hal kecil!"))

    assert state(repo) == ("berubah", "berubah setelah disetujui")
    post = load_project(repo).post(POST_ID)
    assert post is not None and changed_label(post) == "Berubah setelah disetujui"
    [message] = approval_problems(repo)
    assert message.startswith("isi pos berubah setelah disetujui: sidik saat disetujui ")
    upload = run(runner, repo, "uploaded", POST_ID, "--platform", "x", "--url",
                 "https://x.com/a/status/1", "--by", "rina")
    assert upload.exit_code == 1
    assert "  Status sekarang: berubah setelah disetujui." in upload.output

    approved.write_bytes(original)
    assert state(repo) == ("disetujui", "disetujui")
    assert approval_problems(repo) == []
    ok(runner, repo, "uploaded", POST_ID, "--platform", "x", "--url",
       "https://x.com/a/status/1", "--by", "rina")


def test_one_pixel_of_the_image_voids_the_approval(repo: Path, approved: Path) -> None:
    picture = repo / "posts" / "2026" / "12" / POST_ID / "kartu.png"
    original = picture.read_bytes()
    with Image.open(picture) as image:
        changed = image.copy()
    changed.putpixel((540, 675), (233, 88, 12))
    changed.save(picture)
    assert state(repo) == ("berubah", "berubah setelah disetujui")

    picture.write_bytes(original)
    assert state(repo) == ("disetujui", "disetujui")


def test_changed_after_the_paraf_says_so(runner: CliRunner, repo: Path) -> None:
    path = write_post(repo)
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    path.write_text(path.read_text(encoding="utf-8").replace("[JDIHKPU, KPUSingkawang]",
                                                             "[JDIHKPU]"), encoding="utf-8")
    assert state(repo) == ("berubah", "berubah setelah diparaf")
    refused = run(runner, repo, "approve", POST_ID, "--by", "sari")
    assert refused.exit_code == 1
    assert "  Alasan: isi pos berubah setelah diparaf (sidik saat itu: " in refused.output
    ok(runner, repo, "submit", POST_ID, "--by", "rina")  # a fresh submission starts over
    assert state(repo) == ("diajukan", "diajukan")


@pytest.mark.parametrize(("old", "new"), [
    pytest.param("hashtags: [JDIHKPU, KPUSingkawang]", "hashtags: [KPUSingkawang, JDIHKPU]",
                 id="hashtag-order"),
    pytest.param("hashtags: [JDIHKPU, KPUSingkawang]",
                 "hashtags: [JDIHKPU, KPUSingkawang]\nmentions: [kpu_ri]", id="a-mention"),
    pytest.param("platforms: [instagram, x]", "platforms: [instagram]", id="a-platform-less"),
    pytest.param("platforms: [instagram, x]", "platforms: {instagram: story, x: post}",
                 id="another-format"),
    pytest.param("date: 2026-12-09 08:00", "date: 2026-12-09 08:01", id="one-minute-later"),
    pytest.param("    alt: Kartu oranye", "    alt: Kartu jingga", id="the-alt-text"),
])
def test_what_is_published_counts(repo: Path, old: str, new: str) -> None:
    path = write_post(repo)
    before = fingerprint(_post(repo))
    path.write_text(POST.replace(old, new), encoding="utf-8")
    assert fingerprint(_post(repo)) != before


@pytest.mark.parametrize(("old", "new"), [
    pytest.param("Catatan desain.", "Catatan desain yang lain.", id="the-body-notes"),
    pytest.param("status: draf", "status: draf  # sedang ditulis", id="a-yaml-comment"),
    pytest.param("title: Hari Antikorupsi Sedunia", "title: Hari Antikorupsi",
                 id="the-calendar-title"),
    pytest.param("type: hari-penting", "type: berita-kegiatan", id="the-type"),
])
def test_what_is_not_published_does_not_count(repo: Path, old: str, new: str) -> None:
    path = write_post(repo)
    before = fingerprint(_post(repo))
    path.write_text(POST.replace(old, new), encoding="utf-8")
    assert fingerprint(_post(repo)) == before


def test_windows_line_endings_do_not_count(repo: Path) -> None:
    path = write_post(repo)
    before = fingerprint(_post(repo))
    path.write_bytes(POST.replace("\n", "\r\n").encode("utf-8"))
    assert fingerprint(_post(repo)) == before


def test_canonical_form_is_sorted_json_with_the_text_to_paste(repo: Path) -> None:
    write_post(repo)
    text = canonical(_post(repo)).decode("utf-8")
    assert text.startswith('{"hashtags":["JDIHKPU","KPUSingkawang"],"media":[{"alt":')
    assert ('"text":"Selamat Hari Antikorupsi Sedunia! Integritas dimulai dari hal kecil.'
            '\\n\\n#JDIHKPU #KPUSingkawang"') in text
    assert text.endswith('"version":"kalender-sidik-1","when":"2026-12-09T08:00:00+07:00"}')


def _post(repo: Path):  # type: ignore[no-untyped-def]
    post = load_project(repo).post(POST_ID)
    assert post is not None
    return post


def test_check_names_the_changed_post_in_the_cli(runner: CliRunner, repo: Path,
                                                  approved: Path) -> None:
    approved.write_bytes(approved.read_bytes().replace(b"Selamat", b"Selamatlah"))
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert result.exit_code == 1
    assert (f"posts/2026/12/{POST_ID}.md\n  galat baris 6: isi pos berubah setelah disetujui"
            in result.output)
