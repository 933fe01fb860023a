"""Extractive summaries with sumy's TextRank, fed spaCy's sentences and lemmas.

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded here,
so sumy gets our sentences through its document model and our lemmas through a
tokenizer object that only looks them up.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from spacy.lang.en.stop_words import STOP_WORDS

from briefing.content import Sentence

#: Optional dependencies of NLTK that its package imports whole (for collocation statistics and
#: classifiers) and that sumy never calls: about 0.7 s of CPU in every process that summarises.
NLTK_EXTRAS = ("scipy", "sklearn")


@contextmanager
def _without(packages: Sequence[str]) -> Iterator[None]:
    """Import as if ``packages`` were not installed (unless already imported): a library that guards an
    optional import takes its own fallback. Afterwards they import as usual again."""
    hidden = [name for name in packages if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))  # None in sys.modules: that import raises ImportError
    try:
        yield
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


with _without(NLTK_EXTRAS):  # sumy imports its stemmers, which import the whole of NLTK
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.summarizers.text_rank import TextRankSummarizer


class _LemmaTokenizer:
    """What sumy needs of a tokenizer, answered from lemmas spaCy already produced."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._words = {s.text: list(s.lemmas) for s in sentences}

    def to_words(self, text: str) -> list[str]:
        return self._words[text]


class _TextRank(TextRankSummarizer):
    """sumy's TextRank, with its edge rating worked out without a numpy call per sentence pair.

    sumy tests whether the length norm is zero with ``numpy.isclose``, which cost
    most of the summaries' time. The norm is a sum of logarithms of whole word
    counts: zero only when both sentences are one word long, and otherwise at
    least log 2, so testing for zero gives exactly sumy's ratings.
    """

    @staticmethod
    def _rate_sentences_edge(words1: list[str], words2: list[str]) -> float:
        rank = sum(words2.count(word) for word in words1)
        if rank == 0:
            return 0.0
        norm = math.log(len(words1)) + math.log(len(words2))
        return float(rank) if norm == 0.0 else rank / norm


def centrality(sentences: Sequence[Sentence]) -> list[float]:
    """TextRank score of each sentence, in the order given."""
    if not sentences:
        return []
    tokenizer = _LemmaTokenizer(sentences)
    sumy_sentences = [SumySentence(s.text, tokenizer) for s in sentences]
    document = ObjectDocumentModel([SumyParagraph(sumy_sentences)])
    summarizer = _TextRank()
    summarizer.stop_words = STOP_WORDS
    ratings = summarizer.rate_sentences(document)
    # Rounded so that floating-point noise cannot reorder near-equal sentences.
    return [round(float(ratings[s]), 9) for s in sumy_sentences]


def top_sentences(sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    """The ``count`` most central sentences, in their original order."""
    scores = centrality(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:count]
    return [sentences[i] for i in sorted(ranked)]
