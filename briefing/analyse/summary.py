"""Extractive summaries with sumy's TextRank, fed spaCy's sentences and lemmas.

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded here,
so sumy gets our sentences through its document model and our lemmas through a
tokenizer object that only looks them up.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from sumy.models.dom import ObjectDocumentModel
from sumy.models.dom import Paragraph as SumyParagraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.content import Sentence


class _LemmaTokenizer:
    """What sumy needs of a tokenizer, answered from lemmas spaCy already produced."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._words = {s.text: list(s.lemmas) for s in sentences}

    def to_words(self, text: str) -> list[str]:
        return self._words[text]


def centrality(sentences: Sequence[Sentence]) -> list[float]:
    """TextRank score of each sentence, in the order given."""
    if not sentences:
        return []
    tokenizer = _LemmaTokenizer(sentences)
    sumy_sentences = [SumySentence(s.text, tokenizer) for s in sentences]
    document = ObjectDocumentModel([SumyParagraph(sumy_sentences)])
    summarizer = TextRankSummarizer()
    summarizer.stop_words = STOP_WORDS
    ratings = summarizer.rate_sentences(document)
    # Rounded so that floating-point noise cannot reorder near-equal sentences.
    return [round(float(ratings[s]), 9) for s in sumy_sentences]


def top_sentences(sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    """The ``count`` most central sentences, in their original order."""
    scores = centrality(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:count]
    return [sentences[i] for i in sorted(ranked)]
