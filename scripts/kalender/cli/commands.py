"""Commands beyond ``check``: importing a module adds its commands to :data:`kalender.cli.main.cli`.

The order is the order of ``kalender --help``: building the site, writing posts, the SOP's
approval flow, the week's outputs, then the tools around them.
"""

from importlib import import_module

COMMAND_MODULES = (
    "cli.site",
    "cli.new",
    "cli.measure",
    "cli.approval",
    "cli.keys",
    "cli.export",
    "cli.meeting",
    "cli.feed",
    "cli.report",
    "cli.review",
    "cli.cards",
    "cli.monitor",
    "cli.evaluate",
)


def register() -> None:
    """Import every command module once (each registers its commands on import)."""
    for name in COMMAND_MODULES:
        import_module(f"kalender.{name}")
