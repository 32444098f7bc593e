"""Threats written without a word of urging (round screen-z, docs/riwayat/screen-z.md,
:mod:`kalender.text.threats`): an attack (*bom*, *meledak*, *ledakin*, 💣), a concrete target
(*gedung DPRD*, *aula kelurahan*) and a when or the writer acting (*pukul 10 lusa*, *kami*), in
one sentence; and a threat to the family of the one addressed (*kami tahu di mana anak kalian
sekolah*). Each is written as a post: ``kalender check`` reports it on its file and line (with
the learned layer, as a user runs it) and ``submit`` refuses it. The same words in a drill, a
fact check, a past event, a figure of speech or the writer's own plans stay clean, with and
without the layer. Every sentence here was written for this test, none is taken from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from contentposts import assert_no_finding_either_way, caption_findings, screen_errors, write_post
from kalender.cli.main import _register_commands, cli

POST = "2026-12-02-uji"

THREATS = [
    pytest.param("Gedung DPRD bakal meledak pukul 10 pagi lusa, yang sayang nyawa jangan "
                 "mendekat.", "terorisme", id="meledak-dengan-jam"),
    pytest.param("Ada bom di aula kelurahan, jam 2 siang nanti meledak. Saya tidak main-main.",
                 "terorisme", id="ada-bom-di-tempat"),
    pytest.param("Lusa 💣 di posko pemenangan sebelah, pokoknya lihat saja.", "terorisme",
                 id="emoji-bom"),
    pytest.param("Kami ledakin balai desa kalau rekap diulang.", "terorisme",
                 id="penulis-sebagai-pelaku"),
    pytest.param("Besok jam 7 pagi gedung sekolah itu kami bom, jangan ada yang masuk.",
                 "terorisme", id="bom-sebagai-kata-kerja"),
    pytest.param("Target berikutnya kantor camat, jam 8 pagi waktu apel.", "terorisme",
                 id="sasaran-berikutnya"),
    pytest.param("Kami tahu di mana anak kalian sekolah. Cabut gugatan itu sebelum Senin.",
                 "kekerasan", id="keluarga-yang-disapa"),
]

CLEAN = [
    pytest.param("Simulasi ancaman bom di kantor kecamatan besok pagi bersama Polsek; warga "
                 "tidak perlu panik.", id="simulasi"),
    pytest.param("Beredar pesan bahwa gudang logistik akan meledak jam 9. Itu hoaks, abaikan.",
                 id="cek-fakta"),
    pytest.param("Tabung gas di dapur sekolah tidak sampai meledak tadi pagi, petugas sigap.",
                 id="tidak-sampai-meledak"),
    pytest.param("Penonton konser di stadion besok pasti meledak, tiket sudah habis.",
                 id="kiasan-keramaian"),
    pytest.param("Bom waktu data ganda di kantor kelurahan harus dibereskan sebelum Jumat.",
                 id="bom-waktu"),
    pytest.param("Kami tahu jam berapa anak-anak pulang sekolah, jadi sosialisasi kami "
                 "jadwalkan pagi.", id="anak-anak-pada-umumnya"),
    pytest.param("Besok kami datang ke sekolah untuk sosialisasi pemilih pemula jam 9 pagi.",
                 id="rencana-penulis"),
]


@pytest.mark.parametrize(("text", "category"), THREATS)
def test_a_threat_is_an_error_on_its_line(repo: Path, text: str, category: str) -> None:
    found = caption_findings(repo, text)
    assert any(severity == "error" and line == 9 for line, severity, _, _ in found), found
    assert category in screen_errors(text)
    assert category in screen_errors(text, learned=False)  # the words say why, not a score


@pytest.mark.parametrize(("text", "category"), THREATS[:2] + THREATS[-1:])
def test_submit_refuses_a_threat(repo: Path, text: str, category: str) -> None:
    write_post(repo, f"caption: |\n  {text}\n", platforms="[facebook]")
    _register_commands()
    result = CliRunner().invoke(cli, ["--root", str(repo), "submit", POST, "--by", "rina"],
                                env={"KALENDER_NOW": "2026-11-30T09:00"})
    assert result.exit_code == 1, result.output
    assert "tidak ada berkas yang diubah" in result.output
    assert f"posts/2026/12/{POST}.md:9 [content.forbidden]" in result.output


@pytest.mark.parametrize("text", CLEAN)
def test_the_same_words_told_about_stay_clean(repo: Path,
                                             tmp_path_factory: pytest.TempPathFactory,
                                             text: str) -> None:
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)
