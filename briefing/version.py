"""Stage 6, version: record a build that changed content as one git commit and tag.

The commit holds exactly the briefing's paths (articles, ``briefing.yml``,
``site_docs/``): nothing else the user changed or staged goes in, history is
never rewritten and an existing tag is never moved. Versions are read back from
the tags ``briefing-vN``; see docs/versions.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import git

from briefing.errors import BriefingError

TAG_PREFIX = "briefing-v"
_TAG = re.compile(rf"{TAG_PREFIX}(\d+)")
_LABEL = re.compile(rf"(?:{TAG_PREFIX}|v)?(\d+)", re.I)
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
    date: dt.datetime
    """When the version was recorded: its commit's committer date, in UTC."""

    @property
    def summary(self) -> str:
        """The one-line summary of the commit message, without the "Briefing vN: " prefix."""
        subject = self.message.split("\n", 1)[0]
        return subject.removeprefix(f"Briefing v{self.number}: ")


def format_date(date: dt.datetime) -> str:
    """How pages and the terminal show a version's date: to the minute, in UTC."""
    return date.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


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


def versions(repo: git.Repo) -> list[Version]:
    """Every version recorded in the repository, oldest first."""
    found = []
    for tag in repo.tags:
        if not (match := _TAG.fullmatch(tag.name)):
            continue
        commit = tag.commit
        date = dt.datetime.fromtimestamp(commit.committed_date, dt.timezone.utc)
        found.append(Version(int(match.group(1)), tag.name, commit.hexsha, commit.message.strip(), date))
    return sorted(found, key=lambda v: v.number)


def latest_version(repo: git.Repo, before: str = "HEAD") -> Version | None:
    """The highest-numbered version that ``before`` contains (HEAD, or a version's commit).

    It is the version a build starts from, so a build on an old checkout
    compares with what that checkout holds, not with a newer version elsewhere.
    """
    if not repo.head.is_valid():
        return None
    merged = set(repo.git.tag("--merged", before, "--list", f"{TAG_PREFIX}*").split())
    candidates = [v for v in versions(repo) if v.tag in merged]
    return candidates[-1] if candidates else None


def version_before(repo: git.Repo, version: Version) -> Version | None:
    """The version ``version`` was compared with when it was recorded."""
    merged = set(repo.git.tag("--merged", version.commit, "--list", f"{TAG_PREFIX}*").split())
    candidates = [v for v in versions(repo) if v.tag in merged and v.number < version.number]
    return candidates[-1] if candidates else None


def find_version(repo: git.Repo, label: str) -> Version:
    """The version named ``label``: "3", "v3" or "briefing-v3"."""
    match = _LABEL.fullmatch(label.strip())
    found = {v.number: v for v in versions(repo)}
    if not match or int(match.group(1)) not in found:
        known = ", ".join(f"v{n}" for n in sorted(found)) or "none yet"
        raise BriefingError(f"{repo.working_tree_dir}: no version {label!r}; versions: {known} (see `briefing versions`)")
    return found[int(match.group(1))]


def file_at(repo: git.Repo, project: Path, name: str, commit: str) -> str | None:
    """The text of ``name`` (relative to the project) in ``commit``, if it is there."""
    (path,) = _relative(repo, project, [name])
    try:
        return repo.git.show(f"{commit}:{path}")
    except git.GitCommandError:
        return None


def unchanged(repo: git.Repo, project: Path, inputs: list[str], docs: str, files: dict[str, bytes]) -> bool:
    """Whether ``inputs`` are as in HEAD and ``files`` (below the ``docs`` folder) are exactly HEAD's ``docs``.

    Compares blob hashes, so the new pages can be checked before anything is written.
    """
    if not repo.head.is_valid():
        return False
    paths = _relative(repo, project, inputs)
    if repo.git.status("--porcelain", "--untracked-files=all", "--", *paths).strip():
        return False
    (folder,) = _relative(repo, project, [docs])
    committed = {}
    for entry in repo.git.ls_tree("-r", "-z", "--full-tree", "HEAD", "--", folder).split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            committed[path] = meta.split()[2]
    ours = {f"{folder}/{name}": _blob_hash(data) for name, data in files.items()}
    return committed == ours


def _blob_hash(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def next_number(repo: git.Repo) -> int:
    """One more than any version ever recorded, on any branch: numbers are never reused."""
    return max((v.number for v in versions(repo)), default=0) + 1


def record_version(
    repo: git.Repo, project: Path, names: list[str], number: int, date: dt.datetime, message: str
) -> Version:
    """Commit exactly ``names`` (relative to ``project``) as version ``number`` recorded at ``date``, and tag it.

    ``date`` becomes the commit's date, so the pages written before the commit
    show the date the commit carries.
    """
    tag = f"{TAG_PREFIX}{number}"
    if tag in repo.tags:
        raise BriefingError(f"{repo.working_tree_dir}: tag {tag} already exists; it is never moved, so nothing was recorded")
    paths = _relative(repo, project, names)
    existing = [p for p in paths if (Path(repo.working_tree_dir) / p).exists() or _tracked(repo, p)]
    subject, _, body = message.partition("\n")
    full_message = f"Briefing v{number}: {subject}" + (f"\n\n{body}" if body else "")
    stamp = f"{int(date.timestamp())} +0000"
    try:
        with repo.git.custom_environment(**_identity(repo), GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp):
            repo.git.add("--all", "--", *existing)
            # With paths, `git commit` takes only those paths and leaves anything else staged as it was.
            repo.git.commit("--quiet", "--no-verify", "-m", full_message, "--", *existing)
            repo.git.tag("--annotate", "--message", full_message, tag)
    except git.GitCommandError as exc:
        detail = (exc.stderr or str(exc)).strip().splitlines()
        raise BriefingError(
            f"{repo.working_tree_dir}: git commit failed ({detail[-1] if detail else exc}); "
            "the briefing is built but not recorded"
        ) from None
    return Version(number, tag, repo.head.commit.hexsha, full_message, date)


def tag_interrupted(repo: git.Repo) -> str | None:
    """Tag HEAD if a build committed it as a version and was killed before tagging it."""
    if not repo.head.is_valid():
        return None
    commit = repo.head.commit
    m = re.match(r"Briefing v(\d+): ", commit.message)
    if not m or f"{TAG_PREFIX}{m.group(1)}" in repo.tags:
        return None
    tag = f"{TAG_PREFIX}{m.group(1)}"
    # Dated like the commit, as record_version dates both: the same build gives the same tag.
    stamp = f"{commit.committed_date} +0000"
    with repo.git.custom_environment(**_identity(repo), GIT_COMMITTER_DATE=stamp):
        repo.git.tag("--annotate", "--message", commit.message.strip(), tag, commit.hexsha)
    return tag


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
