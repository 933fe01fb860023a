"""Stage 5, site: Markdown pages -> ``site_docs/`` -> a static site built by MkDocs.

The new ``site_docs/`` and ``site/`` are built beside the old ones and swapped
in only when everything succeeded, so a failed build never leaves a half-written
briefing behind.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage
from pagefind_bin import get_executable as pagefind_executable

from briefing.assets import FOLDER as ASSETS
from briefing.errors import BriefingError
from briefing.pages import Page
from briefing.site_cache import FOOTNOTES, SEARCH_EXCLUDED_FOOTNOTES, RenderCache, hard_link, search_language, without_footnotes

MKDOCS_FILE = "mkdocs.yml"
#: Written into site_docs/ with the other assets (briefing/assets/); see the file.
VERSION_SELECTOR_SCRIPT = f"{ASSETS}/version-selector.js"
_REFERENCE = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.M)


def mkdocs_settings(project: Path) -> Path:
    """The project's mkdocs.yml; a user error naming it if it is gone."""
    config_file = project / MKDOCS_FILE
    if not config_file.is_file():
        raise BriefingError(f"{config_file}: not found; the site needs MkDocs settings (see README)")
    return config_file


def check_footnotes(pages: Sequence[Page]) -> None:
    """Every footnote reference has exactly one definition on its page, and every definition is used.

    MkDocs' strict mode does not catch these, so the build checks them itself.
    """
    for page in pages:
        definitions = Counter(_DEFINITION.findall(page.text))
        body = _DEFINITION.sub("", page.text)
        references = set(_REFERENCE.findall(body))
        problems = [f"[^{label}] is defined {n} times" for label, n in sorted(definitions.items()) if n > 1]
        problems += [f"[^{label}] has no definition" for label in sorted(references - set(definitions))]
        problems += [f"[^{label}] is defined but never cited" for label in sorted(set(definitions) - references)]
        if problems:
            raise BriefingError(f"site_docs/{page.path}: {problems[0]}; check the templates in templates/")


