"""The office's accounts and their look (SOP E.2): handles follow ``JDIHKPU_<Kab/Kota>``, the
profile picture and the banner exist, and the banner's background is dominated by orange.

"Dominated by orange" is measured on the banner scaled to at most 256 pixels a side: the
share of pixels whose hue is orange (15° to 45°), with a saturation and a brightness of at
least 45 %, must be at least 40 %. A banner with logos and the office's name on an orange
background passes; a white or blue banner with an orange logo does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageChops, UnidentifiedImageError

from ..core.calendar_data import Account
from ..core.problems import Problem, Severity
from .registry import Context, project_finding, project_rule
from .wording import satker_line

HANDLE_PREFIX = "JDIHKPU"
HANDLE = re.compile(rf"^{HANDLE_PREFIX}[_.](?P<region>[A-Za-z][A-Za-z0-9]*)$", re.IGNORECASE)
ORANGE_HUE = (15, 45)  # degrees
ORANGE_MIN_SATURATION = 0.45
ORANGE_MIN_VALUE = 0.45
ORANGE_MIN_SHARE = 0.40
SAMPLE_SIDE = 256


def expected_region(office_name: str) -> str | None:
    """``Komisi Pemilihan Umum Kota Singkawang`` -> ``Singkawang``; ``Kubu Raya`` ->
    ``KubuRaya``; None when the name has no Kabupaten/Kota."""
    match = re.search(r"\b(?:Kabupaten|Kota)\s+(.+)$", office_name)
    if match is None:
        return None
    return "".join(re.findall(r"[A-Za-z0-9]+", match.group(1).title()))


def breaks_handle_format(handle: str, region: str | None) -> bool:
    """True when ``handle`` breaks ``JDIHKPU_<Kab/Kota>`` (``.`` is accepted for ``_``:
    Facebook usernames allow no underscore)."""
    match = HANDLE.match(handle.strip().lstrip("@"))
    if match is None:
        return True
    return region is not None and match.group("region").casefold() != region.casefold()


@project_rule("accounts.handle")
def account_handles(context: Context) -> Iterator[Problem]:
    """Every account's handle follows the SOP's format for this office."""
    satker = context.calendar.satker
    region = expected_region(satker.name)
    expected = f"{HANDLE_PREFIX}_{region or '<Kabupaten/Kota>'}"
    for platform_id, account in satker.accounts.items():
        if breaks_handle_format(account.handle, region):
            path, line = satker_line(context, "accounts", platform_id, "handle")
            yield project_finding("accounts.handle", path, line, "content.account_handle",
                                  platform=_name(context, platform_id), found=account.handle,
                                  expected=expected)


@project_rule("accounts.images")
def account_images(context: Context) -> Iterator[Problem]:
    """Every account has a profile picture (the JDIH KPU logo), and the office a banner,
    as image files that exist."""
    satker = context.calendar.satker
    for platform_id, account in satker.accounts.items():
        yield from _avatar(context, platform_id, account)
    path, line = satker_line(context, "banner")
    if satker.banner is None:
        yield project_finding("accounts.images", path, line, "content.banner_missing")
    elif not _is_image(satker.banner):
        yield project_finding("accounts.images", path, line, "content.image_unreadable",
                              key="banner", file=_shown(context, satker.banner))


def _avatar(context: Context, platform_id: str, account: Account) -> Iterator[Problem]:
    path, line = satker_line(context, "accounts", platform_id, "avatar")
    if account.avatar is None:
        yield project_finding("accounts.images", path, line, "content.avatar_missing",
                              platform=_name(context, platform_id))
    elif not _is_image(account.avatar):
        yield project_finding("accounts.images", path, line, "content.image_unreadable",
                              key=f"accounts.{platform_id}.avatar",
                              file=_shown(context, account.avatar))


@project_rule("accounts.banner_orange", Severity.WARNING)
def banner_orange(context: Context) -> Iterator[Problem]:
    """The banner's background is dominated by orange (SOP E.2.b)."""
    banner = context.calendar.satker.banner
    if banner is None or not _is_image(banner):
        return  # reported by accounts.images
    share = orange_share(banner)
    if share < ORANGE_MIN_SHARE:
        path, line = satker_line(context, "banner")
        yield project_finding("accounts.banner_orange", path, line, "content.banner_not_orange",
                              file=_shown(context, banner), share=round(share * 100),
                              minimum=round(ORANGE_MIN_SHARE * 100))


def orange_share(path: Path) -> float:
    """The share (0..1) of the image's pixels that are orange (see the module's notes)."""
    with Image.open(path) as image:
        image.draft("RGB", (SAMPLE_SIDE, SAMPLE_SIDE))
        rgb = image.convert("RGB")
    rgb.thumbnail((SAMPLE_SIDE, SAMPLE_SIDE))
    hue, saturation, value = rgb.convert("HSV").split()
    low, high = (round(d * 255 / 360) for d in ORANGE_HUE)
    masks = [hue.point(lambda h: 255 if low <= h <= high else 0),
             saturation.point(lambda s: 255 if s >= ORANGE_MIN_SATURATION * 255 else 0),
             value.point(lambda v: 255 if v >= ORANGE_MIN_VALUE * 255 else 0)]
    orange = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    return orange.histogram()[255] / (rgb.width * rgb.height)


def _is_image(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.verify()
        return True
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return False


def _name(context: Context, platform_id: str) -> str:
    platform = context.calendar.platforms.get(platform_id)
    return platform.name if platform else platform_id


def _shown(context: Context, path: Path) -> str:
    try:
        return path.relative_to(context.calendar.root).as_posix()
    except ValueError:
        return path.as_posix()
