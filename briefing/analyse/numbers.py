"""Numbers in a sentence with what they count: "26 people killed", "19 per cent of Ukrainian territory".

spaCy's CARDINAL, PERCENT, MONEY and QUANTITY entities give the number; the
parse gives what it counts: the noun it modifies (and the verb acting on that
noun), or the "of ..." phrase after a share. Dates, times and ordinals are not
counts and are left out.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token
from text_to_num import text2num

from briefing.content import Number
from briefing.ingest.text import normalise_space

NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Words text2num reads as part of a number ("one hundred and twenty", "twenty-five").
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion".split()
)
#: A scale after a figure multiplies it: "1.5 million", "$105m", "20bn".
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
#: Plurals that make a count vague ("hundreds of", "tens of thousands"): no one value.
VAGUE = frozenset({"dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions"})
_TOKENS = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")


def value_of(text: str) -> float | None:
    """The value a number phrase states, or None when it states none ("dozens", "hundreds of").

    Figures and number words alike: "Twenty-five" is 25, "1.5 million" 1,500,000,
    "two dozen" 24, "at least 26" 26; a range gives its first figure ("20-25" is 20).
    Number words are read by text2num.
    """
    words = _TOKENS.findall(text.lower().replace("-", " "))
    for k, word in enumerate(words):
        if word in VAGUE:
            return None
        if word[0].isdigit():
            if word.count(".") > 1:  # "3.817.69" is no one number
                return None
            return float(word.replace(",", "")) * _scale(words[k + 1 : k + 2])
        if word in NUMBER_WORDS or word in ("a", "half", "dozen"):
            value = _spelled(words[k:])
            if value is not None:
                return value
    return None


def _scale(words: list[str]) -> float:
    return SCALES.get(words[0], 1.0) if words else 1.0


def _spelled(words: list[str]) -> float | None:
    """The value of the number words ``words`` start with: "twenty five", "a dozen", "half a million"."""
    factor = 1.0
    if words[0] == "half":
        factor, words = 0.5, words[1:]
    if words[:1] == ["a"]:  # "a hundred", "a dozen", "half a million"; not "a third"
        if words[1:2] != ["dozen"] and not (words[1:2] and words[1] in NUMBER_WORDS):
            return None
        words = ["one", *words[1:]]
    run: list[str] = []
    for word in words:
        if word in NUMBER_WORDS or (word == "and" and run):
            run.append(word)
        else:
            break
    while run and run[-1] == "and":
        run.pop()
    rest = words[len(run) :]
    if not run:
        return 12 * factor if rest[:1] == ["dozen"] else None
    try:
        value = float(text2num(" ".join(run), "en"))
    except ValueError:  # not one number ("one two"): its first word is
        value = float(text2num(run[0], "en"))
    if rest[:1] == ["dozen"]:
        value *= 12
    return value * factor


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
