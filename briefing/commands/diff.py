"""``briefing diff [A] [B]``: the structured changes between two versions, in the terminal."""

from __future__ import annotations

from pathlib import Path

from briefing.changes import NOTHING, Changes, Line, compare, data_at
from briefing.commands.versions import repository
from briefing.errors import BriefingError
from briefing.pages.views import source_name
from briefing.version import find_version, version_before, versions

DOCS_DIR = "site_docs"


def diff_versions(project: Path, first: str | None, second: str | None, git_stat: bool = False) -> list[str]:
    """The lines ``briefing diff`` prints. Without versions: the last two; with one: it against the latest."""
    project = project.resolve()
    repo = repository(project)
    recorded = versions(repo)
    if not recorded:
        raise BriefingError(f"{repo.working_tree_dir}: no version recorded yet; run `briefing build` first")
    new = find_version(repo, second) if second else recorded[-1]
    old = find_version(repo, first) if first else version_before(repo, new)
    changes = compare(data_at(repo, project, DOCS_DIR, old), data_at(repo, project, DOCS_DIR, new) or NOTHING)
    title = f"version {old.number} -> version {new.number}" if old else f"version {new.number} (the first)"
    lines = [title, changes.summary(), *describe(changes)]
    if git_stat:
        base = old.commit if old else _empty_tree(repo)
        lines += ["", repo.git.diff("--stat", base, new.commit, "--", _docs_path(repo, project))]
    return lines


def _empty_tree(repo) -> str:
    return repo.git.hash_object("-t", "tree", "/dev/null")


def _docs_path(repo, project: Path) -> str:
    return (project / DOCS_DIR).relative_to(Path(repo.working_tree_dir).resolve()).as_posix()


def describe(changes: Changes) -> list[str]:
    """The changes as indented terminal lines: + added, - removed, ~ changed; sources in brackets."""
    out: list[str] = []

    def section(title: str, lines: tuple[Line, ...], mark: str, indent: str = "  ") -> None:
        if not lines:
            return
        out.append(f"{indent}{title} ({len(lines)})")
        for line in lines:
            publishers = sorted({_publisher(changes, ref.article_id) for ref in line.sources})
            out.append(f"{indent}  {mark} {line.text} [{', '.join(publishers)}]")
            if line.note and mark != "+":
                out.append(f"{indent}    {line.note}")

    out.append("")
    section("Sources added", changes.sources_added, "+")
    section("Sources removed", changes.sources_removed, "-")
    for topic in changes.topics:
        out.append(f"  {topic.title}")
        section("New findings", topic.new, "+", "    ")
        section("Changed findings", topic.changed, "~", "    ")
        section("No longer supported", topic.gone, "-", "    ")
    section("Claims new or changed", changes.claims, "~")
    section("New quotes", changes.quotes, "+")
    section("New names", changes.entities, "+")
    return out


def _publisher(changes: Changes, article_id: str) -> str:
    return next(source_name(a) for a in changes.articles if a.id == article_id)
