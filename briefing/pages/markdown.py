"""Markdown on the pages: article text escaped so it shows as plain text, and the footnotes that cite it.

Article text is untrusted: every value a template prints goes through :func:`md`
unless it is already :class:`Markdown` made here (a footnote reference, say), so
no HTML, link, footnote or Jinja syntax inside an article can change a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import markupsafe

from briefing.content import Article, Finding, SourceRef
from briefing.pages.views import source_and_title


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
        text = f"{text[: numbered.end()]}\\{text[numbered.end() :]}"
    return Markdown(text)


class Citations:
    """The footnotes of one page: each cited sentence defined once, labelled after its source.

    ``articles`` are the briefing's articles by id; ``texts`` holds the footnote texts already
    written, by label: a sentence cited on many pages is described once.
    """

    def __init__(self, articles: Mapping[str, Article], texts: dict[str, Markdown]) -> None:
        self._articles = articles
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
        # Each article looked up even when its sentences are described already: a page kept from the last build depends on it.
        articles = {article_id: self._articles[article_id] for article_id in dict.fromkeys(ref.article_id for ref in self._refs.values())}
        for label, ref in self._refs.items():
            if label not in self._texts:
                self._texts[label] = self._describe(articles[ref.article_id], ref)
        return [(label, self._texts[label]) for label in sorted(self._refs)]

    @staticmethod
    def _describe(article: Article, ref: SourceRef) -> Markdown:
        return Markdown(f"{md(source_and_title(article, ', '))}, {md(article.date or 'date unknown')}: “{md(ref.excerpt)}”")
