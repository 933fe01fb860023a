"""The pages of a briefing rendered from the Jinja templates of the project's ``templates/`` folder, on every core when there are many."""

from __future__ import annotations

import pickle
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from briefing import pictures
from briefing.content import Briefing, Quote, SourceRef
from briefing.errors import BriefingError
from briefing.pages import kept, pagination
from briefing.pages.markdown import Citations, Markdown, md
from briefing.pages.views import (
    entity_sources,
    family_sources,
    people,
    quotes_by_speaker,
    source_and_title,
    speaker_quotes,
    support,
    topic_path,
    topic_quotes,
)
from briefing.workers import available_cores, in_workers


@dataclass(frozen=True)
class Page:
    path: str
    """Path below ``site_docs/``, e.g. ``topics/plan-terms.md``."""
    title: str
    text: str
    continued: bool = False
    """A numbered page after the first of a paginated page: reached from the first, kept out of the nav."""
    kept: bool = field(default=False, compare=False)
    """Its Markdown is the last build's: nothing it shows had changed (:mod:`briefing.pages.kept`)."""


def _finalize(value: Any) -> Any:
    """Applied by Jinja to every ``{{ value }}``: plain values are escaped for Markdown."""
    return "" if value is None else md(value)


def check_templates(templates: Path) -> None:
    """The pages need the ``templates`` folder: a user error naming it if it is gone."""
    if not templates.is_dir():
        raise BriefingError(f"{templates}: templates folder not found; restore it from the briefing project")


def _environment(templates: Path) -> jinja2.Environment:
    check_templates(templates)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # With autoescape on, macro output is Markup and passes; _finalize escapes the rest.
        autoescape=True,
    )
    env.filters["md"] = md
    env.globals.update(
        # An explicit heading id (attr_list), so links to an entity do not depend on slug rules.
        anchor=lambda name: Markdown("{#" + name + "}"),
        topic_quotes=topic_quotes,
        support=support,
        source_and_title=source_and_title,
        family_sources=family_sources,
        sentence_ref=lambda analysed, sentence: SourceRef(analysed.article.id, sentence.index, sentence.text),
        coverage_picture=pictures.coverage_picture,
        timeline_picture=pictures.timeline_picture,
        dated_events=pictures.dated_events,
    )
    return env


