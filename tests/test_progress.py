"""The progress line of a cold picture build: shown on a terminal, silent elsewhere."""

from __future__ import annotations

import io

import pytest

from kalender.media import progress as progress_module
from kalender.media.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_count_rate_and_time_left() -> None:
    screen = Terminal()
    progress = Progress(40, screen)
    for _ in range(40):
        progress.step()
    text = screen.getvalue()
    assert text.startswith("\rGambar: ")
    assert "Gambar: 40/40 (" in text and "per detik, sisa ± 0 detik)" in text
    assert text.endswith("\n")
    assert progress.line(8.0) == "Gambar: 40/40 (5,0 per detik, sisa ± 0 detik)"
    progress.done = 10
    assert progress.line(2.0) == "Gambar: 10/40 (5,0 per detik, sisa ± 6 detik)"


def test_a_log_file_or_a_few_pictures_get_no_progress_line() -> None:
    log = io.StringIO()  # not a terminal
    progress = Progress(500, log)
    for _ in range(500):
        progress.step()
    assert log.getvalue() == ""
    screen = Terminal()
    few = Progress(5, screen)
    for _ in range(5):
        few.step()
    assert screen.getvalue() == ""


def test_work_handed_out_as_the_build_goes_grows_the_total(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The picture workers get thumbnails first and renditions later: the line counts both,
    and a line left open when the build stops wanting pictures is ended."""
    monkeypatch.setattr(progress_module, "EVERY", 0.0)  # every step shown
    screen = Terminal()
    progress = Progress(0, screen)
    progress.add(10)
    progress.step()
    assert screen.getvalue() == ""  # too few to show yet
    progress.add(30)
    for _ in range(38):
        progress.step()
    assert screen.getvalue().rsplit("\r", 1)[1].startswith("Gambar: 39/40 (")
    assert "\n" not in screen.getvalue()
    progress.end()
    progress.end()
    assert screen.getvalue().endswith(")\n") and screen.getvalue().count("\n") == 1
