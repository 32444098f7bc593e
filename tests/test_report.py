"""The half-yearly activity report: every number against an independent count.

A half-year of posts is written into a scratch repository and moved through the approval
flow by the real approval commands (``workflow_cli.move_post``, with the clock set by the
test), so the records are the ones the team would make. The test keeps its own book of
what it did (:class:`Truth`); every figure of the report is checked against counts made
from that book, never from the report's own code.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from conftest import without_keys
from kalender.approval.machine import Action
from kalender.cli import approval as workflow_cli
from kalender.cli.main import _register_commands, cli
from kalender.core.i18n import t
from kalender.core.problems import Report
from kalender.report.build import SemesterReport, build_report, semester_period
from kalender.report.engagement import import_exports, url_key
from kalender.report.inputs import report_input, write_report
from kalender.workflow import actions as kalender_workflow

TZ = ZoneInfo("Asia/Pontianak")
INPUTS = Path(__file__).parent / "inputs" / "engagement"
PERIOD = semester_period("2026-2")
TODAY = dt.date(2026, 12, 31)
AS_OF = dt.datetime(2026, 12, 31, 23, 59, 59, tzinfo=TZ)
HOURS = 24  # report.on_time_hours in the repository's satker.yml
PLATFORMS = ("instagram", "x", "facebook", "tiktok", "youtube")
MONTHS = {7: "Juli", 8: "Agustus", 9: "September", 10: "Oktober", 11: "November",
          12: "Desember"}
RUTIN = ("edukasi-kepemiluan", "edukasi-non-kepemiluan", "non-edukasi")
SEWAKTU = ("berita-kegiatan", "materi-penyuluhan")
DAYS_YAML = """days:
  - name: Hari Keadilan Internasional
    date: 17 Juli
    dasar: Statuta Roma
  - name: Hari Konstitusi
    date: 18 Agustus
    dasar: Keputusan Presiden Nomor 18 Tahun 2008
  - name: Hari Demokrasi Internasional
    date: 15 September
    dasar: Resolusi Majelis Umum PBB A/RES/62/7
  - name: Hari Antikorupsi Sedunia
    date: 9 Desember
    dasar: Resolusi Majelis Umum PBB A/RES/58/4
  - name: Hari Lahir Pancasila
    date: 1 Juni
    dasar: Keputusan Presiden Nomor 24 Tahun 2016
"""
PRODUCTS_YAML = """products:
  - jenis: Peraturan KPU
    nomor: "8"
    tahun: 2019
    tentang: Tata Kerja Komisi Pemilihan Umum
  - jenis: Peraturan KPU
    nomor: "4"
    tahun: 2021
    tentang: Perubahan Ketiga atas Peraturan KPU Nomor 8 Tahun 2019
  - jenis: Keputusan KPU
    nomor: 134/Kpts/KPU/Tahun 2016
    tahun: 2016
    tentang: Jaringan Dokumentasi dan Informasi Hukum Komisi Pemilihan Umum
"""


# -- the test's own book ----------------------------------------------------------------


@dataclass
class Truth:
    """What the test did to one post, written down as it did it."""

    id: str
    title: str
    when: dt.datetime
    type: str
    platforms: tuple[str, ...]
    submitted: dt.datetime | None = None
    paraf: dt.datetime | None = None
    approved: dt.datetime | None = None
    uploads: dict[str, dt.datetime] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    returns: list[tuple[str, str]] = field(default_factory=list)  # (member, note)
    voided: list[tuple[str, dt.datetime | None]] = field(default_factory=list)
    legal: tuple[str, str, int, str] | None = None
    all_uploads: dict[str, dt.datetime] = field(default_factory=dict)  # even after AS_OF

    @property
    def category(self) -> str:
        return "rutin" if self.type in RUTIN else "sewaktu-waktu"

    @property
    def in_period(self) -> bool:
        return dt.date(2026, 7, 1) <= self.when.date() <= dt.date(2026, 12, 31)


class Clock:
    """The time the approval commands read as "now"."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 6, 1, 8, 0, tzinfo=TZ)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    current = Clock()
    monkeypatch.setattr(workflow_cli.Loaded, "now", lambda self: current.now)
    # The half year's generated posts carry no media, sources or citations: they exist to be
    # counted. The content gates (tests/test_gates.py) are switched off for them only.
    monkeypatch.setattr(kalender_workflow, "gate", lambda *args, **kwargs: ((), ()))
    return current


