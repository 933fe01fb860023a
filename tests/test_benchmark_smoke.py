"""Scale: the benchmark keeps working; work on every core gives what one process gives; long pages split
where their items say; a rebuild analyses only new articles and renders only the pages that changed.

No timing is asserted anywhere: how long things take depends on the machine.
The figures live in docs/benchmarks.md, written by `make bench`.
"""

from __future__ import annotations

import dataclasses
import io
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from rich.console import Console
from sumy.summarizers.text_rank import TextRankSummarizer

import briefing.analyse
import briefing.analyse.summary
import briefing.pages.pagination
import briefing.pages.render
import briefing.pages.views
import briefing.site
import briefing.site_cache
import briefing.workers
from benchmarks.__main__ import REBUILD_TRIALS
from benchmarks.measure import SEARCH_TRIALS
from briefing.analyse import analyse
from briefing.analyse.summary import centrality
from briefing.commands.build import BuildOptions, run_build
from briefing.commands.progress import RichDisplay, terminal_display
from briefing.config import load_config
from briefing.core import make_briefing
from briefing.errors import BriefingError
from briefing.ingest import read_articles
from briefing.pages import Page
from briefing.site import build_html, navigation
from briefing.workers import Forked, forked_pool

from conftest import BBC, REPO, make_project, run_cli


