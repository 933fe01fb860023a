"""Extractive summaries with TextRank over spaCy's sentences and lemmas, rated as sumy's does.

sumy's ``TextRankSummarizer`` (0.13) rated the sentences until its import was
found to cost a build that analyses one article about 1.4 s of CPU: sumy
imports NLTK for its stemmers, and NLTK imports SciPy and scikit-learn. Its
algorithm is a few array operations, done here in the same order, so the
ratings are the same to the last bit (tests/test_benchmark_smoke.py compares
them with sumy's own).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from briefing.content import Sentence

#: sumy's damping factor, power-method tolerance and guard against rows of zeros.
DAMPING = 0.85
EPSILON = 1e-4
ZERO_DIVISION_PREVENTION = 1e-7
_STOP_WORDS = frozenset(word.lower() for word in STOP_WORDS)


def _edge(words1: list[str], words2: list[str]) -> float:
    """How much two sentences share: common words over the sum of the logarithms of their lengths.

    The norm is a sum of logarithms of whole word counts: zero only when both
    sentences are one word long (sumy tests it with ``numpy.isclose``, which cost
    most of the summaries' time, and rates the pair by its rank alone).
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
    # sumy knows a sentence by its text: one given twice has the words and the score of its last copy.
    lemmas = {s.text: s.lemmas for s in sentences}
    words = [[w for w in map(str.lower, lemmas[s.text]) if w not in _STOP_WORDS] for s in sentences]
    count = len(words)
    weights = np.zeros((count, count))
    for i, words_i in enumerate(words):
        for j in range(i, count):
            weights[i, j] = weights[j, i] = _edge(words_i, words[j])
    weights /= weights.sum(axis=1)[:, np.newaxis] + ZERO_DIVISION_PREVENTION
    # PageRank's power method on the damped matrix, as sumy runs it.
    transposed = (np.full((count, count), (1.0 - DAMPING) / count) + DAMPING * weights).T
    ranks = np.array([1.0 / count] * count)
    change = 1.0
    while change > EPSILON:
        following = np.dot(transposed, ranks)
        change = np.linalg.norm(np.subtract(following, ranks))
        ranks = following
    last = {s.text: rank for s, rank in zip(sentences, ranks)}
    # Rounded so that floating-point noise cannot reorder near-equal sentences.
    return [round(float(last[s.text]), 9) for s in sentences]


def top_sentences(sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    """The ``count`` most central sentences, in their original order."""
    scores = centrality(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:count]
    return [sentences[i] for i in sorted(ranked)]
