"""Stage 4, pages: :class:`~briefing.content.Briefing` -> Markdown pages and ``briefing.json``.

Pages come from the Jinja templates in the project's ``templates/`` folder.
Article text is untrusted: every value a template prints is escaped for
Markdown unless it was produced as Markdown by this module (a footnote
reference, say), so no HTML, link, footnote or Jinja syntax inside an article
can change a page.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from briefing import pictures
from briefing.content import Article, Attribution, Briefing, Entity, Family, Finding, Quote, SourceRef, Topic, publisher_of
from briefing.data import dump
from briefing.errors import BriefingError
from briefing.workers import available_cores, in_workers

SCHEMA_VERSION = 1


class Markdown(markupsafe.Markup):
    """Text that is already Markdown and must be printed as it is.

    It is a ``Markup`` so that Jinja's autoescaping passes it, and the output of
    template macros, through untouched; everything else goes through :func:`md`.
    """


_ESCAPE_INLINE = re.compile(r"([\\`*_{}\[\]|])")
_NUMBERED = re.compile(r"\d+(?=[.)])")


def md(value: Any) -> Markdown:
    """Escape ``value`` so that Markdown and HTML show it as plain text."""
    if hasattr(value, "__html__"):
        return Markdown(value)
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _ESCAPE_INLINE.sub(r"\\\1", text)
    # A value that starts a line must not start a heading, list or admonition.
    numbered = _NUMBERED.match(text)
    if text[:1] in ("#", "+", "-", "!"):
        text = "\\" + text
    elif numbered:
        text = f"{text[:numbered.end()]}\\{text[numbered.end():]}"
    return Markdown(text)


def _finalize(value: Any) -> Any:
    """Applied by Jinja to every ``{{ value }}``: plain values are escaped for Markdown."""
    return "" if value is None else md(value)


@dataclass(frozen=True)
class Page:
    path: str
    """Path below ``site_docs/``, e.g. ``topics/plan-terms.md``."""
    title: str
    text: str
    continued: bool = False
    """A numbered page after the first of a paginated page: reached from the first, kept out of the nav."""


class Citations:
    """The footnotes of one page: each cited sentence defined once, labelled after its source.

    ``texts`` holds the footnote texts already written, by label: a sentence
    cited on many pages is described once.
    """

    def __init__(self, briefing: Briefing, texts: dict[str, Markdown]) -> None:
        self._briefing = briefing
        self._refs: dict[str, SourceRef] = {}
        self._texts = texts

    def cite(self, cited: Finding | SourceRef | Iterable[SourceRef]) -> Markdown:
        if isinstance(cited, Finding):
            refs: Iterable[SourceRef] = cited.sources
        elif isinstance(cited, SourceRef):
            refs = (cited,)
        else:
            refs = cited
        labels = []
        for ref in refs:
            self._refs.setdefault(ref.label, ref)
            labels.append(ref.label)
        return Markdown("".join(f"[^{label}]" for label in labels))

    def definitions(self) -> list[tuple[str, Markdown]]:
        for label, ref in self._refs.items():
            if label not in self._texts:
                self._texts[label] = self._describe(ref)
        return [(label, self._texts[label]) for label in sorted(self._refs)]

    def _describe(self, ref: SourceRef) -> Markdown:
        article = self._briefing.article(ref.article_id).article
        return Markdown(f"{md(source_name(article))}, {md(article_title(article))}, {md(article.date or 'date unknown')}: “{md(ref.excerpt)}”")


def source_name(article: Article) -> str:
    """"Live Mint via MENAFN" for a syndicated copy, else the outlet."""
    publisher = publisher_of(article)
    if article.syndicated:
        return f"{publisher} via {article.outlet}"
    return publisher


def family_sources(briefing: Briefing, family: Family) -> str:
    """Where a family's articles were found, each name once, in article order."""
    return ", ".join(dict.fromkeys(source_name(briefing.article(a).article) for a in family.articles))


def article_title(article: Article) -> str:
    return f"“{article.title}”" if article.title else "untitled"


def support(finding: Finding) -> str:
    """The corroboration line: who reports this, counted by independent source family."""
    *first, last = finding.publishers
    if not first:
        return f"Single source: only {last} reports this."
    return f"Reported by {len(finding.publishers)} independent sources ({', '.join(first)} and {last})."


def speaker_name(briefing: Briefing, attribution: Attribution) -> str:
    """Who spoke: the canonical entity's name, or the article's description of an unnamed source."""
    entity = briefing.entity(attribution.entity)
    return entity.name if entity else attribution.speaker


