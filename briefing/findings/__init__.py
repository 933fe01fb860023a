"""Stage 3, findings: analysed articles + config -> :class:`~briefing.content.Briefing`.

Sentences from different articles that report the same fact become one
finding (see :mod:`briefing.findings.similarity`); sources that disagree make
it contested (:mod:`briefing.findings.claims`). Each finding is filed under the
topic whose keywords it matches best and counts the independent publishers
that report it. Topics' tracked items are matched against every sentence
(:mod:`briefing.findings.tracked`), and the lead, latest developments and
topic leads are chosen from findings (:mod:`briefing.findings.story`), so a
line carries every publisher that reports it.

Findings are numbered in the order their first source appears (articles oldest
first, then sentence order); topic pages list them by importance: independent
publishers, then the newest date, then that order.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path
from typing import NamedTuple

import numpy as np

from briefing.analyse import phrase_lemmas
from briefing.analyse.embedding import DIMENSIONS, MODEL_ID, embedder
from briefing.config import Config
from briefing.content import (
    AnalysedArticle,
    Article,
    Briefing,
    Entity,
    Family,
    Finding,
    Sentence,
    SourceRef,
    Topic,
    independent,
)
from briefing.findings import memory
from briefing.findings.claims import contest
from briefing.findings.families import source_families
from briefing.findings.similarity import SameFact, SameFactModel, answered_before, same_fact_groups, states_a_denial, strongest_first
from briefing.findings.story import LONG_STATEMENT, Story, reads_alone
from briefing.findings.tracked import tracked_items
from briefing.ingest.rules import load_rules
from briefing.packs import Pack, layout, no_collection

__all__ = ["assemble"]

#: How many of the most corroborated findings the overview lists as key facts.
KEY_FACTS = 8
#: How many denials that answer no finding's claim the overview lists, the weightiest first.
DENIALS = 5
#: The example model files a finding under a topic when its probability reaches TOPIC_CONFIDENCE
#: and the keywords agree (that topic's are the most found), or when it reaches TOPIC_CERTAINTY;
#: anything else goes to the other topic. These and the model's regularisation (scikit-learn's C)
#: were chosen by 5-fold cross-validation by article on the train split of the development corpus.
TOPIC_CONFIDENCE = 0.6
TOPIC_CERTAINTY = 0.8
TOPIC_REGULARISATION = 8.0
#: The pack in the ``kept`` folder that holds the topic model learned from the configured examples.
TOPICS_PACK = "topics.pack"


class _Item(NamedTuple):
    """A usable sentence with where it came from (a tuple: tens of thousands are made per build)."""

    order: int  # position of its article in the briefing's article order
    article: AnalysedArticle
    sentence: Sentence
    publisher: str  # the name of its article's source family
    ref: SourceRef


# The findings make a million short-lived objects and no cycle worth collecting: at 2,126 articles
# the collector's full passes over them were a third of the stage.
@no_collection()
def assemble(
    analysed: Sequence[AnalysedArticle],
    config: Config,
    model: SameFactModel | None = None,
    entities: Sequence[Entity] = (),
    kept: Path | None = None,
    families: Sequence[Family] | None = None,
) -> Briefing:
    """Group sentences into findings, file them under topics and choose summaries.

    ``entities`` (from :func:`~briefing.analyse.entities.resolve_entities`) name who claims what.
    ``families`` are :func:`families_of` the articles read, when worked out already (a build does
    while it analyses); else they are worked out here, of the ``analysed`` articles.

    ``model`` is the same-fact model to use instead of the packaged one (``make train`` compares models).

    ``kept`` is a folder where the same-fact scan (:mod:`briefing.findings.memory`) and the topic
    model (:func:`topic_model`) keep what the next build may reuse; the findings are the same with
    it or without.
    """
    articles = chronological(analysed)
    if families is None:
        families = families_of([a.article for a in articles], config, kept)
    families = _families_among(families, {a.article.id for a in articles})
    publisher_by_article = {article: f.name for f in families for article in f.articles}
    items = [
        _Item(order, a, s, publisher_by_article[a.article.id], SourceRef(a.article.id, s.index, s.text))
        for order, a in enumerate(articles)
        for s in a.sentences
        if s.usable
    ]
    meaning = meanings(articles, np.float32)  # widened once: every use below reads float32
    sentences = [item.sentence for item in items]
    article_of = [item.article.article.id for item in items]
    # The scan's keys of the sentences need only the sentences: worked out beside the evidence.
    evidence = partial(SameFact, sentences, meaning, model)
    keys, same = memory.keyed_while(sentences, meaning, article_of, evidence) if kept else (None, evidence())
    scanned = memory.scan(same, article_of, kept, keys)
    alike = scanned.alike
    disputed = strongest_first([*scanned.disputed, *answered_before(same, article_of)])
    groups = same_fact_groups(same, article_of, alike)
    phrases = [phrase for topic in config.topics for phrase in (*topic.keywords, *(s for item in topic.items for s in item.signals))]
    lemmas = phrase_lemmas([*phrases, config.title, config.description], config.entities, kept)
    own_words = {*lemmas[config.title], *lemmas[config.description]}
    topic_of = _TopicMatcher(config, lemmas, kept)

    findings: list[Finding] = []
    finding_of: dict[int, int] = {}
    members_of: dict[str, list[int]] = {}
    ordered = sorted(groups)  # member indices follow article order, then sentence order
    topic_ids = topic_of.file([[items[i].sentence for i in members] for members in ordered], meaning, ordered)
    for members, topic_id in zip(ordered, topic_ids):
        finding_id = f"f-{items[members[0]].ref.label}"
        members_of[finding_id] = members
        # A finding of one sentence (most are) shows it: no likeness to weigh.
        shown = min(members, key=lambda i: _clarity(items[i].sentence, i, members, same, own_words)) if len(members) > 1 else members[0]
        finding_of.update(dict.fromkeys(members, len(findings)))
        findings.append(
            Finding(
                id=finding_id,
                topic=topic_id,
                text=items[shown].sentence.text,
                sources=tuple(items[i].ref for i in members),
                publishers=independent(items[i].publisher for i in members),
            )
        )
    disputes = [(finding_of[i], finding_of[j], items[i].sentence, items[j].sentence) for _, i, j in disputed]
    findings = contest(findings, disputes, {e.id: e.name for e in entities})
    # Contesting a finding adds the other side's sources as disputing it, never as its own.
    sentences_of = {f.id: [items[i].sentence for i in members_of[f.id]] for f in findings}

    tracked = [(i.publisher, i.ref, i.sentence) for i in items]
    items_of = {topic.id: tracked_items(topic.items, tracked, lemmas) for topic in config.topics}
    date_by_article = {a.article.id: a.article.date for a in articles}
    story = Story(
        findings,
        sentences_of,
        {f.id: meaning[members_of[f.id][0]] for f in findings},
        lambda ref: date_by_article[ref.article_id],
        [item for topic_items in items_of.values() for item in topic_items],
        own_words,
    )
    topics = []
    for topic in (*config.topics, config.other_topic):
        in_topic = story.important_first([f for f in findings if f.topic == topic.id])
        topics.append(
            Topic(
                id=topic.id,
                title=topic.title,
                description=topic.description,
                findings=tuple(in_topic),
                summary=story.lead(in_topic, config.topic_summary_sentences),
                items=items_of.get(topic.id, ()),
            )
        )
    # The latest developments tell the newest dates: of equal weight, the lead first tells what came before them.
    summary = story.lead(findings, config.summary_sentences, cover=[t.id for t in config.topics], later=story.latest_dates(findings))
    briefing = Briefing(
        title=config.title,
        description=config.description,
        articles=tuple(articles),
        topics=tuple(topics),
        summary=summary,
        latest=story.latest(findings, summary),
        families=families,
    )
    corroborated = [f for f in findings if len(f.publishers) > 1]
    key_facts = story.lead(corroborated, KEY_FACTS, briefing.told)
    # A denial no finding's claim answers is still where sources disagree: the Kremlin denying any new proposals.
    denials = [f for f in findings if f.status != "contested" and any(states_a_denial(s) for s in sentences_of[f.id])]
    return replace(briefing, key_facts=key_facts, denials=story.lead(denials, DENIALS, [*briefing.told, *key_facts]))


def meanings(articles: Sequence[AnalysedArticle], dtype: type = np.float16) -> np.ndarray:
    """The embeddings of every usable sentence of ``articles``, in order, one row each, as ``dtype``."""
    rows = [np.frombuffer(a.vectors, dtype=np.float16).reshape(-1, DIMENSIONS) for a in articles]
    out = np.empty((sum(len(r) for r in rows), DIMENSIONS), dtype=dtype)  # filled in place: one large array, not two
    start = 0
    for r in rows:
        out[start : start + len(r)] = r
        start += len(r)
    return out


def _clarity(sentence: Sentence, i: int, members: list[int], same: SameFact, own_words: Collection[str]) -> tuple:
    """Sort key of a finding's members, clearest first: one that reads on its own (:func:`reads_alone`: no
    opening "He" or "However,", no lower-case fragment, no "that document" named before), then one a reader
    takes in at once (at most :data:`LONG_STATEMENT` words), then the one most like the others; ties go to
    the earliest."""
    likeness = round(sum(same.judge([(i, j) for j in members if j != i])[0]), 6)
    return (not reads_alone(sentence, own_words), len(sentence.text.split()) > LONG_STATEMENT, -likeness, i)


def chronological(analysed: Sequence[AnalysedArticle]) -> list[AnalysedArticle]:
    """Oldest first; undated articles last; then by path, so the order never depends on chance."""
    return sorted(analysed, key=lambda a: _when(a.article))


def _when(article: Article) -> tuple[bool, str, str]:
    return (article.date is None, article.date or "", article.path)


def families_of(articles: Sequence[Article], config: Config, kept: Path | None = None) -> tuple[Family, ...]:
    """The source families of ``articles`` (:func:`~briefing.findings.families.source_families`), in
    chronological order. They need only the articles' text, not their analysis."""
    return source_families(sorted(articles, key=_when), load_rules(config).wire_names, kept)


