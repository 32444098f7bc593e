"""``kalender`` leaves the objects still alive at its end to the system: the collector does
not walk them again while Python exits (issue 23, branch edit10); what it wrote stays."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kalender.core.loader import load_project

CHILD = """
import atexit, gc, sys
from kalender.cli.main import main
atexit.register(lambda: print("frozen", gc.get_freeze_count() > 10_000, flush=True))
main(sys.argv[1:])
"""


def child(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True,
                          text=True, cwd=cwd, check=False)


@pytest.mark.parametrize(("args", "code"), [(("--help",), 0), (("no-such-command",), 2)],
                         ids=["help", "usage-error"])
def test_objects_set_aside_at_exit_and_exit_code_kept(args: tuple[str, ...],
                                                       code: int) -> None:
    done = child(*args)
    assert done.returncode == code, done.stderr
    assert done.stdout.splitlines()[-1] == "frozen True"


def test_file_written_whole_before_exit(repo: Path) -> None:
    done = child("--root", str(repo), "new", "--date", "2026-12-09", "--time", "08:00",
                 "--title", "Hari Antikorupsi Sedunia", "--category", "sewaktu-waktu",
                 "--type", "hari-penting", "--platform", "instagram")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "frozen True"
    [post] = sorted((repo / "posts").rglob("*.md"))
    assert load_project(repo).posts[0].title == "Hari Antikorupsi Sedunia"
    assert post.read_text(encoding="utf-8").endswith("\n")