def quotes_by_speaker(briefing: Briefing) -> list[tuple[str, str, list[Quote]]]:
    """(anchor, speaker, quotes) for each speaker: named entities first, most quoted first."""
    groups: dict[tuple[bool, str], list[Quote]] = {}
    for quote in briefing.quotes:
        entity = briefing.entity(quote.attribution.entity)
        key = (entity is None, entity.id if entity else quote.attribution.speaker.casefold())
        groups.setdefault(key, []).append(quote)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), speaker_name(briefing, kv[1][0].attribution).casefold()))
    return [
        (key if not described else "source-" + "-".join(re.findall(r"[a-z0-9]+", key)), speaker_name(briefing, quotes[0].attribution), quotes)
        for (described, key), quotes in ordered
    ]


def topic_quotes(briefing: Briefing, findings: Iterable[Finding]) -> list[Quote]:
    """The quotes whose sentence is one of ``findings`` (a topic's, or those on one of its pages)."""
    return briefing.quotes_in(ref for f in findings for ref in f.sources)


def speaker_quotes(briefing: Briefing) -> list[tuple[str, str, Quote]]:
    """(anchor, speaker, quote) for every quote, in the order of :func:`quotes_by_speaker`."""
    return [(anchor, speaker, quote) for anchor, speaker, quotes in quotes_by_speaker(briefing) for quote in quotes]


def people(briefing: Briefing) -> list[Entity]:
    """The people and organisations worth an entry: described, quoted, or a person named by several articles."""
    quoted = {quote.attribution.entity for quote in briefing.quotes}
    return [
        e
        for e in briefing.entities
        if e.type in ("PERSON", "ORG") and (e.description or e.id in quoted or (e.type == "PERSON" and len(e.articles) > 1))
    ]


def entity_sources(briefing: Briefing) -> dict[str, list[SourceRef]]:
    """For each entity id, the first sentence of each article that names it, in article order."""
    refs: dict[str, list[SourceRef]] = {}
    for analysed in briefing.articles:
        seen: set[str] = set()
        for s in analysed.sentences:
            if s.kind == "heading":
                continue
            for m in s.mentions:
                if m.entity and m.entity not in seen:
                    seen.add(m.entity)
                    refs.setdefault(m.entity, []).append(SourceRef(analysed.article.id, s.index, s.text))
    return refs


def _environment(templates: Path) -> jinja2.Environment:
    if not templates.is_dir():
        raise BriefingError(f"{templates}: templates folder not found; restore it from the briefing project")
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
        speaker_name=speaker_name,
        # An explicit heading id (attr_list), so links to an entity do not depend on slug rules.
        anchor=lambda name: Markdown("{#" + name + "}"),
        topic_quotes=topic_quotes,
        support=support,
        source_name=source_name,
        family_sources=family_sources,
        article_title=article_title,
        sentence_ref=lambda analysed, sentence: SourceRef(analysed.article.id, sentence.index, sentence.text),
        coverage_picture=pictures.coverage_picture,
        timeline_picture=pictures.timeline_picture,
        dated_events=pictures.dated_events,
    )
    return env


def render_pages(briefing: Briefing, templates: Path) -> list[Page]:
    """Render every page of the briefing, in navigation order."""
    render = _Renderer(_environment(templates), briefing)
    render.page("index.md.j2", "index.md", briefing.title)
    for topic in briefing.topics:
        if topic.findings:
            parts = _parts(topic_path(topic), topic.findings, FINDINGS_PER_PAGE, lambda f: f.id)
            render.parts("topic.md.j2", parts, topic.title, topic=topic)
    render.page("timeline.md.j2", "timeline.md", "Timeline")
    quote_parts = _parts("quotes.md", speaker_quotes(briefing), QUOTES_PER_PAGE, _quote_key)
    # The page where each speaker's statements start, for links from the people pages.
    quotes_page: dict[str, str] = {}
    for part in quote_parts:
        for anchor_id, _speaker, _quote in part["items"]:
            quotes_page.setdefault(anchor_id, part["path"])
    people_parts = _parts("people.md", people(briefing), PEOPLE_PER_PAGE, lambda e: e.id)
    # Worked out once for all the people pages, not once a page.
    render.parts(
        "people.md.j2",
        people_parts,
        "People and organisations",
        quotes_page=quotes_page,
        first_mentions=entity_sources(briefing),
        said={anchor_id: quotes for anchor_id, _speaker, quotes in quotes_by_speaker(briefing)},
    )
    render.parts("quotes.md.j2", quote_parts, "Quotes")
    source_parts = _parts("sources.md", briefing.articles, SOURCES_PER_PAGE, lambda a: a.article.id)
    render.parts("sources.md.j2", source_parts, "Sources")
    return render.all()


