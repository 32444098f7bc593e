"""A caption about a contest other than the election: a school's class president, a poster
competition, the national football team (*pemilihan ketua OSIS ... calon nomor urut 1 menang*,
*juara pertama peserta nomor urut 7*, *Dukung Timnas sampai akhir!*). Its numbers, names and
*dukung*, *menang*, *juara* are about that contest, not a participant of the election
(docs/aturan-isi.md, "Putaran screen-x"). The words are data: ``lomba`` in
``calendar/partisan.yml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .partisan import PartisanLists
from .phrases import Word


def other_contest(text_words: Sequence[Word], lists: PartisanLists) -> bool:
    """True when a word of ``lists.contests`` is in the caption of ``text_words``."""
    return any(pattern.matches_at(text_words, index)
               for index in range(len(text_words)) for pattern in lists.contests)
