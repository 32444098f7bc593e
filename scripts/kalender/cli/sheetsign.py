"""The ``--sign`` of ``sheet`` and ``nota-dinas``, and ``kalender verify FILE.pdf``
(:mod:`kalender.workflow.signedsheet`); ``kalender key ca`` and ``key cert`` are in
:mod:`.keys`.

Passphrases are asked on the terminal (hidden) or read one per line from standard input with
``--password-stdin``; never a flag value. pyHanko is imported by the commands that use it
(a quarter second), not by every ``kalender`` start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..core.atomic import write_bytes
from ..core.errors import DataError, KalenderError
from ..core.i18n import t
from ..workflow.actions import USER_ENV
from .keys import _calendar, _member, member_p12, read_passphrase
from .main import cli

# -- --sign on the papers -----------------------------------------------------------------


def signing_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--sign``, ``--by``, ``--pkcs12`` and ``--password-stdin`` of a paper command."""
    for option in reversed((
            click.option("--sign", "sign", is_flag=True, help=t("sheetsign.help.sign")),
            click.option("--by", "by", envvar=USER_ENV, default=None, metavar="ANGGOTA",
                         help=t("sheetsign.help.by")),
            click.option("--pkcs12", "pkcs12", default=None, metavar="BERKAS",
                         type=click.Path(dir_okay=False, path_type=Path),
                         help=t("sheetsign.help.pkcs12")),
            click.option("--password-stdin", "password_stdin", is_flag=True,
                         help=t("signing.help.password_stdin")))):
        command = option(command)
    return command


def write_signed(root: Path, paper: Any, by: str | None, pkcs12: Path | None,
                 password_stdin: bool) -> Path:
    """Sign the paper (:class:`kalender.workflow.signedsheet.PaperToSign`) as ``by`` and
    write it where the unsigned one would go."""
    from ..workflow.signedsheet import sign_paper

    if not by:
        raise KalenderError("sheetsign.by_needed")
    _member(paper.calendar, by)
    p12 = pkcs12 or member_p12(root, by)
    if not p12.is_file():
        raise KalenderError("sheetsign.no_p12", member=by, path=p12)
    data = sign_paper(paper, by, p12.read_bytes(), read_passphrase(by, password_stdin))
    paper.path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(paper.path, data)
    return paper.path


# -- verify -----------------------------------------------------------------------------------


@click.command("verify", help=t("sheetsign.help.verify"))
@click.argument("file", metavar="BERKAS.pdf",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--trust", "trust", multiple=True, metavar="AKAR.pem",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=t("sheetsign.help.trust"))
@click.pass_obj
def verify_command(root: Path, file: Path, trust: tuple[Path, ...]) -> None:
    from ..workflow.signedsheet import trust_roots, verify_paper

    calendar = _calendar(root)
    verdict = verify_paper(calendar, file.read_bytes(), file.name,
                           trust_roots(calendar, trust))
    click.echo(t("sheetsign.checking", file=file))
    for line in verdict.lines:
        click.echo("  " + line)
    for problem in verdict.problems:
        click.echo("  " + t("sheetsign.problem", text=problem), err=True)
    if verdict.problems:
        raise DataError("sheetsign.failed", file=file.name, count=len(verdict.problems))
    click.echo(t("sheetsign.verified", file=file.name))


cli.add_command(verify_command, "verify")