# Items on one page of a paginated page, on average: thousands of articles make numbered
# pages, each small and quick to build. A page holds from a quarter to twice as many.
#: Articles listed on one sources page.
SOURCES_PER_PAGE = 100
#: Findings on one topic page (the topic's summary and tracked items stay on its first page).
FINDINGS_PER_PAGE = 100
#: Statements on one quotes page.
QUOTES_PER_PAGE = 200
#: Entries on one people page.
PEOPLE_PER_PAGE = 50


def _parts(path: str, items: Sequence[Any], per_page: int, key: Callable[[Any], str]) -> list[dict[str, Any]]:
    """Split ``items`` in order over ``path`` (e.g. ``sources.md``) and pages in its folder (``sources/…``).

    Where a page ends is decided by the items, not by their positions: after an
    item whose ``key`` hashes to a multiple of the page length (the way rsync cuts
    files into chunks), once the page holds a quarter of ``per_page``, and at the
    latest at twice ``per_page``. A page after the first is named after the key
    of its first item, not numbered. So an added or removed item changes the page
    it is on and leaves the other pages as they were: the next build renders only
    that page again, and ``git diff`` between versions shows only it. Up to
    ``per_page`` items stay on one page.
    """
    if len(items) <= per_page:
        return _named(path, [items], key)
    shortest, longest = max(1, per_page // 4), 2 * per_page
    # From ``shortest`` on, each item ends the page with this chance: pages average ``per_page``.
    cut_every = max(1, per_page - shortest)
    chunks: list[list[Any]] = [[]]
    for item in items:
        chunks[-1].append(item)
        digest = int.from_bytes(hashlib.blake2b(key(item).encode(), digest_size=8).digest(), "big")
        if len(chunks[-1]) >= longest or (len(chunks[-1]) >= shortest and digest % cut_every == 0):
            chunks.append([])
    return _named(path, [c for c in chunks if c], key)


def _named(path: str, chunks: Sequence[Sequence[Any]], key: Callable[[Any], str]) -> list[dict[str, Any]]:
    """The parts: the first at ``path``, each other named after its first item."""
    folder = path.removesuffix(".md")
    parts: list[dict[str, Any]] = []
    taken: set[str] = set()
    for number, chunk in enumerate(chunks, 1):
        if number == 1:
            part_path = path
        else:
            name = "-".join(re.findall(r"[a-z0-9]+", key(chunk[0]).casefold()))[:80] or "page"
            part_path = f"{folder}/{name}.md"
            while part_path in taken:  # two keys that read alike
                part_path = part_path.removesuffix(".md") + "-1.md"
        taken.add(part_path)
        parts.append({"number": number, "path": part_path, "items": tuple(chunk)})
    return parts


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


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.id}.md"


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
    :meth:`parts` say what to render, :meth:`all` renders it."""

    def __init__(self, env: jinja2.Environment, briefing: Briefing) -> None:
        self.env = env
        self.briefing = briefing
        self.jobs: list[_PageJob] = []
        self.footnote_texts: dict[str, Markdown] = {}

    def page(self, template: str, path: str, title: str, **context: Any) -> None:
        self.jobs.append(_PageJob(template, path, title, context))

    def parts(self, template: str, parts: list[dict[str, Any]], title: str, **context: Any) -> None:
        """One page per part of :func:`_parts`; the first links to all, the others to the first and their neighbours.

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

    def all(self) -> list[Page]:
        """Every page asked for, in order: on every core when there are many."""
        global _RENDERING
        workers = available_cores() if len(self.jobs) >= PARALLEL_PAGES else 1
        # Forked workers find the renderer here instead of being sent the whole briefing.
        _RENDERING = self
        try:
            shares = [range(start, len(self.jobs), RENDER_SHARES) for start in range(RENDER_SHARES)]
            rendered = dict(item for share in in_workers(_render_share, shares, workers) for item in share)
        finally:
            _RENDERING = None
        return [rendered[i] for i in range(len(self.jobs))]

    def render(self, job: _PageJob) -> Page:
        citations = Citations(self.briefing, self.footnote_texts)
        try:
            text = self.env.get_template(job.template).render(
                briefing=self.briefing,
                cite=citations.cite,
                footnotes=citations.definitions,
                topic_path=topic_path,
                link=lambda target: _relative(target, job.path),
                **job.context,
            )
        except jinja2.TemplateError as exc:
            where = f"{getattr(exc, 'filename', None) or job.template}:{getattr(exc, 'lineno', '?')}"
            raise BriefingError(f"templates/{Path(where).name}: {exc.message or exc}") from None
        # One trailing newline and no trailing spaces: stable, quiet diffs.
        text = "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"
        return Page(job.path, job.title, re.sub(r"\n{3,}", "\n\n", text), job.continued)


