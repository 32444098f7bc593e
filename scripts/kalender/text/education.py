"""When a forbidden word is *taught about* rather than used: the structure of a lesson.

A post of the JDIH account explains the law: *Tolak serangan fajar!*, *Kekerasan terhadap
petugas adalah tindak pidana*, *Jangan bagikan NIK Anda*. The words the screen looks for are
then in the text, but the post is clean. No sentence is whitelisted; a match is taken as
taught about when the structure of its sentence says so (``calendar/konteks-edukasi.yml``):

- **negated**: a negating or warning word (``jangan``, ``tolak``, ``cegah``, ``hindari``,
  ``waspadai``, ``bukan`` ...) stands before it in its sentence, at most ``window`` words
  away, and is not the start of a persuasion idiom (``jangan mau``, ``jangan biarkan``);
- **legal**: its sentence speaks of the law's reaction (``dilarang``, ``sanksi``, ``pasal``,
  ``pidana``, ``laporkan`` ...) or cites a legal product (``kalender.citations``);
- **refuted** (lists that ask for it, e.g. hoaxes): the caption says the claim is false
  (``tidak benar``, ``membantah``, ``hoaks``) or cites its legal source, wherever in the
  caption;
- **a question answered by the law**: *Menemukan amplop serangan fajar? Laporkan ke
  Bawaslu.* The question before a sentence about the law names what it teaches about.

Words are compared through their inflections (:func:`kalender.text.wordforms.word_forms`):
``melarang``, ``dilarang`` and ``larangan`` are all ``larang``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .asked import Asking, answered_by_law, hearsay_asked, meaning_asked
from .citations import find_citations
from .declined import Declining, declined_sentences
from .defined import defined_sentences
from .everyday import Everyday
from .rebuked import Rebuking, rebuked_sentences
from .textword import TextWord, Words


@dataclass(frozen=True)
class Lesson:
    """The words that make a sentence a lesson rather than a breach."""

    negators: frozenset[str] = frozenset()
    close_negators: frozenset[str] = frozenset()  # "tidak": only the next word or two
    close_window: int = 2
    idioms: frozenset[str] = frozenset()  # "mau" in "jangan mau": not a negation
    legal: tuple[Words, ...] = ()
    cited: tuple[Words, ...] = ()  # words of a cited basis: pasal, UU, PKPU
    refutation: tuple[Words, ...] = ()
    not_refuting: frozenset[str] = frozenset()  # "bukan" in "bukan hoaks"
    window: int = 6
    answers: tuple[Words, ...] = ()  # "cek dulu", "tanyakan": a question's answer checks it
    refusals: tuple[Words, ...] = ()  # "jangan diambil!": a curt refusal of what came before
    declining: Declining = Declining()  # "saya tolak": the writer declined (text.declined)
    asking: Asking = Asking()  # "itu apa?", "Tanya: ... Jawab:" (text.asked)
    rebuking: Rebuking = Rebuking()  # "itu menyakitkan": a quoted naming judged (text.rebuked)
    messages: frozenset[str] = frozenset()  # "komentar 'coblos no 3'" (text.quotedcall)
    moderation: tuple[Words, ...] = ()  # "akun ini netral": the call answered (text.quotedcall)
    defining: tuple[Words, ...] = ()  # "'bangsat' berarti kutu busuk" (text.defined)
    defined_linking: frozenset[str] = frozenset()  # "Kampret itu sebenarnya sebutan untuk"
    means: frozenset[str] = frozenset()  # "diadu domba pakai isu agama": the means warned of
    everyday: Everyday = Everyday()  # "kampret ... terbang": a word's everyday use (text.everyday)


def negated(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
            lesson: Lesson, extra: frozenset[str] = frozenset()) -> bool:
    """True when a negating word (``lesson.negators`` or ``extra``) stands before word
    ``index``, in its sentence, at most ``lesson.window`` words away, or a close negator
    (``tidak``, ``bukan``) at most ``lesson.close_window`` words away."""
    negators = lesson.negators | extra
    if _denied_existence(text_words, sentence, index):
        return True
    for before in range(max(0, index - lesson.window), index):
        if sentence[before] != sentence[index] or (
                _idiom(text_words, before, lesson)
                and not _warned_passive(text_words, sentence, before, index, lesson)):
            continue
        forms = text_words[before].forms
        if forms & negators or (_gap(text_words, before, index) <= lesson.close_window
                                and text_words[before].norm in lesson.close_negators
                                and not conditioned(text_words, before)):
            return True
    return False


# Helping verbs between a close negator and what it denies: *tidak bisa dipakai memilih lagi*.
MODALS = frozenset({"bisa", "boleh", "dapat", "akan", "perlu", "usah", "pernah", "mungkin"})


# *kalau nggak milih calon kita, bansos dicabut*: a negator after these words sets a
# condition, it does not deny
CONDITIONS = frozenset({"kalau", "kalo", "jika", "jikalau", "bila", "apabila", "asal"})


def conditioned(text_words: Sequence[TextWord], negator: int) -> bool:
    """The word ``negator`` follows ``kalau``, ``jika`` ...: it sets a condition."""
    return negator > 0 and text_words[negator - 1].norm in CONDITIONS


def _gap(text_words: Sequence[TextWord], before: int, index: int) -> int:
    """Words from ``before`` to ``index``, not counting helping verbs between them."""
    return index - before - sum(1 for i in range(before + 1, index)
                                if text_words[i].norm in MODALS)


DENIED = (("tidak", "ada"), ("tak", "ada"), ("tiada",), ("ngak", "ada"),
          ("gak", "ada"), ("engak", "ada"), ("ndak", "ada"), ("kagak", "ada"))


def _denied_existence(text_words: Sequence[TextWord], sentence: Sequence[int],
                      index: int, reach: int = 4) -> bool:
    """*Tidak ada pertanyaan yang bodoh*: the word follows ``yang`` in a clause that denies
    that such a thing exists (``tidak ada``, ``tak ada``, ``tiada`` at most ``reach`` words
    before)."""
    if index < 2 or text_words[index - 1].norm != "yang":
        return False
    norms = [w.norm for w in text_words]
    for start in range(max(0, index - 1 - reach), index - 1):
        for denial in DENIED:
            end = start + len(denial)
            if (tuple(norms[start:end]) == denial and end <= index - 1
                    and sentence[start] == sentence[index]):
                return True
    return False


def _idiom(text_words: Sequence[TextWord], index: int, lesson: Lesson) -> bool:
    after = index + 1
    return after < len(text_words) and bool(text_words[after].forms & lesson.idioms)


def _warned_passive(text_words: Sequence[TextWord], sentence: Sequence[int], negator: int,
                    index: int, lesson: Lesson, reach: int = 3) -> bool:
    """*Jangan mau suaramu dibeli*, *jangan biarkan kita diadu domba*: the idiom warns
    against what is done to the reader when a passive ``di-`` verb follows it at most
    ``reach`` words on, and the match stands at or before that verb (*jangan mau dipimpin
    partai X* still names the party after it); so does a verb done to the reader."""
    for after in range(negator + 2, min(negator + 2 + reach, len(text_words))):
        word = text_words[after]
        if sentence[after] != sentence[negator]:
            return False
        if (word.norm.startswith("di") and any(
                form != word.norm and len(form) > 2 and form in word.norm[2:]
                for form in word.forms)) or _to_reader(text_words, after):
            return index <= after or _by_means(text_words, sentence, after, index, lesson)
    return False


def _by_means(text_words: Sequence[TextWord], sentence: Sequence[int], verb: int, index: int,
              lesson: Lesson, reach: int = 4) -> bool:
    """*Jangan mau diadu domba pakai isu agama*: the match names the means of what is done to
    the reader (a word of ``lesson.means`` between the verb and it, at most ``reach`` words
    after the verb, in its sentence): the warning covers it too (round screen-t)."""
    return index - verb <= reach and sentence[index] == sentence[verb] and any(
        text_words[i].norm in lesson.means for i in range(verb + 1, index))


READER = frozenset({"kamu", "anda", "kita", "kalian", "mu"})


def _to_reader(text_words: Sequence[TextWord], index: int) -> bool:
    """*Jangan biarkan rasa takut menghalangimu*, *... memecah belah kita*: a verb done to
    the reader (its object ``-mu``, or a pronoun of the reader right after it)."""
    word = text_words[index]
    after = text_words[index + 1].norm if index + 1 < len(text_words) else ""
    return (word.norm.endswith("mu") and word.norm[:-2] in word.forms) or (
        word.norm[:2] in ("me", "di") and after in READER)


def legal_sentences(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                    lesson: Lesson, cited_only: bool = False) -> frozenset[int]:
    """The sentences that speak of the law: a legal word or a cited legal product (with
    ``cited_only``, a cited basis only: ``pasal``, ``UU``, ``PKPU 15/2023``)."""
    words = lesson.cited if cited_only else lesson.legal + lesson.cited + lesson.refusals
    found = {sentence[i] for i in range(len(text_words))
             if _phrase_at(text_words, i, words) and not _spoken(text_words[i].norm)
             and not _report_refused(text_words, i, lesson)}
    worded = set(found)
    starts = [w.start for w in text_words]
    for citation in find_citations(text):
        found |= {sentence[i] for i, start in enumerate(starts)
                  if citation.start <= start < citation.end}
    asked = _questions_answered(text, text_words, sentence, found, lesson)
    around = _lessons_around(text, text_words, sentence, found | asked, worded, lesson)
    around |= declined_sentences(text, text_words, sentence, lesson.declining)
    around |= rebuked_sentences(text, text_words, sentence, lesson.rebuking)
    around |= meaning_asked(text, text_words, sentence, lesson.asking)
    around |= hearsay_asked(text, text_words, sentence, lesson.asking)
    around |= defined_sentences(text, text_words, sentence, lesson.defining,
                                lesson.defined_linking)
    around |= answered_by_law(text_words, sentence, found | asked, lesson.asking)
    return frozenset(found | asked | around)


# *Kenapa ... dilarang? Karena ...*: a sentence opening with these explains the one before
BECAUSE = frozenset({"karena", "sebab", "soalnya", "alasannya", "pasalnya"})


def _lessons_around(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                    legal: set[int], worded: set[int], lesson: Lesson) -> set[int]:
    """Sentences a lesson reaches: the explanation after a sentence about the law (*Kenapa
    memotret surat suara dilarang? Karena ...*); the sentence before one about the law that
    points back at it with a verb ending in ``-nya`` and has a legal word, not only a
    citation (*Serangan fajar biasanya terjadi
    menjelang pagi. Awasi dan laporkan bila menemukannya.*); and a condition whose main
    clause warns or tells to report (*Kalau dapat kabar dari grup WA, jangan dishare*)."""
    firsts = {sentence[i]: i for i in reversed(range(len(text_words)))}
    around = {n for n, first in firsts.items()
              if n - 1 in legal and text_words[first].norm in BECAUSE}
    around |= {n - 1 for n in worded if n - 1 in firsts and any(
        sentence[i] == n and _points_back(text_words[i]) for i in range(len(text_words)))}
    around |= {n for n, first in firsts.items() if text_words[first].norm in CONDITIONS
               and _warned_after(text, text_words, sentence, first, lesson)}
    around |= {n - 1 for n in _curt_refusals(text_words, sentence, lesson) if n - 1 in firsts}
    return around


CURT = 4  # words of a refusal standing as its own sentence, at most


def _curt_refusals(text_words: Sequence[TextWord], sentence: Sequence[int],
                   lesson: Lesson) -> set[int]:
    """The sentences that are a curt refusal and nothing more (*Jangan diambik!*, *Tak usah
    terime.*): they refuse what the sentence before offers or tells of (*duit serangan fajar
    tu cume sehari*), so that sentence is a lesson too. A longer sentence with a refusal
    (*jangan diambil kalau belum coblos nomor 2*) says more and is read as it stands."""
    sizes: dict[int, int] = {}
    for number in sentence:
        sizes[number] = sizes.get(number, 0) + 1
    return {sentence[i] for i in range(len(text_words))
            if sizes[sentence[i]] <= CURT and _phrase_at(text_words, i, lesson.refusals)}


def _points_back(word: TextWord) -> bool:
    """A verb with the object ``-nya`` (*menemukannya*, *melaporkannya*)."""
    return word.norm.endswith("nya") and word.norm[:2] in ("me", "di") and len(word.norm) > 7


def _warned_after(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                  first: int, lesson: Lesson) -> bool:
    """The condition opening at word ``first`` ends at a comma; the main clause after it
    opens with a warning (``jangan``, not ``jangan mau``) or tells to report (``laporkan``,
    ``laporin``) not only as the next step after a word of sequence (*..., gebuki saja dulu,
    baru lapor ke Bawaslu* orders the blow first)."""
    clause = [i for i in range(first, len(text_words)) if sentence[i] == sentence[first]]
    cut = next((i for i in clause[1:] if "," in text[text_words[i - 1].end:text_words[i].start]),
               None)
    if cut is None:
        return False
    opening = text_words[cut]
    if opening.forms & lesson.negators and not _idiom(text_words, cut, lesson):
        return True
    main = [i for i in clause if i >= cut]
    stop = next((i for i in main if text_words[i].norm in THEN), None)
    return any("lapor" in text_words[i].forms for i in main if stop is None or i < stop)


# *..., gebuki saja dulu, baru lapor ke Bawaslu*: the report is the next step of an order
THEN = frozenset({"baru", "lalu", "kemudian", "setelahnya", "habis", "abis"})


# *jangan lapor*, *gak usah lapor*: a call to report that is itself refused is no lesson; nor
# *yg berani lapor ..., siap2 pulang tinggal nama* (a threat) or *gebuki dulu, baru lapor*
REPORTING = ("lapor", "report")
REFUSING_REPORT = frozenset({"jangan", "usah", "perlu", "ndak", "gausah", "gak", "ga",
                             "berani", "baru"})


def _report_refused(text_words: Sequence[TextWord], index: int, lesson: Lesson) -> bool:
    """``index`` opens a report word (*lapor ke polisi*, *laporkan*) right after a negator:
    *jangan lapor ke polisi*, *tidak usah laporkan*, *berani lapor*, *baru lapor*."""
    if not text_words[index].norm.startswith(REPORTING) or index == 0:
        return False
    before = {w.norm for w in text_words[max(0, index - 2):index]}
    return bool(before & (lesson.close_negators | REFUSING_REPORT))


def _spoken(norm: str) -> bool:
    """A word with a colloquial affix (``ngelaporin``, ``nangkep``): the law is not what a
    lesson of the office speaks of in these words (*saksi yang ngelaporin kita*)."""
    return norm.startswith("nge") or (norm.endswith("in") and len(norm) > 5)


def _questions_answered(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                        legal: set[int], lesson: Lesson) -> set[int]:
    """The questions right before a sentence about the law: *Menemukan amplop serangan
    fajar? Laporkan ke Bawaslu.* The question names what the answer teaches about. So does
    a question answered by a denial: *Berapa harga suaramu? Tidak ternilai!*"""
    asked = set()
    for i in range(1, len(text_words)):
        if sentence[i] != sentence[i - 1] and (sentence[i] in legal
                                               or _answered_no(text_words, i, lesson)):
            between = text[text_words[i - 1].end:text_words[i].start]
            if "?" in between:
                asked.add(sentence[i - 1])
    return asked


def _answered_no(text_words: Sequence[TextWord], first: int, lesson: Lesson) -> bool:
    """The sentence starting at word ``first`` answers the question before it with a denial
    or a warning: *Berapa harga suaramu? Tidak ternilai!*, *... ? Jangan mau.* is not."""
    opening = text_words[first]
    return bool(opening.norm in lesson.close_negators or opening.forms & lesson.negators) and (
        not _idiom(text_words, first, lesson))


def refuted(text_words: Sequence[TextWord], lesson: Lesson, text: str = "") -> bool:
    """True when the caption says a claim is false (``tidak benar``, ``hoaks``), not after
    a word such as ``bukan`` (``bukan hoaks`` asserts the claim), or cites the legal product
    its information comes from (``sesuai PKPU 3/2022``: the source is named)."""
    if text and find_citations(text):
        return True
    for index in range(len(text_words)):
        if _phrase_at(text_words, index, lesson.refutation):
            before = text_words[index - 1].forms if index else frozenset()
            if not before & lesson.not_refuting:
                return True
    return False


def answered_question(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                      index: int, lesson: Lesson) -> bool:
    """True when word ``index`` stands in a question followed (through more questions) by a
    sentence telling to check it: *Info A1? Orang dalam? Tanyakan dulu sumbernya.*"""
    current = sentence[index]
    while _is_question(text, text_words, sentence, current):
        current += 1
        if any(sentence[i] == current and _phrase_at(text_words, i, lesson.answers)
               for i in range(len(text_words))):
            return True
    return False


def _is_question(text: str, text_words: Sequence[TextWord], sentence: Sequence[int],
                 number: int) -> bool:
    """True when sentence ``number`` ends with a question mark."""
    last = max((i for i, n in enumerate(sentence) if n == number), default=None)
    if last is None:
        return False
    following = text_words[last + 1].start if last + 1 < len(text_words) else len(text)
    return "?" in text[text_words[last].end:following]


def in_sentence(text_words: Sequence[TextWord], sentence: Sequence[int], index: int,
                phrases: tuple[Words, ...]) -> bool:
    """True when one of ``phrases`` stands in the sentence of word ``index``."""
    return any(_phrase_at(text_words, i, phrases) for i in range(len(text_words))
               if sentence[i] == sentence[index])


def _phrase_at(text_words: Sequence[TextWord], index: int,
               phrases: tuple[Words, ...]) -> bool:
    by_first = _by_first_word(phrases)
    starting = [p for form in text_words[index].forms for p in by_first.get(form, ())]
    for phrase in starting:
        end = index + len(phrase)
        if end <= len(text_words) and all(
                part in text_words[index + k].forms for k, part in enumerate(phrase)):
            return True
    return False


@lru_cache(maxsize=16)
def _by_first_word(phrases: tuple[Words, ...]) -> dict[str, list[Words]]:
    found: dict[str, list[Words]] = {}
    for phrase in phrases:
        found.setdefault(phrase[0], []).append(phrase)
    return found


def answers(text_words: Sequence[TextWord], lesson: Lesson) -> bool:
    """True when ``text_words`` (a caption's words outside a quotation) take a stand against
    what is quoted: a negating word, a refutation (*tidak benar*, *hoaks*), a word of the law
    (*dilarang*, *pasal*) or an answer (*faktanya*, *cek*)."""
    phrases = lesson.refutation + lesson.legal + lesson.cited + lesson.answers
    return any(w.forms & lesson.negators or w.norm in lesson.close_negators
               or _phrase_at(text_words, i, phrases) for i, w in enumerate(text_words))