def _families_among(families: Sequence[Family], ids: set[str]) -> tuple[Family, ...]:
    """``families`` without the articles that are not ``ids``: one read but left out of the briefing
    (no sentence it can use) is left out of its family's list, and a family left with none goes."""
    among = (tuple(a for a in f.articles if a in ids) for f in families)
    return tuple(f if len(members) == len(f.articles) else replace(f, articles=members) for f, members in zip(families, among) if members)


class _TopicMatcher:
    """Files findings under topics by their keywords (as lemma sequences) and, when the topics
    give example sentences, by a model learned from those examples that the keywords must
    agree with; a finding they do not agree on goes to the other topic."""

    def __init__(self, config: Config, lemmas: Mapping[str, tuple[str, ...]], kept: Path | None = None) -> None:
        self.other = config.other_topic.id
        self.topic_ids = [topic.id for topic in config.topics]
        # By first lemma: a sentence need only try the phrases that start with one of its words.
        self.phrases_from: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for topic in config.topics:
            for phrase in filter(None, map(lemmas.__getitem__, topic.keywords)):
                self.phrases_from[phrase[0]].append((topic.id, phrase))
        self.model = topic_model(config, kept)

    def found(self, sentence: Sentence) -> Iterator[str]:
        """The topic of each topic phrase the sentence contains."""
        lemmas = sentence.lemmas
        for word in self.phrases_from.keys() & lemmas:
            for topic_id, phrase in self.phrases_from[word]:
                if len(phrase) == 1 or _contains(lemmas, phrase):  # a one-word phrase: ``word`` itself
                    yield topic_id

    def file(self, findings: Sequence[Sequence[Sentence]], meaning: np.ndarray, members: Sequence[Sequence[int]]) -> list[str]:
        """The topic of each finding, given as its sentences and, as rows of ``meaning``, their meanings."""
        found = [self._keywords(sentences) for sentences in findings]
        if self.model is None or not findings:
            return [self._by_keywords(total) for total in found]
        means = meaning[[rows[0] for rows in members]].astype(np.float32, copy=False)  # the mean of one row is that row
        for k, rows in enumerate(members):
            if len(rows) > 1:
                means[k] = meaning[rows].astype(np.float32).mean(axis=0)
        means /= np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
        probabilities = self.model.probabilities(means)
        topics = []
        for total, row in zip(found, probabilities):
            best = int(np.argmax(row))
            learned, probability = self.model.classes[best], float(row[best])
            agreed = total[learned] > 0 and total[learned] == max(total.values())
            sure = probability >= TOPIC_CONFIDENCE and agreed or probability >= TOPIC_CERTAINTY
            topics.append(learned if learned in self.topic_ids and sure else self.other)
        return topics

    def _keywords(self, sentences: Sequence[Sentence]) -> Counter[str]:
        """How many of each topic's phrases the sentences contain."""
        return Counter(topic_id for sentence in sentences for topic_id in self.found(sentence))

    def _by_keywords(self, total: Counter[str]) -> str:
        best_id, best_score = self.other, 0
        for topic_id in self.topic_ids:  # config order breaks ties
            if total[topic_id] > best_score:
                best_id, best_score = topic_id, total[topic_id]
        return best_id