def write_post(repo: Path, truth: Truth, caption: str = "Mari kenali hukum pemilu.") -> Path:
    day = truth.when.date().isoformat()
    path = repo / "posts" / day[:4] / day[5:7] / f"{truth.id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["---", f"title: {truth.title}", f"date: {truth.when:%Y-%m-%d %H:%M}",
             f"category: {truth.category}", f"type: {truth.type}", "status: draf",
             f"platforms: [{', '.join(truth.platforms)}]", f"caption: {caption}",
             "hashtags: [JDIHKPU, KPUSingkawang]"]
    if truth.legal is not None:
        jenis, nomor, tahun, tentang = truth.legal
        lines += ["legal_product:", f"  jenis: {jenis}", f'  nomor: "{nomor}"',
                  f"  tahun: {tahun}", f"  tentang: {tentang}"]
    path.write_text("\n".join(lines) + "\n---\nCatatan tim.\n", encoding="utf-8")
    return path


def live_link(platform: str, number: int) -> str:
    return {
        "instagram": f"https://www.instagram.com/p/JDIH{number:04d}/",
        "x": f"https://x.com/JDIHKPU_Singkawang/status/18{number:017d}",
        "facebook": f"https://www.facebook.com/JDIHKPU_Singkawang/posts/pfbid{number:05d}",
        "tiktok": f"https://www.tiktok.com/@jdihkpu_singkawang/video/74{number:017d}",
        "youtube": f"https://youtu.be/JDIH{number:07d}",
    }[platform]


class Team:
    """Moves posts through the flow with the real commands, at the test's times."""

    def __init__(self, repo: Path, clock: Clock) -> None:
        self.repo, self.clock, self.links = repo, clock, 0

    def act(self, truth: Truth, action: Action, by: str, at: dt.datetime, **details: str) -> None:
        self.clock.now = at
        workflow_cli.move_post(self.repo, truth.id, action, by, **details)

    def submit(self, truth: Truth, at: dt.datetime) -> None:
        self.act(truth, Action.SUBMIT, "rina", at)
        truth.submitted = truth.submitted or at

    def initial(self, truth: Truth, at: dt.datetime) -> None:
        self.act(truth, Action.INITIAL, "hendra", at)
        truth.paraf = at

    def approve(self, truth: Truth, at: dt.datetime) -> None:
        self.act(truth, Action.APPROVE, "sari", at)
        truth.approved = at

    def give_back(self, truth: Truth, by: str, at: dt.datetime, note: str) -> None:
        self.act(truth, Action.RETURN, by, at, note=note)
        truth.returns.append((by, note))

    def upload(self, truth: Truth, platform: str, at: dt.datetime) -> None:
        self.links += 1
        link = live_link(platform, self.links)
        self.act(truth, Action.UPLOADED, "bayu", at, platform=platform, url=link)
        truth.uploads[platform] = at
        truth.all_uploads[platform] = at
        truth.links[platform] = link

    def change(self, truth: Truth, caption: str) -> None:
        path = next((self.repo / "posts").rglob(f"{truth.id}.md"))
        text = path.read_text(encoding="utf-8")
        start = text.index("caption: ")
        end = text.index("\n", start)
        path.write_text(text[:start] + f"caption: {caption}" + text[end:], encoding="utf-8")


# -- the half-year ----------------------------------------------------------------------

FATES = ("draft", "submitted", "returned", "returned_fixed", "published", "published",
         "published", "late", "partial", "approved", "voided", "voided_paraf", "changed")


def half_year(repo: Path, clock: Clock) -> list[Truth]:
    """About fifty posts from late June to early January, each with a fate, done for real."""
    (repo / "calendar" / "hari-penting.yml").write_text(DAYS_YAML, encoding="utf-8")
    (repo / "calendar" / "produk-hukum.yml").write_text(PRODUCTS_YAML, encoding="utf-8")
    rng = random.Random(20262)
    team = Team(repo, clock)
    truths = [_special(repo, team, t) for t in _specials()]
    day = dt.date(2026, 6, 29)
    number = 0
    while day <= dt.date(2027, 1, 3):
        if day.isoweekday() in (2, 4):
            number += 1
            when = dt.datetime.combine(day, dt.time(rng.choice((8, 9, 13, 15)), 0), TZ)
            kind = rng.choice(RUTIN + SEWAKTU)
            platforms = tuple(sorted(rng.sample(PLATFORMS, rng.randint(1, 3)),
                                     key=PLATFORMS.index))
            truth = Truth(f"{day.isoformat()}-pos-{number:02d}", f"Pos {number:02d}", when,
                          kind, platforms)
            write_post(repo, truth)
            _live(team, truth, rng.choice(FATES), rng)
            truths.append(truth)
        day += dt.timedelta(days=1)
    return truths


