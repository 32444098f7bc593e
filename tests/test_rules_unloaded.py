"""A build that checks no post (no change, a new day) does not load the rules engine
(``kalender.rules``, with the content lists and the learned layer of the content screen: about 0.18
s CPU, docs/riwayat/kinerja-edit.md, branch ``newday2``); a build that checks a post does, and still
shows the rules' findings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from samplecopy import sample_copy

# the build as ``python -m kalender`` runs it, then the rules modules the process imported
PROBE = ("import atexit, sys\n"
         "atexit.register(lambda: print('RULES', *sorted(m for m in sys.modules"
         " if m.startswith('kalender.rules'))))\n"
         "sys.argv[0] = 'kalender'\n"
         "from kalender.cli.main import main\n"
         "main()\n")


def rules_loaded(root: Path, today: str) -> list[str]:
    """The ``kalender.rules`` modules a ``kalender build`` on ``today`` imported."""
    env = dict(os.environ, KALENDER_NOW="2026-12-01T09:00", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", PROBE, "--root", str(root), "build",
                             "--today", today],
                            capture_output=True, text=True, cwd=root, timeout=600, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("RULES"))
    return line.split()[1:]


def test_a_build_that_checks_no_post_does_not_load_the_rules(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    assert "kalender.rules" in rules_loaded(root, "2026-12-02")  # from nothing: every post
    assert rules_loaded(root, "2026-12-02") == []  # no change
    assert rules_loaded(root, "2026-12-03") == []  # a new day
    page = root / "site" / "pos" / "2026-12-02-pengumuman-pkpu-8-2019" / "index.html"
    label = "Data pribadi yang disebarkan atau diminta"
    assert label not in page.read_text(encoding="utf-8")
    post = root / "posts" / "2026" / "12" / "2026-12-02-pengumuman-pkpu-8-2019.md"
    asked = "PENGUMUMAN 📢 Kirim NIK dan nama ibu kandung ke DM kami."  # personal data asked
    post.write_text(post.read_text(encoding="utf-8").replace("PENGUMUMAN 📢", asked),
                    encoding="utf-8")
    assert "kalender.rules.lists" in rules_loaded(root, "2026-12-03")  # one post checked
    assert label in page.read_text(encoding="utf-8")
