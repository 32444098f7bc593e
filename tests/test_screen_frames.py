"""Breaches inside an office frame (round screen-l, docs/riwayat/aturan-isi.md "Putaran screen-l"):
a citizen's comment quoted and left standing is the post's own words, and a lesson
(Tanya/Jawab, a cited rule) covers its own sentences, not the staffer's aside after it."""

from __future__ import annotations

from contentposts import screen_categories, screen_errors

COMMENT = "Komentar warga: “Petugas KPPS curang? Seret saja keluar, pukuli sampai kapok!”"
ANSWER = ("Tanya: Bolehkah TPS didirikan di dalam kompleks rumah ibadah? Jawab: Lokasi TPS "
          "sebaiknya di tempat yang netral dan mudah dijangkau, sesuai PKPU tentang pemungutan "
          "suara.")
ASIDE = (" Kalau masih ada yang minta TPS di rumah ibadah agama minoritas, abaikan saja, "
         "mereka memang selalu minta diistimewakan.")
THANKS = " Terima kasih atas pertanyaannya."


def test_a_quoted_comment_left_standing_is_reported_by_the_rules() -> None:
    assert "kekerasan" in screen_errors(COMMENT + " #JDIHKPU", learned=False)


def test_a_quoted_comment_the_post_answers_is_a_mention() -> None:
    answered = COMMENT + " Ajakan seperti itu dilarang dan dapat dipidana. #JDIHKPU"
    assert screen_categories(answered) == set()


def test_a_short_quoted_term_stays_a_mention() -> None:
    assert screen_categories("Apa arti kata “pukuli” dalam Kamus Besar? Simak penjelasannya.") \
        == set()


def test_an_aside_after_the_answer_of_a_lesson_is_read_on_its_own() -> None:
    assert screen_categories(ANSWER + THANKS) == set()
    assert screen_errors(ANSWER + ASIDE + THANKS) == {"sara"}


def test_a_report_that_comes_after_the_blow_does_not_make_a_lesson() -> None:
    ordered = ("Menjawab pertanyaan warga soal pengawasan TPS: masyarakat boleh ikut memantau. "
               "Kalau ketemu orang bagi-bagi uang, gebuki saja dulu, baru lapor ke Bawaslu.")
    assert "kekerasan" in screen_errors(ordered, learned=False)
    assert screen_categories("Kalau ada yang bagi-bagi uang, laporkan saja ke Bawaslu, jangan "
                             "main hakim sendiri.") == set()
