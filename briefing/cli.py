"""The command line: parses arguments and calls :mod:`briefing.commands`, nothing more."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing import __version__
from briefing.errors import BriefingError

project_option = click.option(
    "--project",
    "-p",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder holding briefing.yml, mkdocs.yml, templates/ and the articles.",
)


def _fail(message: str) -> None:
    click.secho(f"Error: {message}", fg="red", err=True)
    sys.exit(1)


@click.group()
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Turn a folder of news articles into a versioned, footnoted briefing website."""


@cli.command()
@project_option
@click.option("--no-commit", is_flag=True, help="Build without recording a version in git.")
@click.option("--strict", is_flag=True, help="Fail on the first article that cannot be used instead of leaving it out.")
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings and errors.")
def build(project: Path, no_commit: bool, strict: bool, quiet: bool) -> None:
    """Build the briefing: site_docs/ (Markdown), site/ (HTML) and a git version."""
    from briefing.commands.build import BuildOptions, run_build
    from briefing.commands.progress import terminal_display

    say = (lambda _: None) if quiet else (lambda line: click.echo(line))
    try:
        options = BuildOptions(project=project, commit=not no_commit, strict=strict)
        result = run_build(options, say, None if quiet else terminal_display())
    except BriefingError as exc:
        _fail(str(exc))
        return
    for problem in result.problems:
        click.secho(f"Warning: {problem}", fg="yellow", err=True)
    for note in result.notes:
        say(note)
    if result.version:
        say(f"recorded {result.version.tag} ({result.version.commit[:10]}): {result.version.message.splitlines()[0]}")


@cli.command()
@project_option
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1 to serve on.")
def serve(project: Path, port: int) -> None:
    """Preview the briefing at http://127.0.0.1:PORT, rebuilding when articles, templates or briefing.yml change."""
    from briefing.commands.serve import run_serve

    try:
        run_serve(project, port)
    except BriefingError as exc:
        _fail(str(exc))
