"""Saved web pages in seeds/ and `briefing add`: real pages served by a real HTTP server on 127.0.0.1.

The pages in data/pages/ are written after real news pages (Open Graph, JSON-LD, navigation,
cookie banner, related links, comments); data/pages/expected.yml says what a person reads off
each. data/pages/coverage/ holds five articles of the development corpus as saved pages.
"""

from __future__ import annotations

import collections
import http.server
import re
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from test_hostile import active_content, site_pages

from briefing.analyse import analyse
from briefing.analyse.entities import resolve_entities
from briefing.config import load_config
from briefing.findings import assemble
from briefing.ingest import read_article, read_articles, split_front_matter
from briefing.ingest.rules import load_rules

from conftest import REPO, make_project, run_cli

PAGES = REPO / "tests" / "data" / "pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yml").read_text("utf-8"))
METADATA = ("title", "outlet", "publisher", "date", "author", "url")


class Site(http.server.BaseHTTPRequestHandler):
    """A news site on 127.0.0.1: the saved pages, a feed, and every way a fetch goes wrong."""

    requests: ClassVar[list[tuple[str, str]]] = []

    def do_GET(self):
        self.requests.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path.split("?")[0]
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        if path == "/feed.xml":
            return self._send(200, "application/rss+xml", (PAGES / "feed.xml").read_text("utf-8").replace("{base}", base).encode())
        if path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/bare.html")
            self.end_headers()
            return None
        if path == "/report.pdf":
            return self._send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
        if path == "/huge.html":
            return self._send(200, "text/html", b"<html><body>" + b"<p>Filler text of a page that never ends.</p>" * 150_000)
        if path == "/slow.html":
            time.sleep(3)
            return self._send(200, "text/html", (PAGES / "full.html").read_bytes())
        if path == "/mirror/europe.html":
            # Another site's copy of full.html: another address, the same text.
            page = (PAGES / "full.html").read_text("utf-8").replace("www.northernledger.example", "mirror.example")
            return self._send(200, "text/html; charset=utf-8", page.encode())
        page = PAGES / path.removeprefix("/news/")
        if path.startswith("/news/") and page.is_file():
            # broken-encoding.html says UTF-8 here too, as its server would.
            return self._send(200, "text/html; charset=utf-8", page.read_bytes())
        return self._send(404, "text/html", b"<html><body><h1>Not found</h1></body></html>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def project(tmp_path, site) -> Path:
    folder = make_project(tmp_path / "briefing", seeds=None, git_init=False)
    with (folder / "briefing.yml").open("a", encoding="utf-8") as config:
        config.write(f"fetch:\n  timeout: 1\n  delay: 0\nfeeds:\n  - {site}/feed.xml\n")
    Site.requests.clear()
    return folder


def rules():
    return load_rules(load_config(REPO))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def f1(found: str, expected: str) -> float:
    a, b = collections.Counter(words(found)), collections.Counter(words(expected))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def metadata(article) -> dict:
    return {key: getattr(article, key) for key in METADATA}


def seed_files(project: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted((project / "seeds").glob("*.md"))}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_page_gives_its_metadata_exactly_and_its_text(name):
    article = read_article((PAGES / name).read_bytes(), f"seeds/{name}", rules())
    expected = EXPECTED[name]
    assert metadata(article) == {key: expected[key] for key in METADATA}
    score = f1(article.text, expected["text"])
    assert score >= 0.9, f"{name}: text F1 {score:.2f}"
    # Navigation, cookie banner, related links, comments and footers are not text.
    for clutter in ("cookies", "Related", "Comments", "Most viewed", "All rights reserved", "Subscribe", "Sign up"):
        assert clutter not in article.text


def test_the_f1_score_sees_missing_and_extra_text():
    text = EXPECTED["full.html"]["text"]
    assert f1(text, text) == 1.0
    assert f1(text.split("\n", 3)[3], text) < 0.9
    assert f1(text + " We use cookies and our partners" * 40, text) < 0.9


def test_a_paywall_stub_is_not_an_article():
    from briefing.ingest import ArticleError

    with pytest.raises(ArticleError, match="behind a paywall"):
        read_article((PAGES / "paywall.html").read_bytes(), "seeds/paywall.html", rules())


def test_add_fetches_pages_into_readable_markdown_the_build_reads_alike(project, site):
    result = run_cli("add", f"{site}/news/full.html", f"{site}/news/wire.html", f"{site}/moved", cwd=project)
    assert result.returncode == 0, result.stderr
    files = seed_files(project)
    assert sorted(files) == [
        "2025-11-23-the-northern-ledger-europe-drafts-its-own-answer-to-the-us.md",
        "2025-11-24-valley-courier-kremlin-says-it-has-not-received-new-version.md",
        "undated-127-0-0-1-drone-attacks-hit-power-plants-in-central-ukraine.md",
    ]
    ingested = {Path(a.path).name: a for a in read_articles(project, load_config(project)).articles}
    for name, page in zip(sorted(files), ["full.html", "wire.html", "bare.html"], strict=True):
        front, _ = split_front_matter(files[name])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", front.pop("fetched"))
        expected = {k: v for k, v in EXPECTED[page].items() if k in METADATA and v}
        if page == "bare.html":
            expected["url"] = f"{site}/news/bare.html"  # the page names none: where it was fetched (after the redirect)
        assert front == expected
        # The Markdown reads as the page itself does.
        from_page = read_article((PAGES / page).read_bytes(), f"seeds/{page}", rules())
        assert ingested[name].paragraphs == from_page.paragraphs
        assert (project / ".briefing" / "raw" / name.replace(".md", ".html")).read_bytes() == (PAGES / page).read_bytes()
    agents = {agent for _, agent in Site.requests}
    assert len(agents) == 1 and agents.pop().startswith("briefing/")
    assert Site.requests[0][0] == "/robots.txt"


def test_each_failure_is_one_line_and_robots_txt_is_obeyed(project, site):
    failing = {
        f"{site}/news/gone.html": "HTTP 404",
        f"{site}/report.pdf": "not an HTML page but application/pdf",
        f"{site}/huge.html": "more than 5 MB",
        f"{site}/slow.html": "(timeout)",
        f"{site}/news/paywall.html": "behind a paywall",
        f"{site}/private/memo.html": "robots.txt does not allow",
        "ftp://127.0.0.1/x.html": "not an http(s) address",
        str(PAGES / "missing.html"): "no such file",
        str(REPO / "README.md"): "not a saved page",
    }
    result = run_cli("add", *failing, cwd=project)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(failing), result.stderr
    for line, (source, reason) in zip(lines, failing.items(), strict=True):
        assert line.startswith(f"Error: {source}: ") and reason in line, line
    assert "Traceback" not in result.stderr
    assert not any(path.startswith("/private/") for path, _ in Site.requests)
    assert seed_files(project) == {}


def test_a_page_already_in_the_articles_is_refused(project, site):
    assert run_cli("add", f"{site}/news/full.html", cwd=project).returncode == 0
    (name,) = seed_files(project)
    (project / "seeds" / "2025-11-24-valley-courier-kremlin-says-it-has-not-received-new-version.md").write_text("kept\n")
    result = run_cli("add", f"{site}/news/full.html?utm_source=x#top", f"{site}/mirror/europe.html", f"{site}/news/wire.html", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].endswith(f"already in seeds/{name} (same address); not added again")
    assert lines[1].endswith(f"near-identical to seeds/{name}; not added again")
    assert lines[2].endswith("seeds/2025-11-24-valley-courier-kremlin-says-it-has-not-received-new-version.md already exists; not overwritten")
    assert (project / "seeds" / "2025-11-24-valley-courier-kremlin-says-it-has-not-received-new-version.md").read_text() == "kept\n"
    # The same address was refused before it was fetched.
    assert [p for p, _ in Site.requests].count("/news/full.html") == 1


def test_feeds_add_their_new_items_within_the_limit(project, site):
    result = run_cli("add", "--feeds", "--limit", "2", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "4 items, 4 not in seeds/ yet" in result.stdout
    assert "stopped at the limit of 2 pages per run" in result.stdout
    assert len(seed_files(project)) == 2
    result = run_cli("add", "--feed", f"{site}/feed.xml", cwd=project)
    assert "4 items, 2 not in seeds/ yet" in result.stdout
    assert result.stderr.strip() == f"Error: {site}/news/gone.html: HTTP 404 Not Found"
    assert len(seed_files(project)) == 3
    feed = project / "feed.xml"
    feed.write_text((PAGES / "feed.xml").read_text("utf-8").replace("{base}", site))
    result = run_cli("add", "--feed", str(feed), cwd=project)
    assert "4 items, 1 not in seeds/ yet" in result.stdout and result.returncode == 1
    result = run_cli("add", "--feed", str(PAGES / "full.html"), cwd=project)
    assert result.returncode == 1 and "not an RSS or Atom feed" in result.stderr


def test_a_hostile_page_never_reaches_the_site_nor_writes_outside_the_articles(project):
    outside = sorted(p.name for p in project.parent.iterdir())
    result = run_cli("add", str(PAGES / "hostile.html"), "--build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert list(seed_files(project)) == ["undated-etc-hostile-b-times-envoys-meet-again-in-abu-dhabi-img-src.md"]
    assert sorted(p.name for p in project.parent.iterdir()) == outside
    pages = site_pages(project)
    problems = [p for name, html in pages.items() for p in active_content(html, name)]
    assert problems == []
    # The page's markup in its metadata shows as the characters it is.
    assert any("Hostile &lt;b&gt;Times&lt;/b&gt;" in html for html in pages.values())


def findings(project: Path) -> set[tuple]:
    config = load_config(project)
    analysed = analyse(read_articles(project, config).articles, config.article_summary_sentences, gazetteer=config.entities)
    analysed, entities = resolve_entities(analysed, config.entities)
    briefing = replace(assemble(analysed, config), entities=entities)
    return {(f.topic, f.text, f.publishers, f.status) for f in briefing.findings}


def test_five_corpus_articles_as_saved_pages_give_the_findings_of_their_text(tmp_path):
    text = make_project(tmp_path / "text", seeds=None, git_init=False)
    pages = make_project(tmp_path / "pages", seeds=None, git_init=False)
    for page in sorted((PAGES / "coverage").glob("*.html")):
        shutil.copy(REPO / "tests" / "data" / "coverage" / f"{page.stem}.md", text / "seeds")
        shutil.copy(page, pages / "seeds")
    found, from_text = findings(pages), findings(text)
    assert len(found) >= 20
    # The one difference: a11's text repeats its 16-word headline below itself, where the text
    # rules take it for a sentence; the saved page marks it as the headline.
    headlines = {a.title for a in read_articles(text, load_config(text)).articles}
    assert [f[1] for f in from_text - found] == ["'Cheap provocations' — Ukraine denies Russia's claim that it has captured Kupiansk, as fighting continues"]
    assert found == {f for f in from_text if f[1] not in headlines}
