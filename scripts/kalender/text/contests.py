"""A caption about a contest other than the election: a school's class president, a poster
competition, the national football team (*pemilihan ketua OSIS ... calon nomor urut 1 menang*,
*juara pertama peserta nomor urut 7*, *Dukung Timnas sampai akhir!*). Its numbers, names and
*dukung*, *menang*, *juara* are about that contest, not a participant of the election
(docs/aturan-isi.md, "Putaran screen-x"). Only in the contest's own sentence: a call to vote
for a participant in the next sentence (*Selamat untuk Timnas! Besok coblos nomor 2*) is
still a call. The words are data: ``lomba`` in ``calendar/partisan.yml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .partisan import PartisanLists
from .phrases import Word


def contest_sentences(text_words: Sequence[Word], sentence: Sequence[int],
                      lists: PartisanLists) -> frozenset[int]:
    """The sentences (``sentence[i]`` is word ``i``'s) that name a contest of
    ``lists.contests``."""
    return frozenset(sentence[index] for index in range(len(text_words))
                     if any(pattern.matches_at(text_words, index)
                            for pattern in lists.contests))
