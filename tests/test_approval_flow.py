"""The SOP's approval flow from the command line: the whole way, a return, and every refusal.

Each refused move must say why in its own words and leave every file byte for byte as it was.
The clock is fixed with KALENDER_NOW so the records and messages are exact.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image

from kalender.cli.main import _register_commands, cli

POST_ID = "2026-12-09-hari-antikorupsi"
POST = f"""---
title: Hari Antikorupsi Sedunia
date: 2026-12-09 08:00
category: sewaktu-waktu
type: hari-penting
status: draf
platforms: [instagram, x]
caption: |
  Selamat Hari Antikorupsi Sedunia! Integritas dimulai dari hal kecil.
hashtags: [JDIHKPU, KPUSingkawang]
media:
  - file: {POST_ID}/kartu.png
    alt: Kartu oranye Hari Antikorupsi Sedunia.
---
Catatan desain.
"""
MONDAY = "2026-11-30T09:00"


def write_post(repo: Path, text: str = POST, post_id: str = POST_ID) -> Path:
    """The post file and its 1080x1350 picture under ``posts/2026/12/``."""
    folder = repo / "posts" / "2026" / "12"
    (folder / post_id).mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1080, 1350), (234, 88, 12)).save(folder / post_id / "kartu.png")
    path = folder / f"{post_id}.md"
    path.write_text(text, encoding="utf-8")
    return path


def add_plh(repo: Path, member: str, role: str, start: str, end: str) -> None:
    """Append an acting official (Plh.) to the copy's tim.yml."""
    path = repo / "calendar" / "tim.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        f"  - member: {member}\n    role: {role}\n    from: {start}\n    to: {end}\n"),
        encoding="utf-8")


def files_of(repo: Path) -> dict[str, bytes]:
    """Every byte the team wrote: posts/ and calendar/."""
    return {p.relative_to(repo).as_posix(): p.read_bytes()
            for folder in ("posts", "calendar") for p in sorted((repo / folder).rglob("*"))
            if p.is_file()}


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


@pytest.fixture
def post(repo: Path) -> Path:
    return write_post(repo)


def run(runner: CliRunner, repo: Path, *args: str, at: str = MONDAY) -> Result:
    return runner.invoke(cli, ["--root", str(repo), *args], env={"KALENDER_NOW": at,
                                                                "KALENDER_USER": None})


def ok(runner: CliRunner, repo: Path, *args: str, at: str = MONDAY) -> Result:
    result = run(runner, repo, *args, at=at)
    assert result.exit_code == 0, result.output
    return result


def status_line(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("status:"))


def test_whole_flow_from_submission_to_upload(runner: CliRunner, repo: Path,
                                              post: Path) -> None:
    submitted = ok(runner, repo, "submit", POST_ID, "--by", "rina")
    assert submitted.output.splitlines()[0] == (
        f"Pos '{POST_ID}' diajukan oleh Rina Marlina (Staf Subbagian Hukum) pada "
        "Senin, 30 November 2026 pukul 09.00 WIB.")
    assert status_line(post) == "status: diajukan"

    initialled = ok(runner, repo, "initial", POST_ID, "--by", "hendra", at="2026-12-01T10:30")
    assert initialled.output.splitlines()[2] == (
        "Berikutnya: Sari Wulandari, S.H., M.H. (sari) sebagai Anggota KPU Divisi Hukum dan "
        f"Pengawasan: menyetujui (kalender approve {POST_ID}) atau mengembalikan "
        f"(kalender return {POST_ID} --note \"…\")")
    assert status_line(post) == "status: diparaf"

    ok(runner, repo, "approve", POST_ID, "--by", "sari", at="2026-12-02T14:00")
    assert status_line(post) == "status: disetujui"

    first = ok(runner, repo, "uploaded", POST_ID, "--platform", "instagram", "--url",
               "https://www.instagram.com/p/abc/", "--by", "rina", at="2026-12-09T08:01")
    assert "Status: disetujui." in first.output  # x still has no link
    ok(runner, repo, "uploaded", POST_ID, "--platform", "x", "--url",
       "https://x.com/JDIHKPU_Singkawang/status/1", "--by", "bayu", at="2026-12-09T08:03")
    assert status_line(post) == "status: diunggah"

    history = ok(runner, repo, "history", POST_ID).output.splitlines()
    assert history[0].startswith(f"Pos {POST_ID}: diunggah (sidik isi ")
    assert [line.split(": ", 1)[1].split(" oleh ")[0] for line in history[2:7]] == [
        "diajukan", "diparaf", "disetujui", "diunggah di Instagram", "diunggah di X"]
    assert history[-1] == "Berikutnya: tidak ada; pos sudah diunggah di semua platformnya."

    records = post.with_name(f"{POST_ID}.persetujuan.yml").read_text(encoding="utf-8")
    assert records.count("- action: ") == 5
    assert "  role: kasubbag\n  at: 2026-12-01T10:30:00+07:00\n" in records
    assert '  url: "https://x.com/JDIHKPU_Singkawang/status/1"\n' in records


