"""``kalender serve`` hands the memory the C library holds free back to the system once the
first build has settled and after each idle collection (issue 23, branch ``memory10``): the
render of every page lets go of its pages' HTML, but freed memory in the middle of the heap
otherwise stays part of the process, under every rebuild that follows."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# A child process frees some 100 MB of C-heap blocks (``bytes`` above Python's small-object
# size) behind one block still alive, so the heap cannot shrink from its top; it prints its
# resident size in KB before and after the step named on its command line.
FREED_BEHIND_A_PIN = textwrap.dedent("""
    import gc, sys
    from kalender.plugin.idlegc import IdleCollector
    from kalender.plugin.serving import settle_memory

    def resident():
        for line in open("/proc/self/status"):
            if line.startswith("VmRSS"):
                return int(line.split()[1])

    blocks = [bytes(600) + bytes([i % 256]) for i in range(170_000)]
    pin = bytes(600) + b"pin"
    del blocks
    before = resident()
    if sys.argv[1] == "settle":
        settle_memory()
    else:
        collector = IdleCollector()
        collector.armed = True
        collector.rebuild_ended()
        collector.collect()
        collector.stop()
        gc.unfreeze()
    print(before, resident())
""")


def resident_before_and_after(step: str) -> tuple[int, int]:
    done = subprocess.run([sys.executable, "-c", FREED_BEHIND_A_PIN, step], check=True,
                          capture_output=True, text=True)
    before, after = done.stdout.split()
    return int(before), int(after)


@pytest.mark.parametrize("step", ["settle", "idle"], ids=["first-build-settled", "idle"])
def test_memory_freed_behind_live_blocks_goes_back_to_the_system(step: str) -> None:
    before, after = resident_before_and_after(step)
    assert before - after > 50_000, (before, after)  # KB: most of the ~100 MB freed
