"""The analysis on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on 127.0.0.1.

A build through them matches a local build byte for byte even when a worker
is killed mid-build (its batches rerun elsewhere; a new worker joins meanwhile,
as a cluster manager would start one); an unreachable scheduler and a worker running another
version of briefing are refused with one line, leaving the site and git as
they were.
"""

from __future__ import annotations

import filecmp
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import git
import pytest

from benchmarks.cluster import local_cluster
from benchmarks.corpus import bbc_articles, make_project, sample

from conftest import BBC, REPO, build, run_cli

ARTICLES = 100


@pytest.fixture(scope="module")
def starting(tmp_path_factory):
    """The cluster, its workers still starting."""
    with local_cluster(tmp_path_factory.mktemp("dask"), workers=2, wait=False) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def cluster(starting, local_build):
    """The cluster with both workers joined: they start while the local build runs."""
    starting.wait_for(2)
    return starting


@pytest.fixture(scope="module")
def local_build(tmp_path_factory):
    """100 BBC articles built on this machine, and a copy of the unbuilt project for the cluster."""
    if not BBC.is_dir():
        pytest.skip("the BBC corpus is not checked out beside the repository")
    folder = tmp_path_factory.mktemp("projects")
    local = make_project(folder / "local", sample(bbc_articles(BBC), ARTICLES))
    remote = shutil.copytree(local, folder / "cluster", symlinks=True)
    # No version commits: the history page shows when a version was recorded, which no two builds share.
    build(local, commit=False)
    return local, remote


def same_tree(left: Path, right: Path) -> list[str]:
    """Paths under either folder that differ in content or exist on one side only."""
    differ = []
    comparison = filecmp.dircmp(left, right)
    differ += comparison.left_only + comparison.right_only + comparison.funny_files
    differ += [name for name in comparison.common_files if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in comparison.common_dirs:
        differ += [f"{name}/{d}" for d in same_tree(left / name, right / name)]
    return differ


def snapshot(project: Path) -> tuple:
    repo = git.Repo(project)
    files = sorted((p.relative_to(project), p.read_bytes()) for d in ("site_docs", "site") for p in (project / d).rglob("*") if p.is_file())
    return repo.head.commit.hexsha, tuple(t.name for t in repo.tags), files


def test_a_build_on_two_dask_workers_survives_a_killed_worker_and_matches_a_local_build(cluster, local_build):
    local, remote = local_build
    cache = remote / ".briefing" / "cache"
    run = subprocess.Popen(
        [sys.executable, "-m", "briefing", "build", "--no-commit", "--quiet", "--scheduler", cluster.address],
        cwd=remote,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Kill a worker once the first results are in and before the last are.
    while run.poll() is None and not any(cache.rglob("*.json")):
        time.sleep(0.02)
    cluster.workers[0].send_signal(signal.SIGKILL)
    done_at_kill = sum(1 for _ in cache.rglob("*.json"))
    cluster.add_worker(wait=False)  # the scheduler may count the dead one a while yet
    _, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert 0 < done_at_kill < ARTICLES, "the worker was not killed mid-build"
    assert err == "", err
    assert sum(1 for _ in cache.rglob("*.json")) == ARTICLES
    for name in ("site_docs", "site"):
        assert same_tree(local / name, remote / name) == [], name


def test_an_unreachable_scheduler_is_one_line_and_leaves_site_and_git_as_they_were(local_build, tmp_path):
    project = shutil.copytree(local_build[0], tmp_path / "project", symlinks=True)
    shutil.copy2(min((REPO / "seeds").glob("*.*")), project / "seeds" / "added.txt")  # something to analyse
    before = snapshot(project)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    # Nothing listens there any more.
    result = run_cli("build", "--scheduler", address, cwd=project)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {address}: no Dask scheduler answers there"), result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before


def test_a_worker_running_another_briefing_version_is_refused(cluster, local_build, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(REPO / "briefing", other / "briefing", ignore=shutil.ignore_patterns("__pycache__"))
    init = other / "briefing" / "__init__.py"
    init.write_text(init.read_text().replace('__version__ = "', '__version__ = "9.'))
    stranger = cluster.add_worker(PYTHONPATH=str(other))
    try:
        project = shutil.copytree(local_build[0], tmp_path / "project", symlinks=True)
        shutil.copy2(min((REPO / "seeds").glob("*.*")), project / "seeds" / "added.txt")
        before = snapshot(project)
        result = run_cli("build", "--scheduler", cluster.address, cwd=project)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and " runs briefing 9." in lines[0] and "install the same briefing" in lines[0], result.stderr
        assert snapshot(project) == before
    finally:
        stranger.kill()
        stranger.wait()
