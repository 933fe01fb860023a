"""Part of stage 5, site: a rebuild renders and lays out only the pages that changed.

MkDocs renders every page on every build, and at thousands of articles that is
most of a build: Python-Markdown's conversion, the search plugin's parse of
each page's HTML and the theme laying out each page. Most pages of a rebuild are
the Markdown of the last build, so this MkDocs plugin keeps, for each page, what
rendering produced (the HTML, the table of contents, the title, the anchors the
page has and the links it makes), the page's search-index entries and the page
as the theme laid it out, each keyed by everything it depends on, and hands them
back instead of working them out again.

A laid-out page depends on the theme's template and everything it is given: the
settings (mkdocs.yml as loaded, the site's name, the navigation, the version
selector), the theme's own files and the software's versions, and the page
(address, title, rendered HTML, table of contents, metadata). Its neighbours in
the navigation follow from the navigation and its address. mkdocs-material does
not read the build date or the list of all pages when it lays out a page, so a
new version's date or an added page leaves the other pages' layout as it was.

How a page renders depends on the settings and on whether the pages it links
to exist, so an entry is keyed by the settings and the page's Markdown, and
used only while every page its HTML links to is still there. Entries are saved
only once a build has succeeded, so a page whose rendering
warned (a broken link, say) is never taken from the cache and ``--strict`` sees
the warning again; entries that build did not use are removed then, so the
cache holds one build's pages. An unreadable entry is rendered again, never trusted.

A page that must be rendered is put together from the pieces of pages rendered
before where it can (:mod:`briefing.page_pieces`): most of a changed page is what it was.
Pieces are written as they are rendered, whatever becomes of the build: a piece is what
its text renders to, and one whose links no longer all lead somewhere is not used.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from importlib.metadata import version as installed
from pathlib import Path
from typing import Any

import jinja2
import markdown
import material
import mkdocs
from material.plugins.search.plugin import Element, Parser, SearchIndex, Section
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc
from mkdocs.theme import Theme
from mkdocs.utils import meta

from briefing import page_pieces
from briefing.workers import available_cores, forked_pool

#: The log that decides whether MkDocs collects a page's links to anchors.
_PAGES_LOG = logging.getLogger(mkdocs.structure.pages.__name__)
#: The file of :class:`~briefing.page_pieces.Pieces` in the cache's folder.
PIECES = "pieces.sqlite"
#: From this many pages to render on, they are rendered on every core (:meth:`RenderCache._render_ahead`).
PARALLEL_RENDERS = 8
#: Plugin events a page goes through before the search index reads it.
_BEFORE_SEARCH = ("pre_page", "page_read_source", "page_markdown", "page_content")
#: Bump when what an entry holds, or how a page's search document is made, changes; older entries are then not found.
CACHE_VERSION = 5
#: The file in the cache's folder of each page rendering's links (its entry's "targets"): a rebuild knows an
#: unchanged page's kept search document usable without reading the rendering (:meth:`RenderCache._render_ahead`).
TARGETS = "targets.json"
#: The name MkDocs knows the search plugin by (mkdocs-material's).
SEARCH_PLUGIN = "material/search"
#: How Python-Markdown starts a page's footnotes.
FOOTNOTES = '<div class="footnote">'
#: How they start once :class:`briefing.site.FootnotesOutOfSearch` has marked them for the search to leave out.
SEARCH_EXCLUDED_FOOTNOTES = FOOTNOTES.removesuffix(">") + ' data-search-exclude="footnotes">'
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
        self.laid_out = 0
        """Pages the theme laid out in this build because no entry held them."""
        self.layout_salt = ""
        self.navigation = ""
        self.search: Any = None
        """The search plugin's index, if the site has one."""
        self.ahead: dict[str, Any] = {}
        """Entries made or found usable before MkDocs asks for them (:meth:`_render_ahead`), by file name."""
        self.pieces = page_pieces.Pieces(folder / PIECES, lender / PIECES if lender else None)
        """The pieces of the pages rendered, that a changed page is put together from (:mod:`briefing.page_pieces`)."""
        self.documents: dict[str, Path] = {}
        """By the name of a page's rendering, the search document an earlier build made of it (:meth:`renderings`)."""
        self.read_ahead: set[str] = set()
        """The pages (by source) :meth:`_render_ahead` read the Markdown of: MkDocs need not read them again."""
        self.only_ours = False
        """Whether briefing's own plugins alone act on a page before the search index reads it."""
        self.names: dict[str, tuple[str, str]] = {}
        """By page, its Markdown and the name of its rendering's entry (:meth:`_page_name`)."""
        self.sections: dict[str, tuple[list[tuple[str, dict[str, Any]]], dict[str, int]]] = {}
        """By page, the pieces of its sections and its footnotes' numbers, from its rendering to its search entries."""

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
        before_search = [h for event in _BEFORE_SEARCH for h in config.plugins.events[event]]
        self.only_ours = all(type(getattr(h, "__self__", None)).__module__.startswith("briefing.") for h in before_search)
        search = config.plugins.get(SEARCH_PLUGIN)
        if search is not None and hasattr(search, "search_index"):
            index = search.search_index
            self.search = index
            index.add_entry_from_context = self._indexer(index.add_entry_from_context, index.entries)
            handlers = config.plugins.events["page_context"]
            handlers[:] = [_SearchPageContext(search) if handler == search.on_page_context else handler for handler in handlers]

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._render_ahead(config, files)
        return nav

    def _render_ahead(self, config: MkDocsConfig, files: Files) -> None:
        """Render the pages no entry holds, and work out their search entries, on every core.

        MkDocs renders the pages one after another when it reads them, right after this
        event; it then finds these among the entries. This process takes a share: a worker
        forked from it counts as much memory again, as the benchmark sums it. Only while
        briefing's own plugins alone act on a page before the search index reads it.
        """
        cores = available_cores()
        if cores < 2 or not self.only_ours:
            return
        pages = []
        language = search_language(config)
        kept = self._kept_targets()
        for file in files.documentation_pages():
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)  # as MkDocs makes the pages the navigation leaves out
            if file.page is not None:
                _read_source(file.page, config)
                self.read_ahead.add(file.src_uri)
                name = self._page_name(file.page)
                if document := self._kept_document(name, language, kept):
                    self.documents[name] = document  # its rendering is read when MkDocs asks, behind Pagefind
                elif self._usable(entry := self._load(name), file.page):
                    self.ahead[name] = entry  # checked once: MkDocs takes it from here
                else:
                    pages.append(file.page)
        if len(pages) < PARALLEL_RENDERS:
            return
        global _AHEAD
        pages.sort(key=lambda page: -len(page.markdown or ""))  # the longest first
        # Each process takes the next page no other has taken: a page's cost is in its changed pieces, not its length.
        untaken = _Untaken(pages)
        _AHEAD = (self, config, files, untaken)
        pool = forked_pool(cores - 1)
        try:
            shares = [pool.submit(_render_share) for _ in range(1, cores)]
            found = [entries for _page, entries in _rendered(untaken, self, config, files)]  # this process's share
            self.pieces.write()
            found += [share.result() for share in shares]
            for entries in found:
                self.ahead.update(entries)
                self.rendered += sum(name.startswith("page-") for name in entries)
        finally:
            pool.shutdown(cancel_futures=True)
            _AHEAD = None

    def _kept_targets(self) -> dict[str, tuple[Path, Any]]:
        """By the name of a rendering an earlier build kept, the folder keeping it and the links it makes."""
        found: dict[str, tuple[Path, Any]] = {}
        for folder in filter(None, (self.lender, self.folder)):  # this cache's own last
            try:
                found |= {name: (folder, targets) for name, targets in json.loads((folder / TARGETS).read_text("utf-8")).items()}
            except (OSError, ValueError, AttributeError):
                continue
        return found

    def _kept_document(self, name: str, language: str, kept: Mapping[str, tuple[Path, Any]]) -> Path | None:
        """The search document an earlier build made of the rendering ``name``, while every link of it leads somewhere;
        one found is kept for the next build too."""
        folder, targets = kept.get(name, (None, None))
        if folder is None or not isinstance(targets, list) or not self.urls.issuperset(targets):
            return None
        document = folder / self._name("document", name, language)
        if not document.is_file():
            return None
        self.entries[document.name] = document  # kept for the next build
        return document

    def renderings(self, files: Files) -> list[tuple[Page, str | Path]] | None:
        """Each page of the build and its rendered HTML, or the search document an earlier build made of that
        rendering, when :meth:`_render_ahead` found or made them all before MkDocs reads the pages; else None.
        Asked at the navigation, after :meth:`on_nav`."""
        found: list[tuple[Page, str | Path]] = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            page = file.page
            if page is None or page.markdown is None:
                return None
            name = self._page_name(page)
            if (entry := self.ahead.get(name)) is not None:
                found.append((page, entry["content"] or ""))
            elif (document := self.documents.get(name)) is not None:
                found.append((page, document))
            else:
                return None
        return found

    def keep_document(self, page: Page, language: str, document: Path) -> None:
        """Keep ``document``, the search document made of ``page``'s rendering, for the builds after this one:
        only while briefing's own plugins alone act on a page's HTML, whose code the entries' names stand for."""
        if self.only_ours:
            self.entries[self._name("document", self._page_name(page), language)] = document

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs calls page.read_source() and page.render() right after this event: the instance's own go first.
        page.read_source = partial(_read_already if page.file.src_uri in self.read_ahead else _read_source, page)  # type: ignore[method-assign]
        page.render = self._renderer(page)  # type: ignore[method-assign]
        return page

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # A kept layout is the page as MkDocs wrote it: a plugin that changes a page after its
        # layout would change it twice.
        if not config.plugins.events["post_page"]:
            self.layout_salt = _layout_salt(config)
            env.get_template = self._kept_layouts(env.get_template)  # type: ignore[method-assign]
        return env

    def _kept_layouts(self, get_template: Callable[..., jinja2.Template]) -> Callable[..., Any]:
        def kept_or_new(name: str, parent: str | None = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            # MkDocs asks for the page template with no parent; the templates it extends or includes
            # are asked for by Jinja with one.
            return template if parent is not None else _Layout(template, self)

        return kept_or_new

    def _layout(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        page: Page = context["page"]
        if not self.navigation:  # every page is rendered by now, so every title in it is known
            self.navigation = json.dumps(_navigation(context["nav"].items))
        name = self._name(
            "layout",
            self.layout_salt,
            self.navigation,
            template.name or "",
            page.url,
            page.file.src_uri,
            page.title or "",
            page.content or "",
            json.dumps([_toc_token(item) for item in page.toc]),
            json.dumps(page.meta, sort_keys=True, default=repr),
            json.dumps([page.canonical_url, page.edit_url, context["base_url"], context["extra_css"], context["extra_javascript"]]),
            json.dumps({key: value for key, value in context.items() if key not in _LAYOUT_CONTEXT}, sort_keys=True, default=repr),
        )
        destination = Path(page.file.abs_dest_path)
        for folder in filter(None, (self.folder, self.lender)):
            if not (folder / name).is_file():
                continue
            # The kept page is linked in, not read and written again (a hundred megabytes at thousands
            # of articles); MkDocs writes no page whose layout is empty.
            destination.parent.mkdir(parents=True, exist_ok=True)
            hard_link(folder / name, destination)
            self.entries[name] = folder / name
            return ""
        self.laid_out += 1
        self.entries[name] = Path(page.file.abs_dest_path)  # the page as MkDocs writes it, linked in by save()
        return template.render(context)

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> list[str]:
        """Render ``page`` as MkDocs does, from the pieces of pages rendered before where it can; the keys of its pieces.

        The page's sections are kept for :meth:`_index` to read the search's sections from.
        """

        def render_text(text: str) -> page_pieces.Rendering:
            markdown = page.markdown
            page.markdown = text
            try:
                Page.render(page, config, files)
            finally:
                page.markdown = markdown
            links = None
            if page.links_to_anchors is not None:
                links = {file.src_uri: dict(links) for file, links in page.links_to_anchors.items() if file is not page.file}
            return page_pieces.Rendering(page.content or "", _headings(page.toc), page._title_from_render, links)

        salt = f"{self.salt}\0{posixpath.dirname(page.file.src_uri)}"  # a relative link's address depends on the folder
        made = page_pieces.render(page.markdown or "", salt, render_text, self.pieces, lambda html: self._links_resolve(page, html))
        if made.rendering is not None:
            page.content = made.rendering.html
            page.toc = get_toc(page_pieces.nested(made.rendering.headings))
            page._title_from_render = made.rendering.title
            page.present_anchor_ids = page_pieces.anchors(made.rendering.html)
            if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:  # as Page.render collects them
                here = page_pieces.links_here(made.rendering.html)
                elsewhere = {files.get_file_from_path(uri): links for uri, links in made.rendering.links.items()}
                page.links_to_anchors = {page.file: here, **elsewhere} if here else elsewhere
        self.sections[page.file.src_uri] = (made.sections, made.numbers)
        return made.keys

    def _index(self, index: Any, add_entry: Callable[[Page], None], page: Page) -> None:
        """Add ``page``'s entries to the search ``index``, from its sections' pieces when it was put together from them.

        The search parses a page into sections by its headings, and a piece begins at a
        top-level heading: each piece's sections are parsed once and kept with it, with the
        footnote numbers its text shows left as marks.
        """
        sections, numbers = self.sections.pop(page.file.src_uri, ((), {}))
        if not sections or not self.only_ours or index.__class__ is not SearchIndex:  # another plugin may change the HTML
            _index_without_footnotes(add_entry, page)
            return
        if (page.meta.get("search") or {}).get("exclude"):
            return
        for i, (key, piece) in enumerate(sections):
            if "search" not in piece:
                piece["search"] = _search_sections(piece["html"], first=i == 0)
                self.pieces.new[key] = piece
            for tag, excluded, anchor, title, text in piece["search"]:
                if not excluded:
                    section = Section(Element(tag))
                    section.id = anchor
                    section.title = [] if title is None else [page_pieces.numbered(title, numbers)]
                    section.text = [page_pieces.numbered(text, numbers)]
                    index.create_entry_for_section(section, page.toc, page.url, page)

    def _renderer(self, page: Page) -> Callable[[MkDocsConfig, Files], None]:
        def cached_render(config: MkDocsConfig, files: Files) -> None:
            name = self._page_name(page)
            entry = self.ahead.pop(name, None)
            if entry is None and self._usable(loaded := self._load(name), page):
                entry = loaded
            if entry is None:
                pieces = self._render(page, config, files)
                self.rendered += 1
                entry = _rendering(page, pieces)
            else:
                _restore(page, entry, files)
            self.entries[name] = entry

        return cached_render

    def _indexer(self, add_entry: Callable[[Page], None], entries: list) -> Callable[[Page], None]:
        def cached_add_entry(page: Page) -> None:
            name = self._search_name(page)
            cached = self._load(name)
            if not isinstance(cached, list):
                before = len(entries)
                self._index(self.search, add_entry, page)
                cached = entries[before:]
            else:
                entries.extend(cached)
            self.entries[name] = cached

        return cached_add_entry

    def _search_name(self, page: Page) -> str:
        return self._name("search", page.url, page.title or "", json.dumps(page.meta, sort_keys=True, default=repr), page.content or "")

    def _usable(self, entry: Any, page: Page) -> bool:
        """Whether ``entry`` is a rendering of ``page``, every link of it still leading somewhere."""
        return isinstance(entry, dict) and _RENDERING_KEYS <= entry.keys() and self.urls.issuperset(entry["targets"])

    def _links_resolve(self, page: Page, html: str) -> bool:
        """Whether every page or file that ``html`` links to is in this build (a link to one gone must warn)."""
        return self.urls.issuperset(_targets(page, html))

    def _page_name(self, page: Page) -> str:
        """The name of the entry of ``page``'s rendering; worked out once a build for each text of the page."""
        markdown = page.markdown or ""
        known = self.names.get(page.file.src_uri)
        if known is None or known[0] != markdown:
            known = self.names[page.file.src_uri] = (markdown, self._name("page", page.file.src_uri, markdown))
        return known[1]

    def _name(self, kind: str, *parts: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\0" + part.encode(errors="surrogatepass"))
        return f"{kind}-{digest.hexdigest()}.{'html' if kind == 'layout' else 'json'}"

    def _load(self, name: str) -> Any:
        if name in self.ahead:
            return self.ahead[name]
        for folder in filter(None, (self.folder, self.lender)):
            try:
                return json.loads((folder / name).read_text("utf-8"))
            except (OSError, ValueError):
                continue
        return None

    def save(self) -> None:
        """Keep the entries of the build that just succeeded, and only those.

        A laid-out page is kept as a hard link to the page MkDocs wrote (never written to in place).
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        self.pieces.save({key for entry in self.entries.values() if isinstance(entry, dict) for key in entry.get("pieces", ())})
        self._put(TARGETS, {name: entry["targets"] for name, entry in self.entries.items() if isinstance(entry, dict) and "targets" in entry})
        for name, entry in self.entries.items():
            if not (self.folder / name).exists():
                self._put(name, entry)
        for path in self.folder.iterdir():
            if path.name not in self.entries and path.name not in (PIECES, TARGETS):
                path.unlink()

    def _put(self, name: str, entry: Any) -> None:
        """Write ``entry`` (JSON, or a file to link) as ``name`` in the cache's folder, whole or not at all."""
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        os.close(fd)
        if isinstance(entry, Path):
            hard_link(entry, Path(tmp))
        else:
            Path(tmp).write_text(json.dumps(entry, ensure_ascii=False), "utf-8")  # json.dump would encode in Python, not C
        os.replace(tmp, self.folder / name)


class _Untaken:
    """The pages to render, each given to the first process that asks for it: iterated in this
    process and the workers forked from it, each gets the pages none of the others took."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.taken = multiprocessing.get_context("fork").Value("i", 0)  # shared with the workers forked after

    def __iter__(self) -> Iterator[Page]:
        while True:
            with self.taken.get_lock():
                i = self.taken.value
                self.taken.value += 1
            if i >= len(self.pages):
                return
            yield self.pages[i]


#: The plugin, settings, files and pages to render of the build rendering ahead, for its forked workers to find.
_AHEAD: tuple[RenderCache, MkDocsConfig, Files, _Untaken] | None = None


def _render_share() -> dict[str, Any]:
    """In a worker: the entries of its share of the pages to render (see :func:`_rendered`); the pieces rendered are written.

    A page that warns is left out: MkDocs renders it again itself, so that ``--strict``
    counts the warning (the worker's log goes nowhere).
    """
    assert _AHEAD is not None
    cache, config, files, pages = _AHEAD
    warnings = _Warnings()
    logging.getLogger("mkdocs").handlers = [warnings]
    logging.getLogger("mkdocs").propagate = False
    found: dict[str, Any] = {}
    pieces: dict[str, Any] = {}
    for _page, entries in _rendered(pages, cache, config, files):
        if not warnings.count:
            found.update(entries)
            pieces.update(cache.pieces.new)
        warnings.count = 0
        cache.pieces.new.clear()
    cache.pieces.new = pieces
    cache.pieces.write()
    return found


def search_language(config: MkDocsConfig) -> str:
    """The language the theme gives the pages, which the search reads them in."""
    return config.theme.get("language") or "en"


def _read_source(page: Page, config: MkDocsConfig) -> None:
    """Read ``page``'s Markdown and metadata as :meth:`Page.read_source` does, at a tenth of its cost for briefing's pages.

    A page that starts with a heading and has no carriage return holds no metadata: MkDocs'
    :func:`~mkdocs.utils.meta.get_data` would split it into lines and join them again only to
    find that out (0.3 s for the 520 pages at thousands of articles, where the whole read is 0.05 s).
    """
    source = config.plugins.on_page_read_source(page=page, config=config)
    if source is None:
        if page.file.abs_src_path is None:
            source = page.file.content_string
        else:  # read at once, not through the incremental decoder MkDocs reads with
            source = Path(page.file.abs_src_path).read_bytes().decode("utf-8-sig")
    page.markdown, page.meta = (source, {}) if source.startswith("#") and "\r" not in source else meta.get_data(source)


def _read_already(page: Page, config: MkDocsConfig) -> None:
    """Leave ``page``'s Markdown as :meth:`RenderCache._render_ahead` read it earlier in this build."""


def _rendered(pages: Iterable[Page], cache: RenderCache, config: MkDocsConfig, files: Files) -> Iterator[tuple[Page, dict[str, Any]]]:
    """Each page rendered as MkDocs renders it, with the entries that gives: its rendering, and its search entries."""
    search = None if cache.search is None else type(cache.search)(**cache.search.config)  # an index of their own
    for page in pages:
        pieces = cache._render(page, config, files)
        entries = {cache._page_name(page): _rendering(page, pieces)}
        if search is not None:
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
            before = len(search.entries)
            cache._index(search, search.add_entry_from_context, page)
            entries[cache._search_name(page)] = search.entries[before:]
        yield page, entries


def _search_sections(html: str, first: bool) -> list[tuple[str, bool, str | None, str | None, str]]:
    """The sections mkdocs-material's search makes of a piece's HTML: (heading tag, left out, id, title, text).

    A piece after the first begins with its heading, where the search begins a section of
    the page; parsed alone, the search puts an empty section before it, which is dropped.
    """
    parser = Parser()
    parser.feed(page_pieces.cited(html))
    parser.close()
    sections = parser.data
    if not first and sections and sections[0].el.tag == "hx" and not sections[0].title and not "".join(sections[0].text).strip():
        sections = sections[1:]
    return [(s.el.tag, s.is_excluded(), s.id, "".join(s.title) if s.title else None, "".join(s.text)) for s in sections]


def _index_without_footnotes(add_entry: Callable[[Page], None], page: Page) -> None:
    """``add_entry(page)`` given the page without its marked footnotes: the entries the search makes anyway.

    The search leaves the marked footnotes out, but its parser (Python's, slow) reads them
    first: they are about half of a page's HTML.
    """
    content = page.content
    if content:
        page.content = without_footnotes(content)
    try:
        add_entry(page)
    finally:
        page.content = content


def without_footnotes(html: str) -> str:
    """``html`` without its footnotes, marked for the search to leave out, if their block holds no
    other block (so that its first end tag is its own); else ``html`` as it is."""
    begin = html.find(SEARCH_EXCLUDED_FOOTNOTES)
    end = html.find("</div>", begin) + len("</div>") if begin >= 0 else -1
    if begin < 0 or end <= begin or html.count("<div", begin + 1, end):
        return html
    return html[:begin] + html[end:]


class _SearchPageContext:
    """mkdocs-material's search plugin's ``on_page_context`` (9.x), its removal of the search marks made fast.

    It indexes the page, then removes every ``data-search-*`` attribute from the page's
    HTML with a pattern that opens with an optional space, which Python's ``re`` tries
    at every character: 0.7 s over the pages of 2,225 articles, most of them pages
    whose layout is kept anyway. The marks are found by their fixed text instead.
    """

    def __init__(self, search: Any) -> None:
        self.search = search

    def __call__(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
        if self.search.config.enabled:
            self.search.search_index.add_entry_from_context(page)
            page.content = without_search_marks(page.content)


_SEARCH_MARK = re.compile(r'data-search-\w+="[^"]+"')
_SPACE = re.compile(r"\s")


def without_search_marks(html: str) -> str:
    """``re.sub(r'\\s?data-search-\\w+="[^"]+"', "", html)``, as the search plugin removes its marks, in a tenth of the time."""
    if "data-search-" not in html:
        return html
    kept, end = [], 0
    for mark in _SEARCH_MARK.finditer(html):
        start = mark.start()
        if start > end and _SPACE.match(html, start - 1):
            start -= 1
        kept.append(html[end:start])
        end = mark.end()
    kept.append(html[end:])
    return "".join(kept)


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Layout:
    """The theme's page template, giving a page the layout it was given last time when all it reads is the same."""

    def __init__(self, template: jinja2.Template, cache: RenderCache) -> None:
        self.template = template
        self.cache = cache

    def render(self, context: dict[str, Any]) -> str:
        if context.get("page") is None:  # a page of the theme's own (404.html, sitemap.xml)
            return self.template.render(context)
        return self.cache._layout(self.template, context)


#: What MkDocs gives a page's template, besides what plugins add, that a layout's key takes from
#: the settings and the page, or that mkdocs-material does not read (the list of all pages, the build date).
_LAYOUT_CONTEXT = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "build_date_utc", "config", "page"})
#: Settings that say where files are, not what a page shows (the theme does not read them):
#: a project moved elsewhere keeps its layouts. The plugins are taken by their settings.
_LOCATIONS = frozenset({"config_file_path", "docs_dir", "site_dir", "plugins"})
#: What lays pages out, besides the settings.
_LAYOUT_SOFTWARE = ("mkdocs", "mkdocs-material", "jinja2")


def _layout_salt(config: MkDocsConfig) -> str:
    """Everything every page's layout depends on: the settings as loaded, the theme's files and the software."""
    settings = {key: value for key, value in config.items() if key not in _LOCATIONS}
    settings["plugins"] = {name: dict(plugin.config) for name, plugin in config.plugins.items()}
    theme = hashlib.sha256()
    installed_themes = [Path(material.__file__).parent, Path(mkdocs.__file__).parent]
    for folder in map(Path, config.theme.dirs):
        if any(folder.is_relative_to(package) for package in installed_themes):
            continue  # the package's version says what it holds
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):  # a custom_dir of the project's
            theme.update(f"{path.relative_to(folder)}\0".encode() + path.read_bytes())
    software = [f"{name} {installed(name)}" for name in _LAYOUT_SOFTWARE]
    return json.dumps([settings, theme.hexdigest(), software], sort_keys=True, default=_plain)


def _plain(value: Any) -> Any:
    """A setting as JSON can hold it, the same in every run (a set's order changes with Python's hash seed)."""
    if isinstance(value, Theme):
        return {"name": value.name, "dirs": value.dirs, "static_templates": value.static_templates, "settings": dict(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, Mapping):
        return dict(value)
    return repr(value)


def _navigation(items: list) -> list:
    """The navigation as the theme shows it: titles, addresses and sections."""
    return [[item.title, getattr(item, "url", None), _navigation(getattr(item, "children", None) or [])] for item in items]


def hard_link(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (replacing it), or a copy across file systems."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _targets(page: Page, html: str) -> set[str]:
    """The pages and files of the site that ``html``, shown at ``page``'s address, links to."""
    here = posixpath.dirname(page.url)
    return {_normal(posixpath.join(here, href)) for href in _LOCAL_LINK.findall(html) if href}


def _normal(url: str) -> str:
    """A site-relative address without ``./``, ``..`` or the slash of a directory address."""
    normal = posixpath.normpath(url).strip("/")
    return "" if normal == "." else normal


#: What an entry of a page's rendering holds (see :func:`_rendering`).
_RENDERING_KEYS = frozenset({"content", "toc", "title", "anchors", "links", "targets"})


def _rendering(page: Page, pieces: list[str]) -> dict[str, Any]:
    """What :meth:`Page.render` worked out, as JSON, with the keys of the page's pieces."""
    return {
        "pieces": pieces,
        "content": page.content,
        "toc": [_toc_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if page.links_to_anchors is None else {file.src_uri: links for file, links in page.links_to_anchors.items()},
        # Checked against each build's files: read once here, not from the HTML every build.
        "targets": sorted(_targets(page, page.content or "")),
    }


def _restore(page: Page, entry: dict[str, Any], files: Files) -> None:
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if entry["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in entry["links"].items()}


def _headings(toc: Iterable[AnchorLink]) -> list[dict[str, Any]]:
    """A table of contents' headings, in order, not nested."""
    return [heading for item in toc for heading in [{"level": item.level, "id": item.id, "name": item.title}, *_headings(item.children)]]


def _toc_token(item: AnchorLink) -> dict[str, Any]:
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_toc_token(c) for c in item.children]}
