"""Past versions a reader can open: a two-version repository's site carries version 1 under
site/versions/1/, the very site version 1's build made, and built again from git without
touching the work tree it is the same, byte for byte; mkdocs-material's version selector opens
it in Chromium; `briefing serve --version 1` serves it on its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest

from browser import Reader, serve
from conftest import REPO, build, make_project
from test_serve import fetch, free_port, wait_for

EXTRA = REPO / "tests" / "data" / "extra-article.txt"
EXTRA_TITLE = "Kyiv weighs US draft as envoys prepare new talks"


def files(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("past") / "briefing")
    assert build(project).version.number == 1
    (project.parent / "v1-site").mkdir()
    shutil.copytree(project / "site", project.parent / "v1-site" / "site")  # what version 1's own build wrote
    index = (project / "site" / "index.html").stat()
    shutil.copy(EXTRA, project / "seeds")
    second = build(project)
    assert second.version.number == 2
    # The theme laid out again only the pages whose HTML changed (the tests below compare the whole
    # site with one built afresh); the others are as version 1's build laid them out.
    v1 = files(project.parent / "v1-site" / "site")
    changed = {p for p, html in files(project / "site").items() if p.suffix == ".html" and v1.get(p) != html and p.parts[0] != "versions"}
    assert 0 < second.laid_out == len(changed) < len([p for p in v1 if p.suffix == ".html"]), (second.laid_out, sorted(changed))
    # Version 1's site is the very files its build wrote, not built again.
    assert (project / "site" / "versions" / "1" / "index.html").stat().st_ino == index.st_ino
    return project


def test_version_1_in_the_site_is_the_site_its_own_build_made(two_versions):
    own = files(two_versions.parent / "v1-site" / "site")
    assert own.pop(Path("versions.json"))  # the newest site's list of versions, which a past site reads one folder up
    assert files(two_versions / "site" / "versions" / "1") == own


def test_the_site_holds_version_1_and_a_build_with_nothing_changed_keeps_it(two_versions, tmp_path):
    site = two_versions / "site"
    old = (site / "versions" / "1" / "sources.html").read_text("utf-8")
    assert EXTRA_TITLE not in old and EXTRA_TITLE in (site / "sources.html").read_text("utf-8")
    assert "What changed in version 1" in (site / "versions" / "1" / "changes.html").read_text("utf-8")
    assert not (site / "versions" / "2").exists()  # the newest version is the site itself
    # A build with nothing changed gives the same bytes, the past version included.
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert build(two_versions).version is None
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    # keep_versions: 0 leaves past versions and the selector out.
    copy = shutil.copytree(two_versions, tmp_path / "copy", symlinks=True)
    with open(copy / "briefing.yml", "a", encoding="utf-8") as config:
        config.write("publish:\n  keep_versions: 0\n")
    build(copy, commit=False)
    assert not (copy / "site" / "versions").exists() and not (copy / "site" / "versions.json").exists()
    assert 'data-md-component="outdated"' not in (copy / "site" / "index.html").read_text("utf-8")


def test_version_1_built_from_git_alone_is_the_site_its_own_build_made(two_versions, tmp_path):
    # Without the kept sites and the page renderings, version 1 is built again from its commit,
    # every page rendered anew: the same bytes as the site its build kept, and so the same site.
    copy = shutil.copytree(two_versions, tmp_path / "copy", symlinks=True)
    for kept in ("versions", "pages"):
        shutil.rmtree(copy / ".briefing" / kept)
    assert build(copy).version is None
    assert files(copy / "site") == files(two_versions / "site")
    # The work tree is as the version commit left it (the project's own mkdocs.yml and templates untracked).
    assert git.Repo(copy).git.status("--porcelain").splitlines() == ["?? mkdocs.yml", "?? templates/"]
    # And with the renderings the last build left (version 2's): they lend what is still the same.
    shutil.rmtree(copy / ".briefing" / "versions")
    assert build(copy).version is None
    assert files(copy / "site") == files(two_versions / "site")


def test_the_version_selector_opens_version_1(browser, two_versions):
    with serve(two_versions / "site") as url:
        reader = Reader.open(browser, url)
        try:
            page = reader.visit("sources.html")
            assert EXTRA_TITLE in page.inner_text("article")
            page.wait_for_selector(".md-version__current")
            assert "v2" in page.inner_text(".md-version__current")
            page.hover(".md-version")
            page.click(".md-version__link:has-text('v1')")
            page.wait_for_url(f"{url}versions/1/**")
            page.wait_for_selector(".md-version__current")
            assert "v1" in page.inner_text(".md-version__current")
            page.goto(f"{url}versions/1/sources.html")
            assert EXTRA_TITLE not in page.inner_text("article")
            page.goto(f"{url}versions/1/changes.html")
            assert "What changed in version 1" in page.inner_text("article")
            # And back to the newest from version 1's selector.
            page.hover(".md-version")
            page.click(".md-version__link:has-text('latest')")
            page.wait_for_url(lambda address: "/versions/" not in address)
            assert reader.problems == []
        finally:
            reader.close()


def test_from_file_no_site_asks_for_the_versions_it_cannot_read(browser, two_versions):
    # A browser refuses ../versions.json from file://, and the request would leave the site's folder.
    site = two_versions / "site"
    reader = Reader.open(browser, site.as_uri() + "/")
    try:
        for path in ("index.html", "versions/1/sources.html"):
            page = reader.visit(path)
            page.wait_for_load_state("networkidle")
            assert page.query_selector(".md-version") is None and page.inner_text("article")
        assert not [url for url in reader.requests if url.endswith("versions.json")]
        assert reader.problems == []
    finally:
        reader.close()


def test_serve_version_serves_an_older_version(two_versions):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", "--version", "1", "--port", str(port)],
        cwd=two_versions, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        page = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/sources.html") or process.poll() is not None)
        assert isinstance(page, str), f"the server ended with {process.returncode}"
        assert "Sources" in page and EXTRA_TITLE not in page
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_an_unknown_version_is_one_line(two_versions):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "serve", "--version", "7"], cwd=two_versions, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and "no version '7'" in result.stderr