def _specials() -> list[Truth]:
    """Legal products and important days, with fates chosen by hand."""
    legal = ("Peraturan KPU", "8", 2019, "Tata Kerja Komisi Pemilihan Umum")
    legal2 = ("Keputusan KPU", "134/Kpts/KPU/Tahun 2016", 2016,
              "Jaringan Dokumentasi dan Informasi Hukum Komisi Pemilihan Umum")
    legal3 = ("Peraturan KPU", "4", 2021, "Perubahan Ketiga")
    at = dt.time(10, 0)
    return [
        Truth("2026-08-03-umum-pkpu-8", "Pengumuman PKPU 8/2019",
              dt.datetime.combine(dt.date(2026, 8, 3), at, TZ), "pengumuman",
              ("instagram", "facebook"), legal=legal),
        Truth("2026-10-12-umum-kpts-134", "Pengumuman Keputusan 134",
              dt.datetime.combine(dt.date(2026, 10, 12), at, TZ), "pengumuman",
              ("x",), legal=legal2),
        Truth("2026-11-16-umum-pkpu-4", "Pengumuman PKPU 4/2021",
              dt.datetime.combine(dt.date(2026, 11, 16), at, TZ), "pengumuman",
              ("instagram",), legal=legal3),
        Truth("2026-08-17-hari-konstitusi", "Hari Konstitusi",
              dt.datetime.combine(dt.date(2026, 8, 17), at, TZ), "hari-penting",
              ("instagram", "x")),
        Truth("2026-09-15-hari-demokrasi", "Hari Demokrasi",
              dt.datetime.combine(dt.date(2026, 9, 15), at, TZ), "hari-penting",
              ("instagram",)),
        Truth("2026-12-09-hari-antikorupsi", "Hari Antikorupsi",
              dt.datetime.combine(dt.date(2026, 12, 9), at, TZ), "hari-penting",
              ("instagram", "facebook")),
    ]


def _special(repo: Path, team: Team, truth: Truth) -> Truth:
    write_post(repo, truth)
    published = truth.id not in ("2026-11-16-umum-pkpu-4", "2026-09-15-hari-demokrasi")
    rng = random.Random(truth.id)
    _live(team, truth, "published" if published else "approved", rng)
    return truth


def _live(team: Team, truth: Truth, fate: str, rng: random.Random) -> None:
    """Make the records of ``fate`` with the real commands."""
    if fate == "draft":
        return
    at = truth.when - dt.timedelta(hours=rng.randint(80, 200))
    step = lambda: dt.timedelta(hours=rng.randint(1, 30), minutes=rng.choice((0, 15, 40)))  # noqa: E731
    team.submit(truth, at)
    if fate == "submitted":
        return
    if fate == "returned":
        team.give_back(truth, "hendra", at + step(), f"Sumber data {truth.title} belum jelas")
        return
    at += step()
    team.initial(truth, at)
    if fate == "returned_fixed":
        at += step()
        team.give_back(truth, "sari", at, f"Perbaiki kutipan pasal pada {truth.title}")
        at += step()
        team.submit(truth, at)
        at += step()
        team.initial(truth, at)
    if fate == "voided_paraf":
        team.change(truth, "Keterangan diperbarui setelah paraf.")
        at += step()
        team.submit(truth, at)
        truth.voided.append(("initial", at))
        at += step()
        team.initial(truth, at)
    at += step()
    team.approve(truth, at)
    if fate in ("voided", "changed"):
        team.change(truth, "Keterangan diperbarui setelah disetujui.")
        if fate == "changed":
            truth.voided.append(("approve", None))
            return
        at += step()
        team.submit(truth, at)
        truth.voided.append(("approve", at))
        at += step()
        team.initial(truth, at)
        at += step()
        team.approve(truth, at)
    if fate == "approved":
        return
    last = at  # records are written in time order, as the write path demands
    for index, platform in enumerate(truth.platforms):
        if fate == "partial" and index > 0:
            break
        delay = rng.choice((-2, 0, 1, 5, 23))
        if fate == "late" and index == 0:
            delay = rng.randint(30, 60)
        planned = (max(at, truth.when) + dt.timedelta(hours=delay)
                   if delay >= 0 else truth.when + dt.timedelta(hours=delay))
        last = max(planned, last + dt.timedelta(minutes=1))
        team.upload(truth, platform, last)


# -- independent counts -----------------------------------------------------------------