def write_docs(pages: Sequence[Page], files: dict[str, str], folder: Path, last: Path | None = None) -> list[Path]:
    """Write the pages and data files into an empty ``folder``; return the files not as they stand in ``last``.

    A file written as it stands in ``last`` (the last build's folder) takes that file's times, so that
    recording the version need not read it again (:data:`briefing.version.TRUST_TIMES`).
    """
    if folder.exists():
        shutil.rmtree(folder)
    changed = []
    for path, text in [(p.path, p.text) for p in pages] + sorted(files.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        if last is None or not _same_times(last / path, target, data):
            changed.append(target)
    return changed


def _same_times(before: Path, target: Path, data: bytes) -> bool:
    """Give ``target`` the times of ``before`` if ``before`` holds exactly ``data``; whether it did."""
    try:
        stat = before.stat()
        if stat.st_size != len(data) or before.read_bytes() != data:
            return False
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        return True
    except OSError:
        return False  # no such file before, or unreadable: the new file is read again when recorded


@dataclass(frozen=True)
class Built:
    """What a build of the site had to work out anew."""

    rendered: int
    """Pages whose Markdown MkDocs rendered; the others' rendering came from the page cache."""
    laid_out: int
    """Pages the theme laid out; the others' layout came from the page cache."""


def build_html(
    project: Path,
    docs: Path,
    site: Path,
    site_name: str,
    nav: list,
    epoch: int,
    cache: Path,
    versioned: bool = False,
    lender: Path | None = None,
    last_search: Path | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Built:
    """Run ``mkdocs build --strict`` on ``docs`` into ``site`` with the project's mkdocs.yml.

    ``epoch`` becomes SOURCE_DATE_EPOCH, the only date MkDocs writes, so the
    same inputs give the same bytes. The rendering and layout of pages that did
    not change since the last build are taken from ``cache`` (see :mod:`briefing.site_cache`).
    ``versioned`` turns on mkdocs-material's version selector, which reads
    ``../versions.json`` (see :mod:`briefing.past_versions`), and the script that
    keeps it quiet from ``file://``. ``lender`` is another build's cache to take
    pages from too, never written to. ``last_search`` is the last build's search
    index, whose unchanged files the new one reuses (see :class:`SearchIndex`). ``meanwhile`` is
    work done once MkDocs has built the site, while Pagefind indexes it.
    """
    config_file = mkdocs_settings(project)
    mkdocs_logger = logging.getLogger("mkdocs")
    previous_level = mkdocs_logger.level
    mkdocs_logger.setLevel(logging.WARNING)
    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        config = load_config(
            config_file=str(config_file),
            docs_dir=str(docs),
            site_dir=str(site),
            site_name=site_name,
            nav=nav,
            strict=True,
        )
        if versioned:
            config.extra["version"] = {"provider": "mike"}
            if (docs / VERSION_SELECTOR_SCRIPT).is_file():  # a version recorded before it has none
                config.extra["polyfills"] = [*config.extra.get("polyfills", []), VERSION_SELECTOR_SCRIPT]
        render_cache = RenderCache(cache, lender)
        search = SearchIndex(site, last_search, render_cache)
        config.plugins["briefing/render-cache"] = render_cache
        config.plugins["briefing/footnotes-out-of-search"] = FootnotesOutOfSearch()
        config.plugins["briefing/search-index"] = search

        def site_then_meanwhile() -> None:
            mkdocs_build(config)
            render_cache.save()  # while Pagefind indexes
            if meanwhile:
                meanwhile()

        try:
            # In a thread of its own, whose priority Pagefind's start may lower (SearchIndex.start).
            _in_thread(site_then_meanwhile)
        except BaseException:
            search.stop()
            raise
        search.finish()
        return Built(render_cache.rendered, render_cache.laid_out)
    except ConfigurationError as exc:
        raise BriefingError(f"{config_file}: {exc}") from None
    except Abort as exc:
        raise BriefingError(f"mkdocs build --strict failed: {exc}; see the warnings above") from None
    finally:
        mkdocs_logger.setLevel(previous_level)
        if saved_epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch


def _in_thread(work: Callable[[], None]) -> None:
    """Do ``work`` in a thread of its own and wait for it; what it raises is raised here."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # handed to the waiting thread
            failed.append(exc)

    # A daemon: a build interrupted while it waits (Ctrl-C) does not wait for the site as well.
    thread = threading.Thread(target=run, name="site", daemon=True)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]


#: The priority (a nice value) that the site's build takes on while Pagefind indexes, in its thread
#: (:func:`_in_thread`): both want every core, and the build waits for Pagefind, which ends last.
#: Given the cores first, Pagefind ends about half a second sooner at thousands of articles.
BEHIND_PAGEFIND = 10


def _behind_pagefind() -> None:
    """Lower this thread's priority below Pagefind's, unless it is the main thread (whose priority
    could not be raised back) or the system has no priority per thread (only Linux has)."""
    if sys.platform.startswith("linux") and threading.current_thread() is not threading.main_thread():
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BEHIND_PAGEFIND)
        except OSError:
            pass  # not allowed here: the build is as fast as without


#: Indexed by Pagefind: a page's own text, without the theme's navigation, its footnotes
#: (as in the theme's search, see :class:`FootnotesOutOfSearch`) or the heading anchors' "¶".
PAGEFIND_ROOT = "article.md-content__inner"
PAGEFIND_EXCLUDE = ".footnote, .headerlink"
#: A footnote's number where a statement cites it, as Python-Markdown writes it ("fnref2:" when cited
#: again). Taken out of Pagefind's documents, not excluded by a selector: Pagefind keeps an excluded
#: element's id as an anchor and drops the punctuation after it.
FOOTNOTE_MARK = re.compile(r'<sup id="fnref\d*:[^"]*"><a class="footnote-ref" href="#fn:[^"]*">\d+</a></sup>')


class SearchIndex(BasePlugin):
    """Pagefind's search index of the site, in ``site/pagefind/``: what the site searches over HTTP.

    Its index is cut in chunks and a query loads only those it needs
    (``briefing/assets/pagefind-search.js``); from ``file://``, where it cannot
    load, the theme's own search runs. Pagefind writes the same bytes for the same site.

    As an MkDocs plugin, it starts Pagefind as soon as every page is rendered, while the
    theme lays the pages out and MkDocs writes them: when ``renderings`` (the build's
    :class:`~briefing.site_cache.RenderCache`) knows every page's rendering before MkDocs
    reads the pages (a rebuild, see :meth:`~briefing.site_cache.RenderCache.renderings`), at
    the navigation, half a second sooner at thousands of articles. Pagefind reads, for each page, a
    document holding what the theme's layout puts in :data:`PAGEFIND_ROOT` (the page's
    HTML), less its footnotes and the numbers that cite them: the same index as Pagefind
    makes of the written pages without those numbers (a test compares the two), without
    waiting for them. A third of the pages' HTML is those numbers: without them Pagefind
    reads a third less, and a search result no longer loads their anchors. The documents are
    kept in the page cache: a page whose rendering the last build made too is given to Pagefind
    as the document made then, without reading that rendering first.

    ``last`` is the last build's index. Pagefind names each chunk of its index by a
    digest of what the chunk holds and leaves a chunk alone when a file of that name
    is there already, so the last index's chunks are linked in first: the chunks of
    unchanged pages are not compressed again. Those the new index does not name are
    removed after, so the folder holds what indexing from nothing writes.
    """

    def __init__(self, site: Path, last: Path | None = None, renderings: RenderCache | None = None) -> None:
        super().__init__()
        self.site = site
        self.last = last
        self.renderings = renderings
        self.copies = site.parent / f"{site.name}.search"
        self.run: subprocess.Popen | None = None
        self.reused: list[Path] = []

    @event_priority(-100)  # after the render cache's on_nav, which renders the changed pages ahead
    def on_nav(self, nav, *, config, files):
        known = self.renderings.renderings(files) if self.renderings else None
        if known is not None:
            # What MkDocs will make of each page's content before on_env (only briefing's plugins act on it);
            # a search document kept from an earlier build is already made of it.
            on_content = partial(config.plugins.on_page_content, config=config, files=files)
            self._start([(page, html if isinstance(html, Path) else on_content(html, page=page)) for page, html in known], config)
        return nav

    @event_priority(-100)  # after the other plugins' on_env: every page is rendered by now
    def on_env(self, env, *, config, files):
        if self.run is None:
            pages = [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_included)]
            self._start([(page, page.content or "") for page in pages], config)
        return env

    def _start(self, pages: Sequence[tuple[MkDocsPage, str | Path]], config: MkDocsConfig) -> None:
        """Start Pagefind on the build's ``pages``; the search documents made are kept in the page cache for the next build."""
        language = search_language(config)
        self.start([(page.file.dest_uri, html) for page, html in pages], language)
        if self.renderings is not None:
            for page, html in pages:
                if not isinstance(html, Path):
                    self.renderings.keep_document(page, language, self.copies / page.file.dest_uri)

    def start(self, pages: Sequence[tuple[str, str | Path]], language: str) -> None:
        """Start Pagefind on ``pages``: (path in the site, the page's HTML, its footnotes marked as for the
        theme's search, or the search document an earlier build made of that HTML)."""
        output = self.site / PAGEFIND_FOLDER
        if self.last is not None and self.last.resolve() != output.resolve():
            self.reused = _link_chunks(self.last, output)
        shutil.rmtree(self.copies, ignore_errors=True)
        for path, html in pages:
            copy = self.copies / path
            copy.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(html, Path):
                hard_link(html, copy)
            else:
                copy.write_text(_search_document(FOOTNOTE_MARK.sub("", without_footnotes(html)), language), "utf-8")
        command = [
            str(pagefind_executable()), "--site", str(self.copies), "--output-path", str(output.resolve()),
            "--root-selector", PAGEFIND_ROOT, "--exclude-selectors", PAGEFIND_EXCLUDE, "--silent",
        ]  # fmt: skip
        self.run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _behind_pagefind()

    def finish(self) -> None:
        """Wait for Pagefind, started once the pages were rendered; a failure is the build's."""
        assert self.run is not None, "Pagefind starts at MkDocs' on_env event"
        try:
            out, err = self.run.communicate()
        finally:
            self.stop()
        if self.run.returncode != 0:
            problem = (err or out).strip().splitlines() or [f"exit {self.run.returncode}"]
            raise BriefingError(f"{self.site}: Pagefind could not index the site for search ({problem[0]})")
        _remove_unnamed(self.site / PAGEFIND_FOLDER, self.reused)

    def stop(self) -> None:
        """Stop Pagefind if it still runs (the build failed), and remove the pages' copies."""
        if self.run is not None and self.run.returncode is None:
            self.run.kill()
            self.run.communicate()
        shutil.rmtree(self.copies, ignore_errors=True)


def _search_document(html: str, language: str) -> str:
    """A page for Pagefind: its HTML where the theme puts it, in the language the theme gives the page."""
    tag, css_class = PAGEFIND_ROOT.split(".")
    head = f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head>'
    return f'{head}<body><{tag} class="{css_class}">{html}</{tag}></body></html>'


PAGEFIND_FOLDER = "pagefind"
#: The files of a Pagefind index named by a digest of their contents (Pagefind's "immutable" files).
_CHUNKS = ("*.pf_meta", "fragment/*.pf_fragment", "index/*.pf_index", "filter/*.pf_filter")
#: Every compressed file of a Pagefind index starts with this, then the data.
_PAGEFIND_DATA = b"pagefind_dcd"


def _link_chunks(last: Path, output: Path) -> list[Path]:
    """Hard links in ``output`` to the content-named chunks of the index ``last``, never written to by Pagefind."""
    linked = []
    for pattern in _CHUNKS:
        for chunk in last.glob(pattern):
            target = output / chunk.relative_to(last)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(chunk, target)
            except OSError:
                continue  # another file system, or gone: Pagefind writes it itself
            linked.append(target)
    return linked


def _remove_unnamed(output: Path, reused: Sequence[Path]) -> None:
    """Remove the linked-in chunks that the new index's entry and metadata do not name."""
    if not reused:
        return
    entry = json.loads((output / "pagefind-entry.json").read_text("utf-8"))
    metas = [output / f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()]
    named = b"".join(gzip.decompress(meta.read_bytes()).removeprefix(_PAGEFIND_DATA) for meta in metas)
    keep = set(metas)
    for chunk in reused:
        if chunk not in keep and (chunk.suffix == ".pf_meta" or chunk.stem.encode() not in named):
            chunk.unlink()


class FootnotesOutOfSearch(BasePlugin):
    """Keeps each page's footnotes out of the search index.

    A footnote repeats a sentence the page shows, or another source's wording of
    it; indexed, the footnotes made the index that a reader's browser loads to
    search about twice as large. A search finds the statement, and its
    footnotes are beside it.
    """

    def on_page_content(self, html: str, *, page, config, files) -> str:
        # The search plugin skips an element with this attribute, then removes the attribute.
        return html.replace(FOOTNOTES, SEARCH_EXCLUDED_FOOTNOTES, 1)


#: Navigation labels that are not the page's heading: the What changed page's names the version, and in the
#: navigation it would change every page of the site with every version.
NAV_LABELS = {"changes.md": "What changed"}
#: Where the navigation lists the pages after the overview and the topics; others follow by path.
NAV_ORDER = ("timeline.md", "people.md", "quotes.md", "sources.md", "changes.md", "history.md")
_HEADING = "# "


def navigation(pages: Sequence[Page], topics: Sequence[str]) -> list:
    """The overview first, the topics grouped in the order of ``topics`` (their ids), then the other pages.

    Worked out from the pages' paths and headings alone, not from the order they come in,
    so a past version's site built from its committed ``site_docs/`` gets the navigation
    its own build gave it. The pages after the first of a paginated page (``people/x.md``
    beside ``people.md``) are left to the first one's page links: thousands of articles
    must not make the navigation long.
    """
    paths = {p.path for p in pages}
    listed = [p for p in pages if p.path != "index.md" and p.path.rsplit("/", 1)[0] + ".md" not in paths]
    topic_rank = {f"topics/{topic}.md": i for i, topic in enumerate(topics)}
    page_rank = {path: i for i, path in enumerate(NAV_ORDER)}
    in_topics = sorted((p for p in listed if p.path.startswith("topics/")), key=lambda p: (topic_rank.get(p.path, len(topics)), p.path))
    others = sorted((p for p in listed if not p.path.startswith("topics/")), key=lambda p: (page_rank.get(p.path, len(NAV_ORDER)), p.path))
    nav: list = [{"Overview": "index.md"}]
    if in_topics:
        nav.append({"Topics": [{_label(p): p.path} for p in in_topics]})
    return nav + [{_label(p): p.path} for p in others]


def _label(page: Page) -> str:
    """A page's label in the navigation: its heading (its first line)."""
    first = page.text.split("\n", 1)[0]
    return NAV_LABELS.get(page.path) or (first.removeprefix(_HEADING) if first.startswith(_HEADING) else page.path)


#: Written before the new folders move in and removed once all of them are in: while it
#: exists, a build that was killed can be undone (see :func:`recover_swap`).
SWAP_JOURNAL = "swap.json"


def swap_in(staging: Path, target: Path, names: Sequence[str]) -> None:
    """Move ``staging/<name>`` to ``target/<name>`` for every name, replacing the old folders.

    A kill at any moment leaves either all the old folders or all the new ones
    once :func:`recover_swap` has run: the old folders are kept as
    ``.<name>.old`` until the journal, the single point of no return, is removed.
    """
    recover_swap(staging, target, names)
    journal = staging / SWAP_JOURNAL
    existed = [name for name in names if (target / name).exists()]
    tmp = journal.with_suffix(".tmp")
    tmp.write_text(json.dumps({"names": list(names), "existed": existed}), encoding="utf-8")
    os.replace(tmp, journal)
    for name in names:
        if name in existed:
            (target / name).rename(_old(target, name))
        (staging / name).rename(target / name)
    journal.unlink()
    for name in existed:
        shutil.rmtree(_old(target, name))


def recover_swap(staging: Path, target: Path, names: Sequence[str]) -> None:
    """Undo a swap that a kill interrupted, and clear what a finished one left behind.

    Safe to run again if it is itself interrupted: the journal goes last.
    """
    journal = staging / SWAP_JOURNAL
    if journal.exists():
        data = json.loads(journal.read_text("utf-8"))
        for name in data["names"]:
            old, current = _old(target, name), target / name
            if old.exists():
                if current.exists():
                    shutil.rmtree(current)
                old.rename(current)
            elif name not in data["existed"] and current.exists():
                shutil.rmtree(current)  # the new folder of a first build that never completed
        journal.unlink()
    for name in names:
        if _old(target, name).exists():
            shutil.rmtree(_old(target, name))


def _old(target: Path, name: str) -> Path:
    return target / f".{name}.old"
