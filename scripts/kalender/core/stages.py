"""Election stages (``calendar/tahapan.yml``) and legal products to announce
(``calendar/produk-hukum.yml``): calendar data read through the strict reader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .datafile import read_data_file
from .model import LegalProduct
from .problems import Report
from .schema import Field

STAGES_SCHEMA = Field("mapping", keys={
    "stages": Field("list", items=Field("mapping", keys={
        "name": Field("text", required=True),
        "from": Field("text", required=True),
        "to": Field("text", required=True),
        "kind": Field("text"),
        "quiet": Field("bool"),
        "dasar": Field("text"),
    })),
})

PRODUCTS_SCHEMA = Field("mapping", keys={
    "products": Field("list", items=Field("mapping", keys={
        "jenis": Field("text", required=True),
        "nomor": Field("text", required=True),
        "tahun": Field("integer", required=True),
        "tentang": Field("text", required=True),
        "tanggal_penetapan": Field("text"),
        "url": Field("text"),
    })),
})


@dataclass(frozen=True)
class Stage:
    """A stage of an election (campaign, quiet period, voting day), from ``start`` to ``end``."""

    name: str
    start: dt.date
    end: dt.date
    kind: str = ""
    quiet: bool = False
    dasar: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class ProductToAnnounce:
    """A legal product the office must announce with a ``pengumuman`` post."""

    jenis: str
    nomor: str
    tahun: int
    tentang: str

    def key(self) -> tuple[str, str, int]:
        return product_key(self.jenis, self.nomor, self.tahun)

    def citation(self) -> str:
        """``Peraturan KPU Nomor 8 Tahun 2019`` (the year once, even if the number has it)."""
        return LegalProduct(self.jenis, self.nomor, self.tahun, "").citation()


def product_key(jenis: str, nomor: str, tahun: int | None) -> tuple[str, str, int]:
    """A legal product's identity: kind, number and year, compared without case or spaces."""
    return (" ".join(jenis.lower().split()), "".join(str(nomor).lower().split()), tahun or 0)


def load_stages(folder: Path, report: Report) -> tuple[Stage, ...]:
    """The stages of ``tahapan.yml``; none when the file is absent."""
    path = folder / "tahapan.yml"
    if not path.exists():
        return ()
    located = read_data_file(path, STAGES_SCHEMA, report)
    if located is None:
        return ()
    stages = []
    for index, raw in enumerate(located.value.get("stages") or ()):
        try:
            start = dt.date.fromisoformat(str(raw["from"]))
            end = dt.date.fromisoformat(str(raw["to"]))
        except ValueError as exc:
            report.error(path, located.line("stages", index), "config.bad_date", found=str(exc))
            continue
        if end < start:
            report.error(path, located.line("stages", index, "to"), "stages.end_before_start",
                         start=start.isoformat(), end=end.isoformat())
            continue
        stages.append(Stage(str(raw["name"]), start, end, str(raw.get("kind") or ""),
                            bool(raw.get("quiet")), str(raw.get("dasar") or "")))
    return tuple(stages)


def load_products(folder: Path, report: Report) -> tuple[ProductToAnnounce, ...]:
    """The legal products of ``produk-hukum.yml``; none when the file is absent."""
    path = folder / "produk-hukum.yml"
    if not path.exists():
        return ()
    located = read_data_file(path, PRODUCTS_SCHEMA, report)
    if located is None:
        return ()
    return tuple(ProductToAnnounce(str(p["jenis"]), str(p["nomor"]), int(p["tahun"]),
                                   str(p["tentang"]))
                 for p in located.value.get("products") or ())
