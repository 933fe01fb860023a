"""`briefing serve`: the real command, the real MkDocs dev server, a real file change."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import git

from conftest import REPO, make_project

EXTRA = REPO / "tests" / "data" / "extra-article.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, limit: float = 240.0):
    """Poll until ``condition()`` is truthy (a generous limit, not a timing assertion)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.5)
    return None


def test_serve_previews_and_rebuilds_when_an_article_is_added(tmp_path):
    project = make_project(tmp_path / "p")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", "--port", str(port)],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/sources.html"
        first = wait_for(lambda: fetch(url))
        assert first is not None and "Test Wire" not in first
        shutil.copy(EXTRA, project / "seeds" / "extra-article.txt")
        assert wait_for(lambda: "Test Wire" in (fetch(url) or ""))
        changes = fetch(f"http://127.0.0.1:{port}/changes.html")
        assert "not recorded" in changes
        # A preview records nothing, and rebuilding its own output does not trigger another rebuild.
        time.sleep(3)
        tree = {p: p.stat().st_mtime_ns for p in (project / "site_docs").rglob("*.md")}
        time.sleep(3)
        assert {p: p.stat().st_mtime_ns for p in (project / "site_docs").rglob("*.md")} == tree
        assert server.poll() is None
    finally:
        server.terminate()
        output = server.communicate(timeout=60)[0]
    assert "Traceback" not in output, output
    repo = git.Repo(project)
    assert not repo.tags and len(list(repo.iter_commits())) == 1
