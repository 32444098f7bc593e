"""One error hierarchy. Every error builds its own user-facing message from the catalog."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

from .i18n import t


class KalenderError(Exception):
    """An error shown to the user without a traceback (exit code 1).

    No click here: the command line shows it (:class:`kalender.cli.main.Group`), the server
    answers with it, the plugin logs it; each channel reads :meth:`format_message`.
    """

    exit_code = 1
    details: tuple[str, ...] = ()  # lines shown before the message (the problems found)

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, **params))

    def with_details(self, lines: Sequence[str]) -> Self:
        """This error carrying ``lines`` (the problems that made it), shown before it."""
        self.details = tuple(lines)
        return self

    @property
    def message(self) -> str:
        return self.format_message()

    def format_message(self) -> str:
        """The message in the user's language (read when shown, after ``--lang`` is set)."""
        return t(self.key, **self.params)

    def shown(self) -> str:
        """The line the command line prints: ``Galat: <message>``."""
        return f"{t('cli.error_prefix')}: {self.format_message()}"


class DataError(KalenderError):
    """The user's files have problems; they were printed before this was raised."""


class UsageError(KalenderError):
    """A command was called with the wrong words (exit code 2)."""

    exit_code = 2
