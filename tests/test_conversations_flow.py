"""Public conversations end to end on a copy of the sample: import a YouTube commentThreads
and a Graph comments response, import again (nothing changes), answer one comment from draft
to approved to posted, read the site pages, the report's section, counter a claim."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from kalender.approval.keys import public_bytes
from kalender.approval.signing import read_items, verify_signature
from kalender.cli import cli, main  # noqa: F401  (main registers the commands)
from kalender.cli.commands import register
from kalender.conversations.answers import chain_of
from kalender.core.problems import Report
from kalender.report.build import build_report, semester_period
from kalender.report.inputs import report_input
from samplekeys import DEMO_PASSPHRASE, KEY_FOLDER

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "inputs" / "percakapan"
YOUTUBE, GRAPH = INPUTS / "youtube-commentThreads.json", INPUTS / "facebook-comments.json"
POST = "2026-12-09-hari-antikorupsi-sedunia"
ASKED = "2026-12-02-pengumuman-pkpu-8-2019"
QUESTION = "facebook:267684631782460_9004"  # "PKPU 8 tahun 2019 itu isinya tentang apa ya min?"
CLAIM = "youtube:UgzHoax02"
register()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    for name in ("calendar", "posts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


STEPS = {"answer", "approve-answer", "posted", "jawab", "setujui-jawaban", "terposting"}


def run(root: Path, *args: str, at: str = "2026-12-11T09:00:00+07:00",
        stdin: str | None = None) -> Result:
    """The command on ``root``; an answer step is signed with the sample's demo key of its
    member (the sample team has keys, so a step without the member's secret is refused)."""
    if len(args) > 1 and args[1] in STEPS and "--password-stdin" not in args:
        args, stdin = (*args, "--password-stdin"), DEMO_PASSPHRASE + "\n"
    return CliRunner().invoke(cli, ["--root", str(root), *args], input=stdin,
                              env={"KALENDER_NOW": at, "KALENDER_USER": "",
                                   "KALENDER_KEYS": str(KEY_FOLDER)})


def ok(root: Path, *args: str, **kw: str) -> Result:
    result = run(root, *args, **kw)
    assert result.exit_code == 0, result.output
    return result


def stored(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "posts").rglob("*.percakapan.yml")}


def test_import_twice_stores_each_comment_once_and_says_so(sample: Path) -> None:
    first = ok(sample, "conversations", "import", str(YOUTUBE), str(GRAPH))
    assert "7 komentar baru disimpan pada 2 pos dari 2 berkas" in first.output
    files = stored(sample)
    assert sorted(files) == [f"{ASKED}.percakapan.yml", f"{POST}.percakapan.yml"]
    second = ok(sample, "percakapan", "impor", str(GRAPH), str(YOUTUBE))
    assert "Tidak ada komentar baru: 7 komentar dibaca, 7 sudah tersimpan" in second.output
    assert stored(sample) == files
    text = files[f"{POST}.percakapan.yml"].decode()
    assert "<script>alert('x')</script>" in text  # kept as the platform gave it


def test_a_bad_file_imports_nothing_and_names_file_and_path(sample: Path) -> None:
    broken = json.loads(GRAPH.read_text(encoding="utf-8"))
    broken["data"][1]["created_time"] = "kemarin sore"
    bad = sample / "fb-rusak.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    csv = sample / "lain.csv"
    csv.write_text("platform,post_url,comment_id,parent_id,author,created_at,text\n"
                   "youtube,https://youtu.be/J8738290130,c1,,Ani,2026-12-10T10:00:00Z,halo\n"
                   "myspace,https://youtu.be/J8738290130,c2,,Ani,2026-12-10T10:00:00Z,x\n",
                   encoding="utf-8")
    result = run(sample, "conversations", "import", str(YOUTUBE), str(bad), str(csv))
    assert result.exit_code == 1
    assert "fb-rusak.json" in result.output and "$.data[1].created_time" in result.output
    assert "kemarin sore" in result.output
    assert "lain.csv" in result.output and "baris 3" in result.output
    assert "myspace" in result.output
    assert "Traceback" not in result.output
    assert stored(sample) == {}