def test_indonesian_aliases_do_the_same(runner: CliRunner, repo: Path, post: Path) -> None:
    ok(runner, repo, "ajukan", POST_ID, "--by", "rina")
    ok(runner, repo, "paraf", POST_ID, "--by", "hendra")
    ok(runner, repo, "setujui", POST_ID, "--by", "sari")
    assert status_line(post) == "status: disetujui"
    ok(runner, repo, "unggah", POST_ID, "--platform", "x", "--url", "https://x.com/a/status/1",
       "--by", "rina")
    ok(runner, repo, "komentar", POST_ID, "Cek tautan.", "--by", "sari")
    assert "#1 Sari Wulandari" in ok(runner, repo, "riwayat", POST_ID).output


def test_help_lists_every_command(runner: CliRunner) -> None:
    listed = runner.invoke(cli, ["--help"]).output
    for name in ("submit", "ajukan", "initial", "paraf", "approve", "setujui", "return",
                 "kembalikan", "uploaded", "unggah", "comment", "komentar", "history",
                 "waiting", "menunggu", "sheet", "lembar", "nota-dinas"):
        assert f"\n  {name} " in listed, name


def test_returned_then_resubmitted_needs_both_checks_again(runner: CliRunner, repo: Path,
                                                           post: Path) -> None:
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    ok(runner, repo, "initial", POST_ID, "--by", "hendra")
    returned = ok(runner, repo, "return", POST_ID, "--by", "sari", "--note",
                  "Sebutkan dasar hukum peringatan ini.")
    assert returned.output.splitlines()[0] == (
        f"Pos '{POST_ID}' dikembalikan oleh Sari Wulandari, S.H., M.H. (Anggota KPU Divisi "
        "Hukum dan Pengawasan) pada Senin, 30 November 2026 pukul 09.00 WIB.")
    assert status_line(post) == "status: revisi"

    ok(runner, repo, "submit", POST_ID, "--by", "rina", at="2026-12-01T09:00")
    assert status_line(post) == "status: diajukan"
    refused = run(runner, repo, "approve", POST_ID, "--by", "sari", at="2026-12-01T10:00")
    assert refused.exit_code == 1
    assert "Status sekarang: diajukan." in refused.output  # the old paraf does not count
    ok(runner, repo, "initial", POST_ID, "--by", "hendra", at="2026-12-01T11:00")
    ok(runner, repo, "approve", POST_ID, "--by", "sari", at="2026-12-01T12:00")
    assert status_line(post) == "status: disetujui"
    assert '  note: "Sebutkan dasar hukum peringatan ini."\n' in post.with_name(
        f"{POST_ID}.persetujuan.yml").read_text(encoding="utf-8")


NEXT_KASUBBAG = (f"Hendra Gunawan, S.H. (hendra) sebagai Kepala Subbagian Hukum dan SDM: "
                 f"memberi paraf (kalender initial {POST_ID}) atau mengembalikan "
                 f"(kalender return {POST_ID} --note \"…\")")
REFUSED = ("Galat: langkah '{action}' pada pos '" + POST_ID
           + "' ditolak; tidak ada berkas yang diubah.")

