"""The learned layer does not read the office's mandatory hashtags (``hashtags`` in
``calendar/satker.yml``, on every post whatever it says; docs/riwayat/aturan-isi.md, "Putaran
screen-s"): a post's verdict is that of its words, with or without them, as the
leave-one-corpus-out harness measures it.

The captions here are written for these tests, not taken from the corpora.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentposts import MANDATORY, write_post
from kalender.cli.main import _register_commands, cli
from kalender.rules.learned import blank_hashtags

# A clean invitation the layer flagged on main only because the mandatory hashtags were read
# (its score without them: 0.91, with them 0.94, over the bar of 0.93). A second one, *Yang mau
# ikut lomba video, kirim karyanya ke admin ya, nanti diumumkan.*, scores 0.97 on its words
# alone once corpora 21-23 are trained (round screen-v): a false positive of the layer, kept
# in docs/riwayat/aturan-isi.md, "Putaran screen-v", not here. Once corpora 36-42 are trained
# (session of 7-8 December 2026, 23.17) the first one, *Tulis pertanyaan kalian di kolom
# komentar, nanti admin jawab satu satu.*, scores 0.963 on its words alone ("satu satu" and
# "nanti" weigh as in threats): a false positive of the layer whatever the hashtags, kept in
# docs/aturan-isi.md ("Angka terakhir"), not here; the invitation below replaces it.
CLEAN = ["Tulis pertanyaan kalian di kolom komentar, admin akan menjawabnya besok pagi."]
# A request for family cards and identity cards the word rules miss and the layer catches.
# (Round screen-v: once corpora 21-23 are trained the layer scores the earlier one, *Yang mau
# dicek datanya, kirim foto KK sama KTP ke nomor admin aja ya.*, 0.66, under the bar; round
# screen-y: once corpora 27-29 are trained, *Kalian kirim saja foto KK sama KTP ke admin, biar
# cepat diurus.* 0.62.)
# Round screen-ae: the rules now catch a request to send identity data to an admin by its
# structure (calendar/terlarang/ancaman/data-pribadi.yml), so the layer's finding is tested on
# a request the rules miss, written for tests/test_screen_learned.py: data asked for in the
# public comments, with no one named to send it to.
REQUEST = "Isi nomor KK kalian di kolom komentar, biar cepat masuk DPT."


@pytest.fixture
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def learned_lines(runner: CliRunner, repo: Path, caption: str, hashtags: str) -> list[str]:
    write_post(repo, f"caption: |\n  {caption}\n", hashtags=hashtags)
    result = runner.invoke(cli, ["--root", str(repo), "check"])
    assert "Traceback" not in result.output
    return [line for line in result.output.splitlines() if "lapisan yang dipelajari" in line]


@pytest.mark.parametrize("caption", CLEAN, ids=["pertanyaan"])
def test_a_clean_post_with_the_mandatory_hashtags_gets_no_learned_finding(
        runner: CliRunner, repo: Path, caption: str) -> None:
    assert learned_lines(runner, repo, caption, MANDATORY) == []


def test_the_hashtags_change_neither_the_score_nor_the_words_of_a_finding(
        runner: CliRunner, repo: Path) -> None:
    with_tags = learned_lines(runner, repo, REQUEST, MANDATORY)
    assert len(with_tags) == 1
    assert "baris 9:" in with_tags[0] and "JDIHKPU" not in with_tags[0]
    shutil.rmtree(repo / "posts")
    assert learned_lines(runner, repo, REQUEST, "") == with_tags


def test_blanking_keeps_every_other_character_where_it_was() -> None:
    text = "Ayo cek DPT #JDIHKPU #PemiluDamai\n\n#kpusingkawang"
    blanked = blank_hashtags(text, frozenset({"jdihkpu", "kpusingkawang"}))
    assert blanked == "Ayo cek DPT          #PemiluDamai\n\n              "
    assert len(blanked) == len(text)
