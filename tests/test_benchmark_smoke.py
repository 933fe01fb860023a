"""Scale: the benchmark keeps working, rebuilds analyse only what is new, big briefings paginate their sources.

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
    assert "This page lists articles 3 to 4. Pages: [1](../sources.md) · **2** · [3](../sources/3.md)" in second
    assert (project / "site" / "sources" / "3.html").is_file()
    # Every article is listed exactly once across the pages.
    listed = [p.replace("\\", "") for p in re.findall(r"\| File \| (.+) \|", first + second + third)]
    assert sorted(listed) == sorted(a.article.path for a in result.briefing.articles)

    assert list(result.timings) == ["ingest", "analyse", "findings", "pages", "site", "version"]
    shown = console.export_text()
    for stage in result.timings:
        assert f"✓ {stage} in " in shown


def test_no_progress_display_when_output_is_not_a_terminal(tmp_path):
    assert terminal_display() is None  # pytest captures standard output
    project = make_project(tmp_path / "seeds")
    run = run_cli("build", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "✓" not in run.stdout and "\x1b[" not in run.stdout
    assert "read 5 articles" in run.stdout
