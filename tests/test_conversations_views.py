"""What the pages show of a conversation: names, ages in working days, what waits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kalender.conversations.model import Comment, Conversation
from kalender.conversations.views import (
    Context,
    Settings,
    build_views,
    settings_of,
    working_days_between,
)
from kalender.core.overlay import build_overlay

WIB = ZoneInfo("Asia/Pontianak")
OWN = frozenset({"jdihkpu_singkawang", "jdih kpu kota singkawang"})


def comment(cid: str, text: str, author: str, day: int, parent: str | None = None,
            platform: str = "facebook") -> Comment:
    return Comment("2026-12-09-pos", platform, cid, text, author,
                   dt.datetime(2026, 12, day, 9, tzinfo=WIB), parent, author_id=f"id-{author}")


def views(comments: list[Comment], settings: Settings, today: dt.date = dt.date(2026, 12, 28)
          ) -> object:
    overlay = build_overlay([2026])
    context = Context(today, settings, overlay.is_day_off, {})
    conversation = Conversation("2026-12-09-pos", Path("x.percakapan.yml"), tuple(comments))
    return build_views({"2026-12-09-pos": conversation}, {}, {}, context)


def test_working_days_skip_weekends_holidays_and_collective_leave() -> None:
    day_off = build_overlay([2026]).is_day_off
    # Tue 22 Dec -> Mon 28 Dec: Wed 23 and Mon 28 count; Thu 24 (cuti bersama), Fri 25
    # (Natal), Sat 26 and Sun 27 do not.
    assert working_days_between(dt.date(2026, 12, 22), dt.date(2026, 12, 28), day_off) == 2
    assert working_days_between(dt.date(2026, 12, 7), dt.date(2026, 12, 7), day_off) == 0
    assert working_days_between(dt.date(2026, 12, 7), dt.date(2026, 12, 8), day_off) == 1


@pytest.mark.parametrize(("pseudonymise", "shown"), [(True, "Warganet "), (False, "Budi")],
                         ids=["samaran", "nama-asli"])
def test_names_follow_the_setting(pseudonymise: bool, shown: str) -> None:
    found = views([comment("1", "kapan pemilu?", "Budi", 21)],
                  Settings(pseudonymise, 2, "singkawang", OWN))
    item = found.inbox.items[0]  # type: ignore[attr-defined]
    assert item.author.startswith(shown)
    assert ("Budi" in item.author) is (not pseudonymise)


def test_a_reply_by_the_office_account_answers_the_comment() -> None:
    found = views([comment("1", "kapan pemilu?", "Budi", 21),
                   comment("2", "cara cek DPT gmn?", "Sari", 21, platform="x"),
                   comment("3", "Tanggal 14 Februari.", "JDIH KPU Kota Singkawang", 22, "1"),
                   comment("4", "Cek di cekdptonline.", "JDIH KPU (@JDIHKPU_Singkawang)", 22,
                           "2", platform="x")],
                  settings_of({}, "singkawang", ["JDIHKPU_Singkawang",
                                                 "JDIH KPU Kota Singkawang"]))
    assert [c.key for c in found.inbox.items] == []  # type: ignore[attr-defined]
    thread = found.threads["2026-12-09-pos"]  # type: ignore[attr-defined]
    assert thread.comments[0].answer.label == "Dijawab akun kantor di platform"
    assert thread.comments[2].author == "JDIH KPU Kota Singkawang"  # the office, not hidden


def test_the_target_comes_from_satker_and_marks_the_late() -> None:
    settings = settings_of({"conversations": {"answer_within_working_days": 1}}, "s")
    assert settings.target_days == 1 and settings.pseudonymise
    found = views([comment("1", "kapan pemilu?", "Budi", 21),
                   comment("2", "dmn link dpt?", "Ani", 28)], settings)
    inbox = found.inbox  # type: ignore[attr-defined]
    assert [(c.key, c.overdue) for c in inbox.items] == [("facebook:1", True),
                                                         ("facebook:2", False)]
    assert inbox.overdue == 1
    assert settings_of({}, "s").target_days == 2
