"""What the review page needs to know about one post, as JSON-ready values.

Every word comes from the catalog and from :mod:`kalender.approval.timeline` (the same words as the
post page and ``kalender history``); the moves offered are the approval code's
:func:`~kalender.approval.machine.turns` for the logged-in member. Text written by people travels as
plain strings: the page puts it in with ``textContent``, never as HTML.
"""

from __future__ import annotations

from typing import Any

from ..approval.machine import Action, action_name, turns
from ..approval.timeline import approval_view
from ..core.i18n import t
from ..core.words import platform_label, status_label
from ..workflow.actions import Loaded
from .holds import holds_of

BUTTONS = {  # the button of each move on the page
    Action.ACCEPT: "review.button.accept",
    Action.SUBMIT: "review.button.submit",
    Action.INITIAL: "review.button.initial",
    Action.APPROVE: "review.button.approve",
    Action.RETURN: "review.button.return",
    Action.UPLOADED: "review.button.uploaded",
}


def post_state(loaded: Loaded, member: str | None) -> dict[str, Any]:
    """The post's state, its comments (with pins) and the moves ``member`` may make now."""
    day = loaded.now().date()
    team = loaded.calendar.team
    records = loaded.ledger.records
    view = approval_view(loaded.post, records, loaded.standing, team, day)
    pins = {r.comment: r.pin for r in records if r.action is Action.COMMENT and r.pin}
    return {
        "post": loaded.post.id,
        "version": loaded.version,
        "state": view.state,
        "label": view.label if view.changed else status_label(view.state),
        "fingerprint": view.fingerprint,
        "next": view.next,
        "changed": view.changed,
        "platforms": list(loaded.post.platforms),
        "moves": moves_for(loaded, member),
        "comments": [{
            "number": c.number, "platform": c.platform, "name": c.name, "role": c.role,
            "when": c.when, "text": c.text, "open": c.is_open,
            "resolved_by": c.resolved_by, "resolved_when": c.resolved_when,
            "pin": list(pins[c.number]) if c.number in pins else None,
        } for c in view.comments],
    }


def moves_for(loaded: Loaded, member: str | None) -> list[dict[str, Any]]:
    """The flow moves open now that ``member`` may make (none when not logged in), each
    with what holds it (:mod:`kalender.review.holds`)."""
    if member is None:
        return []
    day = loaded.now().date()
    return [{"action": turn.step.action.value, "label": t(BUTTONS[turn.step.action]),
             "what": action_name(turn.step.action), "platforms": list(turn.platforms),
             "platform_names": [platform_label(p) for p in turn.platforms],
             "holds": holds_of(loaded, turn, member)}
            for turn in turns(loaded.standing, loaded.calendar.team, day)
            if member in turn.members]