def render_pages(
    briefing: Briefing,
    templates: Path,
    store: Path | None = None,
    check: Callable[[list[Page]], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Page]:
    """Render every page of the briefing, in navigation order.

    With a ``store`` (``.briefing/markdown``), a page whose inputs are those the last build
    rendered it from is taken from there, and the store then holds this build's pages.
    ``check`` sees the pages rendered (not those taken from the store: it saw them when they were)
    before they are stored, and may stop the build. ``meanwhile`` is work that needs no page
    (``briefing.json``, say), done in this process while worker processes render.
    """
    salt = kept.salt(templates) if store else b""
    render = _Renderer(_environment(templates), briefing, kept.load(store, salt) if store else None)
    render.page("index.md.j2", "index.md", briefing.title)
    for topic in briefing.topics:
        if topic.findings:
            parts = pagination.split(topic_path(topic), topic.findings, pagination.FINDINGS_PER_PAGE, lambda f: f.id)
            render.parts("topic.md.j2", parts, topic.title, topic=topic)
    render.page("timeline.md.j2", "timeline.md", "Timeline")
    by_speaker = quotes_by_speaker(briefing)
    quote_parts = pagination.split("quotes.md", speaker_quotes(by_speaker), pagination.QUOTES_PER_PAGE, _quote_key)
    # The page where each speaker's statements start, for links from the people pages.
    quotes_page: dict[str, str] = {}
    for part in quote_parts:
        for anchor_id, _speaker, _quote in part["items"]:
            quotes_page.setdefault(anchor_id, part["path"])
    people_parts = pagination.split("people.md", people(briefing), pagination.PEOPLE_PER_PAGE, lambda e: e.id)
    # Worked out once for all the people pages, not once a page.
    render.parts(
        "people.md.j2",
        people_parts,
        "People and organisations",
        quotes_page=quotes_page,
        first_mentions=entity_sources(briefing),
        said={anchor_id: quotes for anchor_id, _speaker, quotes in by_speaker},
    )
    render.parts("quotes.md.j2", quote_parts, "Quotes")
    source_parts = pagination.split("sources.md", briefing.articles, pagination.SOURCES_PER_PAGE, lambda a: a.article.id)
    render.parts("sources.md.j2", source_parts, "Sources")
    pages = render.all(meanwhile)
    if check:
        check([p for p in pages if not p.kept])
    if store:
        kept.save(store, salt, render.entries)
    return pages


def _quote_key(item: tuple[str, str, Quote]) -> str:
    """Who, and the sentence: names a quotes page (``quotes/marco-rubio-indian-express-a7721b-s6.md``)."""
    anchor_id, _speaker, quote = item
    return f"{anchor_id} {quote.source.label}"


def render_page(briefing: Briefing, templates: Path, template: str, path: str, title: str, **context: Any) -> Page:
    """Render one page that needs more than the briefing (the changes and history pages need git)."""
    return _Renderer(_environment(templates), briefing).render(_PageJob(template, path, title, context))


def _relative(target: str, page: str) -> Markdown:
    """The link from ``page`` to ``target`` (both below ``site_docs/``): MkDocs resolves it relative to the page."""
    return Markdown(posixpath.relpath(target, posixpath.dirname(page) or "."))


@dataclass(frozen=True)
class _PageJob:
    """A page to render: its template, where it goes, its title and what the template is given."""

    template: str
    path: str
    title: str
    context: dict[str, Any]
    continued: bool = False


class _Renderer:
    """Renders the pages of one briefing with one set of templates: :meth:`page` and
    :meth:`parts` say what to render, :meth:`all` renders it, or takes what it can of the
    ``kept`` pages of the last build."""

    def __init__(self, env: jinja2.Environment, briefing: Briefing, kept_pages: dict[str, kept.Entry] | None = None) -> None:
        """Without ``kept_pages`` (None, not empty), pages are only rendered: none is to be kept."""
        self.env = env
        self.briefing = briefing
        self.articles = {a.article.id: a.article for a in briefing.articles}
        self.jobs: list[_PageJob] = []
        self.footnote_texts: dict[str, Markdown] = {}
        self.keeping = kept_pages is not None
        self.kept = kept_pages or {}
        self.entries: dict[str, kept.Entry] = {}
        """This build's pages, as the next build finds them kept; a page that read too much is left out."""
        self.outcomes = kept.Outcomes()

    def page(self, template: str, path: str, title: str, **context: Any) -> None:
        self.jobs.append(_PageJob(template, path, title, context))

    def parts(self, template: str, parts: list[dict[str, Any]], title: str, **context: Any) -> None:
        """One page per part of :func:`~briefing.pages.pagination.split`; the first links to all, the others to the first and their neighbours.

        The pages after the first stay out of the navigation.
        """
        # Every page after the first is in the first's folder: one set of links serves them all.
        from_first = [_relative(p["path"], parts[0]["path"]) for p in parts]
        from_folder = [_relative(p["path"], parts[1]["path"]) for p in parts] if len(parts) > 1 else []
        for i, part in enumerate(parts):
            hrefs = from_folder if i else from_first
            links = [{"number": p["number"], "href": href, "current": p is part} for p, href in zip(parts, hrefs)]
            near = {"first": links[0], "previous": links[i - 1] if i else None, "next": links[i + 1] if i + 1 < len(links) else None}
            numbered = f"{title}, page {part['number']}" if part["number"] > 1 else title
            context_here = {**context, "part": part, "parts": links, "near": near}
            self.jobs.append(_PageJob(template, part["path"], numbered, context_here, continued=part["number"] > 1))

    def all(self, meanwhile: Callable[[], object] | None = None) -> list[Page]:
        """Every page asked for, in order: on every core when there are many, while this process does ``meanwhile``."""
        global _RENDERING
        workers = available_cores() if len(self.jobs) >= PARALLEL_PAGES else 1
        # Forked workers find the renderer here instead of being sent the whole briefing.
        _RENDERING = self
        try:
            shares = [range(start, len(self.jobs), RENDER_SHARES) for start in range(RENDER_SHARES)]
            done = dict(item for share in in_workers(_render_share, shares, workers, meanwhile) for item in share)
        finally:
            _RENDERING = None
        pages = []
        for i, job in enumerate(self.jobs):
            page, entry = done[i]
            if page is None:
                entry = self.kept[job.path]
                page = Page(job.path, job.title, entry[2], job.continued, kept=True)
            if entry:
                self.entries[job.path] = entry
            pages.append(page)
        return pages

    def keep_or_render(self, job: _PageJob) -> tuple[Page | None, kept.Entry | None]:
        """None and None when the kept page still holds (same template, every read as it was); else
        the page rendered, with what the next build needs to keep it (None if it read too much)."""
        if not self.keeping:
            return self.render(job), None
        values = self._values(job)
        entry = self.kept.get(job.path)
        if entry and entry[0] == job.template and (before := _reads(entry)) is not None and self.outcomes.unchanged(values, before):
            return None, None
        reads = kept.Reads(self.outcomes)
        page = self.render(job, reads.watch(values))
        if reads.log is None:
            return page, None
        try:
            return page, (job.template, pickle.dumps(reads.log, protocol=5), page.text)
        except Exception:  # an argument that cannot be kept: the page is rendered again next time
            return page, None

    def _values(self, job: _PageJob) -> dict[str, Any]:
        """What the page is given; ``articles`` are what its footnotes describe."""
        return {"briefing": self.briefing, "articles": self.articles, **job.context}

    def render(self, job: _PageJob, values: dict[str, Any] | None = None) -> Page:
        """The page, from ``values`` (the job's, maybe watched)."""
        values = dict(values or self._values(job))
        citations = Citations(values.pop("articles"), self.footnote_texts)
        try:
            text = self.env.get_template(job.template).render(
                cite=citations.cite,
                footnotes=citations.definitions,
                topic_path=topic_path,
                link=lambda target: _relative(target, job.path),
                **values,
            )
        except jinja2.TemplateError as exc:
            where = f"{getattr(exc, 'filename', None) or job.template}:{getattr(exc, 'lineno', '?')}"
            raise BriefingError(f"templates/{Path(where).name}: {exc.message or exc}") from None
        # One trailing newline and no trailing spaces: stable, quiet diffs.
        text = "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"
        return Page(job.path, job.title, re.sub(r"\n{3,}", "\n\n", text), job.continued)


def _reads(entry: kept.Entry) -> list[kept.Read] | None:
    """A kept page's reads; None if they cannot be read back (the page is then rendered again)."""
    try:
        return pickle.loads(entry[1])
    except Exception:
        return None


#: From this many pages on, they are rendered on every core.
PARALLEL_PAGES = 100
#: Shares the pages are dealt into (every RENDER_SHARES-th page), so the workers finish together.
RENDER_SHARES = 8
#: The renderer whose pages :func:`_render_share` renders, while :meth:`_Renderer.all` runs.
_RENDERING: _Renderer | None = None


def _render_share(share: range) -> list[tuple[int, tuple[Page | None, kept.Entry | None]]]:
    assert _RENDERING is not None
    return [(i, _RENDERING.keep_or_render(_RENDERING.jobs[i])) for i in share]
