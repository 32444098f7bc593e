"""What a caption does to a participant of the election, as structure the learned layer weighs
(:mod:`kalender.rules.learnedfeatures`): partisanship that names no listed phrase.

A writer who praises or calls for a participant without the word rules' vocabulary still points
at one: by ballot number (*nomer 5*, *nomor tige*, a keycap digit *2️⃣*), by colour (*partai
ijo*, *baju biru*, *warnanya oranye*) or by name
(:func:`kalender.text.partisan.names_a_contestant`).
Three features (docs/aturan-isi.md, "Putaran screen-v"):

- ``x:pihak``: the caption points at a participant;
- ``x:pihak-nilai``: ... and has an evaluative word (*baik, peduli, terbukti, paling, gagal*);
- ``x:pihak-ajak``: ... and has a word of a call to vote (*pilih, coblos, dukung, ingat*).

Their weights are learned like any word's: an office post naming every participant in a
debate schedule has the first feature too, and the corpora say how much each weighs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.partisan import PartisanLists, names_a_contestant
from ..text.phrases import Word

POINTED = "x:pihak"
JUDGED = "x:pihak-nilai"
CALLED = "x:pihak-ajak"
COLOURS = frozenset({"merah", "biru", "hijau", "ijo", "kuning", "oranye", "orange", "oren",
                     "jingga", "putih", "hitam", "ungu", "coklat", "pink", "abu"})
# Words a colour stands beside when it names a side: "partai ijo", "baju biru", "warnanya oranye".
WORN = frozenset({"partai", "baju", "kaos", "warna", "warnanya", "bendera", "banner", "logo",
                  "jaket", "rompi", "kubu", "pakai", "seragam"})
BALLOT = frozenset({"nomor", "nomer", "no", "nmr"})
# Numbers as words, in the registers of the corpora (Malay "tige", Javanese "loro"), and
# the riddles of a ballot number ("nomor urutnya genap").
SPOKEN_NUMBERS = frozenset({"satu", "dua", "tiga", "tige", "empat", "lima", "enam", "tujuh",
                            "lapan", "delapan", "sembilan", "siji", "loro", "telu", "papat",
                            "limo", "genap", "ganjil"})
NUMBERED_PLACES = frozenset({"tps", "rt", "rw", "kamar", "meja", "bilik", "kotak", "slide",
                             "rumah", "loket", "pintu"})
CITED = frozenset({"tahun", "th", "thn"})
KEYCAP = re.compile("[0-9]\ufe0f?\u20e3")
EVALUATIVE = frozenset({"baik", "peduli", "terbukti", "jelas", "santun", "rapi", "amanah",
                        "terbaik", "hebat", "merakyat", "dermawan", "jujur", "layak", "paling",
                        "pantas", "pemimpin", "gagal", "ingkar", "janji", "takut", "sayang",
                        "beda", "bersih", "tegas", "pelopor", "dicontoh", "meriah", "kerjanya",
                        "kerjone", "jasanya"})
CALLING = frozenset({"pilih", "coblos", "dukung", "terpilih", "menang", "menangkan", "ingat",
                     "lupa", "ayo", "yok", "yuk", "mari", "gas", "gaspol", "pokoknya", "semua",
                     "semue", "suara", "suare", "kursi", "bilik", "hindari"})


def participant_cues(text: str, text_words: Sequence[Word],
                     partisan: PartisanLists | None) -> set[str]:
    """The features of what ``text`` does to a participant it points at (see the module)."""
    if not _points(text, text_words, partisan):
        return set()
    norms = {w.norm for w in text_words}
    found = {POINTED}
    if norms & EVALUATIVE:
        found.add(JUDGED)
    if norms & CALLING:
        found.add(CALLED)
    return found


def _points(text: str, text_words: Sequence[Word], partisan: PartisanLists | None) -> bool:
    norms = [w.norm for w in text_words]
    if KEYCAP.search(text) or any(_coloured(norms, i) or _numbered(norms, i)
                                  for i in range(len(norms))):
        return True
    return partisan is not None and names_a_contestant(text, partisan)


def _coloured(norms: Sequence[str], index: int) -> bool:
    """A colour beside a word a side wears or flies (``partai ijo``, ``baju ... biru``)."""
    near = [*norms[max(0, index - 2):index], *norms[index + 1:index + 2]]
    return norms[index] in COLOURS and any(n in WORN for n in near)


def _numbered(norms: Sequence[str], index: int) -> bool:
    """A ballot number (``nomer 5``, ``nomor urut tige``), not a numbered place (``TPS no 3``)."""
    if norms[index] not in BALLOT or (index and norms[index - 1] in NUMBERED_PLACES):
        return False
    at = index + 2 if index + 1 < len(norms) and norms[index + 1] == "urut" else index + 1
    number = norms[at] if at < len(norms) else ""
    cited = at + 1 < len(norms) and norms[at + 1] in CITED  # "Nomor 7 Tahun 2017": a law
    return (number.isdigit() or number in SPOKEN_NUMBERS) and not cited
