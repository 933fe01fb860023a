"""Numbers in a sentence with what they count: "26 people killed", "19 per cent of Ukrainian territory".

spaCy's CARDINAL, PERCENT, MONEY and QUANTITY entities give the number; the
parse gives what it counts: the noun it modifies (and the verb acting on that
noun), or the "of ..." phrase after a share. Dates, times and ordinals are not
counts and are left out.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from briefing.content import Number
from briefing.ingest.text import normalise_space

NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def value_of(text: str) -> float | None:
    """The value a number phrase states, or None when it states none ("dozens")."""
    words = re.findall(r"[a-z]+|\d+(?:[.,]\d+)*", text.lower().replace("-", " "))
    value: float | None = None
    for word in words:
        if _DIGITS.fullmatch(word):
            if value is None and word.count(".") <= 1:  # "3.817.69" is no one number
                value = float(word.replace(",", ""))
        elif word in WORDS:
            # "two dozen" is 24, "three" is 3
            value = WORDS[word] if value is None else value * WORDS[word]
        elif word in SCALES and value is not None:
            value *= SCALES[word]
    return value


def numbers(span: Span) -> tuple[Number, ...]:
    found = []
    for ent in span.ents:
        if ent.label_ not in NUMBER_LABELS:
            continue
        value = value_of(ent.text)
        if value is None:
            continue
        found.append(Number(text=normalise_space(ent.text), value=value, counts=_counts(ent)))
    return tuple(found)


def _counts(ent: Span) -> str:
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ == "of":
        # "19 per cent of Ukrainian territory"
        return _phrase(after)
    root = ent.root
    head = root.head
    if root.dep_ == "nummod" or (ent.label_ == "PERCENT" and head.pos_ == "NOUN"):
        noun = head if root.dep_ == "nummod" else root
        if noun.i < ent.end:  # "80%" is its own noun: what follows says of what
            noun = next((t for t in doc[ent.end : ent.end + 6] if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj", "appos", "npadvmod")), noun)
        words = [noun.text]
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
            words.append(noun.head.text)  # "26 people" killed
        elif noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN":
            words.append(noun.head.text)  # "28-point" plan
        return " ".join(words)
    # spaCy makes a new Token object on each access: compare tokens with ==, never `is`.
    while head.pos_ not in ("NOUN", "VERB") and head.head != head:
        head = head.head
    return head.text if head.pos_ in ("NOUN", "VERB") and head not in ent else ""


def _phrase(prep: Token) -> str:
    tokens = sorted(prep.subtree, key=lambda t: t.i)
    return normalise_space(prep.doc[tokens[0].i : tokens[-1].i + 1].text)
