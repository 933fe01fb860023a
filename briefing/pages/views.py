"""What the templates show, worked out from the briefing: names, corroboration lines, who said what, who is named."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.content import Article, Briefing, Entity, Family, Finding, Quote, SourceRef, Topic, publisher_of


def source_name(article: Article) -> str:
    """ "Live Mint via MENAFN" for a syndicated copy, else the outlet."""
    publisher = publisher_of(article)
    if article.syndicated:
        return f"{publisher} via {article.outlet}"
    return publisher


def family_sources(briefing: Briefing, family: Family) -> str:
    """Where a family's articles were found, each name once, in article order."""
    return ", ".join(dict.fromkeys(source_name(briefing.article(a).article) for a in family.articles))


def source_and_title(article: Article, between: str) -> str:
    """The article's source name, then its headline ("untitled" when it has none); the headline once when it is
    what names the source."""
    name = source_name(article)
    title = f"“{article.title}”" if article.title else "untitled"
    return name if name == title else f"{name}{between}{title}"


def support(finding: Finding) -> str:
    """The corroboration line: who reports this, counted by independent source family."""
    *first, last = finding.publishers
    if not first:
        return f"Single source: only {last} reports this."
    return f"Reported by {len(finding.publishers)} independent sources ({', '.join(first)} and {last})."


def quotes_by_speaker(briefing: Briefing) -> list[tuple[str, str, list[Quote]]]:
    """(anchor, speaker, quotes) for each speaker: named entities first, most quoted first."""
    groups: dict[tuple[bool, str], list[Quote]] = {}
    for quote in briefing.quotes:
        entity = briefing.entity(quote.attribution.entity)
        key = (entity is None, entity.id if entity else _description_key(quote.attribution.speaker))
        groups.setdefault(key, []).append(quote)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), briefing.speaker_name(kv[1][0].attribution).casefold()))
    return [
        (key if not described else "source-" + "-".join(re.findall(r"[a-z0-9]+", key)), briefing.speaker_name(quotes[0].attribution), quotes)
        for (described, key), quotes in ordered
    ]


def _description_key(speaker: str) -> str:
    """A description compared as a reader would: "A U.S. official" and "a US official", "a draft seen by AFP" and
    "Draft seen by AFP" are one speaker of the quotes page."""
    words = speaker.casefold().replace(".", "").split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("a", "an", "the") else words)


def topic_quotes(briefing: Briefing, findings: Iterable[Finding]) -> list[Quote]:
    """The quotes whose sentence is one of ``findings`` (a topic's, or those on one of its pages)."""
    return briefing.quotes_in(ref for f in findings for ref in f.sources)


def speaker_quotes(by_speaker: list[tuple[str, str, list[Quote]]]) -> list[tuple[str, str, Quote]]:
    """(anchor, speaker, quote) for every quote of :func:`quotes_by_speaker`, in its order."""
    return [(anchor, speaker, quote) for anchor, speaker, quotes in by_speaker for quote in quotes]


def people(briefing: Briefing) -> list[Entity]:
    """The people and organisations worth an entry: described, quoted, or a person named by several articles."""
    quoted = {quote.attribution.entity for quote in briefing.quotes}
    return [e for e in briefing.entities if e.type in ("PERSON", "ORG") and (e.description or e.id in quoted or (e.type == "PERSON" and len(e.articles) > 1))]


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


def topic_path(topic: Topic) -> str:
    return f"topics/{topic.id}.md"
