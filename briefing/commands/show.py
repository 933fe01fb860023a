"""``briefing show VERSION``: one version's summary."""

from __future__ import annotations

from pathlib import Path

from briefing.changes import data_at, findings_per_topic
from briefing.commands.versions import repository
from briefing.version import find_version, format_date


def show_version(project: Path, label: str, docs: str = "site_docs") -> list[str]:
    """The lines ``briefing show`` prints: number, date, commit, message, and what the version holds."""
    repo = repository(project)
    version = find_version(repo, label)
    lines = [
        f"version {version.number} ({version.tag})",
        f"recorded {format_date(version.date)}, commit {version.commit}",
        "",
        *version.message.splitlines(),
    ]
    data = data_at(repo, project.resolve(), docs, version)
    if data:
        lines += ["", f"{len(data.articles)} articles; findings per topic:"]
        lines += [f"  {title}: {count}" for title, count in findings_per_topic(data).items()]
    return lines
