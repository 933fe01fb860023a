"""Same-fact similarity: which sentences from different articles report one fact.

Two sentences are compared on three kinds of evidence, all from the language
analysis: their lemma TF-IDF vectors (cosine), the canonical entities they
name, and the figures they give. The weights and the threshold were chosen on
the hand-labelled pairs in ``tests/data/same-fact-pairs.yml``; docs/findings.md
gives the precision and recall they reach there.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefing.content import Mention, Sentence

#: Weight of the shared-entity evidence added to the cosine.
ENTITY_WEIGHT = 0.15
#: Weight of the shared-figure evidence added to the cosine.
NUMBER_WEIGHT = 0.1
#: A lemma found in more than this share of sentences is too common to propose a pair.
COMMON_LEMMA_SHARE = 0.05
#: ... and one found in more than this many sentences too: with a share alone, the candidate
#: pairs grow with the square of the corpus (4.4 million at 668 BBC articles, 1.3 million with this cap).
COMMON_LEMMA_SENTENCES = 100


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(lemma, 0.0) for lemma, w in a.items())


def tfidf(documents: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of lemma lists, IDF smoothed so no weight is zero."""
    df = Counter(lemma for doc in documents for lemma in set(doc))
    n = len(documents)
    vectors = []
    for doc in documents:
        weights = {lemma: count * (math.log((1 + n) / (1 + df[lemma])) + 1) for lemma, count in Counter(doc).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({lemma: w / norm for lemma, w in weights.items()})
    return vectors


def entities(sentence: Sentence) -> frozenset[str]:
    """The entities a sentence names: canonical ids where resolved, else a normalised name."""
    return frozenset(entity_key(m) for m in sentence.mentions)


def entity_key(mention: Mention) -> str:
    if mention.entity:
        return mention.entity
    words = mention.text.casefold().removeprefix("the ").split()
    # Unresolved: "Valery Gerasimov" and "Gerasimov" are still one person.
    return words[-1] if mention.label == "PERSON" and words else " ".join(words)


def figures(sentence: Sentence) -> frozenset[float]:
    """The values of the numbers a sentence gives, as the analysis read them."""
    return frozenset(n.value for n in sentence.numbers)


def _overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set found in the other; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class SameFact:
    """Scores sentence pairs for reporting the same fact, against one set of sentences."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self.vectors = tfidf([s.lemmas for s in self.sentences])
        self.entities = tfidf([sorted(entities(s)) for s in self.sentences])
        self.figures = [figures(s) for s in self.sentences]

    def score(self, i: int, j: int) -> float:
        return (
            cosine(self.vectors[i], self.vectors[j])
            + ENTITY_WEIGHT * cosine(self.entities[i], self.entities[j])
            + NUMBER_WEIGHT * _overlap(self.figures[i], self.figures[j])
        )

    def candidates(self) -> dict[int, list[int]]:
        """For each sentence, the later sentences that share a not-too-common lemma with it.

        An inverted index keeps the cost proportional to the sentences that
        share words, not to the square of all sentences.
        """
        postings: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(self.sentences):
            for lemma in set(sentence.lemmas):
                postings[lemma].append(i)
        too_common = max(2, min(int(COMMON_LEMMA_SHARE * len(self.sentences)), COMMON_LEMMA_SENTENCES))
        pairs: dict[int, list[int]] = {}
        for i, sentence in enumerate(self.sentences):
            later = {j for lemma in set(sentence.lemmas) if len(postings[lemma]) <= too_common for j in postings[lemma] if j > i}
            pairs[i] = sorted(later)
        return pairs


def same_fact_groups(same: SameFact, articles: Sequence[str], threshold: float) -> list[list[int]]:
    """Group sentences that report the same fact, strongest pairs first.

    Plain union-find over pairs would chain: A~B and B~C would put A and C
    together however unlike they are, and one finding could swallow a whole
    story. So two groups merge only when (1) they share no article (an article
    states a fact once; two of its sentences are two facts) and (2) their
    sentences are, on average over all pairs across the two groups, as alike as
    the threshold asks.
    """
    pairs = []
    for i, later in same.candidates().items():
        for j in later:
            if articles[i] != articles[j]:
                score = same.score(i, j)
                if score >= threshold:
                    pairs.append((-round(score, 9), i, j))
    group_of = list(range(len(articles)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    for _, i, j in sorted(pairs):
        a, b = group_of[i], group_of[j]
        if a == b or {articles[k] for k in members[a]} & {articles[k] for k in members[b]}:
            continue
        linkage = sum(same.score(x, y) for x in members[a] for y in members[b]) / (len(members[a]) * len(members[b]))
        if linkage < threshold:
            continue
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
    return [sorted(m) for m in members.values()]
