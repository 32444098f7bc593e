"""What a caption does to a participant of the election, as structure the learned layer weighs
(:mod:`kalender.rules.learnedfeatures`): partisanship that names no listed phrase.

A writer who praises or calls for a participant without the word rules' vocabulary still points
at one: by ballot number (*nomer 5*, *nomor tige*, a keycap digit *2️⃣*), by colour (*partai
ijo*, *baju biru*, *warnanya oranye*) or by name
(:func:`kalender.text.partisan.names_a_contestant`).
The words are data: ``tunjuk`` in ``calendar/partisan.yml``. Three features (docs/aturan-isi.md,
"Putaran screen-v"):

- ``x:pihak``: the caption points at a participant;
- ``x:pihak-nilai``: ... and has an evaluative word (*baik, peduli, terbukti, paling, gagal*);
- ``x:pihak-ajak``: ... and has a word of a call to vote (*pilih, coblos, dukung, ingat*).

Their weights are learned like any word's: an office post naming every participant in a
debate schedule has the first feature too, and the corpora say how much each weighs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.partisan import PartisanLists, Pointing, names_a_contestant
from ..text.phrases import Word

POINTED = "x:pihak"
JUDGED = "x:pihak-nilai"
CALLED = "x:pihak-ajak"
KEYCAP = re.compile("[0-9]\ufe0f?\u20e3")


def participant_cues(text: str, text_words: Sequence[Word],
                     partisan: PartisanLists | None) -> set[str]:
    """The features of what ``text`` does to a participant it points at (see the module);
    none without the office's partisan list."""
    if partisan is None or not _points(text, text_words, partisan):
        return set()
    norms = {w.norm for w in text_words}
    found = {POINTED}
    if norms & partisan.pointing.evaluative:
        found.add(JUDGED)
    if norms & partisan.pointing.calling:
        found.add(CALLED)
    return found


def _points(text: str, text_words: Sequence[Word], partisan: PartisanLists) -> bool:
    norms = [w.norm for w in text_words]
    pointing = partisan.pointing
    if KEYCAP.search(text) or any(_coloured(norms, i, pointing) or _numbered(norms, i, pointing)
                                  for i in range(len(norms))):
        return True
    return names_a_contestant(text, partisan)


def _coloured(norms: Sequence[str], index: int, pointing: Pointing) -> bool:
    """A colour beside a word a side wears or flies (``partai ijo``, ``baju ... biru``)."""
    near = [*norms[max(0, index - 2):index], *norms[index + 1:index + 2]]
    return norms[index] in pointing.colours and any(n in pointing.worn for n in near)


def _numbered(norms: Sequence[str], index: int, pointing: Pointing) -> bool:
    """A ballot number (``nomer 5``, ``nomor urut tige``), not a numbered place (``TPS no 3``)."""
    if norms[index] not in pointing.ballot or (index and norms[index - 1] in pointing.places):
        return False
    at = index + 2 if index + 1 < len(norms) and norms[index + 1] == "urut" else index + 1
    number = norms[at] if at < len(norms) else ""
    cited = at + 1 < len(norms) and norms[at + 1] in pointing.cited  # "Nomor 7 Tahun 2017"
    return (number.isdigit() or number in pointing.spoken) and not cited
