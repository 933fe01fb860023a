"""``briefing versions``: every recorded version, newest first."""

from __future__ import annotations

from pathlib import Path

import git

from briefing.errors import BriefingError
from briefing.version import Version, format_date, open_repository, versions


def repository(project: Path) -> git.Repo:
    """The project's git repository, for the commands that read versions."""
    repo = open_repository(project.resolve())
    if repo is None:
        raise BriefingError(f"{project.resolve()}: not a git repository, so there are no versions; run `git init` and `briefing build`")
    return repo


def list_versions(project: Path) -> list[Version]:
    return list(reversed(versions(repository(project))))


def version_line(version: Version) -> str:
    return f"v{version.number}  {format_date(version.date)}  {version.commit[:10]}  {version.summary}"
