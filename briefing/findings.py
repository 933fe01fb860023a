"""Stage 3, findings: analysed articles + config -> :class:`~briefing.content.Briefing`.

Sentences from different articles that report the same fact become one
finding (lemma TF-IDF cosine at or above ``same_fact_similarity``); each finding
is filed under the topic whose keywords it matches best, and counts the
independent publishers that report it. Summaries are chosen from findings, so
a summary line carries every publisher that reports it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.analyse import content_lemmas
from briefing.analyse.nlp import load_nlp
from briefing.analyse.summary import centrality
from briefing.config import Config, TopicConfig
from briefing.content import (
    AnalysedArticle,
    Briefing,
    Finding,
    Sentence,
    SourceRef,
    Topic,
    publisher_of,
)

#: A lemma found in more than this share of sentences is too common to propose a pair.
COMMON_LEMMA_SHARE = 0.05
#: Two summary lines may not be more alike than this (cosine), so the summary does not repeat itself.
SUMMARY_REDUNDANCY = 0.35
#: How many of the best-supported findings compete for the executive summary.
SUMMARY_CANDIDATES = 300


@dataclass(frozen=True)
class _Item:
    """A usable sentence with where it came from."""

    order: int  # position of its article in the briefing's article order
    article: AnalysedArticle
    sentence: Sentence

    @property
    def ref(self) -> SourceRef:
        return SourceRef(self.article.article.id, self.sentence.index, self.sentence.text)


def assemble(analysed: Sequence[AnalysedArticle], config: Config) -> Briefing:
    """Group sentences into findings, file them under topics and choose summaries."""
    articles = _chronological(analysed)
    items = [
        _Item(order, a, s) for order, a in enumerate(articles) for s in a.sentences if s.usable
    ]
    vectors = _tfidf([item.sentence.lemmas for item in items])
    groups = _same_fact_groups(items, vectors, config.same_fact_similarity)
    topic_of = _TopicMatcher(config)
    findings: list[Finding] = []
    vector_of: dict[str, dict[str, float]] = {}
    for members in groups:
        members.sort(key=lambda i: (items[i].order, items[i].sentence.index))
        first = items[members[0]]
        finding = Finding(
            id=f"f-{first.ref.label}",
            topic=topic_of.best([items[i].sentence for i in members]),
            text=first.sentence.text,
            sources=tuple(items[i].ref for i in members),
            publishers=tuple(sorted({publisher_of(items[i].article.article) for i in members})),
        )
        findings.append(finding)
        vector_of[finding.id] = vectors[members[0]]
    findings.sort(key=lambda f: _position(f, articles))
    lemmas_of = {f"f-{item.ref.label}": item.sentence for item in items}

    topics = []
    for topic in (*config.topics, config.other_topic):
        in_topic = [f for f in findings if f.topic == topic.id]
        topics.append(
            Topic(
                id=topic.id,
                title=topic.title,
                description=topic.description,
                findings=tuple(in_topic),
                summary=_summary(in_topic, lemmas_of, vector_of, config.topic_summary_sentences, ()),
            )
        )
    main_topics = tuple(t.id for t in config.topics)
    return Briefing(
        title=config.title,
        description=config.description,
        articles=tuple(articles),
        topics=tuple(topics),
        summary=_summary(findings, lemmas_of, vector_of, config.summary_sentences, main_topics),
    )


def _chronological(analysed: Sequence[AnalysedArticle]) -> list[AnalysedArticle]:
    """Oldest first; undated articles last; then by path, so the order never depends on chance."""
    return sorted(analysed, key=lambda a: (a.article.date is None, a.article.date or "", a.article.path))


def _position(finding: Finding, articles: list[AnalysedArticle]) -> tuple[int, int]:
    first = finding.sources[0]
    order = next(i for i, a in enumerate(articles) if a.article.id == first.article_id)
    return order, first.sentence


def _tfidf(documents: list[tuple[str, ...]]) -> list[dict[str, float]]:
    df = Counter(lemma for doc in documents for lemma in set(doc))
    n = len(documents)
    vectors = []
    for doc in documents:
        weights = {lemma: count * math.log((1 + n) / (1 + df[lemma])) + count for lemma, count in Counter(doc).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({lemma: w / norm for lemma, w in weights.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(lemma, 0.0) for lemma, w in a.items())


def _same_fact_groups(items: list[_Item], vectors: list[dict[str, float]], threshold: float) -> list[list[int]]:
    """Union sentences of different articles whose cosine reaches ``threshold``.

    Candidate pairs come from an inverted index of the less common lemmas, so
    the cost grows with the number of sentences that share words, not with the
    square of all sentences.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for lemma in set(item.sentence.lemmas):
            postings[lemma].append(i)
    too_common = max(2, int(COMMON_LEMMA_SHARE * len(items)))
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, item in enumerate(items):
        candidates = {
            j for lemma in set(item.sentence.lemmas) if len(postings[lemma]) <= too_common for j in postings[lemma] if j > i
        }
        for j in sorted(candidates):
            if items[j].article is item.article:
                continue
            if cosine(vectors[i], vectors[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[root(i)].append(i)
    return list(groups.values())


class _TopicMatcher:
    """Files sentences under the topic whose keywords (as lemma sequences) they contain most."""

    def __init__(self, config: Config) -> None:
        self.other = config.other_topic.id
        nlp = load_nlp()
        self.keywords: list[tuple[str, list[tuple[str, ...]]]] = []
        for topic in config.topics:
            self.keywords.append((topic.id, self._lemmatise(nlp, topic)))

    @staticmethod
    def _lemmatise(nlp, topic: TopicConfig) -> list[tuple[str, ...]]:
        return [lemmas for lemmas in (content_lemmas(doc) for doc in nlp.pipe(topic.keywords)) if lemmas]

    def score(self, sentence: Sentence) -> dict[str, int]:
        lemmas = sentence.lemmas
        scores = {}
        for topic_id, phrases in self.keywords:
            scores[topic_id] = sum(1 for phrase in phrases if _contains(lemmas, phrase))
        return scores

    def best(self, sentences: Sequence[Sentence]) -> str:
        total: Counter[str] = Counter()
        for sentence in sentences:
            total.update(self.score(sentence))
        best_id, best_score = self.other, 0
        for topic_id, _ in self.keywords:  # config order breaks ties
            if total[topic_id] > best_score:
                best_id, best_score = topic_id, total[topic_id]
        return best_id


def _contains(lemmas: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(lemmas[i : i + n] == phrase for i in range(len(lemmas) - n + 1))


def _summary(
    findings: list[Finding],
    sentence_of: dict[str, Sentence],
    vector_of: dict[str, dict[str, float]],
    count: int,
    cover_topics: tuple[str, ...],
) -> tuple[Finding, ...]:
    """Pick ``count`` findings: central (TextRank) and widely reported, not repeating each other.

    Every topic in ``cover_topics`` that has findings gets at least one line.
    """
    if count <= 0 or not findings:
        return ()
    candidates = sorted(findings, key=lambda f: -len(f.publishers))[:SUMMARY_CANDIDATES]
    scores = centrality([sentence_of[f.id] for f in candidates])
    top = max(scores) or 1.0
    most = max(len(f.publishers) for f in candidates)
    value = {f.id: s / top + len(f.publishers) / most for f, s in zip(candidates, scores)}
    ranked = sorted(candidates, key=lambda f: (-round(value[f.id], 9), f.id))

    chosen: list[Finding] = []

    def fits(f: Finding) -> bool:
        return all(cosine(vector_of[f.id], vector_of[c.id]) < SUMMARY_REDUNDANCY for c in chosen)

    for topic_id in cover_topics:  # one line for each topic first
        best = next((f for f in ranked if f.topic == topic_id and fits(f)), None)
        if best and len(chosen) < count:
            chosen.append(best)
    for f in ranked:
        if len(chosen) >= count:
            break
        if f not in chosen and fits(f):
            chosen.append(f)
    return tuple(sorted(chosen, key=lambda f: -round(value[f.id], 9)))
