"""The ``kalender`` command: every click command of the project, and only here."""

from .main import cli, main

__all__ = ["cli", "main"]
