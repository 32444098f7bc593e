"""What a comment is about: its class, sentiment, topics and the legal products it cites.

Rules on the words people write (informal spellings included: ``gmn``, ``gak``, ``bgt``),
in priority order: abuse, misinformation claim, complaint, question, suggestion, praise,
other. Measured on the labelled set in ``tests/data/percakapan_berlabel.tsv``
(docs/percakapan.md has the figures). No model is downloaded: the rules are this file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..text.citations import find_citations, short_citation
from .model import Kind


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])", re.IGNORECASE)


ABUSE = _words(r"goblo?k", r"bodoh", r"tolol", r"anjin?g", r"anjir", r"bangsat", r"bego",
               r"kampret", r"tai", r"mampus", r"brengsek", r"idiot", r"bacot", r"otak udang",
               r"keparat", r"bajingan", r"babi", r"sialan", r"asu", r"jancok", r"dongo")
HEARSAY = _words(r"katanya", r"kata\s+(?:orang|tetangga|grup|temen|teman)\w*",
                 r"denger2?", r"dengar(?:\s+dari)?", r"beredar", r"viral", r"kabarnya",
                 r"hoa(?:ks|x)", r"info\s+(?:di\s+)?grup", r"grup\s+(?:wa|sebelah)",
                 r"infonya\s+(?:pemilih|yg|yang)", r"udah\s+pasti", r"udah\s+dicabut",
                 r"(?:gak|tidak|ga)\s+berlaku\s+lagi", r"sudah\s+gak\s+berlaku",
                 r"pasti\s+(?:curang|dimanipulasi|lah)",
                 r"dimanipulasi", r"sudah\s+diatur", r"diatur\s+orang", r"bukannya",
                 r"pencitraan", r"ditentukan\s+dari\s+awal", r"kabar", r"ada\s+suratnya")
COMPLAINT = _words(r"error", r"gak\s+bisa\s+(?:dibuka|diakses|diisi)", r"tidak\s+bisa\s+diakses",
                   r"lambat", r"lama\s+(?:banget|bgt)", r"kecewa", r"mati", r"rusak",
                   r"gak\s+pernah", r"ga\s+pernah", r"belum\s+(?:ada\s+balasan|dibenerin|"
                   r"ditindaklanjuti)", r"blm\s+ada\s+balasan", r"gak\s+(?:dibales|dibalas|"
                   r"diangkat|ada\s+(?:info|respon|suara|penerjemah|pemberitahuan|tindak))\w*",
                   r"tidak\s+ada\s+respon", r"dibales2", r"telat", r"salah\s+(?:tanggal|"
                   r"ketik|alamat)", r"ribet", r"susah", r"nyusahin", r"membingungkan",
                   r"ditolak", r"kurang\s+(?:inklusif|sosialisasi)", r"sosialisasinya\s+kurang",
                   r"komplain", r"keluh\w*", r"jutek", r"percuma", r"dilempar", r"putus2",
                   r"loading\s+terus", r"gak\s+jalan", r"dobel", r"ganda", r"dihapus\?",
                   r"becek", r"sempit", r"jarang\s+update", r"kekecilan", r"gak\s+kebaca",
                   r"gak\s+dapet", r"tidak\s+dapat", r"gak\s+ngerti", r"masih\s+ada\s+di\s+dpt",
                   r"gak\s+ada\s+di\s+dpt", r"tolong\s+diperbaiki", r"jauh\s+bgt",
                   r"nama\s+(?:sy|saya)\s+\w+\s+gak\s+ada", r"lapor\w*\s+tapi", r"lapor\s+tp")
QUESTION_WORDS = _words(r"apa(?:kah)?", r"gimana", r"gmn", r"bagaimana", r"kapan", r"dimana",
                        r"dmn", r"di\s*mana", r"siapa", r"berapa", r"brp", r"kenapa", r"mengapa",
                        r"caranya", r"cara", r"bisa(?:kah)?", r"boleh(?:kah)?", r"tanya",
                        r"nanya", r"bertanya", r"pertanyaan", r"infoin", r"mohon\s+info",
                        r"minta\s+tolong\s+jelasin", r"apa\s+bedanya", r"ya\s+min", r"kah",
                        r"masih\s+bisa", r"beneran", r"bener\s+ga", r"link\w*", r"syarat\w*",
                        r"ngurusnya", r"digaji", r"ada\s+.+\s+ga", r"benerinnya",
                        r"nyoblosnya", r"milihnya", r"jelasin")
QUESTION_HOW = _words(r"gmn\s+\w+nya", r"gimana\s+\w+nya", r"bagaimana\s+cara\w*")
SUGGESTION = _words(r"saran\w*", r"usul\w*", r"sebaiknya", r"mending", r"lebih\s+baik",
                    r"harusnya", r"seharusnya", r"kalo\s+bisa", r"kalau\s+bisa",
                    r"tolong\s+tambah\w*",
                    r"tambah(?:kan|in)", r"bikin\s+(?:juga|live|seri|lomba)", r"coba\s+bikin",
                    r"perlu\s+ada", r"ada\s+baiknya", r"bagusnya", r"mohon\s+dipertimbangkan",
                    r"dibesarin", r"semoga\s+kedepannya", r"dibuat", r"dibikin", r"adain",
                    r"gimana\s+kalau", r"pakai\s+bahasa")
PRAISE = _words(r"mantap\w*", r"mantul", r"keren", r"terima\s*kasih", r"makasih", r"thanks",
                r"thx", r"bermanfaat", r"membantu", r"good\s+job", r"cakep", r"sukses", r"bagus",
                r"top", r"salut", r"suka", r"informatif", r"jempol", r"edukatif", r"rapi",
                r"mencerahkan", r"lanjutkan", r"paham\s+sekarang", r"jelas", r"lengkap")
NEGATIVE = _words(r"kecewa", r"buruk", r"parah", r"lambat", r"error", r"susah", r"ribet",
                  r"curang", r"bohong", r"penipu", r"gak\s+becus", r"telat", r"rusak", r"mati")
POSITIVE = PRAISE
SPAM = _words(r"jual", r"promo", r"cek\s+(?:bio|ig)", r"follback", r"giveaway", r"slot")
TOPICS: dict[str, re.Pattern[str]] = {
    "daftar-pemilih": _words(r"dpt\w*", r"daftar\s+pemilih", r"terdaftar", r"coklit",
                             r"pantarlih", r"sidalih", r"data\s+pemilih", r"data\s+ganda"),
    "pindah-memilih": _words(r"pindah\s+(?:memilih|domisili|tps)", r"form\s*a5", r"pindahan",
                             r"rantau"),
    "hari-pemungutan": _words(r"tps", r"nyoblos\w*", r"pemungutan", r"bilik", r"surat\s+suara",
                              r"kotak\s+suara", r"tinta", r"undangan\s+memilih"),
    "identitas-pemilih": _words(r"e?-?ktp", r"suket", r"kk"),
    "disabilitas": _words(r"disabilitas", r"tunanetra", r"netra", r"lansia",
                          r"bahasa\s+isyarat", r"inklusif"),
    "penyelenggara-adhoc": _words(r"kpps", r"ppk", r"pps", r"relawan", r"pengawas\s+tps"),
    "produk-hukum": _words(r"pkpu", r"peraturan", r"keputusan", r"jdih", r"pasal",
                           r"dasar\s+hukum", r"aturan\w*"),
    "layanan-dan-akun": _words(r"website", r"link\w*", r"dm", r"wa", r"email", r"pelayanan",
                               r"admin\w*", r"bio", r"chat", r"pengaduan", r"kantor"),
    "rekapitulasi": _words(r"sirekap", r"hasil", r"rekap\w*", r"e-voting", r"online"),
}


@dataclass(frozen=True)
class Reading:
    """What the rules read in one comment."""

    kind: Kind
    sentiment: str
    topics: tuple[str, ...]
    products: tuple[str, ...]  # short citations: "PKPU 8/2019"


def classify(text: str) -> Kind:
    """The class of a comment's text (see the module's docstring for the order)."""
    if ABUSE.search(text):
        return Kind.KASAR
    if HEARSAY.search(text) and not _asks_plainly(text):
        return Kind.MISINFORMASI
    if QUESTION_HOW.search(text):
        return Kind.PERTANYAAN
    if COMPLAINT.search(text):
        return Kind.KELUHAN
    if SUGGESTION.search(text):
        return Kind.SARAN
    if "?" in text or QUESTION_WORDS.search(text):
        return Kind.PERTANYAAN
    if PRAISE.search(text):
        return Kind.PUJIAN
    return Kind.LAINNYA


def _asks_plainly(text: str) -> bool:
    """``infonya dimana ya?``: a hearsay word inside a plain question is not a claim."""
    return bool(re.search(r"\b(?:dimana|dmn|di mana|link)\b", text, re.IGNORECASE))


def sentiment(text: str, kind: Kind) -> str:
    if kind in (Kind.KASAR, Kind.KELUHAN, Kind.MISINFORMASI) or NEGATIVE.search(text):
        return "negatif"
    if kind is Kind.PUJIAN or POSITIVE.search(text):
        return "positif"
    return "netral"


def topics(text: str, table: Mapping[str, re.Pattern[str]] | None = None) -> tuple[str, ...]:
    return tuple(name for name, pattern in (table or TOPICS).items() if pattern.search(text))


def products(text: str) -> tuple[str, ...]:
    """The legal products ``text`` cites, as the citation code reads them."""
    found = []
    for citation in find_citations(text):
        if citation.number:
            jenis = "Peraturan KPU" if citation.jenis.lower().startswith("pkpu") else \
                " ".join(w.capitalize() if w.islower() else w for w in citation.jenis.split())
            found.append(short_citation(jenis, str(citation.number), citation.tahun))
    return tuple(dict.fromkeys(found))


def read(text: str) -> Reading:
    kind = classify(text)
    return Reading(kind, sentiment(text, kind), topics(text), products(text))


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """``{expected: {predicted: count}}`` for (expected, predicted) pairs."""
    table: dict[str, dict[str, int]] = {k.value: {p.value: 0 for p in Kind} for k in Kind}
    for expected, predicted in pairs:
        table[expected][predicted] += 1
    return table
