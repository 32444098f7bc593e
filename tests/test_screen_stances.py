"""The SOP D screen on stances without a forbidden word (round screen-f, issue 16, after the
fourth blind corpus): a target (a group, a participant, a field of personal data) with a
hostile call, praise or attack in its sentence or a short one next to it
(``kalender.text.stances``, lists in ``calendar/terlarang/sikap/``). Each breach has a clean
sentence of the same shape beside it; none of these sentences is in a corpus. Every case runs
the real lists of ``calendar/`` and, for the finding, the real ``kalender check``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contentposts import findings, screen_errors, write_post
from kalender.core.problems import Severity
from kalender.rules.check import check_project
from kalender.rules.screen import screen

CALENDAR = Path(__file__).resolve().parent.parent / "calendar"


@pytest.mark.parametrize(("text", "category"), [
    # a named group with a call not to vote for it, to exclude or to expel it
    ("Jangan coblos caleg dari etnis itu, nanti kampung kita dijual.", "sara"),
    ("Warga Batak itu cuma tamu, tidak usah diberi kursi di dewan kelurahan.", "sara"),
    ("Umat sebelah mulai banyak di sini. Jangan kasih izin!", "sara"),
    ("Kami tidak akan memilih calon Konghucu, apa pun programnya.", "sara"),
    ("Haram hukumnya dipimpin orang yang tidak seakidah.", "sara"),
    # a participant named by shape, also with an ordinary word as name
    ("Pak Bambang calon paling tegas, yang lain cuma pencitraan.", "partisan"),
    ("Bu Intan itu amanah, semoga terpilih jadi wali kota.", "partisan"),
    ("Partai Langit Biru isinya koruptor, jangan coblos.", "partisan"),
    ("Siapa yang layak kita menangkan tahun ini? Nomor urut 5!", "partisan"),
    # an order to spread standing alone next to a claim without a source
    ("Pemungutan suara di Singkawang Utara diundur ke Maret. Teruskan!", "hoaks"),
    # a set of personal data published
    ("Kami lampirkan daftar lengkap dengan tanggal lahir dan NIK petugas.", "data-pribadi"),
])
def test_a_stance_without_a_forbidden_word_is_an_error(text: str, category: str) -> None:
    assert category in screen_errors(text), text


@pytest.mark.parametrize("text", [
    # the group as a reason, in a sentence about the law, a lesson word, or no call at all
    "Jangan memilih pemimpin karena etnisnya, pilih karena programnya.",
    "Menolak calon karena agamanya dilarang UU 7/2017 Pasal 280.",
    "Keberagaman umat lain di Singkawang dijaga bersama, jangan dimusuhi.",
    "Warga Batak, Dayak dan Tionghoa antre bersama di TPS 9.",
    "Jangan usir warga pendatang, mereka juga punya hak pilih.",
    # an official near his office, news of the organiser, advice without a participant
    "Pak Bambang, ketua PPS Roban, paling tegas menjaga jadwal.",
    "Bu Intan dari KPU membuka rapat pleno penetapan calon terpilih.",
    "Calon nomor urut 5 memperoleh 120 suara menurut rekapitulasi PPK.",
    "Pilih calon yang paling tegas menurut penilaianmu sendiri.",
    # a spread order with a source, a refutation or a lesson
    "Pemungutan suara tetap 14 Februari sesuai PKPU 3/2022. Teruskan!",
    "Kabar pemungutan suara diundur itu hoaks. Teruskan!",
    # personal data protected, not published
    "Jangan lampirkan tanggal lahir dan NIK di kolom komentar.",
    "Lindungi NIK keluargamu: daftar pemilih di TPS tidak memuat NIK lengkap.",
])
def test_the_same_shapes_stay_clean(text: str) -> None:
    assert not screen(text, CALENDAR), text


def test_a_stance_finding_names_the_words_the_clause_the_law_and_advice(tmp_path: Path) -> None:
    shutil.copytree(CALENDAR, tmp_path / "calendar")
    write_post(tmp_path,
               "caption: |\n  Kalau lurahnya Bugis, habis kita. Jangan kasih kesempatan!\n")
    [(line, severity, message, platform)] = findings(tmp_path, "content.forbidden")
    assert (line, severity, platform) == (9, "error", "instagram")
    assert message.startswith("Instagram: “Bugis” bersama “Jangan kasih” melanggar "
                              "SOP D.1: SARA (suku, agama, ras dan antargolongan) (dasar: "
                              "UU 40/2008 Pasal 4 huruf b;")
    assert "saran: nilai calon dan warga dari program dan perbuatannya" in message


def test_a_broken_stance_list_is_reported_with_its_file(tmp_path: Path) -> None:
    shutil.copytree(CALENDAR, tmp_path / "calendar")
    broken = tmp_path / "calendar" / "terlarang" / "sikap" / "sara.yml"
    broken.write_text("label: SARA\nsop: D.1\nadvice: netral\ntargets: [madura]\n",
                      encoding="utf-8")
    problems, _ = check_project(tmp_path)
    assert [(p.path, p.line, p.severity) for p in problems if "'dasar'" in p.message] == [
        (broken, 1, Severity.ERROR)]


def test_a_stance_list_with_a_clause_outside_sop_d_is_reported_at_its_line(tmp_path: Path) -> None:
    shutil.copytree(CALENDAR, tmp_path / "calendar")
    listed = tmp_path / "calendar" / "terlarang" / "sikap" / "hoaks.yml"
    listed.write_text(listed.read_text(encoding="utf-8").replace("sop: D.2", "sop: E.1"),
                      encoding="utf-8")
    line = listed.read_text(encoding="utf-8").splitlines().index("sop: E.1") + 1
    problems, _ = check_project(tmp_path)
    assert [(p.path, p.line) for p in problems if "E.1" in p.message] == [(listed, line)]
