"""The gates of a move as the review page shows and sends them (issue 16): what holds each
move open to the member (errors, warnings to tick and give a reason for, open comments to
carry), and the acknowledgements and carried comments a request brings.

Text written by people travels as plain strings: the page puts it in with ``textContent``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..approval.machine import Acknowledgement, Carried, Turn
from ..core.problems import Problem
from ..workflow.actions import Loaded
from ..workflow.gates import GATED, Holds, comment_line, move_holds

MAX_ITEMS = 50  # acknowledgements or carried comments in one request
REASON_LIMIT = 1000  # characters of one reason or note


def holds_of(loaded: Loaded, turn: Turn, member: str) -> dict[str, Any]:
    """What holds ``member``'s move ``turn`` on the post now, as JSON-ready values."""
    if turn.step.action.value not in GATED:
        return holds_json(Holds(), loaded)
    holds = move_holds(loaded.post, loaded.calendar, turn.step.to, turn.step.action,
                       member=member, records=loaded.ledger.records,
                       fingerprint=loaded.standing.fingerprint)
    return holds_json(holds, loaded)


def holds_json(holds: Holds, loaded: Loaded) -> dict[str, Any]:
    root, team = loaded.root, loaded.calendar.team
    return {
        "errors": [_finding(p, root) for p in holds.errors],
        "warnings": [{"code": code, "findings": [_finding(p, root) for p in found],
                      "acknowledged": (holds.acknowledged[code].why
                                       if code in holds.acknowledged else None)}
                     for code, found in holds.warnings.items()],
        "comments": [{"number": c.number, "line": comment_line(c, team).strip()}
                     for c in holds.open_comments],
    }


def _finding(problem: Problem, root: Path) -> dict[str, str]:
    return {"where": problem.where(root), "code": problem.code, "message": problem.message}


def acknowledged_of(value: Any) -> tuple[Acknowledgement, ...]:
    """``[{code, why}, ...]`` from a request; ValueError when it has another shape."""
    return tuple(Acknowledgement(*_pair(item, "code", str, "why")) for item in _items(value))


def carried_of(value: Any) -> tuple[Carried, ...]:
    """``[{comment, note}, ...]`` from a request; ValueError when it has another shape."""
    return tuple(Carried(*_pair(item, "comment", int, "note")) for item in _items(value))


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise ValueError("a list of at most 50 items")
    return value


def _pair(item: Any, key: str, kind: type, text_key: str) -> tuple[Any, str]:
    if not isinstance(item, dict):
        raise ValueError("an object")
    first, text = item.get(key), item.get(text_key)
    if (not isinstance(first, kind) or isinstance(first, bool) or not isinstance(text, str)
            or len(text) > REASON_LIMIT or (isinstance(first, str) and len(first) > 80)):
        raise ValueError(f"{key} and {text_key}")
    return first, text
