"""Personal data of a private person in a caption, found by its shape, not by a list
(SOP D.4; UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 65 ayat (2): nobody may
disclose personal data that is not theirs).

- **NIK / KK**: a number of 16 digits, written whole or in groups (``6172 0354 1090 0002``,
  ``6172.0101.0101.0001``), shaped like a NIK: a province code 11 to 94, a day 01 to 31 (41
  to 71 for women), a month 01 to 12, a serial that is not 0000. It is a Kartu Keluarga
  number when ``KK`` or ``Kartu Keluarga`` stands just before it. A template
  (``6172XXXXXXXXXXXX``) or a made-up example (``6172 0000 0000 0000``, or a region code
  counted out: ``1234560101010001``) is not one, even with a NIK's shape.
- **Phone**: an Indonesian mobile number (``08…``, ``+62 8…``, ``62 8…``, 10 to 13 digits,
  spaces, dots and hyphens allowed), unless it stands next to words of a service desk
  (``layanan``, ``pengaduan``, ``hotline``, ``kantor``) with no person named there.
  Landlines (``(0562) 631234``) and short service numbers (``1500-105``) are the numbers
  of offices and are left alone.
- **Private e-mail**: an address at a free mail service (``gmail.com``, ``yahoo.com`` ...).
- **Bank account**: ``rekening`` or ``rek.`` followed by a number of 8 to 16 digits.
- **Passport and Malaysian identity card** (round screen-ae): ``paspor``/``passport`` with
  ``no``/``nomor``/``nombor`` before it, then a passport number (``C4417892``: one or two
  letters and 6 to 8 digits); ``IC``, ``MyKad`` or ``kad pengenalan`` followed by a MyKad
  number (``850101-13-5678``: twelve digits, a birth date first).
- **Birth date**: ``lahir``, ``tgl lahir`` or ``TTL`` followed by a date in figures
  (``15-07-1980``); "Hari Lahir Pancasila, 1 Juni" is not one.
- **Home address**: a street (``Jl.``, ``Jalan``, ``Gg.``, ``Gang``, ``Perumahan``,
  ``Komplek``, ``Blok``) followed within a few words by a house number (``No. 7``,
  ``nomor 21``, ``Blok C-12``, ``RT 02``), near words that say someone lives there
  (``rumahnya``, ``tinggal di``, ``kediaman``, ``rumah`` and whose: ``rumah Pak ...``).
  A polling station's, an office's or the Rumah Pintar Pemilu's address is not a home.

Numbers and addresses of the office itself, listed under ``contact`` in
``calendar/satker.yml``, are never personal data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .lookalikes import read_digits
from .phrases import Word, normalise_word, sentences, words

ID_NUMBER = re.compile(r"(?<![\w/])\d(?:[ .\-]{0,3}\d){15}(?![\w/]|[.\-]\d)")
FREE_MAIL = re.compile(r"[\w.+\-]+@(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|"
                       r"rocketmail|aol|proton(?:mail)?)\.[a-z.]{2,6}\b", re.IGNORECASE)
BANK_ACCOUNT = re.compile(r"\b(?:rekening|rek)\.?\s*(?:no\.?|nomor|nomer)?\s*(?:[a-z]+\s+)?"
                          r"[:.]?\s*(\d(?:[ .\-]?\d){7,15})(?!\d)", re.IGNORECASE)
BIRTH_DATE = re.compile(r"\b(?:lahir|tgl\.?\s*lahir|tanggal\s+lahir|ttl)\b[^\n\d]{0,25}?"
                        r"(\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2})\b", re.IGNORECASE)
PASSPORT = re.compile(r"\b(?:no|nomor|nomer|nombor|number)\.?\s*(?:paspor|pasport|passport)"
                      r"\s*[:.]?\s*([A-Z]{1,2}\s?\d{6,8})(?![\w])", re.IGNORECASE)
MYKAD = re.compile(r"\b(?:ic|mykad|kad\s+pengenalan)\b\s*(?:no\.?|nombor|nomor)?\s*[:.]?\s*"
                   r"(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \-]?\d{2}[ \-]?\d{4})(?!\d)",
                   re.IGNORECASE)
MOBILE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .\-]{0,3}8(?:[ .\-]{0,3}\d){8,11}"
                    r"(?![\w]|[.\-]\d)")
# A landline: area code 0 + 2-3 digits (not a mobile's 8), then 5 to 8 digits.
LANDLINE = re.compile(r"(?<![\w+])\(?0[1-79]\d{1,2}\)?[ .\-]{0,3}\d{3,4}[ .\-]?\d{2,4}"
                      r"(?![\w]|[.\-]\d)")
# A letter typed for a digit inside a number ("6172 O405", "08l2"): read as the digit.
DIGIT_LOOKALIKE = re.compile(r"(?<=\d)[OoIl](?=[ .\-]?\d)|(?<=\d[ .\-])[OoIl](?=\d)"
                             r"|(?<=[ .\-])[OoIl](?=\d{2})")
LOOKALIKE_DIGIT = str.maketrans("OoIl", "0011")


def _normalised(*listed: str) -> frozenset[str]:
    return frozenset(normalise_word(w) for w in listed)  # "kk" is read "k", "gg" "g"


KK_WORDS = _normalised("kk", "keluarga")  # "No KK", "Kartu Keluarga"
# A 16-digit number called a NIK or KK is one, whatever its shape, unless it is a template
ID_WORDS = KK_WORDS | _normalised("nik", "ktp", "kependudukan", "induk", "ektp")
STREET = _normalised("jl", "jln", "jalan", "gg", "gang", "perumahan", "perum", "komplek",
                     "kompleks", "blok", "rt")
HOUSE_NUMBER = _normalised("no", "nomor", "nomer", "blok", "rt", "rw")
RESIDENCE = _normalised("rumahnya", "tinggal", "tinggalnya", "kediaman", "kediamannya",
                        "alamatnya", "kos", "kosnya", "kontrakan", "kontrakannya", "menginap")
# "rumah" alone is also the Rumah Pintar Pemilu; someone's house is "rumah" and whose
WHOSE = _normalised("pak", "bu", "bapak", "ibu", "saya", "dia", "beliau", "mereka", "kami",
                    "keluarga", "orang", "caleg", "calon", "ketua", "saksi", "pelapor", "pelaku",
                    "korban", "warga", "sdr", "saudara", "si", "pemilih", "petugas", "anggota",
                    "relawan", "tersangka", "kpps", "pps", "lengkap")
# "alamat" and whose ("alamat lengkap pemilih", "alamat pelapor")
ADDRESS_WORDS = _normalised("alamat", "alamatnya", "domisili")
# an official at work or an event ("Rapat dengan Bu Lurah di Jl. ...") is not a home
OFFICIAL_OR_EVENT = _normalised("lurah", "camat", "ketua", "kepala", "wali", "walikota",
                                "bupati", "gubernur", "kapolres", "dandim", "kades", "rapat",
                                "acara", "kegiatan", "sosialisasi", "hadir", "meninjau",
                                "bertemu", "pertemuan", "kunjungan")
# a polling station's address is public, even at someone's house ("di halaman rumah warga")
POLLING_STATION = _normalised("tps")
# a street, a house number and both RT and RW is a home, unless a public place is named
NEIGHBOURHOOD = _normalised("rt", "rw")
# ... a street or a house number besides them, or "alamat" near: "RT 03 RW 05 Kelurahan ..."
# alone names a neighbourhood (an invitation to its working bee), not someone's home (round
# screen-x)
HOME_ON_A_STREET = (STREET | HOUSE_NUMBER) - NEIGHBOURHOOD
PUBLIC_PLACE = _normalised("tps", "kantor", "sekolah", "sd", "smp", "sma", "smk", "hotel",
                           "aula", "gedung", "balai", "masjid", "gereja", "vihara", "klenteng",
                           "kpu", "bawaslu", "posko", "pasar", "puskesmas", "lapangan",
                           "sekretariat", "kampus", "universitas", "toko", "kafe", "restoran")
# a mobile number in a sentence about a service desk is the office's, unless called private
SERVICE = _normalised("layanan", "pengaduan", "hotline", "helpdesk", "posko", "humas",
                      "kantor", "informasi", "center", "resmi", "dinas")
# "bukan nomor pribadi": a private word denied right before (at most two words) calls the
# number the office's
DENIAL = _normalised("bukan", "tidak", "tak", "nggak", "gak", "enggak", "ndak")
PRIVATE = _normalised("pribadi", "pribadinya", "pak", "bu", "bapak", "ibu", "mbak", "mas",
                      "bang", "rumah", "rumahnya", "relawan")
ADDRESS_REACH = 8  # words from the street word to the house number
SERVICE_REACH = 60  # characters around a phone number searched for a service desk
RESIDENCE_REACH = 6  # words from "rumahnya"/"tinggal di" to the street, or after the number
POLLING_REACH = 20  # words from "TPS" to the street of its address (the dots of "No." too)
RESIDENCE_BEFORE = 10  # ... before the street ("Rumah ketua KPPS yang curang ada di Jl. ...")


@dataclass(frozen=True)
class PersonalData:
    """One piece of personal data in a text: its kind (``nik``, ``kk``, ``phone``,
    ``address``) and its span in the text."""

    kind: str
    start: int
    end: int
    text: str


def find_personal_data(text: str, official: Iterable[str] = ()) -> list[PersonalData]:
    """Every NIK, KK number, private mobile number and home address in ``text``, in text
    order; ``official`` are the office's own numbers and addresses (``satker.yml``)."""
    known = {_digits(o) for o in official if _digits(o)} | {_plain(o) for o in official}
    text_words = words(text)
    numbers = _as_digits(text)
    found = [*_id_numbers(numbers, text_words), *_phones(numbers, text_words),
             *_home_landlines(numbers, text_words), *_addresses(text, text_words),
             *_shaped(text)]
    return sorted((PersonalData(f.kind, f.start, f.end, text[f.start:f.end]) for f in found
                   if _digits(numbers[f.start:f.end]) not in known
                   and _plain(f.text) not in known), key=lambda f: f.start)


