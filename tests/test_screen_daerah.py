"""Breaches the screen missed on new writers (round screen-ac, docs/riwayat/screen-ac.md):
words of regional languages no list had (``calendar/terlarang/daerah/*.yml``, one file per
language, each entry with its category, meaning, clause and harmless senses), threats and vote
buying worded politely (``calendar/terlarang/santun/*.yml``: a warning whose consequence is harm
to people, a gift to be repaid in the voting booth), and a NIK or phone number typed with the
letter O for zero and l or I for one (:mod:`kalender.text.lookalikes`).

Each caption is written as a post and checked as a user checks it (``kalender check``); the
breaches are errors on the caption's line, with the words and the SOP clause, from the rules
alone (so whatever the layer's weights). Each near-miss, the same words in a harmless sense or a
refusal, stays without any finding. Every sentence here was written for this test, none is
taken from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from contentposts import (
    assert_no_finding_either_way,
    caption_findings,
    screen_errors,
    write_post,
)
from kalender.cli import cli
from kalender.core.problems import Report
from kalender.text.lookalikes import read_digits
from kalender.text.phrase_lists import load_phrases

NEUTRAL = ("Rapat pleno rekapitulasi digelar Senin di aula KPU Kota Singkawang. Simak infografis "
           "berikut tentang tahapan pemilihan.")

BREACHES = [
    pytest.param("Mon bada oreng ngaco e TPS, carok bhai sakalian!", "kekerasan", "carok",
                 "D.1", id="madura-carok"),
    pytest.param("Pesse saratos ebu kaangguy se nyoblos calon kaula.", "pidana-pemilu",
                 "Pesse", "D.4", id="madura-pesse"),
    pytest.param("Cenah TPS di lembur urang dipindahkeun ka kacamatan, bejakeun ka baraya!",
                 "hoaks", "Cenah", "D.2", id="sunda-cenah"),
    pytest.param("Nu ngaruksak baliho urang, durukeun imahna peuting ieu.", "kekerasan",
                 "durukeun", "D.1", id="sunda-durukeun"),
    pytest.param("Ngana petugas pukimai, data pemilih kacau bagini.", "hinaan", "pukimai",
                 "D.3", id="manado-pukimai"),
    pytest.param("Kalo dia bacurang lagi, torang kase mati dia di jalan.", "kekerasan",
                 "kase mati", "D.1", id="manado-kase-mati"),
    pytest.param("Pitih saratuih ribu untuak satiok urang nan mamiliah calon kito.",
                 "pidana-pemilu", "Pitih", "D.4", id="minang-pitih"),
    pytest.param("Pian petugas bungul, daftar pamilih haja kada kawa.", "hinaan", "bungul",
                 "D.3", id="banjar-bungul"),
    pytest.param("Jarene surat suara wis dicoblosi dhisik, sebarke neng grup kabeh!", "hoaks",
                 "Jarene", "D.2", id="jawa-jarene"),
    pytest.param("Ketua panitia itu memang tailaso.", "hinaan", "tailaso", "D.3",
                 id="makassar-tailaso"),
    pytest.param("Dengan hormat, bila tuntutan warga terus diabaikan, jangan salahkan siapa "
                 "pun kalau nanti ada darah tertumpah di depan kantor.", "kekerasan",
                 "jangan salahkan", "D.1", id="santun-darah"),
    pytest.param("Dengan segala hormat, keselamatan keluarga Bapak tidak dapat kami jamin "
                 "sesudah pengumuman ini.", "kekerasan", "tidak dapat kami jamin", "D.1",
                 id="santun-keselamatan"),
    pytest.param("Maaf sebelumnya, kalau rekap ini tetap disahkan, massa kami mungkin tidak "
                 "bisa ditahan lagi.", "kekerasan", "massa kami", "D.1", id="santun-massa"),
    pytest.param("Bingkisan sudah sampai di rumah masing-masing; nanti di bilik suara, mohon "
                 "ingat kebaikan keluarga besar kami.", "pidana-pemilu", "ingat kebaikan",
                 "D.4", id="santun-bingkisan"),
    pytest.param("Tolong cek NIK tetangga saya 6l72O4l5O887OOO3 apa sudah terdaftar.",
                 "data-pribadi", "6l72O4l5O887OOO3", "D.4", id="nik-huruf"),
    pytest.param("WA mbak Rina di O8l3-2211-4O56 ya, bilang dari saya.", "data-pribadi",
                 "O8l3-2211-4O56", "D.4", id="hp-huruf"),
]

NEAR_MISSES = [
    pytest.param("Film dokumenter tentang tradisi carok diputar di balai desa Sabtu malam.",
                 id="carok-tradisi"),
    pytest.param("Kase mati lampu kalau so selesai rapat, ngana.", id="kase-mati-lampu"),
    pytest.param("Duruk runtah di pakarangan ulah deukeut kabel listrik.", id="duruk-runtah"),
    pytest.param("Kita wajib balas budi kepada guru yang sudah mendidik kita.", id="balas-budi"),
    pytest.param("Jangan salahkan petugas kalau antrean panjang, datanglah pagi.",
                 id="salahkan-antrean"),
    pytest.param("Pitih dari calon untuak mamiliah? Jan diterimo, dunsanak.", id="pitih-tolak"),
    pytest.param("Kode pos Illinois 60614, kata Ollie; nomor surat KPU-Ol/2026.",
                 id="kode-huruf"),
]


@pytest.mark.parametrize(("text", "category", "words", "clause"), BREACHES)
def test_a_missed_breach_is_an_error_on_its_line_with_words_and_clause(
        repo: Path, text: str, category: str, words: str, clause: str) -> None:
    found = caption_findings(repo, text, learned=False)
    errors = [message for line, severity, message, _ in found
              if line == 9 and severity == "error"]
    assert any(f"“{words}”" in m and f"SOP {clause}" in m for m in errors), found
    assert category in screen_errors(text, learned=False)
    assert category in screen_errors(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_the_same_words_in_a_harmless_sense_stay_clean(
        repo: Path, tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)


def test_check_names_the_file_line_words_and_clause_of_a_regional_word(repo: Path) -> None:
    write_post(repo, "caption: |\n  Ngana petugas pukimai, data pemilih kacau bagini.\n")
    result = CliRunner().invoke(cli, ["--root", str(repo), "check"])
    lines = result.output.splitlines()
    assert result.exit_code == 1 and lines[0] == "posts/2026/12/2026-12-02-uji.md"
    assert lines[1].startswith("  galat baris 9: Instagram: “pukimai” melanggar SOP D.3: "
                               "Hinaan dan kata kasar (dasar: UU 1/2023 (KUHP) Pasal 436")


def test_vote_buying_by_a_gift_repaid_in_the_booth_is_refused_among_neutral_sentences() -> None:
    # the guard of tests/test_screen_veto.py the layer alone stopped reading after training on
    # corpora 33-35, and a sentence of the same structure written for this test
    for text in ("Besok sebelum subuh tim kami keliling bawa titipan untuk warga yang setia, "
                 "ingat balas budi di bilik suara.",
                 "Sembako sudah dibagi ke tiap rumah, jangan lupa siapa yang memberi waktu "
                 "mencoblos nanti."):
        for caption in (text, f"{NEUTRAL} {text}", f"{NEUTRAL} {NEUTRAL} {text} {NEUTRAL}"):
            assert "pidana-pemilu" in screen_errors(caption, learned=False), caption
            assert "pidana-pemilu" in screen_errors(caption), caption


@pytest.mark.parametrize(("written", "read"), [
    ("6l72 O4l5 O887 OOO3", "6172 0415 0887 0003"),
    ("O8l3.2211.4O56", "0813.2211.4056"),
    ("Ollie Illinois lOO", "Ollie Illinois lOO"),  # words and short runs stay letters
    ("SK-OlOlOlOlOl2", "SK-OlOlOlOlOl2"),  # a code touching letters is not a number
    ("IIIOOOIIIOOO", "IIIOOOIIIOOO"),  # no real digit: not a number
])
def test_look_alike_letters_are_read_only_inside_a_long_digit_run(written: str,
                                                                  read: str) -> None:
    assert read_digits(written) == read
    assert len(read_digits(written)) == len(written)


def test_a_regional_entry_of_an_unknown_category_is_reported_with_its_file_and_line(
        tmp_path: Path) -> None:
    folder = tmp_path / "calendar"
    (folder / "terlarang" / "daerah").mkdir(parents=True)
    (folder / "terlarang" / "hinaan.yml").write_text(
        "label: Hinaan\nsop: D.3\nseverity: error\nphrases:\n"
        "  - {text: goblok, dasar: KUHP Pasal 436}\n", encoding="utf-8")
    (folder / "terlarang" / "daerah" / "contoh.yml").write_text(
        "bahasa: Contoh\ndasar: {hinaan: KUHP Pasal 436}\nentries:\n"
        "  - {text: bongngo, kategori: hinaan, arti: bodoh}\n"
        "  - {text: duruk, kategori: bakar, arti: bakar}\n"
        "  - {text: pesse, kategori: hinaan, arti: uang, with: suara}\n", encoding="utf-8")
    report = Report()
    phrases = load_phrases(folder, report)
    assert [(p.text, p.category, p.line) for p in phrases] == [
        ("goblok", "hinaan", 5), ("bongngo", "hinaan", 4)]
    assert [(p.path.name, p.line, p.code) for p in report.problems] == [
        ("contoh.yml", 5, "content.regional_unknown_category"),
        ("contoh.yml", 6, "content.list_unknown_cue")]
