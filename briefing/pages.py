"""Stage 4, pages: :class:`~briefing.content.Briefing` -> Markdown pages and ``briefing.json``.

Pages come from the Jinja templates in the project's ``templates/`` folder.
Article text is untrusted: every value a template prints is escaped for
Markdown unless it was produced as Markdown by this module (a footnote
reference, say), so no HTML, link, footnote or Jinja syntax inside an article
can change a page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from briefing import pictures
from briefing.content import Article, Briefing, Finding, SourceRef, Topic, publisher_of
from briefing.errors import BriefingError

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


class Citations:
    """The footnotes of one page: each cited sentence defined once, labelled after its source."""

    def __init__(self, briefing: Briefing) -> None:
        self._briefing = briefing
        self._refs: dict[str, SourceRef] = {}

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
        return [(label, self._describe(self._refs[label])) for label in sorted(self._refs)]

    def _describe(self, ref: SourceRef) -> Markdown:
        article = self._briefing.article(ref.article_id).article
        return Markdown(f"{md(source_name(article))}, {md(article_title(article))}, {md(article.date or 'date unknown')}: “{md(ref.excerpt)}”")


def source_name(article: Article) -> str:
    """"Live Mint via MENAFN" for a syndicated copy, else the outlet."""
    publisher = publisher_of(article)
    if article.syndicated:
        return f"{publisher} via {article.outlet}"
    return publisher


def article_title(article: Article) -> str:
    return f"“{article.title}”" if article.title else "untitled"


def support(finding: Finding) -> str:
    """The corroboration line: who reports this, counted by independent publisher."""
    names = ", ".join(finding.publishers)
    count = len(finding.publishers)
    if count == 1:
        return f"Single source: only {names} reports this."
    return f"Reported by {count} independent publishers ({names})."


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
        support=support,
        source_name=source_name,
        article_title=article_title,
        sentence_ref=lambda analysed, sentence: SourceRef(analysed.article.id, sentence.index, sentence.text),
        coverage_picture=pictures.coverage_picture,
        timeline_picture=pictures.timeline_picture,
        dated_events=pictures.dated_events,
    )
    return env


def render_pages(briefing: Briefing, templates: Path) -> list[Page]:
    """Render every page of the briefing, in navigation order."""
    env = _environment(templates)
    pages = [_render(env, "index.md.j2", "index.md", briefing.title, briefing, {})]
    for topic in briefing.topics:
        if topic.findings:
            pages.append(_render(env, "topic.md.j2", topic_path(topic), topic.title, briefing, {"topic": topic}))
    pages.append(_render(env, "timeline.md.j2", "timeline.md", "Timeline", briefing, {}))
    pages.append(_render(env, "sources.md.j2", "sources.md", "Sources", briefing, {}))
    return pages


def render_page(briefing: Briefing, templates: Path, template: str, path: str, title: str, **context: Any) -> Page:
    """Render one page that needs more than the briefing (the changes and history pages need git)."""
    return _render(_environment(templates), template, path, title, briefing, context)


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.id}.md"


def _render(env: jinja2.Environment, template: str, path: str, title: str, briefing: Briefing, extra: dict) -> Page:
    citations = Citations(briefing)
    try:
        text = env.get_template(template).render(
            briefing=briefing,
            cite=citations.cite,
            footnotes=citations.definitions,
            topic_path=topic_path,
            **extra,
        )
    except jinja2.TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or template}:{getattr(exc, 'lineno', '?')}"
        raise BriefingError(f"templates/{Path(where).name}: {exc.message or exc}") from None
    # One trailing newline and no trailing spaces: stable, quiet diffs.
    text = "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"
    return Page(path, title, re.sub(r"\n{3,}", "\n\n", text))


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
    }


def briefing_json(briefing: Briefing) -> str:
    return json.dumps(briefing_data(briefing), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
