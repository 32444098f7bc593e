"""The leadership's evaluation as the report shows it: findings, follow-ups with their state,
the previous period's follow-ups, and the signature block. Shared by the PDF and the page,
so both say the same (:mod:`kalender.report.evaluation` reads and writes the records)."""

from __future__ import annotations

import datetime as dt

from ..core.dates import long_date
from ..core.i18n import t
from .evaluation import Evaluation, FollowUp, ReportEvaluation
from .wording import Table


def follow_up_table(evaluation: Evaluation, members: dict[str, str], today: dt.date) -> Table:
    """No., follow-up, owner, due date, state (done with its day and note)."""
    rows = tuple((str(f.entry.no), f.entry.text, members.get(f.entry.owner, f.entry.owner),
                  long_date(f.entry.due) if f.entry.due else "–", state_text(f, today))
                 for f in evaluation.follow_ups)
    return Table((t("evaluation.col.no"), t("evaluation.col.what"), t("evaluation.col.owner"),
                  t("evaluation.col.due"), t("evaluation.col.state")), rows, (0,),
                 (10, 56, 30, 30, 44))


def state_text(follow: FollowUp, today: dt.date) -> str:
    if follow.done is not None:
        return t("evaluation.done_on", date=long_date(follow.done.at.date()),
                 note=follow.done.text)
    return t(f"evaluation.state.{follow.state(today)}")


def signature_lines(evaluation: ReportEvaluation) -> list[str]:
    """``Singkawang, 10 Januari 2027`` / ``Mengetahui,`` / post / (room to sign) / name."""
    sign = evaluation.signature
    if sign is None:
        return []
    return [t("evaluation.sign.place_date", place=sign.place, date=long_date(sign.day)),
            t("evaluation.sign.knows"), sign.title, "", "", "", sign.name]
