"""Stage 3, findings: analysed articles + config -> :class:`~briefing.content.Briefing`.

Sentences from different articles that report the same fact become one
finding (see :mod:`briefing.findings.similarity`); sources that disagree make
it contested (:mod:`briefing.findings.claims`). Each finding is filed under the
topic whose keywords it matches best and counts the independent publishers
that report it. Topics' tracked items are matched against every sentence
(:mod:`briefing.findings.tracked`), and summaries are chosen from findings, so
a summary line carries every publisher that reports it.

Findings are kept in the order their first source appears (articles oldest
first, then sentence order), never by counts: a new article adds lines to the
pages and changes the lines it corroborates, and moves nothing else.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.language import Language

from briefing.analyse import content_lemmas
from briefing.analyse.embedding import DIMENSIONS
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
    independent,
)
from briefing.findings.claims import contest
from briefing.findings.families import source_families
from briefing.findings.similarity import SameFact, SameFactModel, cosine, same_fact_groups, scan
from briefing.findings.tracked import tracked_items
from briefing.ingest.rules import load_rules

__all__ = ["assemble", "cosine"]

#: How many of the best-supported findings compete for a summary.
SUMMARY_CANDIDATES = 300
#: MMR trade-off: weight of a line's own value against its likeness to lines already chosen.
SUMMARY_NOVELTY = 0.7
#: How many of the most corroborated findings the overview lists as key facts.
KEY_FACTS = 8
#: Opening words that make a sentence lean on the one before it ("He said...", "However, ...").
LEANING_OPENERS = frozenset(
    "he she they it this these that those his her their its him them such "
    "however but and also meanwhile still yet so then instead moreover besides though".split()
)
#: A statement longer than this many words is shown only when no member of its finding is shorter.
LONG_STATEMENT = 45


@dataclass(frozen=True)
class _Item:
    """A usable sentence with where it came from."""

    order: int  # position of its article in the briefing's article order
    article: AnalysedArticle
    sentence: Sentence
    publisher: str  # the name of its article's source family

    @property
    def ref(self) -> SourceRef:
        return SourceRef(self.article.article.id, self.sentence.index, self.sentence.text)


def assemble(analysed: Sequence[AnalysedArticle], config: Config, model: SameFactModel | None = None) -> Briefing:
    """Group sentences into findings, file them under topics and choose summaries.

    ``model`` is the same-fact model to use instead of the packaged one (``make train`` compares models).
    """
    articles = chronological(analysed)
    families = source_families([a.article for a in articles], load_rules(config).wire_names)
    publisher_by_article = {article: f.name for f in families for article in f.articles}
    items = [
        _Item(order, a, s, publisher_by_article[a.article.id]) for order, a in enumerate(articles) for s in a.sentences if s.usable
    ]
    index_of = {(item.article.article.id, item.sentence.index): i for i, item in enumerate(items)}
    same = SameFact([item.sentence for item in items], meanings(articles), model)
    article_of = [item.article.article.id for item in items]
    alike, disputed = scan(same, article_of)
    groups = same_fact_groups(same, article_of, alike)
    # The model the analysis loaded, not a second one: its gazetteer only adds entities, after the lemmatiser.
    nlp = load_nlp(config.entities)
    topic_of = _TopicMatcher(config, nlp)

    def publishers_of(refs: Iterable[SourceRef]) -> tuple[str, ...]:
        return independent(publisher_by_article[r.article_id] for r in refs)

    findings: list[Finding] = []
    finding_of: dict[int, int] = {}
    for members in sorted(groups):  # member indices follow article order, then sentence order
        first = items[members[0]]
        shown = min(members, key=lambda i: _clarity(items[i].sentence, i, members, same))
        finding_of.update(dict.fromkeys(members, len(findings)))
        findings.append(
            Finding(
                id=f"f-{first.ref.label}",
                topic=topic_of.best([items[i].sentence for i in members]),
                text=items[shown].sentence.text,
                sources=tuple(items[i].ref for i in members),
                publishers=publishers_of(items[i].ref for i in members),
            )
        )
    findings = contest(findings, [(finding_of[i], finding_of[j], items[i].sentence, items[j].sentence) for _, i, j in disputed])
    sentences_of = {f.id: [items[index_of[(r.article_id, r.sentence)]].sentence for r in f.sources] for f in findings}

    summarise = _Summariser(
        {f.id: sentences_of[f.id][0] for f in findings},
        {f.id: same.vectors[index_of[(f.sources[0].article_id, f.sources[0].sentence)]] for f in findings},
    )
    tracked = [(i.publisher, i.ref, i.sentence) for i in items]
    topics = []
    for topic in (*config.topics, config.other_topic):
        in_topic = [f for f in findings if f.topic == topic.id]
        topics.append(
            Topic(
                id=topic.id,
                title=topic.title,
                description=topic.description,
                findings=tuple(in_topic),
                summary=summarise(in_topic, config.topic_summary_sentences, ()),
                items=tracked_items(topic.items, tracked, nlp),
            )
        )
    summary = summarise(findings, config.summary_sentences, tuple(t.id for t in config.topics))
    corroborated = [f for f in findings if len(f.publishers) > 1 and f not in summary]
    key_facts = sorted(corroborated, key=lambda f: -len(f.publishers))[:KEY_FACTS]
    return Briefing(
        title=config.title,
        description=config.description,
        articles=tuple(articles),
        topics=tuple(topics),
        summary=summary,
        key_facts=tuple(key_facts),
        families=families,
    )


def meanings(articles: Sequence[AnalysedArticle]) -> np.ndarray:
    """The embeddings of every usable sentence of ``articles``, in order, one row each."""
    rows = [np.frombuffer(a.vectors, dtype=np.float16).reshape(-1, DIMENSIONS) for a in articles]
    return np.concatenate(rows) if rows else np.zeros((0, DIMENSIONS), dtype=np.float16)


def _clarity(sentence: Sentence, i: int, members: list[int], same: SameFact) -> tuple:
    """Sort key of a finding's members, clearest first: one that stands on its own (no opening
    "He", "However," or lower-case fragment), then one a reader takes in at once (at most
    :data:`LONG_STATEMENT` words), then the one most like the others; ties go to the earliest."""
    words = sentence.text.split()
    opener = words[0].strip("“\"‘'(").rstrip(",").casefold()
    stands_alone = opener not in LEANING_OPENERS and sentence.text[:1].isupper() and sentence.text[-1] in ".!?”\"’')"
    likeness = round(sum(same.judge([(i, j) for j in members if j != i])[0]), 6)
    return (not stands_alone, len(words) > LONG_STATEMENT, -likeness, i)


def chronological(analysed: Sequence[AnalysedArticle]) -> list[AnalysedArticle]:
    """Oldest first; undated articles last; then by path, so the order never depends on chance."""
    return sorted(analysed, key=lambda a: (a.article.date is None, a.article.date or "", a.article.path))


class _TopicMatcher:
    """Files sentences under the topic whose keywords (as lemma sequences) they contain most."""

    def __init__(self, config: Config, nlp: Language) -> None:
        self.other = config.other_topic.id
        self.topic_ids = [topic.id for topic in config.topics]
        # By first lemma: a sentence need only try the phrases that start with one of its words.
        self.phrases_from: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for topic in config.topics:
            for phrase in self._lemmatise(nlp, topic):
                self.phrases_from[phrase[0]].append((topic.id, phrase))

    @staticmethod
    def _lemmatise(nlp: Language, topic: TopicConfig) -> list[tuple[str, ...]]:
        return [lemmas for lemmas in (content_lemmas(doc) for doc in nlp.pipe(topic.keywords)) if lemmas]

    def score(self, sentence: Sentence) -> Counter[str]:
        """How many of each topic's phrases the sentence contains."""
        lemmas = sentence.lemmas
        return Counter(
            topic_id
            for word in set(lemmas)
            for topic_id, phrase in self.phrases_from.get(word, ())
            if len(phrase) == 1 or _contains(lemmas, phrase)  # a one-word phrase: ``word`` itself
        )

    def best(self, sentences: Sequence[Sentence]) -> str:
        total: Counter[str] = Counter()
        for sentence in sentences:
            total.update(self.score(sentence))
        best_id, best_score = self.other, 0
        for topic_id in self.topic_ids:  # config order breaks ties
            if total[topic_id] > best_score:
                best_id, best_score = topic_id, total[topic_id]
        return best_id


