"""Saved web pages: an article's text and metadata out of its HTML.

trafilatura finds the main text (navigation, ads, cookie banners, related links and
comments left out) and the page's metadata (``<title>``, Open Graph, JSON-LD
``NewsArticle``; the date through htmldate). The result is handed on as a saved text
page would be: the headline line, then one paragraph per block, so sentences,
footnotes and the text rules (bylines, credit lines, clutter) work as for text. The
page's metadata overrides what the text rules infer, as front matter does.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml import etree

from briefing.ingest import ArticleError, decode
from briefing.ingest.rules import Rules

#: Fewer words of main text is a paywall stub, a teaser or a page of links, not an article.
MIN_ARTICLE_WORDS = 40
#: A page that marks its text as not free (schema.org's paywall markup) and shows fewer words
#: holds the teaser only; a subscriber's saved copy holds the whole text and passes.
MIN_PAYWALLED_WORDS = 150
_PAYWALLED = re.compile(r"[\"']isAccessibleForFree[\"']\s*:\s*[\"']?false", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)", re.I)
_BLOCKS = ("p", "head", "quote", "item")


@dataclass(frozen=True)
class Page:
    """What a page gives: its metadata (like front matter) and its text (like a saved text page)."""

    metadata: dict[str, Any]
    """title, outlet, date, author, url: only those the page states."""
    text: str
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_page(raw: bytes, rules: Rules, charset: str | None = None, url: str | None = None) -> Page:
    """Extract a page. ``charset`` is the one the server named; ``url`` where it was fetched."""
    html, warnings = _decode(raw, charset)
    # Without the address: trafilatura would name the outlet after the host, a guess.
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if document is None or document.body is None:
        raise ArticleError("not an article: no main text found on the page")
    title = _clean(document.title)
    paragraphs = [p for p in _paragraphs(document.body) if p != title]
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_PAYWALLED_WORDS and _PAYWALLED.search(html):
        raise ArticleError(
            f"not an article: behind a paywall (only {words} words of a teaser on the page); save the page from a browser that shows the whole text"
        )
    if words < MIN_ARTICLE_WORDS:
        raise ArticleError(f"not an article: only {words} words of text (a paywall, a teaser or a page of links?); save the page once its whole text shows")
    language = _language(html)
    if language and not language.startswith("en"):
        warnings.append(f"the page is in {language!r}; briefing analyses English")
    metadata = {
        "title": title,
        "outlet": rules.label_of(document.sitename) if _clean(document.sitename) else None,
        "date": document.date,
        "author": _clean(document.author),
        "url": document.url if document.url and document.url.startswith(("http://", "https://")) else url,
    }
    text = "\n\n".join([title, *paragraphs] if title else paragraphs)
    return Page({k: v for k, v in metadata.items() if v}, text, language, warnings)


def _decode(raw: bytes, charset: str | None) -> tuple[str, list[str]]:
    """The charset the server or the page names, if the bytes are that; else as text files are read."""
    declared = charset or _declared_charset(raw)
    if declared:
        try:
            return raw.decode(codecs.lookup(declared).name), []
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(raw)


def _declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii") if m else None


def _paragraphs(body: etree._Element) -> list[str]:
    """One paragraph per block of the main text; a line break inside a block is a space."""
    for line_break in body.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")
    found = []
    for block in body.iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in block.iterancestors()):
            continue  # its text is in its ancestor's
        text = _clean("".join(block.itertext()))
        if text:
            found.append(text)
    return found


def _language(html: str) -> str | None:
    m = re.search(r"<html[^>]*\slang\s*=\s*[\"']?([a-zA-Z-]+)", html[:4096], re.I)
    return m.group(1).lower() if m else None


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None
