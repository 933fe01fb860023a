"""Part of stage 5, site: a rebuild renders only the pages whose Markdown changed.

MkDocs renders every page on every build, and at thousands of articles that is
most of a build: Python-Markdown's conversion and the search plugin's parse of
each page's HTML. Most pages of a rebuild are the Markdown of the last build, so
this MkDocs plugin keeps, for each page, what rendering produced (the HTML, the
table of contents, the title, the anchors the page has and the links it makes)
and the page's search-index entries, keyed by everything they depend on, and
hands them back instead of working them out again. The theme still lays out
every page, so navigation and page chrome are always current.

How a page renders depends on the settings and on whether the pages it links
to exist, so an entry is keyed by the settings and the page's Markdown, and
used only while every page its HTML links to is still there. Entries are saved
only once a build has succeeded, so a page whose rendering
warned (a broken link, say) is never taken from the cache and ``--strict`` sees
the warning again; entries that build did not use are removed then, so the
cache holds one build's pages. An unreadable entry is rendered again, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

#: Bump when what an entry holds changes; older entries are then not found.
CACHE_VERSION = 1
#: The name MkDocs knows the search plugin by (mkdocs-material's).
SEARCH_PLUGIN = "material/search"
#: The path of a link or image in rendered HTML that stays on the site (no scheme), fragment and query left off.
_LOCAL_LINK = re.compile(r'(?:href|src)="([^"#?:]*)(?=["#?])')


class RenderCache(BasePlugin):
    """An MkDocs plugin that reuses the rendering and search entries of unchanged pages."""

    def __init__(self, folder: Path, lender: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.lender = lender
        """Another build's cache to take entries from when ``folder`` lacks them; never written to."""
        self.salt = ""
        self.urls: set[str] = set()
        self.entries: dict[str, Any] = {}
        """Every entry this build used or made, by file name: what :meth:`save` keeps."""
        self.rendered = 0
        """Pages this build rendered because no entry held them."""

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        settings = [
            CACHE_VERSION,
            mkdocs.__version__,
            markdown.__version__,
            config["markdown_extensions"],
            config["mdx_configs"],
            config["use_directory_urls"],
        ]
        self.salt = json.dumps(settings, sort_keys=True, default=repr)
        self.urls = {_normal(f.url) for f in files}
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is not None and hasattr(search, "search_index"):
            index = search.search_index
            index.add_entry_from_context = self._indexer(index.add_entry_from_context, index.entries)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs calls page.render() right after this event: the instance's own render goes first.
        page.render = self._renderer(page, page.render)  # type: ignore[method-assign]
        return page

    def _renderer(self, page: Page, render: Callable[[MkDocsConfig, Files], None]) -> Callable[[MkDocsConfig, Files], None]:
        def cached_render(config: MkDocsConfig, files: Files) -> None:
            name = self._name("page", page.file.src_uri, page.markdown or "")
            entry = self._load(name)
            if not (isinstance(entry, dict) and _RENDERING_KEYS <= entry.keys() and self._links_resolve(page, entry["content"])):
                render(config, files)
                self.rendered += 1
                entry = _rendering(page)
            else:
                _restore(page, entry, files)
            self.entries[name] = entry

        return cached_render

    def _indexer(self, add_entry: Callable[[Page], None], entries: list) -> Callable[[Page], None]:
        def cached_add_entry(page: Page) -> None:
            name = self._name("search", page.url, page.title or "", json.dumps(page.meta, sort_keys=True, default=repr), page.content or "")
            cached = self._load(name)
            if not isinstance(cached, list):
                before = len(entries)
                add_entry(page)
                cached = entries[before:]
            else:
                entries.extend(cached)
            self.entries[name] = cached

        return cached_add_entry

    def _links_resolve(self, page: Page, html: str) -> bool:
        """Whether every page or file that ``html`` links to is in this build (a link to one gone must warn)."""
        here = posixpath.dirname(page.url)
        return all(_normal(posixpath.join(here, href)) in self.urls for href in _LOCAL_LINK.findall(html) if href)

    def _name(self, kind: str, *parts: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\0" + part.encode())
        return f"{kind}-{digest.hexdigest()}.json"

    def _load(self, name: str) -> Any:
        for folder in filter(None, (self.folder, self.lender)):
            try:
                return json.loads((folder / name).read_text("utf-8"))
            except (OSError, ValueError):
                continue
        return None

    def save(self) -> None:
        """Keep the entries of the build that just succeeded, and only those."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, entry in self.entries.items():
            path = self.folder / name
            if path.exists():
                continue
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False))  # json.dump would encode in Python, not C
            os.replace(tmp, path)
        for path in self.folder.iterdir():
            if path.name not in self.entries:
                path.unlink()


def _normal(url: str) -> str:
    """A site-relative address without ``./``, ``..`` or the slash of a directory address."""
    normal = posixpath.normpath(url).strip("/")
    return "" if normal == "." else normal


#: What an entry of a page's rendering holds (see :func:`_rendering`).
_RENDERING_KEYS = frozenset({"content", "toc", "title", "anchors", "links"})


def _rendering(page: Page) -> dict[str, Any]:
    """What :meth:`Page.render` worked out, as JSON."""
    return {
        "content": page.content,
        "toc": [_toc_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None
        if page.links_to_anchors is None
        else {file.src_uri: links for file, links in page.links_to_anchors.items()},
    }


def _restore(page: Page, entry: dict[str, Any], files: Files) -> None:
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if entry["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in entry["links"].items()}


def _toc_token(item: AnchorLink) -> dict[str, Any]:
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_toc_token(c) for c in item.children]}
