"""A command's modules are imported without cycle collections, and set aside after."""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import gc
seen = []
gc.callbacks.append(lambda phase, info: seen.append(phase) if phase == "start" else None)
from kalender.cli.commands import load
seen.clear()
load("build")  # mkdocs, the site plugin, Pillow: some 600 modules
import kalender.plugin.site_plugin
print(len(seen), gc.isenabled(), gc.get_freeze_count() > 10_000)
"""


def test_build_command_imports_without_collections() -> None:
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["0", "True", "True"]