def median(values: list[float]) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def hours_between(start: dt.datetime, end: dt.datetime) -> float:
    return (end - start).total_seconds() / 3600


@pytest.fixture(scope="module")
def semester(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Truth]]:
    """The half-year, made once for the tests of this module (they only read it)."""
    repo = tmp_path_factory.mktemp("semester")
    shutil.copytree(Path(__file__).resolve().parent.parent / "calendar", repo / "calendar")
    without_keys(repo / "calendar")  # a team before signatures: moves need no passphrase
    (repo / "posts").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        current = Clock()
        patch.setattr(workflow_cli.Loaded, "now", lambda self: current.now)
        patch.setattr(kalender_workflow, "gate", lambda *args, **kwargs: ((), ()))  # clock()
        truths = half_year(repo, current)
    for truth in truths:  # what happened after the report's moment is not in the report
        truth.uploads = {p: at for p, at in truth.uploads.items() if at <= AS_OF}
        truth.links = {p: link for p, link in truth.links.items() if p in truth.uploads}
    assert any(at > AS_OF for x in truths for at in x.all_uploads.values())
    return repo, truths


def build(repo: Path, exports: list[Path] | None = None,
          today: dt.date = TODAY) -> SemesterReport:
    problems = Report()
    source = report_input(repo, PERIOD, today, exports, problems)
    assert source is not None and not problems.errors, [p.message for p in problems]
    return build_report(source)


def test_every_number_of_the_report_matches_an_independent_count(
        semester: tuple[Path, list[Truth]]) -> None:
    repo, truths = semester
    report = build(repo)
    inside = [x for x in truths if x.in_period]
    published = [x for x in inside if x.uploads]
    assert len(inside) >= 45 and len(truths) > len(inside)  # posts outside the period exist
    assert report.as_of == AS_OF

    # 1. planned against published: totals, per month, category, type and platform
    assert (report.planned, report.published) == (len(inside), len(published))
    months = Counter(x.when.month for x in inside)
    months_out = Counter(x.when.month for x in published)
    assert [(m.label, m.planned, m.published) for m in report.by_month] == [
        (MONTHS[m], months[m], months_out[m]) for m in range(7, 13)]
    for tally in report.by_category:
        assert (tally.planned, tally.published) == (
            sum(1 for x in inside if x.category == tally.key),
            sum(1 for x in published if x.category == tally.key)), tally.key
    for tally in report.by_type:
        assert (tally.planned, tally.published) == (
            sum(1 for x in inside if x.type == tally.key),
            sum(1 for x in published if x.type == tally.key)), tally.key
    assert [(p.key, p.planned, p.published) for p in report.by_platform] == [
        (pid, sum(1 for x in inside if pid in x.platforms),
         sum(1 for x in inside if pid in x.uploads)) for pid in PLATFORMS]
    assert sum(c.published for c in report.by_category) == len(published)

    # 2. the approval process
    waits = {
        "paraf": [hours_between(x.submitted, x.paraf) for x in inside
                  if x.submitted and x.paraf],
        "approval": [hours_between(x.submitted, x.approved) for x in inside
                     if x.submitted and x.approved],
        "upload": [hours_between(x.submitted, min(x.uploads.values())) for x in inside
                   if x.submitted and x.uploads],
    }
    for lead in report.lead_times:
        assert lead.count == len(waits[lead.step]) > 3, lead.step
        assert lead.median == pytest.approx(median(waits[lead.step]))
        assert lead.worst == pytest.approx(max(waits[lead.step]))
    assert [(r.post.id, r.record.by, r.record.note) for r in report.returns] == [
        (x.id, by, note) for x in sorted(inside, key=lambda x: x.id) for by, note in x.returns]
    assert report.returned_posts == sum(1 for x in inside if x.returns) > 2
    assert sorted((v.post.id, v.step.value, v.at) for v in report.voided) == sorted(
        (x.id, step, at) for x in inside for step, at in x.voided)
    assert report.voided_posts == sum(1 for x in inside if x.voided) > 2

    # 3. on time
    deadline = {x.id: x.when + dt.timedelta(hours=HOURS) for x in inside}
    pairs = [(x, p) for x in inside for p in x.platforms]
    on_time = [(x, p) for x, p in pairs if p in x.uploads and x.uploads[p] <= deadline[x.id]]
    late = [(x, p) for x, p in pairs if p in x.uploads and x.uploads[p] > deadline[x.id]]
    missed = [(x, p) for x, p in pairs if p not in x.uploads and deadline[x.id] < AS_OF]
    pending = [(x, p) for x, p in pairs if p not in x.uploads and deadline[x.id] >= AS_OF]
    assert (report.on_time.on_time, report.on_time.late, report.on_time.pending) == (
        len(on_time), len(late), len(pending))
    assert sorted((u.post.id, u.platform) for u in report.on_time.missed) == sorted(
        (x.id, p) for x, p in missed)
    assert report.on_time.rate == pytest.approx(len(on_time) / (len(on_time) + len(late)
                                                                 + len(missed)))
    assert late and missed and on_time

    # 4. legal products and important days
    assert [(a.post.id, a.citation, a.links) for a in report.announced] == [
        ("2026-08-03-umum-pkpu-8", "Peraturan KPU Nomor 8 Tahun 2019 tentang Tata Kerja "
         "Komisi Pemilihan Umum", tuple(next(x for x in truths
                                             if x.id == "2026-08-03-umum-pkpu-8").links.values())),
        ("2026-10-12-umum-kpts-134", "Keputusan KPU Nomor 134/Kpts/KPU/Tahun 2016 "
         "tentang Jaringan Dokumentasi dan Informasi Hukum Komisi Pemilihan Umum",
         tuple(next(x for x in truths if x.id == "2026-10-12-umum-kpts-134").links.values())),
    ]
    assert [(p.jenis, p.nomor) for p in report.unannounced] == [("Peraturan KPU", "4")]
    greeted = {x.when.date() for x in inside if x.type == "hari-penting" and x.uploads}
    expected_days = []
    for day, name in ((dt.date(2026, 7, 17), "Hari Keadilan Internasional"),
                      (dt.date(2026, 8, 18), "Hari Konstitusi"),
                      (dt.date(2026, 9, 15), "Hari Demokrasi Internasional"),
                      (dt.date(2026, 12, 9), "Hari Antikorupsi Sedunia")):
        covered = day in greeted or day - dt.timedelta(days=1) in greeted
        expected_days.append((day, name, "covered" if covered else "missed"))
    assert [(d.day, d.name, d.state) for d in report.days] == expected_days
    assert [d.state for d in report.days] == ["missed", "covered", "missed", "covered"]


