"""Media files made on the spot for tests: photos with EXIF orientation, ICC profiles,
HEIC, videos, damaged files and decompression bombs. Nothing is downloaded."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

ORIENTATION = 0x0112
RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)

# sRGB primaries adapted to D50, as an ICC profile stores them.
SRGB_RED = (0.4361, 0.2225, 0.0139)
SRGB_GREEN = (0.3851, 0.7169, 0.0971)
SRGB_BLUE = (0.1431, 0.0606, 0.7141)


def photo(path: Path, size: tuple[int, int] = (4000, 3000), orientation: int = 1,
          band: tuple[int, int, int] = RED, background: tuple[int, int, int] = BLUE,
          quality: int = 85) -> Path:
    """A JPEG as a camera stores it: ``band`` across the top tenth of the stored pixels,
    and the EXIF orientation tag that tells viewers how to turn it upright."""
    image = Image.new("RGB", size, background)
    image.paste(band, (0, 0, size[0], size[1] // 10))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    image.save(path, "JPEG", exif=exif.tobytes(), quality=quality)
    return path


def grid_photo(path: Path, size: tuple[int, int], cells: int = 8) -> Path:
    """A PNG of distinct coloured cells, so any crop of it is recognisable."""
    image = Image.new("RGB", size)
    cell_w, cell_h = size[0] / cells, size[1] / cells
    for row in range(cells):
        for col in range(cells):
            colour = (col * 255 // (cells - 1), row * 255 // (cells - 1), (row + col) * 16 % 256)
            box = (round(col * cell_w), round(row * cell_h), round((col + 1) * cell_w),
                   round((row + 1) * cell_h))
            image.paste(colour, box)
    image.save(path, "PNG")
    return path


def heic(path: Path, size: tuple[int, int] = (64, 48), colour: tuple[int, int, int] = GREEN,
         orientation: int = 1) -> Path:
    """A HEIC photo as phones save it, written with pillow-heif."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    Image.new("RGB", size, colour).save(path, "HEIF", exif=exif.tobytes(), quality=90)
    return path


def truncated(source: Path, path: Path) -> Path:
    """The first half of ``source``: a download that stopped half-way."""
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def png_bomb(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\0" * 1024)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
                     + chunk(b"IEND", b""))
    return path


def rgb_profile(red: tuple[float, float, float], green: tuple[float, float, float],
                blue: tuple[float, float, float], gamma: float = 2.2) -> bytes:
    """A minimal ICC v2 RGB profile (matrix and gamma) with the given primaries."""
    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"
    tags = [(b"wtpt", xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", xyz(*red)),
            (b"gXYZ", xyz(*green)), (b"bXYZ", xyz(*blue)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    entries, data = b"", b""
    for signature, body in tags:
        entries += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000)
              + b"mntrRGB XYZ " + b"\0" * 12 + b"acsp" + b"\0" * 28
              + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 48)
    return header + struct.pack(">I", len(tags)) + entries + data


def video(path: Path, size: tuple[int, int] = (320, 240), seconds: float = 2.5,
          rotation: int = 0, colour: tuple[int, int, int] = RED, rate: int = 10) -> Path:
    """A short MPEG-4 video of one colour, with an optional display rotation (degrees,
    counter-clockwise, as phones record it)."""
    import av

    container = av.open(str(path), "w")
    stream = container.add_stream("mpeg4", rate=rate)
    stream.width, stream.height = size
    stream.pix_fmt = "yuv420p"
    if rotation:
        stream.set_display_rotation(rotation)
    picture = Image.new("RGB", size, colour)
    picture.paste(BLUE, (0, 0, size[0], size[1] // 10))
    for _ in range(round(seconds * rate)):
        frame = av.VideoFrame.from_image(picture)
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
    container.close()
    return path
