"""Past versions a reader can open: a two-version repository's site carries version 1 under
site/versions/1/, built from git without touching the work tree, and mkdocs-material's version
selector opens it in Chromium; `briefing serve --version 1` serves it on its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import git
import pytest

from browser import Reader, serve
from conftest import REPO, build, make_project
from test_serve import fetch, free_port, wait_for

EXTRA = REPO / "tests" / "data" / "extra-article.txt"
EXTRA_TITLE = "Kyiv weighs US draft as envoys prepare new talks"


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("past") / "briefing")
    assert build(project).version.number == 1
    shutil.copy(EXTRA, project / "seeds")
    assert build(project).version.number == 2
    return project


def test_the_site_holds_version_1_built_from_git_without_touching_the_work_tree(two_versions, tmp_path):
    site = two_versions / "site"
    old = (site / "versions" / "1" / "sources.html").read_text("utf-8")
    assert EXTRA_TITLE not in old and EXTRA_TITLE in (site / "sources.html").read_text("utf-8")
    assert "What changed in version 1" in (site / "versions" / "1" / "changes.html").read_text("utf-8")
    assert not (site / "versions" / "2").exists()  # the newest version is the site itself
    # The work tree is as the version commit left it (the project's own mkdocs.yml and templates untracked).
    assert git.Repo(two_versions).git.status("--porcelain").splitlines() == ["?? mkdocs.yml", "?? templates/"]
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


def test_version_1_built_with_the_renderings_its_build_left_is_version_1_built_from_git_alone(two_versions, tmp_path):
    # The second build laid out version 1 with the page renderings the first build cached; without them,
    # and without the kept site, version 1 is built again from git and every page rendered anew.
    copy = shutil.copytree(two_versions, tmp_path / "copy", symlinks=True)
    for kept in ("versions", "pages"):
        shutil.rmtree(copy / ".briefing" / kept)
    assert build(copy).version is None
    site = {p.relative_to(two_versions): p.read_bytes() for p in (two_versions / "site").rglob("*") if p.is_file()}
    assert {p.relative_to(copy): p.read_bytes() for p in (copy / "site").rglob("*") if p.is_file()} == site


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
