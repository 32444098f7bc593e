"""The commands of ``kalender`` beyond ``check``: the module each lives in and its help line.

The order is the order of ``kalender --help``: building the site, writing posts, the SOP's
approval flow, the week's outputs, then the tools around them. A command's module is imported
only when that command runs or shows its own help (:class:`kalender.cli.main.Group`): the
list of ``kalender --help`` is drawn from this table, so starting the command line does not
import the site, the server, the PDF makers or the charts.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from importlib import import_module

import click

from ..core.i18n import t


@dataclass(frozen=True)
class Listed:
    """One command: its module under :mod:`kalender.cli` and where its help line comes from."""

    module: str
    key: str = ""  # catalog key of the help text
    text: str = ""  # a help text not in the catalog (Indonesian only)
    alias_of: str = ""  # an Indonesian name of an approval command

    def help(self) -> str:
        if self.alias_of:
            return t("approval.help.alias", name=self.alias_of)
        return t(self.key) if self.key else self.text

    def placeholder(self, name: str) -> click.Command:
        """A stand-in that only lists the command (name and help) in ``kalender --help``."""
        text = self.help()
        return click.Command(name, help=text, short_help=text if self.alias_of else None)


def _flow(name: str, alias: str, key: str = "") -> dict[str, Listed]:
    return {name: Listed("approval", key=key or f"approval.help.{name}"),
            alias: Listed("approval", alias_of=name)}


COMMANDS: dict[str, Listed] = {
    "build": Listed("site", text="Bangun situs kalender ke folder site/."),
    "serve": Listed("site", text="Sajikan situs dengan muat ulang otomatis saat pos diubah."),
    "new": Listed("new", key="new.help"),
    "measure": Listed("measure", key="measure.help"),
    **_flow("accept", "terima"),
    **_flow("submit", "ajukan"),
    **_flow("initial", "paraf"),
    **_flow("approve", "setujui"),
    **_flow("return", "kembalikan"),
    **_flow("uploaded", "unggah"),
    **_flow("comment", "komentar"),
    **_flow("history", "riwayat"),
    **_flow("waiting", "menunggu"),
    **_flow("sheet", "lembar"),
    "nota-dinas": Listed("approval", key="approval.help.memo"),
    "key": Listed("keys", key="signing.help.group"),
    "verify": Listed("sheetsign", key="sheetsign.help.verify"),
    "export": Listed("export", key="export.help"),
    "rapat": Listed("meeting", text="Siapkan notulen rapat mingguan (calendar/rapat/TTTT-Wmm.md)."),
    "ics": Listed("feed", text="Tulis umpan kalender (kalender.ics) dari semua pos."),
    "report": Listed("report", key="report.help"),
    "review": Listed("review", key="review.help.review"),
    "user": Listed("review", key="review.help.user"),
    "cards": Listed("cards", key="cards.help"),
    "monitor": Listed("monitor", key="monitor.help"),
    "evaluate": Listed("evaluate", key="evaluation.help"),
    "conversations": Listed("conversations", key="conversations.help.group"),
    "percakapan": Listed("conversations", key="conversations.help.alias"),
    "sample": Listed("sample", key="sample.help"),
}


def command_help(name: str) -> str:
    """The help text of command ``name``, the same in its own help and in the list."""
    return COMMANDS[name].help()


def load(name: str) -> None:
    """Import the module of command ``name`` (it adds its commands to the group).

    Without cycle collections while it imports: ``kalender build`` imports some 600 modules
    here (mkdocs, the plugin, Pillow), whose classes, functions and tables live to the end
    of the process; the collector walked them again and again, some 25 to 30 ms of CPU of
    every build (issue 23, branch edit7). What they made is then set aside from later
    collections (:func:`gc.freeze`), as the build does with its site's data
    (:mod:`kalender.plugin.buildgc`); an object no longer referenced is still freed at once."""
    if not gc.isenabled():
        import_module(f"{__package__}.{COMMANDS[name].module}")
        return
    gc.disable()
    try:
        import_module(f"{__package__}.{COMMANDS[name].module}")
    finally:
        gc.freeze()
        gc.enable()


def register() -> None:
    """Import every command module (tests, and anything that walks all the commands)."""
    for name in COMMANDS:
        load(name)