@dataclass(frozen=True)
class TopicModel:
    """What a logistic regression learned from the examples' meanings: a row of weights and a bias per topic."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Each topic's probability for each row of ``vectors``: a softmax of the scores, worked out
        step by step as scikit-learn's ``predict_proba`` does, so the filing is the same without it."""
        scores = vectors @ self.weights.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


def topic_model(config: Config, kept: Path | None = None) -> TopicModel | None:
    """The model learned from the examples of the configured topics (None without any), kept in a
    pack in the folder ``kept`` for these examples, this embedding model and this scikit-learn:
    embedding the examples and learning from them (with importing scikit-learn) was most of a
    small rebuild (a seeds rebuild with one article changed: 12.2 s with it, 4.4 s without)."""
    examples = tuple((topic.id, text) for topic in (*config.topics, config.other_topic) for text in topic.examples)
    if not examples:
        return None
    key = f"{MODEL_ID}/scikit-learn {importlib.metadata.version('scikit-learn')}/C={TOPIC_REGULARISATION}/{layout(TopicModel)}"
    pack = Pack(kept / TOPICS_PACK if kept else None, key)
    name = hashlib.sha256(json.dumps(examples).encode()).hexdigest()
    model = pack.get(name)
    if not isinstance(model, TopicModel):
        model = _learned(examples)
        pack.write([name], {name: model})
    return model


@cache
def _learned(examples: tuple[tuple[str, str], ...]) -> TopicModel:
    """Logistic regression from the examples' meanings to their topics; learned once per process."""
    from sklearn.linear_model import LogisticRegression

    vectors = embedder()([text for _, text in examples]).astype(np.float32)
    learned = LogisticRegression(C=TOPIC_REGULARISATION, max_iter=3000).fit(vectors, [topic for topic, _ in examples])
    weights, bias = learned.coef_, learned.intercept_
    if len(weights) == 1:  # two topics: one row of scores, for the second; its softmax against 0 is its logistic
        weights, bias = np.vstack([np.zeros_like(weights), weights]), np.concatenate([[0.0], bias])
    return TopicModel(tuple(str(c) for c in learned.classes_), weights, bias)


def _contains(lemmas: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(lemmas[i : i + n] == phrase for i in range(len(lemmas) - n + 1))
