"""A call to vote quoted as what someone wrote, and answered: *Ada komentar 'coblos no 3' di
postingan ini. Akun ini netral, ajakan memilih kami sembunyikan.*, *Yang komen 'pilih nomor 2'
di atas, tolong hormati aturan.* The quotation marks hold another's words; the caption reports
and answers them, it does not make the call (docs/aturan-isi.md, "Putaran screen-t").

The structure (words in ``calendar/konteks-edukasi.yml``): a word naming a message
(``messages``: *komentar, komen, ajakan, unggahan* ...) at most ``REACH`` words before the
opening quotation mark, in the same clause, and outside every quotation the caption takes a
stand against it: a negation, a refutation or the law (:func:`kalender.text.education.answers`)
or a word of moderation (``moderation``: *netral, kami sembunyikan, hormati aturan* ...).
A caption that laughs at or approves of what it quotes (*setuju*, *mantap*) makes it its own:
*Setuju sama komen 'coblos nomor 3' di atas!* still counts, and so does a call without
quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .clauses import endorsed
from .education import Lesson, answers
from .textword import TextWord, phrase_width

REACH = 3  # words between the message word and the quotation, at most
BREAK = re.compile(r"[,;:!?.\n()]")


def reported_quotes(text: str, text_words: Sequence[TextWord],
                    quotes: Sequence[tuple[int, int]], lesson: Lesson) -> list[tuple[int, int]]:
    """The quotations of ``text`` that report another's message the caption answers."""
    if not quotes or endorsed(text, quotes):
        return []
    outside = [w for w in text_words if not any(q[0] <= w.start < q[1] for q in quotes)]
    if not answers(outside, lesson) and not any(
            phrase_width(outside, i, lesson.moderation) for i in range(len(outside))):
        return []
    return [quote for quote in quotes if _introduced(text, text_words, quote, lesson.messages)]


def _introduced(text: str, text_words: Sequence[TextWord], quote: tuple[int, int],
                messages: frozenset[str]) -> bool:
    """A message word stands at most ``REACH`` words before ``quote``, no clause break
    between."""
    before = [w for w in text_words if w.end <= quote[0]][-1 - REACH:]
    return any(w.forms & messages and not BREAK.search(text[w.end:quote[0]]) for w in before)
