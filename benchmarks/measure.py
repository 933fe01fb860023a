"""One measurement in a fresh process: ``python -m benchmarks.measure KIND PROJECT``; prints one JSON line.

Each measurement runs in its own process so that its memory is its own and no
model, cache or import stays warm from the one before. KIND is:

- ``build``: the real ``briefing build`` (with a version commit), per-stage times from the build itself;
  ``build PROJECT SCHEDULER`` analyses on the Dask scheduler at that address;
- ``nlp``: the raw ``nlp.pipe`` of the same model over the same paragraphs, on every core
  (``n_process``), as spaCy's documentation advises: the least the analysis could cost;
- ``mkdocs``: a plain ``mkdocs build`` of the project's generated ``site_docs/``, into a scratch folder;
- ``grouping``: today's same-fact grouping over the built project's sentences (the analysis from its
  cache): candidate pairs and seconds;
- ``agreement``: after a rebuild, how its same-fact scan went (incremental or full) and whether a
  scan of every candidate pair groups the same sentences and finds the same disputes;
- ``search``: seconds from the first key press of a query in the header search to the first result
  shown, in Chromium: over HTTP (Pagefind) and from ``file://`` (the theme's own search).
"""

from __future__ import annotations

import gc
import json
import logging
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from briefing.analyse import PIPE_BATCH, analyse
from briefing.analyse.entities import resolve_entities
from briefing.analyse.nlp import load_nlp
from briefing.commands.build import (
    DOCS_DIR,
    SITE_DIR,
    WORK_DIR,
    BuildOptions,
    run_build,
)
from briefing.config import load_config
from briefing.findings import chronological, meanings, memory
from briefing.findings.similarity import SameFact, same_fact_groups, scan
from briefing.ingest import read_articles
from briefing.workers import available_cores

#: What the search measurement types: a word every BBC sample of a few dozen articles has.
SEARCH_QUERY = "government"
#: Milliseconds to wait for a first search result before calling the search broken.
SEARCH_TIMEOUT = 300_000
#: Searches timed per site, each in a fresh browser context: the median is reported, as one
#: search on a shared 2-core machine ranged from 0.78 to 1.43 s on the same site.
SEARCH_TRIALS = 5


def measure_build(project: Path, scheduler: str = "") -> dict:
    cache = project / WORK_DIR / "cache"
    cached_before = _count(cache, "*.json")
    began = time.perf_counter()
    result = run_build(BuildOptions(project=project, scheduler=scheduler))
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


def measure_grouping(project: Path) -> dict:
    """Today's same-fact grouping as the build runs it, over the sentences the build grouped."""
    analysed, sentences, owners = _grouped(project)
    began = time.perf_counter()
    first, second = SameFact(sentences, meanings(analysed)).candidates()
    candidates = time.perf_counter() - began
    article = np.unique(owners, return_inverse=True)[1]
    across = int(np.count_nonzero(article[first] != article[second]))
    began = time.perf_counter()
    same = SameFact(sentences, meanings(analysed))
    alike, _ = scan(same, owners)
    groups = same_fact_groups(same, owners, alike)
    return {
        "sentences": len(sentences),
        "candidate_pairs": len(first),
        "pairs_across_articles": across,
        "candidate_seconds": candidates,
        "seconds": time.perf_counter() - began,
        "groups": sum(1 for g in groups if len(g) > 1),
    }


def measure_agreement(project: Path) -> dict:
    """The rebuild's same-fact scan (from the reference its build found in ``.briefing/grouping/``)
    against a scan of every candidate pair, over the same sentences: the same groups and disputes?"""
    kept = project / WORK_DIR / "grouping"
    rebuild = json.loads((kept / memory.LAST_SCAN).read_text("utf-8"))  # before the scan below writes it again
    analysed, sentences, owners = _grouped(project)
    results = {}
    for how, folder in (("reused", kept), ("full", None)):
        began = time.perf_counter()
        same = SameFact(sentences, meanings(analysed))
        scanned = memory.scan(same, owners, folder)
        groups = same_fact_groups(same, owners, scanned.alike)
        results[how] = (time.perf_counter() - began, sorted(groups), scanned.disputed)
    return {
        "rebuild": rebuild,
        "same_groups": results["reused"][1] == results["full"][1],
        "same_disputes": results["reused"][2] == results["full"][2],
        "groups": sum(1 for g in results["full"][1] if len(g) > 1),
        "reused_seconds": results["reused"][0],
        "full_seconds": results["full"][0],
    }


def _grouped(project: Path) -> tuple[list, list, list[str]]:
    """The analysed articles in the order the build groups them, their usable sentences and each one's article."""
    config = load_config(project)
    articles = read_articles(project, config).articles
    analysed = analyse(articles, config.article_summary_sentences, cache_dir=project / WORK_DIR / "cache", gazetteer=config.entities)
    analysed = chronological(resolve_entities(analysed, config.entities)[0])
    usable = [(s, a.article.id) for a in analysed for s in a.sentences if s.usable]
    return analysed, [s for s, _ in usable], [owner for _, owner in usable]


def measure_search(project: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.browser import launch, serve

    site = project / SITE_DIR
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            with serve(site) as url:
                served = [_first_result(browser, url + "index.html") for _ in range(SEARCH_TRIALS)]
            from_file = [_first_result(browser, site.as_uri() + "/index.html") for _ in range(SEARCH_TRIALS)]
        finally:
            browser.close()
    return {"query": SEARCH_QUERY, "served_seconds": statistics.median(served), "file_seconds": statistics.median(from_file), "trials": [served, from_file]}


def _first_result(browser, address: str) -> float:
    """Seconds from typing the query into the header search of a freshly loaded page (in a browser
    context of its own: nothing cached) to its first result shown."""
    page = browser.new_page()
    try:
        page.goto(address, wait_until="load")
        began = time.perf_counter()
        page.locator(".md-search__input").press_sequentially(SEARCH_QUERY)  # as a reader types
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=SEARCH_TIMEOUT)
        return time.perf_counter() - began
    finally:
        page.close()


def _count(folder: Path, pattern: str) -> int:
    return sum(1 for _ in folder.rglob(pattern)) if folder.is_dir() else 0


MEASUREMENTS = {
    "build": measure_build,
    "nlp": measure_nlp,
    "mkdocs": measure_mkdocs,
    "grouping": measure_grouping,
    "agreement": measure_agreement,
    "search": measure_search,
}

if __name__ == "__main__":
    kind, project, *more = sys.argv[1:]
    data = MEASUREMENTS[kind](Path(project), *more)
    # CPU time suffers less than wall time from other work on the machine.
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    data["cpu_seconds"] = sum(u.ru_utime + u.ru_stime for u in used)
    print(json.dumps(data))
    # As `briefing build` ends (briefing/cli.py): the interpreter's last collection need not walk what the build loaded.
    gc.freeze()
