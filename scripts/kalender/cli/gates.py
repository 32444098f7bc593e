"""The command-line words of the gates (issue 16): ``--acknowledge KODE="alasan"`` on every
gated move, ``--carry NOMOR="catatan"`` on ``approve``, ``--why`` as their shared reason.

Only options and their parsing live here; what they mean is :mod:`kalender.workflow.gates`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..core.i18n import t
from ..workflow.gates import parse_acknowledgements, parse_carried

Decorator = Callable[[Any], Any]


def holds_options(carry: bool = False) -> Decorator:
    """``--acknowledge``/``--akui`` and ``--why``/``--alasan`` (and ``--carry``/``--bawa``
    when ``carry``) on a gated command."""
    options = [
        click.option("--acknowledge", "--akui", "acknowledge", multiple=True,
                     metavar='KODE="ALASAN"', help=t("gates.help.acknowledge")),
        click.option("--why", "--alasan", "why", default="", metavar="TEKS",
                     help=t("gates.help.why")),
    ]
    if carry:
        options.append(click.option("--carry", "--bawa", "carry", multiple=True,
                                    metavar='NOMOR="CATATAN"', help=t("gates.help.carry")))

    def apply(command: Any) -> Any:
        for option in reversed(options):
            command = option(command)
        return command

    return apply


def holds_details(acknowledge: tuple[str, ...] = (), why: str = "",
                  carry: tuple[str, ...] = ()) -> dict[str, Any]:
    """The acknowledgements and carried comments given on the command line, as the
    :class:`~kalender.workflow.Details` fields they fill."""
    return {"acknowledged": parse_acknowledgements(acknowledge, why),
            "carried": parse_carried(carry, why)}
