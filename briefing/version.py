"""Stage 6, version: record a build that changed content as one git commit and tag.

The commit holds exactly the briefing's paths (articles, ``briefing.yml``,
``site_docs/``): nothing else the user changed or staged goes in, history is
never rewritten and an existing tag is never moved.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import git

from briefing.errors import BriefingError

TAG_PREFIX = "briefing-v"
_TAG = re.compile(rf"{TAG_PREFIX}(\d+)")
#: Files in the git folder that mean an operation is half done.
_IN_PROGRESS = {
    "MERGE_HEAD": "a merge",
    "rebase-merge": "a rebase",
    "rebase-apply": "a rebase or `git am`",
    "CHERRY_PICK_HEAD": "a cherry-pick",
    "REVERT_HEAD": "a revert",
    "BISECT_LOG": "a bisect",
}


@dataclass(frozen=True)
class Version:
    number: int
    tag: str
    commit: str
    message: str


def open_repository(project: Path) -> git.Repo | None:
    """The git repository holding ``project``, or None outside one.

    Refuses a repository in the middle of a merge, rebase or similar, before
    anything is written.
    """
    try:
        repo = git.Repo(project, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    git_dir = Path(repo.git_dir)
    for name, operation in _IN_PROGRESS.items():
        if (git_dir / name).exists():
            raise BriefingError(
                f"{repo.working_tree_dir}: {operation} is in progress; finish or abort it, then build again"
            )
    return repo


def _relative(repo: git.Repo, project: Path, names: list[str]) -> list[str]:
    root = Path(repo.working_tree_dir).resolve()
    return [(project / name).resolve().relative_to(root).as_posix() for name in names]


def next_number(repo: git.Repo) -> int:
    numbers = [int(m.group(1)) for t in repo.tags if (m := _TAG.fullmatch(t.name))]
    return max(numbers, default=0) + 1


def has_changes(repo: git.Repo, project: Path, names: list[str]) -> bool:
    """Whether the briefing paths differ from the last commit (or there is no commit yet)."""
    paths = _relative(repo, project, names)
    if not repo.head.is_valid():
        return True
    return bool(repo.git.status("--porcelain", "--untracked-files=all", "--", *paths).strip())


def previous_file(repo: git.Repo, project: Path, name: str) -> str | None:
    """The text of ``name`` (relative to the project) at HEAD, if there is one."""
    if not repo.head.is_valid():
        return None
    (path,) = _relative(repo, project, [name])
    try:
        return repo.git.show(f"HEAD:{path}")
    except git.GitCommandError:
        return None


def record_version(repo: git.Repo, project: Path, names: list[str], message: str) -> Version | None:
    """Commit exactly ``names`` (relative to ``project``) and tag the commit; None if nothing changed."""
    paths = _relative(repo, project, names)
    existing = [p for p in paths if (Path(repo.working_tree_dir) / p).exists() or _tracked(repo, p)]
    if not has_changes(repo, project, names):
        return None
    number = next_number(repo)
    subject, _, body = message.partition("\n")
    full_message = f"Briefing v{number}: {subject}" + (f"\n\n{body}" if body else "")
    try:
        with repo.git.custom_environment(**_identity(repo)):
            repo.git.add("--all", "--", *existing)
            # With paths, `git commit` takes only those paths and leaves anything else staged as it was.
            repo.git.commit("--quiet", "--no-verify", "-m", full_message, "--", *existing)
            tag = f"{TAG_PREFIX}{number}"
            repo.git.tag("--annotate", "--message", full_message, tag)
    except git.GitCommandError as exc:
        detail = (exc.stderr or str(exc)).strip().splitlines()
        raise BriefingError(
            f"{repo.working_tree_dir}: git commit failed ({detail[-1] if detail else exc}); "
            "the briefing is built but not recorded"
        ) from None
    return Version(number, tag, repo.head.commit.hexsha, full_message)


def _identity(repo: git.Repo) -> dict[str, str]:
    """Git's identity variables when neither config nor environment names a committer.

    A fresh machine or CI often has no user.name/user.email; the version is then
    recorded as "briefing" rather than not at all.
    """
    reader = repo.config_reader()
    configured = reader.get_value("user", "email", "") and reader.get_value("user", "name", "")
    if configured or os.environ.get("GIT_COMMITTER_EMAIL") or os.environ.get("EMAIL"):
        return {}
    who = {"NAME": "briefing", "EMAIL": "briefing@localhost"}
    return {f"GIT_{role}_{key}": value for role in ("AUTHOR", "COMMITTER") for key, value in who.items()}


def _tracked(repo: git.Repo, path: str) -> bool:
    return bool(repo.git.ls_files("--", path).strip())
