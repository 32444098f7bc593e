"""A writer killed with ``kill -9`` in the middle of an atomic write: what it leaves behind
(the hardening tests of approval files and the picture cache's cleaning)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from kalender.core.atomic import leftovers_of

KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from kalender.core.atomic import replacing
    with replacing(Path(sys.argv[1])) as out:
        out.write(b"half")
        out.flush()
        print("writing", flush=True)
        time.sleep(60)
""")


def killed_mid_write(target: Path) -> list[Path]:
    """Start a writer of ``target``, kill -9 it in the middle; the temporary files left."""
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    return leftovers_of(target)