def _contains(lemmas: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(lemmas[i : i + n] == phrase for i in range(len(lemmas) - n + 1))


class _Summariser:
    """Extractive summaries of findings: central, widely reported, not repeating each other."""

    def __init__(self, sentence_of: dict[str, Sentence], vector_of: dict[str, dict[str, float]]) -> None:
        self.sentence_of = sentence_of
        self.vector_of = vector_of

    def __call__(self, findings: list[Finding], count: int, cover_topics: tuple[str, ...]) -> tuple[Finding, ...]:
        """Pick ``count`` findings by maximal marginal relevance (MMR).

        A finding's value is its TextRank centrality plus its cross-publisher
        support, each scaled to 0–1; each pick maximises value against likeness
        (cosine) to the lines already picked. Every topic in ``cover_topics``
        that has findings gets a line first. The lines keep the findings' stable
        order, so a new article changes only the lines it displaces or joins.
        """
        if count <= 0 or not findings:
            return ()
        candidates = sorted(findings, key=lambda f: -len(f.publishers))[:SUMMARY_CANDIDATES]
        scores = centrality([self.sentence_of[f.id] for f in candidates])
        top = max(scores) or 1.0
        most = max(len(f.publishers) for f in candidates)
        value = {f.id: round(s / top + len(f.publishers) / most, 9) for f, s in zip(candidates, scores)}
        chosen: list[Finding] = []

        def pick(pool: list[Finding]) -> None:
            def marginal(f: Finding) -> float:
                likeness = max((cosine(self.vector_of[f.id], self.vector_of[c.id]) for c in chosen), default=0.0)
                return round(SUMMARY_NOVELTY * value[f.id] - (1 - SUMMARY_NOVELTY) * likeness, 9)

            # Ties go to the earlier finding: candidates keep the findings' stable order.
            best = max((f for f in pool if f not in chosen), key=marginal, default=None)
            if best is not None:
                chosen.append(best)

        for topic_id in cover_topics:
            if len(chosen) < count:
                pick([f for f in candidates if f.topic == topic_id])
        while len(chosen) < min(count, len(candidates)):
            pick(candidates)
        position = {f.id: i for i, f in enumerate(findings)}
        return tuple(sorted(chosen, key=lambda f: position[f.id]))
