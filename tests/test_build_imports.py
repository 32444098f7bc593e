"""What ``kalender build`` leaves unimported until it needs it (issue 23, branch edit9): the
signing library until a signature is made or checked, pillow-heif until a file looks like a
HEIC photo. Each check runs in a new process (the test process has imported everything)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mediafiles import GREEN, heic


def _child(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return out.stdout.split()


def test_build_command_does_not_import_the_signing_library() -> None:
    code = ("import sys\nfrom kalender.cli.commands import load\nload('build')\n"
            "import kalender.plugin.site_plugin, kalender.conversations.views\n"
            "print(any(m.startswith('cryptography') for m in sys.modules))")
    assert _child(code) == ["False"]


def test_a_signature_is_still_checked_after_the_lazy_import(tmp_path: Path) -> None:
    code = ("import sys\nfrom kalender.approval.keys import new_key\n"
            "from kalender.approval.signing import verify_signature, canonical\n"
            "print('cryptography' in sys.modules)\n"
            "key = new_key('ani')\nitem = {'step': 'paraf', 'by': 'ani'}\n"
            "signed = dict(item, signature=key.sign(canonical('c', item)))\n"
            "print(verify_signature('c', signed, key.raw_public),"
            " verify_signature('d', signed, key.raw_public))")
    assert _child(code) == ["False", "True", "False"]


def test_heic_opens_through_the_stand_in_and_loads_pillow_heif_then(tmp_path: Path) -> None:
    photo = heic(tmp_path / "IMG_0001.HEIC", (64, 48), GREEN)
    code = (f"import sys\nfrom PIL import Image\nimport kalender.core.loader\n"
            f"print('pillow_heif' in sys.modules)\n"
            f"Image.new('RGB', (30, 20)).save({str(tmp_path / 'plain.jpg')!r})\n"
            f"Image.open({str(tmp_path / 'plain.jpg')!r}).load()\n"
            f"print('pillow_heif' in sys.modules)\n"
            f"with Image.open({str(photo)!r}) as im:\n"
            f"    im.load()\n"
            f"    print(im.format, im.size[0], im.size[1], im.getpixel((5, 5))[1] > 200)\n"
            f"print('pillow_heif' in sys.modules)")
    assert _child(code) == ["False", "False", "HEIF", "64", "48", "True", "True"]


def test_a_file_with_ftyp_that_is_not_heif_is_refused_as_before(tmp_path: Path) -> None:
    fake = tmp_path / "clip.jpg"
    fake.write_bytes(b"\0\0\0\x18ftypisom" + b"\0" * 64)  # an MP4's start, not a HEIC
    code = (f"from PIL import Image, UnidentifiedImageError\nimport kalender.core.heif\n"
            f"try:\n    Image.open({str(fake)!r})\nexcept UnidentifiedImageError:\n"
            f"    print('refused')")
    assert _child(code) == ["refused"]