def test_benchmark_runs_on_10_bbc_articles(tmp_path):
    output = tmp_path / "benchmarks.md"
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--articles", "10", "--shares", "50,100", "--output", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    text = output.read_text()
    sections = dict(re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    rows = {line.split("|")[1].strip(): line for line in sections["Builds"].splitlines() if re.match(r"\| \d", line)}
    assert set(rows) == {"5 (50%)", "10 (100%)", "10 + 1 (rebuild)", "10 on Dask"}
    for line in rows.values():
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == 17, line
        assert all(re.fullmatch(r"[\d,.]+|–", c) for c in cells[1:]), line
    grouping = [line for line in sections["Same-fact grouping"].splitlines() if re.match(r"\| \d", line)]
    assert [line.split("|")[1].strip() for line in grouping] == ["5 (50%)", "10 (100%)"]
    # Both searches found a result every time: Pagefind over HTTP, the theme's search from file://.
    searched = re.findall(r"^\| (over HTTP|from `file://`)[^|]*\|.*\| ([\d.]+) \| ([\d., ]+) \|$", sections["Search"], re.M)
    assert [where for where, _, _ in searched] == ["over HTTP", "from `file://`"]
    for _, median, trials in searched:
        each = sorted(float(t) for t in trials.split(", "))
        assert len(each) == SEARCH_TRIALS and float(median) == each[len(each) // 2]
    # Each rebuild trial started from the project as built; the row is the median one.
    trials = sorted(float(t) for t in re.search(r"built \(in s: ([\d., ]+)\); the row is the median trial", text)[1].split(", "))
    assert len(trials) == REBUILD_TRIALS
    # The row rounds the median's seconds to one place, the list to two: 3.55 may be a 3.5512 shown as 3.6.
    assert abs(float(rows["10 + 1 (rebuild)"].split("|")[7]) - trials[len(trials) // 2]) <= 0.051
    # The rebuild reused the cache for the 20 and analysed only the added article.
    assert "It analysed 1 article(s)" in text
    rendered, pages = map(int, re.search(r"MkDocs rendered\s+(\d+) of its (\d+) pages", text).groups())
    assert 0 < rendered < pages
    # The rebuild's same-fact scan, from the reference the first build kept, groups as a full scan does.
    assert "Its same-fact scan was" in text and "give the same groups" in text
    targets = [line for line in text.splitlines() if line.startswith("| ") and line.rstrip().endswith(("| yes |", "| no |"))]
    assert len(targets) == 7


def test_many_sources_are_split_over_pages_linked_from_the_first(tmp_path, monkeypatch):
    monkeypatch.setattr(briefing.pages.pagination, "SOURCES_PER_PAGE", 2)
    project = make_project(tmp_path / "seeds")  # five articles: pages of 1 to 4
    console = Console(file=io.StringIO(), record=True, force_terminal=True, width=100)
    result = run_build(BuildOptions(project=project), display=RichDisplay(console))

    docs = project / "site_docs"
    pages = parts(docs, "sources.md")
    count = len(pages)
    assert count > 1 and f"Articles on {count} pages: **1** · [2](sources/" in pages[0]
    assert "Articles, continued: [first page](../sources.md) · [previous page](../sources.md) · [next page](" in pages[1]
    assert "Articles, continued: [first page](../sources.md) · [previous page](" in pages[-1] and "[next page]" not in pages[-1]
    # The count of articles is on the first page only: a numbered page changes only with its own articles.
    assert "these 5 articles" in pages[0] and all("these 5 articles" not in p for p in pages[1:])
    assert all((project / "site" / path.replace(".md", ".html")).is_file() for path in part_paths(docs, "sources.md"))
    # Every article is listed exactly once across the pages, in order.
    listed = [p.replace("\\", "") for page in pages for p in re.findall(r"\| File \| (.+) \|", page)]
    assert listed == [a.article.path for a in result.briefing.articles]

    assert list(result.timings) == ["ingest", "analyse", "findings", "pages", "site", "version"]
    shown = console.export_text()
    for stage in result.timings:
        assert f"✓ {stage} in " in shown


def part_paths(docs, first: str) -> list[str]:
    """The paths of a paginated page's pages in order: ``first``, then those its page links name."""
    links = re.search(r"on \d+ pages: (.*)", (docs / first).read_text())
    others = re.findall(r"\]\(([^)]+)\)", links.group(1)) if links else []
    return [first] + [(Path(first).parent / href).as_posix() for href in others]


def parts(docs, first: str) -> list[str]:
    """The text of a paginated page's pages, in order."""
    return [(docs / path).read_text() for path in part_paths(docs, first)]


def test_pages_end_where_their_items_say_so_an_added_item_changes_one_page():
    items = [f"item-{n}" for n in range(3000)]
    pages = {part["path"]: part["items"] for part in briefing.pages.pagination.split("list.md", items, 100, str)}
    assert [item for page in pages.values() for item in page] == items
    assert all(25 <= len(page) <= 200 for page in list(pages.values())[:-1])
    assert 20 <= len(pages) <= 40  # about 100 a page
    assert "list/item-0.md" not in pages and all(path == "list.md" or path.startswith("list/item-") for path in pages)
    # Cut at positions instead, or numbered, and an item added at the front would change every page.
    for position in (0, 1, 777, 1500, 2999):
        for added in ("new-a", "new-b", "new-c"):
            grown = items[:position] + [added] + items[position:]
            grown_pages = {part["path"]: part["items"] for part in briefing.pages.pagination.split("list.md", grown, 100, str)}
            changed = set(grown_pages.items()) - set(pages.items())
            assert 1 <= len(changed) <= 3, (position, added, len(changed))
    assert len(briefing.pages.pagination.split("list.md", items[:100], 100, str)) == 1  # up to a page's worth: one page


def test_a_rebuild_renders_only_the_pages_that_changed(tmp_path, monkeypatch):
    # Rendered ahead on two cores, as at thousands of articles, so that Pagefind starts at the navigation.
    monkeypatch.setattr(briefing.site_cache, "available_cores", lambda: 2)
    monkeypatch.setattr(briefing.site_cache, "PARALLEL_RENDERS", 1)
    searched: list[list[str | Path]] = []  # what Pagefind was given of each page, each build
    start = briefing.site.SearchIndex.start
    monkeypatch.setattr(
        briefing.site.SearchIndex, "start", lambda self, pages, language: searched.append([html for _, html in pages]) or start(self, pages, language)
    )
    project = make_project(tmp_path / "seeds")
    first = run_build(BuildOptions(project=project, commit=False))
    site = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    again = run_build(BuildOptions(project=project, commit=False))
    pages = len(list((project / "site_docs").rglob("*.md")))
    assert first.rendered == first.laid_out == pages and again.rendered == again.laid_out == 0
    # The second build gave Pagefind the search documents the first made, none made again.
    assert [sum(isinstance(html, Path) for html in given) for given in searched] == [0, pages]
    # Reused HTML makes the very same site, search index included.
    assert {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == site

    # An edited article changes some pages; the others are reused, and the site is what a fresh build makes.
    seed = sorted((project / "seeds").glob("*.txt"))[-1]
    seed.write_text(seed.read_text() + "\n\nThe ministry said on Friday that the talks would resume in Geneva next week.\n")
    docs_before = {p: p.read_text() for p in (project / "site_docs").rglob("*.md")}
    edited = run_build(BuildOptions(project=project, commit=False))
    changed = [p for p in (project / "site_docs").rglob("*.md") if docs_before.get(p) != p.read_text()]
    assert 0 < edited.rendered == len(changed) < len(docs_before)
    assert sum(isinstance(html, str) for html in searched[-1]) == len(changed)  # the unchanged pages' documents kept
    reused = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    # With the renderings' links unreadable, no kept document is trusted: the renderings are read instead.
    (project / ".briefing" / "pages" / briefing.site_cache.TARGETS).write_text("[", "utf-8")
    assert run_build(BuildOptions(project=project, commit=False)).rendered == 0
    assert not any(isinstance(html, Path) for html in searched[-1])
    assert {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == reused
    shutil.rmtree(project / ".briefing" / "pages")
    fresh = run_build(BuildOptions(project=project, commit=False))
    assert fresh.rendered == len(docs_before)
    assert {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == reused


def docs_bytes(project: Path) -> dict[Path, bytes]:
    return {p.relative_to(project / "site_docs"): p.read_bytes() for p in (project / "site_docs").rglob("*") if p.is_file()}


def small_pages(monkeypatch) -> None:
    """Pages a few items long, so that the seeds make several of each kind and an added article changes only some."""
    for name, per_page in (("FINDINGS_PER_PAGE", 8), ("QUOTES_PER_PAGE", 6), ("PEOPLE_PER_PAGE", 4), ("SOURCES_PER_PAGE", 2)):
        monkeypatch.setattr(briefing.pages.pagination, name, per_page)


def test_a_rebuild_keeps_the_pages_nothing_changed_on_and_writes_what_a_fresh_build_writes(tmp_path, monkeypatch):
    small_pages(monkeypatch)
    project = make_project(tmp_path / "p")
    first = run_build(BuildOptions(project=project))
    assert first.kept == 0 and (project / ".briefing" / "markdown").is_file()
    shutil.copy(REPO / "tests" / "data" / "extra-article.txt", project / "seeds")
    again = run_build(BuildOptions(project=project))
    assert again.version is not None and again.version.number == 2
    kept_pages = len(list((project / "site_docs").rglob("*.md"))) - 2  # all but the changes and history pages
    assert 0 < again.kept < kept_pages
    rebuilt = docs_bytes(project)
    # A fresh build of version 2, with the kept pages' store cut short (as by a full disk): none is
    # trusted, every page is rendered, and they are the very bytes the rebuild wrote, briefing.json's stamp included.
    store = project / ".briefing" / "markdown"
    store.write_bytes(store.read_bytes()[:1000])
    fresh = run_build(BuildOptions(project=project))
    assert fresh.kept == 0 and fresh.version is None  # the same pages: nothing to record
    assert docs_bytes(project) == rebuilt
    # Nothing changed since: every page is kept.
    assert run_build(BuildOptions(project=project)).kept == kept_pages
    assert docs_bytes(project) == rebuilt


def test_a_kept_page_follows_what_its_template_reads_even_beyond_the_stock_templates(tmp_path, monkeypatch):
    # A topic page that also counts every article: an added article changes every topic page, though not their findings.
    small_pages(monkeypatch)
    project = make_project(tmp_path / "p")
    topic = project / "templates" / "topic.md.j2"
    topic.write_text(topic.read_text().replace("{{ topic.description }}", "{{ topic.description }} From {{ briefing.articles | length }} articles."))
    run_build(BuildOptions(project=project, commit=False))
    topic_pages = [p for p in (project / "site_docs" / "topics").rglob("*.md")]
    assert len(topic_pages) > 3 and all("From 5 articles." in p.read_text() for p in topic_pages)
    shutil.copy(REPO / "tests" / "data" / "extra-article.txt", project / "seeds")
    again = run_build(BuildOptions(project=project, commit=False))
    assert again.kept > 0
    topic_pages = [p for p in (project / "site_docs" / "topics").rglob("*.md")]
    assert all("From 6 articles." in p.read_text() for p in topic_pages)
    rebuilt = docs_bytes(project)
    (project / ".briefing" / "markdown").unlink()
    assert run_build(BuildOptions(project=project, commit=False)).kept == 0
    assert docs_bytes(project) == rebuilt


def test_a_build_in_another_process_renders_and_lays_out_nothing_again(tmp_path):
    # Python orders a set differently in another process (its hash seed): the page cache's keys must not change with it.
    project = make_project(tmp_path / "seeds")
    for seed in ("0", "1"):  # two seeds that order {"404.html", "sitemap.xml"} (the theme's own pages) differently
        run = subprocess.run(
            [sys.executable, "-m", "briefing", "build", "--no-commit"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert run.returncode == 0, run.stderr
    assert "(0 rendered, 0 laid out, the others unchanged)" in run.stdout


def test_a_page_that_warned_is_rendered_again_and_a_broken_cache_entry_is_not_trusted(tmp_path):
    project = make_project(tmp_path / "seeds")
    run_build(BuildOptions(project=project, commit=False))
    cache = project / ".briefing" / "pages"
    for entry in cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:50])  # cut short, as by a full disk (the pieces' file too)
    assert run_build(BuildOptions(project=project, commit=False)).rendered == len(list((project / "site_docs").rglob("*.md")))
    for entry in cache.iterdir():
        entry.write_text('{"content": "<p>not a rendering</p>"}')  # valid JSON of another shape
    assert run_build(BuildOptions(project=project, commit=False)).rendered == len(list((project / "site_docs").rglob("*.md")))

    # A template that links to a missing page fails --strict, and fails again: nothing was cached from it.
    timeline = project / "templates" / "timeline.md.j2"
    timeline.write_text(timeline.read_text() + "\n[Gone](gone.md)\n")
    for _ in range(2):
        with pytest.raises(BriefingError, match="mkdocs build --strict failed"):
            run_build(BuildOptions(project=project, commit=False))


def test_topics_quotes_and_people_split_over_pages_without_dropping_anything(tmp_path, monkeypatch):
    monkeypatch.setattr(briefing.pages.pagination, "FINDINGS_PER_PAGE", 30)
    monkeypatch.setattr(briefing.pages.pagination, "QUOTES_PER_PAGE", 20)
    monkeypatch.setattr(briefing.pages.pagination, "PEOPLE_PER_PAGE", 10)
    project = make_project(tmp_path / "seeds")
    result = run_build(BuildOptions(project=project))  # the build checks each page's footnotes and links
    docs, site = project / "site_docs", project / "site"

    for topic in result.briefing.topics:
        if not topic.findings:
            continue
        pages = parts(docs, f"topics/{topic.id}.md")
        assert len(pages) == 1 if len(topic.findings) <= 30 else len(pages) > 1
        # The opening (summary, tracked items) is on the first page only; every finding is listed once.
        assert all("## In short" not in p and "## Tracked items" not in p for p in pages[1:])
        listed = sum(p.count("\n  — *") for p in pages) - len(topic.summary)
        assert listed == len(topic.findings)
    largest = max(result.briefing.topics, key=lambda t: len(t.findings))
    split = parts(docs, f"topics/{largest.id}.md")
    first = f"../{largest.id}.md"
    assert f"Findings, continued: [first page]({first}) · [previous page]({first})" in split[1]

    quotes = parts(docs, "quotes.md")
    assert len(quotes) > 1
    assert sum(len(re.findall(r"^- ", p, re.M)) for p in quotes) == len(result.briefing.quotes)

    people = parts(docs, "people.md")
    entries = [anchor for p in people for anchor in re.findall(r"^## .* \{#(.+)\}$", p, re.M)]
    assert len(people) > 1 and len(entries) == len(set(entries)) == len(briefing.pages.views.people(result.briefing))
    # "All statements" links lead to the quotes page where the speaker's statements start.
    for page, text in zip(part_paths(docs, "people.md"), people):
        for href, anchor in re.findall(r"\]\(([^)#]+)#([^)]+)\)", text):
            assert "{#" + anchor + "}" in (docs / page).parent.joinpath(href).read_text()

    # The numbered pages are built but stay out of the navigation.
    second = part_paths(docs, "quotes.md")[1]
    assert (site / second.replace(".md", ".html")).is_file()
    assert "page 2" not in (site / "index.html").read_text() and Path(second).stem not in (site / "index.html").read_text()


def test_a_reused_page_that_links_to_a_page_now_gone_is_rendered_again_and_fails_strict(tmp_path):
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nSee [the other page](other.md).\n")
    (docs / "other.md").write_text("# Other\n")
    nav = [{"Home": "index.md"}, {"Other": "other.md"}]
    assert build_html(tmp_path, docs, tmp_path / "site", "Test", nav, 0, cache).rendered == 2
    assert build_html(tmp_path, docs, tmp_path / "site", "Test", nav, 0, cache).rendered == 0
    (docs / "other.md").unlink()  # index.md is the same Markdown, but its link now leads nowhere
    with pytest.raises(BriefingError, match="mkdocs build --strict failed"):
        build_html(tmp_path, docs, tmp_path / "site", "Test", nav[:1], 0, cache)


def test_entries_of_the_most_named_cite_ten_articles(tmp_path):
    project = make_project(tmp_path / "p", seeds=None, git_init=False)
    shutil.copy(REPO / "benchmarks" / "bbc-briefing.yml", project / "briefing.yml")
    for path in sorted((BBC / "politics").glob("*.txt"))[:40]:
        shutil.copy(path, project / "seeds" / path.name)
    result = run_build(BuildOptions(project=project, commit=False))
    most = max(briefing.pages.views.people(result.briefing), key=lambda e: len(e.articles))
    assert len(most.articles) > 10
    people = "\n".join(parts(project / "site_docs", "people.md"))
    entry = people.split("{#" + most.id + "}", 1)[1].split("\n## ", 1)[0]
    assert f"Named in {len(most.articles)} sources" in entry
    assert entry.split("mentions).", 1)[1].split("Also known as", 1)[0].count("[^") == 10


def test_the_overview_caps_its_contested_findings(seeds_project, tmp_path):
    # The cap, set lower than the seeds' contested findings, so that it cuts; with no summary, no dispute is shown above.
    briefing_ = make_briefing(seeds_project, load_config(seeds_project), cache_dir=seeds_project / ".briefing" / "cache")
    briefing_ = dataclasses.replace(briefing_, summary=(), latest=())
    untold = briefing_.contested
    assert len(untold) >= 2
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    index_template = templates / "index.md.j2"
    index_template.write_text(index_template.read_text().replace("{% set shown = 10 %}", "{% set shown = 1 %}"))
    index = next(p.text for p in briefing.pages.render_pages(briefing_, templates) if p.path == "index.md")
    assert index.split("## Contested", 1)[1].split("\n#", 1)[0].count("\n- ") == 1
    assert f"These are the first 1 of the {len(untold)} contested findings not shown above" in index


def test_a_dispute_the_summary_shows_through_a_shorter_sentence_is_not_listed_again(seeds_project):
    briefing_ = make_briefing(seeds_project, load_config(seeds_project), cache_dir=seeds_project / ".briefing" / "cache")
    (kupiansk,) = [f for f in briefing_.contested if "Kupiansk" in f.text]
    briefing_ = dataclasses.replace(briefing_, summary=(dataclasses.replace(kupiansk, text="Gerasimov announced full control of Kupiansk."),), latest=())
    index = next(p.text for p in briefing.pages.render_pages(briefing_, REPO / "templates") if p.path == "index.md")
    assert "Kupiansk" not in index.split("## Contested", 1)[1].split("\n## ", 1)[0]


def test_denials_stand_under_contested_without_a_heading_of_their_own_when_nothing_else_is_contested(seeds_project):
    briefing_ = make_briefing(seeds_project, load_config(seeds_project), cache_dir=seeds_project / ".briefing" / "cache")
    assert briefing_.denials
    undisputed = tuple(dataclasses.replace(t, findings=tuple(f for f in t.findings if f.status != "contested")) for t in briefing_.topics)
    briefing_ = dataclasses.replace(briefing_, topics=undisputed)
    index = next(p.text for p in briefing.pages.render_pages(briefing_, REPO / "templates") if p.path == "index.md")
    section = index.split("## Contested", 1)[1].split("\n## ", 1)[0]
    assert "### Denied" not in section and "Where sources disagree" not in section
    assert section.count("\n- ") == len(briefing_.denials)


def test_pages_rendered_on_every_core_are_the_pages_one_process_renders(seeds_project, tmp_path, monkeypatch):
    seeds = make_briefing(seeds_project, load_config(seeds_project), cache_dir=seeds_project / ".briefing" / "cache")
    # Other work (briefing.json) is done once in this process while the workers do theirs: one worker is forked too.
    workers: list[int] = []

    def meanwhile() -> None:
        workers.append(len(multiprocessing.active_children()))

    alone = briefing.pages.render_pages(seeds, REPO / "templates", meanwhile=meanwhile)
    monkeypatch.setattr(briefing.pages.render, "PARALLEL_PAGES", 0)
    monkeypatch.setattr(briefing.pages.render, "available_cores", lambda: 2)
    assert briefing.pages.render_pages(seeds, REPO / "templates", meanwhile=meanwhile) == alone
    assert workers == [1, 2]
    # A template error in a worker is the same one-line error.
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    (templates / "sources.md.j2").write_text("{{ no_such_thing }}\n")
    with pytest.raises(BriefingError, match=r"templates/sources.md.j2:.*'no_such_thing' is undefined"):
        briefing.pages.render_pages(seeds, templates)


def test_a_site_rendered_on_every_core_is_the_site_one_process_renders(seeds_project, tmp_path, monkeypatch):
    docs = seeds_project / "site_docs"
    pages = [Page(p.relative_to(docs).as_posix(), "", p.read_text()) for p in docs.rglob("*.md")]
    assert len(pages) >= briefing.site_cache.PARALLEL_RENDERS
    sites = []
    # Pagefind starts at the navigation when every page is rendered ahead (on every core), else once MkDocs has
    # rendered them; the site's build then goes on behind it, in a thread of its own (this one's priority stays).
    events: list[str] = []
    priorities: list[int] = []
    start = briefing.site.SearchIndex.start

    def started(self, *args):
        events.append("Pagefind")
        start(self, *args)
        priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    monkeypatch.setattr(briefing.site.SearchIndex, "start", started)
    ours = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    monkeypatch.setattr(briefing.site.FootnotesOutOfSearch, "on_env", lambda self, env, **_: events.append("env") or env, raising=False)
    for cores in (1, 2):
        pools: list[int] = []  # the workers forked

        def watched(workers, pools=pools):
            pools.append(workers)
            return forked_pool(workers)

        monkeypatch.setattr(briefing.site_cache, "available_cores", lambda cores=cores: cores)
        monkeypatch.setattr(briefing.site_cache, "forked_pool", watched)
        site = tmp_path / f"site-{cores}"
        built = build_html(seeds_project, docs, site, "Seeds", navigation(pages, []), 0, tmp_path / f"cache-{cores}", versioned=True)
        assert built.rendered == built.laid_out == len(pages) and pools == ([1] if cores > 1 else [])
        sites.append({p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    assert events == ["env", "Pagefind", "Pagefind", "env"]
    assert priorities == [briefing.site.BEHIND_PAGEFIND] * 2 and os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == ours
    assert sites[0] == sites[1]


def test_our_textrank_rates_every_sentence_as_sumys_does(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", git_init=False)
    config = load_config(project)
    analysed = analyse(read_articles(project, config).articles, config.article_summary_sentences, gazetteer=config.entities)
    groups = [[s for s in a.sentences if s.usable] for a in analysed]
    # One-word sentences make sumy's length norm zero, the case it treats apart.
    one_word = [dataclasses.replace(groups[0][0], text=f"{n}", lemmas=(word,)) for n, word in enumerate(["talks", "talks", "plan"])]
    groups += [one_word, one_word + groups[1][:3]]
    ours = [centrality(g) for g in groups]
    monkeypatch.setattr(briefing.analyse.summary, "_TextRank", TextRankSummarizer)
    assert [centrality(g) for g in groups] == ours


def test_analysis_on_every_core_gives_what_one_process_gives(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", seeds=None, git_init=False)
    for path in sorted(BBC.glob("*/*.txt"))[::150]:  # 15 articles from all five sections
        shutil.copy(path, project / "seeds" / f"{path.parent.name}-{path.name}")
    config = load_config(project)
    articles = read_articles(project, config).articles
    alone = analyse(articles, config.article_summary_sentences, gazetteer=config.entities)
    monkeypatch.setattr(briefing.analyse, "analysis_workers", lambda paragraphs: 2)
    monkeypatch.setattr(briefing.analyse, "BATCH_PARAGRAPHS", 20)  # several batches for each worker
    done: list[int] = []
    together = analyse(articles, config.article_summary_sentences, cache_dir=tmp_path / "cache", progress=done.append, gazetteer=config.entities)
    assert together == alone and sum(done) == len(articles) and len(done) > 2
    # The workers wrote the cache entries: a second run analyses nothing.
    again: list[int] = []
    assert analyse(articles, config.article_summary_sentences, cache_dir=tmp_path / "cache", progress=again.append, gazetteer=config.entities) == alone
    assert again == []


def test_work_forked_comes_back_from_another_process_with_its_result_or_its_error(monkeypatch):
    def fails():
        raise BriefingError("seeds/a.txt: cannot be read")

    for cores in (2, 1):  # on one core, the work is done in this process, and comes back the same way
        monkeypatch.setattr(briefing.workers, "available_cores", lambda cores=cores: cores)
        threads = threading.enumerate()
        work = Forked(lambda: (os.getpid(), ["a", "b"]))
        # No thread runs while the work does: the build may fork other workers meanwhile.
        assert threading.enumerate() == threads
        pid, words = work.result()
        assert words == ["a", "b"] and (pid != os.getpid()) == (cores > 1)
        with pytest.raises(BriefingError, match="seeds/a.txt"):
            Forked(fails).result()
    # A forked process that dies before its work is done (killed, out of memory) says so.
    monkeypatch.setattr(briefing.workers, "available_cores", lambda: 2)
    with pytest.raises(ChildProcessError, match="exit code 3"):
        Forked(lambda: os._exit(3)).result()
    # A build that fails before taking the result stops the process, which would otherwise wait for ever to send it.
    with pytest.raises(BriefingError), Forked(lambda: [time.sleep(60)]):
        fails()
    assert multiprocessing.active_children() == []


def test_summaries_import_nltk_without_its_scipy_and_scikit_learn_parts_which_import_as_usual_after():
    script = (
        "import sys; import briefing.analyse.summary; "
        "print('nltk' in sys.modules, 'scipy' in sys.modules, 'sklearn' in sys.modules); "
        "import scipy.stats, sklearn.linear_model; print('scipy' in sys.modules, 'sklearn' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "False", "False", "True", "True"]


def test_no_progress_display_when_output_is_not_a_terminal(tmp_path):
    assert terminal_display() is None  # pytest captures standard output
    project = make_project(tmp_path / "seeds")
    run = run_cli("build", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "✓" not in run.stdout and "\x1b[" not in run.stdout
    assert "read 5 articles" in run.stdout


def test_the_progress_display_runs_no_thread_for_the_analysis_workers_to_fork_with():
    """The analysis forks its workers while the display is up; a refresh thread holding a lock
    at that moment would leave the lock held for ever in every worker."""
    before = threading.enumerate()
    with RichDisplay(Console(file=io.StringIO(), force_terminal=True, width=100)) as display:
        display.started("analyse", 3)
        display.advanced(1)
        assert threading.enumerate() == before
