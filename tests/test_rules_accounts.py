"""Accounts and look (SOP E.2): accounts.handle, accounts.images, accounts.banner_orange.

Project-level rules: their findings name calendar/satker.yml and the line of the key.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from contentposts import findings
from kalender.core.i18n import set_language
from kalender.rules.accounts import breaks_handle_format, expected_region, orange_share

ROOT = Path(__file__).resolve().parent.parent
ORANGE = (242, 107, 29)  # the banner's orange, hue 22°
DARK_ORANGE = (214, 84, 14)
BLUE = (30, 80, 200)
WHITE = (255, 255, 255)
CODES = ("accounts.handle", "accounts.images", "accounts.banner_orange")


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def edit_satker(repo: Path, old: str, new: str, count: int = 1) -> None:
    path = repo / "calendar" / "satker.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(repo: Path, text: str) -> int:
    """The line of calendar/satker.yml that holds ``text`` (satker.yml grows over time)."""
    lines = (repo / "calendar" / "satker.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def banner(path: Path, orange_columns: int, rest: tuple[int, int, int] = BLUE) -> Path:
    """A 100x50 banner whose first ``orange_columns`` columns are orange."""
    image = Image.new("RGB", (100, 50), rest)
    if orange_columns:
        image.paste(ORANGE, (0, 0, orange_columns, 50))
    image.save(path)
    return path


def test_the_shipped_accounts_and_banner_pass() -> None:
    from kalender.rules.check import check_project

    problems, _ = check_project(ROOT)
    assert [p.message for p in problems if p.code in CODES] == []
    assert orange_share(ROOT / "calendar" / "akun" / "banner.png") > 0.9


# --- accounts.handle --------------------------------------------------------------------------

def test_a_handle_outside_the_format(repo: Path) -> None:
    edit_satker(repo, "handle: JDIHKPU_Singkawang", "handle: KPUSingkawang")
    assert findings(repo, "accounts.handle") == [(
        line_of(repo, "handle: KPUSingkawang"), "error",
        "akun Instagram: nama 'KPUSingkawang' tidak mengikuti format SOP E.2.c; "
        "diharapkan 'JDIHKPU_Singkawang'.", None)]


def test_a_handle_of_another_city(repo: Path) -> None:
    edit_satker(repo, "  x:\n    handle: JDIHKPU_Singkawang", "  x:\n    handle: JDIHKPU_Pontianak")
    assert findings(repo, "accounts.handle") == [(
        line_of(repo, "JDIHKPU_Pontianak"), "error",
        "akun X: nama 'JDIHKPU_Pontianak' tidak mengikuti format SOP E.2.c; "
        "diharapkan 'JDIHKPU_Singkawang'.", None)]


@pytest.mark.parametrize(("handle", "breaks"), [
    ("JDIHKPU_Singkawang", False), ("jdihkpu_singkawang", False), ("@JDIHKPU_Singkawang", False),
    ("JDIHKPU.Singkawang", False), ("JDIHKPUSingkawang", True), ("JDIKPU_Singkawang", True),
    ("JDIHKPU_Singkawang2", True), ("JDIHKPU_", True),
])
def test_handle_format(handle: str, breaks: bool) -> None:
    assert breaks_handle_format(handle, "Singkawang") is breaks


@pytest.mark.parametrize(("name", "region"), [
    ("Komisi Pemilihan Umum Kota Singkawang", "Singkawang"),
    ("Komisi Pemilihan Umum Kabupaten Kubu Raya", "KubuRaya"),
    ("Komisi Pemilihan Umum Provinsi Kalimantan Barat", None),
])
def test_the_expected_region(name: str, region: str | None) -> None:
    assert expected_region(name) == region


# --- accounts.images --------------------------------------------------------------------------

def test_a_missing_avatar_file(repo: Path) -> None:
    edit_satker(repo, "avatar: akun/logo-jdih.png", "avatar: akun/logo.png")
    assert findings(repo, "accounts.images") == [(
        line_of(repo, "avatar: akun/logo.png"), "error",
        "'accounts.instagram.avatar': berkas 'calendar/akun/logo.png' tidak ada "
        "atau bukan gambar; periksa nama berkasnya di calendar/.", None)]


def test_an_account_without_avatar(repo: Path) -> None:
    edit_satker(repo, "    avatar: akun/logo-jdih.png\n", "")
    assert findings(repo, "accounts.images") == [(
        line_of(repo, "handle: JDIHKPU_Singkawang"), "error",
        "akun Instagram: tidak ada `avatar`; isi dengan berkas logo JDIH KPU "
        "(SOP E.2.a).", None)]


def test_a_banner_that_is_not_an_image(repo: Path) -> None:
    (repo / "calendar" / "akun" / "banner.png").write_text("bukan gambar", encoding="utf-8")
    assert findings(repo, *CODES) == [(
        line_of(repo, "banner: akun/banner.png"), "error",
        "'banner': berkas 'calendar/akun/banner.png' tidak ada atau bukan gambar; "
        "periksa nama berkasnya di calendar/.", None)]


def test_no_banner(repo: Path) -> None:
    edit_satker(repo, "banner: akun/banner.png\n", "")
    assert findings(repo, "accounts.images") == [(
        1, "error", "tidak ada `banner`; isi dengan berkas banner berlatar oranye (SOP E.2.b).",
        None)]


# --- accounts.banner_orange -------------------------------------------------------------------

def test_a_banner_that_is_mostly_blue(repo: Path) -> None:
    banner(repo / "calendar" / "akun" / "banner.png", 30)
    assert findings(repo, "accounts.banner_orange") == [(
        line_of(repo, "banner: akun/banner.png"), "warning",
        "banner 'calendar/akun/banner.png': hanya 30% piksel berwarna oranye, "
        "diharapkan paling sedikit 40% (SOP E.2.b: latar dominan oranye); ganti latarnya dengan "
        "oranye.", None)]


def test_a_banner_that_is_mostly_orange(repo: Path) -> None:
    banner(repo / "calendar" / "akun" / "banner.png", 60)
    assert findings(repo, "accounts.banner_orange") == []


@pytest.mark.parametrize(("columns", "rest", "share"), [
    (0, BLUE, 0.0), (45, BLUE, 0.45), (100, BLUE, 1.0), (40, DARK_ORANGE, 1.0),
    (50, WHITE, 0.5), (0, (255, 220, 0), 0.0), (0, (200, 30, 30), 0.0), (0, (120, 90, 70), 0.0),
], ids=["blue", "45-percent", "all-orange", "two-oranges", "white", "yellow", "red", "brown"])
def test_orange_share(tmp_path: Path, columns: int, rest: tuple[int, int, int],
                      share: float) -> None:
    assert orange_share(banner(tmp_path / "b.png", columns, rest)) == pytest.approx(share)


def test_a_large_banner_is_measured_scaled_down(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    image = Image.new("RGB", (3000, 1000), ORANGE)
    image.paste(BLUE, (0, 0, 750, 1000))
    image.save(path, quality=90)
    assert orange_share(path) == pytest.approx(0.75, abs=0.01)
