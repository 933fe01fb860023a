"""Shared fixtures: real projects in temporary folders, built with the real pipeline.

Nothing here is mocked: spaCy, sumy, MkDocs and git all run for real. The
seeds briefing is built once per session and shared by the tests that only
read it; the seeds are analysed once per session, and every new project with
the seeds starts with that analysis in its cache (and every new project with
the topic model learned from the repo's examples).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest

from briefing.analyse import analyse
from briefing.analyse.nlp import load_nlp
from briefing.commands.build import WORK_DIR, BuildOptions, BuildResult, run_build
from briefing.config import load_config
from briefing.findings import topic_model
from briefing.ingest import read_articles

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BBC = SHARED / "corpus" / "bbc"
PROJECT_FILES = ("briefing.yml", "topics", "mkdocs.yml", "templates")
#: The session's temporary folders, once pytest has started (see seeds_analysis).
_SESSION: dict[str, pytest.TempPathFactory] = {}


@pytest.fixture(autouse=True, scope="session")
def _git_identity():
    """Tests make commits; give them an identity without touching the user's config."""
    saved = {k: os.environ.get(k) for k in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")}
    for role in ("AUTHOR", "COMMITTER"):
        os.environ[f"GIT_{role}_NAME"] = "briefing tests"
        os.environ[f"GIT_{role}_EMAIL"] = "tests@briefing.local"
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True, scope="session")
def _temporary_folders(tmp_path_factory):
    _SESSION["factory"] = tmp_path_factory


@pytest.fixture(autouse=True, scope="session")
def _pipeline_loaded():
    """The spaCy pipeline of the repo's gazetteer, loaded once in each test process: the builds a test
    runs in this process fork their analysis, and a fork inherits the pipeline instead of loading it
    again (a second or two each, as a one-shot build's single worker does by design)."""
    load_nlp(load_config(REPO).entities)


@functools.cache
def seeds_analysis() -> Path | None:
    """A work folder a new project starts with, made by the real code once per session (None outside
    pytest, as for `python -m tests.golden`): the analysis of the seeds with the repo's briefing.yml
    (``cache/``) and the topic model learned from its examples (``grouping/``)."""
    factory = _SESSION.get("factory")
    if factory is None:
        return None
    folder = factory.mktemp("seeds-analysis")
    config = load_config(REPO)
    analyse(read_articles(REPO, config).articles, config.article_summary_sentences, folder / "cache", gazetteer=config.entities)
    topic_model(config, folder / "grouping")
    return folder


def make_project(folder: Path, seeds: Path | None = REPO / "seeds", git_init: bool = True, analysed: bool = True) -> Path:
    """A briefing project in ``folder``: the repo's config, templates and (a copy of) seeds.

    With ``analysed``, the project starts with the topic model learned from the repo's examples and,
    with the repo's seeds, with the seeds' analysis (:func:`seeds_analysis`): its builds analyse only
    what a test adds or changes.
    Tests of the analysis itself, or of what a build leaves in ``.briefing/``, pass ``analysed=False``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy2(source, folder / name)
    if seeds is not None:
        shutil.copytree(seeds, folder / "seeds")
    else:
        (folder / "seeds").mkdir()
    if analysed and (work := seeds_analysis()):
        if seeds == REPO / "seeds":
            shutil.copytree(work / "cache", folder / WORK_DIR / "cache")
        shutil.copytree(work / "grouping", folder / WORK_DIR / "grouping")
    if git_init:
        repo = git.Repo.init(folder, initial_branch="main")
        (folder / ".gitignore").write_text("site/\n.briefing/\n")
        repo.index.add([".gitignore"])
        repo.index.commit("project set-up")
    return folder


def build(project: Path, **options) -> BuildResult:
    return run_build(BuildOptions(project=project, **options))


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real `briefing` command line in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def lines_naming_a_file(site_docs: Path) -> list[tuple[str, str]]:
    """(page, line) for every line of prose or picture in a built site that names a seed file
    ("seeds/…", "….txt"); the sources page's table of files names them on purpose."""
    pages = [*site_docs.rglob("*.md"), *site_docs.rglob("*.svg")]
    assert len(pages) > 8
    return [
        (page.name, line)
        for page in pages
        for line in page.read_text("utf-8").splitlines()
        if not line.startswith("| File |") and ("seeds/" in line or ".txt" in line)
    ]


@pytest.fixture(scope="session")
def seeds_project(tmp_path_factory) -> Path:
    """The five seeds, built once (with a version commit) and shared read-only."""
    project = make_project(tmp_path_factory.mktemp("seeds") / "briefing")
    build(project)
    return project


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session: Playwright's sync API runs one instance per thread."""
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
