"""The report's charts and PDFs of ``kalender build`` drawn while the pages render (issue 23,
branch cold6): the drawing process waits until the pictures are collected, the files are
added to the site under the names they are drawn under and copied once drawn."""

from __future__ import annotations

import filecmp
import multiprocessing
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, cast

from mkdocs.structure.files import File, Files

from kalender.core.parentwatch import watch_parent_then_wait
from kalender.plugin.latereports import LateReports
from kalender.plugin.report import PendingReports
from samplecopy import sample_copy


def test_a_gated_drawing_process_takes_no_work_until_its_gate_opens(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    gate = context.Event()
    drawn = tmp_path / "drawn.txt"
    with ProcessPoolExecutor(1, mp_context=context, initializer=watch_parent_then_wait,
                             initargs=(os.getpid(), gate)) as pool:
        job = pool.submit(Path.write_text, drawn, "grafik")
        time.sleep(1.5)  # time enough to start a process and run a one-line job
        assert not job.done() and not drawn.exists()
        gate.set()
        job.result(timeout=60)
    assert drawn.read_text() == "grafik"


def test_a_held_copy_waits_for_the_drawing_and_then_copies_the_drawn_bytes(
        tmp_path: Path) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site"
    (cache / "laporan").mkdir(parents=True)
    chart = File("laporan/grafik-bulan.png", str(cache), str(site), True)
    pending = PendingReports(Files([chart]), cast(Any, None), cache / "laporan")
    pending.drawn.append(chart)
    late = LateReports(pending)
    late.hold_copies()
    chart.copy_file(dirty=True)  # mkdocs' copy of the static files: the chart is not drawn yet
    assert not (site / "laporan").exists()
    (cache / "laporan" / "grafik-bulan.png").write_bytes(b"\x89PNG drawn")
    late.settle()
    assert (site / "laporan" / "grafik-bulan.png").read_bytes() == b"\x89PNG drawn"
    (cache / "laporan" / "grafik-bulan.png").write_bytes(b"\x89PNG again")
    chart.copy_file()  # copied at once again: nothing held for a later build
    assert (site / "laporan" / "grafik-bulan.png").read_bytes() == b"\x89PNG again"
    assert not late.held


def test_a_cold_build_draws_the_reports_after_the_pictures_and_ships_what_it_drew(
        tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "kalender", "--root", str(root), "build",
                             "--today", "2026-12-02", "--site-dir", str(out), "--strict"],
                            capture_output=True, text=True, cwd=root, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    cache = root / ".cache"
    drawn = [p for p in (cache / "laporan").glob("*-*-*/*") if p.is_file()]
    assert {p.suffix for p in drawn} == {".png", ".pdf"}
    for path in drawn:  # every chart and PDF drawn is in the site, the same bytes
        slug = path.parent.name.split("-grafik-")[0].split("-pdf-")[0]
        shipped = out / "laporan" / slug / path.name
        assert filecmp.cmp(path, shipped, shallow=False), shipped
    shipped = {p.name for p in (out / "laporan").glob("*/*") if p.suffix in (".png", ".pdf")}
    assert shipped == {p.name for p in drawn}
    pictures = [p for p in cache.rglob("*.jpg") if "laporan" not in p.parts]
    assert pictures
    # the report's process drew once the pictures were made, not beside the picture workers
    assert min(p.stat().st_mtime for p in drawn) >= max(p.stat().st_mtime for p in pictures)
