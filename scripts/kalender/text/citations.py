"""Legal products as a caption cites them: "Peraturan KPU Nomor 8 Tahun 2019", "PKPU 8/2019",
"PKPU No. 8 Th. 2019", "Keputusan KPU Nomor 134/Kpts/KPU/Tahun 2016".

The kinds a ``pengumuman`` may announce (SOP E.1.b.1) are Peraturan KPU, and Keputusan,
Surat Edaran and Surat Dinas of the KPU or of its Secretary (Sekretaris Jenderal KPU at
the national level, Sekretaris KPU Provinsi/Kabupaten/Kota below it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("Keputusan", "Surat Edaran", "Surat Dinas")
LEVELS = ("Provinsi", "Kabupaten", "Kota")
_REGION = r"(?:\s+(?:provinsi|kabupaten|kota)(?:\s+(?!nomor\b|no\b)[^\W\d_]+){1,3})"
ALLOWED_KIND = re.compile(
    r"^(?:peraturan kpu"
    r"|(?:keputusan|surat edaran|surat dinas)"
    r" (?:kpu|sekretaris jenderal kpu|kpu (?:provinsi|kabupaten|kota) .+"
    r"|sekretaris kpu (?:provinsi|kabupaten|kota) .+))$")
ABBREVIATIONS = {"pkpu": "peraturan kpu", "se": "surat edaran", "sk": "keputusan",
                 "sekjen": "sekretaris jenderal"}
_ISSUER = r"(?:\s+(?:kpu|komisi\s+pemilihan\s+umum))"
CITATION = re.compile(
    r"\b(?P<jenis>(?:peraturan|keputusan|surat\s+edaran|surat\s+dinas|pkpu|se|sk)"
    r"(?:\s+(?:sekretaris\s+jenderal|sekjen|sekretaris))?" + _ISSUER + r"?" + _REGION + r"?)"
    r"\s*(?:(?:nomor|nomer|no)\.?\s*)?"
    r"(?P<nomor>\d+(?:/[\w.\-]+)*)"
    r"(?:\s*(?:/|tahun|thn\.?|th\.?)?\s*(?P<tahun>(?:19|20)\d{2})\b)?",
    re.IGNORECASE)


def canonical_kind(jenis: str) -> str:
    """``Peraturan Komisi Pemilihan Umum`` -> ``peraturan kpu``; ``PKPU`` likewise."""
    text = " ".join(jenis.lower().replace("komisi pemilihan umum", "kpu").split())
    words = [ABBREVIATIONS.get(w, w) for w in text.split()]
    return " ".join(" ".join(words).split())


def is_allowed_kind(jenis: str) -> bool:
    """True for the kinds of legal product a ``pengumuman`` may announce (SOP E.1.b.1)."""
    return bool(ALLOWED_KIND.match(canonical_kind(jenis)))


def allowed_kinds(region: str) -> list[str]:
    """The kinds, written out for an office: ``region`` is e.g. ``Kota Singkawang``."""
    kinds = ["Peraturan KPU"]
    for kind in KINDS:
        kinds += [f"{kind} KPU", f"{kind} Sekretaris Jenderal KPU"]
        if region:
            kinds += [f"{kind} KPU {region}", f"{kind} Sekretaris KPU {region}"]
    return kinds


def family(jenis: str) -> tuple[str, bool]:
    """What is compared between a citation and the metadata: the kind and whether the
    Secretary issued it (the region may be left out in a caption)."""
    text = canonical_kind(jenis)
    kind = next((k.lower() for k in ("Peraturan", *KINDS) if text.startswith(k.lower())), text)
    return kind, "sekretaris" in text


@dataclass(frozen=True)
class Citation:
    """A legal product cited in a text: its span, kind, number and year (when written)."""

    start: int
    end: int
    text: str
    jenis: str
    number: int  # the leading number: 8 of "8", 134 of "134/Kpts/KPU/Tahun 2016"
    tahun: int | None


def find_citations(text: str) -> list[Citation]:
    """Every citation of a legal product of the KPU in ``text``."""
    found = []
    for match in CITATION.finditer(text):
        nomor, tahun = match.group("nomor"), match.group("tahun")
        if tahun is None:
            nomor, tahun = _year_inside(nomor)
        found.append(Citation(match.start(), match.end(), match.group().strip(),
                              match.group("jenis"), leading_number(nomor),
                              int(tahun) if tahun else None))
    return found


def _year_inside(nomor: str) -> tuple[str, str | None]:
    """``8/2019`` -> (``8``, ``2019``): a year written as the number's last part."""
    head, sep, last = nomor.rpartition("/")
    if sep and re.fullmatch(r"(?:19|20)\d{2}", last):
        return head, last
    return nomor, None


def leading_number(nomor: str) -> int:
    """``134/Kpts/KPU/Tahun 2016`` -> 134; 0 when it does not start with a number."""
    match = re.match(r"\s*(\d+)", nomor)
    return int(match.group(1)) if match else 0


def metadata_year(nomor: str, tahun: int | None) -> int | None:
    """The product's year: ``tahun``, else a year written inside ``nomor``."""
    if tahun:
        return tahun
    years = re.findall(r"(?:19|20)\d{2}", nomor)
    return int(years[-1]) if years else None


def short_citation(jenis: str, nomor: str, tahun: int | None) -> str:
    """``PKPU 8/2019`` for a Peraturan KPU; otherwise the long form without ``tentang``."""
    year = f"/{tahun}" if tahun else ""
    if canonical_kind(jenis) == "peraturan kpu":
        return f"PKPU {nomor}{year}"
    return f"{jenis} {nomor}{year}"
