"""Tracked items: which publishers report each thing a reader asked to follow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefing.config import ItemConfig
from briefing.content import Sentence, SourceRef, TrackedItem
from briefing.errors import BriefingError


def tracked_items(
    items: Sequence[ItemConfig], sentences: Sequence[tuple[str, SourceRef, Sentence]], lemmas: Mapping[str, tuple[str, ...]]
) -> tuple[TrackedItem, ...]:
    """For each item, the first sentence of each publisher that signals it.

    ``sentences`` are (publisher, source, sentence) in briefing order. A
    sentence signals an item when it contains every content lemma of one of
    the item's signals, in any order; ``lemmas`` holds each signal's (:func:`~briefing.analyse.phrase_lemmas`).
    """
    if not items:
        return ()
    signals_of = []
    for item in items:
        signals = [frozenset(lemmas[signal]) for signal in item.signals]
        signals = [s for s in signals if s]
        if not signals:
            raise BriefingError(f"briefing.yml: tracked item {item.label!r}: its signals are all stop words; name the words that signal it")
        signals_of.append(signals)
    first: list[dict[str, SourceRef]] = [{} for _ in items]
    for publisher, ref, sentence in sentences:  # one pass for all items: each sentence's lemma set is made once
        lemmas = set(sentence.lemmas)
        for signals, found in zip(signals_of, first):
            if publisher not in found and any(signal <= lemmas for signal in signals):
                found[publisher] = ref
    return tuple(TrackedItem(item.label, tuple(sorted(found.items()))) for item, found in zip(items, first))
