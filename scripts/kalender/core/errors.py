"""One error hierarchy. Every error builds its own user-facing message from the catalog."""

from __future__ import annotations

from typing import Any

import click

from .i18n import t


class KalenderError(click.ClickException):
    """An error shown to the user without a traceback (exit code 1)."""

    exit_code = 1

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, **params))

    def format_message(self) -> str:
        return t(self.key, **self.params)

    def show(self, file: Any = None) -> None:
        click.echo(f"{t('cli.error_prefix')}: {self.format_message()}", file=file, err=True)


class DataError(KalenderError):
    """The user's files have problems; they were printed before this was raised."""


class UsageError(KalenderError):
    """A command was called with the wrong words (exit code 2)."""

    exit_code = 2
