"""The learned layer on new writers (round screen-ab, docs/riwayat/screen-ab.md): trained on
corpora 30-32 too, its error bar raised from 0.93 to 0.94, chosen leave-one-corpus-out (not
blind). Measured on every corpus held out in turn, a score of 0.93 to 0.97 on a caption the
rules let through was a breach only about seven times in ten (the layer is over-confident on a
writer it has not seen); the bar at 0.94 took seven false positives of 4197 for two breaches of
4041, recall staying at 95.7 %.

Each caption is written as a post and checked as a user checks it (``kalender check``, the
layer on). A community announcement the layer read as violence is now clean; breaches only the
layer finds, with no listed phrase, stay errors on their line. Every sentence here was written
for this test, none is taken from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentposts import assert_no_finding_either_way, caption_findings, screen_errors

ONLY_THE_LAYER = [
    pytest.param("Kalau ada yang ribut soal hasil rekap, datangi saja rumahnya malam ini, biar "
                 "tahu rasa.", "kekerasan", id="datangi-rumahnya"),
    pytest.param("Orang kampung sebelah itu memang dari dulu tukang curang, jangan kasih mereka "
                 "jadi saksi.", "sara", id="kampung-sebelah"),
    pytest.param("Yang masih pasang baliho paslon lain di gang kita, copot saja diam-diam, nanti "
                 "kami lindungi.", "kekerasan", id="copot-diam-diam"),
]


def test_a_work_day_announcement_is_not_read_as_violence(
        repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # scored 0.939 by the weights before corpora 30-32 were trained (an error at the bar of
    # 0.93), 0.914 after
    text = ("Kata Pak Lurah, warga di ujung gang sudah siap kerja bakti besok pagi, bawa cangkul "
            "sendiri.")
    assert_no_finding_either_way(repo, tmp_path_factory.mktemp("alone"), text)


@pytest.mark.parametrize(("text", "category"), ONLY_THE_LAYER)
def test_a_breach_only_the_layer_finds_stays_an_error_on_its_line(
        repo: Path, text: str, category: str) -> None:
    found = caption_findings(repo, text)
    assert [(line, severity) for line, severity, _, _ in found] == [(9, "error")], found
    assert "lapisan yang dipelajari" in found[0][2]
    assert category in screen_errors(text)
    assert not screen_errors(text, learned=False)  # no listed phrase: the layer's alone