def test_the_summary_states_the_key_numbers_in_indonesian(
        semester: tuple[Path, list[Truth]]) -> None:
    repo, truths = semester
    report = build(repo)
    inside = [x for x in truths if x.in_period]
    published = [x for x in inside if x.uploads]
    rutin = sum(1 for x in published if x.category == "rutin")
    from kalender.report.wording import summary

    lines = summary(report)
    assert lines[0] == (
        f"Selama Semester 2 Tahun 2026 (1 Juli – 31 Desember 2026), {len(inside)} pos "
        f"direncanakan dan {len(published)} di antaranya terbit "
        f"({_percent(len(published), len(inside))}).")
    assert lines[1] == (
        f"Dari pos yang terbit, {rutin} konten rutin ({_percent(rutin, len(published))}) dan "
        f"{len(published) - rutin} konten sewaktu-waktu "
        f"({_percent(len(published) - rutin, len(published))}).")
    returned = [x for x in inside if x.returns]
    assert lines[3] == (
        f"{len(returned)} pos dikembalikan untuk revisi "
        f"({sum(len(x.returns) for x in returned)} kali pengembalian); persetujuan "
        f"{sum(1 for x in inside if x.voided)} pos gugur karena isinya berubah.")
    assert lines[4].startswith(f"Keadaan {len(inside)} pos periode ini hari ini, sama dengan "
                               "yang ditunjukkan kalender: ")
    assert lines[6] == ("2 produk hukum diumumkan; 2 dari 4 hari penting yang sudah lewat "
                        "disambut dengan ucapan, 2 terlewat.")


def _percent(part: int, whole: int) -> str:
    """85,7% the way an Indonesian reader writes it, computed here on its own."""
    value = round(part * 1000 / whole) / 10
    text = f"{value:.1f}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + "%"


# -- the written report: PDF, page, charts ----------------------------------------------