def test_an_answer_goes_from_draft_to_approved_to_posted(sample: Path) -> None:
    ok(sample, "conversations", "import", str(GRAPH))
    ok(sample, "conversations", "answer", QUESTION, "--canned", "tata-kerja-kpu", "--by", "rina")
    early = run(sample, "conversations", "posted", QUESTION, "--url", "https://fb.com/c/1",
                "--by", "rina", at="2026-12-11T09:30:00+07:00")
    assert early.exit_code == 1
    assert "menyebut produk hukum (PKPU 8/2019, PKPU 4/2021)" in early.output
    own = run(sample, "conversations", "approve-answer", QUESTION, "--by", "rina")
    assert own.exit_code == 1 and "peran kasubbag" in own.output
    ok(sample, "percakapan", "setujui-jawaban", QUESTION, "--by", "hendra",
       at="2026-12-11T10:00:00+07:00")
    ok(sample, "conversations", "posted", QUESTION, "--url",
       "https://www.facebook.com/JDIHKPU_Singkawang/posts/267684631782460?comment_id=77",
       "--by", "rina", at="2026-12-11T11:00:00+07:00")
    path = next((sample / "posts").rglob(f"{ASKED}.percakapan.yml"))
    steps = [i.fields for i in read_items(path, path.read_bytes()) if "answer" in i.fields]
    assert [(s["step"], s["by"], s["role"]) for s in steps] == [
        ("draf", "rina", "staf"), ("disetujui", "hendra", "kasubbag"),
        ("diposting", "rina", "staf")]
    assert "https://jdih.kpu.go.id/kalbar/singkawang" in steps[0]["text"]
    again = run(sample, "conversations", "answer", QUESTION, "--text", "lagi", "--by", "bayu",
                at="2026-12-11T12:00:00+07:00")
    assert again.exit_code == 1 and "sudah diposting" in again.output
    listed = ok(sample, "conversations", "list").output
    assert QUESTION not in listed and "youtube" not in listed  # only the Graph file imported


def test_forbidden_words_refuse_a_draft_and_nothing_is_written(sample: Path) -> None:
    ok(sample, "conversations", "import", str(GRAPH))
    before = stored(sample)
    result = run(sample, "conversations", "answer", "facebook:65282612143439_9001",
                 "--text", "yang bikin hoaks bunuh saja", "--by", "rina")
    assert result.exit_code == 1 and "bunuh saja" in result.output
    assert stored(sample) == before


def test_a_signed_answer_step_verifies_and_check_finds_it_altered(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ok(sample, "conversations", "import", str(GRAPH))
    ok(sample, "conversations", "answer", "facebook:65282612143439_9001", "--text",
       "Mohon maaf, laman sedang kami periksa.", "--by", "rina")  # the sample's demo key
    path = next((sample / "posts").rglob(f"{POST}.percakapan.yml"))
    step = [i.fields for i in read_items(path, path.read_bytes()) if "answer" in i.fields][0]
    assert set(step) >= {"prev", "key", "signature"}
    public = re.search(r"public: \"?(ed25519:[A-Za-z0-9+/=]+)",
                       (sample / "calendar" / "tim.yml").read_text(encoding="utf-8")
                       .split("id: rina")[1])
    assert public is not None
    raw = public_bytes(public.group(1))
    assert raw is not None and verify_signature(chain_of(POST), step, raw)
    assert run(sample, "check").exit_code == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("laman sedang kami periksa", "laman sudah beres"),
                    encoding="utf-8")
    altered = run(sample, "check")
    assert altered.exit_code == 1
    line = next(n for n, v in enumerate(text.split("\n"), 1) if v.startswith("- answer:"))
    assert f"{POST}.percakapan.yml" in altered.output and f"baris {line}" in altered.output


def test_a_claim_becomes_a_proposal_that_check_accepts(sample: Path) -> None:
    ok(sample, "conversations", "import", str(YOUTUBE))
    result = ok(sample, "percakapan", "luruskan", CLAIM, "--date", "2026-12-14")
    written = next((sample / "posts").rglob("2026-12-14-meluruskan-kabar-*.md"))
    assert written.name in result.output
    text = written.read_text(encoding="utf-8")
    assert "status: usulan" in text and "type: materi-penyuluhan" in text
    assert CLAIM in text and "PKPU 8/2019 udah dicabut" in text
    check = run(sample, "check", str(written))
    assert check.exit_code == 0, check.output


