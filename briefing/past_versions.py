"""Past versions a reader can open: ``site/versions/N/``, each a complete offline site, and the version selector.

A past version's site is built from its commit's ``site_docs/``, read with
``git archive`` so the work tree is never touched, with the project's
``mkdocs.yml``. A version never changes, so its site is built once and kept in
``.briefing/versions/`` (keyed by commit and ``mkdocs.yml``); later builds copy
it in as hard links. It is built with the renderings the last build left in the
page cache (:mod:`briefing.site_cache`), which hold its pages when it is that build.

mkdocs-material's version selector reads ``../versions.json`` from the site's
root and links ``../{version}/``. A past version at ``site/versions/N/`` finds
``site/versions/versions.json``; the newest site, ``site/`` itself, finds
``site/versions.json`` when ``site/`` is served at the root of its address
(``briefing serve``, a host of its own). Under a sub-path, or from ``file://``,
the newest site shows no selector and its past versions are still at
``versions/N/``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

import git

from briefing import __version__
from briefing.data import DATA_FILE, VersionStamp, load
from briefing.pages import Page
from briefing.site import MKDOCS_FILE, build_html, navigation
from briefing.version import Version, format_date, repo_path, versions

VERSIONS_DIR = "versions"
SELECTOR_FILE = "versions.json"
_TITLE = "# "


def kept_versions(repo: git.Repo | None, this: VersionStamp | None, keep: int) -> list[Version]:
    """The newest ``keep`` recorded versions, newest first, other than the one the site itself is."""
    if repo is None or keep <= 0:
        return []
    older = [v for v in versions(repo) if this is None or v.number != this.number]
    return list(reversed(older))[:keep]


def past_sites(
    repo: git.Repo, project: Path, docs: str, past: list[Version], cache: Path, nav_order: list[Page], lender: Path
) -> list[Path]:
    """The site of each of ``past``, built unless ``cache`` kept it; sites of versions no longer kept are removed.

    ``nav_order`` (the pages of this build) orders the navigation of the past sites. ``lender``
    (the page cache of the last build, before this build replaces it) lends its renderings: the
    newest past version is most often the last build, so its pages need not be rendered again.
    """
    cache.mkdir(parents=True, exist_ok=True)
    built = [built_version(repo, project, docs, version, cache, nav_order, lender) for version in past]
    for entry in cache.iterdir():  # versions no longer kept, or built with another mkdocs.yml
        if entry not in built:
            shutil.rmtree(entry, ignore_errors=True)
    return built


def add_past_versions(past: list[Version], sites: list[Path], this: VersionStamp | None, site: Path) -> None:
    """Put each of ``past`` (its site among ``sites``) into ``site/versions/N/`` and write the selector's two ``versions.json``."""
    for version, built in zip(past, sites):
        shutil.copytree(built, site / VERSIONS_DIR / str(version.number), copy_function=_link_or_copy)
    newest = f"v{this.number} · {format_date(this.date)} (latest)" if this else "This build (not recorded)"
    rows = [(str(v.number), f"v{v.number} · {format_date(v.date)}") for v in past]
    (site / SELECTOR_FILE).write_text(_selector(".", newest, [(f"{VERSIONS_DIR}/{n}", t) for n, t in rows]), "utf-8")
    (site / VERSIONS_DIR / SELECTOR_FILE).write_text(_selector("..", newest, rows), "utf-8")


def _selector(newest_path: str, newest_title: str, rows: list[tuple[str, str]]) -> str:
    """A ``versions.json`` in mike's format; ``version`` is the folder beside the site reading it."""
    entries = [{"version": newest_path, "title": newest_title, "aliases": ["latest"]}]
    entries += [{"version": path, "title": title, "aliases": []} for path, title in rows]
    return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"


def built_version(
    repo: git.Repo, project: Path, docs: str, version: Version, cache: Path, nav_order: list[Page] = (), lender: Path | None = None
) -> Path:
    """The site of ``version``, built from git into ``cache`` unless it is there already (``lender``: see :func:`past_sites`)."""
    settings = (project / MKDOCS_FILE).read_bytes() if (project / MKDOCS_FILE).is_file() else b""
    key = hashlib.sha256(version.commit.encode() + b"\0" + __version__.encode() + b"\0" + settings).hexdigest()[:16]
    folder = cache / f"v{version.number}-{key}"
    if folder.is_dir():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".building-") as tmp:
        path = repo_path(repo, project, docs)
        archive = repo.git.archive("--format=tar", version.commit, "--", path, stdout_as_string=False)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        source = Path(tmp) / path
        data = load((source / DATA_FILE).read_text("utf-8")) if (source / DATA_FILE).is_file() else None
        title = data.title if data else project.name
        nav = navigation(_pages(source, nav_order))
        build_html(project, source, Path(tmp) / "site", title, nav, int(version.date.timestamp()), Path(tmp) / "pages", True, lender)
        # Renamed in whole: a build killed half-way leaves no half site in the cache.
        os.replace(Path(tmp) / "site", folder)
    return folder


def _pages(docs: Path, order: list[Page]) -> list[Page]:
    """The pages of a past version, titled by their headings, in this build's order (pages it no longer has last)."""
    place = {p.path: i for i, p in enumerate(order)}
    continued = {p.path for p in order if p.continued}
    pages = []
    for file in docs.rglob("*.md"):
        path = file.relative_to(docs).as_posix()
        first = file.read_text("utf-8").split("\n", 1)[0]
        title = first.removeprefix(_TITLE) if first.startswith(_TITLE) else path
        pages.append(Page(path, title, "", continued=path in continued))
    return sorted(pages, key=lambda p: (place.get(p.path, len(place)), p.path))


def _link_or_copy(source: str, target: str) -> None:
    """A hard link (a past site is never written to in place), or a copy across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
