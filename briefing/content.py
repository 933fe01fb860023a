"""The content objects that flow through the pipeline.

Every stage takes and returns these plain, frozen dataclasses, so a stage can be
tested, cached and replaced on its own. Nothing here knows about spaCy, Jinja,
MkDocs or git.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article's cleaned text."""

    text: str
    #: "body" (article prose), "heading" (a cross-head inside the article) or
    #: "faq" (an answer in a FAQ block, kept only where it adds to the body).
    kind: str = "body"


@dataclass(frozen=True)
class Article:
    """An article as read from disk: metadata plus cleaned paragraphs."""

    id: str
    """Stable id: readable slug plus a short hash of the file's bytes."""
    path: str
    """Path of the file relative to the project, with forward slashes."""
    content_hash: str
    """SHA-256 of the file's bytes."""
    title: str | None
    outlet: str | None
    """Where the text was found (the carrier of a syndicated copy)."""
    publisher: str | None
    """Who originally published the text; equal to ``outlet`` unless syndicated."""
    date: str | None
    """Publication date as ISO ``YYYY-MM-DD``."""
    author: str | None
    url: str | None
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()
    """Paths of other files with the same text: listed with it, never counted again."""
    unnamed: int | None = None
    """Its number among the articles that show no outlet, site or headline, in file order: "unnamed source 2"."""
    day: str | None = None
    """The day and month (``MM-DD``) a dateline prints without a year ("Dec 11 (Reuters) –"), when it gives no full date."""

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def syndicated(self) -> bool:
        return bool(self.outlet and self.publisher and self.outlet != self.publisher)


@dataclass(frozen=True)
class Mention:
    """A named entity as spaCy found it in a sentence."""

    text: str
    label: str
    entity: str | None = None
    """Id of the canonical entity this mention names, once entities are resolved."""


@dataclass(frozen=True)
class Attribution:
    """A statement a sentence attributes to someone: who said what, and how."""

    speaker: str
    """The speaker as the article names it (a pronoun already resolved), e.g. "Kallas",
    "a person familiar with the matter"."""
    cue: str
    """The words that attribute it, as written: "said", "told", "according to", "denied"."""
    content: str
    """What was said, verbatim from the sentence (quotation marks included when direct)."""
    kind: str
    """"direct" (all in quotation marks), "indirect" (reported speech) or "mixed"."""
    quotes: tuple[str, ...] = ()
    """The passages inside quotation marks, verbatim, without the marks."""
    denial: bool = False
    """The cue denies or does not confirm ("denied", "has not explicitly confirmed")."""
    entity: str | None = None
    """Id of the canonical entity that speaks; None for a described source."""


@dataclass(frozen=True)
class Number:
    """A number in a sentence with what it counts."""

    text: str
    """The number as written, e.g. "26", "19 per cent", "$105 million"."""
    value: float
    counts: str
    """What it counts, as written: "people killed", "of Ukrainian territory"; may be empty."""


@dataclass(frozen=True)
class Entity:
    """A canonical person, organisation or place, with every name the articles use for it."""

    id: str
    name: str
    type: str
    """spaCy label: PERSON, ORG, GPE..."""
    description: str
    aliases: tuple[str, ...]
    """Every other form seen in the articles or listed in the gazetteer, sorted."""
    mentions: int
    """How many times the articles name it."""
    articles: tuple[str, ...]
    """Ids of the articles that name it, or quote it only by a speaker alias or role ("Zelenskyy's office said"), sorted."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of an analysed article."""

    index: int
    """Position among the article's sentences, starting at 1; part of footnote labels."""
    text: str
    """The sentence verbatim, whitespace normalised to single spaces."""
    paragraph: int
    kind: str
    """The kind of its paragraph ("body", "heading", "faq"), or "list" for a sentence that lists names or
    labels without a verb (a team sheet, a results line, a teaser or credit of a few words), or "cut" for an
    article's last sentence where the saved text breaks off ("the White House confirmed that special en") or a
    teaser cut short by an ellipsis ("… on Ukraine vi...")."""
    lemmas: tuple[str, ...]
    """Lower-cased lemmas of content words (no stop words, punctuation or spaces)."""
    mentions: tuple[Mention, ...] = ()
    repeats: int | None = None
    """Index of an earlier sentence of the same article this one repeats, if any."""
    attributions: tuple[Attribution, ...] = ()
    numbers: tuple[Number, ...] = ()
    refers_back: bool = False
    """Whether it names something only a sentence before it says: a demonstrative outside quotation marks
    that is no time ("present that document to Putin", "these talks"; not "this week"), "such" before a noun, or "he",
    "she" or "they" as its subject with no one named as a subject before but in what it reports ("Speaking to
    reporters, he said …", "Russia wanted …, he added")."""
    background: bool = False
    """Whether it tells how things are rather than what happened: its main verb in the simple present, no verb in the
    past, no one's words reported ("Lithuania sits between Kaliningrad and Belarus")."""
    definite_subject: str | None = None
    """The lemma of its main subject when that is a common noun after "the" that nothing in its phrase names ("The
    lawsuit was filed …": "lawsuit"): which one, a sentence before says."""

    @property
    def usable(self) -> bool:
        """Whether the sentence may stand as a statement on a page: not one that ends with a colon, which
        announces what follows it ("The key quotes from his address follow:", "In his budget Mr Chidambaram has:")."""
        return self.kind not in ("heading", "list", "cut") and self.repeats is None and len(self.lemmas) >= 3 and not self.text.endswith(":")


