"""Tracked items: which publishers report each thing a reader asked to follow."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.analyse import content_lemmas
from briefing.analyse.nlp import load_nlp
from briefing.config import ItemConfig
from briefing.content import Sentence, SourceRef, TrackedItem
from briefing.errors import BriefingError


def tracked_items(
    items: Sequence[ItemConfig], sentences: Sequence[tuple[str, SourceRef, Sentence]]
) -> tuple[TrackedItem, ...]:
    """For each item, the first sentence of each publisher that signals it.

    ``sentences`` are (publisher, source, sentence) in briefing order. A
    sentence signals an item when it contains every content lemma of one of
    the item's signals, in any order.
    """
    if not items:
        return ()
    nlp = load_nlp()
    tracked = []
    for item in items:
        signals = [frozenset(content_lemmas(doc)) for doc in nlp.pipe(item.signals)]
        signals = [s for s in signals if s]
        if not signals:
            raise BriefingError(f"briefing.yml: tracked item {item.label!r}: its signals are all stop words; name the words that signal it")
        first: dict[str, SourceRef] = {}
        for publisher, ref, sentence in sentences:
            lemmas = set(sentence.lemmas)
            if publisher not in first and any(signal <= lemmas for signal in signals):
                first[publisher] = ref
        tracked.append(TrackedItem(item.label, tuple(sorted(first.items()))))
    return tuple(tracked)
