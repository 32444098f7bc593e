"""Commands beyond ``check``: importing a module adds its commands to :data:`kalender.cli.cli`.

The order is the order of ``kalender --help``: building the site, writing posts, the SOP's
approval flow, the week's outputs, then the tools around them.
"""

from importlib import import_module

COMMAND_MODULES = (
    "site",
    "new",
    "measure",
    "workflow_cli",
    "keys_cli",
    "export",
    "minutes",
    "feed",
    "report_cli",
    "review.cli",
    "cards",
    "monitor_cli",
    "evaluate_cli",
)


def register() -> None:
    """Import every command module once (each registers its commands on import)."""
    for name in COMMAND_MODULES:
        import_module(f"{__package__}.{name}")