def _as_digits(text: str) -> str:
    """``text`` with letters typed for digits inside numbers read as digits (same length,
    so spans stay those of ``text``)."""
    return read_digits(DIGIT_LOOKALIKE.sub(lambda m: m.group().translate(LOOKALIKE_DIGIT), text))


def _shaped(text: str) -> list[PersonalData]:
    """E-mail at a free mail service, bank account number, birth date in figures,
    passport and MyKad numbers."""
    found = [PersonalData("email", *m.span(), m.group()) for m in FREE_MAIL.finditer(text)]
    for kind, pattern in (("account", BANK_ACCOUNT), ("birth", BIRTH_DATE),
                          ("passport", PASSPORT), ("mykad", MYKAD)):
        found += [PersonalData(kind, *m.span(1), m.group(1)) for m in pattern.finditer(text)]
    return found


def looks_like_nik(digits: str) -> bool:
    """A NIK's shape: province 11-94, day 01-31 or 41-71, month 01-12, serial not 0000."""
    province, day, month, serial = (int(digits[0:2]), int(digits[6:8]), int(digits[8:10]),
                                    int(digits[12:16]))
    return (11 <= province <= 94 and (1 <= day <= 31 or 41 <= day <= 71)
            and 1 <= month <= 12 and serial > 0)


