"""Temporary briefing projects made of BBC articles, sampled at run time.

The corpus is read from ``../shared/corpus/bbc/`` and copied into a temporary
project for each run; it is research data and never goes into the repository.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import git

from briefing.errors import BriefingError

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "corpus" / "bbc"
CONFIG = Path(__file__).resolve().parent / "bbc-briefing.yml"
#: The shuffle that picks samples: fixed, so every run measures the same articles.
SAMPLE_SEED = 2225
#: Commits made by the benchmark's builds need an identity; these never reach the user's config.
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "briefing benchmark",
    "GIT_AUTHOR_EMAIL": "benchmark@briefing.local",
    "GIT_COMMITTER_NAME": "briefing benchmark",
    "GIT_COMMITTER_EMAIL": "benchmark@briefing.local",
}


def bbc_articles(corpus: Path = BBC) -> list[Path]:
    """Every article of the corpus, sorted by section and file name."""
    paths = sorted(corpus.glob("*/*.txt"))
    if not paths:
        raise BriefingError(f"{corpus}: no BBC articles (<section>/<nnn>.txt) found; check out shared/ beside the repository")
    return paths


def sample(paths: list[Path], count: int) -> list[Path]:
    """``count`` articles drawn evenly from all sections; a smaller sample is part of a larger one."""
    shuffled = list(paths)
    random.Random(SAMPLE_SEED).shuffle(shuffled)
    return sorted(shuffled[:count])


def make_project(folder: Path, articles: list[Path]) -> Path:
    """A git-initialised briefing project holding ``articles`` under ``seeds/<section>/``."""
    folder.mkdir(parents=True)
    shutil.copy2(CONFIG, folder / "briefing.yml")
    shutil.copy2(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "templates", folder / "templates")
    for path in articles:
        add_article(folder, path, f"{path.parent.name}/{path.name}")
    (folder / ".gitignore").write_text("site/\n.briefing/\n")
    repo = git.Repo.init(folder, initial_branch="main")
    repo.index.add([".gitignore"])
    with repo.git.custom_environment(**GIT_IDENTITY):
        repo.git.commit("-q", "-m", "benchmark project set-up")
    return folder


def add_article(project: Path, source: Path, name: str) -> None:
    target = project / "seeds" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def git_environment() -> dict[str, str]:
    return {**os.environ, **GIT_IDENTITY}
