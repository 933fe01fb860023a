"""Extractive summaries: TextRank over spaCy's sentences and lemmas.

This is sumy's ``TextRankSummarizer`` (0.13) worked out the same way, step for
step and in the same numpy operations, so the ratings are sumy's to the last
bit (``tests/test_benchmark_smoke.py`` holds them to sumy's own). It is written
here because importing sumy imports all of NLTK, and NLTK scikit-learn and
SciPy: 1.4 s of CPU for every process that analyses an article, longer than
analysing the one article a rebuild adds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

import numpy as np

from briefing.content import Sentence

#: sumy's damping factor, and the change in ratings at which its power method stops.
DAMPING = 0.85
EPSILON = 1e-4
#: What sumy adds to each row's sum before dividing by it, so that a row of zeros stays zeros.
_ZERO_DIVISION_PREVENTION = 1e-7


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(word.lower() for word in STOP_WORDS)


def _edge(words1: list[str], words2: list[str]) -> float:
    """How much two sentences share: common words over the sum of the logarithms of their lengths.

    The norm is a sum of logarithms of whole word counts: zero only when both
    sentences are one word long, and otherwise at least log 2 (sumy tests it
    with ``numpy.isclose``, which gives the same ratings at a numpy call a pair).
    """
    rank = sum(words2.count(word) for word in words1)
    if rank == 0:
        return 0.0
    norm = math.log(len(words1)) + math.log(len(words2))
    return float(rank) if norm == 0.0 else rank / norm


def centrality(sentences: Sequence[Sentence]) -> list[float]:
    """TextRank score of each sentence, in the order given."""
    if not sentences:
        return []
    stop = _stop_words()
    # As sumy reads them: a sentence's words are those of the last sentence with its text, in lower case.
    lemmas = {s.text: s.lemmas for s in sentences}
    words = [[w for w in map(str.lower, lemmas[s.text]) if w not in stop] for s in sentences]
    count = len(words)
    weights = np.zeros((count, count))
    for i, words_i in enumerate(words):
        for j in range(i, count):
            weights[i, j] = weights[j, i] = _edge(words_i, words[j])
    weights /= weights.sum(axis=1)[:, np.newaxis] + _ZERO_DIVISION_PREVENTION
    matrix = np.full((count, count), (1.0 - DAMPING) / count) + DAMPING * weights
    ranks = _stationary(matrix)
    # sumy keys the ratings by sentence text: a repeated text gets its last copy's rating.
    rating = dict(zip((s.text for s in sentences), ranks))
    # Rounded so that floating-point noise cannot reorder near-equal sentences.
    return [round(float(rating[s.text]), 9) for s in sentences]


def _stationary(matrix: np.ndarray) -> np.ndarray:
    """The power method, as sumy runs it."""
    transposed = matrix.T
    count = len(matrix)
    p_vector = np.array([1.0 / count] * count)
    change = 1.0
    while change > EPSILON:
        next_p = np.dot(transposed, p_vector)
        change = np.linalg.norm(np.subtract(next_p, p_vector))
        p_vector = next_p
    return p_vector


def top_sentences(sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    """The ``count`` most central sentences, in their original order."""
    scores = centrality(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:count]
    return [sentences[i] for i in sorted(ranked)]
