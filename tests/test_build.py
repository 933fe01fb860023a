"""The whole pipeline on the five seeds: footnotes, verbatim excerpts, offline site, versions."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import git
import jsonschema
import lxml.html
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page as MkDocsPage
from pagefind_bin import get_executable as pagefind_executable

from briefing.ingest.text import normalise_space
from briefing.site import _DEFINITION, _REFERENCE, PAGEFIND_EXCLUDE, PAGEFIND_ROOT, SearchIndex
from briefing.site_cache import FOOTNOTES, SEARCH_EXCLUDED_FOOTNOTES, RenderCache, without_search_marks
from briefing.site_cache import _read_source as read_source

from conftest import build, make_project, run_cli


def pages(project: Path) -> dict[str, str]:
    docs = project / "site_docs"
    return {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in sorted(docs.rglob("*.md"))}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_pages_data_and_site(seeds_project):
    assert set(pages(seeds_project)) == {
        "index.md",
        "sources.md",
        "topics/plan-terms.md",
        "topics/talks.md",
        "topics/european-reaction.md",
        "topics/battlefield-claims.md",
        "topics/ukrainian-domestic-politics.md",
        "topics/other.md",
        "changes.md",
        "history.md",
        "timeline.md",
        "people.md",
        "quotes.md",
    }
    assert (seeds_project / "site" / "index.html").is_file()
    assert (seeds_project / "site" / "topics" / "plan-terms.html").is_file()


def test_every_footnote_reference_has_exactly_one_definition(seeds_project):
    for path, text in pages(seeds_project).items():
        definitions = _DEFINITION.findall(text)
        references = set(_REFERENCE.findall(_DEFINITION.sub("", text)))
        assert len(definitions) == len(set(definitions)), path
        assert references == set(definitions), path
        # The history lists versions, not statements from articles.
        assert references or path == "history.md", f"{path} cites nothing"


def test_every_statement_line_carries_a_footnote(seeds_project):
    """A list item on a page is a statement taken from an article: it must cite its source."""
    for path, text in pages(seeds_project).items():
        for line in text.splitlines():
            if line.startswith("- "):
                assert _REFERENCE.search(line), (path, line)


def test_every_excerpt_is_verbatim_in_its_article(seeds_project):
    data = json.loads((seeds_project / "site_docs" / "briefing.json").read_text("utf-8"))
    article_text = {a["id"]: normalise_space((seeds_project / a["path"]).read_text("utf-8")) for a in data["articles"]}
    excerpts = [s for item in data["findings"] for s in (*item["sources"], *item["disputed_by"])]
    excerpts += [s for a in data["articles"] for s in a["summary"]]
    assert len(excerpts) > 100
    for source in excerpts:
        assert source["excerpt"] in article_text[source["article"]], source


def test_footnote_definitions_quote_the_cited_sentence(seeds_project):
    """In the built HTML, each footnote of a topic page holds its source sentence verbatim."""
    data = json.loads((seeds_project / "site_docs" / "briefing.json").read_text("utf-8"))
    excerpt = {f"{s['article']}-s{s['sentence']}": s["excerpt"] for i in data["findings"] for s in i["sources"]}
    html = lxml.html.fromstring((seeds_project / "site" / "topics" / "plan-terms.html").read_bytes())
    footnotes = html.xpath('//div[@class="footnote"]//li[starts-with(@id, "fn:")]')
    checked = 0
    for item in footnotes:
        label = item.get("id").removeprefix("fn:")
        if label in excerpt:
            assert excerpt[label] in normalise_space(item.text_content()), label
            checked += 1
    assert checked >= 20


def test_search_indexes_the_statements_not_their_footnotes(seeds_project):
    index = json.loads((seeds_project / "site" / "search" / "search_index.json").read_text("utf-8"))
    text = "\n".join(entry["text"] for entry in index["docs"])
    findings = json.loads((seeds_project / "site_docs" / "briefing.json").read_text("utf-8"))["findings"]
    assert all(normalise_space(f["text"])[:60] in normalise_space(text) for f in findings[:20])
    # Each footnote names its outlet and article; no index entry does.
    assert "Live Mint via MENAFN, “" not in text and "date unknown: “" not in text
    assert "data-search-exclude" not in (seeds_project / "site" / "topics" / "plan-terms.html").read_text("utf-8")


def _content(title: str, text: str, footnotes: str) -> str:
    cited = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
    return f'<h1>{title}</h1><p>{text}{cited}.</p>{footnotes}<ol><li id="fn:1"><p>Outlet: “{text}”</p></li></ol></div>'


def _uncited(html: str) -> str:
    """``html`` without the footnote numbers in its text (Python-Markdown's ``<sup id="fnref…">``), which search leaves out."""
    return re.sub(r'<sup id="fnref[^"]*">.*?</sup>', "", html)


def _page(title: str, text: str) -> str:
    """A page as the theme lays it out: a header, then the page's HTML in its article."""
    header = '<header class="md-header"><nav>Overview · Topics · Sources</nav></header>'
    body = f'<article class="md-content__inner md-typeset">{_content(title, text, FOOTNOTES)}</article>'
    return f'<!doctype html><html lang="en" class="no-js"><head><title>{title}</title></head><body>{header}{body}</body></html>'


def test_search_index_reuses_the_last_ones_chunks_and_holds_what_pagefind_makes_of_the_pages(tmp_path):
    pages = {"a.html": ("Talks", "Envoys met in Geneva."), "b.html": ("Strikes", "Drones hit Kyiv overnight.")}
    changed = ("Strikes", "Missiles hit Dnipro overnight.")

    def rendered(pages):  # each page's HTML as MkDocs renders it, its footnotes marked for the theme's search
        return [(name, _content(*page, SEARCH_EXCLUDED_FOOTNOTES)) for name, page in pages.items()]

    last, plain, again = (tmp_path / name for name in ("last", "plain", "again"))
    for site in (last, again):
        site.mkdir()
    search = SearchIndex(last)
    search.start(rendered(pages), "en")
    search.finish()
    # Pagefind on the pages as the theme writes them, footnotes and all but the numbers citing them, into an empty folder.
    pages["b.html"] = changed
    plain.mkdir()
    for name, page in pages.items():
        (plain / name).write_text(_uncited(_page(*page)), "utf-8")
    options = ["--root-selector", PAGEFIND_ROOT, "--exclude-selectors", PAGEFIND_EXCLUDE, "--silent"]
    subprocess.run([str(pagefind_executable()), "--site", str(plain), *options], check=True)
    search = SearchIndex(again, last / "pagefind")  # one page changed since the last index
    search.start(rendered(pages), "en")
    search.finish()
    assert tree(again / "pagefind") == tree(plain / "pagefind")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again", "last", "plain"]  # no copy of the pages left
    # The unchanged page's chunk was taken from the last index (the same file), the changed page's was not.
    reused = [p for p in (again / "pagefind" / "fragment").iterdir() if (last / "pagefind" / "fragment" / p.name).exists()]
    assert len(reused) == 1 and reused[0].stat().st_ino == (last / "pagefind" / "fragment" / reused[0].name).stat().st_ino


def test_search_index_of_a_build_is_pagefinds_of_its_written_pages(seeds_project, tmp_path):
    site = seeds_project / "site"
    written = [p for p in site.rglob("*.html") if p.name != "404.html" and p.relative_to(site).parts[0] != "versions"]
    assert len(written) > 10
    for page in written:
        copy = tmp_path / "site" / page.relative_to(site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(_uncited(page.read_text("utf-8")), "utf-8")
    options = ["--root-selector", PAGEFIND_ROOT, "--exclude-selectors", PAGEFIND_EXCLUDE, "--silent"]
    subprocess.run([str(pagefind_executable()), "--site", str(tmp_path / "site"), *options], check=True)
    assert tree(site / "pagefind") == tree(tmp_path / "site" / "pagefind")
    # No footnote number is indexed, nor kept as an anchor a result loads.
    fragments = [gzip.decompress(f.read_bytes()) for f in (site / "pagefind" / "fragment").iterdir()]
    assert fragments and not any(b"fnref" in f for f in fragments)


def test_site_makes_no_request_off_the_host(seeds_project):
    asset = re.compile(r"""<(script|link|img|iframe|source)\b[^>]*\b(src|href)=["'](https?:)?//""", re.I)
    font = re.compile(r"fonts\.(googleapis|gstatic)\.com|@import\s+url\(\s*['\"]?https?:", re.I)
    checked = 0
    for path in sorted((seeds_project / "site").rglob("*")):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text("utf-8", errors="replace")
            if path.suffix == ".html":
                assert not asset.search(text), path
            assert not font.search(text), path
            checked += 1
    assert checked > 5


def test_briefing_json_matches_its_schema(seeds_project):
    schema = json.loads((Path(__file__).parent.parent / "briefing" / "briefing.schema.json").read_text("utf-8"))
    data = json.loads((seeds_project / "site_docs" / "briefing.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert {a["path"] for a in data["articles"]} == {f"seeds/{p.name}" for p in (seeds_project / "seeds").iterdir()}


def test_first_build_records_a_version(seeds_project):
    repo = git.Repo(seeds_project)
    assert [t.name for t in repo.tags] == ["briefing-v1"]
    commit = repo.tags[0].commit
    assert commit.message.startswith("Briefing v1: 5 sources added")
    changed = set(commit.stats.files)
    assert all(p.startswith(("seeds/", "site_docs/", "briefing.yml", "topics/examples.yml")) for p in changed)
    assert {"site_docs/index.md", "briefing.yml", "topics/examples.yml"} <= changed


def test_rebuild_is_byte_identical_and_makes_no_commit(tmp_path):
    project = make_project(tmp_path / "p")
    build(project)
    first_docs, first_site = tree(project / "site_docs"), tree(project / "site")
    head = git.Repo(project).head.commit.hexsha
    shutil.rmtree(project / ".briefing")  # not even the analysis cache may make a difference
    result = build(project)
    assert result.version is None
    assert tree(project / "site_docs") == first_docs
    assert tree(project / "site") == first_site
    assert git.Repo(project).head.commit.hexsha == head


def test_unrelated_changes_stay_out_of_the_version(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "notes.txt").write_text("my staged notes\n")
    (project / "draft.txt").write_text("unstaged\n")
    repo = git.Repo(project)
    repo.index.add(["notes.txt"])
    build(project)
    assert "notes.txt" not in repo.head.commit.stats.files
    assert "draft.txt" not in repo.head.commit.stats.files
    # Still staged, untouched.
    assert "notes.txt" in {d.a_path for d in repo.index.diff("HEAD")}
    assert repo.head.commit.message.startswith("Briefing v1:")


def test_outside_git_the_build_says_so_and_still_builds(tmp_path):
    project = make_project(tmp_path / "p", git_init=False)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "not a git repository" in result.stdout
    assert (project / "site" / "index.html").is_file()


def test_user_errors_are_one_line_without_traceback(tmp_path):
    project = make_project(tmp_path / "p", git_init=False)
    (project / "briefing.yml").write_text("title: x\ntopics: []\nsurprise: 1\n")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "briefing.yml:3: surprise: unknown key; allowed here: " in result.stderr


def test_a_path_the_file_system_refuses_is_one_line_naming_it(tmp_path):
    """A work folder linked to a disk that is gone: one line naming the link, not a traceback."""
    project = make_project(tmp_path / "p", git_init=False, analysed=False)
    (project / ".briefing").mkdir()
    (project / ".briefing" / "cache").symlink_to(tmp_path / "unmounted" / "cache")
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0, result.stderr
    assert f"{project / '.briefing' / 'cache'}: File exists; make it a folder or file this user can write" in result.stderr


@pytest.mark.parametrize(
    "html",
    [
        '<div class="footnote" data-search-exclude="footnotes"><hr />',
        'data-search-exclude="x" at the start',
        '<p data-search-a="1" data-search-b="2">two</p>',
        '<p\tdata-search-a="1"\ndata-search-b="2">other spaces</p>',
        '<p\u2003data-search-a="1">a wide space</p>',
        '<p data-search-a="1"data-search-b="2">no space between</p>',
        '<p data-search-a="">empty value, no mark</p>',
        '<p data-search-="x">no name, no mark</p>',
        "<p>no mark at all</p>",
    ],
)
def test_search_marks_go_as_the_search_plugin_removes_them(html):
    assert without_search_marks(html) == re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", html)  # mkdocs-material 9's


@pytest.mark.parametrize(
    "text",
    [
        "# Overview\n\nTalks: in Geneva\n",
        "# Overview\r\n\r\nWindows line ends\r\n",
        "---\ntitle: Front matter\n---\n# Overview\n",
        "title: MultiMarkdown\nsummary: meta lines\n\n# Overview\n",
        "\n# A blank line first\n",
        "\ufeff# A byte-order mark first\n",
    ],
)
def test_a_page_reads_as_mkdocs_reads_it(tmp_path, text):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_bytes(text.encode("utf-8"))
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    ours, theirs = (MkDocsPage(None, File("page.md", str(tmp_path / "docs"), str(tmp_path / "site"), True), config) for _ in range(2))
    read_source(ours, config)
    theirs.read_source(config)
    assert (ours.markdown, ours.meta) == (theirs.markdown, theirs.meta)


def test_a_search_document_is_kept_only_while_briefings_own_plugins_alone_act_on_a_page(tmp_path):
    # Another plugin's change to a page's HTML is in its document, and the document's name does not say so.
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Overview\n", "utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    page = MkDocsPage(None, File("page.md", str(tmp_path / "docs"), str(tmp_path / "site"), True), config)
    read_source(page, config)
    kept = []
    for ours in (False, True):
        cache = RenderCache(tmp_path / "cache")
        cache.only_ours = ours
        cache.keep_document(page, "en", tmp_path / "document.html")
        kept.append([name for name in cache.entries if name.startswith("document-")])
    assert kept[0] == [] and len(kept[1]) == 1