FORBIDDEN = [
    pytest.param(
        [("submit", "rina")], ("approve", "sari"), None,
        [REFUSED.format(action="menyetujui"),
         "  Status sekarang: diajukan.",
         "  Alasan: langkah 'menyetujui' tidak tersedia pada status 'diajukan'; urutan SOP: "
         "diajukan → diparaf → disetujui → diunggah, tanpa melompati langkah.",
         "  Berikutnya: " + NEXT_KASUBBAG],
        id="skipping-the-paraf"),
    pytest.param(
        [("submit", "bayu")], ("initial", "bayu"), ("bayu", "kasubbag", "2026-11-30", "2026-12-04"),
        [REFUSED.format(action="memberi paraf"),
         "  Status sekarang: diajukan.",
         "  Alasan: Bayu Pratama (bayu) mengajukan pos ini; yang mengajukan tidak boleh "
         "memeriksa, memaraf atau menyetujui pos sendiri.",
         "  Berikutnya: " + NEXT_KASUBBAG],
        id="initialling-ones-own-draft"),
    pytest.param(
        [("submit", "rina"), ("initial", "hendra")], ("approve", "hendra"),
        ("hendra", "divisi", "2026-11-30", "2026-12-04"),
        [REFUSED.format(action="menyetujui"),
         "  Status sekarang: diparaf.",
         "  Alasan: Hendra Gunawan, S.H. (hendra) sudah memaraf pos ini pada Senin, "
         "30 November 2026 pukul 09.00 WIB; paraf dan persetujuan harus dari dua orang yang "
         "berbeda.",
         "  Berikutnya: Sari Wulandari, S.H., M.H. (sari) sebagai Anggota KPU Divisi Hukum dan "
         f"Pengawasan: menyetujui (kalender approve {POST_ID}) atau mengembalikan "
         f"(kalender return {POST_ID} --note \"…\")"],
        id="the-same-person-twice"),
    pytest.param(
        [("submit", "rina")], ("initial", "rina"), None,
        [REFUSED.format(action="memberi paraf"),
         "  Status sekarang: diajukan.",
         "  Alasan: Rina Marlina (rina) berperan sebagai Staf Subbagian Hukum; langkah ini "
         "hanya untuk Kepala Subbagian Hukum dan SDM.",
         "  Berikutnya: " + NEXT_KASUBBAG],
        id="the-wrong-role"),
    pytest.param(
        [("submit", "rina")], ("initial", "bayu"), None,
        [REFUSED.format(action="memberi paraf"),
         "  Status sekarang: diajukan.",
         "  Alasan: Bayu Pratama (bayu) adalah Plh. Kepala Subbagian Hukum dan SDM hanya dari "
         "21 Desember 2026 sampai 31 Desember 2026; hari ini 30 November 2026, di luar "
         "rentang itu.",
         "  Berikutnya: " + NEXT_KASUBBAG],
        id="acting-outside-the-plh-range"),
    pytest.param(
        [("submit", "rina"), ("initial", "hendra")], ("uploaded", "rina"), None,
        [REFUSED.format(action="mencatat unggahan"),
         "  Status sekarang: diparaf.",
         "  Alasan: langkah 'mencatat unggahan' tidak tersedia pada status 'diparaf'; urutan "
         "SOP: diajukan → diparaf → disetujui → diunggah, tanpa melompati langkah.",
         "  Berikutnya: Sari Wulandari, S.H., M.H. (sari) sebagai Anggota KPU Divisi Hukum dan "
         f"Pengawasan: menyetujui (kalender approve {POST_ID}) atau mengembalikan "
         f"(kalender return {POST_ID} --note \"…\")"],
        id="uploading-before-approval"),
]


@pytest.mark.parametrize(("before", "move", "plh", "expected"), FORBIDDEN)
def test_forbidden_move_says_why_and_changes_nothing(
        runner: CliRunner, repo: Path, post: Path, before: list[tuple[str, str]],
        move: tuple[str, str], plh: tuple[str, str, str, str] | None,
        expected: list[str]) -> None:
    if plh is not None:
        add_plh(repo, *plh)
    for action, member in before:
        ok(runner, repo, action, POST_ID, "--by", member)
    files = files_of(repo)
    extra = ["--platform", "x", "--url", "https://x.com/a/status/1"] if move[0] == "uploaded" \
        else []
    result = run(runner, repo, move[0], POST_ID, *extra, "--by", move[1])
    assert result.exit_code == 1
    assert result.output.splitlines() == expected
    assert files_of(repo) == files
    assert "Traceback" not in result.output


def test_plh_inside_the_range_may_act(runner: CliRunner, repo: Path, post: Path) -> None:
    ok(runner, repo, "submit", POST_ID, "--by", "rina", at="2026-12-21T08:00")
    done = ok(runner, repo, "initial", POST_ID, "--by", "bayu", at="2026-12-21T09:00")
    assert "diparaf oleh Bayu Pratama (Plh. Kepala Subbagian Hukum dan SDM)" in done.output
    records = post.with_name(f"{POST_ID}.persetujuan.yml").read_text(encoding="utf-8")
    assert "  by: bayu\n  role: kasubbag\n" in records
    assert "  acting: true\n" in records


@pytest.mark.parametrize(("args", "expected"), [
    pytest.param(["return", POST_ID, "--by", "hendra"],
                 f"Galat: mengembalikan pos '{POST_ID}' butuh catatan alasan: --note \"apa yang "
                 "perlu diperbaiki\".", id="return-without-note"),
    pytest.param(["submit", POST_ID],
                 "Galat: siapa yang bertindak? Sebutkan --by ANGGOTA atau isi variabel "
                 "KALENDER_USER; anggota: rina, bayu, hendra, sari, ahmad.", id="nobody-named"),
    pytest.param(["submit", POST_ID, "--by", "joko"],
                 "Galat: anggota 'joko' tidak ada di calendar/tim.yml; yang dikenal: rina, bayu, "
                 "hendra, sari, ahmad.", id="unknown-member"),
    pytest.param(["submit", "2026-12-10-tidak-ada", "--by", "rina"],
                 "Galat: pos '2026-12-10-tidak-ada' tidak ditemukan: diharapkan id pos (nama "
                 "berkas tanpa .md) di posts/ atau jalur ke berkas .md.", id="unknown-post"),
    pytest.param(["submit", POST_ID[:-3], "--by", "rina"],
                 f"Galat: pos '{POST_ID[:-3]}' tidak ditemukan. Maksud Anda '{POST_ID}'?",
                 id="post-id-with-a-typo"),
])
def test_wrong_words_are_refused_plainly(runner: CliRunner, repo: Path, post: Path,
                                         args: list[str], expected: str) -> None:
    files = files_of(repo)
    result = run(runner, repo, *args)
    assert result.exit_code == 1
    assert result.output.splitlines() == [expected]
    assert files_of(repo) == files


