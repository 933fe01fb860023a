"""Scale: the benchmark keeps working, rebuilds analyse only what is new, big briefings paginate their long pages.

No timing is asserted anywhere: how long things take depends on the machine.
The figures live in docs/benchmarks.md, written by `make bench`.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys

from rich.console import Console

import briefing.pages
from briefing.commands.build import BuildOptions, run_build
from briefing.commands.progress import RichDisplay, terminal_display
from conftest import REPO, make_project, run_cli


def test_benchmark_runs_on_50_bbc_articles(tmp_path):
    output = tmp_path / "benchmarks.md"
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--articles", "50", "--shares", "20,100", "--output", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    text = output.read_text()
    rows = {line.split("|")[1].strip(): line for line in text.splitlines() if re.match(r"\| \d", line)}
    assert set(rows) == {"10 (20%)", "50 (100%)", "50 + 1 (rebuild)"}
    for label, line in rows.items():
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == 17, line
        assert all(re.fullmatch(r"[\d,.]+|–", c) for c in cells[1:]), line
    # The rebuild reused the cache for the 50 and analysed only the added article.
    assert "it analysed 1 article(s)" in text
    targets = [line for line in text.splitlines() if line.startswith("| ") and line.rstrip().endswith(("| yes |", "| no |"))]
    assert len(targets) == 5


def test_many_sources_are_split_over_pages_linked_from_the_first(tmp_path, monkeypatch):
    monkeypatch.setattr(briefing.pages, "SOURCES_PER_PAGE", 2)
    project = make_project(tmp_path / "seeds")  # five articles: pages of 2, 2 and 1
    console = Console(file=io.StringIO(), record=True, force_terminal=True, width=100)
    result = run_build(BuildOptions(project=project), display=RichDisplay(console))

    docs = project / "site_docs"
    first, second, third = (docs / "sources.md").read_text(), (docs / "sources/2.md").read_text(), (docs / "sources/3.md").read_text()
    assert not (docs / "sources/4.md").exists()
    assert first.count("\n## ") == 2 and second.count("\n## ") == 2 and third.count("\n## ") == 1
    assert "This page lists articles 1 to 2. Pages: **1** · [2](sources/2.md) · [3](sources/3.md)" in first
    assert "This page lists articles 3 to 4. Pages: [1](../sources.md) · **2** · [3](3.md)" in second
    assert (project / "site" / "sources" / "3.html").is_file()
    # Every article is listed exactly once across the pages.
    listed = [p.replace("\\", "") for p in re.findall(r"\| File \| (.+) \|", first + second + third)]
    assert sorted(listed) == sorted(a.article.path for a in result.briefing.articles)

    assert list(result.timings) == ["ingest", "analyse", "findings", "pages", "site", "version"]
    shown = console.export_text()
    for stage in result.timings:
        assert f"✓ {stage} in " in shown


def test_topics_quotes_and_people_split_over_pages_without_dropping_anything(tmp_path, monkeypatch):
    monkeypatch.setattr(briefing.pages, "FINDINGS_PER_PAGE", 30)
    monkeypatch.setattr(briefing.pages, "QUOTES_PER_PAGE", 20)
    monkeypatch.setattr(briefing.pages, "PEOPLE_PER_PAGE", 10)
    project = make_project(tmp_path / "seeds")
    result = run_build(BuildOptions(project=project))  # the build checks each page's footnotes and links
    docs, site = project / "site_docs", project / "site"

    def parts(first: str) -> list[str]:
        folder = first.removesuffix(".md")
        numbered = sorted((docs / folder).glob("*.md"), key=lambda f: int(f.stem)) if (docs / folder).is_dir() else []
        return [(docs / first).read_text()] + [f.read_text() for f in numbered]

    for topic in result.briefing.topics:
        if not topic.findings:
            continue
        pages = parts(f"topics/{topic.id}.md")
        assert len(pages) == -(-len(topic.findings) // 30)
        # The opening (summary, tracked items) is on the first page only; every finding is listed once.
        assert all("## In short" not in p and "## Tracked items" not in p for p in pages[1:])
        listed = sum(p.count("\n  — *") for p in pages) - len(topic.summary)
        assert listed == len(topic.findings)
    plan_terms = parts("topics/plan-terms.md")
    assert len(plan_terms) == 3 and "Pages: [1](../plan-terms.md) · **2** · [3](3.md)" in plan_terms[1]

    quotes = parts("quotes.md")
    assert len(quotes) == -(-len(result.briefing.quotes) // 20) > 1
    assert sum(len(re.findall(r"^- ", p, re.M)) for p in quotes) == len(result.briefing.quotes)

    people = parts("people.md")
    entries = [anchor for p in people for anchor in re.findall(r"^## .* \{#(.+)\}$", p, re.M)]
    assert len(people) > 1 and len(entries) == len(set(entries)) == len(briefing.pages.people(result.briefing))
    # "All statements" links lead to the quotes page where the speaker's statements start.
    for page, text in zip(["people.md"] + [f"people/{n}.md" for n in range(2, len(people) + 1)], people):
        for href, anchor in re.findall(r"\]\(([^)#]+)#([^)]+)\)", text):
            assert "{#" + anchor + "}" in (docs / page).parent.joinpath(href).read_text()

    # The numbered pages are built but stay out of the navigation.
    assert (site / "quotes" / "2.html").is_file() and (site / "topics" / "plan-terms" / "2.html").is_file()
    assert "page 2" not in (site / "index.html").read_text()


def test_no_progress_display_when_output_is_not_a_terminal(tmp_path):
    assert terminal_display() is None  # pytest captures standard output
    project = make_project(tmp_path / "seeds")
    run = run_cli("build", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "✓" not in run.stdout and "\x1b[" not in run.stdout
    assert "read 5 articles" in run.stdout
