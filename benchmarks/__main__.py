"""``python -m benchmarks``: build the BBC corpus at several sizes and write docs/benchmarks.md.

For each size (a share of the corpus, the smaller samples inside the larger),
in a fresh temporary project: a full ``briefing build``, the raw ``nlp.pipe``
over the same paragraphs, and a plain ``mkdocs build`` of the generated
``site_docs/``, and today's same-fact grouping over its sentences; then the
largest project's search is timed in Chromium, one article is added to it and
it is built again (three times, from the same built project). The largest share is also built
in a second fresh project through a Dask scheduler with two local workers, right after its local
build. Every measurement
runs in its own process (see :mod:`benchmarks.measure`), watched for the
memory of it and its children.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import spacy

from benchmarks.cluster import local_cluster
from benchmarks.corpus import BBC, REPO, add_article, bbc_articles, git_environment, make_project, sample
from benchmarks.report import report

#: Sampling interval of the memory watch, in seconds.
MEMORY_INTERVAL = 0.1


@dataclass
class Run:
    """One measured process: what it printed, how long it took, the most memory it and its children held."""

    data: dict
    wall: float
    peak_bytes: int


#: Rebuilds timed, each from the same built project: the median is reported, as the same rebuild on
#: this shared 2-core machine took from 27 to 40 s.
REBUILD_TRIALS = 3

#: Workers of the Dask row: one per core of this machine would be the fair match; the issue asks for two.
DASK_WORKERS = 2


def measure(kind: str, project: Path, *args: str) -> Run:
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.measure", kind, str(project), *args],
        cwd=REPO,
        env=git_environment(),
        stdout=subprocess.PIPE,
        text=True,
    )
    began = time.perf_counter()
    peak = [0]
    watcher = threading.Thread(target=_watch_memory, args=(process, peak), daemon=True)
    watcher.start()
    output, _ = process.communicate()
    wall = time.perf_counter() - began
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"benchmark: `{kind}` on {project} failed (exit {process.returncode}); see the error above")
    return Run(json.loads(output.splitlines()[-1]), wall, peak[0])


def _watch_memory(process: subprocess.Popen, peak: list[int]) -> None:
    """Sum the resident memory of the process and its descendants until it ends; keep the largest sum.

    Pages the spaCy workers share with their parent count once per process,
    so this is an upper bound of what the machine really gave the build.
    """
    page = os.sysconf("SC_PAGE_SIZE")
    while process.poll() is None:
        total = sum(_resident_pages(pid) for pid in _tree(process.pid)) * page
        peak[0] = max(peak[0], total)
        time.sleep(MEMORY_INTERVAL)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # the process ended while we looked
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _resident_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def run(corpus: Path, total: int | None, shares: list[int], workdir: Path, say, write) -> dict:
    """Measure every share, then the rebuild; ``write`` gets the results so far after each step."""
    articles = bbc_articles(corpus)
    total = min(total or len(articles), len(articles))
    rows: list[dict] = []
    results = {"rows": rows, "rebuild": None, "rebuild_trials": [], "added": None, "total": total, "search": None, "dask": None, "agreement": None}
    project = None
    for share in shares:
        count = max(1, round(total * share / 100))
        chosen = sample(articles, count)
        project = make_project(workdir / f"bbc-{count}", chosen)
        say(f"{count} articles: build")
        built = measure("build", project)
        say(f"{count} articles: build {built.wall:.1f} s")
        if share == shares[-1]:
            # Right after the local build it is compared with: minutes apart, the same build on this
            # shared machine swung by a fifth, more than the overhead measured.
            say(f"{count} articles: build on a Dask scheduler with {DASK_WORKERS} local workers")
            with local_cluster(workdir / "dask", DASK_WORKERS) as cluster:
                results["dask"] = measure("build", make_project(workdir / f"bbc-{count}-dask", chosen), cluster.address)
            say(f"{count} articles: build on Dask {results['dask'].wall:.1f} s")
        say(f"{count} articles: raw nlp.pipe")
        nlp = measure("nlp", project)
        say(f"{count} articles: raw nlp.pipe {nlp.data['seconds']:.1f} s; plain mkdocs build")
        mkdocs = measure("mkdocs", project)
        say(f"{count} articles: plain mkdocs build {mkdocs.wall:.1f} s; same-fact grouping")
        grouping = measure("grouping", project)
        rows.append({"share": share, "count": count, "build": built, "nlp": nlp, "mkdocs": mkdocs, "grouping": grouping})
        write(results)
    assert project is not None
    say(f"{rows[-1]['count']} articles: search in Chromium")
    results["search"] = measure("search", project)
    write(results)
    # The added article is one of the repository's own seeds: new to the BBC project, real text.
    added = sorted((REPO / "seeds").glob("*.*"))[0]
    built = project.rename(workdir / "built")
    trials = []
    for trial in range(REBUILD_TRIALS):
        # Each trial on a copy of the project as built, in its folder (its caches name their paths). Git's
        # index is refreshed untimed, as a copy's files have new inodes: else git would hash them all again.
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(built, project, symlinks=True)
        subprocess.run(["git", "update-index", "-q", "--refresh"], cwd=project, check=False)
        add_article(project, added, f"added/{added.name}")
        say(f"{rows[-1]['count']} articles + 1: rebuild {trial + 1} of {REBUILD_TRIALS}")
        trials.append(measure("build", project))
    shutil.rmtree(built)
    # The median trial, and the last one's project is the one rebuilt: measured below.
    results.update(rebuild=sorted(trials, key=lambda run: run.wall)[len(trials) // 2], rebuild_trials=[run.wall for run in trials], added=added.name)
    say(f"{rows[-1]['count']} articles + 1: the rebuild's grouping against a full one")
    results["agreement"] = measure("agreement", project)
    write(results)
    return results


def environment() -> str:
    return (
        f"{os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"{platform.system()} {platform.machine()}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC, help="BBC corpus folder (<section>/<nnn>.txt).")
    parser.add_argument("--articles", type=int, default=None, help="Use only this many articles as the full set.")
    parser.add_argument("--shares", default="10,30,100", help="Percentages of the full set to build, comma-separated.")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "benchmarks.md", help="Where to write the table.")
    parser.add_argument("--keep", type=Path, default=None, help="Build the projects here and keep them (default: a temporary folder).")
    args = parser.parse_args(argv)
    shares = sorted(int(s) for s in args.shares.split(","))

    def say(line: str) -> None:
        print(f"benchmark: {line}", flush=True)

    def write(results: dict) -> None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(report(results, environment()), encoding="utf-8")
        say(f"wrote {args.output}")

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.corpus, args.articles, shares, args.keep, say, write)
    else:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as workdir:
            run(args.corpus, args.articles, shares, Path(workdir), say, write)


if __name__ == "__main__":
    main()