#: From this many pages on, they are rendered on every core.
PARALLEL_PAGES = 100
#: Shares the pages are dealt into (every RENDER_SHARES-th page), so the workers finish together.
RENDER_SHARES = 8
#: The renderer whose pages :func:`_render_share` renders, while :meth:`_Renderer.all` runs.
_RENDERING: _Renderer | None = None


def _render_share(share: range) -> list[tuple[int, Page]]:
    assert _RENDERING is not None
    return [(i, _RENDERING.render(_RENDERING.jobs[i])) for i in share]


def briefing_data(briefing: Briefing) -> dict[str, Any]:
    """The briefing as data (``briefing.json``); its schema is ``briefing/briefing.schema.json``."""

    def refs(sources: Iterable[SourceRef]) -> list[dict[str, Any]]:
        return [{"article": r.article_id, "sentence": r.sentence, "excerpt": r.excerpt} for r in sources]

    def finding(f: Finding) -> dict[str, Any]:
        return {
            "id": f.id,
            "topic": f.topic,
            "text": f.text,
            "status": f.status,
            "publishers": list(f.publishers),
            "sources": refs(f.sources),
            "disputed_by": refs(f.disputed_by),
        }

    def claim(f: Finding) -> dict[str, Any]:
        return {
            "finding": f.id,
            "claim": f.text,
            "claimant": f.claimant,
            "status": f.status,
            "counter_claim": f.counter_text,
            "counter_claimant": f.counter_claimant,
            "sources": refs(f.sources),
            "counter_sources": refs(f.disputed_by),
        }

    return {
        "schema_version": SCHEMA_VERSION,
        "title": briefing.title,
        "articles": [
            {
                "id": a.article.id,
                "path": a.article.path,
                "title": a.article.title,
                "outlet": a.article.outlet,
                "publisher": a.article.publisher,
                "date": a.article.date,
                "author": a.article.author,
                "url": a.article.url,
                "sentences": len(a.sentences),
                "summary": refs(
                    SourceRef(a.article.id, i, a.sentence(i).text) for i in a.summary
                ),
            }
            for a in briefing.articles
        ],
        "summary": [f.id for f in briefing.summary],
        "latest": [{"date": date, "findings": [f.id for f in lines]} for date, lines in briefing.latest],
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "summary": [f.id for f in t.summary],
                "findings": [f.id for f in t.findings],
                "items": [
                    {"label": item.label, "reports": {name: ref.label for name, ref in item.reports}}
                    for item in t.items
                ],
            }
            for t in briefing.topics
        ],
        "findings": [finding(f) for f in briefing.findings],
        "key_facts": [f.id for f in briefing.key_facts],
        "claims": [claim(f) for f in briefing.contested],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "description": e.description,
                "aliases": list(e.aliases),
                "mentions": e.mentions,
                "articles": list(e.articles),
            }
            for e in briefing.entities
        ],
        "quotes": [
            {
                "speaker": q.attribution.entity if briefing.entity(q.attribution.entity) else None,
                "speaker_name": speaker_name(briefing, q.attribution),
                "cue": q.attribution.cue,
                "text": q.attribution.content,
                "kind": q.attribution.kind,
                "denial": q.attribution.denial,
                "quoted": list(q.attribution.quotes),
                "article": q.source.article_id,
                "sentence": q.source.sentence,
                "excerpt": q.source.excerpt,
            }
            for q in briefing.quotes
        ],
        "numbers": [
            {"text": n.text, "value": n.value, "counts": n.counts, "article": a.article.id, "sentence": s.index}
            for a in briefing.articles
            for s in a.sentences
            if s.repeats is None
            for n in s.numbers
        ],
    }


def briefing_json(briefing: Briefing) -> str:
    return dump(briefing_data(briefing))