@dataclass(frozen=True)
class AnalysedArticle:
    """An article with the result of the language analysis."""

    article: Article
    sentences: tuple[Sentence, ...]
    summary: tuple[int, ...]
    """Indices of the sentences that summarise this article, in text order."""
    vectors: bytes = field(default=b"", repr=False)
    """The usable sentences' embeddings, in sentence order: float16 rows of
    :data:`briefing.analyse.embedding.DIMENSIONS` (see :mod:`briefing.analyse.embedding`)."""

    def sentence(self, index: int) -> Sentence:
        return self.sentences[index - 1]

    @property
    def has_usable_sentence(self) -> bool:
        """Whether any sentence is fit to stand on a page; a briefing leaves out an article with none."""
        return any(s.usable for s in self.sentences)


@dataclass(frozen=True, order=True)
class SourceRef:
    """A pointer to the sentence a statement came from."""

    article_id: str
    sentence: int
    excerpt: str = field(compare=False)

    @property
    def label(self) -> str:
        """The footnote label: stable across builds and across added articles."""
        return f"{self.article_id}-s{self.sentence}"


@dataclass(frozen=True)
class Finding:
    """One fact as one or more articles report it."""

    id: str
    topic: str
    text: str
    """The representative sentence, verbatim from its first source."""
    sources: tuple[SourceRef, ...]
    publishers: tuple[str, ...]
    """The independent sources of its ``sources``: one name per source family (see
    :class:`Family`), sorted, unnamed sources last and counted once; those disputing it are not counted."""
    disputed_by: tuple[SourceRef, ...] = ()
    """Sentences that deny it or give other figures for it; empty unless contested."""
    claimant: str | None = None
    """Who makes the claim, as the article names them (contested findings)."""
    counter_claimant: str | None = None
    """Who disputes it (contested findings)."""
    counter_text: str | None = None
    """The disputing sentence, verbatim (contested findings)."""

    @property
    def status(self) -> str:
        """ "contested" when sources disagree, else "agreed" (several publishers) or "single-source"."""
        if self.disputed_by:
            return "contested"
        return "agreed" if len(self.publishers) > 1 else "single-source"


#: The name under which articles of unknown outlet count: together, once.
UNNAMED_SOURCE = "an unnamed source"


@dataclass(frozen=True)
class Family:
    """Articles that are one piece of reporting: a wire and its copies, one site's articles."""

    name: str
    """What it counts as, e.g. "AP via Live Mint", "RFE/RL"; :data:`UNNAMED_SOURCE` if no member's outlet is known."""
    articles: tuple[str, ...]
    """Ids of its articles, in article order."""
    reasons: tuple[str, ...] = ()
    """Why its articles are one family ("same site", "shares long passages word for word"), sorted."""


@dataclass(frozen=True)
class TrackedItem:
    """Something a reader asked to track in a topic, and which publishers report it."""

    label: str
    reports: tuple[tuple[str, SourceRef], ...]
    """(publisher, the first sentence of theirs that signals the item), sorted by publisher."""

    def source_for(self, publisher: str) -> SourceRef | None:
        return next((ref for name, ref in self.reports if name == publisher), None)


