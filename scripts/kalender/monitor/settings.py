"""The roll-up's config file, ``calendar/pantauan.yml`` of the monitoring office's repository.

.. code-block:: yaml

    judul: Pantauan Konten JDIH KPU Provinsi Kalimantan Barat
    kantor:
      - sumber: https://git.example/kpu-singkawang/kalender.git
        nama: KPU Kota Singkawang
      - sumber: ../kpu-sambas          # relative to the repository holding this file

Every problem is reported with the file and line (docs/pantauan.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.datafile import read_data_file
from ..core.problems import Report
from ..core.schema import Field
from .sources import SourceSpec, is_url

CONFIG_FILE = Path("calendar") / "pantauan.yml"
SCHEMA = Field("mapping", keys={
    "judul": Field("text"),
    "kantor": Field("list", required=True, min_items=1, items=Field("mapping", keys={
        "sumber": Field("text", required=True),
        "nama": Field("text"),
    })),
})


@dataclass(frozen=True)
class Settings:
    """What the config file says: the roll-up's title and its sources."""

    title: str
    sources: tuple[SourceSpec, ...]
    path: Path | None = None


def load_settings(path: Path, report: Report) -> Settings | None:
    """Read ``path``; None (problems in ``report``) when it cannot be used."""
    located = read_data_file(path, SCHEMA, report)
    if located is None:
        return None
    base = path.resolve().parent
    if base.name == "calendar":
        base = base.parent  # paths are relative to the repository, not to calendar/
    sources = []
    for index, item in enumerate(located.value["kantor"]):
        where = str(item["sumber"]).strip()
        if not is_url(where) and not Path(where).expanduser().is_absolute():
            where = str(base / where)
        sources.append(SourceSpec(where, str(item.get("nama") or ""),
                                  located.line("kantor", index, "sumber")))
    return Settings(str(located.value.get("judul") or ""), tuple(sources), path)
