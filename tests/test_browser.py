"""What a reader gets, checked in a real browser: Debian's chromium driven by Playwright.

One browser serves the whole session; the seeds briefing is built once
(``seeds_project``) and served from 127.0.0.1. Every check returns the problems
it finds, and the last test shows that a broken site gives the problems it should.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from browser import (
    PHONE,
    Reader,
    contrast,
    crawl,
    footnote_problems,
    in_view,
    picture_problems,
    search,
    serve,
    toggle_palette,
    wait_in_view,
)
from conftest import REPO

OUTPUT = REPO / "test-output"
# WCAG AA for body text.
READABLE = 4.5


@pytest.fixture(scope="session")
def site_url(seeds_project):
    with serve(seeds_project / "site") as url:
        yield url


@pytest.fixture
def reader(browser, site_url):
    reader = Reader.open(browser, site_url)
    yield reader
    reader.close()


def site_pages(project: Path) -> set[str]:
    """The HTML page of every Markdown page the build wrote, relative to the site."""
    docs = project / "site_docs"
    return {p.relative_to(docs).with_suffix(".html").as_posix() for p in docs.rglob("*.md")}


def first_topic(project: Path) -> str:
    return min(site_pages(project) - {"index.html"}, key=lambda p: (not p.startswith("topics/"), p))


def test_navigation_reaches_every_page_and_each_loads_cleanly(reader, seeds_project, site_url):
    reached = crawl(reader)

    assert {url.removeprefix(site_url) for url in reached} == site_pages(seeds_project)
    assert reader.problems == []
    assert len(reader.requests) > len(reached)  # pages, styles, scripts, search index: all recorded
    assert all(url.startswith(site_url) for url in reader.requests)


def test_screenshots_of_the_overview_and_a_topic(reader, seeds_project):
    OUTPUT.mkdir(exist_ok=True)
    for path, name in (("index.html", "overview"), (first_topic(seeds_project), "topic")):
        page = reader.visit(path)
        page.screenshot(path=OUTPUT / f"{name}.png", full_page=True)
        assert (OUTPUT / f"{name}.png").stat().st_size > 10_000
    assert reader.problems == []


def test_hovering_a_footnote_shows_its_source_excerpt(reader, seeds_project):
    for path in ("index.html", first_topic(seeds_project)):
        page = reader.visit(path)
        assert page.locator("a.footnote-ref").count() > 0
        assert footnote_problems(page) == []
    assert reader.problems == []


def test_search_finds_kupiansk_and_opens_a_page_with_it(reader):
    page = reader.visit("index.html")
    results = search(page, "Kupiansk")

    assert results
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(results[0])
    assert "Kupiansk" in page.inner_text("article")
    assert reader.problems == []
    # Over HTTP Pagefind answers, from its chunked index; the theme's whole index is never loaded.
    assert any("/pagefind/" in url for url in reader.requests)
    assert not any("search_index" in url for url in reader.requests)


def test_pictures_render_with_text_alternatives_in_both_palettes(reader):
    for path in ("index.html", "timeline.html"):
        page = reader.visit(path)
        assert page.locator("figure.bp-figure svg").count() == 1
        assert picture_problems(page) == []
        assert contrast(page, "figure.bp-figure svg text") >= READABLE
        toggle_palette(page)
        assert contrast(page, "figure.bp-figure svg text") >= READABLE
    assert reader.problems == []


def test_dark_palette_toggle(reader):
    page = reader.visit("index.html")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"

    assert toggle_palette(page) == "slate"
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark != light
    assert contrast(page, "article h1") >= READABLE

    page.reload()  # the choice is remembered
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert reader.problems == []


def test_phone_shows_the_navigation_drawer(browser, site_url, seeds_project):
    reader = Reader.open(browser, site_url, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = reader.visit("index.html")
        drawer = ".md-sidebar--primary .md-nav--primary"
        assert not in_view(page, drawer)

        page.locator("label.md-header__button[for='__drawer']").click()
        wait_in_view(page, drawer)
        page.locator(drawer).get_by_role("link", name="Timeline").click()
        page.wait_for_url("**/timeline.html")
        assert reader.problems == []
    finally:
        reader.close()


def test_search_works_from_file_without_a_server(browser, seeds_project):
    site = seeds_project / "site"
    reader = Reader.open(browser, site.as_uri() + "/")
    try:
        page = reader.visit("index.html")
        results = search(page, "Kupiansk")
        assert results and all(url.startswith("file://") for url in results)
        page.goto(results[0])
        assert "Kupiansk" in page.inner_text("article")
        assert reader.problems == []
    finally:
        reader.close()


def broken_site(project: Path, folder: Path) -> Path:
    """The seeds site rebuilt by MkDocs with a footnote without source, a web font and a missing page."""
    docs = folder / "docs"
    shutil.copytree(project / "site_docs", docs)
    topic = docs / first_topic(project).replace(".html", ".md")
    topic.write_text(topic.read_text(encoding="utf-8") + "\nA claim whose source was lost.[^nowhere]\n", encoding="utf-8")
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["theme"]["font"] = {"text": "Roboto"}  # fetched from Google Fonts
    settings["nav"] = [{"Overview": "index.md"}, {"Topic": topic.relative_to(docs).as_posix()}, {"Missing": "missing.html"}]
    settings.update(site_name="Broken", docs_dir=str(docs), site_dir=str(folder / "site"))
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
    mkdocs_build(load_config(config_file=str(config_file), strict=False))
    return folder / "site"


def test_a_broken_site_fails_the_checks(browser, seeds_project, tmp_path):
    with serve(broken_site(seeds_project, tmp_path)) as url:
        reader = Reader.open(browser, url)
        try:
            crawl(reader)
            footnotes = footnote_problems(reader.visit(first_topic(seeds_project)))
        finally:
            reader.close()

    assert any("unresolved footnote [^nowhere]" in p for p in footnotes)
    assert any(p.startswith("request leaves the site: https://fonts.googleapis.com/") for p in reader.problems)
    assert any(p == f"{url}missing.html: HTTP 404" for p in reader.problems)