def test_status_written_by_hand_is_refused_until_it_agrees(runner: CliRunner, repo: Path,
                                                          post: Path) -> None:
    post.write_text(POST.replace("status: draf", "status: disetujui"), encoding="utf-8")
    files = files_of(repo)
    result = run(runner, repo, "uploaded", POST_ID, "--platform", "x", "--url",
                 "https://x.com/a/status/1", "--by", "rina")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Galat: pos '{POST_ID}' bertulis 'status: disetujui', tetapi belum ada catatan "
        f"persetujuan ({POST_ID}.persetujuan.yml); status itu hanya dapat dicapai lewat "
        "perintah. Ubah menjadi 'status: draf', lalu ajukan (kalender submit)."]
    assert files_of(repo) == files


def test_user_from_the_environment(runner: CliRunner, repo: Path, post: Path) -> None:
    result = runner.invoke(cli, ["--root", str(repo), "submit", POST_ID],
                           env={"KALENDER_NOW": MONDAY, "KALENDER_USER": "bayu"})
    assert result.exit_code == 0, result.output
    assert "diajukan oleh Bayu Pratama" in result.output


def test_comments_open_and_resolve(runner: CliRunner, repo: Path, post: Path) -> None:
    added = ok(runner, repo, "comment", POST_ID, "--platform", "x", "Terlalu panjang untuk X?",
               "--by", "hendra")
    assert added.output == (f"Komentar #1 pada pos '{POST_ID}' dicatat: Hendra Gunawan, S.H., "
                            "Senin, 30 November 2026 pukul 09.00 WIB.\n")
    ok(runner, repo, "comment", POST_ID, "Sumbernya?", "--by", "ahmad")
    ok(runner, repo, "comment", POST_ID, "--resolve", "1", "--by", "rina", at="2026-11-30T10:00")
    history = ok(runner, repo, "history", POST_ID).output
    assert ("#1 [x] Hendra Gunawan, S.H. (Kepala Subbagian Hukum dan SDM), Senin, 30 November "
            "2026 pukul 09.00 WIB: Terlalu panjang untuk X? [selesai: Rina Marlina, Senin, "
            "30 November 2026 pukul 10.00 WIB]") in history
    assert "#2 Ahmad Fauzi (Pimpinan KPU), Senin, 30 November 2026 pukul 09.00 WIB: Sumbernya? " \
           "[terbuka]" in history
    assert status_line(post) == "status: draf"  # comments never move the flow

    again = run(runner, repo, "comment", POST_ID, "--resolve", "1", "--by", "rina")
    assert again.output == ("Galat: komentar #1 sudah diselesaikan oleh Rina Marlina pada Senin, "
                            "30 November 2026 pukul 10.00 WIB.\n")
    missing = run(runner, repo, "comment", POST_ID, "--resolve", "7", "--by", "rina")
    assert missing.output == (f"Galat: pos '{POST_ID}' tidak punya komentar #7; komentar "
                              "terbuka: 2.\n")
    elsewhere = run(runner, repo, "comment", POST_ID, "--platform", "tiktok", "Hai", "--by",
                    "rina")
    assert elsewhere.output == ("Galat: platform 'tiktok' bukan platform pos ini; platformnya: "
                                "instagram, x.\n")


def test_waiting_lists_who_acts_next(runner: CliRunner, repo: Path, post: Path) -> None:
    ok(runner, repo, "submit", POST_ID, "--by", "rina")
    lines = ok(runner, repo, "waiting").output.splitlines()
    assert lines[lines.index("Hendra Gunawan, S.H. (hendra), Kepala Subbagian Hukum dan SDM: "
                             "1 pos menunggu") + 1] == (
        f"  Rabu, 9 Desember 2026  {POST_ID}  memberi paraf atau mengembalikan untuk revisi "
        "(status: diajukan)")
    assert "Sari Wulandari, S.H., M.H. (sari), Anggota KPU Divisi Hukum dan Pengawasan: 0 pos " \
           "menunggu" in lines
