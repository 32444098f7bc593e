"""The ``kalender`` command: a thin layer over the package. Messages come from the catalog."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..core.errors import KalenderError
from ..core.i18n import set_language
from ..core.problems import Problem, Report, problem_counts, report_lines
from . import clicktext
from .commands import COMMANDS, load, register

clicktext.install()  # before the decorators below evaluate click's help texts


def find_root(start: Path | None = None) -> Path:
    """The repository: the nearest folder upward holding ``calendar/satker.yml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "calendar" / "satker.yml").is_file():
            return folder
    return here


class Shown(click.ClickException):
    """A :class:`KalenderError` as click shows it: the message, no traceback, its exit code."""

    def __init__(self, error: KalenderError) -> None:
        super().__init__(error.format_message())
        self.error = error
        self.exit_code = error.exit_code  # type: ignore[misc]  # per error, not per class

    def format_message(self) -> str:
        return self.error.format_message()

    def show(self, file: Any = None) -> None:
        for line in self.error.details:
            click.echo(line, file=file, err=True)
        click.echo(self.error.shown(), file=file, err=True)


class Group(click.Group):
    """Lists commands in the order they were added (the order of the SOP); shows a
    :class:`KalenderError` raised anywhere below it the way click shows its own errors."""

    listing = False  # True while kalender --help lists the commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.commands, *(name for name in COMMANDS if name not in self.commands)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A command, its module imported on first use; while listing, a stand-in."""
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            if self.listing:
                return COMMANDS[cmd_name].placeholder(cmd_name)
            load(cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.listing = False

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except KalenderError as error:
            raise Shown(error) from error

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KalenderError as error:
            raise Shown(error) from error


@click.group(cls=Group, help="Kalender Konten JDIH.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder repositori (bawaan: dicari dari folder kerja).")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, is_eager=True,
              expose_value=False, callback=lambda ctx, param, value: set_language(value),
              help="Bahasa pesan (bawaan: id).")
@click.version_option(package_name="kalender-konten-jdih")
@click.pass_context
def cli(ctx: click.Context, root: Path | None) -> None:
    ctx.obj = find_root(root)


def print_report(report: Report | Sequence[Problem], root: Path) -> tuple[int, int]:
    """Print problems grouped by file, errors before warnings; return (errors, warnings)."""
    for line in report_lines(report, root):
        click.echo(line, err=True)
    return problem_counts(report)


@cli.command("check", help="Periksa semua pos (atau PATH) dan data kalender.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Peringatan juga membuat pemeriksaan gagal.")
@click.option("--verbose", "-v", is_flag=True,
              help="Tampilkan juga catatan: temuan aturan kata yang diveto lapisan yang "
                   "dipelajari (tidak dihitung dan tidak menahan langkah apa pun).")
@click.pass_obj
def check_command(root: Path, paths: tuple[Path, ...], strict: bool, verbose: bool) -> None:
    from ..conversations.store import conversation_problems
    from ..rules.check import check_project
    from ..rules.learnednotes import note_lines, vetoed_notes

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise KalenderError("check.no_such_path", path=missing[0])
    files = _expand(paths) if paths else None
    problems, checked = check_project(root, files)
    problems += conversation_problems(root, files)
    errors, warnings = print_report(problems, root)
    if verbose:  # notes block nothing and count as nothing
        for line in note_lines(vetoed_notes(root, files), root):
            click.echo(line, err=True)
    click.echo(checked.summary(errors, warnings))
    if errors or (strict and warnings):
        sys.exit(1)


def _expand(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``kalender`` command (command modules load on use)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="kalender")
    finally:
        leave_to_the_system()


def leave_to_the_system() -> None:
    """The process ends next: set every object still alive aside from the cycle collector
    (:func:`gc.freeze`). At exit Python clears every module and runs full collections that
    walk all of them (a build's posts, views, mkdocs' files and pages: some 150,000): about
    0.3 s CPU after a caption edit at N = 1,000, a quarter of the build, for memory the
    system takes back anyway. ``atexit`` functions still run, open files are still closed
    and flushed as their last reference goes (issue 23, branch edit10)."""
    gc.freeze()


def _register_commands() -> None:
    """Import every command module now (tests walk the whole group)."""
    register()
