"""Stage 6, version: record a build that changed content as one git commit and tag.

The commit holds exactly the briefing's paths (articles, ``briefing.yml`` and its
``topic_examples`` file, ``site_docs/``): nothing else the user changed or staged goes in, history is
never rewritten and an existing tag is never moved. Each version commit names
itself in trailers (``Briefing-Version: 7``, ``Briefing-Inputs: sha256:...``), so
versions are read from the commits: tags do not travel with every clone, push or
CI checkout, and missing ones are recreated from the trailers. A shallow clone
that cut the version commits off still has the committed ``briefing.json``,
which records its own version. See docs/versions.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import git

from briefing.data import load_version
from briefing.errors import BriefingError

TAG_PREFIX = "briefing-v"
VERSION_TRAILER = "Briefing-Version"
INPUTS_TRAILER = "Briefing-Inputs"
_TAG = re.compile(rf"{TAG_PREFIX}(\d+)")
_NUMBER = re.compile(rf"^{VERSION_TRAILER}: (\d+)$", re.M)
#: The subject every version commit has ("Briefing v3: 1 source added; ..."): all that names a
#: version recorded before the trailers, once a clone has lost its tag.
_SUBJECT = re.compile(r"Briefing v(\d+): ")
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
            raise BriefingError(f"{repo.working_tree_dir}: {operation} is in progress; finish or abort it, then build again")
    return repo


def _relative(repo: git.Repo, project: Path, names: list[str]) -> list[str]:
    root = Path(repo.working_tree_dir).resolve()
    return [(project / name).resolve().relative_to(root).as_posix() for name in names]


def _logged(repo: git.Repo, *revisions: str) -> list[Version]:
    """The version commits reachable from ``revisions``, newest first, as their trailers (or, for
    the oldest, their subjects) name them."""
    if not repo.head.is_valid() and revisions != ("--all",):
        return []
    # Either grep: a version commit made before commits carried trailers is known by its subject.
    out = repo.git.log(*revisions, f"--grep=^{VERSION_TRAILER}: ", "--grep=^Briefing v[0-9]*: ", "--format=%H%x1f%ct%x1f%B%x1e")
    found = []
    for record in out.split("\x1e"):
        if not record.strip():
            continue
        commit, stamp, message = record.lstrip("\n").split("\x1f", 2)
        if match := _NUMBER.search(message) or _SUBJECT.match(message):
            number = int(match.group(1))
            date = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc)
            found.append(Version(number, f"{TAG_PREFIX}{number}", commit, message.strip(), date))
    return found


def _tagged(repo: git.Repo, merged_into: str | None = None) -> list[Version]:
    """Versions named by tags (those recorded before commits carried trailers), optionally only those ``merged_into`` has."""
    names = set(repo.git.tag("--merged", merged_into, "--list", f"{TAG_PREFIX}*").split()) if merged_into else None
    found = []
    for tag in repo.tags:
        if (match := _TAG.fullmatch(tag.name)) and (names is None or tag.name in names):
            commit = tag.commit
            date = dt.datetime.fromtimestamp(commit.committed_date, dt.timezone.utc)
            found.append(Version(int(match.group(1)), tag.name, commit.hexsha, commit.message.strip(), date))
    return found


def repo_path(repo: git.Repo, project: Path, name: str) -> str:
    """The repository path of ``name`` (relative to the project)."""
    return _relative(repo, project, [name])[0]


def versions(repo: git.Repo) -> list[Version]:
    """Every version recorded in the repository, oldest first.

    A number recorded twice (a rebase copies the commits) is the copy HEAD holds.
    """
    found: dict[int, Version] = {}
    for version in [*_logged(repo, "HEAD"), *_logged(repo, "--all"), *_tagged(repo)]:
        found.setdefault(version.number, version)
    return sorted(found.values(), key=lambda v: v.number)


def latest_version(repo: git.Repo, data_path: str | None = None) -> Version | None:
    """The highest-numbered version that HEAD holds: the version a build starts from.

    A build on an old checkout so compares with what that checkout holds, not
    with a newer version elsewhere. ``data_path`` (the repository path of
    ``briefing.json``) is read for the version it records, which a shallow
    clone has even when the version's commit was cut off.
    """
    if not repo.head.is_valid():
        return None
    found = [*_logged(repo, "HEAD"), *_tagged(repo, "HEAD")]
    newest = max(found, key=lambda v: v.number, default=None)
    # HEAD's briefing.json as the newest version found recorded it names that version: it is read
    # (tens of megabytes at thousands of articles) only when it may name a newer one.
    if data_path and not (newest and _same_file(repo, data_path, "HEAD", newest.commit)) and (stamped := _stamped(repo, data_path)):
        found.append(stamped)
    return max(found, key=lambda v: v.number, default=None)


def _same_file(repo: git.Repo, path: str, *commits: str) -> bool:
    """Whether the repository path ``path`` is the same file in every one of ``commits``."""
    try:
        return len(set(repo.git.rev_parse(*(f"{commit}:{path}" for commit in commits)).split())) == 1
    except git.GitCommandError:
        return False


def _stamped(repo: git.Repo, data_path: str) -> Version | None:
    """The version HEAD's committed ``briefing.json`` records, dated as recorded; its commit is HEAD."""
    try:
        stamp = load_version(repo.git.show(f"HEAD:{data_path}"))
    except git.GitCommandError:
        return None
    if stamp is None:
        return None
    message = f"Briefing v{stamp.number}: {stamp.summary}"
    return Version(stamp.number, f"{TAG_PREFIX}{stamp.number}", repo.head.commit.hexsha, message, stamp.date)