def test_the_command_writes_an_a4_pdf_and_an_offline_page_that_say_the_same(
        semester: tuple[Path, list[Truth]], tmp_path: Path) -> None:
    repo, truths = semester
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(repo), "report", "--semester", "2026-2",
                                      "--today", "2026-12-31"])
    assert result.exit_code == 0, result.output
    out = repo / "site" / "laporan" / "2026-2"
    assert "site/laporan/2026-2/index.html" in result.output
    assert "site/laporan/2026-2/laporan-aktivitas-2026-2.pdf" in result.output
    report = build(repo)
    from kalender.report.wording import summary

    pdf = PdfReader(out / "laporan-aktivitas-2026-2.pdf")
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (
        210, 297)
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    for heading in ("Laporan Aktivitas Akun Media Sosial JDIH", "Ringkasan",
                    "1. Pos yang direncanakan dan yang terbit", "2. Proses persetujuan",
                    "3. Ketepatan waktu unggah", "4. Produk hukum dan hari penting",
                    "5. Keterlibatan (dari ekspor platform)", "Komisi Pemilihan Umum Kota "
                    "Singkawang", "Semester 2 Tahun 2026 (1 Juli – 31 Desember 2026)"):
        assert heading in text, heading
    for line in summary(report):
        assert " ".join(line.split()) in text, line
    inside = [x for x in truths if x.in_period]
    for month in range(7, 13):
        planned = sum(1 for x in inside if x.when.month == month)
        done = sum(1 for x in inside if x.when.month == month and x.uploads)
        assert f"{MONTHS[month]} {planned} {done} {_percent(done, planned)}" in text
    assert "Peraturan KPU Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan Umum" in text
    for note in (n for x in inside for _, n in x.returns):
        assert note in text
    assert f"Halaman 1 dari {len(pdf.pages)}" in text
    assert sum(len(page.images) for page in pdf.pages) == 4  # the four charts

    page = (out / "index.html").read_text(encoding="utf-8")
    for line in summary(report):
        assert _html(line) in page
    for chart in ("bulan", "jenis", "platform", "rutin"):
        assert f'<img src="grafik-{chart}.png"' in page
        with Image.open(out / f"grafik-{chart}.png") as image:
            assert image.width == 1340  # 170 mm at 200 dpi: the PDF's text width
    assert '<a href="laporan-aktivitas-2026-2.pdf" download>' in page
    assert 'src="http' not in page and 'href="http' not in page  # nothing fetched online
    assert "<link" not in page and "<script" not in page


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_the_pdf_renders_to_png_pages_with_the_charts(
        semester: tuple[Path, list[Truth]], tmp_path: Path) -> None:
    repo, _ = semester
    problems = Report()
    source = report_input(repo, PERIOD, TODAY, None, problems)
    assert source is not None
    written = write_report(source, tmp_path / "out")
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed to render the report"
    subprocess.run([pdftoppm, "-r", "60", "-png", str(written.pdf), str(tmp_path / "hal")],
                   check=True)
    pages = sorted(tmp_path.glob("hal-*.png"))
    assert len(pages) == len(PdfReader(written.pdf).pages) >= 4
    for page in pages:
        with Image.open(page) as image:
            assert image.size == (497, 702)  # A4 at 60 dpi (pdftoppm rounds 496.06 up)
    with Image.open(pages[1]) as image:  # the month chart sits on page 1 or 2: colour ink
        colours = image.convert("RGB").getcolors(1_000_000) or []
    assert any(abs(r - 0) < 40 and abs(g - 114) < 40 and abs(b - 178) < 40
               for _, (r, g, b) in colours), "the blue 'published' bars are printed"


# -- engagement exports -----------------------------------------------------------------

SAMPLES = {
    "facebook": ("meta-facebook.csv", "https://www.facebook.com/JDIHKPU_Singkawang/posts/"
                 "pfbid0Kx7"),
    "instagram": ("meta-instagram.csv", "https://www.instagram.com/p/DNa1bC2yZ3k/"),
    "tiktok": ("tiktok-studio.csv", "https://www.tiktok.com/@jdihkpu_singkawang/video/"
               "7541234567890123456"),
    "youtube": ("youtube-studio.csv", "https://www.youtube.com/shorts/aB3dEfGh1jK"),
    "x": ("x-analytics.csv", "https://x.com/JDIHKPU_Singkawang/status/1958000000000000001"),
}
EXPECTED = {  # reach, views, likes, comments, shares, as written in the sample files
    "facebook": (1250, 2310, 87, 12, 9),
    "instagram": (2048, 3960, 312, 27, 15),
    "tiktok": (None, 18400, 1200, 48, 31),
    "youtube": (None, 5230, 140, 11, 6),
    "x": (None, 4871, 55, 4, 13),
}


