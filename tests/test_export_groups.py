"""The export decodes a photo once for all the platforms it goes to."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from kalender.export import week as export
from kalender.export.bundle import MediaJob
from kalender.media.images import Framing


def test_a_photo_for_two_platforms_is_decoded_once(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (4000, 3000), (230, 120, 30)).save(photo, "JPEG", quality=90)
    feed = MediaJob("instagram/foto.jpg", photo, Framing((4000, 3000), (875, 0, 3275, 3000),
                                                          (1080, 1350)), (1080, 1350), 8_000_000)
    wide = MediaJob("facebook/foto.jpg", photo, Framing((4000, 3000), (0, 375, 4000, 2625),
                                                         (1200, 675)), (1200, 675), 8_000_000)
    opened: list[tuple[int, int]] = []
    real = export.open_image

    def counting(path: Path, needed: tuple[int, int] | None = None) -> Image.Image:
        image = real(path, needed)
        opened.append(image.size)
        return image

    monkeypatch.setattr(export, "open_image", counting)
    results = export.render_group([feed, wide])
    assert len(opened) == 1  # one decode for both
    assert opened[0][0] >= 1350 and opened[0][1] >= 1350 * 3000 // 4000  # enough for both
    sizes = [Image.open(io.BytesIO(data)).size for data, failure in results if data]
    assert sizes == [(1080, 1350), (1200, 675)]
    assert all(failure is None for _, failure in results)
