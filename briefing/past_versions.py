"""Past versions a reader can open: ``site/versions/N/``, each a complete offline site, and the version selector.

A version's site is the one its own build made: the build that records a
version keeps its site (hard links) in ``.briefing/versions/``, keyed by the
commit, ``mkdocs.yml`` and the software that built it, and later builds copy it
in as hard links. When it is not there (the folder was deleted, the version was
recorded by an older briefing or on another machine), it is built again from the
commit's ``site_docs/``, read with ``git archive`` so the work tree is never
touched, with the project's ``mkdocs.yml``, and kept. Both make the same bytes:
everything a site is built from besides ``site_docs/`` and ``mkdocs.yml`` comes
from ``site_docs/`` itself (the title and topics in ``briefing.json``, the
navigation from the pages, the date from the version stamp), and the version
selector is on in every site while versions are kept. A rebuild from git
borrows the renderings the last build left in the page cache
(:mod:`briefing.site_cache`), which hold its pages when it is that build.

mkdocs-material's version selector reads ``../versions.json`` from the site's
root and links ``../{version}/``. A past version at ``site/versions/N/`` finds
``site/versions/versions.json``; the newest site, ``site/`` itself, finds
``site/versions.json`` when ``site/`` is served at the root of its address
(``briefing serve``, a host of its own). Under a sub-path the newest site shows
no selector, and from ``file://`` no site does; the past versions are still at
``versions/N/``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import tempfile
from importlib.metadata import version as installed
from pathlib import Path

import git

from briefing import __version__
from briefing.data import DATA_FILE, VersionStamp
from briefing.pages import Page
from briefing.site import MKDOCS_FILE, build_html, navigation
from briefing.version import Version, format_date, repo_path, versions

VERSIONS_DIR = "versions"
SELECTOR_FILE = "versions.json"
#: Bump when what a version's site is built from changes: the sites kept before are then built again.
SITE_RULES = 2
#: What builds a site, besides briefing: a kept site made with other versions of these is built again.
_BUILDERS = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pagefind-bin")
_KEPT = re.compile(r"v(\d+)-[0-9a-f]+")


def kept_versions(repo: git.Repo | None, this: VersionStamp | None, keep: int) -> list[Version]:
    """The newest ``keep`` recorded versions, newest first, other than the one the site itself is."""
    if repo is None or keep <= 0:
        return []
    older = [v for v in versions(repo) if this is None or v.number != this.number]
    return list(reversed(older))[:keep]


def past_sites(repo: git.Repo, project: Path, docs: str, past: list[Version], cache: Path, this: VersionStamp | None, lender: Path) -> list[Path]:
    """The site of each of ``past``, kept or built; the sites of versions no longer kept are removed.

    The site of ``this`` (the version this build is, if it is one) stays: the next version
    needs it. ``lender`` (the page cache of the last build, before this build replaces it)
    lends its renderings to a site built from git.
    """
    cache.mkdir(parents=True, exist_ok=True)
    built = [built_version(repo, project, docs, version, cache, lender) for version in past]
    for entry in cache.iterdir():  # versions no longer kept, kept with another mkdocs.yml, or half set aside
        number = _KEPT.fullmatch(entry.name)
        if entry not in built and not (this and number and int(number[1]) == this.number):
            shutil.rmtree(entry, ignore_errors=True)
    return built


def set_aside(site: Path, cache: Path) -> Path:
    """This build's ``site`` as MkDocs and Pagefind made it, before past versions join it (hard links).

    :func:`keep_recorded` keeps it once the version is recorded.
    """
    cache.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(dir=cache, prefix=".recording-"))
    shutil.copytree(site, aside / "site", copy_function=_link_or_copy)
    return aside


def keep_recorded(aside: Path, project: Path, version: Version, cache: Path) -> None:
    """Keep the site :func:`set_aside` put aside as the site of ``version``, now recorded."""
    folder = cache / _folder(project, version)
    if not folder.exists():
        os.replace(aside / "site", folder)
    shutil.rmtree(aside)


def add_past_versions(past: list[Version], sites: list[Path], this: VersionStamp | None, site: Path) -> None:
    """Put each of ``past`` (its site among ``sites``) into ``site/versions/N/`` and write the selector's ``versions.json``."""
    for version, built in zip(past, sites):
        shutil.copytree(built, site / VERSIONS_DIR / str(version.number), copy_function=_link_or_copy)
    newest = f"v{this.number} · {format_date(this.date)} (latest)" if this else "This build (not recorded)"
    rows = [(str(v.number), f"v{v.number} · {format_date(v.date)}") for v in past]
    (site / SELECTOR_FILE).write_text(_selector(".", newest, [(f"{VERSIONS_DIR}/{n}", t) for n, t in rows]), "utf-8")
    if past:
        (site / VERSIONS_DIR / SELECTOR_FILE).write_text(_selector("..", newest, rows), "utf-8")


def _selector(newest_path: str, newest_title: str, rows: list[tuple[str, str]]) -> str:
    """A ``versions.json`` in mike's format; ``version`` is the folder beside the site reading it."""
    entries = [{"version": newest_path, "title": newest_title, "aliases": ["latest"]}]
    entries += [{"version": path, "title": title, "aliases": []} for path, title in rows]
    return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"


def built_version(repo: git.Repo, project: Path, docs: str, version: Version, cache: Path, lender: Path | None = None) -> Path:
    """The site of ``version``: kept in ``cache``, or built from git into it (``lender``: see :func:`past_sites`)."""
    folder = cache / _folder(project, version)
    if folder.is_dir():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".building-") as tmp:
        path = repo_path(repo, project, docs)
        archive = repo.git.archive("--format=tar", version.commit, "--", path, stdout_as_string=False)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        source = Path(tmp) / path
        data = _data(source / DATA_FILE)
        pages = [Page(p.relative_to(source).as_posix(), "", _first_line(p)) for p in source.rglob("*.md")]
        nav = navigation(pages, [topic["id"] for topic in data.get("topics", [])])
        # Dated as its build dated it: by the version stamp (see briefing.commands.build), else the commit.
        recorded = VersionStamp.from_json(data["version"]).date if data.get("version") else version.date
        epoch = int(recorded.timestamp())
        build_html(project, source, Path(tmp) / "site", data.get("title") or project.name, nav, epoch, Path(tmp) / "pages", True, lender)
        # Renamed in whole: a build killed half-way leaves no half site in the cache.
        os.replace(Path(tmp) / "site", folder)
    return folder


def _folder(project: Path, version: Version) -> str:
    """Where ``cache`` keeps ``version``'s site: named by its commit, ``mkdocs.yml`` and what builds sites."""
    settings = (project / MKDOCS_FILE).read_bytes() if (project / MKDOCS_FILE).is_file() else b""
    builders = [f"{name} {installed(name)}" for name in _BUILDERS]
    parts = [version.commit, f"briefing {__version__}", str(SITE_RULES), *builders]
    key = hashlib.sha256("\0".join(parts).encode() + b"\0" + settings).hexdigest()[:16]
    return f"v{version.number}-{key}"


def _data(path: Path) -> dict:
    """A version's ``briefing.json`` as parsed JSON (its title, topics and stamp are read), or nothing."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\n")


def _link_or_copy(source: str, target: str) -> None:
    """A hard link (a kept site is never written to in place), or a copy across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