def test_a_sample_export_of_each_platform_fills_the_engagement_table(
        repo: Path, clock: Clock) -> None:
    team = Team(repo, clock)
    for number, (platform, (_, link)) in enumerate(SAMPLES.items(), start=1):
        when = dt.datetime(2026, 8, number * 3, 9, 0, tzinfo=TZ)
        truth = Truth(f"{when.date().isoformat()}-uji-{platform}", f"Uji {platform}", when,
                      "edukasi-kepemiluan", (platform,))
        write_post(repo, truth)
        team.submit(truth, when - dt.timedelta(days=3))
        team.initial(truth, when - dt.timedelta(days=2))
        team.approve(truth, when - dt.timedelta(days=1))
        team.clock.now = when
        workflow_cli.move_post(repo, truth.id, Action.UPLOADED, "bayu", platform=platform,
                               url=link)
    report = build(repo, [INPUTS])
    engagement = report.engagement
    assert engagement is not None
    assert sorted(f for _, f in engagement.files) == sorted(
        ("meta-facebook", "meta-instagram", "tiktok-studio", "youtube-studio", "x-analytics"))
    figures = {x.platform: tuple(x.figures.get(m) for m in ("reach", "views", "likes",
                                                           "comments", "shares"))
               for x in engagement.totals}
    assert figures == EXPECTED
    assert [x.posts for x in engagement.totals] == [1, 1, 1, 1, 1]
    assert len(engagement.unmatched) == 5  # one row per sample is of a post not in the plan
    assert engagement.total("likes") == 87 + 312 + 1200 + 140 + 55
    from kalender.report.wording import engagement_totals_table

    table = engagement_totals_table(engagement)
    assert table.rows[-1] == ("Jumlah", "5", "3.298", "34.771", "1.794", "102", "74")


@pytest.mark.parametrize(("name", "content", "line", "message"), [
    ("instagram-angka.csv",
     "Post ID,Account ID,Account username,Account name,Description,Duration (sec),"
     "Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,"
     "Comments,Saves\n"
     "1801,1784,jdihkpu_singkawang,JDIH,Ok,0,08/03/2026 09:00,"
     "https://www.instagram.com/p/AAA/,IG image,,Lifetime,100,80,5,1,0,2,0\n"
     "1802,1784,jdihkpu_singkawang,JDIH,\"Dua\nbaris\",0,08/04/2026 09:00,"
     "https://www.instagram.com/p/BBB/,IG image,,Lifetime,100,delapan puluh,5,1,0,2,0\n",
     3, "kolom 'Reach' (kolom ke-13): diharapkan bilangan bulat (mis. 1234, 1.234 atau "
        "1,2K), ditemukan 'delapan puluh'."),
    ("tiktok-tautan.csv",
     "Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n"
     "Satu,https://www.tiktok.com/@jdihkpu_singkawang/video/1,2026-08-03 09:00,1,1,1,10\n"
     "Dua,bukan tautan,2026-08-04 09:00,1,1,1,10\n",
     3, "kolom 'Video link' (kolom ke-2): diharapkan tautan unggahan, ditemukan "
        "'bukan tautan'."),
    ("tak-dikenal.csv", "Tanggal,Jumlah\n2026-08-01,3\n", 1,
     "format ekspor tidak dikenal: judul kolomnya 'Tanggal, Jumlah'. Diharapkan ekspor CSV "
     "dari salah satu: youtube-studio, tiktok-studio, x-analytics, x-analytics-lama, "
     "meta-instagram, meta-facebook (lihat docs/laporan.md)."),
], ids=["bad-number-after-a-two-line-cell", "bad-link", "unknown-format"])
def test_a_malformed_export_names_the_file_the_line_and_the_column(
        tmp_path: Path, name: str, content: str, line: int, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    problems = Report()
    import_exports([path], problems)
    assert [(p.where(), p.message) for p in problems] == [(f"{path.as_posix()}:{line}",
                                                           message)]


def test_the_command_reports_a_malformed_export_and_writes_nothing(repo: Path) -> None:
    folder = repo / "laporan" / "keterlibatan"
    folder.mkdir(parents=True)
    (folder / "x.csv").write_text(
        "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements\n"
        "1,\"Mon, Aug 3, 2026\",Halo,https://x.com/a/status/1,12x,1,1\n", encoding="utf-8")
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(repo), "report", "--semester", "2026-2"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "laporan/keterlibatan/x.csv",
        "  galat baris 2: kolom 'Impressions' (kolom ke-5): diharapkan bilangan bulat "
        "(mis. 1234, 1.234 atau 1,2K), ditemukan '12x'.",
        "Galat: laporan tidak ditulis: perbaiki dulu 1 galat di atas."]
    assert "Traceback" not in result.output
    assert not (repo / "site").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--semester", "2026-3"], "semester '2026-3' tidak dikenal: tulis TTTT-1 (Januari-Juni) "
                               "atau TTTT-2 (Juli-Desember), mis. 2026-2."),
    (["--from", "2026-07-01"], "sebutkan periode: --semester TTTT-1|2, atau --from dan --to "
                               "bersama-sama."),
    (["--from", "2026-09-01", "--to", "2026-08-01"],
     "periode berakhir (2026-08-01) sebelum dimulai (2026-09-01)."),
    (["--from", "1 Juli", "--to", "2026-08-01"],
     "tanggal '1 Juli' untuk --from tidak dikenal: tulis TTTT-BB-HH, mis. 2026-07-01."),
], ids=["semester-3", "from-alone", "end-before-start", "bad-date"])
def test_a_wrong_period_is_refused_with_a_clear_message(repo: Path, args: list[str],
                                                        message: str) -> None:
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(repo), "report", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_the_same_links_written_differently_match_the_same_post() -> None:
    assert url_key("instagram", "https://www.instagram.com/p/DNa1bC2yZ3k/?igsh=abc") == \
        url_key("instagram", "instagram.com/reel/DNa1bC2yZ3k")
    assert url_key("x", "https://twitter.com/JDIHKPU_Singkawang/status/123?s=20") == \
        url_key("x", "https://x.com/jdihkpu_singkawang/status/123")
    assert url_key("youtube", "https://youtu.be/aB3dEfGh1jK") == \
        url_key("youtube", "aB3dEfGh1jK") == \
        url_key("youtube", "https://www.youtube.com/watch?v=aB3dEfGh1jK&t=3")
    assert url_key("tiktok", "https://www.tiktok.com/@a/video/75?lang=id") == \
        url_key("tiktok", "https://m.tiktok.com/@a/video/75")
    assert url_key("x", "https://x.com/JDIHKPU_Singkawang") is None