def version_before(repo: git.Repo, version: Version) -> Version | None:
    """The version ``version`` was compared with when it was recorded."""
    found = [v for v in [*_logged(repo, version.commit), *_tagged(repo, version.commit)] if v.number < version.number]
    return max(found, key=lambda v: v.number, default=None)


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


def inputs_unchanged(repo: git.Repo, project: Path, inputs: list[str]) -> bool:
    """Whether ``inputs`` are as in HEAD: nothing modified, added or removed below them."""
    if not repo.head.is_valid():
        return False
    paths = _relative(repo, project, inputs)
    return not repo.git.status("--porcelain", "--untracked-files=all", "--", *paths).strip()


def docs_unchanged(repo: git.Repo, project: Path, docs: str, files: dict[str, bytes]) -> bool:
    """Whether ``files`` (below the ``docs`` folder) are exactly HEAD's ``docs``.

    Compares blob hashes, so the new pages can be checked before anything is written.
    """
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


def inputs_digest(project: Path, names: list[str]) -> str:
    """A hash of the inputs' bytes (every file below ``names``, by path), for the version's trailer."""
    digest = hashlib.sha256()
    for name in names:
        root = project / name
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root] if root.is_file() else []
        for path in files:
            digest.update(path.relative_to(project).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"sha256:{digest.hexdigest()}"


@dataclass(frozen=True)
class Plan:
    """The number and date a build's version pages carry."""

    number: int
    date: dt.datetime
    new: bool
    """A version to record; else the build is ``latest`` again."""


def plan(latest: Version | None, recorded: list[Version], same_as_latest: bool, now: dt.datetime) -> Plan:
    """Decide a build's version: ``latest`` again when the build, rendered as it, is exactly it;
    otherwise a new version, one above every number ever recorded on any branch (so none is
    reused) and above ``latest``, dated ``now`` to the second."""
    if latest is not None and same_as_latest:
        return Plan(latest.number, latest.date, new=False)
    number = max([v.number for v in recorded] + [latest.number if latest else 0]) + 1
    return Plan(number, now.astimezone(dt.timezone.utc).replace(microsecond=0), new=True)


#: How git is asked to tell a changed file of ``site_docs/`` when a version is recorded: by its size and
#: modification time, as git last recorded them. A build writes every file there anew, each giving those
#: of an unchanged file the last one's times (:func:`briefing.site.write_docs`); by default git would
#: read and hash them all again (tens of megabytes at thousands of articles), for their new inodes.
#: Not for the user's files (the articles, briefing.yml): a copy that keeps a file's time and size may
#: change its bytes.
TRUST_TIMES = ["core.checkStat=minimal", "core.trustctime=false"]


def store_files(repo: git.Repo, files: list[Path]) -> None:
    """Store ``files``' contents in ``repo`` ahead of :func:`record_version`, which then finds them stored
    and need not compress them (``briefing.json`` at thousands of articles takes a third of a second).
    A build that fails after leaves them unreferenced, for git's own clean-up."""
    if files:  # a failure here is left to record_version to report
        paths = "".join(f"{file}\n" for file in files)
        command = [repo.git.GIT_PYTHON_GIT_EXECUTABLE, "hash-object", "-w", "--stdin-paths"]
        subprocess.run(command, cwd=repo.working_tree_dir, input=paths, text=True, capture_output=True)


def record_version(
    repo: git.Repo, project: Path, names: list[str], number: int, date: dt.datetime, message: str, inputs: str, written: tuple[str, ...] = ()
) -> Version:
    """Commit exactly ``names`` (relative to ``project``) as version ``number`` recorded at ``date``, and tag it.

    ``date`` becomes the commit's date, so the pages written before the commit
    show the date the commit carries; ``inputs`` is the inputs' hash for the trailer.
    ``written`` are those of ``names`` the build wrote itself (``site_docs/``), whose files git
    tells changed by size and time (:data:`TRUST_TIMES`); the user's files it checks as always.
    """
    tag = f"{TAG_PREFIX}{number}"
    if tag in repo.tags:
        raise BriefingError(f"{repo.working_tree_dir}: tag {tag} already exists; it is never moved, so nothing was recorded")
    paths = _relative(repo, project, names)
    existing = [p for p in paths if (Path(repo.working_tree_dir) / p).exists() or _tracked(repo, p)]
    ours = set(_relative(repo, project, list(written)))
    subject, _, body = message.partition("\n")
    trailers = f"{VERSION_TRAILER}: {number}\n{INPUTS_TRAILER}: {inputs}"
    full_message = "\n\n".join(part for part in (f"Briefing v{number}: {subject}", body, trailers) if part)
    stamp = f"{int(date.timestamp())} +0000"
    try:
        with repo.git.custom_environment(**_identity(repo), GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp):
            for trusted in (False, True):
                if group := [p for p in existing if (p in ours) == trusted]:
                    (repo.git(c=TRUST_TIMES) if trusted else repo.git).add("--all", "--", *group)
            # With paths, `git commit` takes only those paths and leaves anything else staged as it was;
            # what it finds of the user's files is what `git add` just staged of them.
            repo.git(c=TRUST_TIMES).commit("--quiet", "--no-verify", "--cleanup=verbatim", "-m", full_message, "--", *existing)
            repo.git.tag("--annotate", "--message", full_message, tag)
    except git.GitCommandError as exc:
        detail = (exc.stderr or str(exc)).strip().splitlines()
        raise BriefingError(f"{repo.working_tree_dir}: git commit failed ({detail[-1] if detail else exc}); the briefing is built but not recorded") from None
    return Version(number, tag, repo.head.commit.hexsha, full_message, date)


def restore_tags(repo: git.Repo) -> list[str]:
    """Tag every version commit whose tag is missing: a clone or checkout without tags, or a
    build killed between its commit and its tag. An existing tag is never moved."""
    made = []
    for version in versions(repo):
        if version.tag in repo.tags:
            continue
        # Dated like the commit, as record_version dates both: the same version gives the same tag.
        stamp = f"{int(version.date.timestamp())} +0000"
        with repo.git.custom_environment(**_identity(repo), GIT_COMMITTER_DATE=stamp):
            repo.git.tag("--annotate", "--message", version.message, version.tag, version.commit)
        made.append(version.tag)
    return made


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
