"""Same-fact similarity: which sentences from different articles report one fact.

A pair of sentences is described by a few kinds of evidence, all from the
analysis: how alike their meanings are (the cosine of their sentence
embeddings), their content words (lemma TF-IDF cosine), the canonical entities
and the figures they share, how alike their lengths are, and four conflicts:
different figures for one count, a denial against a claim, other dates, other
places. A logistic model over that evidence, trained on the labelled pairs of the
development corpus's train split (``make train``; weights in
``same_fact_model.json``), gives the probability that they report one fact.
docs/findings.md gives its figures on the held-out test split.

Candidate pairs share a content word that is not too common (an inverted
index), so their number grows with the sentences that share words, not with
the square of all sentences.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import chain

import numpy as np

from briefing.content import Attribution, Mention, Number, Sentence

#: The evidence a pair is described by, in the model's order.
FEATURES = (
    "meaning",
    "words",
    "contained",
    "containing",
    "names",
    "figures",
    "length",
    "same_speaker",
    "other_speaker",
    "figure_conflict",
    "denial_conflict",
    "date_conflict",
    "place_conflict",
)
#: Conflicts that keep two sentences out of one finding whatever else they share: a claim
#: and its denial, or two figures for one count, are a contested pair, not one report.
HARD_CONFLICTS = ("figure_conflict", "denial_conflict", "date_conflict")
FIGURE_CONFLICT, DENIAL_CONFLICT, DATE_CONFLICT, PLACE_CONFLICT = (
    FEATURES.index(name) for name in ("figure_conflict", "denial_conflict", "date_conflict", "place_conflict")
)
_HARD = [FEATURES.index(name) for name in HARD_CONFLICTS]
NAMES, OTHER_SPEAKER = FEATURES.index("names"), FEATURES.index("other_speaker")
#: A claim and its denial are made by two speakers: that is no evidence against a dispute.
_DISPUTING = [*_HARD, FEATURES.index("other_speaker")]
#: A lemma found in more than this share of sentences is too common to propose a pair...
COMMON_LEMMA_SHARE = 0.05
#: ... unless it is found in at most this many: in a small briefing every shared word counts
#: ("plan" is in a quarter of the sentences of a 50-article story, and still a candidate's only link).
COMMON_LEMMA_FLOOR = 50
#: ... and one found in more than this many sentences is too common however large the briefing:
#: with a share alone, the candidate pairs grow with the square of the corpus (4.4 million at
#: 668 BBC articles, 1.3 million with this cap).
COMMON_LEMMA_SENTENCES = 100
#: Figures within this share of each other are one figure rounded ("600,000", "599,500")...
ROUNDING = 0.05
#: ... and within this share when one says it is approximate ("about two dozen", "at least 22").
ROUGHLY = 0.2
_APPROXIMATE = re.compile(r"\b(about|around|nearly|almost|roughly|approximately|some|more than|over|up to|dozen)\b", re.I)
#: Candidate pairs whose evidence is worked out at once (bounds the memory of the sparse products).
CHUNK = 1 << 16
#: Pairs whose meaning cosines are taken at once: their embeddings stay in the processor's cache.
MEANING_BLOCK = 1 << 10
#: Places, for the place conflict.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Cues that turn down a proposal rather than deny a fact ("rejected territorial concessions").
REFUSAL_CUES = ("reject", "refus", "rul")
#: What a short denial denies when it denies a fact: a claim named ("denied the reports") or pointed at ("denied it").
_CLAIM = re.compile(r"\b(?:claims?|reports?|allegations?|accusations?|charges?|rumou?rs?|it|this|that|them)\b", re.I)
#: A denial answers a claim when at least this many of the words it denies are named...
DENIED_WORDS = 3
#: ... and at least this share of them are the claim's words.
DENIED_SHARE = 0.6
#: Cues that deny a fact, or say it is not confirmed; "has not said", "refused to comment" and
#: "will not promise" answer nothing, and neither does a denial itself negated ("did not deny").
FACT_DENIALS = ("den", "dismiss", "confirm")
#: The verbs of a denial, as written.
_DENYING = r"den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)"
#: Playing a report down: "Peskov appeared to downplay reports of a new peace plan" says no more than a denial.
_PLAYING_DOWN = r"downplay(?:s|ed|ing)?|play(?:s|ed|ing)? down"
#: What a sentence that tells of a denial says: it reports the denial, and states no claim to deny.
_DENIAL_WORD = re.compile(rf"\b(?:{_DENYING}|{_PLAYING_DOWN}|denials?|not guilty|innocen(?:t|ce))\b", re.I)
#: A report played down, which a sentence denies as much as one that says "denied the reports".
_PLAYED_DOWN = re.compile(rf"\b(?:{_PLAYING_DOWN})\s+(?:the\s+|any\s+)?(?:[\w-]+\s+){{0,2}}?(?:reports?|claims?|suggestions?|speculation|rumou?rs?)\b", re.I)
#: A denial that points at a claim rather than repeating it: "Gerasimov's claims", "Russian statements that …".
_POINTER = re.compile(
    r"(?:(?:the|these|those|such|all|any|multiple|several)\s+)?(?:[\w.]+\s+){0,3}?(?:\S+(?:'s|’s)\s+)?"
    r"(?:claims?|reports?|statements?|allegations?|accusations?|charges?|suggestions?|rumou?rs?)\b",
    re.I,
)
#: ... or at what was said before: "denied it".
_PRONOUN = re.compile(r"(?:it|this|that|them)\W*", re.I)
#: A denial of a claim it only points at, naming no one: "Ukraine swiftly denied the assertion, …", "denied the
#: allegations on X" (not "the claims that …", "the claim he had …", "the claims made by …": those say what, or whose).
_POINTED_DENIAL = re.compile(
    rf"\b(?:{_DENYING})\s+(?:the|these|those|such|this|that)\s+"
    r"(?:claims?|assertions?|reports?|allegations?|accusations?)(?=\s*(?:[,.;:]|$)|\s+on\s+\S+\s*[,.])",
    re.I,
)
#: What is turned down, not denied: "dismissed an attempt by Yukos", "rejected the appeal".
_ACTION = re.compile(
    r"^(?:(?:an?|the|his|her|its|their)\s+)?(?:\S+(?:'s|’s)\s+)?(?:attempts?|bids?|appeals?|case|lawsuits?|suits?|requests?|motions?|applications?|offers?|proposals?|calls?|demands?)\b",
    re.I,
)
#: What a figure may count and still not say what it is a figure of: a unit, a currency or a rank ("5bn rupees"
#: may be a fund or a year's sales; "number three" and "number six" may be two weeks' charts), or a verb
#: alone ("rose 4.3%", "took $881m": of what, its subject says).
NOT_A_THING = frozenset(
    "m bn million billion trillion thousand per cent percent points point p "
    "number no place places position rank spot "
    "rose rise rises risen fell fall falls fallen grew grow grows grown took take takes taken cut cuts beat beats "
    "put puts hit hits sold sell sells won win wins lost lose loses made make makes paid pay pays set sets "
    "spent spend spends gave give gives got get gets saw see sees went go goes ran run runs".split()
)
#: Currencies, which are no thing counted either; money is compared only with money: a currency sign before
#: the figure, or a currency after it.
_CURRENCY = r"dollars?|pounds?|euros?|yen|rupees?|yuan|roubles?|rubles?|francs?|hryvnias?|pence|cents?"
_MONEY_BEFORE = re.compile(r"[$£€¥]\s*$")
_MONEY_AFTER = re.compile(rf"\s*(?:[a-z]{{0,3}}\s+)?(?:{_CURRENCY})\b", re.I)
#: A rate ("530 pence a share", "1 million barrels a day") is compared only with a rate.
_RATE = re.compile(r"[\s-]*(?:a|an|per|each)[\s-]+\w+", re.I)
#: What is called something, not denied: "dismissed the plan as 'desperate'".
_CALLED = re.compile(r"\bas\s+(?:an?\s+)?[\"“‘']?[\w-]+[\"”’']?\W*$", re.I)
#: Words after a figure that make it a part of a whole ("the three other detainees", "two more").
_PART = re.compile(r"\s+(?:other|others|more|further|additional|extra)\b", re.I)
#: Periods a figure may be for: a month, a quarter, a year, or one told relative to now.
_PERIOD = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)\b"
    r"|\b(?i:(?:first|second|third|fourth|final) quarter|(?:last|this|next) (?:week|month|year))\b",
)
_DIGIT = re.compile(r"\d")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_MONTH_DAY = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?)\b",
    re.I,
)


def _idf(df: Sequence[int], documents: int) -> np.ndarray:
    """Inverse document frequencies of terms found in ``df`` of ``documents``, smoothed so no weight is zero."""
    return np.array([math.log((1 + documents) / (1 + count)) + 1 for count in df], dtype=float)


class Terms:
    """The terms (lemmas, entities, figures) of each of a list of documents, as numbers: each
    distinct term of a document once, in order of first occurrence, with how often it occurs."""

    def __init__(self, documents: Sequence[Sequence[Hashable]]) -> None:
        self.vocabulary: list[Hashable] = list(dict.fromkeys(chain.from_iterable(documents)))
        number = {term: k for k, term in enumerate(self.vocabulary)}
        self.documents = len(documents)
        self.length = np.array([len(doc) for doc in documents], dtype=np.int64)
        tokens = np.fromiter(map(number.__getitem__, chain.from_iterable(documents)), dtype=np.int64, count=int(self.length.sum()))
        width = max(len(number), 1)
        keys = np.repeat(np.arange(self.documents, dtype=np.int64), self.length) * width + tokens
        distinct, first, count = np.unique(keys, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        # Entries by document, then by first occurrence: document r's are start[r]:start[r + 1].
        self.row, self.term = np.divmod(distinct[order], width)
        self.count = count[order].astype(float)
        self.start = np.concatenate(([0], np.cumsum(np.bincount(self.row, minlength=self.documents))))
        self.df = np.bincount(self.term, minlength=len(number))
        self.idf = _idf(self.df.tolist(), self.documents)

    def rows(self, *weights: np.ndarray) -> Rows:
        """The documents as sparse rows, with values from each of ``weights`` (one per entry)."""
        return Rows(self.start, self.term, *weights)

    def tfidf(self) -> np.ndarray:
        """The weights of unit-length TF-IDF rows, one per entry."""
        weights = self.count * self.idf[self.term]
        norms = np.sqrt(np.bincount(self.row, weights * weights, minlength=self.documents))
        return weights / np.where(norms > 0, norms, 1.0)[self.row]


class Rows:
    """Sparse rows (one per document; ``start[r]:start[r + 1]`` are row r's entries) with one or
    more sets of values, to take the dot products of many pairs of rows at once."""

    def __init__(self, start: np.ndarray, columns: np.ndarray, *values: np.ndarray) -> None:
        row = np.repeat(np.arange(len(start) - 1), np.diff(start))
        order = np.lexsort((columns, row))  # each row's entries by column: matches are found by search
        self.start, self.width = start, int(columns.max(initial=0)) + 1
        self.columns, self.values = columns[order], [v[order] for v in values]

    def dots(self, first: np.ndarray, second: np.ndarray) -> list[np.ndarray]:
        """For each set of values, the dot product of rows ``first[k]`` and ``second[k]`` for each k,
        each summed over the shared columns in column order: the same two rows give the same
        bits in any batch."""
        products = [np.zeros(len(first)) for _ in self.values]
        for lo in range(0, len(first), CHUNK):
            for whole, part in zip(products, self._dots(first[lo : lo + CHUNK], second[lo : lo + CHUNK])):
                whole[lo : lo + CHUNK] = part
        return products

    def _dots(self, first: np.ndarray, second: np.ndarray) -> list[np.ndarray]:
        # Every entry of both rows of each pair, keyed by (pair, column): sorted, as pairs and columns are.
        keys, entries, pair = [], [], None
        for rows in (first, second):
            sizes = self.start[rows + 1] - self.start[rows]
            entries.append(np.repeat(self.start[rows], sizes) + positions_in_runs(sizes))
            pair = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
            keys.append(pair * self.width + self.columns[entries[-1]])
        found = np.minimum(np.searchsorted(keys[0], keys[1]), max(len(keys[0]) - 1, 0))
        shared = keys[0][found] == keys[1] if len(keys[0]) else np.zeros(len(keys[1]), dtype=bool)
        mine, theirs, pair = entries[0][found[shared]], entries[1][shared], pair[shared]
        return [np.bincount(pair, values[mine] * values[theirs], minlength=len(first)) for values in self.values]


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


def denies(sentence: Sentence) -> bool:
    """Whether the sentence denies, or says someone has not confirmed, a fact: a claim or words that
    state one, not a thing asked for ("denied bail", "denied entry")."""
    return any(
        a.denial
        and (not a.cue.casefold().startswith(REFUSAL_CUES) or _POINTER.match(a.content))  # "rejected the allegation that …" denies
        and (len(a.content.split()) >= 3 or _CLAIM.search(a.content))
        for a in sentence.attributions
    )


def denies_a_claim(sentence: Sentence) -> bool:
    """Whether the sentence denies a fact in words the analysis read (:func:`denies`), or by pointing
    at a claim, which only its article tells ("Ukraine swiftly denied the assertion")."""
    return denies(sentence) or bool(_POINTED_DENIAL.search(sentence.text))


def speaker(sentence: Sentence) -> str | None:
    """The canonical entity (or, unresolved, the name) of the first named speaker of a sentence."""
    for attribution in sentence.attributions:
        if attribution.entity:
            return attribution.entity
    return None


def dates(sentence: Sentence) -> tuple[frozenset[str], frozenset[str]]:
    """The weekdays and the days of months ("nov-20") a sentence names, apart: "Thursday" and
    "Nov. 20" may be one day, so only like is compared with like."""
    text = sentence.text
    days = set()
    # Most sentences name no day: a day of a month has a digit, every weekday ends in "day"
    # (the patterns cost many times these tests).
    if _DIGIT.search(text):
        for day, month, month_first, day_after in _MONTH_DAY.findall(text):
            days.add(f"{(month or month_first).lower()}-{int(day or day_after)}")
    weekdays = _WEEKDAY.findall(text) if "day" in text.casefold() else ()
    return frozenset(w.lower() for w in weekdays), frozenset(days)


def places(sentence: Sentence) -> frozenset[str]:
    return frozenset(entity_key(m) for m in sentence.mentions if m.label in PLACE_LABELS)


def figures_conflict(a: Sentence, b: Sentence, *, strict: bool = False) -> bool:
    """Whether ``a`` and ``b`` give different values for one count of one thing.

    Only the same count is compared ("killed" with "killed"), a percentage only
    with a percentage, and a figure either sentence also gives, or one within
    rounding of it, is no disagreement: an added share or a second quantity is
    more detail, not another figure. ``strict``, as a dispute asks: only a count
    that names a thing (:data:`NOT_A_THING`), money only with money and a rate
    with a rate, no figure of a part ("the three other detainees"), and no
    figure the other sentence writes too ("$11bn (£5.8bn)", where the parse
    read only one).
    """
    values_a = [n.value for n in a.numbers]
    values_b = [n.value for n in b.numbers]
    # Strict: each figure's kind, None where it is no rival at all; worked out once a figure.
    kinds_b = [_kind(y, b) if _rival(y, b, a) else None for y in b.numbers] if strict else []
    for x in a.numbers:
        kind_x = _kind(x, a) if strict and x.counts and _rival(x, a, b) else None
        if not x.counts or strict and kind_x is None:
            continue
        for k, y in enumerate(b.numbers):
            if y.counts.casefold() != x.counts.casefold() or _percent(x.text) != _percent(y.text):
                continue
            if strict and kinds_b[k] != kind_x:
                continue
            tolerance = ROUGHLY if _APPROXIMATE.search(x.text) or _APPROXIMATE.search(y.text) else ROUNDING
            if not (_near(x.value, values_b, tolerance) or _near(y.value, values_a, tolerance)):
                return True
    return False


def _rival(number: Number, sentence: Sentence, other: Sentence) -> bool:
    """Whether a figure of ``sentence`` may stand against a figure of ``other`` at all."""
    # A word in -ed or -ing counted alone is the verb ("dropped 1%"); a noun so counted is rare.
    things = [
        word for word in number.counts.casefold().split() if word not in NOT_A_THING and not re.fullmatch(_CURRENCY, word) and not word.endswith(("ed", "ing"))
    ]
    found = _whole(number.text, sentence.text)
    part = found is not None and bool(_PART.match(sentence.text, found.end()))
    return bool(things) and not part and _whole(number.text, other.text) is None


def _kind(number: Number, sentence: Sentence) -> tuple[bool, bool]:
    """Whether a figure is money, and whether it is a rate."""
    found = _whole(number.text, sentence.text)
    if found is None:
        return bool(_MONEY_BEFORE.search(number.text[:1])), False
    money = _MONEY_BEFORE.search(sentence.text, 0, found.start()) or _MONEY_AFTER.match(sentence.text, found.end()) or _MONEY_BEFORE.search(number.text[:1])
    return bool(money), bool(_RATE.match(sentence.text, found.end()))


def _whole(figure: str, text: str) -> re.Match[str] | None:
    """Where ``text`` writes ``figure`` as a whole number: "26" in "at least 26", not in "260", "26,000" or "2026"."""
    return re.search(rf"(?<![\w.,]){re.escape(figure)}(?!\w|[.,]\d)", text)


def periods(sentence: Sentence) -> frozenset[str]:
    """The months, quarters and years a sentence names: a figure for December is no rival of one for January.
    A figure of the sentence is no year ("employs 2000 people")."""
    figures = {n.text for n in sentence.numbers}
    return frozenset(period.casefold() for period in _PERIOD.findall(sentence.text) if period not in figures)


def denial_answers(claim: Sentence, denial: Sentence) -> bool:
    """Whether ``denial`` denies what ``claim`` states.

    It denies a fact (:data:`FACT_DENIALS`; not an action turned down, nor a
    thing called something: "dismissed it as meaningless"), and either at least
    :data:`DENIED_WORDS` of the words it denies are named and most are the
    claim's, or it points at a claim naming the one the claim quotes ("denied
    Gerasimov's claims", "dismissed Russian statements that …"). A sentence that itself tells of a denial ("was forced
    to deny …", "pleaded not guilty") reports that denial: it is no claim.
    """
    if _DENIAL_WORD.search(claim.text):
        return False
    claimed = set(claim.lemmas)
    named = {word for mention in denial.mentions for word in re.findall(r"\w+", mention.text.casefold())}
    makers = {_surname(said.speaker) for said in claim.attributions if not said.denial} - {""}
    for said in denial.attributions:
        if not _denies_a_fact(said, denial):
            continue
        content = said.content.strip(" \"“”'‘’")
        pointer = _POINTER.match(content)
        if pointer and any(re.search(rf"\b{re.escape(maker)}\b", pointer.group()) for maker in makers):
            return True
        if _PRONOUN.fullmatch(content) or pointer and not content[pointer.end() :].strip(" .,;:"):
            continue  # it points, and not at the claim's maker
        if _CALLED.search(content):
            continue
        words = content.casefold()
        denied = [lemma for lemma in dict.fromkeys(denial.lemmas) if re.search(rf"\b{re.escape(lemma)}", words)]
        # What is denied, past who and where: the names tell whose claim it is, not what it says.
        said_of = [lemma for lemma in denied if lemma not in named] or denied
        if len(denied) >= DENIED_WORDS and sum(lemma in claimed for lemma in said_of) >= DENIED_SHARE * len(said_of):
            return True
    return False


def _denies_a_fact(said: Attribution, sentence: Sentence) -> bool:
    """Whether a statement of ``sentence`` denies a fact (:data:`FACT_DENIALS`) or a claim it points at, and not an action
    turned down ("dismissed an attempt by Yukos"), nor is itself negated ("did not deny that …")."""
    content = said.content.strip(" \"“”'‘’")
    if not said.denial or not (any(cue in said.cue.casefold() for cue in FACT_DENIALS) or _POINTER.match(content)) or _ACTION.match(content):
        return False
    return "confirm" in said.cue or not re.search(rf"\b(?:not|never|n't)\s+(?:\w+\s+)?{re.escape(said.cue)}\b", sentence.text, re.I)


def states_a_denial(sentence: Sentence) -> bool:
    """Whether a sentence tells of a fact denied, or of reports played down: "The Kremlin denied that there have been
    any new peace proposals …", not "has not confirmed" (no denial), "dismissed the plan as 'desperate'" (a thing called
    something) or "dismissed an attempt by Yukos" (an action turned down)."""
    return bool(_PLAYED_DOWN.search(sentence.text)) or any(
        "confirm" not in said.cue and _denies_a_fact(said, sentence) and not _CALLED.search(said.content) for said in sentence.attributions
    )


def answered_before(same: SameFact, articles: Sequence[str]) -> list[tuple[float, int, int]]:
    """Disputes of a sentence that denies a claim it only points at ("Ukraine swiftly denied the
    assertion, insisting …") with the sentence before it in its article, which it answers, when that
    one quotes someone and tells of no denial itself; as :func:`score_pairs` gives disputes
    (probability with the conflicts set aside, i, j)."""
    pairs = [
        (k - 1, k)
        for k in range(1, len(same.sentences))
        if articles[k] == articles[k - 1]
        and same.sentences[k].index == same.sentences[k - 1].index + 1
        and _POINTED_DENIAL.search(same.sentences[k].text)
        and any(not said.denial for said in same.sentences[k - 1].attributions)
        and not _DENIAL_WORD.search(same.sentences[k - 1].text)
    ]
    if not pairs:
        return []
    first, second = (np.array(side) for side in zip(*pairs))
    aside = same.model.probability(_set_aside(same.evidence(first, second), _DISPUTING))
    return list(zip(aside.tolist(), first.tolist(), second.tolist()))


def _surname(speaker: str) -> str:
    """The last capitalised word of a speaker's name, or of a group's ("Gerasimov" of "Gen. Valery Gerasimov",
    "Russian" of "Russian forces"); "" for a description opening with an article ("a Labour spokesman")."""
    words = speaker.split()
    if not words or not words[0][:1].isupper() or words[0].casefold() in ("a", "an", "the"):
        return ""
    names = [word.removesuffix("'s").removesuffix("’s") for word in words if word[:1].isupper()]
    return names[-1]


def _percent(text: str) -> bool:
    return "%" in text or "per" in text.casefold()


def _near(value: float, values: Sequence[float], tolerance: float) -> bool:
    return any(abs(value - v) <= tolerance * max(abs(value), abs(v)) for v in values)


def common_lemma_limit(sentences: int) -> int:
    """In how many of ``sentences`` a lemma may be found and still propose candidate pairs."""
    return min(max(int(COMMON_LEMMA_SHARE * sentences), COMMON_LEMMA_FLOOR), COMMON_LEMMA_SENTENCES)


def _overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set found in the other; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _apart(a: frozenset, b: frozenset) -> bool:
    """Both name some, and none in common."""
    return bool(a and b and not a & b)


@dataclass(frozen=True)
class SameFactModel:
    """The trained logistic model: weights of :data:`FEATURES`, and the thresholds that use it."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    """The probability at or above which two sentences (and, on average, two groups) are one fact."""
    contested: float
    """A pair in conflict is a claim and its dispute when, the conflict set aside, its
    probability reaches this."""

    def probability(self, evidence: np.ndarray) -> np.ndarray:
        """The probability for each row of ``evidence``, rounded so that the last bits of a
        float sum never decide a threshold."""
        z = evidence @ np.array(self.weights) + self.bias
        return np.round(1.0 / (1.0 + np.exp(-z)), 6)


@cache
def trained_model() -> SameFactModel:
    """The model ``make train`` wrote into the package."""
    data = json.loads(resources.files("briefing.findings").joinpath("same_fact_model.json").read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("same_fact_model.json was trained on other features: run `make train`")
    return SameFactModel(tuple(data["weights"]), data["bias"], data["threshold"], data["contested"])


class SameFact:
    """The same-fact evidence and probability of sentence pairs, against one set of sentences."""

    def __init__(self, sentences: Sequence[Sentence], meanings: np.ndarray, model: SameFactModel | None = None) -> None:
        """``meanings`` holds one embedding row per sentence (see :mod:`briefing.analyse.embedding`)."""
        self.sentences = list(sentences)
        self.model = model or trained_model()
        self.meanings = np.asarray(meanings, dtype=np.float32)
        #: The lemmas and the entities of every sentence, with the IDF weights this set of sentences gives them.
        self.lemmas = Terms([s.lemmas for s in self.sentences])
        self.names = Terms([sorted(entities(s)) for s in self.sentences])
        # TF-IDF weights, and weights whose products are the IDF: a dot product is then the IDF of the words two share.
        idf = self.lemmas.idf[self.lemmas.term]
        self._words = self.lemmas.rows(self.lemmas.tfidf(), np.sqrt(idf))
        self._rarity = np.maximum(np.bincount(self.lemmas.row, idf, minlength=len(self.sentences)), 1e-9)
        self._name_rows = self.names.rows(self.names.tfidf())
        #: Whether a sentence names anything: a dispute is about one thing, which both name or neither does.
        self.naming = np.diff(self.names.start) > 0
        figure_terms = Terms([sorted(figures(s)) for s in self.sentences])
        self._figures = figure_terms.rows(np.ones(len(figure_terms.term)))
        self._figure_count = np.diff(figure_terms.start)
        self._lengths = self.lemmas.length.astype(float)
        self._denies = np.array([denies(s) for s in self.sentences], dtype=bool)
        # Who speaks, as a number: 0 for nobody named, -k for the k-th sentence's own (never equal).
        speaker_number: dict[str, int] = {}
        self._speaker = np.array(
            [speaker_number.setdefault(who, len(speaker_number) + 1) if (who := speaker(s)) else -k - 1 for k, s in enumerate(self.sentences)],
            dtype=np.int64,
        )
        # Dates and places only for the pairs that reach add_conflicts: most sentences never do.
        self._dates: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._places: dict[int, frozenset[str]] = {}
        self._scores: dict[tuple[int, int], float] = {}
        self._conflicts: dict[tuple[int, int], bool] = {}

    def evidence(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """One row of :data:`FEATURES` for each pair ``first[k]``, ``second[k]``."""
        rows = self.plain_evidence(first, second)
        self.add_conflicts(rows, first, second)
        return rows

    def plain_evidence(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The rows of :meth:`evidence` with only the conflicts numpy finds at once (a denial
        against a claim); the others are 0 until :meth:`add_conflicts`.

        Each pair's row depends on its two sentences and the IDF weights alone, not on
        the other pairs asked for with it, to the bit: a pair scored alone scores as in
        a batch of millions.
        """
        rows = np.zeros((len(first), len(FEATURES)))
        for lo in range(0, len(first), MEANING_BLOCK):
            a, b = first[lo : lo + MEANING_BLOCK], second[lo : lo + MEANING_BLOCK]
            rows[lo : lo + len(a), 0] = np.einsum("ij,ij->i", self.meanings[a], self.meanings[b])
        rows[:, 1], shared = self._words.dots(first, second)
        # How much of each sentence's rarer words the other has: one may report the other's fact
        # in a clause ("a day after the strike killed 26, Kallas said...").
        part = np.stack([shared / self._rarity[first], shared / self._rarity[second]])
        rows[:, 2], rows[:, 3] = part.max(axis=0), part.min(axis=0)
        (rows[:, 4],) = self._name_rows.dots(first, second)
        smaller = np.minimum(self._figure_count[first], self._figure_count[second])
        rows[:, 5] = self._figures.dots(first, second)[0] / np.maximum(smaller, 1)  # no figures: nothing shared, 0
        longer = np.maximum(self._lengths[first], self._lengths[second])
        rows[:, 6] = np.minimum(self._lengths[first], self._lengths[second]) / np.maximum(longer, 1)
        rows[:, 7] = self._speaker[first] == self._speaker[second]
        rows[:, 8] = (self._speaker[first] != self._speaker[second]) & (self._speaker[first] > 0) & (self._speaker[second] > 0)
        rows[:, DENIAL_CONFLICT] = self._denies[first] != self._denies[second]
        return np.round(rows, 6)

    def add_conflicts(self, rows: np.ndarray, first: np.ndarray, second: np.ndarray) -> None:
        """Fill in the figure, date and place conflicts of ``rows`` (sentence by sentence: the
        caller first keeps only the pairs that could reach a threshold without them)."""
        figure, date, place = [], [], []  # set as columns at the end: one element at a time costs more than the tests
        for i, j in zip(first.tolist(), second.tolist()):
            a, b = self.sentences[i], self.sentences[j]
            figure.append(bool(a.numbers and b.numbers) and figures_conflict(a, b))
            (weekdays, days), (other_weekdays, other_days) = self._dates_of(i), self._dates_of(j)
            date.append(_apart(weekdays, other_weekdays) or _apart(days, other_days))
            place.append(_apart(self._places_of(i), self._places_of(j)))
        rows[:, FIGURE_CONFLICT], rows[:, DATE_CONFLICT], rows[:, PLACE_CONFLICT] = figure, date, place

    def _dates_of(self, i: int) -> tuple[frozenset[str], frozenset[str]]:
        if i not in self._dates:
            self._dates[i] = dates(self.sentences[i])
        return self._dates[i]

    def _places_of(self, i: int) -> frozenset[str]:
        if i not in self._places:
            self._places[i] = places(self.sentences[i])
        return self._places[i]

    def dispute(self, i: int, j: int, row: np.ndarray, alike: float, article: np.ndarray) -> bool:
        """Whether sentences ``i`` and ``j``, in conflict (``row``: their evidence) and alike enough to be a
        claim and its dispute (``alike``: their probability with the conflicts set aside), dispute one fact: one
        denies what the other states, or they give other values for one quantity of one thing, naming it
        alike, for the same period, and as alike as one fact's sentences are. ``article``: each sentence's
        article, as a number."""
        a, b = self.sentences[i], self.sentences[j]
        if row[DENIAL_CONFLICT] and (denial_answers(b, a) if self._denies[i] else denial_answers(a, b)):
            return True
        # One source giving two figures gives two quantities: a figure is disputed by another's.
        return (
            bool(row[FIGURE_CONFLICT])
            and (article[i] != article[j] or bool(row[OTHER_SPEAKER]))
            and alike >= self.model.threshold
            and bool(self._named_around(i, article) & self._named_around(j, article))
            and periods(a) == periods(b)
            and figures_conflict(a, b, strict=True)
        )

    def _named_around(self, i: int, article: np.ndarray) -> frozenset[str]:
        """What sentence ``i`` names, or, when it names nothing ("More than 90 people were injured"), what the
        last sentence before it in its article named: the subject it goes on about."""
        for k in range(i, -1, -1):
            if article[k] != article[i]:
                break
            if named := entities(self.sentences[k]):
                return named
        return frozenset()

    def probabilities(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        return self.model.probability(self.evidence(first, second))

    def judge(self, pairs: Sequence[tuple[int, int]]) -> tuple[list[float], bool]:
        """The probability of each pair ``(i, j)``, and whether any of them is in conflict
        (see :data:`HARD_CONFLICTS`); remembered, as grouping asks for pairs again."""
        keys = [(i, j) if i < j else (j, i) for i, j in pairs]
        missing = sorted({k for k in keys if k not in self._scores})
        if missing:
            first, second = (np.array(side) for side in zip(*missing))
            rows = self.evidence(first, second)
            conflicted = rows[:, _HARD].any(axis=1)
            self._scores.update(zip(missing, self.model.probability(rows).tolist()))
            self._conflicts.update(zip(missing, conflicted.tolist()))
        return [self._scores[k] for k in keys], any(self._conflicts[k] for k in keys)

    def score(self, i: int, j: int) -> float:
        """The probability that sentences ``i`` and ``j`` report one fact."""
        return self.judge([(i, j)])[0][0]

    def remember(self, first: np.ndarray, second: np.ndarray, scores: np.ndarray) -> None:
        """Keep the probabilities of pairs known to be free of conflicts."""
        keys = list(zip(first.tolist(), second.tolist()))
        self._scores.update(zip(keys, scores.tolist()))
        self._conflicts.update(dict.fromkeys(keys, False))

    def proposing(self) -> np.ndarray:
        """Which lemmas (by number) propose candidate pairs: found in two sentences or more, and not too common."""
        return (self.lemmas.df >= 2) & (self.lemmas.df <= common_lemma_limit(len(self.sentences)))

    def candidates(self, touching: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The pairs of sentences ``i < j`` that share a not-too-common lemma, ordered by ``i``, then ``j``;
        with ``touching`` (one flag per sentence), only the pairs with a flagged sentence.

        An inverted index keeps the cost proportional to the sentences that
        share words, not to the square of all sentences.
        """
        n = len(self.sentences)
        terms = self.lemmas
        entries = np.flatnonzero(self.proposing()[terms.term])
        # The posting list of each proposing lemma: its sentences, ascending (entries are by sentence).
        order = entries[np.argsort(terms.term[entries], kind="stable")]
        holders, lemma = terms.row[order], terms.term[order]
        length = terms.df[lemma]
        begins = np.flatnonzero(np.diff(lemma, prepend=-1))  # where each posting list begins
        keys = [np.empty(0, dtype=np.int64)]
        if touching is None:
            # Posting lists of one length stack into a matrix whose column pairs are all their pairs at once.
            for size in np.unique(length[begins]).tolist():
                lists = holders[begins[length[begins] == size][:, None] + np.arange(size)]
                earlier, later = np.triu_indices(size, 1)
                keys.append((lists[:, earlier] * n + lists[:, later]).ravel())
        else:
            # Each flagged sentence with every other holder of each of its proposing lemmas.
            mine = np.flatnonzero(touching[holders])
            begin = np.repeat(begins, length[begins])[mine]
            partners = np.repeat(begin, length[mine]) + positions_in_runs(length[mine])
            me, other = np.repeat(holders[mine], length[mine]), holders[partners]
            apart = me != other
            me, other = me[apart], other[apart]
            keys.append(np.minimum(me, other) * n + np.maximum(me, other))
        keys = np.sort(np.concatenate(keys))
        # Once each, though a pair shares several lemmas (np.unique is much slower at this).
        return np.divmod(keys[np.diff(keys, prepend=-1) != 0], n)


def positions_in_runs(lengths: np.ndarray) -> np.ndarray:
    """0, 1, ... lengths[0] - 1, 0, 1, ... lengths[1] - 1, ...: the positions within consecutive runs."""
    ends = np.cumsum(lengths)
    return np.arange(ends[-1] if len(ends) else 0) - np.repeat(ends - lengths, lengths)


def scan(same: SameFact, articles: Sequence[str]) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int]]]:
    """Score every candidate pair of sentences (see :func:`score_pairs`)."""
    scanned = score_pairs(same, articles, *same.candidates())
    return scanned.alike, scanned.disputed


@dataclass
class Scanned:
    """What :func:`score_pairs` found."""

    alike: list[tuple[float, int, int]]
    """The pairs from different articles likely one fact, as (probability, i, j), most likely first."""
    disputed: list[tuple[float, int, int]]
    """The pairs in conflict that would be one fact but for the conflict (a claim and its denial,
    two figures for one count), as (probability with the conflicts set aside, i, j), most alike first."""
    close: tuple[np.ndarray, np.ndarray, np.ndarray]
    """The pairs that came within ``margin`` of the cut or past it, as (first, second, how far past
    the cut: see :func:`_reach`)."""


def _reach(model: SameFactModel, rows: np.ndarray) -> np.ndarray:
    """For each row of plain evidence, how far it reaches past the cut: the larger of its
    probability with the hard conflicts set aside less the lower threshold, and with the
    conflicts and the other speaker set aside less the contested threshold. A pair under 0 is
    neither one fact nor a dispute, whatever conflicts it has (a conflict only lowers a probability)."""
    return np.maximum(
        model.probability(_set_aside(rows, _HARD)) - min(model.threshold, model.contested),
        model.probability(_set_aside(rows, _DISPUTING)) - model.contested,
    )


def score_pairs(same: SameFact, articles: Sequence[str], first: np.ndarray, second: np.ndarray, margin: float = 0.0) -> Scanned:
    """Score the candidate pairs ``first[k] < second[k]`` (ordered by first, then second) of sentences of ``articles``.

    The conflicts only lower a probability, so the ones worked out sentence by
    sentence are worked out only for the pairs that reach the cut without them.
    """
    model = same.model
    number = {article: k for k, article in enumerate(dict.fromkeys(articles))}
    article_number = np.array([number[article] for article in articles], dtype=np.intp)
    alike: list[tuple[float, int, int]] = []
    disputed: list[tuple[float, int, int]] = []
    close: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [(first[:0], second[:0], np.zeros(0))]
    for lo in range(0, len(first), CHUNK):
        a, b = first[lo : lo + CHUNK], second[lo : lo + CHUNK]
        rows = same.plain_evidence(a, b)
        reach = _reach(model, rows)
        near_cut = reach >= -margin
        close.append((a[near_cut], b[near_cut], reach[near_cut]))
        keep = reach >= 0
        a, b, rows = a[keep], b[keep], rows[keep]
        same.add_conflicts(rows, a, b)
        scores = model.probability(rows)
        conflicted = rows[:, _HARD].any(axis=1)
        rows_dated = rows[:, DATE_CONFLICT] > 0
        aside = model.probability(_set_aside(rows, _DISPUTING))
        # One article states a fact once: two of its sentences may dispute each other, never agree.
        near = (scores >= model.threshold) & ~conflicted & (article_number[a] != article_number[b])
        same.remember(a[near], b[near], scores[near])
        alike += zip(scores[near].tolist(), a[near].tolist(), b[near].tolist())
        # Other dates are other events, not a dispute about one; and a dispute is about one thing, which both
        # name, or neither ("BA's shares closed up four pence" and another firm's "The shares closed down 247p" dispute
        # nothing); two figures must name it alike, by themselves or through their article (SameFact.dispute).
        about_one = (rows[:, NAMES] > 0) | ~(same.naming[a] | same.naming[b])
        maybe = np.flatnonzero(conflicted & ~rows_dated & (aside >= model.contested) & about_one)
        disputed += [(float(aside[k]), int(a[k]), int(b[k])) for k in maybe.tolist() if same.dispute(a[k], b[k], rows[k], aside[k], article_number)]
    kept = [np.concatenate(side) for side in zip(*close)]
    return Scanned(strongest_first(alike), strongest_first(disputed), (kept[0], kept[1], kept[2]))


def _set_aside(rows: np.ndarray, columns: list[int]) -> np.ndarray:
    """``rows`` with the evidence of ``columns`` set to 0."""
    aside = rows.copy()
    aside[:, columns] = 0.0
    return aside


def strongest_first(pairs: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    return sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))


def same_fact_groups(same: SameFact, articles: Sequence[str], pairs: list[tuple[float, int, int]]) -> list[list[int]]:
    """Group sentences that report the same fact, from the likely pairs of :func:`scan`.

    Plain union-find over pairs would chain: A~B and B~C would put A and C
    together however unlike they are, and one finding could swallow a whole
    story. So two groups merge only when (1) they share no article (an article
    states a fact once; two of its sentences are two facts), (2) no pair across
    them is in conflict (:data:`HARD_CONFLICTS`), and (3) their sentences
    are, on average over all pairs across the two groups, as likely one fact as
    the model's threshold asks.
    """
    group_of = list(range(len(articles)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    for _, i, j in pairs:
        a, b = group_of[i], group_of[j]
        if a == b or {articles[k] for k in members[a]} & {articles[k] for k in members[b]}:
            continue
        scores, conflict = same.judge([(x, y) for x in members[a] for y in members[b]])
        if conflict or round(sum(scores) / len(scores), 6) < same.model.threshold:
            continue
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
    return [sorted(m) for m in members.values()]