def a_template(digits: str) -> bool:
    """A made-up example: one digit repeated, a run (``1234567890123456``) or a region code
    counted out (``123456`` then a date), mostly zeros (``6172 0000 0000 0000``), or no
    province (``99``)."""
    runs = "1234567890" * 3
    return (len(set(digits)) <= 2 or digits in runs or digits[:6] in runs
            or digits.count("0") >= 10 or not 11 <= int(digits[:2]) <= 94)


def _id_numbers(text: str, text_words: Sequence[Word]) -> list[PersonalData]:
    found = []
    for match in ID_NUMBER.finditer(text):
        digits = _digits(match.group())
        before = [w.norm for w in text_words if w.end <= match.start()][-3:]
        called = any(w in ID_WORDS for w in before)
        if a_template(digits) or not (looks_like_nik(digits) or called):
            continue
        kind = "kk" if any(w in KK_WORDS for w in before) else "nik"
        found.append(PersonalData(kind, *match.span(), match.group()))
    return found


def _phones(text: str, text_words: Sequence[Word]) -> list[PersonalData]:
    return [PersonalData("phone", *m.span(), m.group()) for m in MOBILE.finditer(text)
            if not ID_NUMBER.fullmatch(m.group())
            and not _service_desk(text, text_words, m.start())]


def _home_landlines(text: str, text_words: Sequence[Word]) -> list[PersonalData]:
    """A landline called a person's home number: ``rumah`` (``rumahnya``, the Malay
    ``rumahnye``) and a person (``Pak``, ``Bu`` ...) in its sentence before it (*Telp
    rumahnye Pak Ahok 0562-631234*). An office's landline (*Kantor KPU (0562) 631234*)
    names no home and stays an office number; so does a service desk's or the Rumah Pintar
    Pemilu's."""
    numbers = sentences(text, text_words)
    found = []
    for match in LANDLINE.finditer(text):
        before = [i for i, w in enumerate(text_words) if w.end <= match.start()]
        if not before:
            continue
        own = numbers[before[-1]]
        said = [_possessive(text_words[i].norm) for i in before if numbers[i] == own]
        if ("rumah" in said or "rumahnya" in said) and set(said) & (WHOSE - {"orang"}) and (
                not set(said) & (SERVICE | PUBLIC_PLACE | {"pintar"})):
            found.append(PersonalData("phone", *match.span(), match.group()))
    return found


def _possessive(norm: str) -> str:
    """The Malay ``-nye`` read as ``-nya``: ``rumahnye`` = ``rumahnya``."""
    return norm[:-1] + "a" if norm.endswith("nye") and len(norm) > 5 else norm


