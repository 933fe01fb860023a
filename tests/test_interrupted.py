"""Interrupted and concurrent builds: a killed build loses nothing, two builds never interleave.

Every build here is a real `briefing build` process, killed with SIGKILL. Where a
stage lasts long enough, the test waits for the stage's own trace on disk
(analysis cache entries, staged pages, the staged site) and kills the process
then. The swap and the version commit take microseconds; there the child process
kills itself at the exact file operation or git command named (see
:data:`KILL_AT`), which is the only way to hit those windows every time.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import git
import pytest

from briefing.analyse import ANALYSIS_VERSION
from briefing.analyse.cache import PACK_FILE
from briefing.commands.build import DOCS_DIR, SITE_DIR, WORK_DIR
from briefing.ingest import INGEST_PACK
from briefing.site import recover_swap

from conftest import BBC, build, make_project, run_cli

#: Added before the interrupted build so that it has real work in every stage; the
#: analysis of all of them lasts long enough to be caught in the middle.
NEW_ARTICLES = sorted((BBC / "politics").glob("*.txt"))[:20]
#: Enough for the killed build to change every output, few enough to keep the test quick.
FEW = 4

#: Runs `briefing build` in the child; it SIGKILLs itself instead of doing its ``SKIP``-th
#: (1-based) call of ``TARGET`` that matches ``WHEN``.
KILL_AT = """
import os, signal, sys, pathlib, shutil, git
from briefing.cli import cli
TARGET, WHEN, SKIP = sys.argv[1], sys.argv[2], int(sys.argv[3])
seen = 0
def wrap(owner, name, matches):
    real = getattr(owner, name)
    def killing(*args, **kwargs):
        global seen
        if matches(*args, **kwargs):
            seen += 1
            if seen == SKIP:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    setattr(owner, name, killing)
if TARGET == "rename":
    wrap(pathlib.Path, "rename", lambda self, target: WHEN in str(target) or WHEN in str(self))
elif TARGET == "unlink":
    wrap(pathlib.Path, "unlink", lambda self, *a, **k: self.name == WHEN)
elif TARGET == "rmtree":
    wrap(shutil, "rmtree", lambda path, *a, **k: pathlib.Path(path).name == WHEN)
elif TARGET == "git":
    # The git command's words after its "-c name=value" settings.
    words = lambda command: next(command[i:] for i in range(1, len(command), 2) if command[i] != "-c")
    wrap(git.cmd.Git, "execute", lambda self, command, *a, **k: " ".join(words(command)).startswith(WHEN))
elif TARGET == "replace":
    wrap(os, "replace", lambda source, target, *a, **k: pathlib.Path(target).name == WHEN)
sys.argv = ["briefing", "build"]
cli()
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def state(project: Path) -> dict:
    """What a kill must not change: the outputs, the history, and what git sees as changed."""
    repo = git.Repo(project)
    return {
        "site_docs": tree(project / DOCS_DIR),
        "site": tree(project / SITE_DIR),
        "head": repo.head.commit.hexsha,
        "tags": sorted(t.name for t in repo.tags),
        "status": repo.git.status("--porcelain", "--untracked-files=all", "--", "seeds", "briefing.yml", DOCS_DIR),
        "leftovers": sorted(p.name for p in project.iterdir() if p.name.startswith(".site")),
    }


@pytest.fixture(scope="module")
def version_one(tmp_path_factory) -> Path:
    """The seeds built once as version 1; each test works on a copy."""
    project = make_project(tmp_path_factory.mktemp("v1") / "p")
    build(project)
    return project


def with_new_articles(version_one: Path, folder: Path, count: int) -> Path:
    project = folder / "p"
    shutil.copytree(version_one, project, symlinks=True)
    for path in NEW_ARTICLES[:count]:
        shutil.copy(path, project / "seeds" / f"bbc-{path.name}")
    return project


@pytest.fixture
def project(version_one, tmp_path) -> Path:
    """Version 1, with all the new articles waiting for the next build."""
    return with_new_articles(version_one, tmp_path, len(NEW_ARTICLES))


