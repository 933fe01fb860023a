"""One measurement in a fresh process: ``python -m benchmarks.measure KIND PROJECT``; prints one JSON line.

Each measurement runs in its own process so that its memory is its own and no
model, cache or import stays warm from the one before. KIND is:

- ``build``: the real ``briefing build`` (with a version commit), per-stage times from the build itself;
- ``nlp``: the raw ``nlp.pipe`` of the same model over the same paragraphs, on every core
  (``n_process``), as spaCy's documentation advises: the least the analysis could cost;
- ``mkdocs``: a plain ``mkdocs build`` of the project's generated ``site_docs/``, into a scratch folder.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import tempfile
import time
from pathlib import Path

from briefing.analyse import PIPE_BATCH
from briefing.analyse.nlp import load_nlp
from briefing.commands.build import DOCS_DIR, WORK_DIR, BuildOptions, run_build
from briefing.config import load_config
from briefing.ingest import read_articles
from briefing.workers import available_cores


def measure_build(project: Path) -> dict:
    cache = project / WORK_DIR / "cache"
    cached_before = _count(cache, "*.json")
    began = time.perf_counter()
    result = run_build(BuildOptions(project=project))
    seconds = time.perf_counter() - began
    pages = sorted((project / DOCS_DIR).rglob("*.md"))
    return {
        "seconds": seconds,
        "stages": result.timings,
        "articles": len(result.briefing.articles),
        "analysed": _count(cache, "*.json") - cached_before,
        "rendered": result.rendered,
        "findings": sum(len(t.findings) for t in result.briefing.topics),
        "pages": len(pages),
        "docs_bytes": sum(p.stat().st_size for p in pages),
        "largest_page_bytes": max(p.stat().st_size for p in pages),
    }


def measure_nlp(project: Path) -> dict:
    config = load_config(project)
    articles = read_articles(project, config).articles
    texts = [p.text for a in articles for p in a.paragraphs]
    began = time.perf_counter()
    nlp = load_nlp(config.entities)  # the pipeline the build's analysis runs, gazetteer included
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=PIPE_BATCH, n_process=available_cores()):
        pass
    return {
        "seconds": time.perf_counter() - loaded,
        "load_seconds": loaded - began,
        "words": sum(len(t.split()) for t in texts),
        "paragraphs": len(texts),
    }


def measure_mkdocs(project: Path) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as load_mkdocs_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as site:
        # site_name is the one setting the briefing gives MkDocs that mkdocs.yml leaves out; the nav is MkDocs' own.
        settings = {"docs_dir": str(project / DOCS_DIR), "site_dir": site, "site_name": load_config(project).title}
        build(load_mkdocs_config(config_file=str(project / "mkdocs.yml"), **settings))
    return {"seconds": time.perf_counter() - began}


def _count(folder: Path, pattern: str) -> int:
    return sum(1 for _ in folder.rglob(pattern)) if folder.is_dir() else 0


MEASUREMENTS = {"build": measure_build, "nlp": measure_nlp, "mkdocs": measure_mkdocs}

if __name__ == "__main__":
    kind, project = sys.argv[1], Path(sys.argv[2])
    data = MEASUREMENTS[kind](project)
    # CPU time suffers less than wall time from other work on the machine.
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    data["cpu_seconds"] = sum(u.ru_utime + u.ru_stime for u in used)
    print(json.dumps(data))
