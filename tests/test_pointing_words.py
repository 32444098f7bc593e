"""The words by which a caption points at a participant without naming one are the office's
data (``tunjuk`` in ``calendar/partisan.yml``), read the way the text is read: a listed word
with a doubled letter (*jingga*) matches the caption's word, and an office that lists no such
words gets no pointing features from the learned layer."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from kalender.core.problems import Report
from kalender.rules.learnedcues import CALLED, POINTED, participant_cues
from kalender.text.partisan import load_partisan
from kalender.text.phrases import words

CALENDAR = Path(__file__).resolve().parents[1] / "calendar"


def cues(folder: Path, caption: str) -> set[str]:
    report = Report()
    partisan = load_partisan(folder, report)
    assert not report.problems
    return participant_cues(caption, words(caption), partisan)


def test_a_colour_with_a_doubled_letter_beside_a_worn_thing_points(tmp_path: Path) -> None:
    shutil.copy(CALENDAR / "partisan.yml", tmp_path / "partisan.yml")
    assert cues(tmp_path, "Ayo semua pakai baju jingga hari Rabu, kita menang!") == {
        POINTED, CALLED}
    assert cues(tmp_path, "Kaos jingga itu murah di pasar.") == {POINTED}
    assert cues(tmp_path, "Langit jingga sore ini indah sekali.") == set()


def test_the_ballot_words_are_read_as_text_not_as_yaml_booleans(tmp_path: Path) -> None:
    shutil.copy(CALENDAR / "partisan.yml", tmp_path / "partisan.yml")
    assert POINTED in cues(tmp_path, "Pokoknya no 3 paling peduli sama warga.")
    assert cues(tmp_path, "Antrean di TPS no 3 sudah panjang sejak pagi.") == set()


def test_an_office_without_pointing_words_gets_no_pointing_features(tmp_path: Path) -> None:
    data = yaml.safe_load((CALENDAR / "partisan.yml").read_text(encoding="utf-8"))
    del data["tunjuk"]
    (tmp_path / "partisan.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                           encoding="utf-8")
    assert cues(tmp_path, "Ayo semua pakai baju jingga, kita pasti menang!") == set()
