"""Each icon is drawn once per page: every use points at one symbol of the page's sprite."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from kalender.site.icons import IconSprite, symbol_id

ROOT = Path(__file__).resolve().parent.parent
SQUARE = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><!--! Lisensi X -->'
          '<path d="M0 0h24v24H0z"/></svg>')
ROUND = '<svg viewBox="0 0 448 512"><!--! Lisensi X --><circle r="4"/></svg>'


def test_a_use_points_at_the_one_symbol_of_its_icon() -> None:
    sprite = IconSprite({"material/kotak": SQUARE, "fa/bulat": ROUND}.__getitem__)
    uses = [sprite.use("material/kotak"), sprite.use("fa/bulat"), sprite.use("material/kotak")]
    assert str(uses[0]) == '<svg class="kal-svg"><use href="#kal-i-material-kotak"></use></svg>'
    drawn = str(sprite.sprite())
    assert drawn.count("<symbol") == 2
    assert '<symbol id="kal-i-material-kotak" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/>' \
        in drawn
    assert '<symbol id="kal-i-fa-bulat" viewBox="0 0 448 512"><circle r="4"/></symbol>' in drawn
    assert drawn.count("Lisensi X") == 1  # the licence comment kept, once
    assert symbol_id("fontawesome/brands/x-twitter") == "kal-i-fontawesome-brands-x-twitter"


def test_a_page_without_icons_gets_no_sprite() -> None:
    assert str(IconSprite(lambda name: SQUARE).sprite()) == ""


def test_the_list_page_draws_each_icon_once(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "kalender", "--root", str(ROOT), "build",
                             "--today", "2026-12-02", "--site-dir", str(tmp_path / "site")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "daftar" / "index.html").read_text(encoding="utf-8")
    used = re.findall(r'<use href="#(kal-i-[a-z0-9-]+)">', html)
    symbols = re.findall(r'<symbol id="(kal-i-[a-z0-9-]+)"', html)
    assert len(used) > 3 * len(symbols) > 0  # many uses, few drawings
    assert sorted(set(used)) == sorted(symbols)  # every use has its symbol, each drawn once
    assert "kal-i-fontawesome-brands-instagram" in symbols
    assert html.count("Font Awesome Free") == 1
