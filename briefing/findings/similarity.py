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
from collections.abc import Hashable, Sequence
from typing import TypeVar

import numpy as np

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
#: How far below the threshold a pair's numpy estimate may be and the pair still be scored:
#: far more than the estimate's float error (about 1e-15), far less than any real difference.
ESTIMATE_SLACK = 1e-9
#: Cells of the dense block :meth:`_Rows.dots` spreads rows into (32 MB of floats).
DENSE_BLOCK_CELLS = 1 << 22

Evidence = TypeVar("Evidence", float, np.ndarray)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(lemma, 0.0) for lemma, w in a.items())


def tfidf(documents: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of lemma lists, IDF smoothed so no weight is zero."""
    df = Counter(lemma for doc in documents for lemma in set(doc))
    n = len(documents)
    idf = {lemma: math.log((1 + n) / (1 + count)) + 1 for lemma, count in df.items()}
    vectors = []
    for doc in documents:
        weights = {lemma: count * idf[lemma] for lemma, count in Counter(doc).items()}
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


def _weigh(words: Evidence, names: Evidence, figures: Evidence) -> Evidence:
    """The same-fact score from its three kinds of evidence (floats, or arrays of them)."""
    return words + ENTITY_WEIGHT * names + NUMBER_WEIGHT * figures


class SameFact:
    """Scores sentence pairs for reporting the same fact, against one set of sentences."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self.vectors = tfidf([s.lemmas for s in self.sentences])
        self.entities = tfidf([sorted(entities(s)) for s in self.sentences])
        self.figures = [figures(s) for s in self.sentences]
        self._scores: dict[tuple[int, int], float] = {}

    def score(self, i: int, j: int) -> float:
        """The score of sentences ``i`` and ``j``; remembered, as grouping asks for pairs again.

        Kept in the order asked: the cosine sums in the order of one vector, so
        ``score(j, i)`` may differ from ``score(i, j)`` in the last bit.
        """
        score = self._scores.get((i, j))
        if score is None:
            score = self._scores[i, j] = _weigh(
                cosine(self.vectors[i], self.vectors[j]),
                cosine(self.entities[i], self.entities[j]),
                _overlap(self.figures[i], self.figures[j]),
            )
        return score

    def estimates(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The scores of the pairs ``first[k]``, ``second[k]`` (``first`` ascending), all at once.

        numpy sums in another order than :meth:`score`, so the last bits can
        differ: use these only to rule pairs out, and :meth:`score` to decide.
        """
        figures = _Rows([dict.fromkeys(f, 1.0) for f in self.figures])
        smaller = np.minimum(figures.size[first], figures.size[second])
        return _weigh(
            _Rows(self.vectors).dots(first, second),
            _Rows(self.entities).dots(first, second),
            figures.dots(first, second) / np.maximum(smaller, 1),  # no figures: nothing shared, 0
        )

    def candidates(self) -> tuple[np.ndarray, np.ndarray]:
        """The pairs of sentences ``i < j`` that share a not-too-common lemma, ordered by ``i``, then ``j``.

        An inverted index keeps the cost proportional to the sentences that
        share words, not to the square of all sentences.
        """
        n = len(self.sentences)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(self.sentences):
            for lemma in set(sentence.lemmas):
                postings[lemma].append(i)
        too_common = max(2, min(int(COMMON_LEMMA_SHARE * n), COMMON_LEMMA_SENTENCES))
        # Posting lists of one length stack into a matrix whose column pairs are all their pairs at once.
        by_length: dict[int, list[list[int]]] = defaultdict(list)
        for sharing in postings.values():
            if 2 <= len(sharing) <= too_common:
                by_length[len(sharing)].append(sharing)
        keys = [np.empty(0, dtype=np.int64)]
        for length, lists in by_length.items():
            rows = np.array(lists, dtype=np.int64)
            earlier, later = np.triu_indices(length, 1)
            keys.append((rows[:, earlier] * n + rows[:, later]).ravel())
        keys = np.sort(np.concatenate(keys))
        # Once each, though a pair shares several lemmas (np.unique is much slower at this).
        return np.divmod(keys[np.diff(keys, prepend=-1) != 0], n)


class _Rows:
    """Sparse vectors as numpy arrays (compressed rows), to take the dot products of many pairs at once."""

    def __init__(self, vectors: Sequence[dict[Hashable, float]]) -> None:
        column: dict[Hashable, int] = {}
        self.columns = np.array([column.setdefault(key, len(column)) for v in vectors for key in v], dtype=np.intp)
        self.weights = np.array([w for v in vectors for w in v.values()], dtype=float)
        self.size = np.array([len(v) for v in vectors], dtype=np.intp)
        self.start = np.concatenate(([0], np.cumsum(self.size)))  # row r's entries are start[r]:start[r + 1]
        self.width = max(len(column), 1)

    def dots(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The dot product of rows ``first[k]`` and ``second[k]`` for each k; ``first`` ascending.

        The rows of ``first`` are spread into a dense block a few hundred at a
        time; each entry of the matching ``second`` rows looks its column up there.
        """
        rows = len(self.size)
        height = max(1, DENSE_BLOCK_CELLS // self.width)
        dense = np.zeros(height * self.width)  # flat: one index per cell is quicker than a row and a column
        products = np.zeros(len(first))
        tops = range(0, rows, height)
        bounds = np.searchsorted(first, [*tops, rows])
        for top, lo, hi in zip(tops, bounds, bounds[1:]):
            if lo == hi:
                continue
            bottom = min(top + height, rows)
            spread = slice(self.start[top], self.start[bottom])
            cells = np.repeat(np.arange(bottom - top) * self.width, self.size[top:bottom]) + self.columns[spread]
            dense[cells] = self.weights[spread]
            # One item per entry of each second row: which pair it belongs to, and where it is stored.
            sizes = self.size[second[lo:hi]]
            pair = np.repeat(np.arange(hi - lo), sizes)
            entry = np.arange(len(pair)) + np.repeat(self.start[second[lo:hi]] - (np.cumsum(sizes) - sizes), sizes)
            row_cell = (first[lo:hi] - top) * self.width
            found = dense[row_cell[pair] + self.columns[entry]]
            products[lo:hi] = np.bincount(pair, found * self.weights[entry], minlength=hi - lo)
            dense[cells] = 0.0
        return products


def same_fact_groups(same: SameFact, articles: Sequence[str], threshold: float) -> list[list[int]]:
    """Group sentences that report the same fact, strongest pairs first.

    Plain union-find over pairs would chain: A~B and B~C would put A and C
    together however unlike they are, and one finding could swallow a whole
    story. So two groups merge only when (1) they share no article (an article
    states a fact once; two of its sentences are two facts) and (2) their
    sentences are, on average over all pairs across the two groups, as alike as
    the threshold asks.
    """
    number = {article: k for k, article in enumerate(dict.fromkeys(articles))}
    article_number = np.array([number[article] for article in articles], dtype=np.intp)
    first, second = same.candidates()
    across = article_number[first] != article_number[second]
    first, second = first[across], second[across]
    # Millions of candidates at a few thousand articles, and few reach the threshold: numpy
    # estimates them all at once, and only those the estimate leaves in are scored one by one.
    near = same.estimates(first, second) >= threshold - ESTIMATE_SLACK
    pairs = []
    for i, j in zip(first[near].tolist(), second[near].tolist()):
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