def test_the_report_has_a_public_input_section(sample: Path) -> None:
    ok(sample, "conversations", "import", str(YOUTUBE), str(GRAPH))
    ok(sample, "conversations", "answer", QUESTION, "--canned", "tata-kerja-kpu", "--by", "rina")
    ok(sample, "conversations", "approve-answer", QUESTION, "--by", "hendra",
       at="2026-12-11T10:00:00+07:00")
    ok(sample, "conversations", "posted", QUESTION, "--url", "https://fb.com/c/1", "--by",
       "rina", at="2026-12-11T11:00:00+07:00")
    source = report_input(sample, semester_period("2026-2"), dt.date(2026, 12, 24), None,
                          Report())
    assert source is not None
    found = build_report(source).public_input
    assert found is not None
    assert (found.comments, found.needing, found.answered, found.unanswered) == (7, 5, 1, 4)
    assert dict(found.by_kind)["misinformasi"] == 1
    result = ok(sample, "report", "--semester", "2026-2", "--today", "2026-12-24", "--out",
                str(sample / "laporan-uji"))
    assert "Traceback" not in result.output
    page = (sample / "laporan-uji" / "index.html").read_text(encoding="utf-8")
    assert "6. Masukan publik" in page and "Belum dijawab" in page
    assert "8 hari 0 jam" in page  # asked 3 Dec 11:00, answered 11 Dec 11:00
    pdf = next((sample / "laporan-uji").glob("*.pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "6. Masukan publik" in text and "Klaim misinformasi" in text


def test_the_site_shows_the_inbox_and_the_threads_escaped(sample: Path, tmp_path: Path) -> None:
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, sample / name)
    shutil.copy(ROOT / "mkdocs.yml", sample / "mkdocs.yml")
    ok(sample, "conversations", "import", str(YOUTUBE), str(GRAPH))
    out = tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", "kalender", "--root", str(sample), "build",
                            "--today", "2026-12-11", "--site-dir", str(out), "--strict"],
                           capture_output=True, text=True, cwd=sample, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    inbox = (out / "percakapan" / "index.html").read_text(encoding="utf-8")
    assert "5 komentar menunggu jawaban" in inbox
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in inbox
    assert "<script>alert" not in inbox and "<img src=x" not in inbox
    assert "Budi Santoso" not in inbox and "Warganet " in inbox  # pseudonymised
    assert inbox.index("PKPU 8 tahun 2019 itu isinya") < inbox.index("cara cek terdaftar")
    assert 'data-kind="misinformasi"' in inbox and "Klaim misinformasi" in inbox
    page = (out / "pos" / POST / "index.html").read_text(encoding="utf-8")
    assert "Percakapan publik" in page and "makasih infonya" in page
    assert "Andi &lt;b&gt;Wijaya&lt;/b&gt;" not in page and "Andi" not in page
    listening = (out / "percakapan" / "pantauan" / "index.html").read_text(encoding="utf-8")
    assert f"kalender percakapan luruskan {CLAIM}" in listening
    assert "2026-W50" in listening


def test_check_names_the_line_of_a_wrong_canned_answer(sample: Path) -> None:
    path = sample / "calendar" / "jawaban-siap.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("topics: [produk-hukum, layanan-dan-akun]",
                                 "topics: [produk-hukum, cuaca]"), encoding="utf-8")
    line = next(n for n, v in enumerate(text.split("\n"), 1)
                if "topics: [produk-hukum, layanan-dan-akun]" in v)
    result = run(sample, "check")
    assert result.exit_code == 1
    assert "jawaban-siap.yml" in result.output and f"baris {line}" in result.output
    assert "cuaca" in result.output


def test_help_lists_the_commands_in_both_languages(sample: Path) -> None:
    indonesian = ok(sample, "percakapan", "--help").output
    names = ["impor", "daftar", "jawab", "setujui-jawaban", "terposting", "luruskan"]
    assert [n for n in names if f"  {n} " in indonesian] == names
    assert "  build " not in indonesian
    english = subprocess.run([sys.executable, "-m", "kalender", "--lang", "en",
                              "conversations", "--help"], capture_output=True, text=True,
                             cwd=sample, timeout=120).stdout  # help texts: read at import
    assert "Import comments from the platforms' API responses" in english
    assert "  approve-answer " in english and "  posted " in english
