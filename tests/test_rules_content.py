"""Forbidden content and partisanship (SOP D): content.forbidden, content.partisan, the
phrase matcher and the spans the preview highlights.

Each rule has a tiny post that breaks it and one that keeps it; messages are exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contentposts import findings, write_post
from kalender.core.i18n import set_language
from kalender.core.problems import Severity
from kalender.rules.check import check_project
from kalender.rules.content import Highlight, highlights
from kalender.rules.lists import content_lists
from kalender.text.phrases import Pattern, Phrase, find_phrases, normalise_word, words

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = "content.forbidden"
PARTISAN = "content.partisan"
HOAX_LIST = "Hoaks dan informasi tanpa sumber jelas"
NEUTRAL = "SOP D.3; UU 7/2017 Pasal 3 (penyelenggara Pemilu mandiri dan adil)"


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    set_language(None)
    yield
    set_language(None)


def caption(*lines: str) -> str:
    """A block caption: ``caption: |`` on line 8, its first line on line 9."""
    return "caption: |\n" + "".join(f"  {line}\n" for line in lines)


def phrase(text: str, blocked: bool = False, mention: tuple[str, ...] = ()) -> Phrase:
    return Phrase(text, "uji", "Uji", "dasar uji", blocked, pattern=Pattern.parse(text),
                  mention_before=frozenset(mention))


# --- content.forbidden -----------------------------------------------------------------------

def test_a_listed_phrase_is_an_error_with_its_clause_basis_and_advice(repo: Path) -> None:
    write_post(repo, caption("Info pemungutan suara di grup sebelah, cek sendiri."))
    assert findings(repo, FORBIDDEN) == [(
        9, "error",
        f"Instagram: “grup sebelah” melanggar SOP D.2: {HOAX_LIST} (dasar: UU 1/2023 (KUHP) "
        "Pasal 264; sumber tidak jelas); ubah atau hapus; saran: sebut sumber resmi (Peraturan "
        "atau Keputusan KPU, siaran pers, laman JDIH) atau jangan unggah. Pos edukasi: sebut "
        "larangannya (mis. “dilarang”, “tolak”, pasalnya).",
        "instagram")]


def test_an_entry_of_a_list_without_severity_is_a_warning(repo: Path) -> None:
    (repo / "calendar" / "terlarang" / "uji.yml").write_text(
        "label: Uji\nsop: D.2\nphrases:\n  - text: burung hantu\n    dasar: dasar uji\n",
        encoding="utf-8")
    write_post(repo, caption("Ada burung hantu."))
    assert findings(repo, FORBIDDEN) == [(
        9, "warning", "Instagram: “burung hantu” ada di daftar Uji (SOP D.2; dasar: dasar uji); "
        "nilai apakah pantas, lalu ganti atau hapus.", "instagram")]


def test_a_sourced_caption_keeps_the_rule(repo: Path) -> None:
    write_post(repo, caption("Info pemungutan suara dari laman JDIH KPU Kota Singkawang."))
    assert findings(repo, FORBIDDEN) == []


def test_a_blocked_phrase_is_an_error(repo: Path) -> None:
    write_post(repo, caption("Semua sudah jelas.", "Dasar cokin!"))
    assert findings(repo, FORBIDDEN) == [(
        10, "error",
        "Instagram: “cokin” dilarang di mana pun, juga dalam kutipan: SARA (suku, agama, ras dan "
        "antargolongan), SOP D.1 (dasar: UU 40/2008 Pasal 4 huruf b (kata penghinaan "
        "berdasarkan ras dan etnis)); hapus kata ini; saran: tulis tentang kelompok dengan "
        "sebutan yang netral dan tanpa penilaian; tekankan hak yang sama setiap warga.",
        "instagram")]


def test_an_incitement_quoted_in_a_lesson_about_the_law_passes(repo: Path) -> None:
    write_post(repo, caption("Ujaran “bunuh saja” dapat dijerat Pasal 246 KUHP."))
    assert findings(repo, FORBIDDEN) == []


def test_each_platform_gets_its_own_finding(repo: Path) -> None:
    write_post(repo, caption("Viralkan!"), platforms="[instagram, facebook]")
    assert [(f[0], f[3]) for f in findings(repo, FORBIDDEN)] == [
        (9, "instagram"), (9, "facebook")]


def test_a_platform_caption_is_checked_on_its_own_line(repo: Path) -> None:
    write_post(repo, caption("Isi yang rapi.") + "captions:\n  x: Cek grup sebelah.\n",
               platforms="[instagram, x]")
    assert [(f[0], f[3]) for f in findings(repo, FORBIDDEN)] == [(11, "x")]


def test_a_youtube_title_is_checked(repo: Path) -> None:
    write_post(repo, caption("Deskripsi yang rapi.")
               + "captions:\n  youtube:\n    title: Viralkan video ini\n", platforms="[youtube]")
    assert [(f[0], f[3]) for f in findings(repo, FORBIDDEN)] == [(12, "youtube")]


@pytest.mark.parametrize("written", [
    "VIRALKAN", "V1R4LK4N", "viraaalkaaan", "vírálkan", "𝐯𝐢𝐫𝐚𝐥𝐤𝐚𝐧", "ｖｉｒａｌｋａｎ",
    "vi\u00adral\u200bkan",
], ids=["capitals", "digits", "repeats", "diacritics", "styled", "fullwidth", "invisible"])
def test_disguised_spellings_are_found(repo: Path, written: str) -> None:
    write_post(repo, caption(f"Pesan penting: {written}"))
    assert [f[2].split("”")[0] for f in findings(repo, FORBIDDEN)] == [f"Instagram: “{written}"]


def test_a_camel_case_hashtag_is_found_and_its_word_marked(repo: Path) -> None:
    write_post(repo, caption("Pesan penting: #ViralkanSekarang"))
    assert [f[2].split("”")[0] for f in findings(repo, FORBIDDEN)] == ["Instagram: “Viralkan"]


def test_a_phrase_across_a_line_break_is_found_with_the_line_it_starts_on(repo: Path) -> None:
    write_post(repo, caption("Pesan ini harus kamu sebarkan", "sebelum dihapus ya."))
    messages = [(f[0], f[2].split("”")[0]) for f in findings(repo, FORBIDDEN)]
    assert messages == [(9, "Instagram: “sebarkan\nsebelum dihapus")]


@pytest.mark.parametrize("text", [
    "Jangan viralkan pesan yang belum jelas sumbernya.",
    "Waspadai pesan berantai yang minta kamu menyebarkannya, misalnya viralkan segera.",
    "Ciri hoaks: ada kalimat “sebarkan sebelum dihapus”.",
    'Ciri hoaks: ada kalimat "sebarkan sebelum dihapus".',
], ids=["jangan", "misalnya", "curly-quotes", "straight-quotes"])
def test_a_phrase_only_mentioned_is_not_reported(repo: Path, text: str) -> None:
    write_post(repo, caption(text), type="edukasi-non-kepemiluan")
    assert findings(repo, FORBIDDEN) == []


def test_a_blocked_phrase_is_reported_even_when_quoted(repo: Path) -> None:
    write_post(repo, caption("Jangan tulis “cokin” di kolom komentar."))
    assert [f[1] for f in findings(repo, FORBIDDEN)] == ["error"]


def test_the_sample_hoax_lesson_words_are_not_on_the_list(repo: Path) -> None:
    write_post(repo, caption("Kenali hoaks Pemilu dan kampanye hitam. Cek faktanya di JDIH."))
    assert findings(repo, FORBIDDEN, PARTISAN) == []


# --- the matcher ------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "normal"), [
    ("B0HOOONG", "bohong"), ("Hoaks", "hoaks"), ("h04ks", "hoaks"), ("T3R0R1S", "teroris"),
    ("2024", "2024"), ("11", "11"), ("Pémilu", "pemilu"), ("5ara", "sara"), ("7eror", "teror"),
])
def test_normalised_words(word: str, normal: str) -> None:
    assert normalise_word(word) == normal


def test_a_hashtag_is_split_where_its_case_changes() -> None:
    assert [w.norm for w in words("#HoaksPemilu #KPUSingkawang #stopHOAKS")] == [
        "hoaks", "pemilu", "kpu", "singkawang", "stop", "hoaks"]


@pytest.mark.parametrize(("text", "found"), [
    ("aksi teror di kota", ["teror"]),
    ("kegiatan terorganisir dengan baik", []),
    ("TEROOOR!", ["TEROOOR"]),
    ("#TerorPemilu", ["Teror"]),
    ("peneror", []),
], ids=["word", "inside-longer-word", "shouted", "hashtag", "suffix"])
def test_whole_words_only(text: str, found: list[str]) -> None:
    assert [m.text for m in find_phrases(text, [phrase("teror")])] == found


def test_a_trailing_star_matches_a_word_start_only() -> None:
    matches = find_phrases("bantai, bantailah, pembantaian", [phrase("bantai*")])
    assert [m.text for m in matches] == ["bantai", "bantailah"]


def test_spans_are_in_the_original_text() -> None:
    text = "Ini 𝐡𝐨𝐚𝐤𝐬!\nSebarkan  SEBELUM\ndihapus!!"
    matches = find_phrases(text, [phrase("hoaks"), phrase("sebarkan sebelum dihapus")])
    assert [(m.start, m.end, m.text) for m in matches] == [
        (4, 9, "𝐡𝐨𝐚𝐤𝐬"), (11, 36, "Sebarkan  SEBELUM\ndihapus")]
    assert [text[m.start:m.end] for m in matches] == [m.text for m in matches]


def test_mentions_are_flagged_not_dropped() -> None:
    matches = find_phrases("jangan viralkan. viralkan!", [phrase("viralkan", mention=("jangan",))])
    assert [(m.start, m.mentioned) for m in matches] == [(7, True), (17, False)]


def test_highlights_for_the_preview() -> None:
    text = "Viralkan! Jangan viralkan. Ayo coblos PKB."
    assert highlights(text, ROOT / "calendar") == [
        Highlight(0, 8, FORBIDDEN, Severity.ERROR),
        Highlight(31, 37, PARTISAN, Severity.ERROR),
        Highlight(38, 41, PARTISAN, Severity.ERROR),
    ]


def test_a_blocked_phrase_is_highlighted_as_an_error() -> None:
    assert highlights("“Cokin” tulisnya.", ROOT / "calendar") == [
        Highlight(1, 6, FORBIDDEN, Severity.ERROR)]


# --- content.partisan -------------------------------------------------------------------------

def test_a_party_near_a_campaign_verb_is_an_error(repo: Path) -> None:
    write_post(repo, caption("Informasi tahapan.", "Ayo coblos PKB!"))
    assert findings(repo, PARTISAN) == [(
        10, "error",
        "Instagram: “PKB” (Partai Kebangkitan Bangsa, nomor urut 1) berdekatan dengan kata "
        f"kampanye “coblos” (paling jauh 5 kata); akun JDIH harus netral (dasar: {NEUTRAL}); "
        "hapus ajakan atau sebutan peserta Pemilu; saran: sajikan semua peserta dengan setara "
        "(mis. seluruh nomor urut dengan Keputusan KPU yang menetapkannya).",
        "instagram")]


def test_a_ballot_number_near_a_verb_is_a_warning(repo: Path) -> None:
    write_post(repo, caption("Jangan lupa, pilih nomor urut 11 ya!"))
    assert [f[2].split(";")[0] for f in findings(repo, PARTISAN)] == [
        "Instagram: “nomor urut 11” (Partai Garda Republik Indonesia, nomor urut 11) berdekatan "
        "dengan kata kampanye “pilih” (paling jauh 5 kata)"]


def test_a_party_and_its_ballot_number_near_one_verb_make_one_finding(repo: Path) -> None:
    text = "Ayo coblos PKB nomor urut 1!"
    write_post(repo, caption(text))
    assert [f[2].split(" (")[0] for f in findings(repo, PARTISAN)] == ["Instagram: “PKB”"]
    assert [(h.start, h.end) for h in highlights(text, ROOT / "calendar")] == [
        (4, 10), (11, 14), (15, 27)]


@pytest.mark.parametrize("text", [
    "Pemilih mencoblos satu kali pada nomor urut, nama calon, atau tanda gambar partai.",
    "Undang-Undang Nomor 7 Tahun 2017 menjamin hak memilih setiap warga negara.",
    "Hari Demokrasi Internasional ditetapkan PBB; mari gunakan hak pilih dengan bijak.",
    "Partai Garuda Pancasila? Bukan: Garuda Pancasila lambang negara. Ayo pilih jawabanmu!",
    "Golkar, PKB dan PDI Perjuangan mengikuti rapat koordinasi tahapan di kantor KPU kota.",
], ids=["voting-lesson", "law-number", "un-day", "quiz", "no-verb"])
def test_education_about_elections_is_not_partisan(repo: Path, text: str) -> None:
    write_post(repo, caption(text))
    assert findings(repo, PARTISAN) == []


def test_the_window_is_counted_in_words_within_a_sentence(repo: Path) -> None:
    write_post(repo, caption("Gerindra satu dua tiga empat mendukung.",
                             "Hanura satu dua tiga empat lima mendukung.",
                             "Kami mendukung Pemilu damai. PKB hadir."))
    assert [f[0] for f in findings(repo, PARTISAN)] == [9]


def test_candidates_of_the_office_list_are_checked(repo: Path) -> None:
    partisan = repo / "calendar" / "partisan.yml"
    text = partisan.read_text(encoding="utf-8").replace(
        "candidates: []",
        "candidates:\n  - name: Budi Santoso\n    aliases: [Bang Budi]\n    dasar: uji\n")
    partisan.write_text(text, encoding="utf-8")
    write_post(repo, caption("Dukung Bang Budi!"))
    assert [f[2].split(" berdekatan")[0] for f in findings(repo, PARTISAN)] == [
        "Instagram: “Bang Budi” (Budi Santoso)"]


# --- the lists themselves ---------------------------------------------------------------------

def test_every_shipped_phrase_has_a_basis_and_parses() -> None:
    lists = content_lists(ROOT / "calendar")
    assert lists.problems == ()
    assert {p.category for p in lists.phrases} == {
        "kekerasan", "terorisme", "sara", "hinaan", "hoaks", "partisan", "pidana-pemilu",
        "data-pribadi"}
    assert all(p.dasar and p.pattern.parts and p.sop for p in lists.phrases)
    assert all(p.error or p.blocked for p in lists.phrases)
    assert lists.partisan is not None
    assert {c.ballot for c in lists.partisan.contestants} == {*range(1, 18), 24}


def test_a_phrase_without_basis_is_reported_with_its_line(repo: Path) -> None:
    (repo / "calendar" / "terlarang" / "uji.yml").write_text(
        "label: Uji\nphrases:\n  - text: kata\n  - text: '!!!'\n    dasar: uji\n",
        encoding="utf-8")
    write_post(repo, caption("Rapi."))
    problems, _ = check_project(repo)
    assert [(p.path.name, p.line, p.message) for p in problems if p.path.suffix == ".yml"] == [
        ("uji.yml", 3, "kunci wajib 'phrases.0.dasar' tidak ada atau kosong.")]


def test_a_phrase_of_punctuation_only_is_reported(repo: Path) -> None:
    (repo / "calendar" / "terlarang" / "uji.yml").write_text(
        "label: Uji\nphrases:\n  - text: '!!!'\n    dasar: uji\n", encoding="utf-8")
    write_post(repo, caption("Rapi."))
    assert findings(repo, "content.list_empty_phrase") == [
        (3, "error", "frasa '!!!' tidak berisi kata: tulis paling sedikit satu kata (huruf atau "
         "angka).", None)]


def test_a_missing_list_is_a_warning(repo: Path) -> None:
    for path in (repo / "calendar" / "terlarang").glob("*.yml"):
        path.unlink()
    (repo / "calendar" / "partisan.yml").unlink()
    problems, _ = check_project(repo)
    assert [(p.where(repo), p.severity.value, p.message) for p in problems] == [
        ("calendar/terlarang", "warning", "daftar calendar/terlarang/*.yml tidak ada: pemeriksaan "
         "konten terlarang dan keberpihakan tidak berjalan; kembalikan berkasnya (lihat "
         "docs/aturan-isi.md)."),
        ("calendar/partisan.yml", "warning", "daftar calendar/partisan.yml tidak ada: pemeriksaan "
         "konten terlarang dan keberpihakan tidak berjalan; kembalikan berkasnya (lihat "
         "docs/aturan-isi.md)."),
    ]


def test_messages_in_english(repo: Path) -> None:
    set_language("en")
    write_post(repo, caption("Viralkan!"))
    assert [f[2] for f in findings(repo, FORBIDDEN)] == [
        f"Instagram: “Viralkan” breaches SOP D.2: {HOAX_LIST} (basis: UU 1/2023 (KUHP) Pasal "
        "264; ciri pesan berantai); change or remove it; advice: sebut sumber resmi (Peraturan "
        "atau Keputusan KPU, siaran pers, laman JDIH) atau jangan unggah. An educational post: "
        "name the prohibition (e.g. “dilarang”, “tolak”, the article)."]


def test_no_finding_on_the_sample_posts() -> None:
    problems, posts = check_project(ROOT)
    assert posts.posts > 0
    assert [p.message for p in problems if p.code in (FORBIDDEN, PARTISAN)] == []