def _service_desk(text: str, text_words: Sequence[Word], start: int) -> bool:
    """The number stands in a sentence (or a line) about a service desk and no person is
    named there (*Layanan informasi KPU: WhatsApp 0811 ...*)."""
    numbers = sentences(text, text_words)
    own = next((numbers[i] for i, w in enumerate(text_words) if w.start >= start), None)
    near = [i for i, w in enumerate(text_words)
            if abs(w.start - start) < SERVICE_REACH or numbers[i] == own]
    line = {text_words[i].norm for i in near}
    private = {text_words[i].norm for i in near if text_words[i].norm in PRIVATE
               and not _denied(text_words, i)}
    return bool(line & SERVICE) and not private


def _denied(text_words: Sequence[Word], index: int) -> bool:
    """*bukan nomor pribadi*: a denying word at most two words before word ``index``."""
    return any(text_words[i].norm in DENIAL for i in range(max(0, index - 2), index))


def _addresses(text: str, text_words: Sequence[Word]) -> list[PersonalData]:
    """Street, house number and a word saying someone lives there, close together (the
    dots of ``Jl.`` and ``No.`` do not end a sentence here)."""
    found: list[PersonalData] = []
    polling = [i for i, w in enumerate(text_words) if w.norm in POLLING_STATION]
    for index, word in enumerate(text_words):
        if word.norm not in STREET or (found and word.start < found[-1].end):
            continue
        last = _house_number(text_words, index)
        if last is None:
            continue
        near = text_words[max(0, index - RESIDENCE_BEFORE):last + RESIDENCE_REACH + 1]
        if not _lives_at(text_words, index) and any(
                index - POLLING_REACH <= at <= last + RESIDENCE_REACH for at in polling):
            continue  # "TPS 12 di halaman rumah warga, Gang ..."
        if (_lived_in(near) or _person_at(text_words, index, near)
                or _neighbourhood(text_words[index:last + RESIDENCE_REACH + 1], near)):
            end = text_words[last].end
            found.append(PersonalData("address", word.start, end, text[word.start:end]))
    return found


def _lives_at(text_words: Sequence[Word], street: int) -> bool:
    """The street is said to be where someone lives, right before it: ``tinggal di Jl. ...``,
    ``rumahnya di Gg. ...`` (a polling station named in the same sentence does not make it
    the station's address)."""
    before = [w.norm for w in text_words[max(0, street - 2):street]]
    return bool(before) and (before[-1] in RESIDENCE or before[-1] == "di"
                             and len(before) == 2 and before[0] in RESIDENCE)


def _person_at(text_words: Sequence[Word], street: int, near: Sequence[Word]) -> bool:
    """A person is said to be at the address: ``Keluarga Pak Ahmad di Jl. ... No. 88``
    (a person word at most three words before ``di``), and no public place is named."""
    if street < 2 or text_words[street - 1].norm != "di":
        return False
    before = {w.norm for w in text_words[max(0, street - 5):street - 1]}
    return (bool(before & WHOSE) and not before & OFFICIAL_OR_EVENT
            and not {w.norm for w in near} & PUBLIC_PLACE)


def _lived_in(near: Sequence[Word]) -> bool:
    """Someone lives there: ``rumahnya``, ``tinggal di``, ``rumah`` and whose, or
    ``alamat`` and whose (``alamat lengkap pemilih``)."""
    norms = [w.norm for w in near]
    return bool(set(norms) & RESIDENCE) or any(
        (a == "rumah" or a in ADDRESS_WORDS) and b in WHOSE
        for a, b in zip(norms, norms[1:], strict=False))


def _neighbourhood(address: Sequence[Word], near: Sequence[Word]) -> bool:
    """A full home address: RT and RW with a street or a house number (or called
    ``alamat``), and no public place named (``TPS 05``, ``Kantor Kelurahan``)."""
    norms, around = {w.norm for w in address}, {w.norm for w in near}
    return (norms >= NEIGHBOURHOOD and bool(norms & HOME_ON_A_STREET or around & ADDRESS_WORDS)
            and not around & PUBLIC_PLACE)


def _house_number(text_words: Sequence[Word], street: int) -> int | None:
    """The index of the last house number after the street word at ``street``, if any."""
    last = None
    for index in range(street, min(len(text_words) - 1, street + ADDRESS_REACH + 1)):
        if text_words[index].norm in HOUSE_NUMBER:
            last = _number_after(text_words, index) or last
    return last


def _number_after(text_words: Sequence[Word], index: int) -> int | None:
    """``No. 7`` -> the index of ``7``; ``Blok C-12`` -> the index of ``12``."""
    following = text_words[index + 1]
    if _has_digit(following):
        return index + 1
    if len(following.norm) == 1 and index + 2 < len(text_words) and _has_digit(
            text_words[index + 2]):
        return index + 2
    return None


def _has_digit(word: Word) -> bool:
    return any(c.isdigit() for c in word.norm)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _plain(text: str) -> str:
    return " ".join(w.norm for w in words(text))