@pytest.fixture
def small_project(version_one, tmp_path) -> Path:
    """Version 1, with a few new articles waiting for the next build."""
    return with_new_articles(version_one, tmp_path, FEW)


def start_build(project: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *(extra or ("-m", "briefing", "build"))],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, process: subprocess.Popen) -> None:
    """Poll until ``condition()`` holds; fails if the build ends first."""
    while not condition():
        assert process.poll() is None, f"the build ended before the awaited stage: {process.communicate()}"
        time.sleep(0.002)


def cache_entries(project: Path) -> int:
    return sum(1 for _ in (project / WORK_DIR / "cache").rglob("*.json"))


def assert_next_build_records_the_new_version(project: Path, before: dict) -> None:
    build(project)
    after = state(project)
    assert after["tags"] == before["tags"] + ["briefing-v2"]
    assert git.Repo(project).tags["briefing-v2"].commit.hexsha == after["head"]
    assert after["status"] == "" and after["leftovers"] == []
    data = json.loads((project / DOCS_DIR / "briefing.json").read_text("utf-8"))
    added = {p.name for p in (project / "seeds").glob("bbc-*.txt")}
    assert added and {f"seeds/{name}" for name in added} <= {a["path"] for a in data["articles"]}


STAGES = {
    # stage: its trace on disk, seen while the stage runs.
    "analyse": lambda project, cached: cache_entries(project) > cached,
    "pages": lambda project, cached: (project / WORK_DIR / "staging" / DOCS_DIR / "index.md").exists(),
    "mkdocs": lambda project, cached: (project / WORK_DIR / "staging" / SITE_DIR / "assets").exists(),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_a_kill_during_a_stage_leaves_the_last_version_intact(request, stage):
    project = request.getfixturevalue("project" if stage == "analyse" else "small_project")
    before = state(project)
    cached = cache_entries(project)
    process = start_build(project)
    wait_for(lambda: STAGES[stage](project, cached), process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert state(project) == before
    assert_next_build_records_the_new_version(project, before)


#: Runs `briefing build` in the child with the analysis on every core, however few the articles.
IN_WORKERS = """
import sys
import briefing.analyse
briefing.analyse.PARALLEL_FROM = 0
from briefing.cli import cli
sys.argv = ["briefing", "build"]
cli()
"""


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue  # ended while we looked
    return found


def running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_kill_during_analysis_on_every_core_ends_the_workers_too(project):
    """A worker left running would keep the build lock it inherited: no build could run again."""
    before = state(project)
    cached = cache_entries(project)
    process = start_build(project, "-c", IN_WORKERS)
    wait_for(lambda: cache_entries(project) > cached, process)
    workers = children(process.pid)
    assert len(workers) >= 2  # the analysis workers (and the pool's resource tracker, if any)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(running(pid) for pid in workers)
    assert state(project) == before
    assert_next_build_records_the_new_version(project, before)


#: (what the child kills itself at, and whether the old outputs must be back once recovered).
SWAP_KILLS = {
    "before moving site_docs away": (("rename", ".site_docs.old", 1), "old"),
    "site_docs moved away, new one not in": (("rename", "staging/site_docs", 1), "old"),
    "new site_docs in, site not moved": (("rename", ".site.old", 1), "old"),
    "site moved away, new one not in": (("rename", "staging/site", 2), "old"),
    "all in, journal not removed": (("unlink", "swap.json", 1), "old"),
    "journal removed, old folders kept": (("rmtree", ".site_docs.old", 1), "new"),
}


@pytest.mark.parametrize("moment", sorted(SWAP_KILLS))
def test_a_kill_during_the_swap_is_undone_by_the_next_build(small_project, moment):
    project = small_project
    (target, when, skip), outcome = SWAP_KILLS[moment]
    before = state(project)
    process = start_build(project, "-c", KILL_AT, target, when, str(skip))
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    recover_swap(project / WORK_DIR / "staging", project, (DOCS_DIR, SITE_DIR))
    recovered = state(project)
    if outcome == "old":
        assert recovered == before
    else:
        # Past the point of no return: the new outputs, complete, waiting for their version.
        assert recovered["site_docs"] != before["site_docs"] and (project / SITE_DIR / "sources.html").is_file()
        assert (recovered["head"], recovered["tags"], recovered["leftovers"]) == (before["head"], before["tags"], [])
    assert_next_build_records_the_new_version(project, before)


@pytest.mark.parametrize("command", ["add --all", "commit", "tag --annotate"])
def test_a_kill_during_the_version_commit_leaves_git_consistent(small_project, command):
    project = small_project
    before = state(project)
    process = start_build(project, "-c", KILL_AT, "git", command, "1")
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    repo = git.Repo(project)
    assert not (Path(repo.git_dir) / "index.lock").exists()
    assert sorted(t.name for t in repo.tags) == before["tags"]
    if command == "tag --annotate":
        # Committed, not tagged: the next build tags it rather than leave a version without a tag.
        assert repo.head.commit.parents[0].hexsha == before["head"]
        assert repo.head.commit.message.startswith("Briefing v2: ")
    else:
        assert repo.head.commit.hexsha == before["head"]
    assert_next_build_records_the_new_version(project, before)


def test_a_second_build_refuses_while_the_first_runs(project):
    before = state(project)
    cached = cache_entries(project)
    first = start_build(project)
    wait_for(lambda: cache_entries(project) > cached, first)
    # (Held still while the second starts: a first build that ended meanwhile would let it run.)
    os.kill(first.pid, signal.SIGSTOP)
    try:
        second = run_cli("build", cwd=project)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert "another `briefing build` is running here; wait for it to finish" in second.stderr
    out, err = first.communicate()
    assert first.returncode == 0, err
    after = state(project)
    assert after["tags"] == before["tags"] + ["briefing-v2"] and after["status"] == ""


@pytest.mark.parametrize("pack", [INGEST_PACK, PACK_FILE])
def test_a_kill_while_a_pack_is_written_leaves_the_last_one_whole(small_project, pack):
    path = small_project / WORK_DIR / "cache" / pack
    before, packed = state(small_project), path.read_bytes()
    process = start_build(small_project, "-c", KILL_AT, "replace", pack, "1")
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    assert path.read_bytes() == packed
    assert state(small_project) == before
    assert_next_build_records_the_new_version(small_project, before)
    assert path.read_bytes() != packed


def test_a_corrupted_or_stale_cache_entry_is_rebuilt_never_used(tmp_path):
    project = make_project(tmp_path / "p")
    build(project, commit=False)
    clean = tree(project / DOCS_DIR)
    # The entries are read for the articles the build's pack lacks: here, all of them.
    (project / WORK_DIR / "cache" / PACK_FILE).unlink()
    entries = sorted((project / WORK_DIR / "cache").rglob("*.json"))
    assert len(entries) == 5
    truncated, stale, wrong_shape = entries[0], entries[1], entries[2]
    truncated.write_bytes(truncated.read_bytes()[:100])
    data = json.loads(stale.read_text("utf-8"))
    assert f"/v{ANALYSIS_VERSION}/" in data["key"]
    # Made by another spaCy: its sentences must not reach a page, however plausible.
    data["key"] = data["key"].replace("spacy-", "spacy-0.0.1-")
    for sentence in data["sentences"]:
        sentence["text"] = "POISONED sentence from another spaCy version."
    stale.write_text(json.dumps(data), encoding="utf-8")
    wrong_shape.write_text('["not", "an", "entry"]', encoding="utf-8")
    build(project, commit=False)
    assert tree(project / DOCS_DIR) == clean
    for entry in (truncated, stale, wrong_shape):
        rebuilt = json.loads(entry.read_text("utf-8"))
        assert "spacy-0.0.1" not in rebuilt["key"]
        assert "POISONED" not in entry.read_text("utf-8")
