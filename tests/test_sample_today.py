"""``kalender sample`` (issue 22): the sample calendar moved to the day it is opened, so it
shows a plausible past, present and future; the fixed sample in posts/ stays as it is."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kalender.cli.main import _register_commands, cli

ROOT = Path(__file__).resolve().parent.parent


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def front(path: Path) -> dict[str, object]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def moved(tmp_path: Path, today: str) -> tuple[Path, str]:
    _register_commands()
    out = tmp_path / today
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "sample", "--out", str(out),
                                      "--today", today])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def march(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    before = tree_digest(ROOT / "posts")
    out, said = moved(tmp_path_factory.mktemp("sample"), "2027-03-10")
    assert tree_digest(ROOT / "posts") == before  # the fixed sample is not touched
    return out, said


def test_nothing_is_uploaded_or_recorded_after_today(march: tuple[Path, str]) -> None:
    out, said = march
    assert said.startswith(f"Contoh kalender ditulis di {out}: 39 pos, digeser 14 minggu ke "
                           "2027-03-10;")
    end = dt.datetime(2027, 3, 10, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    states: dict[str, list[dt.date]] = {}
    for path in sorted((out / "posts").rglob("*.md")):
        data = front(path)
        day = dt.date.fromisoformat(path.name[:10])
        states.setdefault(str(data.get("status", "usulan")), []).append(day)
        records = path.with_name(path.stem + ".persetujuan.yml")
        if records.is_file():
            for moment in re.findall(r"^  at: (\S+)$", records.read_text(), re.M):
                assert dt.datetime.fromisoformat(moment) <= end, (path.name, moment)
    assert states["diunggah"] and max(states["diunggah"]) <= dt.date(2027, 3, 10)
    assert max(states["draf"] + states["usulan"]) > dt.date(2027, 3, 31)  # a future to plan


def test_the_moved_sample_checks_clean(march: tuple[Path, str]) -> None:
    out, _ = march
    result = CliRunner().invoke(cli, ["--root", str(out), "check"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("39 pos diperiksa: 0 galat, 0 peringatan.\n")


def test_weekdays_and_greeting_days_are_kept(march: tuple[Path, str]) -> None:
    out, _ = march
    names = {p.name[11:]: dt.date.fromisoformat(p.name[:10])
             for p in (out / "posts").rglob("*.md")}
    assert names["kuis-masa-jabatan-anggota-kpu.md"].weekday() == 4  # a Friday quiz
    assert names["kuis-masa-jabatan-anggota-kpu.md"] == dt.date(2027, 3, 12)
    assert names["hari-antikorupsi-sedunia.md"].strftime("%m-%d") == "12-09"
    assert (out / "posts" / "2027" / "03" / "2027-03-12-kuis-masa-jabatan-anggota-kpu.md"
            ).is_file()


def test_on_the_day_the_issue_was_seen_next_week_is_not_uploaded(tmp_path: Path) -> None:
    """On 4 December the fixed sample showed next week as already uploaded."""
    out, _ = moved(tmp_path, "2026-12-04")
    for path in (out / "posts").rglob("*.md"):
        if dt.date.fromisoformat(path.name[:10]) > dt.date(2026, 12, 4):
            assert front(path).get("status") != "diunggah", path.name


def test_a_folder_with_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "isi.txt").write_text("x")
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "sample", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert f"folder '{tmp_path}' sudah berisi berkas" in result.output
    assert "Traceback" not in result.output