@dataclass(frozen=True)
class Topic:
    """A topic of the briefing with the findings filed under it."""

    id: str
    title: str
    description: str
    findings: tuple[Finding, ...]
    summary: tuple[Finding, ...]
    """The findings that summarise the topic, most important first."""
    items: tuple[TrackedItem, ...] = ()
    """The tracked items of the topic, in the order the configuration lists them."""


@dataclass(frozen=True)
class Briefing:
    """Everything the pages are rendered from."""

    title: str
    description: str
    articles: tuple[AnalysedArticle, ...]
    topics: tuple[Topic, ...]
    summary: tuple[Finding, ...]
    """The lead: extractive, across all articles, most important first, one line per development."""
    latest: tuple[tuple[str, tuple[Finding, ...]], ...] = ()
    """The developments first reported on the newest dates: (date, findings), newest date first;
    empty when the articles are all of one day."""
    key_facts: tuple[Finding, ...] = ()
    """The findings reported by the most independent publishers."""
    denials: tuple[Finding, ...] = ()
    """Findings that tell of a fact denied, whose claim no finding states (so they contest none), weightiest first."""
    entities: tuple[Entity, ...] = ()
    """Canonical people, organisations and places, most mentioned first."""
    families: tuple[Family, ...] = ()
    """The articles grouped by independent reporting, in article order."""

    @property
    def told(self) -> tuple[Finding, ...]:
        """The findings the overview tells first: the summary's, then the latest developments'."""
        return (*self.summary, *(f for _, lines in self.latest for f in lines))

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        """Every attributed statement, in article order then sentence order."""
        return tuple(
            Quote(attribution, SourceRef(a.article.id, s.index, s.text))
            for a in self.articles
            for s in a.sentences
            if s.repeats is None
            for attribution in s.attributions
        )

    def quotes_in(self, refs: Iterable[SourceRef]) -> list[Quote]:
        """The quotes made in the sentences ``refs`` point to, in the order of :attr:`quotes`."""
        at = self._quotes_at
        return [self.quotes[i] for i in sorted({i for r in refs for i in at.get((r.article_id, r.sentence), ())})]

    @cached_property
    def _quotes_at(self) -> dict[tuple[str, int], list[int]]:
        at: dict[tuple[str, int], list[int]] = {}
        for i, quote in enumerate(self.quotes):
            at.setdefault((quote.source.article_id, quote.source.sentence), []).append(i)
        return at

    def article(self, article_id: str) -> AnalysedArticle:
        return self._articles_by_id[article_id]

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._entities_by_id.get(entity_id) if entity_id else None

    def speaker_name(self, attribution: Attribution) -> str:
        """Who spoke: the canonical entity's name, or the article's description of an unnamed source."""
        entity = self.entity(attribution.entity)
        return entity.name if entity else attribution.speaker

    @cached_property
    def _entities_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def _articles_by_id(self) -> dict[str, AnalysedArticle]:
        return {a.article.id: a for a in self.articles}

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, topic by topic."""
        return tuple(f for t in self.topics for f in t.findings)

    @property
    def contested(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "contested")

    @property
    def publishers(self) -> tuple[str, ...]:
        """The independent sources the briefing rests on, named as findings count them."""
        return independent(f.name for f in self.families)

    def family_of(self, article_id: str) -> str:
        """The name under which an article counts towards corroboration: its family's."""
        return self._family_by_article[article_id]

    @cached_property
    def _family_by_article(self) -> dict[str, str]:
        return {a: f.name for f in self.families for a in f.articles}


def independent(names: Iterable[str]) -> tuple[str, ...]:
    """Distinct family names sorted, :data:`UNNAMED_SOURCE` (counted once) last."""
    return tuple(sorted(set(names), key=lambda name: (name == UNNAMED_SOURCE, name)))


def site_of(url: str | None) -> str | None:
    """The site of an address, e.g. "livemint.com"."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def source_label(article: Article) -> str | None:
    """Who an article is known to come from: its original publisher, else its site; None if unknown."""
    return article.publisher or site_of(article.url)


def publisher_of(article: Article) -> str:
    """How a reader recognises an article: its publisher or site, else its headline, else
    "unnamed source N"; never its file."""
    if source_label(article) or article.title:
        return source_label(article) or f"“{article.title}”"
    return f"unnamed source {article.unnamed}" if article.unnamed else UNNAMED_SOURCE


@dataclass(frozen=True)
class Quote:
    """An attributed statement with the sentence it comes from."""

    attribution: Attribution
    source: SourceRef