def test_a_range_report_counts_only_its_days(semester: tuple[Path, list[Truth]]) -> None:
    repo, truths = semester
    from kalender.report.build import range_period

    problems = Report()
    source = report_input(repo, range_period(dt.date(2026, 8, 1), dt.date(2026, 9, 30)),
                          TODAY, None, problems)
    assert source is not None
    report = build_report(source)
    chosen = [x for x in truths if dt.date(2026, 8, 1) <= x.when.date()
              <= dt.date(2026, 9, 30)]
    assert (report.planned, report.published) == (len(chosen),
                                                   sum(1 for x in chosen if x.uploads))
    assert [m.key for m in report.by_month] == ["2026-08", "2026-09"]
    assert t("report.col.month") == "Bulan"


def test_the_site_build_adds_a_page_per_half_year_with_its_pdf_and_charts(
        semester: tuple[Path, list[Truth]], tmp_path: Path) -> None:
    repo, truths = semester
    root = Path(__file__).resolve().parent.parent
    site_repo = tmp_path / "repo"
    for folder in ("calendar", "posts"):
        shutil.copytree(repo / folder, site_repo / folder)
    for folder in ("overrides", "docs"):
        shutil.copytree(root / folder, site_repo / folder)
    shutil.copy(root / "mkdocs.yml", site_repo / "mkdocs.yml")
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(site_repo), "build", "--today",
                                      "2026-12-31", "--site-dir", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "site" / "laporan"
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="2026-2/index.html"' in index  # links that work from file://
    assert 'href="2026-1/index.html"' in index  # the first post is on 29 June
    page = (folder / "2026-2" / "index.html").read_text(encoding="utf-8")
    from kalender.report.wording import summary

    # the site's report is as of the end of last week (Sunday 27 December), for the
    # weekly meeting, not of Thursday 31 December (docs/laporan.md)
    sunday = build(repo, today=dt.date(2026, 12, 27))
    for line in summary(sunday):
        assert _html(line) in page
    assert summary(sunday) != summary(build(repo))  # four days of uploads later
    said = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    # as of the last day something the report counts changed up to then: a day of that week
    shown = re.search(r"Keadaan per \w+, (\d+) Desember 2026 pukul 23\.59 WIB", said)
    assert shown is not None and 21 <= int(shown.group(1)) <= 27, said[:300]
    assert summary(build(repo, today=dt.date(2026, 12, int(shown.group(1))))) == summary(sunday)
    assert '<img src="grafik-bulan.png"' in page
    assert PdfReader(folder / "2026-2" / "laporan-aktivitas-2026-2.pdf").pages
    with Image.open(folder / "2026-2" / "grafik-jenis.png") as image:
        assert image.width == 1340
